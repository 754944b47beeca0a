// Mismatch debugging: tensor statistics, and layer-by-layer comparison of real PyTorch exports
// against PyTorch's own output, against files of intermediates and against deliberately broken
// variants (one corrupted weight, one changed attribute, swapped inputs) where the first
// divergence must be exactly the broken node.
#include "model_variants.h"

#include "exec/layer_compare.h"
#include "exec/session.h"
#include "exec/tensor_compare.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

Tensor floats(Shape shape, std::vector<float> values) {
    Tensor t(DataType::Float, std::move(shape));
    std::copy(values.begin(), values.end(), t.data<float>());
    return t;
}

std::shared_ptr<Model> loadModel(const std::string& name) {
    auto m = Model::load(testModelPath(name));
    if (!m.ok())
        qWarning("%s", m.message().c_str());
    return m.ok() ? std::move(m).value() : nullptr;
}

std::unique_ptr<Session> makeSession(std::shared_ptr<Model> model) {
    auto s = Session::create(model);
    if (!s.ok())
        qWarning("%s", s.message().c_str());
    return s.ok() ? std::move(s).value() : nullptr;
}

std::map<std::string, Value> modelInputs(const std::string& name, const Session& session) {
    auto t = readNpy(testModelPath(name, ".input.npy"));
    if (!t.ok())
        return {};
    return {{session.inputs().at(0).name, Value(std::move(t).value())}};
}

// Every node output of one run of the model, as an .npz would hold intermediates dumped from
// the framework.
std::map<std::string, Tensor> allIntermediates(std::shared_ptr<Model> model, const std::string& name) {
    SessionOptions options;
    options.keepIntermediates = true;
    auto session = Session::create(model, options);
    std::map<std::string, Tensor> out;
    if (!session.ok() || !(*session)->runAll(modelInputs(name, **session)).ok())
        return out;
    for (const PlannedNode& node : (*session)->plan().nodes)
        for (const std::string& o : node.desc.outputs)
            if (const Value* v = o.empty() ? nullptr : (*session)->value(o); v && v->isTensor())
                out[o] = v->tensor;
    return out;
}

} // namespace

class TestLayerCompare : public QObject {
    Q_OBJECT
private slots:
    void identicalTensors() {
        Tensor a = floats({2, 3}, {1, -2, 3, 0, 5, 6});
        TensorComparison c = compareTensors(a, a.clone(), {});
        QVERIFY(c.withinTolerance());
        QCOMPARE(c.maxAbs, 0.0);
        QCOMPARE(c.count, int64_t(6));
        QCOMPARE(c.cosine, 1.0);
    }

    void statisticsOfOneWrongElement() {
        Tensor ref = floats({4}, {1, 2, 3, 4});
        Tensor act = floats({4}, {1, 2, 3.5f, 4});
        TensorComparison c = compareTensors(act, ref, {1e-4, 1e-3});
        QVERIFY(!c.withinTolerance());
        QCOMPARE(c.outside, int64_t(1));
        QCOMPARE(c.fractionOutside(), 0.25);
        QCOMPARE(c.maxAbs, 0.5);
        QVERIFY(std::abs(c.maxRel - 0.5 / 3) < 1e-12);
        QCOMPARE(c.meanAbs, 0.125);
        QCOMPARE(c.worstIndex, int64_t(2));
        QVERIFY(c.cosine < 1.0 && c.cosine > 0.99);
        // The same difference passes with a looser relative tolerance.
        QVERIFY(compareTensors(act, ref, {0, 0.2}).withinTolerance());
    }

    void nanAndInfOnlyInActual() {
        const float nan = std::numeric_limits<float>::quiet_NaN(),
                    inf = std::numeric_limits<float>::infinity();
        Tensor ref = floats({4}, {nan, inf, 1, 2});
        QVERIFY(compareTensors(ref.clone(), ref, {}).withinTolerance()); // matching NaN and Inf agree
        Tensor act = floats({4}, {nan, inf, nan, inf});
        TensorComparison c = compareTensors(act, ref, {});
        QCOMPARE(c.newNaN, int64_t(1));
        QCOMPARE(c.newInf, int64_t(1));
        QCOMPARE(c.outside, int64_t(2));
        QVERIFY(!c.withinTolerance());
        QVERIFY(QString::fromStdString(c.summary()).contains("new NaN"));
    }

