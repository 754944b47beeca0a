// The main window as a user drives it, offscreen: open a model, see its overview, find it in
// Open Recent, get an inline error for a broken file, cancel or supersede a load, and get the
// window layout back after a restart.
#include "test_models.h"

#include "about_dialog.h"
#include "app_settings.h"
#include "main_window.h"
#include "settings_dialog.h"
#include "views/graph_page.h"
#include "views/model_overview_panel.h"
#include "views/overview_table_model.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace onnxscope;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensModelAndShowsOverview();
    void badFileShowsInlineError();
    void missingRecentFileIsDropped();
    void cancelDropsResult();
    void newerOpenSupersedesOlder();
    void dropOpensModel();
    void closeModelReturnsToStart();
    void layoutIsRestored();
    void settingsDialogStoresChoices();
    void aboutDialogListsVersions();

private:
    QString writeTestModel(const QString& name, const QString& graphName = QStringLiteral("overview_graph"));
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // Keep the user's real settings out of reach even if test mode changes behaviour.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    QCoreApplication::setOrganizationName(QStringLiteral("onnxscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
}

void TestMainWindow::init() {
    QSettings().clear();
}

QString TestMainWindow::writeTestModel(const QString& name, const QString& graphName) {
    onnx::ModelProto model = test::overviewModel();
    model.mutable_graph()->set_name(graphName.toStdString());
    const QString path = m_dir.filePath(name);
    if (!test::writeModel(model, path))
        return {};
    return path;
}

