// Statistics of a computed tensor for inspection and data breakpoints: element count, NaN / Inf
// counts, zeros, min / max / mean / standard deviation over the finite elements, and a histogram
// of the finite values. Runs on any thread and can be cancelled between blocks, so a viewer can
// summarize large activations off its UI thread.
#pragma once

#include "core/value.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onnxscope {

struct TensorSummary {
    int64_t count = 0; // all elements
    int64_t nanCount = 0;
    int64_t infCount = 0;
    int64_t zeroCount = 0;
    double min = 0, max = 0, mean = 0, stddev = 0; // of the finite elements
    // Equal-width bins over [min, max] of the finite elements; empty without any.
    std::vector<int64_t> histogram;

    int64_t finiteCount() const { return count - nanCount - infCount; }
    double zeroFraction() const { return count > 0 ? double(zeroCount) / double(count) : 0.0; }
};

// Fails for tensors without a numeric reading (strings, complex) and when cancel turns true.
Result<TensorSummary> summarizeTensor(const Tensor& tensor, int bins = 64,
                                      const std::atomic<bool>* cancel = nullptr);

// A few hundred bytes that say what a tensor holds, small enough to keep for every value of a
// run and to draw beside its edge in the graph: exact range, mean and non-finite counts, a
// histogram of a strided sample, and a thumbnail of its first 2-D slice.
struct TensorSketch {
    DataType type = DataType::Undefined;
    Shape shape;
    int64_t count = 0;
    int64_t nanCount = 0;
    int64_t infCount = 0;
    double min = 0, max = 0; // of the finite elements
    double mean = 0;         // of the finite elements, to float precision
    // Counts over [min, max] in equal bins, from at most kSketchSample evenly spaced elements.
    std::vector<uint32_t> histogram;
    // The slice [0, ..., 0, :, :] (a rank-1 tensor is one row), averaged down to at most
    // thumbSide cells a side; non-finite cells are NaN. Empty for scalars.
    int thumbRows = 0, thumbCols = 0;
    std::vector<float> thumb;

    int64_t finiteCount() const { return count - nanCount - infCount; }
};

inline constexpr int64_t kSketchSample = 4096;

// Fails for tensors without a numeric reading (strings, complex).
Result<TensorSketch> sketchTensor(const Tensor& tensor, int bins = 16, int thumbSide = 24);

// What a data breakpoint watches in every output of every node.
struct DataWatch {
    bool nonFinite = false; // stop on NaN or Inf
    bool range = false;     // stop on a finite value outside [low, high]
    double low = 0, high = 0;

    bool active() const { return nonFinite || range; }
};

// Why value trips the watch ("3 NaN, 1 Inf in 'conv1_out'"), or nothing when it does not.
// Sequences are checked element by element; non-numeric tensors never trip it.
std::optional<std::string> checkDataWatch(const Value& value, const std::string& name,
                                          const DataWatch& watch);

} // namespace onnxscope
