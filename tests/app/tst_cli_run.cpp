// onnxscope-cli run and profile end to end on exported PyTorch models: outputs written as .pb
// match PyTorch's, profile's JSON carries every documented key and its timings are consistent,
// and bad input is refused with a message naming it.
#include "cli_test_util.h"

#include "core/tensor_file_io.h"
#include "core/tensor_proto_io.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using onnxscope::test::CliResult;
using onnxscope::test::runCli;

namespace {

QString modelFile(const char* name, const char* suffix = ".onnx") {
    return QString(ONNXSCOPE_TEST_MODELS_DIR) + "/" + name + suffix;
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT
private slots:
    void runWritesOutputsMatchingPyTorch_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("example_cnn") << "example_cnn";
        QTest::newRow("lstm") << "lstm";
        QTest::newRow("transformer_encoder") << "transformer_encoder";
    }
    void runWritesOutputsMatchingPyTorch() {
        QFETCH(QString, name);
        const QByteArray n = name.toUtf8();
        QTemporaryDir out;
        CliResult r = runCli({"run", modelFile(n), "--input", "input=" + modelFile(n, ".input.npy"),
                              "--output-dir", out.path()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto actual = onnxscope::readTensorPb(out.filePath("output_0.pb").toStdString());
        QVERIFY2(actual.ok(), actual.message().c_str());
        auto expected = onnxscope::readNpy(modelFile(n, ".output.npy").toStdString());
        QVERIFY2(expected.ok(), expected.message().c_str());
        QCOMPARE(actual->shape(), expected->shape());
        double maxAbs = 0, magnitude = 0;
        for (int64_t i = 0; i < expected->elementCount(); ++i) {
            const double e = expected->elementAsDouble(i);
            maxAbs = std::max(maxAbs, std::abs(actual->elementAsDouble(i) - e));
            magnitude = std::max(magnitude, std::abs(e));
        }
        QVERIFY(magnitude > 0);
        QVERIFY2(maxAbs <= 1e-4 * magnitude,
                 qPrintable(QString("max abs %1 of %2").arg(maxAbs).arg(magnitude)));
    }

    void runRefusesUnknownInputByName() {
        CliResult r = runCli({"run", modelFile("example_cnn"), "--input",
                              "no_such_input=" + modelFile("example_cnn", ".input.npy")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("no_such_input"), r.err.constData());
    }

    void runRefusesMissingInputFile() {
        CliResult r = runCli({"run", modelFile("example_cnn"), "--input", "input=/nonexistent/x.npy"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("/nonexistent/x.npy"), r.err.constData());
    }

    void profileJsonHasEveryKeyAndConsistentTimes() {
        QTemporaryDir dir;
        const QString json = dir.filePath("profile.json"), trace = dir.filePath("trace.json");
        CliResult r = runCli({"profile", modelFile("example_cnn"), "--warmup", "1", "--runs", "5", "--json",
                              json, "--trace", trace, "--threads", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("overhead"));
        const QJsonObject root = readJson(json);
        for (const char* key : {"total_ms", "node_sum_ms", "between_nodes_ms", "unprofiled_ms",
                                "profiler_overhead", "nodes", "op_types", "created", "onnxscope_version"})
            QVERIFY2(root.contains(key), key);
        // The versioned document README describes: which schema, the model file's hash, where
        // and how it ran.
        QCOMPARE(root["schema"].toString(), QString("onnxscope-profile"));
        QCOMPARE(root["version"].toInt(), 1);
        QFile model(modelFile("example_cnn"));
        QVERIFY(model.open(QIODevice::ReadOnly));
        QCOMPARE(root["model_sha256"].toString(),
                 QString(QCryptographicHash::hash(model.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(root["backend"].toString(), QString("cpu"));
        QCOMPARE(root["threads"].toInt(), 1);
        QCOMPARE(root["runs"].toInt(), 5);
        const QJsonObject machine = root["machine"].toObject();
        QVERIFY(!machine["cpu"].toString().isEmpty());
        QVERIFY(machine["cores"].toInt() >= 1);
        QVERIFY(machine.contains("host") && machine.contains("os"));
        const double total = root["total_ms"].toDouble();
        QVERIFY(total > 0);
        // Node times are measured inside the run, so they cannot exceed its wall time; the rest
        // is reported as time between nodes, so nothing is hidden.
        QVERIFY(root["node_sum_ms"].toDouble() <= total * 1.001);
        QVERIFY(root["between_nodes_ms"].toDouble() >= 0);
        QVERIFY(std::abs(root["node_sum_ms"].toDouble() + root["between_nodes_ms"].toDouble() - total) <=
                    total * 0.001 ||
                root["node_sum_ms"].toDouble() > total);
        QVERIFY(r.out.contains("(between nodes)"));
        QVERIFY(root["profiler_overhead"].toDouble() > 0);
        const QJsonArray nodes = root["nodes"].toArray();
        QVERIFY(!nodes.isEmpty());
        QStringList opTypes;
        for (const QJsonValue& v : nodes) {
            const QJsonObject node = v.toObject();
            for (const char* key :
                 {"name", "op_type", "backend", "implementation", "median_ms", "min_ms", "max_ms"})
                QVERIFY2(node.contains(key), key);
            QCOMPARE(node["runs"].toInt(), 5);
            QVERIFY(node["min_ms"].toDouble() <= node["median_ms"].toDouble());
            QVERIFY(node["median_ms"].toDouble() <= node["max_ms"].toDouble());
            opTypes << node["op_type"].toString();
        }
        QVERIFY(opTypes.contains("Conv"));
        QVERIFY(root["op_types"].toObject().contains("Conv"));
        const QJsonArray events = readJson(trace)["traceEvents"].toArray();
        // Only the profiled half of the alternating runs is traced.
        QCOMPARE(events.size(), nodes.size() * 5);
    }

    void profileRefusesBadRunCount() {
        CliResult r = runCli({"profile", modelFile("example_cnn"), "--runs", "0"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--runs"));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
