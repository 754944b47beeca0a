// The OpenCL backend around its kernels: device discovery and selection, the on-disk program
// cache, build failures with their log, device memory errors, CPU fallback for other element
// types, event-profiled node timing, the ONNX node tests of the covered ops through a session,
// and values staying on the device between OpenCL nodes: they come back to the host only for a
// host reader (a CPU node, a subgraph, a graph output, the session handing a value out while
// stepping), checked through the transfer counters, the profile and the values themselves.
// Skips when no OpenCL device is present (PoCL counts).
#include "kernel_test_util.h"

#include "core/model.h"
#include "exec/backend_factory.h"
#include "exec/conformance.h"
#include "exec/session.h"
#include "tests/app/test_models.h"

#ifdef ONNXSCOPE_HAVE_OPENCL
#include "exec/opencl/opencl_backend.h"
#endif

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

using namespace onnxscope;
using namespace onnxscope::test;

#ifdef ONNXSCOPE_HAVE_OPENCL
namespace {

constexpr int64_t kChannels = 8, kSize = 12;

void addRandomInitializer(onnx::GraphProto* g, const std::string& name, const Shape& dims,
                          std::mt19937& rng) {
    auto* t = g->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    t->mutable_dims()->Add(dims.begin(), dims.end());
    const Tensor values = randomTensor(dims, rng, -0.3f, 0.3f);
    t->mutable_float_data()->Add(values.data<float>(), values.data<float>() + values.elementCount());
}

std::unique_ptr<onnx::ModelProto> opset13Model(const std::string& name) {
    auto m = std::make_unique<onnx::ModelProto>();
    m->set_ir_version(8);
    m->add_opset_import()->set_version(13);
    m->mutable_graph()->set_name(name);
    return m;
}

// x -> Conv -> Relu (r1) [-> Sum(r1, r1) on the CPU] -> Conv -> Relu (y), 3x3 convolutions with
// padding 1 on [1, 8, 12, 12].
std::shared_ptr<Model> cnnModel(bool hostNodeInBetween) {
    std::mt19937 rng(11);
    auto m = opset13Model("cnn");
    auto* g = m->mutable_graph();
    setTensorType(g->add_input(), "x", onnx::TensorProto::FLOAT, {"1", "8", "12", "12"});
    for (const char* conv : {"1", "2"}) {
        addRandomInitializer(g, std::string("w") + conv, {kChannels, kChannels, 3, 3}, rng);
        addRandomInitializer(g, std::string("b") + conv, {kChannels}, rng);
    }
    auto convNode = [&](const std::string& in, const std::string& k, const std::string& out) {
        auto* pads = addNode(g, "Conv", {in, "w" + k, "b" + k}, {out})->add_attribute();
        pads->set_name("pads");
        pads->set_type(onnx::AttributeProto::INTS);
        for (int i = 0; i < 4; ++i)
            pads->add_ints(1);
    };
    convNode("x", "1", "c1");
    addNode(g, "Relu", {"c1"}, {"r1"});
    std::string next = "r1";
    if (hostNodeInBetween) {
        addNode(g, "Sum", {"r1", "r1"}, {"s1"}); // no OpenCL kernel: runs on the CPU
        next = "s1";
    }
    convNode(next, "2", "c2");
    addNode(g, "Relu", {"c2"}, {"y"});
    setTensorType(g->add_output(), "y", onnx::TensorProto::FLOAT, {"1", "8", "12", "12"});
    return Model::fromProto(std::move(m), {});
}

// x -> Relu (r) -> If(cond) { then: Sum(r, r), else: Neg(r) } -> z: the branches read the
// device value r of the outer graph.
std::shared_ptr<Model> ifModel() {
    auto m = opset13Model("branches");
    auto* g = m->mutable_graph();
    setTensorType(g->add_input(), "x", onnx::TensorProto::FLOAT, {"4"});
    setTensorType(g->add_input(), "cond", onnx::TensorProto::BOOL, {});
    addNode(g, "Relu", {"x"}, {"r"});
    auto* ifNode = addNode(g, "If", {"cond"}, {"z"});
    for (const std::string branch : {"then_branch", "else_branch"}) {
        auto* a = ifNode->add_attribute();
        a->set_name(branch);
        a->set_type(onnx::AttributeProto::GRAPH);
        auto* body = a->mutable_g();
        body->set_name(branch);
        if (branch == "then_branch")
            addNode(body, "Sum", {"r", "r"}, {"out"});
        else
            addNode(body, "Neg", {"r"}, {"out"});
        setTensorType(body->add_output(), "out", onnx::TensorProto::FLOAT, {"4"});
    }
    setTensorType(g->add_output(), "z", onnx::TensorProto::FLOAT, {"4"});
    return Model::fromProto(std::move(m), {});
}

// Largest |a - e| over the largest |e| (at least 1): the relative error of the whole tensor.
double relativeError(const Tensor& a, const Tensor& e) {
    if (a.shape() != e.shape())
        return INFINITY;
    double scale = 1.0, worst = 0.0;
    for (int64_t i = 0; i < e.elementCount(); ++i) {
        scale = std::max(scale, std::fabs(e.elementAsDouble(i)));
        worst = std::max(worst, std::fabs(a.elementAsDouble(i) - e.elementAsDouble(i)));
    }
    return worst / scale;
}

} // namespace
#endif

