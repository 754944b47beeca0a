// Float32 loops over contiguous arrays for the hottest elementwise functions (Relu, Exp,
// Sigmoid, Erf, Tanh) and softmax rows. The libm calls the reference kernels make per element do not
// vectorize; these use branch-free polynomial forms (exp: Cody-Waite reduction and a degree-7
// Taylor polynomial; erf, tanh: fitted polynomials on two ranges) accurate to a few float ulps, and are
// built for AVX-512, AVX2+FMA and baseline x86-64, picked by cpuIsa() (cpu_isa.h).
#pragma once

#include <cstdint>

namespace onnxscope::vecmath {

// Whether the kernels may use AVX-512F: the CPU has it and ONNXSCOPE_CPU_ISA does not cap it.
bool hasAvx512();

void relu(const float* in, float* out, int64_t n);
void exp(const float* in, float* out, int64_t n);
void sigmoid(const float* in, float* out, int64_t n);
void swish(const float* in, float* out, int64_t n); // x * sigmoid(x) (SiLU); in may equal out
void erf(const float* in, float* out, int64_t n);
// GELU as exporters write it, x * (erf(x / divisor) + 1) * 0.5 with divisor sqrt(2), in that
// order, so it gives what Div, Erf, Add, Mul and Mul give one by one; in may equal out.
void erfGelu(const float* in, float* out, int64_t n, float divisor);
void tanh(const float* in, float* out, int64_t n);

// out[r] = the dot product of row r of `rows` (count contiguous rows of `length`) with x: a
// matrix-vector product that reads the matrix once, front to back, as the prefetcher likes it.
void dotRows(const float* rows, const float* x, float* out, int64_t count, int64_t length);

// out[r * width + c] = in[r * width + c] * scale[c] (or + scale[c]) for `rows` rows: a
// per-channel operand over channels-last pixels (or blocks of them); in may equal out.
void scaleRows(const float* in, const float* scale, float* out, int64_t rows, int64_t width, bool add);
// out[c] = the mean of in[r * stride + c] over `rows` rows, c < width (global average pooling
// over channels-last pixels).
void meanRows(const float* in, float* out, int64_t rows, int64_t width, int64_t stride);

// LayerNormalization (or RMS normalization when rms) of one row of n floats: the mean and the
// variance summed in double, then y = (x - mean) * inv * scale (+ bias when not null), where
// inv = 1 / sqrt(variance + epsilon). mean (0 for RMS) and inv are returned through the
// pointers. y may equal x.
void layerNormRow(const float* x, const float* scale, const float* bias, float* y, int64_t n, double epsilon,
                  bool rms, float* mean, float* inv);

// Softmax (or LogSoftmax) of each of `rows` contiguous rows of length n.
void softmaxRows(const float* in, float* out, int64_t rows, int64_t n, bool logSoftmax);

} // namespace onnxscope::vecmath
