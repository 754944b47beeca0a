#include "vector_math.h"

#include "cpu_isa.h"

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

#include <bit>
#include <cmath>
#include <limits>

// Each loop is built three times, for AVX-512, AVX2+FMA and baseline x86-64, and called through
// the copy cpuIsa() picks, so ONNXSCOPE_CPU_ISA can cap it (target_clones' ifunc resolver, which
// picked before, cannot be capped). The bodies are always_inline: each copy compiles its own.
#if defined(__GNUC__) && defined(__x86_64__)
#define OS_ISA_VARIANTS(name, params, args)                                                                  \
    __attribute__((target("avx512f"))) void name##Avx512 params {                                            \
        name##Body args;                                                                                     \
    }                                                                                                        \
    __attribute__((target("avx2,fma"))) void name##Avx2 params {                                             \
        name##Body args;                                                                                     \
    }                                                                                                        \
    void name##Baseline params {                                                                             \
        name##Body args;                                                                                     \
    }
#define OS_ISA_CALL(name, args)                                                                              \
    switch (cpuIsa()) {                                                                                      \
    case CpuIsa::Avx512:                                                                                     \
        return name##Avx512 args;                                                                            \
    case CpuIsa::Avx2:                                                                                       \
        return name##Avx2 args;                                                                              \
    case CpuIsa::Sse2:                                                                                       \
        break;                                                                                               \
    }                                                                                                        \
    return name##Baseline args
#else
#define OS_ISA_VARIANTS(name, params, args)                                                                  \
    void name##Baseline params {                                                                             \
        name##Body args;                                                                                     \
    }
#define OS_ISA_CALL(name, args) return name##Baseline args
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

// e^x for x <= 0 in about half the instructions of expOne: below -87.3 (where e^x leaves the
// normal range) it returns e^-87.3, so callers must only use it where that absolute error of
// 1e-38 vanishes (SiLU's x * sigmoid(x)); NaN passes through. Degree-5 minimax polynomial on
// [-ln2/2, ln2/2], within 2 ulp of libm.
[[gnu::always_inline]] inline float expNonPositive(float x) {
    const float c = x < -87.3f ? -87.3f : x;
    const float shifter = 12582912.0f;
    const float t = c * 1.44269504088896341f + shifter;
    const float n = t - shifter;
    const int32_t ni = std::bit_cast<int32_t>(t) - std::bit_cast<int32_t>(shifter);
    const float r = (c - n * 0.693359375f) + n * 2.12194440e-4f;
    const float p = horner(r, {1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f, 1.6666665459e-1f,
                               5.0000001201e-1f, 1.0f, 1.0f});
    return p * std::bit_cast<float>((ni + 127) << 23);
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
    const float big = a < 3.925f ? 1.0f - expNonPositive(q) : 1.0f; // q <= 0: erfc(x) <= 1
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

namespace {
[[gnu::always_inline]] inline void tanhBody(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = tanhOne(in[i]);
}
OS_ISA_VARIANTS(tanh, (const float* in, float* out, int64_t n), (in, out, n))
} // namespace

void tanh(const float* in, float* out, int64_t n) {
    OS_ISA_CALL(tanh, (in, out, n));
}

namespace {
[[gnu::always_inline]] inline void reluBody(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = in[i] < 0.0f ? 0.0f : in[i];
}
OS_ISA_VARIANTS(relu, (const float* in, float* out, int64_t n), (in, out, n))
} // namespace

void relu(const float* in, float* out, int64_t n) {
    OS_ISA_CALL(relu, (in, out, n));
}

namespace {
[[gnu::always_inline]] inline void expBody(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = expOne(in[i]);
}
OS_ISA_VARIANTS(exp, (const float* in, float* out, int64_t n), (in, out, n))
} // namespace

void exp(const float* in, float* out, int64_t n) {
    OS_ISA_CALL(exp, (in, out, n));
}

namespace {
[[gnu::always_inline]] inline void sigmoidBody(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i) {
        // e^-|x| never overflows, so tiny results stay denormal as the reference's.
        const float e = expOne(-std::fabs(in[i]));
        const float r = 1.0f / (1.0f + e);
        out[i] = in[i] >= 0.0f ? r : e * r;
    }
}
OS_ISA_VARIANTS(sigmoid, (const float* in, float* out, int64_t n), (in, out, n))
} // namespace

