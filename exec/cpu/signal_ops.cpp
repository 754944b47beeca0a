// Signal processing: DFT, STFT, HannWindow, HammingWindow, BlackmanWindow, MelWeightMatrix.
//
// Transforms use an iterative radix-2 FFT for power-of-two lengths and Bluestein's chirp-z
// algorithm (three power-of-two FFTs) otherwise, so every length is O(n log n). Complex values
// travel as a trailing dim of 2 (real, imaginary); a trailing dim of 1 is a real signal.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <cmath>
#include <complex>
#include <numbers>

namespace onnxscope {

namespace {

using Complex = std::complex<double>;

bool isPowerOfTwo(size_t n) {
    return n && !(n & (n - 1));
}

void fftPow2(std::vector<Complex>& a, bool inverse) {
    const size_t n = a.size();
    for (size_t i = 1, j = 0; i < n; ++i) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        const double angle = 2 * std::numbers::pi / static_cast<double>(len) * (inverse ? 1 : -1);
        for (size_t i = 0; i < n; i += len) {
            for (size_t k = 0; k < len / 2; ++k) {
                const Complex w = std::polar(1.0, angle * static_cast<double>(k));
                const Complex u = a[i + k], v = a[i + k + len / 2] * w;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
            }
        }
    }
}

// Unnormalized DFT of any length (sign -1 forward, +1 inverse).
void fft(std::vector<Complex>& a, bool inverse) {
    const size_t n = a.size();
    if (n <= 1)
        return;
    if (isPowerOfTwo(n)) {
        fftPow2(a, inverse);
        return;
    }
    // Bluestein: x_k * w_k convolved with conj(w), w_k = exp(-+ i pi k^2 / n).
    size_t m = 1;
    while (m < 2 * n - 1)
        m <<= 1;
    const double sign = inverse ? 1 : -1;
    std::vector<Complex> w(n);
    for (size_t k = 0; k < n; ++k) {
        const double kk = static_cast<double>((static_cast<unsigned long long>(k) * k) % (2 * n));
        w[k] = std::polar(1.0, sign * std::numbers::pi * kk / static_cast<double>(n));
    }
    std::vector<Complex> x(m), y(m);
    for (size_t k = 0; k < n; ++k)
        x[k] = a[k] * w[k];
    y[0] = std::conj(w[0]);
    for (size_t k = 1; k < n; ++k)
        y[k] = y[m - k] = std::conj(w[k]);
    fftPow2(x, false);
    fftPow2(y, false);
    for (size_t i = 0; i < m; ++i)
        x[i] *= y[i];
    fftPow2(x, true);
    for (size_t k = 0; k < n; ++k)
        a[k] = x[k] / static_cast<double>(m) * w[k];
}

class DftKernel final : public Kernel {
public:
    explicit DftKernel(const NodeDesc& node)
        : m_opset(node.opsetVersion)
        , m_axisAttr(node.getInt("axis", 1))
        , m_inverse(node.getInt("inverse", 0) != 0)
        , m_onesided(node.getInt("onesided", 0) != 0) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "input"));
        const int rank = x->rank();
        if (rank < 2 || (x->dim(rank - 1) != 1 && x->dim(rank - 1) != 2))
            return Status::error("input must be [..., 1] (real) or [..., 2] (complex), got " +
                                 shapeToString(x->shape()));
        if (!isFloatingPoint(x->dataType()))
            return Status::error("input must be floating point");
        int64_t axis = m_axisAttr;
        if (m_opset >= 20) {
            axis = -2;
            if (const Tensor* a = context.inputTensor(2); a && a->elementCount() > 0)
                axis = readInt64s(*a)[0];
        }
        if (axis < 0)
            axis += rank;
        if (axis < 0 || axis > rank - 2)
            return Status::error("axis is out of range for input " + shapeToString(x->shape()));
        const int ax = static_cast<int>(axis);
        const int64_t dim = x->dim(ax);
        const bool complexIn = x->dim(rank - 1) == 2;
        const bool irfft = m_inverse && m_onesided;
        int64_t n = irfft ? 2 * (dim - 1) : dim;
        if (const Tensor* l = context.inputTensor(1); l && l->elementCount() > 0)
            n = readInt64s(*l)[0];
        if (n < 1)
            return Status::error("dft_length " + std::to_string(n) + " must be positive");
        const int64_t outLen = (m_onesided && !m_inverse) ? n / 2 + 1 : n;
        Shape outShape = x->shape();
        outShape[ax] = outLen;
        outShape[rank - 1] = irfft ? 1 : 2;
        Tensor& out = context.allocateOutput(0, x->dataType(), outShape);
        const std::vector<double> in = toDoubles(*x);
        const int64_t outer = dimProduct(x->shape(), 0, ax);
        const int64_t inner = dimProduct(x->shape(), ax + 1, rank - 1);
        const int64_t cin = complexIn ? 2 : 1, cout = outShape[rank - 1];
        std::vector<double> result(static_cast<size_t>(out.elementCount()));
