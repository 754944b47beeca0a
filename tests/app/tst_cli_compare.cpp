// onnxscope-cli compare and diff end to end: exit codes (0 within tolerance, 3 mismatch,
// 2 unreadable, 1 usage), the JSON report's keys, and the first divergence named exactly for a
// model with one corrupted weight, one changed attribute and one swapped pair of inputs.
#include "../exec/model_variants.h"

#include "cli_test_util.h"

#include "core/model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

QString path(const std::string& name, const std::string& suffix = ".onnx") {
    return QString::fromStdString(testModelPath(name, suffix).string());
}

QString inputArg(const std::string& name) {
    return "input=" + path(name, ".input.npy");
}

} // namespace

class TestCliCompare : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;

    template <typename Edit> QString writeVariant(const std::string& name, const QString& file, Edit edit) {
        const QString out = m_tmp.filePath(file);
        return writeVariantFile(name, out.toStdString(), edit) ? out : QString();
    }

private slots:
    void withinToleranceOfPyTorch() {
        CliResult r = runCli({"compare", path("example_cnn"), "--input", inputArg("example_cnn"), "--ref",
                              path("example_cnn", ".output.npy"), "--atol", "1e-5", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.contains("first_divergence"));
        QVERIFY(o["first_divergence"].isNull());
        const QJsonArray values = o["values"].toArray();
        QCOMPARE(values.size(), 1);
        const QJsonObject v = values.at(0).toObject();
        for (const char* key : {"name", "max_abs", "max_rel", "cosine", "within_tolerance"})
            QVERIFY2(v.contains(key), key);
        QCOMPARE(v["name"].toString(), QString("output"));
        QVERIFY(v["within_tolerance"].toBool());
        QVERIFY(v["cosine"].toDouble() > 0.9999);
    }

    void mismatchNamesTheBrokenNode_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("node");
        for (const char* kind : {"weight", "attribute", "swap"})
            QTest::newRow(kind) << kind << brokenNode(kind);
    }
    void mismatchNamesTheBrokenNode() {
        QFETCH(QString, kind);
        QFETCH(QString, node);
        const QString variant = writeVariant("example_cnn", kind + ".onnx", [&](onnx::ModelProto& m) {
            return breakExampleCnn(m, kind.toStdString());
        });
        QVERIFY(!variant.isEmpty());
        // --every-node: the Clip of "swap" runs fused into its Conv in a plain run.
        CliResult r = runCli({"compare", variant, "--against-model", path("example_cnn"), "--input",
                              inputArg("example_cnn"), "--every-node", "--json"});
        QVERIFY2(r.exitCode == 3, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["first_divergence"].toString(), node);
        QVERIFY(o["isolation"].toObject()["own_error"].toBool());
        bool sawBroken = false;
        for (const QJsonValue& item : o["values"].toArray()) {
            const QJsonObject v = item.toObject();
            if (v["node"].toString() == node) {
                sawBroken = true;
                QVERIFY(!v["within_tolerance"].toBool());
            }
        }
        QVERIFY(sawBroken);

        CliResult text = runCli({"compare", variant, "--against-model", path("example_cnn"), "--input",
                                 inputArg("example_cnn"), "--every-node"});
        QCOMPARE(text.exitCode, 3);
        QVERIFY2(text.out.contains("first divergence: " + node.toUtf8()), text.out.constData());
        // As a plain run executes it, the divergence is the node or the fused group holding it.
        CliResult asRun = runCli({"compare", variant, "--against-model", path("example_cnn"), "--input",
                                  inputArg("example_cnn"), "--json"});
        QCOMPARE(asRun.exitCode, 3);
        const QJsonObject plain = QJsonDocument::fromJson(asRun.out).object();
        QVERIFY2(plain["first_divergence"].toString() == node ||
                     plain["first_divergence_group"].toArray().contains(QJsonValue(node)),
                 asRun.out.constData());

        CliResult diff = runCli({"diff", path("example_cnn"), variant, "--json"});
        QCOMPARE(diff.exitCode, 3);
        QJsonObject d = QJsonDocument::fromJson(diff.out).object();
        QVERIFY(!d["identical"].toBool());
        if (kind == "weight") {
            QCOMPARE(d["initializers"].toArray().size(), 1);
            QCOMPARE(d["initializers"].toArray().at(0).toObject()["name"].toString(),
                     QString("onnx::Conv_38"));
        } else {
            QCOMPARE(d["nodes"].toArray().size(), 1);
            QCOMPARE(d["nodes"].toArray().at(0).toObject()["name"].toString(), node);
        }
    }

    void againstBackendAndTestDataSet() {
        CliResult r = runCli(
            {"compare", path("resnet18"), "--against-backend", "cpu", "--input", inputArg("resnet18")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("within tolerance"));

        QTemporaryDir dir;
        QVERIFY(writeValuePb(std::filesystem::path(dir.filePath("input_0.pb").toStdString()),
                             Value(*readNpy(testModelPath("example_cnn", ".input.npy"))), "input")
                    .ok());
        QVERIFY(writeValuePb(std::filesystem::path(dir.filePath("output_0.pb").toStdString()),
                             Value(*readNpy(testModelPath("example_cnn", ".output.npy"))), "output")
                    .ok());
        CliResult folder = runCli({"compare", path("example_cnn"), "--ref", dir.path(), "--json"});
        QVERIFY2(folder.exitCode == 0, folder.err.constData());
        QVERIFY(!folder.err.contains("random")); // inputs came from the folder
    }

    void againstABrokenOpenClKernel() {
        // A transformer with a real sequence length on OpenCL agrees with the CPU; with one
        // MatMul's OpenCL kernel broken through the test-only fault hook, the comparison names
        // that node as the first divergence.
        const QString model = path("token_transformer");
        const QStringList args{"compare", model,     "--against-backend",
                               "opencl",  "--input", inputArg("token_transformer"),
                               "--json"};
        CliResult healthy = runCli(args);
        QVERIFY2(healthy.exitCode == 0, healthy.err.constData() + healthy.out.left(2000));

        auto loaded = Model::load(testModelPath("token_transformer", ".onnx"));
        QVERIFY(loaded.ok());
        QString matmul;
        for (const onnx::NodeProto& node : (*loaded)->proto().graph().node())
            if (node.op_type() == "MatMul" && matmul.isEmpty())
                matmul = QString::fromStdString(node.name());
        QVERIFY(!matmul.isEmpty());
        CliResult broken = runCli(args, 300000, {"ONNXSCOPE_TEST_OPENCL_FAULT=" + matmul});
        QVERIFY2(broken.exitCode == 3, broken.err.constData());
        QCOMPARE(QJsonDocument::fromJson(broken.out).object()["first_divergence"].toString(), matmul);
    }

    void diffOfIdenticalModels() {
        CliResult r = runCli({"diff", path("mobilenet_v2"), path("mobilenet_v2")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("identical"));
    }

    void exitCodes() {
        QCOMPARE(runCli({"compare", path("example_cnn")}).exitCode, 1); // no reference
        QCOMPARE(
            runCli({"compare", path("example_cnn"), "--ref", "x.npy", "--against-backend", "cpu"}).exitCode,
            1);
        QCOMPARE(runCli({"compare", path("example_cnn"), "--against-backend", "nosuch"}).exitCode, 1);
        QCOMPARE(runCli({"compare", path("example_cnn"), "--ref", "x.npy", "--atol", "abc"}).exitCode, 1);
        CliResult missing = runCli({"compare", path("example_cnn"), "--ref", m_tmp.filePath("missing.npy")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("missing.npy"));
        QCOMPARE(runCli({"compare", m_tmp.filePath("nope.onnx"), "--against-backend", "cpu"}).exitCode, 2);
        QCOMPARE(runCli({"diff", path("example_cnn")}).exitCode, 1);
        QCOMPARE(runCli({"diff", path("example_cnn"), m_tmp.filePath("nope.onnx")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
