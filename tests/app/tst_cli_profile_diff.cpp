// onnxscope-cli profile-diff end to end: two real profiles of an exported model compared as a
// table and as JSON, and --fail-above gating on the total and on single nodes (exit status 4).
// The gating cases edit a copy of a real profile, so that their ratios are known exactly.
#include "cli_test_util.h"

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

const QString kModel = QStringLiteral(ONNXSCOPE_TEST_MODELS_DIR "/example_cnn.onnx");

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList names(const QJsonArray& array) {
    QStringList result;
    for (const QJsonValue& v : array)
        result << v.toString();
    return result;
}

} // namespace

class TestCliProfileDiff : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_a, m_b;
    QJsonObject m_profile; // A, parsed

    QString writeVariant(const QString& name, const QJsonObject& document) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(document).toJson()) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // A's document with one node's median time multiplied; returns the node's name.
    QString slowDownSlowestNode(QJsonObject& document, double factor) {
        QJsonArray nodes = document["nodes"].toArray();
        qsizetype slowest = 0;
        for (qsizetype i = 0; i < nodes.size(); ++i)
            if (nodes[i].toObject()["median_ms"].toDouble() >
                nodes[slowest].toObject()["median_ms"].toDouble())
                slowest = i;
        QJsonObject node = nodes[slowest].toObject();
        node["median_ms"] = node["median_ms"].toDouble() * factor;
        nodes[slowest] = node;
        document["nodes"] = nodes;
        return node["name"].toString();
    }

    QJsonObject diffJson(const QStringList& extra, int expectedExit) {
        CliResult r = runCli(QStringList{"profile-diff"} + extra + QStringList{"--json"});
        if (r.exitCode != expectedExit)
            qWarning("exit %d, expected %d: %s", r.exitCode, expectedExit, r.err.constData());
        return r.exitCode == expectedExit ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_a = m_dir.filePath("a.json");
        m_b = m_dir.filePath("b.json");
        // Two real profiles of one model, as a CI job would take them before and after a change.
        for (const QString& path : {m_a, m_b}) {
            CliResult r =
                runCli({"profile", kModel, "--warmup", "1", "--runs", "3", "--threads", "1", "--json", path});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        m_profile = readJson(m_a);
        QVERIFY(!m_profile["nodes"].toArray().isEmpty());
    }

    void tableNamesEveryNodeAndTheTotals() {
        CliResult r = runCli({"profile-diff", m_a, m_b});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Total (median run):"));
        QVERIFY(r.out.contains("Node sum:"));
        for (const QJsonValue& v : m_profile["nodes"].toArray())
            QVERIFY2(r.out.contains(v.toObject()["name"].toString().left(32).toUtf8()),
                     qPrintable(v.toObject()["name"].toString()));
        QVERIFY(!r.out.contains("Only in"));
        QVERIFY(!r.out.contains("different model files"));
    }

    void jsonHasEveryKey() {
        const QJsonObject o = diffJson({m_a, m_b}, 0);
        QCOMPARE(o["schema"].toString(), QString("onnxscope-profile-diff"));
        QCOMPARE(o["version"].toInt(), 1);
        QVERIFY(o["same_model"].toBool());
        QCOMPARE(o["a"].toObject()["path"].toString(), m_a);
        QCOMPARE(o["a"].toObject()["model_sha256"].toString(), m_profile["model_sha256"].toString());
        QCOMPARE(o["b"].toObject()["backend"].toString(), QString("cpu"));
        for (const char* key : {"total", "node_sum"}) {
            const QJsonObject times = o[key].toObject();
            for (const char* field : {"a_ms", "b_ms", "delta_ms", "ratio"})
                QVERIFY2(times.contains(field), field);
        }
        QCOMPARE(o["total"].toObject()["a_ms"].toDouble(), m_profile["total_ms"].toDouble());
        const QJsonArray nodes = o["nodes"].toArray();
        QCOMPARE(nodes.size(), m_profile["nodes"].toArray().size());
        double previous = INFINITY;
        for (const QJsonValue& v : nodes) {
            const QJsonObject node = v.toObject();
            for (const char* key : {"name", "op_type", "a_ms", "b_ms", "delta_ms", "ratio"})
                QVERIFY2(node.contains(key), key);
            const double change = std::abs(node["delta_ms"].toDouble());
            QVERIFY2(change <= previous, "nodes are sorted by the largest absolute change");
            previous = change;
        }
        QVERIFY(o["only_in_a"].toArray().isEmpty() && o["only_in_b"].toArray().isEmpty());
        QVERIFY(o["fail_above"].isNull());
        QVERIFY(!o["total_exceeded"].toBool());
        QVERIFY(o["exceeded_nodes"].toArray().isEmpty());
    }

    void slowerNodeFailsAboveThreshold() {
        QJsonObject document = m_profile;
        const QString slow = slowDownSlowestNode(document, 2.0);
        const QString b = writeVariant("slower_node.json", document);

        QJsonObject o = diffJson({m_a, b, "--fail-above", "1.5"}, 4);
        QCOMPARE(names(o["exceeded_nodes"].toArray()), QStringList{slow});
        QVERIFY(!o["total_exceeded"].toBool());
        const QJsonObject first = o["nodes"].toArray().first().toObject();
        QCOMPARE(first["name"].toString(), slow);
        QVERIFY(std::abs(first["ratio"].toDouble() - 2.0) < 1e-9);

        QCOMPARE(runCli({"profile-diff", m_a, b, "--fail-above", "2.5"}).exitCode, 0);
        // A node below --min-ms in both profiles does not gate.
        const QString minMs = QString::number(first["b_ms"].toDouble() * 1.01 + 1e-6, 'g', 12);
        QCOMPARE(runCli({"profile-diff", m_a, b, "--fail-above", "1.5", "--min-ms", minMs}).exitCode, 0);

        CliResult text = runCli({"profile-diff", m_a, b, "--fail-above", "1.5"});
        QCOMPARE(text.exitCode, 4);
        QVERIFY2(text.out.contains("Above --fail-above 1.5: " + slow.toUtf8()), text.out.constData());
    }

    void slowerTotalFailsAboveThreshold() {
        QJsonObject document = m_profile;
        document["total_ms"] = m_profile["total_ms"].toDouble() * 1.25;
        const QString b = writeVariant("slower_total.json", document);
        const QJsonObject o = diffJson({m_a, b, "--fail-above", "1.2"}, 4);
        QVERIFY(o["total_exceeded"].toBool());
        QVERIFY(o["exceeded_nodes"].toArray().isEmpty());
        QVERIFY(std::abs(o["total"].toObject()["ratio"].toDouble() - 1.25) < 1e-9);
        QCOMPARE(runCli({"profile-diff", m_a, b, "--fail-above", "1.3"}).exitCode, 0);
    }

    void unmatchedNodesAreListed() {
        QJsonObject document = m_profile;
        QJsonArray nodes = document["nodes"].toArray();
        QJsonObject renamed = nodes[0].toObject();
        const QString original = renamed["name"].toString();
        renamed["name"] = QStringLiteral("renamed_node");
        nodes[0] = renamed;
        document["nodes"] = nodes;
        document["model_sha256"] = QStringLiteral("0000");
        const QString b = writeVariant("renamed.json", document);

        const QJsonObject o = diffJson({m_a, b}, 0);
        QCOMPARE(names(o["only_in_a"].toArray()), QStringList{original});
        QCOMPARE(names(o["only_in_b"].toArray()), QStringList{"renamed_node"});
        QVERIFY(!o["same_model"].toBool());
        QCOMPARE(o["nodes"].toArray().size(), nodes.size() - 1);
        CliResult text = runCli({"profile-diff", m_a, b});
        QVERIFY(text.out.contains("Only in B: renamed_node"));
        QVERIFY(text.out.contains("different model files"));
    }

    void refusesWhatIsNotAProfile() {
        const QString info = m_dir.filePath("info.json");
        QFile file(info);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(runCli({"info", kModel, "--json"}).out);
        file.close();
        CliResult r = runCli({"profile-diff", m_a, info});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not an onnxscope profile") && r.err.contains("info.json"),
                 r.err.constData());

        QJsonObject future = m_profile;
        future["version"] = 2;
        r = runCli({"profile-diff", writeVariant("future.json", future), m_b});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("version 2"), r.err.constData());

        QCOMPARE(runCli({"profile-diff", m_a, m_dir.filePath("missing.json")}).exitCode, 2);
        QCOMPARE(runCli({"profile-diff", m_a}).exitCode, 1);
        r = runCli({"profile-diff", m_a, m_b, "--fail-above", "fast"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--fail-above"));
    }
};

QTEST_GUILESS_MAIN(TestCliProfileDiff)
#include "tst_cli_profile_diff.moc"
