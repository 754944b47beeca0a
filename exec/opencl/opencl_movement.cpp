// Data movement on the device: Transpose, Concat and Slice through one strided copy kernel,
// Gather, Pad and Resize (nearest and linear).
#include "opencl_kernels.h"

#include "exec/cpu/nn_util.h"

#include <algorithm>
#include <cmath>

namespace onnxscope {

namespace {

int64_t product(const Shape& shape) {
    int64_t p = 1;
    for (int64_t d : shape)
        p *= d;
    return p;
}

// y[yOffset + sum(c*yStrides)] = x[xOffset + sum(c*xStrides)] over the box `dims`.
Status stridedCopy(OpenClContext& ctx, const std::string& what, const ClBuffer& x, const ClBuffer& y,
                   const Shape& dims, const std::vector<int64_t>& xStrides, int64_t xOffset,
                   const std::vector<int64_t>& yStrides, int64_t yOffset) {
    const int64_t count = product(dims);
    if (count == 0)
        return {};
    OS_ASSIGN_OR_RETURN(cl_kernel k, ctx.kernel("strided_copy_f32"));
    OS_RETURN_IF_ERROR(setKernelArgs(k, x, y, cl_int(count), cl_int(dims.size()), packInts(dims),
                                     packInts(xStrides), cl_int(xOffset), packInts(yStrides),
                                     cl_int(yOffset)));
    return ctx.launch(k, {static_cast<size_t>(count)}, what);
}

class TransposeKernel final : public OpenClKernel {
public:
    TransposeKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_perm(node.getInts("perm")) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        std::vector<int64_t> perm = m_perm;
        if (perm.empty())
            for (int i = x.rank() - 1; i >= 0; --i)
                perm.push_back(i);
        if (static_cast<int>(perm.size()) != x.rank())
            return Status::error("perm has " + std::to_string(perm.size()) + " entries for rank " +
                                 std::to_string(x.rank()));
        std::vector<char> seen(perm.size(), 0);
        for (int64_t p : perm) {
            if (p < 0 || p >= x.rank() || seen[static_cast<size_t>(p)])
                return Status::error("perm is not a permutation of the axes");
            seen[static_cast<size_t>(p)] = 1;
        }
        const auto inStrides = contiguousStrides(x.shape());
        Shape out;
        std::vector<int64_t> xs;
        for (int64_t p : perm) {
            out.push_back(x.dim(static_cast<int>(p)));
            xs.push_back(inStrides[static_cast<size_t>(p)]);
        }
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(x.byteSize()));
        OS_RETURN_IF_ERROR(
            stridedCopy(*m_ctx, m_node.displayName(), bx, by, out, xs, 0, contiguousStrides(out), 0));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    std::vector<int64_t> m_perm;
};

class ConcatKernel final : public OpenClKernel {
public:
    ConcatKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_axis(node.getInt("axis", 1)) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor* first = context.inputTensor(0);
        if (!first || first->rank() == 0)
            return false;
        OS_ASSIGN_OR_RETURN(int axis, resolveAxis(m_axis, first->rank(), "axis"));
        Shape out = first->shape();
        out[static_cast<size_t>(axis)] = 0;
        for (int i = 0; i < context.inputCount(); ++i) {
            const Tensor* t = context.inputTensor(i);
            if (!t || t->rank() != first->rank())
                return Status::error("input " + std::to_string(i) + " has a different rank");
            for (int d = 0; d < t->rank(); ++d)
                if (d != axis && t->dim(d) != first->dim(d))
                    return Status::error("input " + std::to_string(i) + " " + shapeToString(t->shape()) +
                                         " does not match " + shapeToString(first->shape()) +
                                         " off the axis");
            out[static_cast<size_t>(axis)] += t->dim(axis);
        }
        if (product(out) > kMaxDeviceElements)
            return false;
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(product(out)) * sizeof(float)));
        const auto outStrides = contiguousStrides(out);
        int64_t offset = 0;
        for (int i = 0; i < context.inputCount(); ++i) {
            const Tensor& t = *context.inputTensor(i);
            if (t.elementCount() > 0) {
                OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, i));
                OS_RETURN_IF_ERROR(stridedCopy(*m_ctx, m_node.displayName(), bx, by, t.shape(),
                                               contiguousStrides(t.shape()), 0, outStrides,
                                               offset * outStrides[static_cast<size_t>(axis)]));
            }
            offset += t.dim(axis);
        }
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    int64_t m_axis;
};

