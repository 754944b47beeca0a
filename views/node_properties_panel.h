// Properties of what is selected in the graph: for a node its op type, domain, name, opset,
// attributes, inputs and outputs with types and shapes, and the schema documentation; for a
// tensor its type, shape, producer, consumers and (initializers) basic statistics; for a block
// its path and size. Graph-valued attributes can be opened as subgraphs from here.
//
// With a ModelEditor attached and the model's main graph shown, some values are editable in
// place (double-click or F2 on the value): a node's name and doc string, int/float/string
// attributes and lists of them (each with an editor that only accepts its type), and a graph
// input's or output's name (every reference is renamed) and dimensions. Edits go through the
// editor's undo stack; a refused edit leaves the value as it was and shows why above the tree.
#pragma once

#include "core/graph_path.h"

#include "graph_document.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QTextBrowser;

namespace onnxscope {

class ModelEditor;

class NodePropertiesPanel : public QWidget {
    Q_OBJECT
public:
    // What an editable value row changes.
    enum class EditKind { None, NodeName, NodeDocString, Attribute, ValueName, Dim };

    explicit NodePropertiesPanel(QWidget* parent = nullptr);

    // path: where the document's graph sits in the model, so edits reach nodes of subgraphs.
    void setDocument(std::shared_ptr<const GraphDocument> document, GraphPath path = {});
    void setEditor(ModelEditor* editor);
    void showNode(int node);
    void showTensor(int tensor);
    void showBlock(int block);
    void clear();
    // Shows the same node or tensor again, after the model changed.
    void refresh();
    int shownNode() const { return m_node; }
    int shownTensor() const { return m_tensor; }
    // The text of every row, "key: value" (for tests and copy).
    QStringList rowsText() const;
    QString documentation() const;

    // True when the shown graph is the editor's main graph, so its values can be edited.
    bool isEditable() const;
    // The editable row for `kind` (and attribute name / dimension index), or nullptr.
    QTreeWidgetItem* editableRow(EditKind kind, const QString& argument = QString()) const;
    // Applies `text` to an editable row as if typed into its editor; false when refused.
    bool commitEdit(QTreeWidgetItem* row, const QString& text);
    // The message of the last refused edit, empty after a successful one.
    QString editError() const;

signals:
    void subgraphRequested(int node, const QString& attribute);
    void tensorRequested(int tensor);

private:
    QTreeWidgetItem* addRow(QTreeWidgetItem* parent, const QString& key, const QString& value);
    QTreeWidgetItem* addEditableRow(QTreeWidgetItem* parent, const QString& key, const QString& value,
                                    EditKind kind, const QString& argument = QString(),
                                    int attributeKind = -1);
    void addValueRows(const QString& valueName);
    void addAttributeRows(const onnx::NodeProto& proto);
    void addMetadataRows(int protoNode, const QString& valueName);
    void showEditError(const QString& message);
    QString tensorSummary(int tensor) const;

    std::shared_ptr<const GraphDocument> m_document;
    GraphPath m_path;
    QPointer<ModelEditor> m_editor;
    QLabel* m_message;
    QTreeWidget* m_tree;
    QTextBrowser* m_doc;
    int m_node = -1;
    int m_tensor = -1;
    int m_block = -1;
};

} // namespace onnxscope
