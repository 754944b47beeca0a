// The vectorized float loops (exec/cpu/vector_math.h) against libm in double precision over a
// sweep of values (special values included) and of lengths and offsets (vector tails), the
// row softmax against a double-precision softmax, and sgemm against the reference gemm.
#include "kernel_test_util.h"

#include "exec/cpu/gemm.h"
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
