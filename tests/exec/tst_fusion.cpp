// Plan fusion: Conv + BatchNormalization + Add + Relu and MatMul/Gemm + Add run as one oneDNN
// kernel in plain runs, while runs that keep intermediates (debug mode) execute every original
// node; both give the same outputs, on small graphs and on real PyTorch exports (resnet18,
// mobilenet_v2). The profile attributes a group's time to its main node and lists the rest.
#include "../core/proto_test_util.h"
#include "model_variants.h"

#include "core/model.h"
#include "exec/cpu/dnnl_kernels.h"
#include "exec/session.h"

#include <onnx/onnx_pb.h>

#include <QTest>

#include <random>
#include <set>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

void addInput(onnx::GraphProto* g, const std::string& name, const Shape& shape, bool output = false) {
    auto* info = output ? g->add_output() : g->add_input();
    info->set_name(name);
    auto* t = info->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    for (int64_t d : shape)
        t->mutable_shape()->add_dim()->set_dim_value(d);
}

void addInitializer(onnx::GraphProto* g, const std::string& name, const Shape& shape, std::mt19937& rng,
                    float lo = -1.0f, float hi = 1.0f) {
    auto* t = g->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    int64_t count = 1;
    for (int64_t d : shape) {
        t->add_dims(d);
        count *= d;
    }
    std::uniform_real_distribution<float> dist(lo, hi);
    for (int64_t i = 0; i < count; ++i)
        t->add_float_data(dist(rng));
}

onnx::NodeProto* addNode(onnx::GraphProto* g, const std::string& op, std::vector<std::string> in,
                         std::vector<std::string> out, const std::string& name) {
    auto* n = g->add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (auto& s : in)
        n->add_input(s);
    for (auto& s : out)
        n->add_output(s);
    return n;
}

std::unique_ptr<onnx::ModelProto> emptyModel() {
    auto m = std::make_unique<onnx::ModelProto>();
    m->set_ir_version(8);
    auto* imp = m->add_opset_import();
    imp->set_domain("");
    imp->set_version(13);
    m->mutable_graph()->set_name("fusion");
    return m;
}

// x -> Conv -> BatchNormalization -> Add(x) -> Relu -> r -> Conv -> Add(per-channel constant)
//   -> Clip(0, 6) -> Flatten -> MatMul -> Add(bias) -> y;  Gemm(f) -> Add -> z as a second output.
std::shared_ptr<Model> residualModel(bool broadcastAdd = true) {
    std::mt19937 rng(11);
    auto m = emptyModel();
    auto* g = m->mutable_graph();
    addInput(g, "x", {1, 8, 6, 6});
    addInitializer(g, "w1", {8, 8, 3, 3}, rng, -0.3f, 0.3f);
    addInitializer(g, "b1", {8}, rng);
    addInitializer(g, "scale", {8}, rng, 0.5f, 1.5f);
    addInitializer(g, "shift", {8}, rng);
    addInitializer(g, "mean", {8}, rng);
    addInitializer(g, "var", {8}, rng, 0.5f, 2.0f);
    addInitializer(g, "w2", {4, 8, 1, 1}, rng);
    addInitializer(g, "cb", broadcastAdd ? Shape{4, 1, 1} : Shape{1, 4, 6, 6}, rng);
    addInitializer(g, "lo", {}, rng, 0.0f, 0.0f);
    addInitializer(g, "hi", {}, rng, 6.0f, 6.0f);
    addInitializer(g, "wm", {144, 10}, rng);
    addInitializer(g, "bm", {10}, rng);
    addInitializer(g, "wg", {10, 144}, rng);
    addInitializer(g, "bg", {1, 10}, rng);
    setInts(addNode(g, "Conv", {"x", "w1", "b1"}, {"c1"}, "conv1"), "pads", {1, 1, 1, 1});
    addNode(g, "BatchNormalization", {"c1", "scale", "shift", "mean", "var"}, {"n1"}, "bn1");
    addNode(g, "Add", {"n1", "x"}, {"s1"}, "add1");
    addNode(g, "Relu", {"s1"}, {"r"}, "relu1");
    addNode(g, "Conv", {"r", "w2"}, {"c2"}, "conv2");
    addNode(g, "Add", {"c2", "cb"}, {"a2"}, "add2");
    addNode(g, "Clip", {"a2", "lo", "hi"}, {"k2"}, "clip2");
    addNode(g, "Flatten", {"k2"}, {"f"}, "flatten");
    addNode(g, "MatMul", {"f", "wm"}, {"mm"}, "matmul");
    addNode(g, "Add", {"mm", "bm"}, {"y"}, "addmm");
    auto* gemm = addNode(g, "Gemm", {"f", "wg"}, {"gm"}, "gemm");
    auto* transB = gemm->add_attribute();
    transB->set_name("transB");
    transB->set_type(onnx::AttributeProto::INT);
    transB->set_i(1);
    addNode(g, "Add", {"bg", "gm"}, {"z"}, "addgemm");
    addInput(g, "y", {1, 10}, true);
    addInput(g, "z", {1, 10}, true);
    return Model::fromProto(std::move(m), {});
}