    void shapeAndTypeMismatch() {
        TensorComparison c = compareTensors(floats({2, 2}, {1, 2, 3, 4}), floats({4}, {1, 2, 3, 4}), {});
        QVERIFY(c.shapeMismatch);
        QVERIFY(!c.withinTolerance());
        QVERIFY(QString::fromStdString(c.problem).contains("[2,2]"));
        // Unit dims a framework added or dropped are not a mismatch.
        QVERIFY(
            compareTensors(floats({1, 4}, {1, 2, 3, 4}), floats({4}, {1, 2, 3, 4}), {}).withinTolerance());
        Tensor ints(DataType::Int32, {4});
        for (int i = 0; i < 4; ++i)
            ints.data<int32_t>()[i] = i + 1;
        TensorComparison mixed = compareTensors(ints, floats({4}, {1, 2, 3, 4}), {});
        QVERIFY(mixed.typeMismatch);
        QCOMPARE(mixed.maxAbs, 0.0);
    }

    void integerAndHalfPaths() {
        Tensor a(DataType::Int64, {3}), b(DataType::Int64, {3});
        for (int i = 0; i < 3; ++i) {
            a.data<int64_t>()[i] = i * 10;
            b.data<int64_t>()[i] = i * 10 + (i == 2 ? 3 : 0);
        }
        TensorComparison c = compareTensors(a, b, {0.5, 0});
        QCOMPARE(c.outside, int64_t(1));
        QCOMPARE(c.maxAbs, 3.0);
        // Larger than one 4096-element block, so the widened path crosses blocks.
        Tensor h(DataType::Float16, {10000}), g(DataType::Float16, {10000});
        for (int i = 0; i < 10000; ++i)
            h.data<uint16_t>()[i] = g.data<uint16_t>()[i] = 0x3c00; // 1.0
        g.data<uint16_t>()[9000] = 0x4000;                          // 2.0
        TensorComparison hc = compareTensors(h, g, {});
        QCOMPARE(hc.worstIndex, int64_t(9000));
        QCOMPARE(hc.maxAbs, 1.0);
    }

    void perTensorTolerance() {
        ToleranceSet set;
        set.global = {1e-6, 0};
        set.perTensor["loose"] = {1.0, 0};
        QCOMPARE(set.forName("loose").atol, 1.0);
        QCOMPARE(set.forName("other").atol, 1e-6);
    }

