// Two models side by side with their structural differences (core/model_diff.h): both graphs,
// removed nodes red on the left, added nodes green on the right, changed ones orange on both
// (a changed weight marks the nodes that read it), and the list of every difference. Selecting a
// node on one side selects its counterpart on the other; selecting a difference selects it on
// both. Loading the second model and diffing run off the UI thread.
#pragma once

#include "core/model_diff.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace onnxscope {

class GraphPage;
class Model;

class ModelDiffWindow : public QWidget {
    Q_OBJECT
public:
    explicit ModelDiffWindow(QWidget* parent = nullptr);
    ~ModelDiffWindow() override;

    // Diffs modelA (already loaded) against the model at pathB.
    void open(std::shared_ptr<const Model> modelA, const QString& titleA, const QString& pathB);

    GraphPage* pageA() const { return m_pageA; }
    GraphPage* pageB() const { return m_pageB; }
    QTreeWidget* changeList() const { return m_changes; }
    const ModelDiff& diff() const { return m_diff; }
    // The display node of graph.node[protoIndex] on a side (0: A, 1: B), or -1.
    int displayNode(int side, int protoIndex) const;

signals:
    void ready();
    void failed(const QString& message);

private:
    struct Loaded;
    void present(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b, ModelDiff diff);
    void indexDisplayNodes();
    void applyOverlays();
    void fillChangeList();
    void syncSelection(int fromSide, const QString& nodeName);
    void onChangeActivated(QTreeWidgetItem* item);

    GraphPage* m_pageA;
    GraphPage* m_pageB;
    QTreeWidget* m_changes;
    QLabel* m_summary;
    std::shared_ptr<const Model> m_modelA, m_modelB;
    ModelDiff m_diff;
    std::vector<int> m_displayOf[2]; // per side: graph.node index -> display node, -1 when folded
    quint64 m_generation = 0;
    bool m_syncing = false;
};

} // namespace onnxscope