// x -> Conv -> Relu -> r -> Conv -> Add(r) -> Relu -> s -> Conv -> t = y: the middle Conv reads r
// both as its source and as its residual, and its output stays channels-last for the last Conv,
// which is where a fused residual sum may compute in place. With readAfter, r -> Conv -> q and
// y = Add(t, q), so r has a reader after the fused node.
std::shared_ptr<Model> intermediateResidualModel(bool readAfter) {
    std::mt19937 rng(13);
    auto m = emptyModel();
    auto* g = m->mutable_graph();
    addInput(g, "x", {1, 16, 10, 10});
    for (const char* w : {"w1", "w2", "w3", "w4"})
        addInitializer(g, w, {16, 16, 3, 3}, rng, -0.2f, 0.2f);
    setInts(addNode(g, "Conv", {"x", "w1"}, {"c1"}, "conv1"), "pads", {1, 1, 1, 1});
    addNode(g, "Relu", {"c1"}, {"r"}, "relu1");
    setInts(addNode(g, "Conv", {"r", "w2"}, {"c2"}, "conv2"), "pads", {1, 1, 1, 1});
    addNode(g, "Add", {"c2", "r"}, {"sum"}, "add");
    addNode(g, "Relu", {"sum"}, {"s"}, "relu2");
    setInts(addNode(g, "Conv", {"s", "w3"}, {readAfter ? "t" : "y"}, "conv3"), "pads", {1, 1, 1, 1});
    if (readAfter) {
        setInts(addNode(g, "Conv", {"r", "w4"}, {"q"}, "conv4"), "pads", {1, 1, 1, 1});
        addNode(g, "Add", {"t", "q"}, {"y"}, "add_late");
    }
    addInput(g, "y", {1, 16, 10, 10}, true);
    return Model::fromProto(std::move(m), {});
}

// c = Constant([2, 2, 2, 2]); wc = Mul(w, c); y = Add(x, wc) (x an input); r = RandomUniform;
// z = Add(r, wc); n = Neg(o), where the initializer o is also a graph input that may override it.
std::shared_ptr<Model> foldingModel() {
    std::mt19937 rng(17);
    auto m = emptyModel();
    auto* g = m->mutable_graph();
    addInput(g, "x", {4});
    addInput(g, "o", {4});
    addInitializer(g, "w", {4}, rng);
    addInitializer(g, "o", {4}, rng);
    auto* constant = addNode(g, "Constant", {}, {"c"}, "two");
    auto* value = constant->add_attribute();
    value->set_name("value");
    value->set_type(onnx::AttributeProto::TENSOR);
    value->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
    value->mutable_t()->add_dims(4);
    for (int i = 0; i < 4; ++i)
        value->mutable_t()->add_float_data(2.0f);
    addNode(g, "Mul", {"w", "c"}, {"wc"}, "scale");
    addNode(g, "Add", {"x", "wc"}, {"y"}, "add_input");
    setInts(addNode(g, "RandomUniform", {}, {"r"}, "random"), "shape", {4});
    addNode(g, "Add", {"r", "wc"}, {"z"}, "add_random");
    addNode(g, "Neg", {"o"}, {"n"}, "negate_overridable");
    for (const char* out : {"y", "z", "n"})
        addInput(g, out, {4}, true);
    return Model::fromProto(std::move(m), {});
}

