// The graph page: the graph canvas with its search list, properties panel, breadcrumb for
// subgraphs (If/Loop/Scan bodies), block expand/collapse, and export. The main window embeds
// one of these and hands it a loaded model.
#pragma once

#include "core/graph_path.h"
#include "graph_document.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;
class QHBoxLayout;

namespace onnx {
class ModelProto;
}

namespace onnxscope {

class Model;
class GraphView;
class GraphSearchPanel;
class NodePropertiesPanel;
class LayoutController;

class GraphPage : public QWidget {
    Q_OBJECT
public:
    explicit GraphPage(QWidget* parent = nullptr);
    ~GraphPage() override;

    void loadModel(std::shared_ptr<const Model> model);
    void loadModelProto(std::shared_ptr<const onnx::ModelProto> model, const QString& title);
    void clear();

    // Subgraphs: opens the graph held by `attribute` of `node` (index for GRAPHS attributes).
    bool openSubgraph(int node, const QString& attribute, int index = 0);
    void goToLevel(int depth); // 0 = the model's main graph
    int levelCount() const { return static_cast<int>(m_levels.size()); }
    // Where the shown graph sits in the model (empty for the main graph).
    GraphPath graphPath() const;
    // Opens the subgraphs along path from the main graph; false (staying at the deepest level
    // reached) when a step no longer exists.
    bool openGraphPath(const GraphPath& path);
    QStringList breadcrumb() const;

    void toggleBlock(int block);
    void setBlockExpanded(int block, bool expanded);
    void expandAll();
    void collapseAll();
    // Selects a node, opening the blocks around it first when needed.
    void revealAndSelect(int node);

    std::shared_ptr<const GraphDocument> document() const;
    const std::vector<bool>& expandedBlocks() const;
    bool hasLayout() const { return m_hasLayout; }
    GraphView* view() const { return m_view; }
    GraphSearchPanel* searchPanel() const { return m_search; }
    NodePropertiesPanel* propertiesPanel() const { return m_properties; }
    LayoutController* layoutController() const { return m_layout; }
    QList<QAction*> viewActions() const;
    QAction* minimapAction() const { return m_minimapAction; }
    // Moves the properties panel out of the page, for a window that docks it; the page then
    // no longer shows or hides it. Until then it sits at the right, shown while something is
    // selected.
    NodePropertiesPanel* detachPropertiesPanel();
    // Shows the search list at the left and puts the cursor in its field (Ctrl+F); Escape in
    // the list hides it again.
    void showSearch();

    bool exportSvg(const QString& path, QString* error = nullptr);
    bool exportPng(const QString& path, QString* error = nullptr);

signals:
    void nodeSelected(const QString& nodeName, const QString& opType);
    void tensorSelected(const QString& tensorName);
    void layoutReady();
    void statusMessage(const QString& message);

private:
    struct Level {
        std::shared_ptr<GraphDocument> document;
        std::vector<bool> expanded;
        QString title;
        GraphPath path;
    };
    void pushLevel(std::shared_ptr<const DisplayGraph> graph, const QString& title, GraphPath path = {});
    void showLevel();
    void relayout();
    void rebuildBreadcrumb();
    void onLayoutFinished(quint64 generation, const SceneLayout& layout, qint64 ms);
    void chooseSubgraph(int node);
    void exportWithDialog(bool svg);
    void showProperties(bool shown);

    GraphView* m_view;
    GraphSearchPanel* m_search;
    NodePropertiesPanel* m_properties;
    LayoutController* m_layout;
    QWidget* m_breadcrumbBar;
    QHBoxLayout* m_breadcrumbLayout;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QLabel* m_status;
    QList<QAction*> m_actions;
    std::vector<Level> m_levels;
    QAction* m_minimapAction = nullptr;
    bool m_propertiesDetached = false;
    bool m_hasLayout = false;
    // What the next layout shows: the first view of a graph, or all of it (after Collapse All).
    enum class PendingView { None, Start, Fit };
    PendingView m_pendingView = PendingView::None;
    int m_pendingSelect = -1;
    int m_focusBlock = -1;
};

} // namespace onnxscope
