#include "op_category.h"

#include <QCoreApplication>
#include <QHash>

namespace onnxscope {

OpCategory opCategory(const QString& opType, const QString& domain) {
    Q_UNUSED(domain);
    static const QHash<QString, OpCategory> table = [] {
        QHash<QString, OpCategory> t;
        auto add = [&](OpCategory c, std::initializer_list<const char*> ops) {
            for (const char* op : ops)
                t.insert(QString::fromLatin1(op), c);
        };
        add(OpCategory::Layer,
            {"Conv", "ConvTranspose", "ConvInteger", "Gemm", "MatMul", "MatMulInteger", "LSTM", "GRU", "RNN",
             "Attention", "DeformConv", "QLinearConv", "QLinearMatMul", "Einsum"});
        add(OpCategory::Activation, {"Relu", "LeakyRelu", "PRelu", "Sigmoid", "HardSigmoid", "Tanh",
                                     "Softmax", "LogSoftmax", "Elu", "Selu", "Celu", "Gelu", "Softplus",
                                     "Softsign", "HardSwish", "Mish", "ThresholdedRelu", "Hardmax", "Swish"});
        add(OpCategory::Pool, {"MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "LpPool",
                               "GlobalLpPool", "MaxRoiPool", "RoiAlign", "MaxUnpool"});
        add(OpCategory::Normalization,
            {"BatchNormalization", "LayerNormalization", "InstanceNormalization", "GroupNormalization",
             "LpNormalization", "LRN", "RMSNormalization", "MeanVarianceNormalization", "Dropout"});
        add(OpCategory::Shape, {"Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "Shape", "Size",
                                "Expand", "Tile", "Pad", "Slice", "Split", "Concat", "DepthToSpace",
                                "SpaceToDepth", "Resize", "Upsample", "CenterCropPad", "Col2Im"});
        add(OpCategory::Tensor, {"Gather",
                                 "GatherElements",
                                 "GatherND",
                                 "Scatter",
                                 "ScatterElements",
                                 "ScatterND",
                                 "Constant",
                                 "ConstantOfShape",
                                 "Identity",
                                 "Cast",
                                 "CastLike",
                                 "Range",
                                 "OneHot",
                                 "Compress",
                                 "NonZero",
                                 "TopK",
                                 "Unique",
                                 "Trilu",
                                 "EyeLike",
                                 "SequenceAt",
                                 "SequenceConstruct",
                                 "SequenceInsert",
                                 "SequenceEmpty",
                                 "SplitToSequence",
                                 "ConcatFromSequence",
                                 "SequenceLength",
                                 "SequenceErase",
                                 "Optional",
                                 "OptionalGetElement",
                                 "OptionalHasElement"});
        add(OpCategory::Logic,
            {"And", "Or", "Xor", "Not", "Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Where",
             "IsNaN", "IsInf", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "BitwiseNot"});
        add(OpCategory::Control, {"If", "Loop", "Scan", "SequenceMap"});
        add(OpCategory::Quantization, {"QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear"});
        return t;
    }();
    auto it = table.constFind(opType);
    if (it != table.constEnd())
        return *it;
    return OpCategory::Math;
}

QColor categoryColor(OpCategory category) {
    switch (category) {
    case OpCategory::Layer:
        return QColor(0x33, 0x6f, 0xb5);
    case OpCategory::Activation:
        return QColor(0x8b, 0x2c, 0x2c);
    case OpCategory::Pool:
        return QColor(0x33, 0x7a, 0x47);
    case OpCategory::Normalization:
        return QColor(0x3a, 0x5c, 0x5c);
    case OpCategory::Shape:
        return QColor(0x6c, 0x4f, 0x3d);
    case OpCategory::Tensor:
        return QColor(0x5c, 0x5c, 0x5c);
    case OpCategory::Math:
        return QColor(0x26, 0x26, 0x26);
    case OpCategory::Logic:
        return QColor(0x6b, 0x3a, 0x7a);
    case OpCategory::Control:
        return QColor(0xa0, 0x62, 0x10);
    case OpCategory::Quantization:
        return QColor(0x2f, 0x6e, 0x8a);
    case OpCategory::Input:
        return QColor(0xee, 0xee, 0xee);
    case OpCategory::Output:
        return QColor(0xee, 0xee, 0xee);
    case OpCategory::Other:
        break;
    }
    return QColor(0x44, 0x44, 0x44);
}

QString categoryName(OpCategory category) {
    switch (category) {
    case OpCategory::Layer:
        return QCoreApplication::translate("OpCategory", "Layer");
    case OpCategory::Activation:
        return QCoreApplication::translate("OpCategory", "Activation");
    case OpCategory::Pool:
        return QCoreApplication::translate("OpCategory", "Pool");
    case OpCategory::Normalization:
        return QCoreApplication::translate("OpCategory", "Normalization");
    case OpCategory::Shape:
        return QCoreApplication::translate("OpCategory", "Shape");
    case OpCategory::Tensor:
        return QCoreApplication::translate("OpCategory", "Tensor");
    case OpCategory::Math:
        return QCoreApplication::translate("OpCategory", "Math");
    case OpCategory::Logic:
        return QCoreApplication::translate("OpCategory", "Logic");
    case OpCategory::Control:
        return QCoreApplication::translate("OpCategory", "Control flow");
    case OpCategory::Quantization:
        return QCoreApplication::translate("OpCategory", "Quantization");
    case OpCategory::Input:
        return QCoreApplication::translate("OpCategory", "Graph input");
    case OpCategory::Output:
        return QCoreApplication::translate("OpCategory", "Graph output");
    case OpCategory::Other:
        break;
    }
    return QCoreApplication::translate("OpCategory", "Other");
}

} // namespace onnxscope