// y = x * (erf(x / sqrt 2) + one) * 0.5, GELU as exporters write it when one is 1, with the
// constants of shape constantShape (one element).
std::shared_ptr<Model> geluModel(float one, const Shape& x = {3, 5000}, const Shape& constantShape = {}) {
    std::mt19937 rng(19);
    auto m = emptyModel();
    auto* g = m->mutable_graph();
    addInput(g, "x", x);
    addInitializer(g, "sqrt2", constantShape, rng, 1.4142135f, 1.4142135f);
    addInitializer(g, "one", constantShape, rng, one, one);
    addInitializer(g, "half", constantShape, rng, 0.5f, 0.5f);
    addNode(g, "Div", {"x", "sqrt2"}, {"d"}, "div");
    addNode(g, "Erf", {"d"}, {"e"}, "erf");
    addNode(g, "Add", {"e", "one"}, {"a"}, "add");
    addNode(g, "Mul", {"x", "a"}, {"m"}, "mul");
    addNode(g, "Mul", {"m", "half"}, {"y"}, "half");
    Shape y = x; // x broadcast with the one-element constants
    while (y.size() < constantShape.size())
        y.insert(y.begin(), 1);
    addInput(g, "y", y, true);
    return Model::fromProto(std::move(m), {});
}

// t = Add(x, c); u = Sigmoid(t); s = Softmax(u); y = LayerNormalization(s); with readAfter also
// z = Mul(y, t), so t has a reader after the Sigmoid that could otherwise write into it.
std::shared_ptr<Model> rowKernelsModel(bool readAfter) {
    std::mt19937 rng(23);
    auto m = emptyModel();
    m->mutable_opset_import(0)->set_version(17);
    auto* g = m->mutable_graph();
    addInput(g, "x", {6, 40});
    addInitializer(g, "c", {40}, rng);
    addInitializer(g, "scale", {40}, rng, 0.5f, 1.5f);
    addInitializer(g, "bias", {40}, rng);
    addNode(g, "Add", {"x", "c"}, {"t"}, "add");
    addNode(g, "Sigmoid", {"t"}, {"u"}, "sigmoid");
    addNode(g, "Softmax", {"u"}, {"s"}, "softmax");
    addNode(g, "LayerNormalization", {"s", "scale", "bias"}, {"y"}, "norm");
    if (readAfter)
        addNode(g, "Mul", {"y", "t"}, {"z"}, "mul");
    addInput(g, readAfter ? "z" : "y", {6, 40}, true);
    return Model::fromProto(std::move(m), {});
}

std::unique_ptr<Session> makeSession(std::shared_ptr<const Model> model, SessionOptions options = {}) {
    auto s = Session::create(std::move(model), std::move(options));
    if (!s.ok())
        qWarning("%s", s.message().c_str());
    return s.ok() ? std::move(s).value() : nullptr;
}

Tensor randomInput(const Shape& shape, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(-1, 1);
    Tensor t(DataType::Float, shape);
    for (float& v : t.mutableValues<float>())
        v = dist(rng);
    return t;
}

double maxAbs(const Tensor& t) {
    double m = 0;
    for (int64_t i = 0; i < t.elementCount(); ++i)
        m = std::max(m, std::fabs(t.elementAsDouble(i)));
    return m;
}