class SliceKernel final : public OpenClKernel {
public:
    using OpenClKernel::OpenClKernel;

protected:
    bool isDataInput(int index) const override { return index == 0; }

    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        std::vector<int64_t> starts, ends, axes, steps;
        if (m_node.opsetVersion < 10) {
            starts = m_node.getInts("starts");
            ends = m_node.getInts("ends");
            axes = m_node.getInts("axes");
        } else {
            const Tensor* s = context.inputTensor(1);
            const Tensor* e = context.inputTensor(2);
            if (!s || !e)
                return Status::error("needs starts and ends");
            OS_ASSIGN_OR_RETURN(starts, readInts(*s, "starts"));
            OS_ASSIGN_OR_RETURN(ends, readInts(*e, "ends"));
            if (const Tensor* a = context.inputTensor(3)) {
                OS_ASSIGN_OR_RETURN(axes, readInts(*a, "axes"));
            }
            if (const Tensor* st = context.inputTensor(4)) {
                OS_ASSIGN_OR_RETURN(steps, readInts(*st, "steps"));
            }
        }
        if (axes.empty())
            for (size_t i = 0; i < starts.size(); ++i)
                axes.push_back(static_cast<int64_t>(i));
        if (steps.empty())
            steps.assign(starts.size(), 1);
        if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
            return Status::error("starts, ends, axes and steps must have the same length");
        Shape out = x.shape();
        const auto inStrides = contiguousStrides(x.shape());
        std::vector<int64_t> xs = inStrides;
        int64_t offset = 0;
        for (size_t i = 0; i < starts.size(); ++i) {
            OS_ASSIGN_OR_RETURN(int axis, resolveAxis(axes[i], x.rank(), "axes"));
            const int64_t dim = x.dim(axis), step = steps[i];
            if (step == 0)
                return Status::error("steps must not be 0");
            int64_t start = starts[i], end = ends[i];
            if (start < 0)
                start += dim;
            if (end < 0)
                end += dim;
            int64_t count;
            if (step > 0) {
                start = std::clamp<int64_t>(start, 0, dim);
                end = std::clamp<int64_t>(end, 0, dim);
                count = end > start ? (end - start + step - 1) / step : 0;
            } else {
                start = std::clamp<int64_t>(start, 0, dim - 1);
                end = std::clamp<int64_t>(end, -1, dim - 1);
                count = start > end ? (start - end - step - 1) / -step : 0;
            }
            out[static_cast<size_t>(axis)] = count;
            offset += start * inStrides[static_cast<size_t>(axis)];
            xs[static_cast<size_t>(axis)] = step * inStrides[static_cast<size_t>(axis)];
        }
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(product(out)) * sizeof(float)));
        if (product(out) > 0)
            OS_RETURN_IF_ERROR(stridedCopy(*m_ctx, m_node.displayName(), bx, by, out, xs, offset,
                                           contiguousStrides(out), 0));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }
};