void sigmoid(const float* in, float* out, int64_t n) {
    OS_ISA_CALL(sigmoid, (in, out, n));
}

namespace {

// x * sigmoid(x) from expNonPositive(-|x|); 0 (or -inf * 0 = NaN) where that was clamped.
[[gnu::always_inline]] inline float swishOne(float x) {
    const float e = expNonPositive(-std::fabs(x));
    const float r = 1.0f / (1.0f + e);
    const float y = x * (x >= 0.0f ? r : e * r);
    return x < -88.0f ? x * 0.0f : y;
}

[[gnu::always_inline]] inline void swishPortableBody(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = swishOne(in[i]);
}
OS_ISA_VARIANTS(swishPortable, (const float* in, float* out, int64_t n), (in, out, n))

#if defined(__GNUC__) && defined(__x86_64__)
// The same arithmetic with a reciprocal estimate and one Newton step in place of the division,
// which the compiler may not do on its own: 25% faster, and SiLU runs over every activation of
// EfficientNet-style models.
// GCC 12's AVX-512 headers pass _mm512_undefined_ps() as the unused merge source, which
// -Wmaybe-uninitialized reports inside every intrinsic.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
__attribute__((target("avx512f"))) void swishAvx512(const float* in, float* out, int64_t n) {
    const __m512 lowest = _mm512_set1_ps(-87.3f), shifter = _mm512_set1_ps(12582912.0f);
    const __m512 one = _mm512_set1_ps(1.0f), two = _mm512_set1_ps(2.0f), zero = _mm512_setzero_ps();
    const __m512i sign = _mm512_set1_epi32(int32_t(0x80000000u)), bias = _mm512_set1_epi32(127);
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m512 x = _mm512_loadu_ps(in + i);
        const __m512 negAbs = _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x), sign));
        const __m512 c = _mm512_max_ps(negAbs, lowest);
        const __m512 t = _mm512_fmadd_ps(c, _mm512_set1_ps(1.44269504088896341f), shifter);
        const __m512 k = _mm512_sub_ps(t, shifter);
        __m512 r = _mm512_fnmadd_ps(k, _mm512_set1_ps(0.693359375f), c);
        r = _mm512_fnmadd_ps(k, _mm512_set1_ps(-2.12194440e-4f), r);
        __m512 p = _mm512_fmadd_ps(_mm512_set1_ps(1.3981999507e-3f), r, _mm512_set1_ps(8.3334519073e-3f));
        p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
        p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
        p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
        p = _mm512_fmadd_ps(p, r, one);
        p = _mm512_fmadd_ps(p, r, one);
        const __m512i ki = _mm512_sub_epi32(_mm512_castps_si512(t), _mm512_castps_si512(shifter));
        const __m512 e =
            _mm512_mul_ps(p, _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(ki, bias), 23)));
        const __m512 d = _mm512_add_ps(one, e);
        __m512 q = _mm512_rcp14_ps(d);
        q = _mm512_mul_ps(q, _mm512_fnmadd_ps(d, q, two));
        q = _mm512_mask_mul_ps(q, _mm512_cmp_ps_mask(x, zero, _CMP_LT_OQ), q, e);
        __m512 y = _mm512_mul_ps(x, q);
        y = _mm512_mask_mul_ps(y, _mm512_cmp_ps_mask(x, _mm512_set1_ps(-88.0f), _CMP_LT_OQ), x, zero);
        _mm512_storeu_ps(out + i, y);
    }
    swishPortableAvx512(in + i, out + i, n - i);
}
#pragma GCC diagnostic pop
#endif

} // namespace

bool hasAvx512() {
    return cpuIsa() >= CpuIsa::Avx512;
}