// max |a - b| <= tolerance * max |b|, shapes equal.
bool closeRelative(const Tensor& a, const Tensor& b, double tolerance, std::string* why) {
    if (a.shape() != b.shape()) {
        *why = "shape " + shapeToString(a.shape()) + " vs " + shapeToString(b.shape());
        return false;
    }
    double worst = 0;
    for (int64_t i = 0; i < a.elementCount(); ++i)
        worst = std::max(worst, std::fabs(a.elementAsDouble(i) - b.elementAsDouble(i)));
    *why = "max abs difference " + std::to_string(worst) + " for magnitude " + std::to_string(maxAbs(b));
    return worst <= tolerance * std::max(1e-6, maxAbs(b));
}

size_t fusedGroups(const ExecutionPlan& plan) {
    size_t n = 0;
    for (const PlannedNode& node : plan.nodes)
        n += node.fused && node.fused->fusedMembers.size() > 1 ? 1 : 0;
    return n;
}

// Runs the same session fused (plain) and unfused (kept intermediates); returns both outputs.
std::pair<std::vector<Value>, std::vector<Value>> runBothWays(Session& session,
                                                              const std::map<std::string, Value>& inputs) {
    session.setKeepIntermediates(false);
    auto fused = session.runAll(inputs);
    session.setKeepIntermediates(true);
    auto unfused = session.runAll(inputs);
    if (!fused.ok() || !unfused.ok()) {
        qWarning("%s %s", fused.message().c_str(), unfused.message().c_str());
        return {};
    }
    std::vector<Value> a, b;
    for (auto& [name, v] : *fused)
        a.push_back(v);
    for (auto& [name, v] : *unfused)
        b.push_back(v);
    return {a, b};
}

} // namespace

class TestFusion : public QObject {
    Q_OBJECT
private slots:
    void init() {
        if (!dnnlAvailable())
            QSKIP("built without oneDNN: nothing is fused");
    }

    void groupsFormOnlyWhereIntermediatesHaveOneReader() {
        auto session = makeSession(residualModel());
        QVERIFY(session);
        const ExecutionPlan& plan = session->plan();
        QVERIFY(plan.hasFusion());
        std::map<std::string, std::vector<std::string>> groups;
        for (const PlannedNode& node : plan.nodes) {
            if (!node.fused || node.fused->fusedMembers.size() < 2)
                continue; // lone convolutions and pools only change their activations' layout
            for (size_t m : node.fused->fusedMembers)
                groups[node.fused->desc.name].push_back(plan.nodes[m].desc.name);
        }
        QCOMPARE(groups["conv1"], (std::vector<std::string>{"conv1", "bn1", "add1", "relu1"}));
        QCOMPARE(groups["conv2"], (std::vector<std::string>{"conv2", "add2", "clip2"}));
        QCOMPARE(groups["matmul"], (std::vector<std::string>{"matmul", "addmm"}));
        QCOMPARE(groups["gemm"], (std::vector<std::string>{"gemm", "addgemm"}));
        QCOMPARE(groups.size(), size_t(4));
    }

    void siluAfterConvFusesAsSwish() {
        std::mt19937 rng(12);
        auto m = emptyModel();
        auto* g = m->mutable_graph();
        addInput(g, "x", {1, 4, 5, 5});
        addInitializer(g, "w", {6, 4, 3, 3}, rng);
        addNode(g, "Conv", {"x", "w"}, {"c"}, "conv");
        addNode(g, "Sigmoid", {"c"}, {"s"}, "sigmoid");
        addNode(g, "Mul", {"c", "s"}, {"y"}, "mul");
        addInput(g, "y", {1, 6, 3, 3}, true);
        auto session = makeSession(Model::fromProto(std::move(m), {}));
        QVERIFY(session);
        const PlannedNode& last = session->plan().nodes.back();
        QVERIFY(last.fused);
        QCOMPARE(last.fused->fusedMembers.size(), size_t(3));
        auto [fused, unfused] = runBothWays(*session, {{"x", Value(randomInput({1, 4, 5, 5}, 6))}});
        QCOMPARE(fused.size(), size_t(1));
        std::string why;
        QVERIFY2(closeRelative(fused[0].tensor, unfused[0].tensor, 1e-5, &why), why.c_str());
    }

