// A new user's first minutes (issue 20), offscreen on a 1600×1000 screen with no settings yet:
// the window fills the screen, the graph gets most of its width, the first view of resnet18
// shows legible node titles without the minimap hiding any, the debugger follows the current
// node at a readable zoom, the keys are listed in Help ▸ Keyboard Shortcuts, and in Korean Qt's
// own dialog buttons are Korean.
//
// The offscreen platform's screen is 800×600 unless a JSON file configures it; main() below
// writes one and passes it as the platform's configfile option.
#include "app_settings.h"
#include "main_window.h"
#include "translation_loader.h"
#include "views/debugger/debug_controller.h"
#include "views/graph_items.h"
#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/shortcuts_dialog.h"

#include <QDialogButtonBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace onnxscope;

namespace {

const QSize kScreen(1600, 1000);

QString modelPath(const char* name) {
    return QStringLiteral(ONNXSCOPE_TEST_MODELS_DIR "/%1.onnx").arg(QLatin1String(name));
}

bool hasHangul(const QString& text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.script() == QChar::Script_Hangul; });
}

// Node boxes (and closed blocks) under a rectangle of the view's viewport.
int nodesUnder(const GraphView* view, const QRect& viewportRect) {
    int count = 0;
    for (QGraphicsItem* item : view->items(viewportRect)) {
        const int kind = item->data(kItemKindRole).toInt();
        if (kind == int(GraphItemKind::Node) ||
            (kind == int(GraphItemKind::Block) && !static_cast<BlockGraphItem*>(item)->isExpanded()))
            ++count;
    }
    return count;
}

// Tabbed docks behind the current tab stay "visible", moved out of sight.
bool inFront(const QDockWidget* dock) {
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

} // namespace

class TestFirstView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void screenIsConfigured();
    void windowFillsScreenAndGraphOwnsIt();
    void firstViewIsReadable();
    void debuggerFollowsAtReadableZoom();
    void resetLayoutRestoresArrangement();
    void geometryIsRestored();
    void minimapChoiceIsRemembered();
    void shortcutsAreListed();
    void qtDialogsSpeakKorean();

private:
    // Opens a model in a shown window and waits for its first view.
    bool openAndLayOut(MainWindow& window, const QString& path);
    QTemporaryDir m_dir;
};

void TestFirstView::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    QCoreApplication::setOrganizationName(QStringLiteral("onnxscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_first_view"));
    QVERIFY2(QFileInfo::exists(modelPath("resnet18")), qPrintable(modelPath("resnet18")));
}

void TestFirstView::init() {
    QSettings().clear(); // every test is a first start
}

bool TestFirstView::openAndLayOut(MainWindow& window, const QString& path) {
    QSignalSpy laidOut(window.graphPage(), &GraphPage::layoutReady);
    window.openFile(path);
    if (!laidOut.wait(60000))
        return false;
    QCoreApplication::processEvents();
    return true;
}

void TestFirstView::screenIsConfigured() {
    const QScreen* screen = QGuiApplication::primaryScreen();
    QCOMPARE(screen->geometry().size(), kScreen);
    QCOMPARE(screen->logicalDotsPerInchY(), 96.0); // 100% display scale
}

void TestFirstView::windowFillsScreenAndGraphOwnsIt() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndLayOut(window, modelPath("resnet18")));

    const QRect available = window.screen()->availableGeometry();
    const QRect frame = window.frameGeometry();
    const double widthShare = double(frame.width()) / available.width();
    const double heightShare = double(frame.height()) / available.height();
    qInfo("window %dx%d on a %dx%d screen: %.0f%% x %.0f%%", frame.width(), frame.height(), available.width(),
          available.height(), widthShare * 100, heightShare * 100);
    QVERIFY2(widthShare >= 0.9 && heightShare >= 0.9, "the first start does not fill the screen");

    const double graphShare = double(window.graphPage()->view()->width()) / window.width();
    qInfo("graph view %d px of %d: %.0f%%", window.graphPage()->view()->width(), window.width(),
          graphShare * 100);
    QVERIFY2(graphShare >= 0.6, "the graph view gets less than 60% of the window's width");

    // Nothing selected: the overview is in front; a selection brings the properties forward.
    auto* overview = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
    auto* properties = window.findChild<QDockWidget*>(QStringLiteral("propertiesDock"));
    QVERIFY(overview && properties);
    QVERIFY(inFront(overview));
    QVERIFY(!inFront(properties));
    QVERIFY(window.graphPage()->view()->selectNode(0));
    QTRY_VERIFY(inFront(properties));
    QVERIFY(!inFront(overview));
    QCOMPARE(window.graphPage()->view()->width(), qRound(graphShare * window.width()));
}

