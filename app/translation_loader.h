// Chooses the UI language and installs the matching translators.
//
// The language follows the system locale unless the user picked one in Settings. Our own
// catalogue (:/i18n/onnxscope_<lang>.qm, built from translations/*.ts) is embedded; Qt's own
// catalogue (qtbase_<lang>.qm, for standard dialogs and buttons) is loaded from the Qt
// installation when present.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

namespace onnxscope {

class TranslationLoader {
    Q_DECLARE_TR_FUNCTIONS(onnxscope::TranslationLoader)

public:
    struct Language {
        QString code;       // "" for the system language
        QString nativeName; // shown untranslated so users can find their language
    };

    // The choices offered in Settings, "System" first.
    static QList<Language> availableLanguages();
    // The language to use: the override when it is one we ship, else the first of the system's
    // UI languages we ship, else English.
    static QString resolve(const QString& override, const QLocale& system = QLocale::system());
    // Installs translators for `code` on the application (replacing earlier ones installed by
    // this function) and sets the default QLocale. Returns false when our catalogue for a
    // non-English language could not be loaded.
    static bool install(QCoreApplication* app, const QString& code);
};

} // namespace onnxscope
