/* Peak float32 FMA throughput of this machine at 1..N OpenMP threads (AVX-512 when the compiler
 * targets it, else AVX2): independent fused multiply-add chains, no memory traffic. Used by
 * bench/ort_compare.sh as the ceiling for the GFLOP/s its Conv/MatMul nodes reach.
 * Build: cc -O2 -march=native -fopenmp ort_peak_flops.c -o peak; run: ./peak THREADS */
#include <immintrin.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(__AVX512F__)
typedef __m512 vec;
#define LANES 16
#define SET1 _mm512_set1_ps
#define FMA _mm512_fmadd_ps
#define ADD _mm512_add_ps
#define STORE _mm512_storeu_ps
#else
typedef __m256 vec;
#define LANES 8
#define SET1 _mm256_set1_ps
#define FMA _mm256_fmadd_ps
#define ADD _mm256_add_ps
#define STORE _mm256_storeu_ps
#endif

int main(int argc, char** argv) {
    const int threads = argc > 1 ? atoi(argv[1]) : 1;
    const long iterations = 200000000L / LANES;
    float sink[LANES] = {0};
    double best = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        const double start = omp_get_wtime();
#pragma omp parallel num_threads(threads)
        {
            vec a0 = SET1(1.0f), a1 = SET1(1.1f), a2 = SET1(1.2f), a3 = SET1(1.3f), a4 = SET1(1.4f), a5 = SET1(1.5f),
                a6 = SET1(1.6f), a7 = SET1(1.7f), a8 = SET1(1.8f), a9 = SET1(1.9f);
            const vec m = SET1(0.999999f), c = SET1(1e-7f);
            for (long i = 0; i < iterations; ++i) {
                a0 = FMA(a0, m, c); a1 = FMA(a1, m, c); a2 = FMA(a2, m, c); a3 = FMA(a3, m, c);
                a4 = FMA(a4, m, c); a5 = FMA(a5, m, c); a6 = FMA(a6, m, c); a7 = FMA(a7, m, c);
                a8 = FMA(a8, m, c); a9 = FMA(a9, m, c);
            }
            vec s = ADD(ADD(ADD(a0, a1), ADD(a2, a3)), ADD(ADD(ADD(a4, a5), ADD(a6, a7)), ADD(a8, a9)));
#pragma omp critical
            STORE(sink, ADD(s, SET1(sink[0])));
        }
        const double seconds = omp_get_wtime() - start;
        const double gflops = 2.0 * 10 * LANES * (double)iterations * threads / seconds / 1e9;
        if (gflops > best)
            best = gflops;
    }
    printf("%.1f\n", best + 0 * sink[0]);
    return 0;
}