void TestFirstView::firstViewIsReadable() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy ready(window.debugController(), &DebugController::ready);
    QVERIFY(openAndLayOut(window, modelPath("resnet18")));
    // The debugger sets up its pass after loading; that must leave the first view alone.
    QVERIFY(ready.count() > 0 || ready.wait(60000));
    QCoreApplication::processEvents();
    GraphView* view = window.graphPage()->view();

    // Title text: the font's pixel size on this screen times the zoom.
    const double titlePx = QFontInfo(GraphFonts::standard().title).pixelSize() * view->zoomLevel();
    qInfo("first view: zoom %.2f, node titles %.1f px", view->zoomLevel(), titlePx);
    QVERIFY2(titlePx >= GraphView::kMinTitlePixels, "node titles are too small to read");

    // The graph's input is on screen, centred horizontally, near the top.
    const auto& graph = *window.graphPage()->document()->graph;
    int input = -1;
    for (size_t i = 0; i < graph.nodes().size() && input < 0; ++i)
        if (graph.nodes()[i].kind == DisplayNodeKind::GraphInput)
            input = static_cast<int>(i);
    QVERIFY(input >= 0);
    const QRect shown = view->mapFromScene(view->nodeRect(input)).boundingRect();
    const QRect viewport = view->viewport()->rect();
    QVERIFY2(viewport.contains(shown), "the graph's input is not in the first view");
    QVERIFY(qAbs(shown.center().x() - viewport.center().x()) <= 2);
    QVERIFY(shown.top() < viewport.height() / 4);
    QVERIFY(nodesUnder(view, viewport) >= 5);

    // The minimap is shown and no node lies under any of its pixels.
    const QRect minimap = view->minimapGeometry();
    QVERIFY(!minimap.isEmpty());
    QVERIFY(viewport.contains(minimap));
    QCOMPARE(nodesUnder(view, minimap), 0);

    // Fit all and 100% are one key away.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QTRY_VERIFY(
        view->mapToScene(view->viewport()->rect()).boundingRect().contains(view->sceneLayout().bounds));
    QTest::keyClick(view, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(view->zoomLevel(), 1.0);
}

void TestFirstView::debuggerFollowsAtReadableZoom() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DebugController* debug = window.debugController();
    QSignalSpy ready(debug, &DebugController::ready);
    QVERIFY(openAndLayOut(window, modelPath("resnet18")));
    QVERIFY(ready.count() > 0 || ready.wait(60000));
    GraphView* view = window.graphPage()->view();
    view->fitToView(); // resnet18 whole: far below legibility
    QVERIFY(view->zoomLevel() < view->legibleZoom());

    QSignalSpy stopped(debug, &DebugController::stopped);
    for (int i = 0; i < 3; ++i) {
        debug->step();
        QVERIFY(stopped.wait(30000));
    }
    const int current = debug->currentDisplayNode();
    QVERIFY(current >= 0);
    QVERIFY2(view->zoomLevel() >= view->legibleZoom(), "the debugger keeps an unreadable zoom");
    const QRect shown = view->mapFromScene(view->nodeRect(current)).boundingRect();
    QVERIFY(view->viewport()->rect().contains(shown));
}

void TestFirstView::resetLayoutRestoresArrangement() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* overview = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
    auto* execution = window.findChild<QDockWidget*>(QStringLiteral("executionDock"));
    QVERIFY(overview && execution);
    const int centreWidth = window.centralWidget()->width();
    overview->hide();
    execution->show();
    QTRY_VERIFY(execution->isVisible());
    window.resetLayout();
    QTRY_VERIFY(overview->isVisible());
    QVERIFY(!execution->isVisible());
    QTRY_COMPARE(window.centralWidget()->width(), centreWidth);
}

void TestFirstView::geometryIsRestored() {
    const QRect normal(120, 80, 1200, 800);
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isMaximized());
        window.showNormal();
        window.setGeometry(normal);
        QTRY_COMPARE(window.geometry(), normal);
        window.close();
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isMaximized());
    QCOMPARE(window.geometry(), normal);
}