    // Squeeze-and-excitation between two convolutions: its Mul (and the GlobalAveragePool)
    // take the channels-last activations as they are; a scale that is not per channel makes
    // the Mul decline at run time and run unfused, converting layouts.
    void squeezeExcitationStaysChannelsLast_data() {
        QTest::addColumn<int>("batch");
        QTest::addColumn<bool>("scaleFirst");
        QTest::addColumn<bool>("perChannel");
        QTest::addColumn<bool>("depthwise");
        QTest::newRow("batch 1, scale * x") << 1 << true << true << false;
        QTest::newRow("batch 2, x * scale") << 2 << false << true << false;
        QTest::newRow("scale per row (declined)") << 2 << true << false << false;
        // A depthwise convolution turns on blocked layouts: the 16-channel values are stored in
        // 8-channel blocks, the 4- and 5-channel ones stay NHWC.
        QTest::newRow("depthwise, batch 1") << 1 << true << true << true;
        QTest::newRow("depthwise, batch 2") << 2 << false << true << true;
    }
    void squeezeExcitationStaysChannelsLast() {
        QFETCH(int, batch);
        QFETCH(bool, scaleFirst);
        QFETCH(bool, perChannel);
        QFETCH(bool, depthwise);
        std::mt19937 rng(13);
        auto m = emptyModel();
        auto* g = m->mutable_graph();
        const int64_t n = batch;
        // 16 channels in 8-channel blocks differ from NHWC; 8 channels would not, and images
        // below 28x28 are not blocked.
        const int64_t c = depthwise ? 16 : 8, size = depthwise ? 28 : 6;
        addInput(g, "x", {n, 4, size, size});
        addInitializer(g, "w1", {c, 4, 3, 3}, rng);
        addInitializer(g, "wr", {2, c, 1, 1}, rng);
        addInitializer(g, "we", {c, 2, 1, 1}, rng);
        addInitializer(g, "wrow", {c, c, 1, size}, rng);
        addInitializer(g, "w2", {5, c, 1, 1}, rng);
        addInitializer(g, "w3", {5, c, 1, 1}, rng);
        addInitializer(g, "w4", {5, 5, 1, 1}, rng);
        // SiLU after the convolution: the activation comes out of a group's last member.
        setInts(addNode(g, "Conv", {"x", "w1"}, {"c0"}, "conv"), "pads", {1, 1, 1, 1});
        addNode(g, "Sigmoid", {"c0"}, {"c1"}, "silu_sigmoid");
        addNode(g, "Mul", {"c0", "c1"}, {depthwise ? "cs" : "c"}, "silu_mul");
        if (depthwise) {
            addInitializer(g, "wd", {c, 1, 3, 3}, rng);
            auto* dw = addNode(g, "Conv", {"cs", "wd"}, {"c"}, "depthwise");
            setInts(dw, "pads", {1, 1, 1, 1});
            setInt(dw, "group", c);
        }
        if (perChannel) {
            addNode(g, "GlobalAveragePool", {"c"}, {"p"}, "squeeze");
            addNode(g, "Conv", {"p", "wr"}, {"r"}, "reduce");
            addNode(g, "Relu", {"r"}, {"rr"}, "relu");
            addNode(g, "Conv", {"rr", "we"}, {"e"}, "expand");
        } else {
            addNode(g, "Conv", {"c", "wrow"}, {"e"}, "rows"); // [n, c, size, 1]
        }
        addNode(g, "Sigmoid", {"e"}, {"s"}, "gate");
        addNode(g, "Mul",
                scaleFirst ? std::vector<std::string>{"s", "c"} : std::vector<std::string>{"c", "s"},
                {"scaled"}, "excite");
        addNode(g, "Conv", {"scaled", "w2"}, {"a"}, "project");
        addNode(g, "Conv", {"c", "w3"}, {"b"}, "shortcut");
        addNode(g, "Add", {"a", "b"}, {"sum"}, "sum");
        addNode(g, "Conv", {"sum", "w4"}, {"y"}, "last");
        addInput(g, "y", {n, 5, size, size}, true);
        auto session = makeSession(Model::fromProto(std::move(m), {}));
        QVERIFY(session);
        std::set<std::string> installed;
        for (const PlannedNode& node : session->plan().nodes)
            if (node.fused)
                installed.insert(node.fused->desc.name);
        QVERIFY(installed.count("excite"));
        for (int threads : {1, 2}) {
            session->setThreads(threads);
            auto [fused, unfused] = runBothWays(
                *session,
                {{"x", Value(randomInput({n, 4, size, size}, static_cast<unsigned>(7 + threads)))}});
            QCOMPARE(fused.size(), size_t(1));
            std::string why;
            QVERIFY2(closeRelative(fused[0].tensor, unfused[0].tensor, 1e-5, &why), why.c_str());
        }
    }

