// Search over the current graph by node name, op type and tensor name, with a results list.
#pragma once

#include "graph_document.h"

#include <QWidget>

#include <memory>

class QLineEdit;
class QListWidget;
class QLabel;

namespace onnxscope {

class GraphSearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit GraphSearchPanel(QWidget* parent = nullptr);

    void setDocument(std::shared_ptr<const GraphDocument> document);
    // Fills the list; returns the number of hits (capped at maxResults).
    int search(const QString& text);
    int resultCount() const;
    // Chooses result `row` as if the user clicked it.
    void activateResult(int row);
    void focusSearch();

signals:
    void nodeChosen(int node);
    void tensorChosen(int tensor);

private:
    std::shared_ptr<const GraphDocument> m_document;
    QLineEdit* m_edit;
    QListWidget* m_results;
    QLabel* m_summary;
    static constexpr int maxResults = 500;
};

} // namespace onnxscope
