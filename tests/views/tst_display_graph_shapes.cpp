// The display graph labels edges with shapes from shape inference: PyTorch exports declare no
// value_info, so without it only graph inputs and outputs would carry shapes. Covers the main
// graph of real exported models and the bodies of If/Loop subgraphs.
#include "views/display_graph.h"

#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <QTest>

using namespace onnxscope;

namespace {

std::shared_ptr<Model> loadTestModel(const char* name) {
    auto loaded = Model::load(std::string(ONNXSCOPE_TEST_MODELS_DIR) + "/" + name + ".onnx");
    return loaded.ok() ? std::move(loaded).value() : nullptr;
}

// Fraction of the tensors produced by operator nodes that carry a shape.
double shapedFraction(const DisplayGraph& graph) {
    int produced = 0, shaped = 0;
    for (const DisplayTensor& t : graph.tensors()) {
        if (t.producer < 0 || t.isGraphOutput)
            continue;
        ++produced;
        shaped += !t.shapeText.isEmpty();
    }
    return produced ? double(shaped) / produced : 0.0;
}

} // namespace

class TestDisplayGraphShapes : public QObject {
    Q_OBJECT
private slots:
    void exportedModelsGetInferredShapes_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("minShaped");
        QTest::newRow("resnet18") << "resnet18" << 0.99;
        // Dynamic batch and sequence axes leave a few reshapes of unknown rank.
        QTest::newRow("transformer_encoder") << "transformer_encoder" << 0.75;
    }
    void exportedModelsGetInferredShapes() {
        QFETCH(QString, name);
        QFETCH(double, minShaped);
        auto model = loadTestModel(name.toUtf8().constData());
        QVERIFY(model);
        QCOMPARE(model->proto().graph().value_info_size(), 0); // the exporter declared none
        std::shared_ptr<const onnx::ModelProto> proto(model, &model->proto());
        auto declaredOnly = DisplayGraph::fromModel(proto, name);
        auto inferred = DisplayGraph::fromModel(proto, name, model->inferredShapes());
        QVERIFY(shapedFraction(*declaredOnly) < 0.05); // only Constant values carry a shape
        QVERIFY2(shapedFraction(*inferred) >= minShaped,
                 qPrintable(QString::number(shapedFraction(*inferred))));
    }

    void convOutputShapeIsExact() {
        auto model = loadTestModel("resnet18");
        QVERIFY(model);
        std::shared_ptr<const onnx::ModelProto> proto(model, &model->proto());
        auto graph = DisplayGraph::fromModel(proto, "resnet18", model->inferredShapes());
        // The stem convolution (7×7, stride 2, pad 3) halves the input and gives 64 channels.
        const auto& input = model->proto().graph().input(0).type().tensor_type().shape();
        const auto side = input.dim(2).dim_value();
        for (const DisplayNode& node : graph->nodes()) {
            if (node.opType != QLatin1String("Conv"))
                continue;
            const DisplayTensor& out = graph->tensors()[static_cast<size_t>(node.outputs[0])];
            QCOMPARE(out.shapeText,
                     QStringLiteral("%1×64×%2×%2").arg(input.dim(0).dim_value()).arg(side / 2));
            return;
        }
        QFAIL("no Conv node");
    }

    void editedModelDropsStaleInference() {
        auto model = loadTestModel("example_cnn");
        QVERIFY(model);
        auto before = model->inferredShapes();
        QVERIFY(before);
        QCOMPARE(model->inferredShapes().get(), before.get()); // computed once, then kept
        model->mutableProto();
        QVERIFY(model->inferredShapes().get() != before.get());
    }
};

QTEST_MAIN(TestDisplayGraphShapes)
#include "tst_display_graph_shapes.moc"
