// Resize (opset 10 to 19+) and Upsample (7 to 9).
//
// Interpolation is separable: each resized axis is processed in turn (last axis first, which is
// what the reference's recursion amounts to), with a per-output-coordinate table of input
// indices and weights. The tables follow the ONNX reference exactly: the coordinate transform
// gives x_original; neighbours are taken around it preferring the left pixel (an integral
// x_original counts as ratio 1 from the pixel before it); indices past the edges read the edge
// value unless exclude_outside drops them; antialias widens the linear/cubic kernels by 1/scale.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <algorithm>
#include <cmath>

namespace onnxscope {

namespace {

enum class Mode { Nearest, Linear, Cubic };
enum class Coord {
    HalfPixel,
    HalfPixelSymmetric,
    PytorchHalfPixel,
    AlignCorners,
    Asymmetric,
    TfHalfPixelForNearest,
    TfCropAndResize
};
enum class NearestMode { RoundPreferFloor, RoundPreferCeil, Floor, Ceil, Simple };

struct Tap {
    int64_t index;
    double weight;
};

struct AxisPlan {
    std::vector<std::vector<Tap>> taps; // per output coordinate; empty = extrapolation value
};

struct ResizeParams {
    Mode mode = Mode::Nearest;
    Coord coord = Coord::HalfPixel;
    NearestMode nearest = NearestMode::RoundPreferFloor;
    double cubicA = -0.75;
    bool excludeOutside = false;
    bool antialias = false;
    double extrapolation = 0;
};

double cubicWeight(double x, double a) {
    x = std::fabs(x);
    if (x <= 1)
        return ((a + 2) * x - (a + 3)) * x * x + 1;
    if (x < 2)
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    return 0;
}

AxisPlan planAxis(const ResizeParams& p, int64_t inSize, int64_t outSize, double scale, double roiStart,
                  double roiEnd) {
    AxisPlan plan;
    plan.taps.resize(static_cast<size_t>(outSize));
    const double outWidth = scale * static_cast<double>(inSize);
    const double in = static_cast<double>(inSize);
    for (int64_t xo = 0; xo < outSize; ++xo) {
        const double x = static_cast<double>(xo);
        double xOri = 0;
        switch (p.coord) {
        case Coord::AlignCorners:
            xOri = outWidth == 1 ? 0.0 : x * (in - 1) / (outWidth - 1);
            break;
        case Coord::Asymmetric:
            xOri = x / scale;
            break;
        case Coord::TfCropAndResize:
            xOri = outWidth == 1 ? (roiEnd - roiStart) * (in - 1) / 2
                                 : x * (roiEnd - roiStart) * (in - 1) / (outWidth - 1);
            xOri += roiStart * (in - 1);
            break;
        case Coord::PytorchHalfPixel:
            xOri = outWidth == 1 ? -0.5 : (x + 0.5) / scale - 0.5;
            break;
        case Coord::HalfPixel:
            xOri = (x + 0.5) / scale - 0.5;
            break;
        case Coord::TfHalfPixelForNearest:
            xOri = (x + 0.5) / scale;
            break;
        case Coord::HalfPixelSymmetric: {
            const double adjustment = static_cast<double>(outSize) / outWidth;
            xOri = in / 2 * (1 - adjustment) + (x + 0.5) / scale - 0.5;
            break;
        }
        }
        std::vector<Tap>& taps = plan.taps[static_cast<size_t>(xo)];
        if (p.coord == Coord::TfCropAndResize && (xOri < 0 || xOri > in - 1))
            continue; // extrapolation value
        const double fl = std::floor(xOri);
        const bool integral = fl == xOri;
        const double ratio = integral ? 1.0 : xOri - fl;
        const int64_t base = static_cast<int64_t>(fl) - (integral ? 1 : 0);
        auto clampIndex = [inSize](int64_t i) { return std::clamp<int64_t>(i, 0, inSize - 1); };
        if (p.mode == Mode::Nearest) {
            bool right = false;
            if (integral) {
                right = true;
            } else {
                switch (p.nearest) {
                case NearestMode::RoundPreferFloor:
                    right = ratio > 0.5;
                    break;
                case NearestMode::RoundPreferCeil:
                    right = ratio >= 0.5;
                    break;
                case NearestMode::Floor:
                    right = false;
                    break;
                case NearestMode::Ceil:
                    right = true;
                    break;
                case NearestMode::Simple:
                    right = scale < 1;
                    break;
                }
            }
            taps.push_back({clampIndex(base + (right ? 1 : 0)), 1.0});
            continue;
        }
        const double s = p.antialias ? std::min(scale, 1.0) : 1.0;
        int64_t start, end;
        if (p.mode == Mode::Linear) {
            start = static_cast<int64_t>(std::floor(-1 / s)) + 1;
            end = start + 2 - 2 * start;
        } else {
            start = static_cast<int64_t>(std::floor(-2 / s)) + 1;
            end = 2 - start;
        }
        double sum = 0;
        for (int64_t i = start; i < end; ++i) {
            const double d = (static_cast<double>(i) - ratio) * s;
            double w =
                p.mode == Mode::Linear ? std::clamp(1 - std::fabs(d), 0.0, 1.0) : cubicWeight(d, p.cubicA);
            const int64_t idx = base + i;
            if (p.excludeOutside && (idx < 0 || idx >= inSize))
                w = 0;
            sum += w;
            taps.push_back({clampIndex(idx), w});
        }
        if (p.antialias || p.excludeOutside) {
            if (sum != 0)
                for (Tap& t : taps)
                    t.weight /= sum;
        }
    }
    return plan;
}

// src viewed as [outer, inSize, inner] -> dst [outer, outSize, inner].
void applyAxis(const std::vector<double>& src, std::vector<double>& dst, int64_t outer, int64_t inSize,
               int64_t inner, const AxisPlan& plan, double extrapolation, int threads) {
    const int64_t outSize = static_cast<int64_t>(plan.taps.size());
    dst.assign(static_cast<size_t>(outer * outSize * inner), 0.0);
#pragma omp parallel for num_threads(threads) if (outer * outSize * inner > 65536)
    for (int64_t o = 0; o < outer; ++o) {
        const double* s = src.data() + o * inSize * inner;
        double* d = dst.data() + o * outSize * inner;
        for (int64_t xo = 0; xo < outSize; ++xo) {
            const auto& taps = plan.taps[static_cast<size_t>(xo)];
            double* row = d + xo * inner;
            if (taps.empty()) {
                std::fill(row, row + inner, extrapolation);
                continue;
            }
            for (const Tap& t : taps) {
                if (t.weight == 0)
                    continue;
                const double* in = s + t.index * inner;
                for (int64_t j = 0; j < inner; ++j)
                    row[j] += t.weight * in[j];
            }
        }
    }
}

class ResizeKernel final : public Kernel {
public:
    ResizeKernel(const NodeDesc& node, bool upsample)
        : m_opset(node.opsetVersion)
        , m_upsample(upsample)
        , m_modeName(node.getString("mode", "nearest"))
        , m_coordName(node.getString("coordinate_transformation_mode", "half_pixel"))
        , m_nearestName(node.getString("nearest_mode", "round_prefer_floor"))
        , m_policy(node.getString("keep_aspect_ratio_policy", "stretch"))
        , m_axesAttr(node.getInts("axes"))
        , m_scalesAttr(node.getFloats("scales")) {
        m_params.cubicA = node.getFloat("cubic_coeff_a", -0.75f);
        m_params.excludeOutside = node.getInt("exclude_outside", 0) != 0;
        m_params.antialias = node.getInt("antialias", 0) != 0;
        m_params.extrapolation = node.getFloat("extrapolation_value", 0.f);
    }