    void fusedAndUnfusedRunsAgree() {
        for (bool broadcastAdd : {true, false}) {
            // A per-channel addend ([4,1,1]) is not a residual of the conv's shape: the fused
            // kernel declines it at run time and its group runs the original kernels.
            auto session = makeSession(residualModel(broadcastAdd));
            QVERIFY(session);
            auto [fused, unfused] = runBothWays(*session, {{"x", Value(randomInput({1, 8, 6, 6}, 3))}});
            QCOMPARE(fused.size(), size_t(2));
            QCOMPARE(unfused.size(), size_t(2));
            for (size_t i = 0; i < fused.size(); ++i) {
                std::string why;
                QVERIFY2(closeRelative(fused[i].tensor, unfused[i].tensor, 1e-5, &why), why.c_str());
            }
        }
    }

    void residualsTakenOverOnlyAtTheirLastRead() {
        // A fused Conv+Add may write into its residual when nothing reads it afterwards; the
        // second model reads it afterwards, so it must survive the fused node.
        for (bool readAfter : {false, true}) {
            auto session = makeSession(intermediateResidualModel(readAfter));
            QVERIFY(session);
            QVERIFY(fusedGroups(session->plan()) >= 1);
            for (int run = 0; run < 2; ++run) {
                auto [fused, unfused] =
                    runBothWays(*session, {{"x", Value(randomInput({1, 16, 10, 10}, 4))}});
                QCOMPARE(fused.size(), size_t(1));
                std::string why;
                QVERIFY2(closeRelative(fused[0].tensor, unfused[0].tensor, 1e-5, &why), why.c_str());
            }
        }
    }

    void constantsFoldOnceAndSteppedRunsStillExecuteThem() {
        auto session = makeSession(foldingModel());
        QVERIFY(session);
        std::set<std::string> folded;
        for (const PlannedNode& node : session->plan().nodes)
            if (node.folded)
                folded.insert(node.desc.name);
        // Not the random op, nothing reading a graph input, nor an initializer an input overrides.
        QCOMPARE(folded, (std::set<std::string>{"two", "scale"}));
        QVERIFY(session->plan().hasFastRun());
        const Tensor x = randomInput({4}, 5);
        auto initializer = [&](const std::string& name) {
            for (const auto& [slot, value] : session->plan().initializers)
                if (slot == session->plan().slot(name))
                    return value.tensor;
            return Tensor();
        };
        const Tensor w = initializer("w"), o = initializer("o");
        QVERIFY(w.isValid() && o.isValid());
        for (bool keep : {false, true}) {
            session->setKeepIntermediates(keep);
            auto out = session->runAll({{"x", Value(x)}});
            QVERIFY2(out.ok(), out.message().c_str());
            for (int64_t i = 0; i < 4; ++i) {
                QCOMPARE(out->at("y").tensor.data<float>()[i],
                         x.data<float>()[i] + 2.0f * w.data<float>()[i]);
                QCOMPARE(out->at("n").tensor.data<float>()[i], -o.data<float>()[i]);
                const float r = out->at("z").tensor.data<float>()[i] - 2.0f * w.data<float>()[i];
                QVERIFY(r >= 0.0f && r < 1.0f);
            }
            // A stepped run (kept intermediates) executed the folded nodes themselves.
            QCOMPARE(session->value("wc") != nullptr, keep);
        }
        // A given value for the overridable initializer is used.
        session->setKeepIntermediates(false);
        Tensor given(DataType::Float, {4});
        for (int i = 0; i < 4; ++i)
            given.data<float>()[i] = float(i + 1);
        auto overridden = session->runAll({{"x", Value(x)}, {"o", Value(given)}});
        QVERIFY2(overridden.ok(), overridden.message().c_str());
        QCOMPARE(overridden->at("n").tensor.data<float>()[3], -4.0f);
    }

