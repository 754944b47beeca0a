// The ONNX backend node tests (../shared/onnx-tests, when present) run in-process through the
// conformance runner, each in a child process. Built only with the sanitizers: there a heap
// overflow, use-after-free or undefined behaviour in any kernel aborts its child, which shows
// here as a crash naming the test. The regular build runs the same suites through
// `onnxscope-cli conformance` for their pass rates.
#include "exec/conformance.h"

#include <QTest>

#include <filesystem>

using namespace onnxscope;

class TestSanitizedConformance : public QObject {
    Q_OBJECT
private slots:
    void nodeSuiteRunsCleanUnderSanitizers_data();
    void nodeSuiteRunsCleanUnderSanitizers();
};

void TestSanitizedConformance::nodeSuiteRunsCleanUnderSanitizers_data() {
    QTest::addColumn<QString>("suite");
    QTest::newRow("node") << QStringLiteral("node");
    QTest::newRow("node-1.12") << QStringLiteral("node-1.12");
}

void TestSanitizedConformance::nodeSuiteRunsCleanUnderSanitizers() {
    QFETCH(QString, suite);
    const std::filesystem::path dir =
        std::filesystem::path(ONNXSCOPE_SHARED_DIR) / "onnx-tests" / suite.toStdString();
    if (!std::filesystem::is_directory(dir))
        QSKIP("the shared ONNX test data is not present");
    ConformanceOptions options;
    options.timeoutSeconds = 300; // a Debug build with sanitizers is several times slower
    int passed = 0;
    QStringList crashed, failed;
    const auto tests = findConformanceTests(dir);
    for (const auto& test : tests) {
        const ConformanceResult result = runConformanceTestIsolated(test, options);
        if (result.passed) {
            ++passed;
            continue;
        }
        const QString line = QString::fromStdString(result.name + ": " + result.reason);
        // A sanitizer report aborts the child (or makes it exit without a result); a hang past
        // the timeout is as bad.
        const bool died = result.reason.find("crashed") != std::string::npos ||
                          result.reason.find("timed out") != std::string::npos ||
                          result.reason.find("without a result") != std::string::npos;
        if (died)
            crashed << line;
        else
            failed << line;
    }
    qInfo("%s: %d of %d passed", qPrintable(suite), passed, int(tests.size()));
    for (const QString& line : std::as_const(failed))
        qInfo("failed (a numeric mismatch, not a sanitizer report): %s", qPrintable(line));
    QVERIFY2(crashed.isEmpty(), qPrintable(crashed.join(QLatin1Char('\n'))));
    QVERIFY(!tests.empty());
    // The same bar as the regular build's conformance tests.
    QVERIFY2(double(passed) / double(tests.size()) >= 0.995, qPrintable(failed.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestSanitizedConformance)
#include "sanitized_conformance.moc"
