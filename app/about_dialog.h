// The About dialog: what ONNX Scope is, and the versions of Qt, ONNX, protobuf and the optional
// backends (Graphviz, oneDNN, CLBlast, OpenCL devices) this build runs with.
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace onnxscope {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // Everything shown, as plain text (the Copy button and tests use it).
    QString reportText() const;

signals:
    // Emitted once the OpenCL probe (run on a worker thread) has finished.
    void devicesProbed();

private:
    void probeDevices();

    QString m_libraryText;
    QPlainTextEdit* m_devices = nullptr;
};

} // namespace onnxscope
