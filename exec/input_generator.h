// Values for graph inputs when the user has no data file at hand: seeded random tensors (uniform
// or normal), constant tensors (zeros, ones), shapes with their symbolic dims resolved, and files
// (.pb / .npy / .npz) read as the type the graph declares. Shared by onnxscope-cli and the GUI's
// input dialog so both make the same data from the same seed.
#pragma once

#include "core/value.h"
#include "execution_plan.h"

#include <map>
#include <random>
#include <string>
#include <vector>

namespace onnxscope {

enum class RandomDistribution { Uniform, Normal };

// Uniform draws from [low, high) (integers from [ceil(low), ceil(high) - 1]); Normal draws
// mean + stddev * N(0, 1), rounded for integer types.
struct RandomSpec {
    RandomDistribution distribution = RandomDistribution::Uniform;
    double low = -1, high = 1;
    double mean = 0, stddev = 1;
};

// [-1, 1) for floating-point types, [0, 10) for integers: values every op accepts as data.
RandomSpec defaultRandomSpec(DataType type);

// Bool tensors get random bits and string tensors short strings whatever the spec says.
Result<Tensor> randomTensor(DataType type, const Shape& shape, std::mt19937_64& rng, const RandomSpec& spec);
Result<Tensor> randomTensor(DataType type, const Shape& shape, std::mt19937_64& rng);
// Every element set to value (0 and 1 for zeros / ones), converted to the element type.
Result<Tensor> constantTensor(DataType type, const Shape& shape, double value);

// The declared shape with symbolic and unknown dims filled in: from dims by name, else 1. The
// names (or "#axis") of the dims that fell back to 1 are appended to guessed.
Shape resolveInputShape(const ValueInfo& info, const std::map<std::string, int64_t>& dims,
                        std::vector<std::string>* guessed = nullptr);

// Tensors from .pb, .npy or FILE.npz[:member]; sequences, optionals and maps only from .pb.
Result<Value> readInputValue(const std::string& file, const ValueInfo& info);

} // namespace onnxscope