    Status compute(KernelContext& context) const override {
        ResizeParams p = m_params;
        OS_RETURN_IF_ERROR(parseModes(p));
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        if (!isNumericType(x->dataType()))
            return Status::error("Resize does not support element type " +
                                 std::string(dataTypeName(x->dataType())));
        const int rank = x->rank();
        const bool legacy = m_upsample || m_opset < 11;
        const Tensor* roiT = legacy ? nullptr : context.inputTensor(1);
        const Tensor* scalesT =
            legacy ? (m_upsample && m_opset < 9 ? nullptr : context.inputTensor(1)) : context.inputTensor(2);
        const Tensor* sizesT = legacy ? nullptr : context.inputTensor(3);
        std::vector<double> scales;
        if (scalesT && scalesT->elementCount() > 0)
            scales = toDoubles(*scalesT);
        else if (!m_scalesAttr.empty())
            scales.assign(m_scalesAttr.begin(), m_scalesAttr.end());
        std::vector<int64_t> sizes;
        if (sizesT && sizesT->elementCount() > 0)
            sizes = readInt64s(*sizesT);
        if (scales.empty() == sizes.empty())
            return Status::error("exactly one of scales and sizes must be given");

        std::vector<int> axes;
        if (m_axesAttr.empty()) {
            for (int k = 0; k < rank; ++k)
                axes.push_back(k);
        } else {
            for (int64_t a : m_axesAttr) {
                OS_ASSIGN_OR_RETURN(int n, normalizeAxis(a, rank));
                axes.push_back(n);
            }
        }
        const size_t n = axes.size();
        if ((!scales.empty() && scales.size() != n) || (!sizes.empty() && sizes.size() != n))
            return Status::error("scales/sizes must have one entry per resized axis (" + std::to_string(n) +
                                 ")");
        std::vector<double> roi = roiT ? toDoubles(*roiT) : std::vector<double>{};
        std::vector<double> roiStart(static_cast<size_t>(rank), 0.0), roiEnd(static_cast<size_t>(rank), 1.0);
        if (p.coord == Coord::TfCropAndResize) {
            if (roi.size() != 2 * n)
                return Status::error("roi must have 2 entries per resized axis for tf_crop_and_resize");
            for (size_t i = 0; i < n; ++i) {
                roiStart[axes[i]] = roi[i];
                roiEnd[axes[i]] = roi[n + i];
            }
        }

        std::vector<double> axisScale(static_cast<size_t>(rank), 1.0);
        Shape outShape = x->shape();
        if (!scales.empty()) {
            for (size_t i = 0; i < n; ++i) {
                if (!(scales[i] > 0))
                    return Status::error("scale " + std::to_string(scales[i]) + " must be positive");
                axisScale[axes[i]] = scales[i];
                // floor(dim * scale), as the reference computes it (the roi does not shrink it).
                outShape[axes[i]] = static_cast<int64_t>(static_cast<double>(x->dim(axes[i])) * scales[i]);
            }
        } else {
            for (size_t i = 0; i < n; ++i) {
                if (sizes[i] < 0)
                    return Status::error("sizes entry " + std::to_string(sizes[i]) + " is negative");
                if (x->dim(axes[i]) == 0)
                    return Status::error("cannot resize an empty axis");
                axisScale[axes[i]] = static_cast<double>(sizes[i]) / static_cast<double>(x->dim(axes[i]));
                outShape[axes[i]] = sizes[i];
            }
            if (m_policy != "stretch") {
                if (m_policy != "not_larger" && m_policy != "not_smaller")
                    return Status::error("unknown keep_aspect_ratio_policy '" + m_policy + "'");
                double scale = axisScale[axes[0]];
                for (int a : axes)
                    scale = m_policy == "not_larger" ? std::min(scale, axisScale[a])
                                                     : std::max(scale, axisScale[a]);
                for (int a : axes) {
                    axisScale[a] = scale;
                    outShape[a] = static_cast<int64_t>(scale * static_cast<double>(x->dim(a)) + 0.5);
                }
            }
        }

        std::vector<double> cur = toDoubles(*x), next;
        Shape curShape = x->shape();
        for (int axis = rank - 1; axis >= 0; --axis) {
            const bool identity = outShape[axis] == curShape[axis] && axisScale[axis] == 1.0 &&
                                  p.coord != Coord::TfCropAndResize;
            if (identity)
                continue;
            if (curShape[axis] == 0)
                return Status::error("cannot resize an empty axis");
            const AxisPlan plan =
                planAxis(p, curShape[axis], outShape[axis], axisScale[axis], roiStart[axis], roiEnd[axis]);
            applyAxis(cur, next, dimProduct(curShape, 0, axis), curShape[axis],
                      dimProduct(curShape, axis + 1, rank), plan, p.extrapolation, context.threadCount());
            cur.swap(next);
            curShape[axis] = outShape[axis];
        }
        Tensor& out = context.allocateOutput(0, x->dataType(), outShape);
        if (out.dataType() == DataType::Float) {
            float* d = out.data<float>();
            for (size_t i = 0; i < cur.size(); ++i)
                d[i] = static_cast<float>(cur[i]);
        } else {
            for (size_t i = 0; i < cur.size(); ++i)
                setElementFromDouble(out, static_cast<int64_t>(i), cur[i]);
        }
        return {};
    }

private:
    Status parseModes(ResizeParams& p) const {
        const std::string& m = m_modeName;
        if (m == "nearest")
            p.mode = Mode::Nearest;
        else if (m == "linear" || m == "bilinear" || m == "trilinear")
            p.mode = Mode::Linear;
        else if (m == "cubic")
            p.mode = Mode::Cubic;
        else
            return Status::error("unknown mode '" + m + "'");
        if (m_upsample || m_opset < 11) {
            p.coord = Coord::Asymmetric;
            p.nearest = NearestMode::Simple;
            if (p.mode == Mode::Cubic)
                return Status::error("cubic mode needs opset 11");
            return {};
        }
        const std::string& c = m_coordName;
        if (c == "half_pixel")
            p.coord = Coord::HalfPixel;
        else if (c == "half_pixel_symmetric")
            p.coord = Coord::HalfPixelSymmetric;
        else if (c == "pytorch_half_pixel")
            p.coord = Coord::PytorchHalfPixel;
        else if (c == "align_corners")
            p.coord = Coord::AlignCorners;
        else if (c == "asymmetric")
            p.coord = Coord::Asymmetric;
        else if (c == "tf_half_pixel_for_nearest")
            p.coord = Coord::TfHalfPixelForNearest;
        else if (c == "tf_crop_and_resize")
            p.coord = Coord::TfCropAndResize;
        else
            return Status::error("unknown coordinate_transformation_mode '" + c + "'");
        const std::string& nm = m_nearestName;
        if (nm == "round_prefer_floor")
            p.nearest = NearestMode::RoundPreferFloor;
        else if (nm == "round_prefer_ceil")
            p.nearest = NearestMode::RoundPreferCeil;
        else if (nm == "floor")
            p.nearest = NearestMode::Floor;
        else if (nm == "ceil")
            p.nearest = NearestMode::Ceil;
        else
            return Status::error("unknown nearest_mode '" + nm + "'");
        if (p.antialias && p.mode == Mode::Nearest)
            return Status::error("antialias is not supported for nearest mode");
        return {};
    }

    int m_opset;
    bool m_upsample;
    std::string m_modeName, m_coordName, m_nearestName, m_policy;
    std::vector<int64_t> m_axesAttr;
    std::vector<float> m_scalesAttr;
    ResizeParams m_params;
};

Result<std::unique_ptr<Kernel>> makeResize(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new ResizeKernel(node, false));
}
Result<std::unique_ptr<Kernel>> makeUpsample(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new ResizeKernel(node, true));
}

} // namespace

void registerResizeOps(KernelRegistry& registry) {
    registry.add("Resize", 10, &makeResize);
    registry.add(KernelDef{"Upsample", "", 7, 9, &makeUpsample});
}

} // namespace onnxscope
