// Pooling: AveragePool, MaxPool (with Indices), LpPool over any number of spatial dims with
// pads, auto_pad, strides, dilations and ceil_mode; their Global variants; and MaxUnpool.
#include "pool.h"

#include "exec/cpu/nn_util.h"
#include "exec/cpu/type_dispatch.h"
#include "exec/kernel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace onnxscope {

namespace {

enum class PoolKind { Average, Max, Lp };

struct PoolSetup {
    int64_t planes = 0; // N * C
    std::vector<int64_t> in, out;
    WindowGeometry g;
    Shape outputShape;
    int64_t inSize = 1, outSize = 1, kernelSize = 1;
};

Result<PoolSetup> setupPool(const NodeDesc& node, const Shape& x, std::vector<int64_t> kernelFallback = {}) {
    if (x.size() < 3)
        return Status::error("pooling input must have rank >= 3, got " + shapeToString(x));
    const int n = static_cast<int>(x.size()) - 2;
    PoolSetup s;
    s.g.kernel = std::move(kernelFallback);
    OS_RETURN_IF_ERROR(readWindowAttributes(node, n, s.g));
    s.in.assign(x.begin() + 2, x.end());
    OS_ASSIGN_OR_RETURN(s.out, windowOutputShape(s.g, s.in));
    s.planes = x[0] * x[1];
    s.outputShape = {x[0], x[1]};
    s.outputShape.insert(s.outputShape.end(), s.out.begin(), s.out.end());
    for (int i = 0; i < n; ++i) {
        s.inSize *= s.in[i];
        s.outSize *= s.out[i];
        s.kernelSize *= s.g.kernel[i];
    }
    return s;
}

// Visits every output position of one plane with the window's taps: fn(outIndex, taps) where
// taps lists (inputIndex or -1 for padding, inside-padded-area flag) per kernel tap; also
// passes the column-major input index for MaxPool's storage_order = 1.
struct Tap {
    int64_t index;    // row-major offset in the plane, -1 outside the input
    int64_t colMajor; // column-major offset, -1 outside
    bool inPadded;    // inside input + explicit pads (count_include_pad counts these)
};

template <typename Fn> void forEachWindow(const PoolSetup& s, Fn&& fn) {
    const size_t n = s.in.size();
    std::vector<int64_t> oidx(n, 0), kidx(n);
    std::vector<Tap> taps(static_cast<size_t>(s.kernelSize));
    for (int64_t o = 0; o < s.outSize; ++o) {
        std::fill(kidx.begin(), kidx.end(), 0);
        for (int64_t k = 0; k < s.kernelSize; ++k) {
            int64_t row = 0, colMajor = 0, colStride = 1;
            bool inside = true, padded = true;
            for (size_t d = 0; d < n; ++d) {
                const int64_t ix = oidx[d] * s.g.strides[d] - s.g.pads[d] + kidx[d] * s.g.dilations[d];
                if (ix < 0 || ix >= s.in[d])
                    inside = false;
                if (ix < -s.g.pads[d] || ix >= s.in[d] + s.g.pads[d + n])
                    padded = false;
                row = row * s.in[d] + ix;
                colMajor += ix * colStride;
                colStride *= s.in[d];
            }
            taps[static_cast<size_t>(k)] = {inside ? row : -1, inside ? colMajor : -1, padded};
            for (size_t d = n; d-- > 0;) {
                if (++kidx[d] < s.g.kernel[d])
                    break;
                kidx[d] = 0;
            }
        }
        fn(o, taps);
        for (size_t d = n; d-- > 0;) {
            if (++oidx[d] < s.out[d])
                break;
            oidx[d] = 0;
        }
    }
}

template <typename T>
void poolPlanes(const PoolSetup& s, PoolKind kind, bool countIncludePad, float p, const T* x, T* y,
                int64_t* indices, bool columnMajor, int threads) {
    // Window taps are the same for every plane; precompute them once.
    std::vector<std::vector<Tap>> windows(static_cast<size_t>(s.outSize));
    forEachWindow(s,
                  [&](int64_t o, const std::vector<Tap>& taps) { windows[static_cast<size_t>(o)] = taps; });
#pragma omp parallel for num_threads(threads) if (threads > 1 && s.planes > 1)
    for (int64_t plane = 0; plane < s.planes; ++plane) {
        const T* xp = x + plane * s.inSize;
        T* yp = y + plane * s.outSize;
        for (int64_t o = 0; o < s.outSize; ++o) {
            const auto& taps = windows[static_cast<size_t>(o)];
            if (kind == PoolKind::Max) {
                T best = std::numeric_limits<T>::lowest();
                int64_t bestIndex = -1;
                for (const Tap& t : taps) {
                    if (t.index < 0)
                        continue;
                    const T v = xp[t.index];
                    if (bestIndex < 0 || v > best) {
                        best = v;
                        bestIndex = columnMajor ? t.colMajor : t.index;
                    }
                }
                yp[o] = best;
                if (indices)
                    indices[plane * s.outSize + o] = bestIndex < 0 ? -1 : plane * s.inSize + bestIndex;
            } else {
                double acc = 0;
                int64_t count = 0;
                for (const Tap& t : taps) {
                    if (t.index >= 0) {
                        const double v = static_cast<double>(xp[t.index]);
                        acc += kind == PoolKind::Lp ? std::pow(std::fabs(v), static_cast<double>(p)) : v;
                        ++count;
                    } else if (countIncludePad && t.inPadded) {
                        ++count;
                    }
                }
                if (kind == PoolKind::Lp)
                    yp[o] = static_cast<T>(std::pow(acc, 1.0 / p));
                else
                    yp[o] = static_cast<T>(count ? acc / static_cast<double>(count) : 0.0);
            }
        }
    }
}

class PoolKernel final : public Kernel {
public:
    PoolKernel(const NodeDesc& node, PoolKind kind, bool global)
        : m_node(node)
        , m_kind(kind)
        , m_global(global)
        , m_countIncludePad(node.getInt("count_include_pad", 0) != 0)
        , m_columnMajor(node.getInt("storage_order", 0) != 0)
        , m_p(static_cast<float>(node.getInt("p", 2))) {
        if (global) {
            // Globals take no window attributes; they pool over the whole plane.
            m_node.attributes.clear();
        }
    }

    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        if (!x)
            return Status::error(m_node.opType + " needs input X");
        std::vector<int64_t> fallback;
        if (m_global)
            fallback.assign(x->shape().begin() + std::min<int64_t>(2, x->rank()), x->shape().end());
        OS_ASSIGN_OR_RETURN(PoolSetup s, setupPool(m_node, x->shape(), fallback));
        const bool wantIndices = m_kind == PoolKind::Max && ctx.outputCount() > 1 &&
                                 (m_node.outputs.size() < 2 || !m_node.outputs[1].empty());
        int64_t* indices = nullptr;
        if (wantIndices)
            indices = ctx.allocateOutput(1, DataType::Int64, s.outputShape).data<int64_t>();
        const DataType type = x->dataType();
        const int threads = ctx.threadCount();
        if (isNarrowFloat(type)) {
            Tensor fx = toFloat(*x);
            Tensor y(DataType::Float, s.outputShape);
            poolPlanes<float>(s, m_kind, m_countIncludePad, m_p, fx.data<float>(), y.data<float>(), indices,
                              m_columnMajor, threads);
            ctx.setOutput(0, fromFloat(y, type));
            return Status();
        }
        const bool intsAllowed = m_kind == PoolKind::Max;
        if (type != DataType::Float && type != DataType::Double &&
            !(intsAllowed && (type == DataType::Int8 || type == DataType::Uint8)))
            return Status::error(m_node.opType + " does not support element type " +
                                 std::string(dataTypeName(type)));
        Tensor& y = ctx.allocateOutput(0, type, s.outputShape);
        dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            poolPlanes<T>(s, m_kind, m_countIncludePad, m_p, x->data<T>(), y.data<T>(), indices,
                          m_columnMajor, threads);
        });
        return Status();
    }

