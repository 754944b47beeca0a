// Subcommands of onnxscope-cli. Each takes the arguments after the subcommand name and returns
// the process exit code: 0 success, 1 usage error, 2 a model or file that cannot be read,
// 3 a comparison mismatch (compare), 4 a profile diff past its --fail-above threshold.
#pragma once

#include <QStringList>

int runInfoCommand(const QStringList& args);
int runMetaCommand(const QStringList& args);
int runConformanceCommand(const QStringList& args);
int runRunCommand(const QStringList& args);
int runProfileCommand(const QStringList& args);
int runCompareCommand(const QStringList& args);
int runDiffCommand(const QStringList& args);
int runDevicesCommand(const QStringList& args);
int runProfileDiffCommand(const QStringList& args);
// Starts onnxscope-cli-layout, which runs runLayoutInProcess, or says this build has no layout
// support: the layout code needs Qt Gui and the views library, which onnxscope-cli never links.
int runLayoutCommand(const QStringList& args);
int runLayoutInProcess(const QStringList& args);
