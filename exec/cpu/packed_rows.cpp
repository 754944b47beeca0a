#include "packed_rows.h"

#include "cpu_isa.h"

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

namespace onnxscope {

namespace {

// One panel of `width` rows (a multiple of 16) over `cols` columns, stored [k][width].
void accumulatePanelPortable(const float* panel, int64_t width, int64_t cols, const float* h, float* acc) {
    for (int64_t k = 0; k < cols; ++k) {
        const float hk = h[k];
        const float* column = panel + k * width;
#pragma omp simd
        for (int64_t j = 0; j < width; ++j)
            acc[j] += hk * column[j];
    }
}

#if defined(__GNUC__) && defined(__x86_64__)
// GCC 12's AVX-512 headers pass _mm512_undefined_ps() as the unused merge source, which
// -Wmaybe-uninitialized reports inside every intrinsic.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
template <int Strips>
__attribute__((target("avx512f"))) void accumulatePanelAvx512(const float* panel, int64_t cols,
                                                              const float* h, float* acc) {
    __m512 sum[Strips];
#pragma GCC unroll 8
    for (int s = 0; s < Strips; ++s)
        sum[s] = _mm512_loadu_ps(acc + 16 * s);
    for (int64_t k = 0; k < cols; ++k) {
        const __m512 hk = _mm512_set1_ps(h[k]);
        const float* column = panel + k * 16 * Strips;
#pragma GCC unroll 8
        for (int s = 0; s < Strips; ++s)
            sum[s] = _mm512_fmadd_ps(hk, _mm512_load_ps(column + 16 * s), sum[s]);
    }
#pragma GCC unroll 8
    for (int s = 0; s < Strips; ++s)
        _mm512_storeu_ps(acc + 16 * s, sum[s]);
}

using PanelKernel = void (*)(const float* panel, int64_t cols, const float* h, float* acc);
// By strip count (1 to 8, a panel of 16 to 128 rows).
constexpr PanelKernel kPanelKernels[] = {&accumulatePanelAvx512<1>, &accumulatePanelAvx512<2>,
                                         &accumulatePanelAvx512<3>, &accumulatePanelAvx512<4>,
                                         &accumulatePanelAvx512<5>, &accumulatePanelAvx512<6>,
                                         &accumulatePanelAvx512<7>, &accumulatePanelAvx512<8>};
#pragma GCC diagnostic pop

// AVX2+FMA: 8-float accumulators, so a call covers at most 4 strips (8 of the 16 registers) and
// wider panels take two calls over column ranges of the same [k][width] layout.
constexpr int kMaxAvx2Strips = 4;
template <int Strips>
__attribute__((target("avx2,fma"))) void accumulatePanelAvx2(const float* panel, int64_t width, int64_t cols,
                                                             const float* h, float* acc) {
    __m256 sum[2 * Strips];
#pragma GCC unroll 8
    for (int s = 0; s < 2 * Strips; ++s)
        sum[s] = _mm256_loadu_ps(acc + 8 * s);
    for (int64_t k = 0; k < cols; ++k) {
        const __m256 hk = _mm256_set1_ps(h[k]);
        const float* column = panel + k * width;
#pragma GCC unroll 8
        for (int s = 0; s < 2 * Strips; ++s)
            sum[s] = _mm256_fmadd_ps(hk, _mm256_load_ps(column + 8 * s), sum[s]);
    }
#pragma GCC unroll 8
    for (int s = 0; s < 2 * Strips; ++s)
        _mm256_storeu_ps(acc + 8 * s, sum[s]);
}

using StridedPanelKernel = void (*)(const float* panel, int64_t width, int64_t cols, const float* h,
                                    float* acc);
constexpr StridedPanelKernel kAvx2PanelKernels[] = {&accumulatePanelAvx2<1>, &accumulatePanelAvx2<2>,
                                                    &accumulatePanelAvx2<3>, &accumulatePanelAvx2<4>};
#endif

} // namespace

PackedRows::PackedRows(const float* m, int64_t cols, const std::vector<int64_t>& rows)
    : m_rows(static_cast<int64_t>(rows.size()))
    , m_cols(cols)
    , m_panels(DataType::Float, {std::max<int64_t>(paddedRows() * cols, 1)}) { // zeroed: the padding
    float* out = m_panels.data<float>();
    for (int64_t first = 0; first < m_rows; first += kPanelRows) {
        const int64_t width = std::min(kPanelRows, paddedRows() - first);
        float* panel = out + first * cols;
        for (int64_t j = 0; j < width && first + j < m_rows; ++j) {
            const float* row = m + rows[static_cast<size_t>(first + j)] * cols;
            for (int64_t k = 0; k < cols; ++k)
                panel[k * width + j] = row[k];
        }
    }
}

void PackedRows::accumulate(const float* h, float* acc, bool backwards) const {
    const float* panels = m_panels.data<float>();
    const CpuIsa isa = cpuIsa();
    const int64_t panelCount = (m_rows + kPanelRows - 1) / kPanelRows;
    for (int64_t i = 0; i < panelCount; ++i) {
        const int64_t first = (backwards ? panelCount - 1 - i : i) * kPanelRows;
        const int64_t width = std::min(kPanelRows, paddedRows() - first);
        const float* panel = panels + first * m_cols;
#if defined(__GNUC__) && defined(__x86_64__)
        if (isa == CpuIsa::Avx512) {
            kPanelKernels[width / 16 - 1](panel, m_cols, h, acc + first);
            continue;
        }
        if (isa == CpuIsa::Avx2) {
            for (int64_t j = 0; j < width; j += 16 * kMaxAvx2Strips) {
                const int64_t strips = std::min<int64_t>(kMaxAvx2Strips, (width - j) / 16);
                kAvx2PanelKernels[strips - 1](panel + j, width, m_cols, h, acc + first + j);
            }
            continue;
        }
#endif
        (void)isa;
        accumulatePanelPortable(panel, width, m_cols, h, acc + first);
    }
}

} // namespace onnxscope
