// Editing in the main window, offscreen: the title marks unsaved changes, Save clears the mark,
// and closing the window or opening another file asks first (Cancel keeps everything as it is).
#include "main_window.h"
#include "views/edit_controller.h"
#include "views/model_editor.h"
#include "views/save_controller.h"

#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace onnxscope;

class TestMainWindowEdit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("onnxscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window_edit"));
    }

    void editSaveAndCloseQuestions() {
        const QString path = m_dir.filePath(QStringLiteral("example_cnn.onnx"));
        QVERIFY(QFile::copy(QStringLiteral(ONNXSCOPE_TEST_MODELS_DIR "/example_cnn.onnx"), path));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::modelLoaded);
        window.openFile(path);
        QVERIFY(loaded.wait(20000));
        QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));

        EditController* edit = window.editController();
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY(menus.contains(QStringLiteral("&Edit")));
        QVERIFY(edit->saveAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_S)));
        QVERIFY(edit->saveAsAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));

        int asked = 0;
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        edit->setUnsavedChangesPrompt([&] {
            ++asked;
            return answer;
        });
        edit->saver()->setReviewer([](const SaveReview& review) { return !review.hasErrors(); });

        QVERIFY(edit->editor()->setProducerName(QStringLiteral("edited in the GUI")));
        QVERIFY(window.isWindowModified());
        QCOMPARE(window.model()->proto().producer_name(), std::string("edited in the GUI"));

        // Cancel keeps the window open and the edit in place; so does cancelling an open.
        QVERIFY(!window.close());
        window.openFile(path);
        QVERIFY(!window.isLoading());
        window.closeModel();
        QVERIFY(window.model());
        QCOMPARE(asked, 3);

        QVERIFY(edit->save());
        QVERIFY(!window.isWindowModified());
        auto reloaded = Model::load(path.toStdString());
        QVERIFY(reloaded.ok());
        QCOMPARE((*reloaded)->proto().producer_name(), std::string("edited in the GUI"));

        QVERIFY(edit->editor()->setModelDocString(QStringLiteral("not kept")));
        answer = QMessageBox::Discard;
        QVERIFY(window.close());
        QCOMPARE(asked, 4);
        QCOMPARE(Model::load(path.toStdString()).value()->proto().doc_string(), std::string());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindowEdit)
#include "tst_main_window_edit.moc"
