// The vectorized float loops (exec/cpu/vector_math.h) against libm in double precision over a
// sweep of values (special values included) and of lengths and offsets (vector tails), the
// row softmax against a double-precision softmax, sgemm against the reference gemm, and the
// matrix-vector loops (dotRows, PackedRows) and layerNormRow against double-precision sums. Each
// runs the variant cpuIsa() picks; CI runs the tests natively and with ONNXSCOPE_CPU_ISA=avx2.
#include "kernel_test_util.h"

#include "exec/cpu/cpu_isa.h"
#include "exec/cpu/gemm.h"
#include "exec/cpu/packed_rows.h"
#include "exec/cpu/sgemm.h"
#include "exec/cpu/vector_math.h"

#include <cmath>
#include <limits>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

// Values from -range to range on a fine grid, plus the ones that go wrong first.
std::vector<float> sweep(float range) {
    std::vector<float> v;
    for (int i = -20000; i <= 20000; ++i)
        v.push_back(range * float(i) / 20000.0f);
    const float inf = std::numeric_limits<float>::infinity();
    for (float s :
         {0.0f,    -0.0f,   1e-30f, -1e-30f, 1e-7f, -1e-7f, 0.921875f,
          0.625f,  3.925f,  88.7f,  88.73f,  89.5f, -87.3f, -100.0f,
          -103.0f, -110.0f, 1e4f,   -1e4f,   inf,   -inf,   std::numeric_limits<float>::denorm_min()})
        v.push_back(s);
    return v;
}

// |actual - expected| within ulps of expected (absolute floor at the smallest normal).
bool near(float actual, double expected, double ulps) {
    if (std::isnan(expected))
        return std::isnan(actual);
    if (std::isinf(float(expected))) // overflows float: inf as libm's float functions give
        return actual == float(expected);
    const double tol = ulps * std::max(std::fabs(expected), 1.2e-38) * 5.96e-8;
    return std::fabs(double(actual) - expected) <= tol;
}

using VecFn = void (*)(const float*, float*, int64_t);

// absolute: an error always accepted (for functions that flush results below it).
void checkFunction(const char* name, VecFn fn, double (*reference)(double), float range, double ulps,
                   double absolute = 0) {
    std::vector<float> in = sweep(range);
    in.push_back(std::numeric_limits<float>::quiet_NaN());
    std::vector<float> out(in.size());
    fn(in.data(), out.data(), int64_t(in.size()));
    for (size_t i = 0; i < in.size(); ++i)
        if (!near(out[i], reference(double(in[i])), ulps) &&
            !(std::fabs(double(out[i]) - reference(double(in[i]))) <= absolute))
            QFAIL(qPrintable(QString("%1(%2) = %3, expected %4")
                                 .arg(name)
                                 .arg(double(in[i]), 0, 'g', 9)
                                 .arg(double(out[i]), 0, 'g', 9)
                                 .arg(reference(double(in[i])), 0, 'g', 9)));
    // Every length and offset up to past a 16-float vector gives the same elements.
    for (int64_t offset = 0; offset < 5; ++offset)
        for (int64_t n = 0; n < 40; ++n) {
            std::vector<float> part(size_t(n + 1), -7.0f);
            fn(in.data() + 1000 + offset, part.data(), n);
            for (int64_t i = 0; i < n; ++i)
                QCOMPARE(part[size_t(i)], out[size_t(1000 + offset + i)]);
            QCOMPARE(part[size_t(n)], -7.0f); // nothing written past the end
        }
}

double sigmoidRef(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}
double swishRef(double x) {
    return x / (1.0 + std::exp(-x));
}
double erfGeluRef(double x) {
    return x * 0.5 * (1.0 + std::erf(x / std::sqrt(2.0)));
}
double reluRef(double x) {
    return x < 0 ? 0.0 : x;
}
double expRef(double x) {
    return std::exp(x);
}
double erfRef(double x) {
    return std::erf(x);
}
double tanhRef(double x) {
    return std::tanh(x);
}

} // namespace

