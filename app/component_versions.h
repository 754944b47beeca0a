// Versions of the libraries this build uses, and the OpenCL devices present, for the About
// dialog and bug reports.
//
// Optional libraries (Graphviz, oneDNN, OpenCL, CLBlast) report "not linked" when the build
// went without them, so a report always shows what the binary can actually do.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace onnxscope {

class ComponentVersions {
    Q_DECLARE_TR_FUNCTIONS(onnxscope::ComponentVersions)

public:
    // (component, version) pairs; safe to call on the UI thread (no device probing).
    static QList<QPair<QString, QString>> libraries();
    // "Platform: Device (type)" lines. Probing an ICD can take a while: call it off the UI thread.
    // An empty list with a message in `error` when OpenCL is missing or reports no platform.
    static QStringList openClDevices(QString* error = nullptr);
};

} // namespace onnxscope
