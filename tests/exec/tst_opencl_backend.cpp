// The OpenCL backend around its kernels: device discovery and selection, the on-disk program
// cache, build failures with their log, device memory errors, CPU fallback for other element
// types, event-profiled node timing, and the ONNX node tests of the covered ops through a
// session. Skips when no OpenCL device is present (PoCL counts).
#include "kernel_test_util.h"

#include "exec/backend_factory.h"
#include "exec/conformance.h"

#ifdef ONNXSCOPE_HAVE_OPENCL
#include "exec/opencl/opencl_backend.h"
#endif

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace onnxscope;
using namespace onnxscope::test;

#ifdef ONNXSCOPE_HAVE_OPENCL
namespace {} // namespace
#endif

class TestOpenClBackend : public QObject {
    Q_OBJECT

#ifdef ONNXSCOPE_HAVE_OPENCL
    std::shared_ptr<OpenClBackend> m_backend;
    std::mt19937 m_rng{7};
#endif

private slots:
    void initTestCase() {
#ifdef ONNXSCOPE_HAVE_OPENCL
        auto backend = OpenClBackend::create("opencl", std::string(ONNXSCOPE_BINARY_DIR) + "/opencl-cache");
        if (!backend.ok()) {
            const std::string why = "no usable OpenCL device: " + backend.message();
            QSKIP(why.c_str());
        }
        m_backend = std::move(backend).value();
#else
        QSKIP("built without OpenCL");
#endif
    }

#ifdef ONNXSCOPE_HAVE_OPENCL
    void deviceSelection() {
        auto devices = listOpenClDevices();
        QVERIFY2(devices.ok(), devices.message().c_str());
        QVERIFY(!devices->empty());
        for (const auto& d : *devices) {
            QVERIFY(!d.name.empty());
            QVERIFY(d.globalMemoryBytes > 0);
            QVERIFY(d.computeUnits > 0);
        }
        auto byIndex = selectOpenClDevice("opencl:0");
        QVERIFY2(byIndex.ok(), byIndex.message().c_str());
        QCOMPARE(byIndex->name, devices->front().name);
        auto byName = selectOpenClDevice(devices->front().name.substr(0, 4));
        QVERIFY2(byName.ok(), byName.message().c_str());
        auto missing = selectOpenClDevice("opencl:99");
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("does not exist") != std::string::npos, missing.message().c_str());
        auto unknown = makeBackend("vulkan");
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.message().find("unknown backend") != std::string::npos);
    }

    void programCache() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string cacheDir = dir.path().toStdString();
        auto device = selectOpenClDevice("opencl");
        QVERIFY(device.ok());
        auto first = OpenClContext::create(*device, cacheDir);
        QVERIFY2(first.ok(), first.message().c_str());
        QVERIFY(!(*first)->programFromCache());
        QVERIFY(std::filesystem::exists((*first)->cacheFile()));
        auto second = OpenClContext::create(*device, cacheDir);
        QVERIFY2(second.ok(), second.message().c_str());
        QVERIFY((*second)->programFromCache());
        // A corrupt entry is ignored and rebuilt.
        {
            std::ofstream out((*first)->cacheFile(), std::ios::binary | std::ios::trunc);
            out << "not a program binary";
        }
        auto third = OpenClContext::create(*device, cacheDir);
        QVERIFY2(third.ok(), third.message().c_str());
        QVERIFY(!(*third)->programFromCache());
        auto fourth = OpenClContext::create(*device, cacheDir);
        QVERIFY(fourth.ok() && (*fourth)->programFromCache());
    }

    void buildFailureAndDeviceMemory() {
        QTemporaryDir dir;
        auto device = selectOpenClDevice("opencl");
        QVERIFY(device.ok());
        const std::vector<OpenClSource> broken = {
            { "broken.cl",
              "__kernel void broken(__global float* x) { x[0] = not_declared_anywhere; }\n" }};
        auto ctx = OpenClContext::create(*device, dir.path().toStdString(), &broken);
        QVERIFY(!ctx.ok());
        QVERIFY2(ctx.message().find("build log") != std::string::npos, ctx.message().c_str());
        QVERIFY2(ctx.message().find("not_declared_anywhere") != std::string::npos, ctx.message().c_str());

        auto huge = m_backend->context()->allocate(size_t(1) << 52);
        QVERIFY(!huge.ok());
        QVERIFY2(huge.message().find("out of device memory") != std::string::npos, huge.message().c_str());
    }

    void fallbackAndErrors() {
        // Other element types run the CPU kernel and say so.
        const NodeDesc relu = makeNode("Relu", 1, 1, {}, 14);
        QVERIFY(m_backend->canRun(relu));
        auto kernel = m_backend->createKernel(relu);
        QVERIFY(kernel.ok());
        const Tensor d = makeTensor<double>({3}, {-1.0, 0.5, 2.0});
        auto out = runKernel(**kernel, relu, {Value(d)});
        QVERIFY2(out.ok(), out.message().c_str());
        QCOMPARE((*out)[0].tensor.dataType(), DataType::Double);
        QCOMPARE((*out)[0].tensor.data<double>()[0], 0.0);
        auto timing = m_backend->takeNodeTiming();
        QVERIFY(timing && timing->ranOnHost);

        // Nodes the backend does not cover stay on the CPU.
        QVERIFY(!m_backend->canRun(makeNode("NonMaxSuppression", 2, 1)));
        QVERIFY(!m_backend->canRun(makeNode("Relu", 1, 1, {}, 14, "com.microsoft")));
        QVERIFY(!m_backend->canRun(makeNode("Conv", 2, 1, {intsAttr("kernel_shape", {3, 3, 3})})));
        QVERIFY(!m_backend->canRun(makeNode("MaxPool", 1, 2, {intsAttr("kernel_shape", {2, 2})})));

        // Errors name the problem.
        const NodeDesc gather = makeNode("Gather", 2, 1, {}, 13);
        auto g = m_backend->createKernel(gather);
        QVERIFY(g.ok());
        auto bad = runKernel(**g, gather, {Value(randomTensor({3, 2}, m_rng)), Value(ints({1}, {7}))});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.message().find("out of range") != std::string::npos, bad.message().c_str());
        const NodeDesc add = makeNode("Add", 2, 1, {}, 14);
        auto a = m_backend->createKernel(add);
        auto mismatch =
            runKernel(**a, add, {Value(randomTensor({3, 2}, m_rng)), Value(randomTensor({3}, m_rng))});
        QVERIFY(!mismatch.ok());
        QVERIFY2(mismatch.message().find("broadcast") != std::string::npos, mismatch.message().c_str());
    }

    void deviceTiming() {
        const NodeDesc node = makeNode("MatMul", 2, 1, {}, 13);
        auto kernel = m_backend->createKernel(node);
        QVERIFY(kernel.ok());
        auto out = runKernel(**kernel, node,
                             {Value(randomTensor({1, 64, 64}, m_rng)), Value(randomTensor({64, 64}, m_rng))});
        QVERIFY2(out.ok(), out.message().c_str());
        auto timing = m_backend->takeNodeTiming();
        QVERIFY(timing);
        QVERIFY(!timing->ranOnHost);
        QVERIFY(timing->deviceNs > 0);
        QVERIFY(timing->transferNs > 0); // at least the download
        QVERIFY(timing->queueNs >= 0);
        QVERIFY(!m_backend->takeNodeTiming()); // handed out once
    }

    // The ONNX backend node tests of the covered ops, through a session with the OpenCL backend:
    // every test the CPU alone passes must pass with OpenCL too.
    void conformance() {
        const std::filesystem::path dir = std::filesystem::path(ONNXSCOPE_SHARED_DIR) / "onnx-tests" / "node";
        if (!std::filesystem::exists(dir))
            QSKIP("no ONNX backend test data");
        static const char* const prefixes[] = {"conv",
                                               "relu",
                                               "sigmoid",
                                               "tanh",
                                               "leakyrelu",
                                               "clip",
                                               "hardsigmoid",
                                               "hardswish",
                                               "gelu",
                                               "erf",
                                               "exp",
                                               "log",
                                               "sqrt",
                                               "abs",
                                               "neg",
                                               "reciprocal",
                                               "elu",
                                               "selu",
                                               "softplus",
                                               "softsign",
                                               "floor",
                                               "ceil",
                                               "sin",
                                               "cos",
                                               "identity",
                                               "mish",
                                               "sign",
                                               "round",
                                               "thresholdedrelu",
                                               "celu",
                                               "add",
                                               "sub",
                                               "mul",
                                               "div",
                                               "pow",
                                               "max",
                                               "min",
                                               "prelu",
                                               "matmul",
                                               "gemm",
                                               "averagepool",
                                               "globalaveragepool",
                                               "globalmaxpool",
                                               "batchnorm",
                                               "layer_normalization",
                                               "softmax",
                                               "logsoftmax",
                                               "reduce",
                                               "transpose",
                                               "concat",
                                               "slice",
                                               "gather",
                                               "pad",
                                               "resize",
                                               "reshape",
                                               "flatten",
                                               "squeeze",
                                               "unsqueeze"};
        ConformanceOptions withDevice;
        withDevice.backends = {m_backend};
        int run = 0, passed = 0;
        std::string regressions;
        for (const auto& test : findConformanceTests(dir)) {
            const std::string name = test.filename().string();
            bool covered = false;
            for (const char* p : prefixes)
                covered = covered || name.rfind(std::string("test_") + p, 0) == 0;
            if (!covered || name.find("_expanded") != std::string::npos)
                continue;
            ++run;
            const ConformanceResult device = runConformanceTest(test, withDevice);
            if (device.passed) {
                ++passed;
                continue;
            }
            const ConformanceResult host = runConformanceTest(test, {});
            if (host.passed)
                regressions += "\n  " + name + ": " + device.reason;
        }
        qInfo("ONNX node tests of covered ops with OpenCL: %d of %d passed", passed, run);
        QVERIFY2(regressions.empty(), ("pass on the CPU but fail with OpenCL:" + regressions).c_str());
    }

#endif
};

QTEST_GUILESS_MAIN(TestOpenClBackend)
#include "tst_opencl_backend.moc"