void swish(const float* in, float* out, int64_t n) {
#if defined(__GNUC__) && defined(__x86_64__)
    if (hasAvx512())
        return swishAvx512(in, out, n);
#endif
    OS_ISA_CALL(swishPortable, (in, out, n));
}

namespace {
[[gnu::always_inline]] inline void erfBody(const float* in, float* out, int64_t n) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        out[i] = erfOne(in[i]);
}
OS_ISA_VARIANTS(erf, (const float* in, float* out, int64_t n), (in, out, n))
} // namespace

void erf(const float* in, float* out, int64_t n) {
    OS_ISA_CALL(erf, (in, out, n));
}

namespace {
[[gnu::always_inline]] inline void erfGeluBody(const float* in, float* out, int64_t n, float divisor) {
#pragma omp simd
    for (int64_t i = 0; i < n; ++i) {
        const float x = in[i];
        out[i] = x * (erfOne(x / divisor) + 1.0f) * 0.5f;
    }
}
OS_ISA_VARIANTS(erfGelu, (const float* in, float* out, int64_t n, float divisor), (in, out, n, divisor))
} // namespace

void erfGelu(const float* in, float* out, int64_t n, float divisor) {
    OS_ISA_CALL(erfGelu, (in, out, n, divisor));
}

namespace {
[[gnu::always_inline]] inline void softmaxRowsBody(const float* in, float* out, int64_t rows, int64_t n,
                                                   bool logSoftmax) {
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
            // x - best <= 0 (or NaN); what expNonPositive clamps is below 1e-38 of the sum's 1.
            const float d = x[i] - best;
            const float e = d < -87.3f ? 0.0f : expNonPositive(d);
            y[i] = e;
            sum += e;
        }
        const float scale = 1.0f / sum;
#pragma omp simd
        for (int64_t i = 0; i < n; ++i)
            y[i] *= scale;
    }
}
OS_ISA_VARIANTS(softmaxRows, (const float* in, float* out, int64_t rows, int64_t n, bool logSoftmax),
                (in, out, rows, n, logSoftmax))
} // namespace

void softmaxRows(const float* in, float* out, int64_t rows, int64_t n, bool logSoftmax) {
    OS_ISA_CALL(softmaxRows, (in, out, rows, n, logSoftmax));
}

namespace {
[[gnu::always_inline]] inline void layerNormRowBody(const float* x, const float* scale, const float* bias,
                                                    float* y, int64_t n, double epsilon, bool rms,
                                                    float* meanOut, float* invOut) {
    // Double sums, vectorized (omp simd lets them be split into lanes).
    double mean = 0;
    if (!rms) {
#pragma omp simd reduction(+ : mean)
        for (int64_t i = 0; i < n; ++i)
            mean += x[i];
        mean /= static_cast<double>(n);
    }
    double sq = 0;
#pragma omp simd reduction(+ : sq)
    for (int64_t i = 0; i < n; ++i)
        sq += (x[i] - mean) * (x[i] - mean);
    const float inv = static_cast<float>(1.0 / std::sqrt(sq / static_cast<double>(n) + epsilon));
    const float meanF = static_cast<float>(mean);
    *meanOut = meanF;
    *invOut = inv;
    if (!bias) {
#pragma omp simd
        for (int64_t i = 0; i < n; ++i)
            y[i] = (x[i] - meanF) * inv * scale[i];
        return;
    }
#pragma omp simd
    for (int64_t i = 0; i < n; ++i)
        y[i] = (x[i] - meanF) * inv * scale[i] + bias[i];
}
OS_ISA_VARIANTS(layerNormRow,
                (const float* x, const float* scale, const float* bias, float* y, int64_t n, double epsilon,
                 bool rms, float* meanOut, float* invOut),
                (x, scale, bias, y, n, epsilon, rms, meanOut, invOut))
} // namespace

void layerNormRow(const float* x, const float* scale, const float* bias, float* y, int64_t n, double epsilon,
                  bool rms, float* mean, float* inv) {
    OS_ISA_CALL(layerNormRow, (x, scale, bias, y, n, epsilon, rms, mean, inv));
}