    void geluWrittenOutFusesIntoOnePass() {
        for (float one : {1.0f, 2.0f}) {
            auto session = makeSession(geluModel(one));
            QVERIFY(session);
            const PlannedNode& last = session->plan().nodes.back();
            // Only the exact GELU fuses: with 2 in place of 1 it is another function.
            QCOMPARE(last.fused ? last.fused->fusedMembers.size() : size_t(0), size_t(one == 1.0f ? 5 : 0));
            Tensor x = randomInput({3, 5000}, 6);
            for (int64_t i = 0; i < x.elementCount(); i += 7)
                x.data<float>()[i] *= 6.0f; // into erf's tails
            auto [fused, unfused] = runBothWays(*session, {{"x", Value(x)}});
            QCOMPARE(fused.size(), size_t(1));
            std::string why;
            QVERIFY2(closeRelative(fused[0].tensor, unfused[0].tensor, 1e-6, &why), why.c_str());
        }
        // [1, 1] constants broadcast a 1-D x to [1, n]: the fused kernel declines that x.
        auto session = makeSession(geluModel(1.0f, {5000}, {1, 1}));
        QVERIFY(session);
        auto [fused, unfused] = runBothWays(*session, {{"x", Value(randomInput({5000}, 7))}});
        QCOMPARE(fused.size(), size_t(1));
        QCOMPARE(fused[0].tensor.shape(), Shape({1, 5000}));
        std::string why;
        QVERIFY2(closeRelative(fused[0].tensor, unfused[0].tensor, 1e-6, &why), why.c_str());
    }

    void rowKernelsWriteIntoInputsOnlyAtTheirLastRead() {
        // Elementwise ops, Softmax and LayerNormalization may compute in place when nothing reads
        // their input afterwards; runs that keep intermediates never let them, so both runs must
        // agree.
        for (bool readAfter : {false, true}) {
            auto session = makeSession(rowKernelsModel(readAfter));
            QVERIFY(session);
            for (int run = 0; run < 2; ++run) {
                auto [fast, kept] = runBothWays(*session, {{"x", Value(randomInput({6, 40}, 8))}});
                QCOMPARE(fast.size(), size_t(1));
                std::string why;
                QVERIFY2(closeRelative(fast[0].tensor, kept[0].tensor, 1e-6, &why), why.c_str());
            }
        }
    }

    void debugRunsKeepEveryOriginalOutput() {
        auto session = makeSession(residualModel());
        QVERIFY(session);
        const std::map<std::string, Value> inputs{{"x", Value(randomInput({1, 8, 6, 6}, 4))}};
        session->setKeepIntermediates(true);
        QVERIFY(session->begin(inputs).ok());
        while (!session->isFinished())
            QVERIFY(session->step().ok());
        for (const char* name : {"c1", "n1", "s1", "r", "c2", "a2", "mm", "gm"})
            QVERIFY2(session->value(name), name);
        // Stepping without keeping intermediates (layer comparison) also runs the original
        // nodes: each output exists right after its node.
        session->setKeepIntermediates(false);
        QVERIFY(session->begin(inputs).ok());
        QVERIFY(session->runTo(1).ok());
        QCOMPARE(session->plan().nodes[1].desc.name, std::string("bn1"));
        QVERIFY(session->value("n1"));
        QVERIFY(session->resume().ok());
        QVERIFY(session->value("y"));
    }