void TestMainWindow::opensModelAndShowsOverview() {
    const QString path = writeTestModel(QStringLiteral("good.onnx"));
    QVERIFY(!path.isEmpty());
    MainWindow window;
    OverviewTableModel* ops = window.overviewPanel()->tableModel(ModelOverviewPanel::Table::Operators);
    QAbstractItemModelTester tester(ops, QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();

    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    window.openFile(path);
    QVERIFY(window.isLoading());
    QVERIFY(loaded.wait(10000));
    QVERIFY(!window.isLoading());
    QCOMPARE(loaded.first().first().toString(), QFileInfo(path).absoluteFilePath());
    QVERIFY(window.model());
    QVERIFY(window.errorMessage().isEmpty());
    QVERIFY(window.windowTitle().contains(QStringLiteral("good.onnx")));

    // Operator counts as the user sees them in the dock.
    QVERIFY(window.overviewPanel()->hasOverview());
    QHash<QString, int> counts;
    for (int row = 0; row < ops->rowCount(); ++row)
        counts[ops->index(row, 0).data().toString()] = ops->index(row, 1).data().toInt();
    QCOMPARE(counts.value(QStringLiteral("Relu")), 2);
    QCOMPARE(counts.value(QStringLiteral("Identity")), 2);
    QCOMPARE(counts.value(QStringLiteral("Add")), 1);
    QCOMPARE(counts.value(QStringLiteral("MyFn")), 1);
    QVERIFY(window.overviewPanel()->summaryText().contains(QStringLiteral("overview_graph")));
    // The graph page in the centre shows the same model.
    QVERIFY(window.graphPage()->document());
    QVERIFY(window.graphPage()->isVisible());

    // Recent files: stored and offered in File > Open Recent.
    QCOMPARE(AppSettings::recentFiles(), QStringList{QFileInfo(path).absoluteFilePath()});
    QMenu* recent = window.recentFilesMenu();
    QVERIFY(recent->isEnabled());
    QAction* first = recent->actions().value(0);
    QVERIFY(first);
    QCOMPARE(first->data().toString(), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::badFileShowsInlineError() {
    const QString good = writeTestModel(QStringLiteral("good.onnx"));
    const QString bad = m_dir.filePath(QStringLiteral("broken.onnx"));
    {
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // A truncated length-delimited field: the wire-format check has to reject this.
        file.write(QByteArray::fromHex("3aff7f0a0358"));
    }
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(good);
    QVERIFY(loaded.wait(10000));

    window.openFile(bad);
    QVERIFY(failed.wait(10000));
    const QString error = window.errorMessage();
    QVERIFY2(error.contains(QStringLiteral("broken.onnx")), qPrintable(error));
    // The engine's reason follows the translated sentence.
    const QString engineMessage = failed.first().at(1).toString();
    QVERIFY(!engineMessage.isEmpty());
    QVERIFY2(error.contains(engineMessage), qPrintable(error));
    // The model that was open stays open; the broken file is not remembered.
    QVERIFY(window.model());
    QCOMPARE(AppSettings::recentFiles(), QStringList{QFileInfo(good).absoluteFilePath()});

    // Opening a good file again clears the error.
    window.openFile(good);
    QVERIFY2(loaded.wait(10000), qPrintable(window.errorMessage()));
    QVERIFY(window.errorMessage().isEmpty());
}

void TestMainWindow::missingRecentFileIsDropped() {
    const QString path = writeTestModel(QStringLiteral("soon-gone.onnx"));
    AppSettings::addRecentFile(path);
    QVERIFY(QFile::remove(path));
    MainWindow window;
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.recentFilesMenu()->actions().value(0)->trigger();
    QVERIFY(failed.wait(10000));
    QVERIFY(window.errorMessage().contains(QStringLiteral("soon-gone.onnx")));
    QVERIFY(AppSettings::recentFiles().isEmpty());
    QVERIFY(!window.model());
}

void TestMainWindow::cancelDropsResult() {
    const QString path = writeTestModel(QStringLiteral("cancelled.onnx"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    QSignalSpy cancelled(&window, &MainWindow::loadCancelled);
    window.openFile(path);
    window.cancelLoading();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!window.isLoading());
    // The worker still finishes; its result must be dropped, not shown.
    QTest::qWait(500);
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(loaded.size(), 0);
    QVERIFY(!window.model());
    QVERIFY(!window.overviewPanel()->hasOverview());
    QVERIFY(AppSettings::recentFiles().isEmpty());
}

void TestMainWindow::newerOpenSupersedesOlder() {
    const QString first = writeTestModel(QStringLiteral("first.onnx"), QStringLiteral("first_graph"));
    const QString second = writeTestModel(QStringLiteral("second.onnx"), QStringLiteral("second_graph"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    window.openFile(first);
    window.openFile(second);
    QVERIFY(loaded.wait(10000));
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toString(), QFileInfo(second).absoluteFilePath());
    QVERIFY(window.overviewPanel()->summaryText().contains(QStringLiteral("second_graph")));
}

void TestMainWindow::dropOpensModel() {
    const QString path = writeTestModel(QStringLiteral("dropped.onnx"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);

    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refuse(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &refuse);
    QVERIFY(!refuse.isAccepted());

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(window.modelPath(), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::closeModelReturnsToStart() {
    const QString path = writeTestModel(QStringLiteral("closing.onnx"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    window.openFile(path);
    QVERIFY(loaded.wait(10000));
    QVERIFY(window.graphPage()->document());
    window.closeModel();
    QVERIFY(!window.model());
    QVERIFY(!window.graphPage()->document());
    QVERIFY(!window.overviewPanel()->hasOverview());
    QVERIFY(!window.windowTitle().contains(QStringLiteral("closing.onnx")));
    QCOMPARE(AppSettings::recentFiles().size(), 1); // closing does not forget the file
}

void TestMainWindow::layoutIsRestored() {
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
        QVERIFY(dock);
        QVERIFY(dock->isVisible());
        dock->hide();
        window.close();
    }
    QVERIFY(!AppSettings::windowState().isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
}

void TestMainWindow::settingsDialogStoresChoices() {
    SettingsDialog dialog;
    auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
    auto* backend = dialog.findChild<QComboBox*>(QStringLiteral("backendCombo"));
    auto* threads = dialog.findChild<QSpinBox*>(QStringLiteral("threadsSpin"));
    QVERIFY(language && backend && threads);
    QCOMPARE(language->currentData().toString(), QString()); // follows the system by default
    language->setCurrentIndex(language->findData(QStringLiteral("ko")));
    backend->setCurrentIndex(backend->findData(QStringLiteral("opencl")));
    threads->setValue(3);
    dialog.accept();
    QVERIFY(dialog.languageChanged());
    QCOMPARE(AppSettings::language(), QStringLiteral("ko"));
    QCOMPARE(AppSettings::backend(), QStringLiteral("opencl"));
    QCOMPARE(AppSettings::threads(), 3);

    SettingsDialog again; // reopening shows the stored choices
    QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("languageCombo"))->currentData().toString(),
             QStringLiteral("ko"));
    QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("threadsSpin"))->value(), 3);
    again.reject();
    QCOMPARE(AppSettings::language(), QStringLiteral("ko"));
}

void TestMainWindow::aboutDialogListsVersions() {
    AboutDialog dialog;
    QSignalSpy probed(&dialog, &AboutDialog::devicesProbed);
    QVERIFY(probed.wait(30000));
    const QString report = dialog.reportText();
    QVERIFY2(report.contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("ONNX: 1.")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("Protocol Buffers: 3.")), qPrintable(report));
    for (const char* name : {"Graphviz: ", "oneDNN: ", "CLBlast: ", "OpenCL: "})
        QVERIFY2(report.contains(QLatin1String(name)), qPrintable(report));
    QVERIFY(!report.contains(QStringLiteral("Looking for OpenCL devices")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