namespace {

void dotRowsPortable(const float* rows, const float* x, float* out, int64_t count, int64_t length) {
    for (int64_t r = 0; r < count; ++r) {
        const float* row = rows + r * length;
        float sum = 0.0f;
#pragma omp simd reduction(+ : sum)
        for (int64_t i = 0; i < length; ++i)
            sum += row[i] * x[i];
        out[r] = sum;
    }
}

#if defined(__GNUC__) && defined(__x86_64__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized" // as for swishAvx512
// Four accumulators, so the additions of one row overlap instead of waiting on each other.
__attribute__((target("avx512f"))) void dotRowsAvx512(const float* rows, const float* x, float* out,
                                                      int64_t count, int64_t length) {
    const int64_t tail = length % 16;
    const __mmask16 tailMask = static_cast<__mmask16>((1u << tail) - 1);
    for (int64_t r = 0; r < count; ++r) {
        const float* row = rows + r * length;
        __m512 a0 = _mm512_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
        int64_t i = 0;
        for (; i + 64 <= length; i += 64) {
            a0 = _mm512_fmadd_ps(_mm512_loadu_ps(row + i), _mm512_loadu_ps(x + i), a0);
            a1 = _mm512_fmadd_ps(_mm512_loadu_ps(row + i + 16), _mm512_loadu_ps(x + i + 16), a1);
            a2 = _mm512_fmadd_ps(_mm512_loadu_ps(row + i + 32), _mm512_loadu_ps(x + i + 32), a2);
            a3 = _mm512_fmadd_ps(_mm512_loadu_ps(row + i + 48), _mm512_loadu_ps(x + i + 48), a3);
        }
        for (; i + 16 <= length; i += 16)
            a0 = _mm512_fmadd_ps(_mm512_loadu_ps(row + i), _mm512_loadu_ps(x + i), a0);
        if (tail)
            a1 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(tailMask, row + i),
                                 _mm512_maskz_loadu_ps(tailMask, x + i), a1);
        out[r] = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)));
    }
}
#pragma GCC diagnostic pop

// The same four accumulators eight lanes wide, for AVX2 CPUs (AMD Zen, Intel client cores).
__attribute__((target("avx2,fma"))) void dotRowsAvx2(const float* rows, const float* x, float* out,
                                                     int64_t count, int64_t length) {
    for (int64_t r = 0; r < count; ++r) {
        const float* row = rows + r * length;
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
        int64_t i = 0;
        for (; i + 32 <= length; i += 32) {
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(row + i), _mm256_loadu_ps(x + i), a0);
            a1 = _mm256_fmadd_ps(_mm256_loadu_ps(row + i + 8), _mm256_loadu_ps(x + i + 8), a1);
            a2 = _mm256_fmadd_ps(_mm256_loadu_ps(row + i + 16), _mm256_loadu_ps(x + i + 16), a2);
            a3 = _mm256_fmadd_ps(_mm256_loadu_ps(row + i + 24), _mm256_loadu_ps(x + i + 24), a3);
        }
        for (; i + 8 <= length; i += 8)
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(row + i), _mm256_loadu_ps(x + i), a0);
        const __m256 sum8 = _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3));
        __m128 sum4 = _mm_add_ps(_mm256_castps256_ps128(sum8), _mm256_extractf128_ps(sum8, 1));
        sum4 = _mm_add_ps(sum4, _mm_movehl_ps(sum4, sum4));
        sum4 = _mm_add_ss(sum4, _mm_movehdup_ps(sum4));
        float sum = _mm_cvtss_f32(sum4);
        for (; i < length; ++i)
            sum += row[i] * x[i];
        out[r] = sum;
    }
}
#endif

} // namespace

