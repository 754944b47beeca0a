// Numeric comparison of an actual tensor against a reference: the error statistics that tell
// whether two runs of a model agree (max abs / rel error, mean abs error, cosine similarity, the
// fraction of elements outside atol + rtol * |ref|, NaN/Inf that appear only in the actual
// values), plus shape and element type mismatches. Used by layer-by-layer comparison and the
// compare command.
//
// The float and double paths run over the raw arrays in SIMD-friendly loops; other numeric
// types are widened to double in blocks (Tensor::elementAsDouble). STRING tensors compare for
// equality only.
#pragma once

#include "core/tensor.h"
#include "core/value.h"

#include <cstdint>
#include <map>
#include <string>

namespace onnxscope {

struct Tolerance {
    double atol = 1e-4;
    double rtol = 1e-3;
};

// A global tolerance with per-tensor overrides (by value name).
struct ToleranceSet {
    Tolerance global;
    std::map<std::string, Tolerance> perTensor;

    Tolerance forName(const std::string& name) const {
        auto it = perTensor.find(name);
        return it == perTensor.end() ? global : it->second;
    }
};

struct TensorComparison {
    bool shapeMismatch = false;
    bool typeMismatch = false; // element types differ (values are still compared when shapes match)
    bool kindMismatch = false; // tensor vs sequence vs none
    std::string problem;       // why the values could not be compared element by element, if so

    int64_t count = 0;   // elements compared
    int64_t outside = 0; // elements with |a - r| > atol + rtol * |r| (NaN/Inf disagreement included)
    int64_t newNaN = 0;  // NaN in actual where the reference is not NaN
    int64_t newInf = 0;  // +-Inf in actual where the reference is finite
    double maxAbs = 0;   // over elements where both are finite
    double maxRel = 0;   // |a - r| / |r| over finite elements with |r| > atol (small refs say little)
    double meanAbs = 0;
    double cosine = 1;       // of the finite elements; 1 when both are all zero
    int64_t worstIndex = -1; // flat index of the largest absolute error
    Tolerance tolerance;

    bool comparable() const { return !shapeMismatch && !kindMismatch && problem.empty(); }
    bool withinTolerance() const { return comparable() && outside == 0; }
    double fractionOutside() const { return count > 0 ? double(outside) / double(count) : 0.0; }
    // One line for logs: "max_abs 1.2e-05, max_rel 3e-04, cos 1.000000, 0/1000 outside".
    std::string summary() const;
};

TensorComparison compareTensors(const Tensor& actual, const Tensor& reference, Tolerance tolerance);
// Tensors as above; sequences element by element (statistics merged); None equals None.
TensorComparison compareValues(const Value& actual, const Value& reference, Tolerance tolerance);

} // namespace onnxscope
