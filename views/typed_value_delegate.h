// Line editors for the editable value column of the properties tree, each accepting only text of
// the value's type (an int, a float, a list of them, a tensor dimension), so a typo is caught
// while typing. A finished edit is reported through `committed` instead of being written to the
// item: the model decides whether to accept it, and the panel is rebuilt from the model after.
#pragma once

#include <QStyledItemDelegate>

namespace onnxscope {

class TypedValueDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // Item data in the value column: the text to start editing from, and the value's type
    // (an AttributeKind as int, kDimType for a tensor dimension, -1 for free text).
    static constexpr int kEditTextRole = Qt::UserRole + 10;
    static constexpr int kValueTypeRole = Qt::UserRole + 11;
    static constexpr int kDimType = 100;

    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

signals:
    void committed(const QModelIndex& index, const QString& text) const;
};

} // namespace onnxscope