void dotRows(const float* rows, const float* x, float* out, int64_t count, int64_t length) {
#if defined(__GNUC__) && defined(__x86_64__)
    switch (cpuIsa()) {
    case CpuIsa::Avx512:
        return dotRowsAvx512(rows, x, out, count, length);
    case CpuIsa::Avx2:
        return dotRowsAvx2(rows, x, out, count, length);
    case CpuIsa::Sse2:
        break;
    }
#endif
    dotRowsPortable(rows, x, out, count, length);
}

namespace {

// Rows narrower than a vector (8-channel blocks) are taken two at a time against the operand
// repeated twice, so the loops below run on full 16-float vectors.
constexpr int64_t kPairedWidth = 8;

template <bool Add>
[[gnu::always_inline]] inline void scaleEachRow(const float* in, const float* scale, float* out, int64_t rows,
                                                int64_t width) {
    for (int64_t r = 0; r < rows; ++r) {
        const float* a = in + r * width;
        float* o = out + r * width;
#pragma omp simd
        for (int64_t c = 0; c < width; ++c)
            o[c] = Add ? a[c] + scale[c] : a[c] * scale[c];
    }
}

template <bool Add>
[[gnu::always_inline]] inline void scaleRowsOf(const float* in, const float* scale, float* out, int64_t rows,
                                               int64_t width) {
    if (width != kPairedWidth)
        return scaleEachRow<Add>(in, scale, out, rows, width);
    float twice[2 * kPairedWidth];
    for (int64_t c = 0; c < 2 * kPairedWidth; ++c)
        twice[c] = scale[c % kPairedWidth];
    scaleEachRow<Add>(in, twice, out, rows / 2, 2 * kPairedWidth);
    if (rows % 2)
        scaleEachRow<Add>(in + (rows - 1) * width, scale, out + (rows - 1) * width, 1, width);
}

} // namespace

namespace {
[[gnu::always_inline]] inline void scaleRowsBody(const float* in, const float* scale, float* out,
                                                 int64_t rows, int64_t width, bool add) {
    if (add)
        scaleRowsOf<true>(in, scale, out, rows, width);
    else
        scaleRowsOf<false>(in, scale, out, rows, width);
}
OS_ISA_VARIANTS(scaleRows,
                (const float* in, const float* scale, float* out, int64_t rows, int64_t width, bool add),
                (in, scale, out, rows, width, add))
} // namespace

void scaleRows(const float* in, const float* scale, float* out, int64_t rows, int64_t width, bool add) {
    OS_ISA_CALL(scaleRows, (in, scale, out, rows, width, add));
}

namespace {
[[gnu::always_inline]] inline void meanRowsBody(const float* in, float* out, int64_t rows, int64_t width,
                                                int64_t stride) {
    const int64_t pairs = width == kPairedWidth && stride == width ? rows / 2 : 0;
    if (pairs) {
        float sum[2 * kPairedWidth] = {};
        for (int64_t r = 0; r < pairs; ++r) {
            const float* a = in + r * 2 * kPairedWidth;
#pragma omp simd
            for (int64_t c = 0; c < 2 * kPairedWidth; ++c)
                sum[c] += a[c];
        }
        for (int64_t c = 0; c < kPairedWidth; ++c)
            out[c] = sum[c] + sum[c + kPairedWidth] + (rows % 2 ? in[(rows - 1) * width + c] : 0.0f);
    } else {
        for (int64_t c = 0; c < width; ++c)
            out[c] = 0.0f;
        for (int64_t r = 0; r < rows; ++r) {
            const float* a = in + r * stride;
#pragma omp simd
            for (int64_t c = 0; c < width; ++c)
                out[c] += a[c];
        }
    }
    const float scale = rows ? 1.0f / static_cast<float>(rows) : 0.0f;
    for (int64_t c = 0; c < width; ++c)
        out[c] *= scale;
}
OS_ISA_VARIANTS(meanRows, (const float* in, float* out, int64_t rows, int64_t width, int64_t stride),
                (in, out, rows, width, stride))
} // namespace

void meanRows(const float* in, float* out, int64_t rows, int64_t width, int64_t stride) {
    OS_ISA_CALL(meanRows, (in, out, rows, width, stride));
}

} // namespace onnxscope::vecmath
