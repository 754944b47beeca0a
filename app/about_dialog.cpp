#include "about_dialog.h"

#include "component_versions.h"
#include "themed_icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace onnxscope {

namespace {
struct DeviceProbe {
    QStringList devices;
    QString error;
};
} // namespace

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("About ONNX Scope"));
    setMinimumWidth(480);
    auto* layout = new QVBoxLayout(this);

    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(ThemedIcons::applicationIcon().pixmap(64, 64));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto* title = new QLabel(this);
    title->setText(
        QStringLiteral("<h2>ONNX Scope %1</h2><p>%2</p>")
            .arg(QStringLiteral(ONNXSCOPE_VERSION),
                 tr("Browse, run step by step, profile and compare ONNX models.").toHtmlEscaped()));
    title->setWordWrap(true);
    header->addWidget(title, 1);
    layout->addLayout(header);

    auto* libraries = new QGroupBox(tr("Libraries"), this);
    auto* form = new QFormLayout(libraries);
    QStringList lines;
    for (const auto& [name, version] : ComponentVersions::libraries()) {
        auto* value = new QLabel(version, libraries);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(name + QLatin1Char(':'), value);
        lines << name + QStringLiteral(": ") + version;
    }
    m_libraryText = lines.join(QLatin1Char('\n'));
    layout->addWidget(libraries);

    auto* devices = new QGroupBox(tr("OpenCL devices"), this);
    auto* devicesLayout = new QVBoxLayout(devices);
    m_devices = new QPlainTextEdit(devices);
    m_devices->setReadOnly(true);
    m_devices->setPlainText(tr("Looking for OpenCL devices…"));
    m_devices->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    devicesLayout->addWidget(m_devices);
    layout->addWidget(devices);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("Copy to Clipboard"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(reportText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    probeDevices();
}

void AboutDialog::probeDevices() {
    // An ICD (pocl in particular) may take a second to initialise; keep the dialog responsive.
    auto* watcher = new QFutureWatcher<DeviceProbe>(this);
    connect(watcher, &QFutureWatcher<DeviceProbe>::finished, this, [this, watcher] {
        const DeviceProbe probe = watcher->result();
        watcher->deleteLater();
        m_devices->setPlainText(probe.devices.isEmpty() ? probe.error
                                                        : probe.devices.join(QLatin1Char('\n')));
        emit devicesProbed();
    });
    watcher->setFuture(QtConcurrent::run([] {
        DeviceProbe probe;
        probe.devices = ComponentVersions::openClDevices(&probe.error);
        return probe;
    }));
}

QString AboutDialog::reportText() const {
    return m_libraryText + QStringLiteral("\n%1\n").arg(tr("OpenCL devices:")) + m_devices->toPlainText();
}

} // namespace onnxscope