class TestOpenClBackend : public QObject {
    Q_OBJECT

#ifdef ONNXSCOPE_HAVE_OPENCL
    std::shared_ptr<OpenClBackend> m_backend;
    std::mt19937 m_rng{7};

    std::unique_ptr<Session> session(const std::shared_ptr<Model>& model, bool onDevice, bool keep = false) {
        SessionOptions options;
        if (onDevice)
            options.backends = {m_backend};
        options.keepIntermediates = keep;
        auto s = Session::create(model, options);
        if (!s.ok())
            qFatal("%s", s.message().c_str());
        return std::move(s).value();
    }
    OpenClTransferStats transfers() const {
        return m_backend->context()->transferStats();
    }
    std::map<std::string, Value> cnnInput() {
        return {{ "x", Value(randomTensor({1, kChannels, kSize, kSize}, m_rng)) }};
    }
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
        QVERIFY2(timing.ok(), timing.message().c_str());
        QVERIFY(*timing && (*timing)->ranOnHost);

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
        auto taken = m_backend->takeNodeTiming();
        QVERIFY2(taken.ok(), taken.message().c_str());
        QVERIFY(*taken);
        const DeviceTiming& timing = **taken;
        QVERIFY(!timing.ranOnHost);
        QVERIFY(timing.deviceNs > 0);
        QVERIFY(timing.transferNs > 0); // the uploads (the output stays on the device)
        QVERIFY(timing.queueNs >= 0);
        auto again = m_backend->takeNodeTiming();
        QVERIFY(again.ok() && !*again); // handed out once
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
        int64_t nodeRuns = 0, deviceNodeRuns = 0;
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
            nodeRuns += device.nodeRuns;
            deviceNodeRuns += device.deviceNodeRuns;
            if (device.passed) {
                ++passed;
                continue;
            }
            const ConformanceResult host = runConformanceTest(test, {});
            if (host.passed)
                regressions += "\n  " + name + ": " + device.reason;
        }
        qInfo("ONNX node tests of covered ops with OpenCL: %d of %d passed, %lld of %lld node runs on OpenCL",
              passed, run, static_cast<long long>(deviceNodeRuns), static_cast<long long>(nodeRuns));
        // These are the ops the backend covers: most of their node runs must reach the device
        // (the rest are inputs the kernels hand to the CPU, such as integer tensors).
        QVERIFY(nodeRuns > 0);
        QVERIFY2(deviceNodeRuns * 2 > nodeRuns, "the device ran under half of the covered ops' nodes");
        QVERIFY2(regressions.empty(), ("pass on the CPU but fail with OpenCL:" + regressions).c_str());
    }

    // Conv -> Relu -> Conv -> Relu downloads only the graph output; the weights go to the device
    // when the session is made, so each run uploads only its input.
    void chainDownloadsOnlyTheOutput() {
        const auto model = cnnModel(false);
        const auto inputs = cnnInput();
        auto expected = session(model, false)->runAll(inputs);
        QVERIFY2(expected.ok(), expected.message().c_str());
        m_backend->context()->resetTransferStats();
        auto device = session(model, true);
        for (const PlannedNode& n : device->plan().nodes)
            QCOMPARE(n.backend->name(), std::string("opencl"));
        QCOMPARE(transfers().uploads, uint64_t(4)); // w1, b1, w2, b2

        for (int run = 0; run < 2; ++run) {
            m_backend->context()->resetTransferStats();
            auto actual = device->runAll(inputs);
            QVERIFY2(actual.ok(), actual.message().c_str());
            QCOMPARE(transfers().uploads, uint64_t(1));
            QCOMPARE(transfers().downloads, uint64_t(1));
            QCOMPARE(transfers().downloadBytes, uint64_t(kChannels * kSize * kSize * sizeof(float)));
            QVERIFY(relativeError(actual->at("y").tensor, expected->at("y").tensor) <= 1e-3);
        }
    }

    // A CPU node between device nodes gets its input copied back once, and the copy shows in
    // that node's profile entry as transfer time.
    void hostNodeInBetween() {
        const auto model = cnnModel(true);
        const auto inputs = cnnInput();
        auto expected = session(model, false)->runAll(inputs);
        QVERIFY2(expected.ok(), expected.message().c_str());
        auto device = session(model, true);
        m_backend->context()->resetTransferStats();
        auto actual = device->runAll(inputs);
        QVERIFY2(actual.ok(), actual.message().c_str());
        QCOMPARE(transfers().downloads, uint64_t(2)); // r1 for Sum, and y
        QVERIFY(relativeError(actual->at("y").tensor, expected->at("y").tensor) <= 1e-3);
        int sums = 0;
        for (const NodeSample& s : device->profiler().samples())
            if (s.opType == "Sum") {
                ++sums;
                QCOMPARE(s.backend, std::string("cpu"));
                QVERIFY(s.transferNs > 0);
            }
        QCOMPARE(sums, 1);
    }

    // Stepping hands out host values of every node's outputs, and run-to and breakpoints stop
    // with the values readable.
    void steppingSeesHostValues() {
        const auto model = cnnModel(true);
        const auto inputs = cnnInput();
        auto cpu = session(model, false, true);
        auto device = session(model, true, true);
        QVERIFY(cpu->begin(inputs).ok());
        QVERIFY(device->begin(inputs).ok());
        m_backend->context()->resetTransferStats();
        while (!device->isFinished()) {
            const size_t index = device->nextNode();
            QVERIFY(device->step().ok());
            QVERIFY(cpu->step().ok());
            for (const std::string& out : device->plan().nodes[index].desc.outputs) {
                const Value* a = device->value(out);
                const Value* e = cpu->value(out);
                QVERIFY2(a && e, out.c_str());
                QVERIFY2(relativeError(a->tensor, e->tensor) <= 1e-3, out.c_str());
            }
        }
        // Each device output came back once, when looked at: c1, r1, c2, y (s1 is a host value).
        QCOMPARE(transfers().downloads, uint64_t(4));
        auto outputs = device->outputValues();
        QVERIFY2(outputs.ok(), outputs.message().c_str());
        QCOMPARE(transfers().downloads, uint64_t(4));

        // Run to the second Conv with a breakpoint on the Sum: it stops there with r1 readable.
        QVERIFY(device->begin(inputs).ok());
        size_t sum = 0;
        while (device->plan().nodes[sum].desc.opType != "Sum")
            ++sum;
        device->setBreakpoints({sum});
        auto reason = device->runTo(sum + 1);
        QVERIFY2(reason.ok(), reason.message().c_str());
        QCOMPARE(*reason, StopReason::Breakpoint);
        QCOMPARE(device->nextNode(), sum);
        const Value* r1 = device->value("r1");
        QVERIFY(r1);
        QVERIFY(relativeError(r1->tensor, cpu->value("r1")->tensor) <= 1e-3);
        reason = device->resume();
        QVERIFY2(reason.ok(), reason.message().c_str());
        QCOMPARE(*reason, StopReason::Finished);
        QVERIFY(relativeError(device->value("y")->tensor, cpu->value("y")->tensor) <= 1e-3);
    }

    // CPU nodes inside a subgraph read a device value of the enclosing graph.
    void subgraphsReadHostValues() {
        auto device = session(ifModel(), true);
        QCOMPARE(device->plan().nodes.front().backend->name(), std::string("opencl"));
        const Tensor x = randomTensor({4}, m_rng);
        for (bool branch : {true, false}) {
            Tensor cond(DataType::Bool, {});
            *cond.data<bool>() = branch;
            auto out = device->runAll({{"x", Value(x)}, { "cond", Value(cond) }});
            QVERIFY2(out.ok(), out.message().c_str());
            const Tensor& z = out->at("z").tensor;
            for (int64_t i = 0; i < 4; ++i) {
                const float r = std::max(0.0f, x.data<float>()[i]);
                QCOMPARE(z.data<float>()[i], branch ? 2 * r : -r);
            }
        }
    }

    // Dropping device memory (what an out-of-memory retry does) moves resident values to the
    // host first; the run goes on with them and gets the same results.
    void releasingDeviceMemoryKeepsValues() {
        const auto model = cnnModel(false);
        const auto inputs = cnnInput();
        auto expected = session(model, false)->runAll(inputs);
        QVERIFY2(expected.ok(), expected.message().c_str());
        auto device = session(model, true, true);
        QVERIFY(device->begin(inputs).ok());
        QVERIFY(device->runTo(1).ok()); // Conv and Relu: c1 and r1 are on the device
        m_backend->context()->resetTransferStats();
        m_backend->releaseCachedMemory();
        QCOMPARE(transfers().downloads, uint64_t(2));
        auto reason = device->resume();
        QVERIFY2(reason.ok(), reason.message().c_str());
        QCOMPARE(*reason, StopReason::Finished);
        auto outputs = device->outputValues();
        QVERIFY2(outputs.ok(), outputs.message().c_str());
        QVERIFY(relativeError(outputs->front().tensor, expected->at("y").tensor) <= 1e-3);
        QVERIFY(device->value("r1"));
    }
#endif
};

QTEST_GUILESS_MAIN(TestOpenClBackend)
#include "tst_opencl_backend.moc"
