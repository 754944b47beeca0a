// onnxscope-cli conformance DIR: runs ONNX backend node tests (model.onnx + test_data_set_*)
// and prints PASS/FAIL per test, then "N passed, M failed". Each test runs in a child process
// so a crashing kernel fails only its test.
#include "cli_commands.h"
#include "cli_engine_options.h"
#include "cli_util.h"

#include "exec/conformance.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace onnxscope;

int runConformanceCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Run ONNX backend conformance tests from DIR (a folder of test_* folders, "
               "or one test folder)."));
    parser.addHelpOption();
    parser.addPositionalArgument("DIR",
                                 QCoreApplication::translate("cli", "Test folder or folder of tests."));
    parser.addOption({"backend", QCoreApplication::translate("cli", "Backend to run on (cpu)."),
                      QCoreApplication::translate("cli", "NAME"), "cpu"});
    parser.addOption({"threads", QCoreApplication::translate("cli", "Threads per test."),
                      QCoreApplication::translate("cli", "N"), "1"});
    parser.addOption({"json", QCoreApplication::translate("cli", "Print the results as JSON.")});
    parser.addOption({"filter",
                      QCoreApplication::translate("cli", "Run only tests whose name matches REGEX."),
                      QCoreApplication::translate("cli", "REGEX")});
    parser.addOption({"failures-only", QCoreApplication::translate("cli", "Print only failing tests.")});
    parser.addOption({"timeout", QCoreApplication::translate("cli", "Seconds before a test counts as hung."),
                      QCoreApplication::translate("cli", "SECONDS"), "60"});
    parser.addOption(
        {"no-isolate", QCoreApplication::translate("cli", "Run tests in this process (for debuggers).")});
    parser.addOption({"min-pass-rate",
                      QCoreApplication::translate("cli", "Exit 0 when at least this fraction of tests pass "
                                                         "(default: all must pass)."),
                      QCoreApplication::translate("cli", "FRACTION")});
    if (const auto done = cli::parseCommandLine(parser, "conformance", args))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cli::fail(cli::UsageError, QCoreApplication::translate("cli", "conformance needs one DIR"));

    ConformanceOptions options;
    auto backends = cli::backendsFor(parser.value("backend"));
    if (!backends.ok())
        return cli::fail(cli::UsageError, cli::fromStd(backends.message()));
    options.backends = std::move(backends).value();
    bool ok = false;
    options.threads = parser.value("threads").toInt(&ok);
    if (!ok || options.threads < 1)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate("cli", "--threads needs a positive number"));
    options.timeoutSeconds = parser.value("timeout").toDouble(&ok);
    if (!ok || options.timeoutSeconds <= 0)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate("cli", "--timeout needs a positive number"));
    double minPassRate = 1.0;
    if (parser.isSet("min-pass-rate")) {
        minPassRate = parser.value("min-pass-rate").toDouble(&ok);
        if (!ok || minPassRate < 0 || minPassRate > 1)
            return cli::fail(cli::UsageError, QCoreApplication::translate(
                                                  "cli", "--min-pass-rate needs a fraction between 0 and 1"));
    }
    QRegularExpression filter;
    if (parser.isSet("filter")) {
        filter.setPattern(parser.value("filter"));
        if (!filter.isValid())
            return cli::fail(
                cli::UsageError,
                QCoreApplication::translate("cli", "invalid --filter: %1").arg(filter.errorString()));
    }

    const QString dir = parser.positionalArguments().first();
    const auto tests = findConformanceTests(dir.toStdString());
    if (tests.empty())
        return cli::fail(
            cli::ReadError,
            QCoreApplication::translate("cli", "no tests (folders with model.onnx) in %1").arg(dir));
    const bool json = parser.isSet("json");
    const bool isolate = !parser.isSet("no-isolate");
    const bool failuresOnly = parser.isSet("failures-only");
    int passed = 0, failed = 0;
    int64_t nodeRuns = 0, deviceNodeRuns = 0;
    QJsonArray results;
    for (const auto& test : tests) {
        const QString name = QString::fromStdString(test.filename().string());
        if (parser.isSet("filter") && !filter.match(name).hasMatch())
            continue;
        const ConformanceResult r =
            isolate ? runConformanceTestIsolated(test, options) : runConformanceTest(test, options);
        (r.passed ? passed : failed) += 1;
        nodeRuns += r.nodeRuns;
        deviceNodeRuns += r.deviceNodeRuns;
        if (json) {
            QJsonObject o;
            o["name"] = name;
            o["passed"] = r.passed;
            o["reason"] = cli::fromStd(r.reason);
            o["seconds"] = r.seconds;
            if (!options.backends.empty()) {
                o["node_runs"] = r.nodeRuns;
                o["device_node_runs"] = r.deviceNodeRuns;
            }
            results.append(o);
        } else if (!r.passed || !failuresOnly) {
            cli::out() << (r.passed ? "PASS " : "FAIL ") << name;
            if (!r.reason.empty())
                cli::out() << ": " << cli::fromStd(r.reason);
            cli::out() << Qt::endl;
        }
    }
    QString summary = QCoreApplication::translate("cli", "%1 passed, %2 failed").arg(passed).arg(failed);
    // The pass rate alone does not say how much of it the device earned.
    if (!options.backends.empty())
        summary += QCoreApplication::translate("cli", "; %1 of %2 node runs on %3")
                       .arg(deviceNodeRuns)
                       .arg(nodeRuns)
                       .arg(parser.value("backend"));
    if (json) {
        QJsonObject o;
        o["tests"] = results;
        o["passed"] = passed;
        o["failed"] = failed;
        if (!options.backends.empty()) {
            o["node_runs"] = qint64(nodeRuns);
            o["device_node_runs"] = qint64(deviceNodeRuns);
        }
        cli::out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        cli::out().flush();
        cli::err() << summary << Qt::endl;
    } else {
        cli::out() << summary << Qt::endl;
    }
    const int total = passed + failed;
    if (total == 0)
        return cli::fail(cli::UsageError, QCoreApplication::translate("cli", "no test matched the filter"));
    if (failed == 0)
        return cli::Ok;
    if (parser.isSet("min-pass-rate") && static_cast<double>(passed) / total >= minPassRate)
        return cli::Ok;
    return 1;
}