#pragma omp parallel for num_threads(context.threadCount()) if (outer * inner * n > 65536)
        for (int64_t oi = 0; oi < outer * inner; ++oi) {
            const int64_t o = oi / inner, i = oi % inner;
            std::vector<Complex> line(static_cast<size_t>(n));
            auto value = [&](int64_t k) {
                const double* p = in.data() + ((o * dim + k) * inner + i) * cin;
                return Complex(p[0], complexIn ? p[1] : 0.0);
            };
            for (int64_t k = 0; k < n; ++k) {
                if (k < dim)
                    line[k] = value(k);
                else if (irfft && n - k < dim)
                    line[k] = std::conj(value(n - k));
            }
            fft(line, m_inverse);
            for (int64_t k = 0; k < outLen; ++k) {
                Complex v = line[k];
                if (m_inverse)
                    v /= static_cast<double>(n);
                double* p = result.data() + ((o * outLen + k) * inner + i) * cout;
                p[0] = v.real();
                if (cout == 2)
                    p[1] = v.imag();
            }
        }
        for (size_t k = 0; k < result.size(); ++k)
            setElementFromDouble(out, static_cast<int64_t>(k), result[k]);
        return {};
    }

private:
    int m_opset;
    int64_t m_axisAttr;
    bool m_inverse;
    bool m_onesided;
};

class StftKernel final : public Kernel {
public:
    explicit StftKernel(const NodeDesc& node)
        : m_onesided(node.getInt("onesided", 1) != 0) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* signal, requireTensor(context, 0, "signal"));
        OS_ASSIGN_OR_RETURN(const Tensor* stepT, requireTensor(context, 1, "frame_step"));
        const Tensor* window = context.inputTensor(2);
        const Tensor* lengthT = context.inputTensor(3);
        if (signal->rank() != 3 || (signal->dim(2) != 1 && signal->dim(2) != 2))
            return Status::error("signal must be [batch, length, 1|2], got " +
                                 shapeToString(signal->shape()));
        const int64_t step = readInt64s(*stepT).at(0);
        int64_t frameLength = 0;
        if (lengthT && lengthT->elementCount() > 0)
            frameLength = readInt64s(*lengthT)[0];
        else if (window)
            frameLength = window->elementCount();
        else
            return Status::error("either window or frame_length must be given");
        if (window && window->elementCount() != frameLength)
            return Status::error("window length " + std::to_string(window->elementCount()) +
                                 " differs from frame_length " + std::to_string(frameLength));
        const int64_t batch = signal->dim(0), length = signal->dim(1);
        if (step < 1 || frameLength < 1 || frameLength > length)
            return Status::error("invalid frame_step/frame_length for a signal of length " +
                                 std::to_string(length));
        const bool complexIn = signal->dim(2) == 2;
        if (complexIn && m_onesided)
            return Status::error("onesided output needs a real signal");
        const int64_t frames = 1 + (length - frameLength) / step;
        const int64_t bins = m_onesided ? frameLength / 2 + 1 : frameLength;
        Tensor& out = context.allocateOutput(0, signal->dataType(), {batch, frames, bins, 2});
        const std::vector<double> in = toDoubles(*signal);
        const std::vector<double> win = window ? toDoubles(*window) : std::vector<double>(frameLength, 1.0);
        const int64_t c = complexIn ? 2 : 1;
        std::vector<Complex> line(static_cast<size_t>(frameLength));
        for (int64_t b = 0; b < batch; ++b) {
            for (int64_t f = 0; f < frames; ++f) {
                for (int64_t k = 0; k < frameLength; ++k) {
                    const double* p = in.data() + (b * length + f * step + k) * c;
                    line[k] = Complex(p[0], complexIn ? p[1] : 0.0) * win[k];
                }
                fft(line, false);
                for (int64_t k = 0; k < bins; ++k) {
                    const int64_t o = ((b * frames + f) * bins + k) * 2;
                    setElementFromDouble(out, o, line[k].real());
                    setElementFromDouble(out, o + 1, line[k].imag());
                }
            }
        }
        return {};
    }

private:
    bool m_onesided;
};

enum class WindowKind { Hann, Hamming, Blackman };

