#include "gemm.h"

#include <algorithm>
#include <cstring>
#include <omp.h>
#include <vector>

namespace onnxscope {

namespace {

// Register tile: MR rows x NR columns of C stay in registers across the K loop. With GCC vector
// extensions a row of the tile is one NR-wide vector, which GCC lowers to whatever the target
// has (2 SSE registers for float, 1 AVX register); 6 x 8 floats fit the 16 SSE registers with
// room for the B row and the A broadcast.
constexpr int64_t kMr = 6;
constexpr int64_t kNr = 8;
// Cache blocks: an MC x KC block of A stays in L2, a KC x NR sliver of B in L1.
constexpr int64_t kKc = 256;
constexpr int64_t kMc = 72; // a multiple of kMr
constexpr int64_t kNc = 512;

template <typename T> inline T elemA(const T* A, int64_t lda, bool trans, int64_t i, int64_t k) {
    return trans ? A[k * lda + i] : A[i * lda + k];
}

// Packs rows [i0, i0+mc) x cols [k0, k0+kc) of op(A) into MR-row panels, k-major inside each
// panel (panel[k*MR + r]); rows past M are zero so the micro-kernel needs no edge cases.
template <typename T>
void packA(const T* A, int64_t lda, bool trans, int64_t M, int64_t i0, int64_t mc, int64_t k0, int64_t kc,
           T* out) {
    for (int64_t ip = 0; ip < mc; ip += kMr) {
        T* panel = out + ip * kc;
        for (int64_t k = 0; k < kc; ++k) {
            for (int64_t r = 0; r < kMr; ++r) {
                const int64_t i = i0 + ip + r;
                panel[k * kMr + r] = (ip + r < mc && i < M) ? elemA(A, lda, trans, i, k0 + k) : T(0);
            }
        }
    }
}

// Packs rows [k0, k0+kc) x cols [j0, j0+nc) of op(B) into NR-column panels (panel[k*NR + c]).
template <typename T>
void packB(const T* B, int64_t ldb, bool trans, int64_t N, int64_t k0, int64_t kc, int64_t j0, int64_t nc,
           T* out) {
    for (int64_t jp = 0; jp < nc; jp += kNr) {
        T* panel = out + jp * kc;
        const int64_t width = std::min(kNr, std::min(nc - jp, N - j0 - jp));
        for (int64_t k = 0; k < kc; ++k) {
            T* dst = panel + k * kNr;
            if (!trans && width == kNr) {
                const T* src = B + (k0 + k) * ldb + j0 + jp;
                for (int64_t c = 0; c < kNr; ++c)
                    dst[c] = src[c];
                continue;
            }
            for (int64_t c = 0; c < kNr; ++c) {
                const int64_t j = j0 + jp + c;
                dst[c] = c < width ? (trans ? B[j * ldb + k0 + k] : B[(k0 + k) * ldb + j]) : T(0);
            }
        }
    }
}

template <typename T>
inline void microKernel(int64_t kc, const T* __restrict a, const T* __restrict b, T* __restrict acc) {
    static_assert(kMr == 6 && kNr == 8, "the micro-kernel unrolls a 6 x 8 tile");
    if constexpr (sizeof(T) == 4) {
        // 16-byte vectors are native on every x86-64 (and NEON) target, so the twelve named
        // accumulators stay in registers; wider vectors would be spilled without -mavx.
        typedef T Vec __attribute__((vector_size(16)));
        Vec c00 = {}, c01 = {}, c10 = {}, c11 = {}, c20 = {}, c21 = {};
        Vec c30 = {}, c31 = {}, c40 = {}, c41 = {}, c50 = {}, c51 = {};
        for (int64_t k = 0; k < kc; ++k) {
            Vec b0, b1;
            std::memcpy(&b0, b + k * kNr, sizeof(Vec));
            std::memcpy(&b1, b + k * kNr + 4, sizeof(Vec));
            const T* ak = a + k * kMr;
            c00 += ak[0] * b0, c01 += ak[0] * b1;
            c10 += ak[1] * b0, c11 += ak[1] * b1;
            c20 += ak[2] * b0, c21 += ak[2] * b1;
            c30 += ak[3] * b0, c31 += ak[3] * b1;
            c40 += ak[4] * b0, c41 += ak[4] * b1;
            c50 += ak[5] * b0, c51 += ak[5] * b1;
        }
        const Vec rows[12] = {c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51};
        std::memcpy(acc, rows, sizeof(rows));
    } else {
        T c[kMr][kNr] = {};
        for (int64_t k = 0; k < kc; ++k) {
            const T* bk = b + k * kNr;
            const T* ak = a + k * kMr;
            for (int64_t r = 0; r < kMr; ++r) {
                const T av = ak[r];
#pragma omp simd
                for (int64_t j = 0; j < kNr; ++j)
                    c[r][j] += av * bk[j];
            }
        }
        std::memcpy(acc, c, sizeof(c));
    }
}

// Writes an MR x NR accumulator tile into C: the first K block applies beta, later ones add.
template <typename T>
inline void storeTile(const T* acc, int64_t rows, int64_t cols, T alpha, T beta, bool firstK, T* C,
                      int64_t ldc) {
    for (int64_t r = 0; r < rows; ++r) {
        T* crow = C + r * ldc;
        const T* arow = acc + r * kNr;
        if (!firstK) {
            for (int64_t j = 0; j < cols; ++j)
                crow[j] += alpha * arow[j];
        } else if (beta == T(0)) {
            for (int64_t j = 0; j < cols; ++j)
                crow[j] = alpha * arow[j];
        } else {
            for (int64_t j = 0; j < cols; ++j)
                crow[j] = alpha * arow[j] + beta * crow[j];
        }
    }
}

template <typename T> void scaleC(int64_t M, int64_t N, T beta, T* C, int64_t ldc) {
    for (int64_t i = 0; i < M; ++i)
        for (int64_t j = 0; j < N; ++j)
            C[i * ldc + j] = beta == T(0) ? T(0) : beta * C[i * ldc + j];
}

} // namespace

template <typename T>
void gemm(bool transA, bool transB, int64_t M, int64_t N, int64_t K, T alpha, const T* A, int64_t lda,
          const T* B, int64_t ldb, T beta, T* C, int64_t ldc, int threads) {
    if (M <= 0 || N <= 0)
        return;
    if (K <= 0 || alpha == T(0)) {
        scaleC(M, N, beta, C, ldc);
        return;
    }
    threads = std::max(1, threads);
    // Tiny products are dominated by thread start-up; keep them on the calling thread.
    if (M * N * K < 32 * 1024)
        threads = 1;

    const int64_t mBlocks = (M + kMc - 1) / kMc;
    std::vector<T> bPack(static_cast<size_t>(kKc * ((std::min(N, kNc) + kNr - 1) / kNr * kNr)));
    for (int64_t j0 = 0; j0 < N; j0 += kNc) {
        const int64_t nc = std::min(kNc, N - j0);
        const int64_t ncPanels = (nc + kNr - 1) / kNr;
        for (int64_t k0 = 0; k0 < K; k0 += kKc) {
            const int64_t kc = std::min(kKc, K - k0);
            const bool firstK = k0 == 0;
            packB(B, ldb, transB, N, k0, kc, j0, nc, bPack.data());
            // Tasks are (M block, group of NR panels) pairs so that a skinny M (a matrix-vector
            // product, a batch of one) still spreads over threads.
            const int64_t panelGroups = mBlocks >= threads ? 1 : std::min<int64_t>(ncPanels, threads);
            const int64_t panelsPerGroup = (ncPanels + panelGroups - 1) / panelGroups;
            const int64_t tasks = mBlocks * panelGroups;
#pragma omp parallel num_threads(threads) if (threads > 1 && tasks > 1)
            {
                std::vector<T> aPack(static_cast<size_t>(kMc * kc));
                T acc[kMr * kNr];
#pragma omp for schedule(dynamic)
                for (int64_t task = 0; task < tasks; ++task) {
                    const int64_t mb = task / panelGroups;
                    const int64_t pg = task % panelGroups;
                    const int64_t i0 = mb * kMc;
                    const int64_t mc = std::min(kMc, M - i0);
                    const int64_t pBegin = pg * panelsPerGroup;
                    const int64_t pEnd = std::min(ncPanels, pBegin + panelsPerGroup);
                    if (pBegin >= pEnd)
                        continue;
                    packA(A, lda, transA, M, i0, (mc + kMr - 1) / kMr * kMr, k0, kc, aPack.data());
                    for (int64_t p = pBegin; p < pEnd; ++p) {
                        const int64_t jj = p * kNr;
                        const int64_t cols = std::min(kNr, nc - jj);
                        for (int64_t ip = 0; ip < mc; ip += kMr) {
                            microKernel(kc, aPack.data() + ip * kc, bPack.data() + jj * kc, acc);
                            storeTile(acc, std::min(kMr, mc - ip), cols, alpha, beta, firstK,
                                      C + (i0 + ip) * ldc + j0 + jj, ldc);
                        }
                    }
                }
            }
        }
    }
}

#define OS_INSTANTIATE_GEMM(T)                                                                               \
    template void gemm<T>(bool, bool, int64_t, int64_t, int64_t, T, const T*, int64_t, const T*, int64_t, T, \
                          T*, int64_t, int)
OS_INSTANTIATE_GEMM(float);
OS_INSTANTIATE_GEMM(double);
OS_INSTANTIATE_GEMM(int32_t);
OS_INSTANTIATE_GEMM(int64_t);
OS_INSTANTIATE_GEMM(uint32_t);
OS_INSTANTIATE_GEMM(uint64_t);

} // namespace onnxscope
