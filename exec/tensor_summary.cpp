#include "tensor_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace onnxscope {

namespace {

bool hasNumericReading(DataType type) {
    return type != DataType::String && type != DataType::Complex64 && type != DataType::Complex128 &&
           type != DataType::Undefined;
}

// Calls f(value) for every element; float and double read the array directly, the rest go
// through elementAsDouble. Returns false when cancelled.
template <typename F> bool forEachElement(const Tensor& t, const std::atomic<bool>* cancel, F&& f) {
    constexpr int64_t kBlock = 1 << 16;
    const int64_t n = t.elementCount();
    for (int64_t begin = 0; begin < n; begin += kBlock) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        const int64_t end = std::min(n, begin + kBlock);
        if (t.dataType() == DataType::Float) {
            const float* data = t.data<float>();
            for (int64_t i = begin; i < end; ++i)
                f(static_cast<double>(data[i]));
        } else if (t.dataType() == DataType::Double) {
            const double* data = t.data<double>();
            for (int64_t i = begin; i < end; ++i)
                f(data[i]);
        } else {
            for (int64_t i = begin; i < end; ++i)
                f(t.elementAsDouble(i));
        }
    }
    return true;
}

} // namespace

Result<TensorSummary> summarizeTensor(const Tensor& tensor, int bins, const std::atomic<bool>* cancel) {
    if (!tensor.isValid())
        return Status::error("no tensor");
    if (!hasNumericReading(tensor.dataType()))
        return Status::error("no statistics for " + std::string(dataTypeName(tensor.dataType())) +
                             " tensors");
    TensorSummary s;
    s.count = tensor.elementCount();
    double sum = 0, sumSq = 0;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    const bool done = forEachElement(tensor, cancel, [&](double x) {
        if (std::isnan(x)) {
            ++s.nanCount;
        } else if (std::isinf(x)) {
            ++s.infCount;
        } else {
            s.zeroCount += x == 0;
            lo = std::min(lo, x);
            hi = std::max(hi, x);
            sum += x;
            sumSq += x * x;
        }
    });
    if (!done)
        return Status::error("cancelled");
    const int64_t finite = s.finiteCount();
    if (finite == 0)
        return s;
    s.min = lo;
    s.max = hi;
    s.mean = sum / double(finite);
    s.stddev = std::sqrt(std::max(0.0, sumSq / double(finite) - s.mean * s.mean));
    s.histogram.assign(static_cast<size_t>(std::max(1, bins)), 0);
    const double width = hi - lo;
    const size_t last = s.histogram.size() - 1;
    forEachElement(tensor, cancel, [&](double x) {
        if (!std::isfinite(x))
            return;
        const size_t bin =
            width > 0 ? std::min(last, static_cast<size_t>((x - lo) / width * double(last + 1))) : 0;
        ++s.histogram[bin];
    });
    return s;
}

namespace {

// Average of up to 4x4 evenly spaced elements of each cell, so a thumbnail of a huge slice
// costs no more than one of a small one.
void fillThumbnail(const Tensor& tensor, int side, TensorSketch& sketch) {
    const Shape& shape = tensor.shape();
    if (shape.empty() || tensor.elementCount() == 0)
        return;
    const int64_t rows = shape.size() >= 2 ? shape[shape.size() - 2] : 1;
    const int64_t cols = shape.back();
    const int outRows = static_cast<int>(std::min<int64_t>(rows, side));
    const int outCols = static_cast<int>(std::min<int64_t>(cols, side));
    sketch.thumbRows = outRows;
    sketch.thumbCols = outCols;
    sketch.thumb.assign(static_cast<size_t>(outRows) * static_cast<size_t>(outCols), 0.0f);
    constexpr int kTaps = 4;
    for (int r = 0; r < outRows; ++r) {
        const int64_t r0 = r * rows / outRows, r1 = std::max(r0 + 1, (r + 1) * rows / outRows);
        for (int c = 0; c < outCols; ++c) {
            const int64_t c0 = c * cols / outCols, c1 = std::max(c0 + 1, (c + 1) * cols / outCols);
            double sum = 0;
            int taps = 0;
            bool finite = true;
            for (int i = 0; i < kTaps && finite; ++i) {
                const int64_t y = r0 + (r1 - r0) * i / kTaps;
                if (i > 0 && y == r0 + (r1 - r0) * (i - 1) / kTaps)
                    continue;
                for (int j = 0; j < kTaps; ++j) {
                    const int64_t x = c0 + (c1 - c0) * j / kTaps;
                    if (j > 0 && x == c0 + (c1 - c0) * (j - 1) / kTaps)
                        continue;
                    const double v = tensor.elementAsDouble(y * cols + x);
                    if (!std::isfinite(v)) {
                        finite = false;
                        break;
                    }
                    sum += v;
                    ++taps;
                }
            }
            sketch.thumb[static_cast<size_t>(r * outCols + c)] =
                finite && taps > 0 ? static_cast<float>(sum / taps) : std::numeric_limits<float>::quiet_NaN();
        }
    }
}

} // namespace

// Range and sum of a float array in independent lanes the compiler keeps in vector registers
// (a debugger pass sketches every activation; per-element branches would cost more than the
// kernels that made them). Non-finite values are only counted here: the rare array that has
// any takes the exact element-by-element path instead.
struct FloatRange {
    int64_t nonFinite = 0;
    double lo = 0, hi = 0, sum = 0;
};

