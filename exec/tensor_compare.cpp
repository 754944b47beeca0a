#include "tensor_compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace onnxscope {

namespace {

// Running sums over one or more tensor pairs (a sequence merges its elements into one).
struct Accumulator {
    int64_t count = 0, outside = 0, newNaN = 0, newInf = 0, finite = 0;
    double sumAbs = 0, dot = 0, normA = 0, normR = 0, maxAbs = 0, maxRel = 0;
    int64_t worstIndex = -1;
};

// One reference/actual pair where at least one side is NaN or infinite. Matching NaNs and
// equal infinities agree (as numpy.allclose with equal_nan); anything else is outside.
void classifyNonFinite(double a, double r, Accumulator& acc) {
    const bool aFinite = std::isfinite(a), rFinite = std::isfinite(r);
    if (aFinite && rFinite)
        return;
    if (std::isnan(a) && std::isnan(r))
        return;
    if (std::isinf(a) && a == r)
        return;
    ++acc.outside;
    if (std::isnan(a) && !std::isnan(r))
        ++acc.newNaN;
    else if (std::isinf(a) && rFinite)
        ++acc.newInf;
}

// The hot loop: non-finite pairs are zeroed by selects first, so everything after is plain
// arithmetic and reductions the compiler can vectorize (exec/CMakeLists.txt gives this file the
// dynamic cost model; -O2's default leaves reductions scalar). Non-finite pairs are only counted
// here and classified in a scalar pass, which ordinary tensors skip.
template <typename T>
void accumulateBlock(const T* a, const T* r, int64_t n, int64_t offset, Tolerance tol, Accumulator& acc) {
    double sumAbs = 0, dot = 0, normA = 0, normR = 0, maxAbs = 0, maxRel = 0, outside = 0, nonFinite = 0;
    const double atol = tol.atol, rtol = tol.rtol;
#pragma omp simd reduction(+ : sumAbs, dot, normA, normR, outside, nonFinite) reduction(max : maxAbs, maxRel)
    for (int64_t i = 0; i < n; ++i) {
        const double x0 = static_cast<double>(a[i]), y0 = static_cast<double>(r[i]);
        // x - x is 0 for finite x and NaN for NaN or Inf, without a library call.
        const bool finite = (x0 - x0 == 0.0) & (y0 - y0 == 0.0);
        const double x = finite ? x0 : 0.0, y = finite ? y0 : 0.0;
        const double d = std::fabs(x - y), ay = std::fabs(y);
        const double rel = d / (ay + 1e-300);
        nonFinite += finite ? 0.0 : 1.0;
        outside += d > atol + rtol * ay ? 1.0 : 0.0;
        sumAbs += d;
        dot += x * y;
        normA += x * x;
        normR += y * y;
        maxAbs = std::max(maxAbs, d);
        maxRel = std::max(maxRel, ay > atol ? rel : 0.0);
    }
    if (maxAbs > acc.maxAbs || acc.worstIndex < 0) {
        for (int64_t i = 0; i < n; ++i) {
            const double x = static_cast<double>(a[i]), y = static_cast<double>(r[i]);
            if (std::isfinite(x) && std::isfinite(y) && std::fabs(x - y) == maxAbs) {
                acc.worstIndex = offset + i;
                break;
            }
        }
        acc.maxAbs = std::max(acc.maxAbs, maxAbs);
    }
    const auto nonFiniteCount = static_cast<int64_t>(nonFinite);
    acc.count += n;
    acc.finite += n - nonFiniteCount;
    acc.outside += static_cast<int64_t>(outside);
    acc.sumAbs += sumAbs;
    acc.dot += dot;
    acc.normA += normA;
    acc.normR += normR;
    acc.maxRel = std::max(acc.maxRel, maxRel);
    if (nonFiniteCount > 0)
        for (int64_t i = 0; i < n; ++i)
            classifyNonFinite(static_cast<double>(a[i]), static_cast<double>(r[i]), acc);
}

void accumulateTensors(const Tensor& a, const Tensor& r, Tolerance tol, Accumulator& acc) {
    const int64_t n = a.elementCount();
    if (a.dataType() == DataType::Float && r.dataType() == DataType::Float) {
        accumulateBlock(a.data<float>(), r.data<float>(), n, 0, tol, acc);
        return;
    }
    if (a.dataType() == DataType::Double && r.dataType() == DataType::Double) {
        accumulateBlock(a.data<double>(), r.data<double>(), n, 0, tol, acc);
        return;
    }
    // Everything else is widened to double a block at a time, so memory stays bounded.
    constexpr int64_t kBlock = 4096;
    std::vector<double> bufA(static_cast<size_t>(std::min(n, kBlock))), bufR(bufA.size());
    for (int64_t start = 0; start < n; start += kBlock) {
        const int64_t len = std::min(kBlock, n - start);
        for (int64_t i = 0; i < len; ++i) {
            bufA[static_cast<size_t>(i)] = a.elementAsDouble(start + i);
            bufR[static_cast<size_t>(i)] = r.elementAsDouble(start + i);
        }
        accumulateBlock(bufA.data(), bufR.data(), len, start, tol, acc);
    }
}

Shape withoutOnes(const Shape& shape) {
    Shape s;
    for (int64_t d : shape)
        if (d != 1)
            s.push_back(d);
    return s;
}

bool isComparableType(DataType t) {
    return t != DataType::Undefined && t != DataType::String && t != DataType::Complex64 &&
           t != DataType::Complex128;
}

void compareInto(const Tensor& actual, const Tensor& reference, Tolerance tol, Accumulator& acc,
                 TensorComparison& out) {
    if (actual.dataType() != reference.dataType())
        out.typeMismatch = true;
    // Files written by frameworks sometimes drop or add unit dims ([1,10] vs [10]); the layout in
    // memory is the same, so only other differences count as a shape mismatch.
    if (actual.shape() != reference.shape() &&
        (actual.elementCount() != reference.elementCount() ||
         withoutOnes(actual.shape()) != withoutOnes(reference.shape()))) {
        out.shapeMismatch = true;
        out.problem =
            "shape " + shapeToString(actual.shape()) + " vs reference " + shapeToString(reference.shape());
        return;
    }
    if (actual.dataType() == DataType::String || reference.dataType() == DataType::String) {
        if (actual.dataType() != reference.dataType()) {
            out.problem = "string vs numeric tensor";
            return;
        }
        const auto sa = actual.values<std::string>(), sr = reference.values<std::string>();
        for (size_t i = 0; i < sa.size(); ++i)
            if (sa[i] != sr[i]) {
                ++acc.outside;
                if (acc.worstIndex < 0)
                    acc.worstIndex = static_cast<int64_t>(i);
            }
        acc.count += static_cast<int64_t>(sa.size());
        return;
    }
    if (!isComparableType(actual.dataType()) || !isComparableType(reference.dataType())) {
        out.problem = "cannot compare element type " + std::string(dataTypeName(actual.dataType()));
        return;
    }
    accumulateTensors(actual, reference, tol, acc);
}

void compareValuesInto(const Value& actual, const Value& reference, Tolerance tol, Accumulator& acc,
                       TensorComparison& out) {
    if (actual.kind != reference.kind) {
        out.kindMismatch = true;
        out.problem = "value kinds differ";
        return;
    }
    switch (actual.kind) {
    case Value::Kind::None:
        return;
    case Value::Kind::Tensor:
        compareInto(actual.tensor, reference.tensor, tol, acc, out);
        return;
    case Value::Kind::Sequence:
        if (actual.elements.size() != reference.elements.size()) {
            out.shapeMismatch = true;
            out.problem = "sequence of " + std::to_string(actual.elements.size()) + " vs reference " +
                          std::to_string(reference.elements.size());
            return;
        }
        for (size_t i = 0; i < actual.elements.size() && out.comparable(); ++i)
            compareValuesInto(actual.elements[i], reference.elements[i], tol, acc, out);
        return;
    case Value::Kind::Map:
        compareInto(actual.mapKeys, reference.mapKeys, tol, acc, out);
        if (out.comparable())
            compareInto(actual.mapValues, reference.mapValues, tol, acc, out);
        return;
    }
}

TensorComparison finish(const Accumulator& acc, TensorComparison out) {
    out.count = acc.count;
    out.outside = acc.outside;
    out.newNaN = acc.newNaN;
    out.newInf = acc.newInf;
    out.maxAbs = acc.maxAbs;
    out.maxRel = acc.maxRel;
    out.meanAbs = acc.finite > 0 ? acc.sumAbs / double(acc.finite) : 0.0;
    if (acc.normA == 0 && acc.normR == 0)
        out.cosine = 1.0;
    else if (acc.normA == 0 || acc.normR == 0)
        out.cosine = 0.0;
    else
        out.cosine = acc.dot / (std::sqrt(acc.normA) * std::sqrt(acc.normR));
    out.worstIndex = acc.worstIndex;
    return out;
}

} // namespace

