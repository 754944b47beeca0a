#include "vector_math.h"

#include <bit>
#include <cmath>
#include <limits>

// One clone per instruction set; the dynamic loader's ifunc picks the best the CPU has.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define OS_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define OS_VECTOR_CLONES
#endif

namespace onnxscope::vecmath {

namespace {

// The polynomial with coefficients c (highest power first) at z.
template <int N> [[gnu::always_inline]] inline float horner(float z, const float (&c)[N]) {
    float p = c[0];
#pragma GCC unroll 16 // unrolled before vectorization, or the caller's loop stays scalar
    for (int i = 1; i < N; ++i)
        p = p * z + c[i];
    return p;
}

// e^x, NaN passed through, overflow to inf and gradual underflow to 0 as libm's.
[[gnu::always_inline]] inline float expOne(float x) {
    const float c = x < -104.0f ? -104.0f : (x > 89.0f ? 89.0f : x);
    // Round c / ln2 to nearest with the 1.5 * 2^23 shifter (no rint instruction needed).
    const float shifter = 12582912.0f;
    const float t = c * 1.44269504088896341f + shifter;
    const float n = t - shifter;
    const int32_t ni = std::bit_cast<int32_t>(t) - std::bit_cast<int32_t>(shifter);
    const float r = (c - n * 0.693359375f) + n * 2.12194440e-4f; // ln2 split in two (Cody-Waite)
    const float p = horner(r, {1.0f / 5040, 1.0f / 720, 1.0f / 120, 1.0f / 24, 1.0f / 6, 0.5f, 1.0f, 1.0f});
    // 2^n in two halves, so n from -150 to 128 stays within normal exponents.
    const int32_t n1 = ni >> 1, n2 = ni - n1;
    const float s1 = std::bit_cast<float>((n1 + 127) << 23), s2 = std::bit_cast<float>((n2 + 127) << 23);
    const float e = p * s1 * s2;
    return x != x ? x : e;
}

// erf(x): x * P(x^2) below 0.921875, 1 - exp(Q(|x| - 2.4)) up to 3.925 and 1 beyond (where
// erfc(x) is under half an ulp of 1); polynomials fitted by least squares on Chebyshev nodes.
[[gnu::always_inline]] inline float erfOne(float x) {
    const float a = std::fabs(x);
    const float z = x * x;
    const float s = horner(z, {-6.046977658e-04f, 5.005589881e-03f, -2.677637670e-02f, 1.128213904e-01f,
                               -3.761253376e-01f, 1.128379160e+00f});
    const float small = x * s;
    const float t = (a < 3.925f ? a : 3.925f) - 2.4f;
    const float q =
        horner(t, {1.635537716e-06f, -1.459022356e-05f, 8.707218216e-05f, -4.695055642e-04f, 2.387436559e-03f,
                   -1.176815055e-02f, -9.405019027e-01f, -5.164236594e+00f, -7.280975063e+00f});
    const float big = a < 3.925f ? 1.0f - expOne(q) : 1.0f;
    const float large = x < 0 ? -big : big;
    return a <= 0.921875f ? small : (x != x ? x : large);
}

// tanh(x): x * P(x^2) below 0.625 (fitted like erf's), 1 - 2 / (e^2|x| + 1) above.
[[gnu::always_inline]] inline float tanhOne(float x) {
    const float a = std::fabs(x);
    const float z = x * x;
    const float s = horner(z, {-5.709754710e-03f, 2.064206042e-02f, -5.373978021e-02f, 1.333141774e-01f,
                               -3.333327764e-01f, 9.999999983e-01f});
    const float big = 1.0f - 2.0f / (expOne(2.0f * a) + 1.0f);
    return a < 0.625f ? x * s : (x < 0 ? -big : big);
}

} // namespace

OS_VECTOR_CLONES void tanh(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = tanhOne(in[i]);
}

OS_VECTOR_CLONES void relu(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = in[i] < 0.0f ? 0.0f : in[i];
}

OS_VECTOR_CLONES void exp(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = expOne(in[i]);
}

OS_VECTOR_CLONES void sigmoid(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i) {
        // e^-|x| never overflows, so tiny results stay denormal as the reference's.
        const float e = expOne(-std::fabs(in[i]));
        const float r = 1.0f / (1.0f + e);
        out[i] = in[i] >= 0.0f ? r : e * r;
    }
}

OS_VECTOR_CLONES void erf(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = erfOne(in[i]);
}

OS_VECTOR_CLONES void softmaxRows(const float* in, float* out, int64_t rows, int64_t n, bool logSoftmax) {
    for (int64_t row = 0; row < rows; ++row) {
        const float* x = in + row * n;
        float* y = out + row * n;
        // A NaN anywhere makes the row NaN through the sum, whatever the max reduction saw.
        float best = -std::numeric_limits<float>::infinity();
#pragma omp simd reduction(max : best)
        for (int64_t i = 0; i < n; ++i)
            best = x[i] > best ? x[i] : best;
        float sum = 0.0f;
        if (logSoftmax) {
#pragma omp simd reduction(+ : sum)
            for (int64_t i = 0; i < n; ++i)
                sum += expOne(x[i] - best);
            const float logSum = std::log(sum);
#pragma omp simd
            for (int64_t i = 0; i < n; ++i)
                y[i] = (x[i] - best) - logSum;
            continue;
        }
#pragma omp simd reduction(+ : sum)
        for (int64_t i = 0; i < n; ++i) {
            const float e = expOne(x[i] - best);
            y[i] = e;
            sum += e;
        }
        const float scale = 1.0f / sum;
#pragma omp simd
        for (int64_t i = 0; i < n; ++i)
            y[i] *= scale;
    }
}

} // namespace onnxscope::vecmath