class GatherKernel final : public OpenClKernel {
public:
    GatherKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_axis(node.getInt("axis", 0)) {}

protected:
    bool isDataInput(int index) const override { return index == 0; }

    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        const Tensor* idx = context.inputTensor(1);
        if (!idx)
            return Status::error("needs indices");
        if (x.rank() == 0)
            return false;
        OS_ASSIGN_OR_RETURN(int axis, resolveAxis(m_axis, x.rank(), "axis"));
        OS_ASSIGN_OR_RETURN(std::vector<int64_t> indices, readInts(*idx, "indices"));
        const int64_t dim = x.dim(axis);
        Tensor normalized(DataType::Int32, {static_cast<int64_t>(std::max<size_t>(indices.size(), 1))});
        for (size_t i = 0; i < indices.size(); ++i) {
            int64_t v = indices[i] < 0 ? indices[i] + dim : indices[i];
            if (v < 0 || v >= dim)
                return Status::error("index " + std::to_string(indices[i]) + " is out of range for axis " +
                                     std::to_string(axis) + " of size " + std::to_string(dim));
            normalized.data<int32_t>()[i] = static_cast<int32_t>(v);
        }
        Shape out(x.shape().begin(), x.shape().begin() + axis);
        out.insert(out.end(), idx->shape().begin(), idx->shape().end());
        out.insert(out.end(), x.shape().begin() + axis + 1, x.shape().end());
        if (out.size() > 8)
            return false;
        const int64_t outer = product(Shape(x.shape().begin(), x.shape().begin() + axis));
        const int64_t inner = product(Shape(x.shape().begin() + axis + 1, x.shape().end()));
        const int64_t count = static_cast<int64_t>(indices.size());
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer bi, m_ctx->upload(normalized));
        OS_ASSIGN_OR_RETURN(ClBuffer by,
                            m_ctx->allocate(static_cast<size_t>(outer * count * inner) * sizeof(float)));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("gather_f32"));
        OS_RETURN_IF_ERROR(
            setKernelArgs(k, bx, bi, by, cl_int(outer), cl_int(dim), cl_int(inner), cl_int(count)));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(outer * count * inner)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    int64_t m_axis;
};

class PadKernel final : public OpenClKernel {
public:
    PadKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_mode(node.getString("mode", "constant")) {}

protected:
    bool isDataInput(int index) const override { return index == 0 || index == 2; }
    bool readsOnHost(int index) const override { return index > 0; } // pads and the pad value

    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        const int mode = m_mode == "constant"  ? 0
                         : m_mode == "reflect" ? 1
                         : m_mode == "edge"    ? 2
                         : m_mode == "wrap"    ? 3
                                               : -1;
        if (mode < 0 || context.inputTensor(3))
            return false; // unknown mode or the axes input: the CPU kernel reports or handles it
        std::vector<int64_t> pads;
        float value = 0.0f;
        if (m_node.opsetVersion < 11) {
            pads = m_node.opsetVersion < 2 ? m_node.getInts("paddings") : m_node.getInts("pads");
            value = m_node.getFloat("value", 0.0f);
        } else {
            const Tensor* p = context.inputTensor(1);
            if (!p)
                return Status::error("needs pads");
            OS_ASSIGN_OR_RETURN(pads, readInts(*p, "pads"));
            if (const Tensor* v = context.inputTensor(2); v && v->elementCount() > 0)
                value = v->data<float>()[0];
        }
        const auto rank = static_cast<size_t>(x.rank());
        if (pads.size() != 2 * rank)
            return Status::error("pads has " + std::to_string(pads.size()) + " entries for rank " +
                                 std::to_string(rank));
        Shape out = x.shape();
        for (size_t d = 0; d < rank; ++d) {
            if (pads[d] < 0 || pads[d + rank] < 0)
                return false; // negative pads crop: left to the CPU kernel
            if (mode != 0 && x.dim(static_cast<int>(d)) == 0 && pads[d] + pads[d + rank] > 0)
                return false;
            out[d] += pads[d] + pads[d + rank];
        }
        if (product(out) > kMaxDeviceElements)
            return false;
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(product(out)) * sizeof(float)));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("pad_f32"));
        OS_RETURN_IF_ERROR(setKernelArgs(
            k, bx, by, cl_int(product(out)), cl_int(rank), packInts(out), packInts(x.shape()),
            packInts(std::vector<int64_t>(pads.begin(), pads.begin() + static_cast<long>(rank))),
            cl_int(mode), value));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(product(out))));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    std::string m_mode;
};

