// Operator categories and their colours: the one table that decides how a node is painted.
#pragma once

#include <QColor>
#include <QString>

namespace onnxscope {

enum class OpCategory {
    Layer,
    Activation,
    Pool,
    Normalization,
    Shape,
    Tensor,
    Math,
    Logic,
    Control,
    Quantization,
    Input,
    Output,
    Other
};

OpCategory opCategory(const QString& opType, const QString& domain = QString());
QColor categoryColor(OpCategory category);
QString categoryName(OpCategory category); // translated

} // namespace onnxscope
