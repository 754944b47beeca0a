#include "typed_value_delegate.h"

#include "core/attribute_edit.h"

#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace onnxscope {

namespace {

const QString kInt = QStringLiteral(R"([+-]?\d+)");
const QString kFloat = QStringLiteral(R"([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?inf|nan)");

QString listOf(const QString& item) {
    return QStringLiteral(R"(\s*\[?\s*(?:(?:%1)(?:\s*,\s*(?:%1))*)?\s*\]?\s*)").arg(item);
}

QString patternFor(int type) {
    if (type == TypedValueDelegate::kDimType)
        return QStringLiteral(R"(\s*(?:\?|\d+|[A-Za-z_][A-Za-z0-9_.:\- ]*)?\s*)");
    switch (static_cast<AttributeKind>(type)) {
    case AttributeKind::Int:
        return QStringLiteral(R"(\s*%1\s*)").arg(kInt);
    case AttributeKind::Float:
        return QStringLiteral(R"(\s*(?:%1)\s*)").arg(kFloat);
    case AttributeKind::Ints:
        return listOf(kInt);
    case AttributeKind::Floats:
        return listOf(kFloat);
    case AttributeKind::String:
    case AttributeKind::Strings:
        break;
    }
    return {};
}

} // namespace

QWidget* TypedValueDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                          const QModelIndex& index) const {
    if (index.column() != 1)
        return nullptr;
    auto* edit = new QLineEdit(parent);
    const int type = index.data(kValueTypeRole).isValid() ? index.data(kValueTypeRole).toInt() : -1;
    const QString pattern = type >= 0 ? patternFor(type) : QString();
    if (!pattern.isEmpty())
        edit->setValidator(new QRegularExpressionValidator(QRegularExpression(pattern), edit));
    return edit;
}

void TypedValueDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (auto* edit = qobject_cast<QLineEdit*>(editor))
        edit->setText(index.data(kEditTextRole).toString());
}

void TypedValueDelegate::setModelData(QWidget* editor, QAbstractItemModel*, const QModelIndex& index) const {
    auto* edit = qobject_cast<QLineEdit*>(editor);
    if (edit && edit->text() != index.data(kEditTextRole).toString())
        emit committed(index, edit->text());
}

} // namespace onnxscope