std::string TensorComparison::summary() const {
    if (!comparable())
        return problem.empty() ? std::string("not comparable") : problem;
    char buf[200];
    std::snprintf(buf, sizeof buf, "max_abs %.3g, max_rel %.3g, mean_abs %.3g, cos %.6f, %lld/%lld outside",
                  maxAbs, maxRel, meanAbs, cosine, static_cast<long long>(outside),
                  static_cast<long long>(count));
    std::string s = buf;
    if (newNaN > 0)
        s += ", " + std::to_string(newNaN) + " new NaN";
    if (newInf > 0)
        s += ", " + std::to_string(newInf) + " new Inf";
    if (typeMismatch)
        s += ", element types differ";
    return s;
}

TensorComparison compareTensors(const Tensor& actual, const Tensor& reference, Tolerance tolerance) {
    Accumulator acc;
    TensorComparison out;
    out.tolerance = tolerance;
    compareInto(actual, reference, tolerance, acc, out);
    return finish(acc, std::move(out));
}

TensorComparison compareValues(const Value& actual, const Value& reference, Tolerance tolerance) {
    Accumulator acc;
    TensorComparison out;
    out.tolerance = tolerance;
    compareValuesInto(actual, reference, tolerance, acc, out);
    return finish(acc, std::move(out));
}

} // namespace onnxscope