class TestVectorMath : public QObject {
    Q_OBJECT

private slots:
    void unaryFunctionsMatchLibm() {
        checkFunction("relu", &vecmath::relu, &reluRef, 10.0f, 0);
        checkFunction("exp", &vecmath::exp, &expRef, 100.0f, 3);
        checkFunction("sigmoid", &vecmath::sigmoid, &sigmoidRef, 100.0f, 4);
        checkFunction("erf", &vecmath::erf, &erfRef, 6.0f, 4);
        // Swish takes e^-|x| at most down to e^-87.3 and flushes below -88: within 1e-35 there.
        checkFunction("swish", &vecmath::swish, &swishRef, 100.0f, 8, 1e-35);
        // GELU's 1 + erf(x) cancels for negative x, in float as in the unfused ops: 1e-6 there.
        auto gelu = [](const float* in, float* out, int64_t n) { vecmath::erfGelu(in, out, n, 1.4142135f); };
        checkFunction("erfGelu", gelu, &erfGeluRef, 10.0f, 8, 1e-6);
        checkFunction("tanh", &vecmath::tanh, &tanhRef, 12.0f, 4);
    }

    void softmaxRowsMatchDouble() {
        std::mt19937 rng(3);
        for (int64_t n : {1, 2, 7, 16, 33, 128, 1000})
            for (bool log : {false, true}) {
                const int64_t rows = 5;
                Tensor x = randomTensor({rows, n}, rng, -30.0f, 30.0f);
                std::vector<float> y(size_t(rows * n));
                vecmath::softmaxRows(x.data<float>(), y.data(), rows, n, log);
                for (int64_t r = 0; r < rows; ++r) {
                    const float* xr = x.data<float>() + r * n;
                    double best = -INFINITY, sum = 0;
                    for (int64_t i = 0; i < n; ++i)
                        best = std::max(best, double(xr[i]));
                    for (int64_t i = 0; i < n; ++i)
                        sum += std::exp(double(xr[i]) - best);
                    for (int64_t i = 0; i < n; ++i) {
                        const double e =
                            log ? double(xr[i]) - best - std::log(sum) : std::exp(double(xr[i]) - best) / sum;
                        QVERIFY2(std::fabs(y[size_t(r * n + i)] - e) <= 1e-6 * std::fabs(e) + 1e-6,
                                 qPrintable(QString("n %1 log %2: %3 vs %4")
                                                .arg(n)
                                                .arg(log)
                                                .arg(y[size_t(r * n + i)])
                                                .arg(e)));
                    }
                }
            }
        // A NaN in a row makes the whole row NaN, as the reference does.
        std::vector<float> x{1.0f, std::numeric_limits<float>::quiet_NaN(), 2.0f}, y(3);
        vecmath::softmaxRows(x.data(), y.data(), 1, 3, false);
        for (float v : y)
            QVERIFY(std::isnan(v));
    }

    void matrixVectorLoopsMatchDoubleSums() {
        qInfo("instruction set: %s", cpuIsaName(cpuIsa()));
        std::mt19937 rng(6);
        // Lengths around every vector width and unroll step; row counts past one panel and
        // widths that are not whole 64-row halves (the AVX2 panel kernel's split).
        for (int64_t length : {1, 7, 8, 9, 31, 32, 33, 64, 100, 256, 257}) {
            const Tensor x = randomTensor({length}, rng);
            for (int64_t rows : {1, 5, 16, 17, 48, 80, 128, 129, 200, 300}) {
                const Tensor m = randomTensor({rows, length}, rng);
                std::vector<double> expected(static_cast<size_t>(rows), 0.0);
                for (int64_t r = 0; r < rows; ++r)
                    for (int64_t k = 0; k < length; ++k)
                        expected[static_cast<size_t>(r)] +=
                            double(m.data<float>()[r * length + k]) * x.data<float>()[k];
                std::vector<float> dot(static_cast<size_t>(rows));
                vecmath::dotRows(m.data<float>(), x.data<float>(), dot.data(), rows, length);
                std::vector<int64_t> order(static_cast<size_t>(rows));
                for (int64_t r = 0; r < rows; ++r)
                    order[static_cast<size_t>(r)] = rows - 1 - r; // rows listed in another order
                const PackedRows packed(m.data<float>(), length, order);
                for (bool backwards : {false, true}) {
                    std::vector<float> acc(static_cast<size_t>(packed.paddedRows()), 1.0f);
                    packed.accumulate(x.data<float>(), acc.data(), backwards);
                    for (int64_t r = 0; r < rows; ++r) {
                        const double want = expected[static_cast<size_t>(rows - 1 - r)] + 1.0;
                        QVERIFY2(std::fabs(acc[static_cast<size_t>(r)] - want) <=
                                     1e-5 * (1 + std::fabs(want)),
                                 qPrintable(QString("packed %1x%2 row %3").arg(rows).arg(length).arg(r)));
                    }
                    for (int64_t r = rows; r < packed.paddedRows(); ++r)
                        QCOMPARE(acc[static_cast<size_t>(r)], 1.0f); // padding adds zeros
                }
                for (int64_t r = 0; r < rows; ++r) {
                    const double want = expected[static_cast<size_t>(r)];
                    QVERIFY2(std::fabs(dot[static_cast<size_t>(r)] - want) <= 1e-5 * (1 + std::fabs(want)),
                             qPrintable(QString("dotRows %1x%2 row %3").arg(rows).arg(length).arg(r)));
                }
            }
        }
    }