private:
    NodeDesc m_node;
    PoolKind m_kind;
    bool m_global;
    bool m_countIncludePad;
    bool m_columnMajor;
    float m_p;
};

template <PoolKind Kind, bool Global> Result<std::unique_ptr<Kernel>> makePool(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new PoolKernel(node, Kind, Global));
}

class MaxUnpoolKernel final : public Kernel {
public:
    explicit MaxUnpoolKernel(const NodeDesc& node)
        : m_node(node) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* ind = ctx.inputTensor(1);
        const Tensor* outShapeT = ctx.inputTensor(2);
        if (!x || !ind)
            return Status::error("MaxUnpool needs X and I");
        if (x->rank() < 3 || ind->shape() != x->shape())
            return Status::error("MaxUnpool: I must have X's shape and X rank >= 3");
        const int n = x->rank() - 2;
        WindowGeometry g;
        OS_RETURN_IF_ERROR(readWindowAttributes(m_node, n, g));
        // Indices address the tensor MaxPool saw, of the inferred shape; an explicit
        // output_shape only enlarges each plane, keeping every value's coordinates.
        Shape inferred{x->dim(0), x->dim(1)};
        for (int i = 0; i < n; ++i)
            inferred.push_back((x->dim(i + 2) - 1) * g.strides[i] + g.kernel[i] - g.pads[i] - g.pads[i + n]);
        Shape outShape = inferred;
        if (outShapeT) {
            OS_ASSIGN_OR_RETURN(outShape, readInts(*outShapeT, "MaxUnpool output_shape"));
            if (static_cast<int>(outShape.size()) != x->rank() || outShape[0] != x->dim(0) ||
                outShape[1] != x->dim(1))
                return Status::error("MaxUnpool output_shape " + shapeToString(outShape) +
                                     " must keep X's batch and channel dims");
        }
        auto total = checkedElementCount(outShape);
        auto inferredTotal = checkedElementCount(inferred);
        if (!total || !inferredTotal)
            return Status::error("MaxUnpool output shape " + shapeToString(outShape) + " is invalid");
        int64_t inferredPlane = 1, outPlane = 1;
        for (int i = 0; i < n; ++i) {
            inferredPlane *= inferred[i + 2];
            outPlane *= outShape[i + 2];
        }
        OS_ASSIGN_OR_RETURN(std::vector<int64_t> idx, readInts(*ind, "MaxUnpool indices"));
        Tensor& y = ctx.allocateOutput(0, x->dataType(), outShape);
        const size_t bytes = elementByteSize(x->dataType());
        const auto* src = static_cast<const uint8_t*>(x->rawData());
        auto* dst = static_cast<uint8_t*>(y.mutableRawData());
        for (size_t i = 0; i < idx.size(); ++i) {
            if (idx[i] < 0 || idx[i] >= *inferredTotal)
                return Status::error("MaxUnpool index " + std::to_string(idx[i]) + " is outside the output");
            int64_t rest = idx[i] % inferredPlane, target = 0, stride = 1;
            bool inside = true;
            for (int d = n - 1; d >= 0; --d) {
                const int64_t coord = rest % inferred[d + 2];
                rest /= inferred[d + 2];
                if (coord >= outShape[d + 2])
                    inside = false;
                target += coord * stride;
                stride *= outShape[d + 2];
            }
            if (inside)
                std::memcpy(dst + ((idx[i] / inferredPlane) * outPlane + target) * bytes, src + i * bytes,
                            bytes);
        }
        return Status();
    }