FloatRange floatRange(const float* data, int64_t n) {
    constexpr int kLanes = 8;
    constexpr int64_t kBlock = 512; // float partial sums over short blocks keep the mean accurate
    float lo[kLanes], hi[kLanes];
    for (int k = 0; k < kLanes; ++k) {
        lo[k] = std::numeric_limits<float>::infinity();
        hi[k] = -lo[k];
    }
    FloatRange r;
    int64_t i = 0;
    while (i + kLanes <= n) {
        float sum[kLanes] = {};
        int32_t bad[kLanes] = {};
        const int64_t end = std::min(n - kLanes + 1, i + kBlock);
        for (; i < end; i += kLanes) {
            for (int k = 0; k < kLanes; ++k) {
                const float x = data[i + k];
                lo[k] = x < lo[k] ? x : lo[k];
                hi[k] = x > hi[k] ? x : hi[k];
                sum[k] += x;
                bad[k] += !(std::fabs(x) <= std::numeric_limits<float>::max()); // NaN or Inf
            }
        }
        for (int k = 0; k < kLanes; ++k) {
            r.sum += sum[k];
            r.nonFinite += bad[k];
        }
    }
    r.lo = std::numeric_limits<double>::infinity();
    r.hi = -r.lo;
    for (int k = 0; k < kLanes; ++k) {
        r.lo = std::min(r.lo, double(lo[k]));
        r.hi = std::max(r.hi, double(hi[k]));
    }
    for (; i < n; ++i) {
        const float x = data[i];
        r.lo = std::min(r.lo, double(x));
        r.hi = std::max(r.hi, double(x));
        r.sum += x;
        r.nonFinite += !std::isfinite(x);
    }
    return r;
}

Result<TensorSketch> sketchTensor(const Tensor& tensor, int bins, int thumbSide) {
    if (!tensor.isValid())
        return Status::error("no tensor");
    if (!hasNumericReading(tensor.dataType()))
        return Status::error("no sketch for " + std::string(dataTypeName(tensor.dataType())) + " tensors");
    TensorSketch s;
    s.type = tensor.dataType();
    s.shape = tensor.shape();
    s.count = tensor.elementCount();
    double sum = 0;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    FloatRange fast;
    if (tensor.dataType() == DataType::Float)
        fast = floatRange(tensor.data<float>(), s.count);
    if (tensor.dataType() == DataType::Float && fast.nonFinite == 0) {
        lo = fast.lo, hi = fast.hi, sum = fast.sum;
    } else {
        forEachElement(tensor, nullptr, [&](double x) {
            if (std::isnan(x)) {
                ++s.nanCount;
            } else if (std::isinf(x)) {
                ++s.infCount;
            } else {
                lo = std::min(lo, x);
                hi = std::max(hi, x);
                sum += x;
            }
        });
    }
    if (s.finiteCount() > 0) {
        s.min = lo;
        s.max = hi;
        s.mean = sum / double(s.finiteCount());
        s.histogram.assign(static_cast<size_t>(std::max(1, bins)), 0);
        const int64_t stride = std::max<int64_t>(1, (s.count + kSketchSample - 1) / kSketchSample);
        const double width = hi - lo;
        const size_t last = s.histogram.size() - 1;
        for (int64_t i = 0; i < s.count; i += stride) {
            const double x = tensor.elementAsDouble(i);
            if (!std::isfinite(x))
                continue;
            ++s.histogram[width > 0 ? std::min(last, static_cast<size_t>((x - lo) / width * double(last + 1)))
                                    : 0];
        }
    }
    fillThumbnail(tensor, std::max(1, thumbSide), s);
    return s;
}

std::optional<std::string> checkDataWatch(const Value& value, const std::string& name,
                                          const DataWatch& watch) {
    if (!watch.active())
        return std::nullopt;
    if (value.isSequence()) {
        for (size_t i = 0; i < value.elements.size(); ++i)
            if (auto hit = checkDataWatch(value.elements[i], name + "[" + std::to_string(i) + "]", watch))
                return hit;
        return std::nullopt;
    }
    if (!value.isTensor() || !hasNumericReading(value.tensor.dataType()))
        return std::nullopt;
    int64_t nan = 0, inf = 0, outside = 0;
    double firstOutside = 0;
    forEachElement(value.tensor, nullptr, [&](double x) {
        if (std::isnan(x)) {
            ++nan;
        } else if (std::isinf(x)) {
            ++inf;
        } else if (watch.range && (x < watch.low || x > watch.high)) {
            if (outside++ == 0)
                firstOutside = x;
        }
    });
    if (watch.nonFinite && (nan > 0 || inf > 0))
        return std::to_string(nan) + " NaN and " + std::to_string(inf) + " Inf values in '" + name + "'";
    if (outside > 0) {
        char range[96];
        std::snprintf(range, sizeof range, "[%g, %g]", watch.low, watch.high);
        char first[48];
        std::snprintf(first, sizeof first, "%g", firstOutside);
        return std::to_string(outside) + " values outside " + range + " in '" + name + "' (first: " + first +
               ")";
    }
    return std::nullopt;
}

} // namespace onnxscope