    void layerNormRowMatchesDouble() {
        std::mt19937 rng(7);
        for (int64_t n : {1, 3, 8, 17, 256, 1000})
            for (bool rms : {false, true})
                for (bool withBias : {false, true}) {
                    const Tensor x = randomTensor({n}, rng, -3.0f, 5.0f), scale = randomTensor({n}, rng),
                                 bias = randomTensor({n}, rng);
                    double mean = 0, sq = 0;
                    if (!rms) {
                        for (int64_t i = 0; i < n; ++i)
                            mean += x.data<float>()[i];
                        mean /= double(n);
                    }
                    for (int64_t i = 0; i < n; ++i)
                        sq += (x.data<float>()[i] - mean) * (x.data<float>()[i] - mean);
                    const double inv = 1.0 / std::sqrt(sq / double(n) + 1e-5);
                    std::vector<float> y(static_cast<size_t>(n));
                    float meanOut = -1, invOut = -1;
                    vecmath::layerNormRow(x.data<float>(), scale.data<float>(),
                                          withBias ? bias.data<float>() : nullptr, y.data(), n, 1e-5, rms,
                                          &meanOut, &invOut);
                    QVERIFY(std::fabs(meanOut - mean) <= 1e-6 * (1 + std::fabs(mean)));
                    QVERIFY(std::fabs(invOut - inv) <= 1e-6 * inv);
                    for (int64_t i = 0; i < n; ++i) {
                        const double want = (x.data<float>()[i] - mean) * inv * scale.data<float>()[i] +
                                            (withBias ? bias.data<float>()[i] : 0.0);
                        QVERIFY2(std::fabs(y[static_cast<size_t>(i)] - want) <= 1e-5 * (1 + std::fabs(want)),
                                 qPrintable(QString("n %1 element %2").arg(n).arg(i)));
                    }
                }
    }

    void sgemmMatchesReferenceGemm() {
        std::mt19937 rng(5);
        for (auto [M, N, K] :
             std::vector<std::array<int64_t, 3>>{{1, 1024, 256}, {3, 40, 17}, {64, 96, 128}, {1, 1, 1}})
            for (bool transB : {false, true}) {
                Tensor a = randomTensor({M, K}, rng),
                       b = randomTensor(transB ? Shape{N, K} : Shape{K, N}, rng);
                Tensor expected(DataType::Float, {M, N}), actual(DataType::Float, {M, N});
                const int64_t ldb = transB ? K : N;
                gemm<float>(false, transB, M, N, K, 1.0f, a.data<float>(), K, b.data<float>(), ldb, 0.0f,
                            expected.data<float>(), N, 1);
                sgemm(false, transB, M, N, K, 1.0f, a.data<float>(), K, b.data<float>(), ldb, 0.0f,
                      actual.data<float>(), N, 2);
                OS_COMPARE_TENSORS(actual, expected, 1e-5, 1e-5);
            }
    }
};

QTEST_GUILESS_MAIN(TestVectorMath)
#include "tst_vector_math.moc"
