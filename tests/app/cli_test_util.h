// Runs the built onnxscope-cli (path in ONNXSCOPE_CLI) in the C locale and captures its output.
#pragma once

#include <QProcess>
#include <QStringList>

namespace onnxscope::test {

struct CliResult {
    int exitCode = -1;
    QByteArray out, err;
};

// extraEnvironment: NAME=VALUE pairs set for this run only.
inline CliResult runCli(const QStringList& args, int timeoutMs = 300000,
                        const QStringList& extraEnvironment = {}) {
    QProcess p;
    p.setProgram(ONNXSCOPE_CLI);
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LANG", "C");
    env.insert("LC_ALL", "C");
    env.insert("LANGUAGE", "en");
    for (const QString& pair : extraEnvironment)
        env.insert(pair.section('=', 0, 0), pair.section('=', 1));
    p.setProcessEnvironment(env);
    p.start();
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace onnxscope::test
