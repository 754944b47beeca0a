#include "translation_loader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace onnxscope {

namespace {
const QStringList kShipped = {QStringLiteral("en"), QStringLiteral("ko")};

QList<QPointer<QTranslator>>& installed() {
    static QList<QPointer<QTranslator>> translators;
    return translators;
}
} // namespace

QList<TranslationLoader::Language> TranslationLoader::availableLanguages() {
    return {
        {QString(), tr("System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ko"), QStringLiteral("한국어")},
    };
}

QString TranslationLoader::resolve(const QString& override, const QLocale& system) {
    if (kShipped.contains(override))
        return override;
    for (const QString& name : system.uiLanguages()) {
        const QString language =
            name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (kShipped.contains(language))
            return language;
    }
    return QStringLiteral("en");
}

bool TranslationLoader::install(QCoreApplication* app, const QString& code) {
    for (const auto& translator : installed()) {
        if (translator) {
            app->removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();

    QLocale::setDefault(QLocale(code));
    bool ok = true;
    auto* own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/onnxscope_%1.qm").arg(code))) {
        app->installTranslator(own);
        installed().append(own);
    } else {
        delete own;
        ok = code == QLatin1String("en"); // English is the source language and needs no catalogue
    }

    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app->installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
    return ok;
}

} // namespace onnxscope
