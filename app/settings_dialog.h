// The Settings dialog: interface language and the execution defaults (backend, threads).
//
// It edits AppSettings directly when accepted. A language change applies at the next start,
// since widgets built by other modules do not all retranslate live.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace onnxscope {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // True after accept() when the language differs from the one the dialog opened with.
    bool languageChanged() const { return m_languageChanged; }

    void accept() override;

private:
    QComboBox* m_language = nullptr;
    QComboBox* m_backend = nullptr;
    QSpinBox* m_threads = nullptr;
    QLabel* m_restartNote = nullptr;
    QString m_initialLanguage;
    bool m_languageChanged = false;
};

} // namespace onnxscope