class WindowKernel final : public Kernel {
public:
    WindowKernel(const NodeDesc& node, WindowKind kind)
        : m_kind(kind)
        , m_dtype(node.getInt("output_datatype", 1))
        , m_periodic(node.getInt("periodic", 1) != 0) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* sizeT, requireTensor(context, 0, "size"));
        if (sizeT->elementCount() != 1)
            return Status::error("size must be a scalar");
        const int64_t n = readInt64s(*sizeT)[0];
        if (n < 0)
            return Status::error("size " + std::to_string(n) + " is negative");
        auto type = dataTypeFromInt(static_cast<int32_t>(m_dtype));
        if (!type || !isNumericType(*type))
            return Status::error("unsupported output_datatype " + std::to_string(m_dtype));
        Tensor& out = context.allocateOutput(0, *type, {n});
        const double denom = static_cast<double>(m_periodic ? n : n - 1);
        for (int64_t i = 0; i < n; ++i) {
            const double t = denom > 0 ? 2 * std::numbers::pi * static_cast<double>(i) / denom : 0.0;
            double v = 0;
            switch (m_kind) {
            case WindowKind::Hann:
                v = 0.5 - 0.5 * std::cos(t);
                break;
            case WindowKind::Hamming:
                v = 25.0 / 46.0 - (1 - 25.0 / 46.0) * std::cos(t);
                break;
            case WindowKind::Blackman:
                v = 0.42 - 0.5 * std::cos(t) + 0.08 * std::cos(2 * t);
                break;
            }
            setElementFromDouble(out, i, v);
        }
        return {};
    }

private:
    WindowKind m_kind;
    int64_t m_dtype;
    bool m_periodic;
};

template <WindowKind K> Result<std::unique_ptr<Kernel>> makeWindow(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new WindowKernel(node, K));
}

class MelWeightMatrixKernel final : public Kernel {
public:
    explicit MelWeightMatrixKernel(const NodeDesc& node)
        : m_dtype(node.getInt("output_datatype", 1)) {}
    Status compute(KernelContext& context) const override {
        double args[5];
        const char* names[5] = {"num_mel_bins", "dft_length", "sample_rate", "lower_edge_hertz",
                                "upper_edge_hertz"};
        for (int i = 0; i < 5; ++i) {
            OS_ASSIGN_OR_RETURN(const Tensor* t, requireTensor(context, i, names[i]));
            if (t->elementCount() != 1)
                return Status::error(std::string(names[i]) + " must be a scalar");
            args[i] = t->elementAsDouble(0);
        }
        const int64_t mels = static_cast<int64_t>(args[0]), dftLength = static_cast<int64_t>(args[1]);
        const int64_t sampleRate = static_cast<int64_t>(args[2]);
        if (mels < 1 || dftLength < 1 || sampleRate < 1 || args[3] < 0 || args[4] < args[3])
            return Status::error("invalid MelWeightMatrix arguments");
        auto type = dataTypeFromInt(static_cast<int32_t>(m_dtype));
        if (!type || !isNumericType(*type))
            return Status::error("unsupported output_datatype " + std::to_string(m_dtype));
        const int64_t spectrogramBins = dftLength / 2 + 1;
        const double lowMel = 2595 * std::log10(1 + args[3] / 700);
        const double highMel = 2595 * std::log10(1 + args[4] / 700);
        const double melStep = (highMel - lowMel) / static_cast<double>(mels + 2);
        std::vector<int64_t> bins(static_cast<size_t>(mels + 2));
        for (int64_t i = 0; i < mels + 2; ++i) {
            const double hz = 700 * (std::pow(10.0, (static_cast<double>(i) * melStep + lowMel) / 2595) - 1);
            bins[i] = static_cast<int64_t>(
                std::floor(static_cast<double>(dftLength + 1) * hz / static_cast<double>(sampleRate)));
        }
        std::vector<double> w(static_cast<size_t>(spectrogramBins * mels), 0.0);
        auto at = [&](int64_t j, int64_t i) -> double* {
            if (j < 0 || j >= spectrogramBins)
                return nullptr;
            return &w[j * mels + i];
        };
        for (int64_t i = 0; i < mels; ++i) {
            const int64_t lo = bins[i], center = bins[i + 1], hi = bins[i + 2];
            if (center == lo) {
                if (double* p = at(center, i))
                    *p = 1;
            } else {
                for (int64_t j = lo; j <= center; ++j)
                    if (double* p = at(j, i))
                        *p = static_cast<double>(j - lo) / static_cast<double>(center - lo);
            }
            if (hi > center)
                for (int64_t j = center; j < hi; ++j)
                    if (double* p = at(j, i))
                        *p = static_cast<double>(hi - j) / static_cast<double>(hi - center);
        }
        Tensor& out = context.allocateOutput(0, *type, {spectrogramBins, mels});
        for (size_t k = 0; k < w.size(); ++k)
            setElementFromDouble(out, static_cast<int64_t>(k), w[k]);
        return {};
    }

private:
    int64_t m_dtype;
};

} // namespace

void registerSignalOps(KernelRegistry& registry) {
    registry.add("DFT", 17, &makeKernel<DftKernel>);
    registry.add("STFT", 17, &makeKernel<StftKernel>);
    registry.add("HannWindow", 17, &makeWindow<WindowKind::Hann>);
    registry.add("HammingWindow", 17, &makeWindow<WindowKind::Hamming>);
    registry.add("BlackmanWindow", 17, &makeWindow<WindowKind::Blackman>);
    registry.add("MelWeightMatrix", 17, &makeKernel<MelWeightMatrixKernel>);
}

} // namespace onnxscope