    // PyTorch's own output, within 1e-4 of the output's magnitude, and the CPU backend against
    // itself exactly.
    void matchesPyTorch_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"example_cnn", "resnet18", "mobilenet_v2", "transformer_encoder"})
            QTest::newRow(n) << n;
    }
    void matchesPyTorch() {
        QFETCH(QString, name);
        const std::string n = name.toStdString();
        auto model = loadModel(n);
        QVERIFY(model);
        auto session = makeSession(model);
        QVERIFY(session);
        auto expected = readNpy(testModelPath(n, ".output.npy"));
        QVERIFY(expected.ok());
        double magnitude = 0;
        for (float v : expected->values<float>())
            magnitude = std::max(magnitude, double(std::abs(v)));
        auto ref = FileReference::open(testModelPath(n, ".output.npy"), session->plan());
        QVERIFY2(ref.ok(), ref.message().c_str());
        LayerCompareOptions options;
        options.tolerances.global = {1e-4 * magnitude, 0};
        auto report = compareLayers(*session, modelInputs(n, *session), **ref, options);
        QVERIFY2(report.ok(), report.message().c_str());
        QVERIFY2(report->error.empty(), report->error.c_str());
        QCOMPARE(report->values.size(), size_t(1));
        QVERIFY2(report->withinTolerance(), report->values[0].comparison.summary().c_str());
        QCOMPARE(report->firstDivergence, -1);
        // The nodes a plain run executes (fused groups count once, folded nodes not at all).
        size_t executed = 0;
        for (size_t i = 0; i < session->nodeCount(); ++i)
            executed += session->nodeRunAt(i) != nullptr;
        QVERIFY(executed > 0 && executed <= session->nodeCount());
        QCOMPARE(report->nodesRun, executed);

        auto other = makeSession(model);
        SessionReference backend(std::move(other), {}, "backend cpu");
        auto self = compareLayers(*session, modelInputs(n, *session), backend, {});
        QVERIFY2(self.ok(), self.message().c_str());
        QVERIFY(self->withinTolerance());
        QVERIFY(self->values.size() >= executed);
        for (const ValueReport& v : self->values)
            QVERIFY2(v.comparison.maxAbs == 0, v.name.c_str());

        // Every original node, unfused, on both sides: each node's values are compared.
        SessionReference stepped(makeSession(model), {}, "backend cpu");
        LayerCompareOptions everyNode;
        everyNode.everyNode = true;
        auto all = compareLayers(*session, modelInputs(n, *session), stepped, everyNode);
        QVERIFY2(all.ok(), all.message().c_str());
        QVERIFY(all->withinTolerance());
        QCOMPARE(all->nodesRun, session->nodeCount());
        QVERIFY(all->values.size() >= session->nodeCount());
    }

    // Each variant against its original model: the first divergence is exactly the broken node,
    // and re-running that node on the original's inputs shows the error is its own.
    void firstDivergenceIsTheBrokenNode_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("node");
        QTest::newRow("corrupted weight") << "example_cnn"
                                          << "weight onnx::Conv_38"
                                          << "/features/features.4/Conv";
        QTest::newRow("depthwise weight") << "mobilenet_v2"
                                          << "weight onnx::Conv_550"
                                          << "/features/features.2/conv/conv.1/conv.1.0/Conv";
        QTest::newRow("conv pads") << "resnet18"
                                   << "pads /layer2/layer2.0/conv1/Conv"
                                   << "/layer2/layer2.0/conv1/Conv";
        QTest::newRow("epsilon") << "transformer_encoder"
                                 << "epsilon /layers.1/norm1/LayerNormalization"
                                 << "/layers.1/norm1/LayerNormalization";
        QTest::newRow("swapped inputs") << "example_cnn"
                                        << "swap /features/features.8/Clip"
                                        << "/features/features.8/Clip";
        QTest::newRow("swapped matmul") << "transformer_encoder"
                                        << "swap /layers.0/self_attn/MatMul_1"
                                        << "/layers.0/self_attn/MatMul_1";
    }
    void firstDivergenceIsTheBrokenNode() {
        QFETCH(QString, name);
        QFETCH(QString, change);
        QFETCH(QString, node);
        const std::string n = name.toStdString();
        const QStringList parts = change.split(' ');
        const std::string target = parts[1].toStdString();
        auto original = loadModel(n);
        QVERIFY(original);
        auto variant = makeVariant(*original, [&](onnx::ModelProto& m) {
            if (parts[0] == "weight")
                return corruptWeight(m, target, 5.0f);
            if (parts[0] == "pads")
                return setInts(m, target, "pads", {0, 0, 2, 2});
            if (parts[0] == "epsilon")
                return setFloat(m, target, "epsilon", 0.5f);
            // Clip's min and max, MatMul's two operands.
            const bool clip = target.find("Clip") != std::string::npos;
            return clip ? swapInputs(m, target, 1, 2) : swapInputs(m, target, 0, 1);
        });
        QVERIFY(variant);
        auto a = makeSession(variant);
        QVERIFY(a);
        SessionReference ref(makeSession(original), {}, "original");
        std::vector<std::string> seen;
        LayerCompareOptions options;
        options.onValue = [&](const ValueReport& v) { seen.push_back(v.name); };
        auto report = compareLayers(*a, modelInputs(n, *a), ref, options);
        QVERIFY2(report.ok(), report.message().c_str());
        // As a plain run executes the model, the broken node may run fused into a group whose
        // values inside the reference (fused the same way) does not have: then the group is named.
        const auto& group = report->firstDivergenceGroup;
        QVERIFY2(report->firstDivergenceNode == node.toStdString() ||
                     std::find(group.begin(), group.end(), node.toStdString()) != group.end(),
                 report->firstDivergenceNode.c_str());
        QVERIFY(!report->withinTolerance());
        QCOMPARE(seen.size(), report->values.size());
        // Everything before the broken node agrees.
        for (const ValueReport& v : report->values) {
            if (int(v.nodeIndex) >= report->firstDivergence)
                break;
            QVERIFY2(v.withinTolerance(), v.name.c_str());
        }
        QVERIFY(report->isolation.has_value());
        QVERIFY2(report->isolation->ran(), report->isolation->error.c_str());
        QVERIFY(report->isolation->ownError());

        // Every node on both sides names exactly the broken node.
        auto b = makeSession(variant);
        SessionReference everyRef(makeSession(original), {}, "original");
        LayerCompareOptions everyNode;
        everyNode.everyNode = true;
        auto exact = compareLayers(*b, modelInputs(n, *b), everyRef, everyNode);
        QVERIFY2(exact.ok(), exact.message().c_str());
        QCOMPARE(QString::fromStdString(exact->firstDivergenceNode), node);
        QVERIFY(exact->firstDivergenceGroup.empty());
        QVERIFY(exact->isolation && exact->isolation->ownError());
    }

    // Small error upstream (inside a loose per-tensor tolerance) that a later conv amplifies past
    // the strict global one: that conv is the first divergence, but on the reference's inputs it
    // agrees, so isolation calls the error inherited. The reference is an .npz of intermediates.
    void inheritedErrorFromNpzIntermediates() {
        auto original = loadModel("example_cnn");
        QVERIFY(original);
        auto variant = makeVariant(
            *original, [](onnx::ModelProto& m) { return perturbWeight(m, "onnx::Conv_35", 1e-3f); });
        QVERIFY(variant);
        QTemporaryDir tmp;
        const std::filesystem::path npz = tmp.filePath("intermediates.npz").toStdString();
        const auto dumped = allIntermediates(original, "example_cnn");
        QVERIFY(dumped.size() >= 10);
        QVERIFY(writeNpz(npz, dumped).ok());

        auto a = makeSession(variant);
        QVERIFY(a);
        auto ref = FileReference::open(npz, a->plan());
        QVERIFY2(ref.ok(), ref.message().c_str());
        LayerCompareOptions options;
        options.everyNode = true; // the file holds every intermediate: compare each one
        options.tolerances.global = {1e-7, 1e-6};
        for (const char* loose : {"/features/features.0/Conv_output_0", "/features/features.2/Relu_output_0",
                                  "/features/features.3/MaxPool_output_0"})
            options.tolerances.perTensor[loose] = {1.0, 0};
        auto report = compareLayers(*a, modelInputs("example_cnn", *a), **ref, options);
        QVERIFY2(report.ok(), report.message().c_str());
        QCOMPARE(report->values.size(), dumped.size());
        QCOMPARE(QString::fromStdString(report->firstDivergenceNode), QString("/features/features.4/Conv"));
        QVERIFY(report->isolation && report->isolation->ran());
        QVERIFY(!report->isolation->ownError());
        QCOMPARE(report->isolation->outputs.size(), size_t(1));
        // Its weight and bias came from the model; the data input from the reference.
        QCOMPARE(report->isolation->inputsFromA.size(), size_t(2));
        QVERIFY((*ref)->remainingNames().empty());

        // Against the same file, the original model agrees everywhere.
        auto clean = makeSession(original);
        auto ref2 = FileReference::open(npz, clean->plan());
        QVERIFY(ref2.ok());
        auto ok = compareLayers(*clean, modelInputs("example_cnn", *clean), **ref2, options);
        QVERIFY(ok.ok() && ok->withinTolerance());
    }

    // A test_data_set folder: input_0.pb / output_0.pb, output matched by position.
    void testDataSetFolder() {
        auto model = loadModel("example_cnn");
        auto session = makeSession(model);
        QVERIFY(session);
        QTemporaryDir tmp;
        auto inputs = modelInputs("example_cnn", *session);
        auto outputs = session->runAll(inputs);
        QVERIFY(outputs.ok());
        const std::filesystem::path dir = tmp.path().toStdString();
        QVERIFY(writeValuePb(dir / "input_0.pb", inputs.begin()->second, "input").ok());
        Tensor wrong = outputs->at("output").tensor.clone();
        wrong.data<float>()[3] += 0.5f;
        QVERIFY(writeValuePb(dir / "output_0.pb", Value(wrong), "output").ok());
        auto ref = FileReference::open(dir, session->plan());
        QVERIFY2(ref.ok(), ref.message().c_str());
        auto report = compareLayers(*session, inputs, **ref, {});
        QVERIFY(report.ok());
        QCOMPARE(report->values.size(), size_t(1));
        QCOMPARE(report->values[0].comparison.outside, int64_t(1));
        QCOMPARE(report->values[0].comparison.worstIndex, int64_t(3));
        QCOMPARE(QString::fromStdString(report->firstDivergenceNode),
                 QString("/classifier/classifier.2/Softmax"));
        QVERIFY(FileReference::open(dir / "missing", session->plan()).status().message().find("missing") !=
                std::string::npos);
    }

    // Another model whose values have other names: matched through the name map.
    void nameMapForRenamedValues() {
        auto original = loadModel("example_cnn");
        auto renamed = makeVariant(*original, [](onnx::ModelProto& m) {
            for (auto& node : *m.mutable_graph()->mutable_node()) {
                for (auto& in : *node.mutable_input())
                    if (in == "/features/features.4/Conv_output_0")
                        in = "conv4";
                for (auto& out : *node.mutable_output())
                    if (out == "/features/features.4/Conv_output_0")
                        out = "conv4";
            }
            return corruptWeight(m, "onnx::Conv_38", 5.0f);
        });
        auto a = makeSession(original);
        SessionReference withoutMap(makeSession(renamed), {}, "renamed");
        auto r1 = compareLayers(*a, modelInputs("example_cnn", *a), withoutMap, {});
        QVERIFY(r1.ok());
        QVERIFY(std::find(r1->notCompared.begin(), r1->notCompared.end(),
                          "/features/features.4/Conv_output_0") != r1->notCompared.end());
        SessionReference withMap(makeSession(renamed), {{"/features/features.4/Conv_output_0", "conv4"}},
                                 "renamed");
        auto r2 = compareLayers(*a, modelInputs("example_cnn", *a), withMap, {});
        QVERIFY(r2.ok());
        QCOMPARE(QString::fromStdString(r2->firstDivergenceNode), QString("/features/features.4/Conv"));
    }
};

QTEST_GUILESS_MAIN(TestLayerCompare)
#include "tst_layer_compare.moc"