void TestFirstView::minimapChoiceIsRemembered() {
    {
        MainWindow window;
        QAction* minimap = window.graphPage()->minimapAction();
        QVERIFY(minimap->isChecked());
        QVERIFY(window.graphPage()->view()->isMinimapVisible());
        minimap->trigger();
        QVERIFY(!window.graphPage()->view()->isMinimapVisible());
    }
    MainWindow window;
    QVERIFY(!window.graphPage()->minimapAction()->isChecked());
    QVERIFY(!window.graphPage()->view()->isMinimapVisible());
}

void TestFirstView::shortcutsAreListed() {
    MainWindow window;
    const QStringList rows = ShortcutsDialog(window.menuBar()).rowsText();
    const QString all = rows.join(QLatin1Char('\n'));
    for (const char* row :
         {"Debug: Run / Continue = F5", "Debug: Step = F10", "Debug: Toggle Breakpoint = F9",
          "Debug: Stop = Shift+F5", "View: Find in Graph = Ctrl+F", "View: Fit to View = Ctrl+0",
          "View: Actual Size = Ctrl+1"})
        QVERIFY2(rows.contains(QLatin1String(row)),
                 qPrintable(QStringLiteral("%1 missing from:\n%2").arg(row, all)));
    // One key, one action: a key bound twice would trigger neither.
    QHash<QString, QString> owners;
    for (const QString& row : rows) {
        const QString keys = row.section(QLatin1String(" = "), 1);
        for (const QString& key : keys.split(QLatin1String(", "), Qt::SkipEmptyParts)) {
            QVERIFY2(!owners.contains(key),
                     qPrintable(QStringLiteral("%1: %2 and %3").arg(key, owners.value(key), row)));
            owners.insert(key, row);
        }
    }
}

void TestFirstView::qtDialogsSpeakKorean() {
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    QVERIFY2(QFileInfo::exists(qtTranslations + QStringLiteral("/qtbase_ko.qm")),
             qPrintable(QStringLiteral("no qtbase_ko.qm in %1: install qt6-translations-l10n "
                                       "(packaging/install-deps.sh)")
                            .arg(qtTranslations)));
    QVERIFY(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("ko")));
    auto restoreEnglish =
        qScopeGuard([] { TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("en")); });

    QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"),
                    QMessageBox::Ok | QMessageBox::Cancel | QMessageBox::Yes | QMessageBox::No);
    for (QMessageBox::StandardButton which :
         {QMessageBox::Ok, QMessageBox::Cancel, QMessageBox::Yes, QMessageBox::No}) {
        const QString text = box.button(which)->text();
        QVERIFY2(hasHangul(text),
                 qPrintable(QStringLiteral("message box button “%1” is not Korean").arg(text)));
    }
    // The debugger's profile prompt is a QInputDialog: its OK and Cancel come from Qt as well.
    QInputDialog prompt;
    prompt.setInputMode(QInputDialog::IntInput);
    prompt.show();
    const auto buttons = prompt.findChild<QDialogButtonBox*>()->buttons();
    QCOMPARE(buttons.size(), 2);
    for (const QAbstractButton* button : buttons)
        QVERIFY2(hasHangul(button->text()),
                 qPrintable(QStringLiteral("prompt button “%1” is not Korean").arg(button->text())));
    prompt.reject();
}

// QTEST_MAIN with a configured screen: the platform's screen must exist before QApplication.
int main(int argc, char** argv) {
    QTemporaryDir configDir;
    const QString config = configDir.filePath(QStringLiteral("screens.json"));
    {
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(QStringLiteral(R"({"screens": [{"name": "first-view", "x": 0, "y": 0, "width": %1,
                   "height": %2, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                       .arg(kScreen.width())
                       .arg(kScreen.height())
                       .toUtf8());
    }
    const QByteArray platform = "offscreen:configfile=" + QFile::encodeName(config);
    // ctest passes "-platform offscreen"; give that platform the file too.
    std::vector<QByteArray> args(argv, argv + argc);
    bool hasPlatform = false;
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i - 1] == "-platform" && args[i] == "offscreen") {
            args[i] = platform;
            hasPlatform = true;
        }
    }
    if (!hasPlatform)
        qputenv("QT_QPA_PLATFORM", platform);
    std::vector<char*> pointers;
    for (QByteArray& arg : args)
        pointers.push_back(arg.data());
    int count = static_cast<int>(pointers.size());
    QApplication app(count, pointers.data());
    TestFirstView test;
    return QTest::qExec(&test, count, pointers.data());
}

#include "tst_first_view.moc"