    void profileAttributesGroupsToTheirMainNode() {
        auto session = makeSession(residualModel(false));
        QVERIFY(session);
        session->profiler().clear();
        QVERIFY(session->runAll({{"x", Value(randomInput({1, 8, 6, 6}, 5))}}).ok());
        const auto stats = session->profiler().nodeStats();
        const ExecutionPlan& plan = session->plan();
        bool sawConv1 = false;
        for (const NodeStats& n : stats) {
            const std::string& op = plan.nodes[static_cast<size_t>(n.nodeIndex)].desc.opType;
            QVERIFY2(op != "BatchNormalization" && op != "Relu", "members have no entries of their own");
            if (n.name != "conv1")
                continue;
            sawConv1 = true;
            QCOMPARE(n.opType, std::string("Conv"));
            QCOMPARE(n.fusedNodes.size(), size_t(4));
            QVERIFY2(n.backend.find("fused: conv1 + bn1 + add1 + relu1") != std::string::npos,
                     n.backend.c_str());
            // The profile names oneDNN's kernel for the group.
            QVERIFY2(!dnnlAvailable() || !n.implementation.empty(), n.name.c_str());
        }
        QVERIFY(sawConv1);
        // One row of the flattened activation times a constant: our matrix-vector product; a
        // node on one of our own kernels names none.
        for (const NodeStats& n : stats) {
            if (n.name == "matmul" && dnnlAvailable())
                QCOMPARE(n.implementation, std::string("matrix-vector"));
            if (n.opType == "Flatten")
                QVERIFY2(n.implementation.empty(), n.implementation.c_str());
        }
    }

    void realModelsGiveTheSameOutputsFusedAndUnfused_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("minimumGroups");
        QTest::newRow("resnet18") << "resnet18" << 17;
        QTest::newRow("mobilenet_v2") << "mobilenet_v2" << 40;
    }
    void realModelsGiveTheSameOutputsFusedAndUnfused() {
        QFETCH(QString, name);
        QFETCH(int, minimumGroups);
        const std::string model = name.toStdString();
        if (!std::filesystem::exists(testModelPath(model)))
            QSKIP("test models not exported");
        auto loaded = Model::load(testModelPath(model));
        QVERIFY2(loaded.ok(), loaded.message().c_str());
        SessionOptions options;
        options.threads = 2;
        auto session = makeSession(std::move(loaded).value(), options);
        QVERIFY(session);
        QVERIFY2(fusedGroups(session->plan()) >= static_cast<size_t>(minimumGroups),
                 std::to_string(fusedGroups(session->plan())).c_str());
        if (model == "resnet18") {
            // The stem's MaxPool sits between two convolutions: fused runs keep its input and
            // output channels-last, so it runs as a fused node of its own.
            bool maxPoolFused = false;
            for (const PlannedNode& node : session->plan().nodes)
                maxPoolFused = maxPoolFused || (node.desc.opType == "MaxPool" && node.fused);
            QVERIFY(maxPoolFused);
        }
        auto input = readNpy(testModelPath(model, ".input.npy"));
        auto expected = readNpy(testModelPath(model, ".output.npy"));
        QVERIFY(input.ok() && expected.ok());
        auto [fused, unfused] = runBothWays(*session, {{session->inputs().at(0).name, Value(*input)}});
        QCOMPARE(fused.size(), size_t(1));
        std::string why;
        QVERIFY2(closeRelative(fused[0].tensor, unfused[0].tensor, 1e-4, &why), why.c_str());
        QVERIFY2(closeRelative(fused[0].tensor, *expected, 1e-4, &why), ("vs PyTorch: " + why).c_str());
    }
};

QTEST_GUILESS_MAIN(TestFusion)
#include "tst_fusion.moc"
