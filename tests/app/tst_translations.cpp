// The Korean catalogue is complete and current: no message unfinished or empty, and no tr()
// string in app/ or views/ missing from it (checked by running lupdate on a temporary copy).
// Also checks that the embedded catalogue really translates (for the GUI and the CLI, which share
// it through onnxscope_app_common) and the language choice logic.
#include "translation_loader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace onnxscope;

namespace {

struct Problem {
    QString context;
    QString source;
    QString why;
};

// Lists messages whose translation is unfinished or empty. Vanished and obsolete entries
// are ignored: they no longer appear in the program.
QList<Problem> incompleteMessages(const QString& tsPath, bool pluralOnly, QString* error) {
    QList<Problem> problems;
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(tsPath);
        return problems;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            source.clear();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                xml.skipCurrentElement();
                continue;
            }
            if (pluralOnly && !numerus) {
                xml.skipCurrentElement();
                continue;
            }
            const bool unfinished = type == QLatin1String("unfinished");
            if (unfinished)
                problems.append({context, source, QStringLiteral("unfinished")});
            QStringList forms;
            if (numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                forms << xml.readElementText();
            }
            if (!unfinished &&
                (forms.isEmpty() || std::any_of(forms.begin(), forms.end(),
                                                [](const QString& f) { return f.trimmed().isEmpty(); })))
                problems.append({context, source, QStringLiteral("empty")});
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(tsPath).arg(xml.lineNumber()).arg(xml.errorString());
    return problems;
}

QString describe(const QList<Problem>& problems) {
    QStringList lines;
    for (const auto& p : problems)
        lines << QStringLiteral("  [%1] %2: \"%3\"").arg(p.why, p.context, p.source);
    return lines.join(QLatin1Char('\n'));
}

const QString kSourceDir = QStringLiteral(ONNXSCOPE_SOURCE_DIR);

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void koreanCatalogueIsComplete();
    void englishPluralsAreComplete();
    void catalogueCoversEveryTrString_data();
    void catalogueCoversEveryTrString();
    void embeddedCatalogueTranslates();
    void languageResolution();
};

void TestTranslations::koreanCatalogueIsComplete() {
    QString error;
    const auto problems =
        incompleteMessages(kSourceDir + QStringLiteral("/translations/onnxscope_ko.ts"), false, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("onnxscope_ko.ts has %1 incomplete message(s):\n%2")
                            .arg(problems.size())
                            .arg(describe(problems))));
}

void TestTranslations::englishPluralsAreComplete() {
    QString error;
    const auto problems =
        incompleteMessages(kSourceDir + QStringLiteral("/translations/onnxscope_en.ts"), true, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestTranslations::catalogueCoversEveryTrString_data() {
    QTest::addColumn<QString>("ts");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("ko") << QStringLiteral("onnxscope_ko.ts") << false;
    QTest::newRow("en") << QStringLiteral("onnxscope_en.ts") << true;
}

void TestTranslations::catalogueCoversEveryTrString() {
    QFETCH(QString, ts);
    QFETCH(bool, pluralOnly);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(ts);
    QVERIFY(QFile::copy(kSourceDir + QStringLiteral("/translations/") + ts, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // The same invocation as packaging/update-translations.sh, on a copy: every string lupdate
    // has to add shows up as unfinished.
    QStringList args = {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                        QStringLiteral("-source-language"), QStringLiteral("en")};
    if (pluralOnly)
        args << QStringLiteral("-pluralonly");
    args << kSourceDir + QStringLiteral("/app") << kSourceDir + QStringLiteral("/views")
         << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(ONNXSCOPE_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAllStandardError().constData());

    QString error;
    const auto problems = incompleteMessages(copy, pluralOnly, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("%1 lacks %2 string(s) from the code; run packaging/update-translations.sh "
                                  "and translate them:\n%3")
                       .arg(ts)
                       .arg(problems.size())
                       .arg(describe(problems))));
}

void TestTranslations::embeddedCatalogueTranslates() {
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/onnxscope_ko.qm")));
    const QString file = translator.translate("onnxscope::MainWindow", "&File");
    QVERIFY(!file.isEmpty());
    QVERIFY(file != QLatin1String("&File"));
    QVERIFY2(file.contains(QStringLiteral("파일")), qPrintable(file));
    QVERIFY(!translator.translate("onnxscope::ModelOverviewPanel", "Operators").isEmpty());
    // The headless CLI embeds the same catalogue (onnxscope_app_common), "cli" context included.
    QCOMPARE(translator.translate("cli", "Commands:"), QStringLiteral("명령:"));

    QVERIFY(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("ko")));
    QCOMPARE(QCoreApplication::translate("onnxscope::MainWindow", "&File"), file);
    // The plural form with %n goes through the Korean numerus rule (one form).
    const QString loaded =
        QCoreApplication::translate("onnxscope::MainWindow", "Loaded %1 in %2 ms: %n node(s).", nullptr, 3);
    QVERIFY2(loaded.contains(QLatin1Char('3')) && loaded != QLatin1String("Loaded %1 in %2 ms: 3 node(s)."),
             qPrintable(loaded));
    QVERIFY(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("onnxscope::MainWindow", "&File"), QStringLiteral("&File"));
    QCOMPARE(
        QCoreApplication::translate("onnxscope::MainWindow", "Loaded %1 in %2 ms: %n node(s).", nullptr, 1),
        QStringLiteral("Loaded %1 in %2 ms: 1 node."));
}

void TestTranslations::languageResolution() {
    QCOMPARE(TranslationLoader::resolve(QStringLiteral("ko"), QLocale(QStringLiteral("de_DE"))),
             QStringLiteral("ko"));
    QCOMPARE(TranslationLoader::resolve(QString(), QLocale(QStringLiteral("ko_KR"))), QStringLiteral("ko"));
    QCOMPARE(TranslationLoader::resolve(QString(), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    QCOMPARE(TranslationLoader::resolve(QStringLiteral("xx"), QLocale(QStringLiteral("en_US"))),
             QStringLiteral("en"));
    const auto languages = TranslationLoader::availableLanguages();
    QCOMPARE(languages.size(), 3);
    QVERIFY(languages[0].code.isEmpty());
    QCOMPARE(languages[2].nativeName, QStringLiteral("한국어"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
