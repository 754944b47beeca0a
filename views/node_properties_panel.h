// Properties of what is selected in the graph: for a node its op type, domain, name, opset,
// attributes, inputs and outputs with types and shapes, and the schema documentation; for a
// tensor its type, shape, producer, consumers and (initializers) basic statistics; for a block
// its path and size. Graph-valued attributes can be opened as subgraphs from here.
#pragma once

#include "graph_document.h"

#include <QWidget>

#include <memory>

class QTreeWidget;
class QTreeWidgetItem;
class QTextBrowser;

namespace onnxscope {

class NodePropertiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit NodePropertiesPanel(QWidget* parent = nullptr);

    void setDocument(std::shared_ptr<const GraphDocument> document);
    void showNode(int node);
    void showTensor(int tensor);
    void showBlock(int block);
    void clear();
    // The text of every row, "key: value" (for tests and copy).
    QStringList rowsText() const;
    QString documentation() const;

signals:
    void subgraphRequested(int node, const QString& attribute);
    void tensorRequested(int tensor);

private:
    QTreeWidgetItem* addRow(QTreeWidgetItem* parent, const QString& key, const QString& value);
    QString tensorSummary(int tensor) const;

    std::shared_ptr<const GraphDocument> m_document;
    QTreeWidget* m_tree;
    QTextBrowser* m_doc;
    int m_node = -1;
};

} // namespace onnxscope