private:
    NodeDesc m_node;
};

} // namespace

Result<std::unique_ptr<Kernel>> makeReferencePool(const NodeDesc& node) {
    const std::string& op = node.opType;
    if (op == "AveragePool")
        return makePool<PoolKind::Average, false>(node);
    if (op == "MaxPool")
        return makePool<PoolKind::Max, false>(node);
    if (op == "LpPool")
        return makePool<PoolKind::Lp, false>(node);
    if (op == "GlobalAveragePool")
        return makePool<PoolKind::Average, true>(node);
    if (op == "GlobalMaxPool")
        return makePool<PoolKind::Max, true>(node);
    if (op == "GlobalLpPool")
        return makePool<PoolKind::Lp, true>(node);
    return Status::error("no reference pooling kernel for " + op);
}

void registerPoolKernels(KernelRegistry& registry) {
    registry.add("AveragePool", 1, &makePool<PoolKind::Average, false>);
    registry.add("MaxPool", 1, &makePool<PoolKind::Max, false>);
    registry.add("LpPool", 1, &makePool<PoolKind::Lp, false>);
    registry.add("GlobalAveragePool", 1, &makePool<PoolKind::Average, true>);
    registry.add("GlobalMaxPool", 1, &makePool<PoolKind::Max, true>);
    registry.add("GlobalLpPool", 1, &makePool<PoolKind::Lp, true>);
    registry.add("MaxUnpool", 9, &makeKernel<MaxUnpoolKernel>);
}

} // namespace onnxscope
