// onnxscope-cli end to end: info (text and JSON keys), meta edits saved and re-read, exit codes,
// messages in Korean, and `layout` where the build has its helper (a clear refusal where not).
#include "cli_test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using onnxscope::test::CliResult;
using onnxscope::test::runCli;

namespace {

QString model(const char* name) {
    return QString(ONNXSCOPE_TEST_MODELS_DIR) + "/" + name + ".onnx";
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void infoJsonHasEveryKey() {
        CliResult r = runCli({"info", model("transformer_encoder"), "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (const char* key :
             {"ir_version", "opset_import", "producer_name", "producer_version", "graph_name", "node_count",
              "node_count_total", "op_histogram", "inputs", "outputs", "initializer_count",
              "initializer_bytes", "metadata_props", "functions"})
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o["opset_import"].toObject()["ai.onnx"].toInt(), 17);
        QCOMPARE(o["producer_name"].toString(), QString("pytorch"));
        QJsonArray shape = o["inputs"].toArray().at(0).toObject()["shape"].toArray();
        QCOMPARE(shape.at(0).toString(), QString("batch"));
        QCOMPARE(shape.at(2).toInt(), 64);
        int histogramTotal = 0;
        for (const QJsonValue& v : o["op_histogram"].toObject())
            histogramTotal += v.toInt();
        QCOMPARE(histogramTotal, o["node_count_total"].toInt());
    }

    void infoTextNamesInputsAndOps() {
        CliResult r = runCli({"info", model("example_cnn")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("input: float [1,3,32,32]"));
        QVERIFY(r.out.contains("Conv"));
    }

    void exitCodes() {
        QTemporaryDir tmp;
        QFile bad(tmp.filePath("bad.onnx"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("this is not a model at all, just some text\n");
        bad.close();
        CliResult r = runCli({"info", bad.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("bad.onnx"), r.err.constData());
        QCOMPARE(runCli({"info"}).exitCode, 1);
        QCOMPARE(runCli({"frobnicate"}).exitCode, 1);
        CliResult version = runCli({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("onnxscope-cli "));
    }

    void metaEditsAndSaves() {
        QTemporaryDir tmp;
        QString out = tmp.filePath("edited.onnx");
        CliResult r = runCli({"meta", model("example_cnn"), "-o", out, "--set", "author=ci", "--set",
                              "license=MIT", "--producer", "onnxscope-test", "--doc", "edited by a test"});
        QCOMPARE(r.exitCode, 0);
        QJsonObject o = QJsonDocument::fromJson(runCli({"info", out, "--json"}).out).object();
        QCOMPARE(o["metadata_props"].toObject()["author"].toString(), QString("ci"));
        QCOMPARE(o["metadata_props"].toObject()["license"].toString(), QString("MIT"));
        QCOMPARE(o["producer_name"].toString(), QString("onnxscope-test"));

        QString out2 = tmp.filePath("unset.onnx");
        QCOMPARE(runCli({"meta", out, "-o", out2, "--unset", "author"}).exitCode, 0);
        o = QJsonDocument::fromJson(runCli({"info", out2, "--json"}).out).object();
        QVERIFY(!o["metadata_props"].toObject().contains("author"));
        QVERIFY(o["metadata_props"].toObject().contains("license"));

        // A refused edit writes nothing.
        QString out3 = tmp.filePath("never.onnx");
        CliResult refused = runCli({"meta", out2, "-o", out3, "--unset", "no-such-key"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(!QFile::exists(out3));
        QVERIFY(refused.err.contains("no-such-key"));
    }

    // The catalogue is embedded in the headless CLI too: a Korean system gets Korean messages.
    void speaksTheSystemLanguage() {
        QTemporaryDir config; // no Settings override from the user running the tests
        CliResult r = runCli(
            {"--help"}, 60000,
            {"LANGUAGE=ko", "LANG=ko_KR.UTF-8", "LC_ALL=ko_KR.UTF-8", "XDG_CONFIG_HOME=" + config.path()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("사용법: onnxscope-cli")),
                 r.out.constData());
        QVERIFY(runCli({"--help"}).out.contains("usage: onnxscope-cli"));
    }

    void layout() {
        CliResult r = runCli({"layout", model("example_cnn"), "--json"});
#ifdef ONNXSCOPE_CLI_HAS_LAYOUT
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(o["nodes"].toInt() > 0, r.out.constData());
        QVERIFY(o["width"].toDouble() > 0 && o["height"].toDouble() > 0);
#else
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no layout support") && r.err.contains("ONNXSCOPE_BUILD_GUI=ON"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
#endif
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
