// The metadata editor: the model's producer name and version, domain, model_version and doc
// strings, and a key/value table of metadata_props for the model and, when the model's IR
// version has them (10+), for the main graph and the node or value selected in the graph.
//
// Fields apply when editing finishes (Enter or leaving the field); every change goes through
// ModelEditor, so it can be undone. Empty and duplicate keys are refused with a message above
// the table, and the table shows the model's state again.
#pragma once

#include "core/metadata_edit.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTableWidgetItem;

namespace onnxscope {

class ModelEditor;

class MetadataEditor : public QWidget {
    Q_OBJECT
public:
    explicit MetadataEditor(QWidget* parent = nullptr);

    void setEditor(ModelEditor* editor);
    // What the graph has selected: a main-graph node index (-1: none) and a value name (empty:
    // none). They become the "Selected node" and "Selected value" metadata targets.
    void setSelection(int node, const QString& value);
    // Reads every field and the table from the model again.
    void refresh();

    MetadataTarget currentTarget() const;
    // False when the target is not offered (nothing selected, IR below 10).
    bool setCurrentTarget(MetadataTarget::Kind kind);
    QStringList targetNames() const;
    bool isTargetEnabled(MetadataTarget::Kind kind) const;

    // The table's actions, as the buttons and cell edits call them; false (and a visible
    // message) when refused.
    bool addEntry(const QString& key, const QString& value);
    bool removeEntry(int row);
    bool editKey(int row, const QString& key);
    bool editValue(int row, const QString& value);
    QTableWidget* table() const { return m_table; }
    QString message() const;

private:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void commitField(QObject* field);
    void report(bool ok, const QString& error);
    void fillTable();
    void updateTargets();

    QPointer<ModelEditor> m_editor;
    QLineEdit* m_producerName;
    QLineEdit* m_producerVersion;
    QLineEdit* m_domain;
    QLineEdit* m_modelVersion;
    QPlainTextEdit* m_modelDoc;
    QPlainTextEdit* m_graphDoc;
    QComboBox* m_target;
    QTableWidget* m_table;
    QLineEdit* m_newKey;
    QLineEdit* m_newValue;
    QLabel* m_message;
    int m_selectedNode = -1;
    QString m_selectedValue;
    bool m_filling = false;
};

} // namespace onnxscope