class ResizeKernel final : public OpenClKernel {
public:
    ResizeKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_linear(node.getString("mode", "nearest") == "linear") {
        const std::string coord = node.getString("coordinate_transformation_mode", "half_pixel");
        m_coord = coord == "half_pixel"             ? 0
                  : coord == "pytorch_half_pixel"   ? 1
                  : coord == "align_corners"        ? 2
                  : coord == "asymmetric"           ? 3
                  : coord == "tf_half_pixel_for_nn" ? 4
                                                    : -1;
        const std::string nearest = node.getString("nearest_mode", "round_prefer_floor");
        m_nearest = nearest == "round_prefer_floor"  ? 0
                    : nearest == "round_prefer_ceil" ? 1
                    : nearest == "floor"             ? 2
                    : nearest == "ceil"              ? 3
                                                     : -1;
        const std::string mode = node.getString("mode", "nearest");
        m_supported = node.opsetVersion >= 11 && (mode == "nearest" || mode == "linear") && m_coord >= 0 &&
                      m_nearest >= 0 && node.getInt("antialias", 0) == 0 && !node.hasAttribute("axes") &&
                      node.getString("keep_aspect_ratio_policy", "stretch") == "stretch" &&
                      !(m_linear && m_coord == 4);
    }

protected:
    bool isDataInput(int index) const override { return index == 0; }

    Result<bool> computeOnDevice(KernelContext& context) const override {
        if (!m_supported)
            return false;
        const Tensor& x = *context.inputTensor(0);
        const Tensor* scalesT = context.inputTensor(2);
        const Tensor* sizesT = context.inputTensor(3);
        const auto rank = static_cast<size_t>(x.rank());
        std::vector<float> scales(rank, 1.0f);
        Shape out = x.shape();
        if (sizesT && sizesT->elementCount() > 0) {
            OS_ASSIGN_OR_RETURN(std::vector<int64_t> sizes, readInts(*sizesT, "sizes"));
            if (sizes.size() != rank)
                return Status::error("sizes has " + std::to_string(sizes.size()) + " entries for rank " +
                                     std::to_string(rank));
            for (size_t d = 0; d < rank; ++d) {
                out[d] = sizes[d];
                scales[d] =
                    x.shape()[d] > 0 ? static_cast<float>(sizes[d]) / static_cast<float>(x.shape()[d]) : 1.0f;
            }
        } else if (scalesT && scalesT->elementCount() > 0) {
            if (scalesT->dataType() != DataType::Float ||
                static_cast<size_t>(scalesT->elementCount()) != rank)
                return Status::error("scales must be float with one entry per axis");
            for (size_t d = 0; d < rank; ++d) {
                scales[d] = scalesT->data<float>()[d];
                if (scales[d] <= 0)
                    return Status::error("scales must be positive");
                out[d] = static_cast<int64_t>(std::floor(static_cast<double>(x.shape()[d]) * scales[d]));
            }
        } else {
            return Status::error("needs scales or sizes");
        }
        if (product(out) > kMaxDeviceElements || product(x.shape()) == 0)
            return false;
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(product(out)) * sizeof(float)));
        if (m_linear) {
            OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("resize_linear_f32"));
            OS_RETURN_IF_ERROR(setKernelArgs(k, bx, by, cl_int(product(out)), cl_int(rank), packInts(out),
                                             packInts(x.shape()), packFloats(scales), cl_int(m_coord)));
            OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(product(out))));
        } else {
            OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("resize_nearest_f32"));
            OS_RETURN_IF_ERROR(setKernelArgs(k, bx, by, cl_int(product(out)), cl_int(rank), packInts(out),
                                             packInts(x.shape()), packFloats(scales), cl_int(m_coord),
                                             cl_int(m_nearest)));
            OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(product(out))));
        }
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    bool m_linear;
    int m_coord = 0;
    int m_nearest = 0;
    bool m_supported = false;
};

} // namespace

std::unique_ptr<OpenClKernel> makeOpenClTranspose(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<TransposeKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClConcat(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<ConcatKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClSlice(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<SliceKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClGather(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<GatherKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClPad(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<PadKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClResize(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<ResizeKernel>(std::move(ctx), node);
}

} // namespace onnxscope
