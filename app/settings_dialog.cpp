#include "settings_dialog.h"

#include "app_settings.h"
#include "translation_loader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace onnxscope {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);

    auto* interfaceBox = new QGroupBox(tr("Interface"), this);
    auto* interfaceForm = new QFormLayout(interfaceBox);
    m_language = new QComboBox(interfaceBox);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const auto& language : TranslationLoader::availableLanguages())
        m_language->addItem(language.nativeName, language.code);
    m_initialLanguage = AppSettings::language();
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_initialLanguage)));
    interfaceForm->addRow(tr("&Language:"), m_language);
    m_restartNote = new QLabel(tr("The new language is used after ONNX Scope restarts."), interfaceBox);
    m_restartNote->setWordWrap(true);
    m_restartNote->setVisible(false);
    interfaceForm->addRow(m_restartNote);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { m_restartNote->setVisible(m_language->currentData().toString() != m_initialLanguage); });
    layout->addWidget(interfaceBox);

    auto* execution = new QGroupBox(tr("Execution"), this);
    auto* executionForm = new QFormLayout(execution);
    m_backend = new QComboBox(execution);
    m_backend->setObjectName(QStringLiteral("backendCombo"));
    m_backend->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_backend->addItem(tr("OpenCL"), QStringLiteral("opencl"));
    m_backend->setCurrentIndex(qMax(0, m_backend->findData(AppSettings::backend())));
    executionForm->addRow(tr("Default &backend:"), m_backend);
    m_threads = new QSpinBox(execution);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(0, qMax(256, QThread::idealThreadCount()));
    m_threads->setSpecialValueText(tr("Automatic (%1)").arg(QThread::idealThreadCount()));
    m_threads->setValue(AppSettings::threads());
    executionForm->addRow(tr("CPU &threads:"), m_threads);
    layout->addWidget(execution);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::accept() {
    const QString language = m_language->currentData().toString();
    m_languageChanged = language != m_initialLanguage;
    AppSettings::setLanguage(language);
    AppSettings::setBackend(m_backend->currentData().toString());
    AppSettings::setThreads(m_threads->value());
    QDialog::accept();
}

} // namespace onnxscope
