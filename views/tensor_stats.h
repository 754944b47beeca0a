// Basic statistics of an initializer or constant for the properties panel (count, min, max,
// mean, standard deviation, zeros), computed straight from the TensorProto payload.
#pragma once

#include <QString>

#include <optional>

namespace onnx {
class TensorProto;
}

namespace onnxscope {

struct TensorStats {
    qint64 count = 0;
    double min = 0, max = 0, mean = 0, stddev = 0;
    qint64 zeros = 0;
    qint64 nonFinite = 0;
};

// Nothing for element types without a numeric reading here (strings, packed sub-byte types),
// external data, or a payload that does not match the dims.
std::optional<TensorStats> tensorStats(const onnx::TensorProto& tensor);
QString tensorStatsText(const onnx::TensorProto& tensor);

} // namespace onnxscope
