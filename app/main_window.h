// The main window: opens models (dialog, recent list, command line, drag and drop), loads them
// on a worker thread and shows them in the graph page with the overview panel docked beside it.
//
// Loads are tagged with a generation number; a newer load or Cancel bumps it, and a result
// that arrives for an older generation is dropped, so the window only ever shows the model the
// user asked for last. Errors appear inline above the content, never as a modal box.
#pragma once

#include "views/model_overview.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolBar;
class QFrame;

namespace onnxscope {

class CompareController;
class DebugController;
class EditController;
class GraphPage;
class Model;
class ModelOverviewPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading `path` in the background; an earlier load still running is abandoned.
    void openFile(const QString& path);
    void closeModel();
    void cancelLoading();

    bool isLoading() const { return !m_loadingPath.isEmpty(); }
    std::shared_ptr<const Model> model() const { return m_model; }
    QString modelPath() const { return m_modelPath; }
    // The inline error currently shown, or empty.
    QString errorMessage() const;
    ModelOverviewPanel* overviewPanel() const { return m_overview; }
    GraphPage* graphPage() const { return m_graphPage; }
    EditController* editController() const { return m_edit; }
    DebugController* debugController() const { return m_debug; }
    CompareController* compareController() const { return m_compare; }
    QMenu* recentFilesMenu() const { return m_recentMenu; }
    // Back to the first start's arrangement: the graph in the centre, one column of tabbed
    // panels at the right (overview, properties, metadata, history), the debugger's and
    // comparison's docks closed until they have something to show.
    void resetLayout();

signals:
    void modelLoaded(const QString& path);
    void loadFailed(const QString& path, const QString& message);
    void loadCancelled(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct LoadResult;

    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidget();
    void createDocks();
    QWidget* createWelcomePage();
    QWidget* createLoadingPage();
    void updateIcons();
    void updateRecentFiles();
    void updateActions();
    void showError(const QString& message);
    void hideError();
    void finishLoad(const QString& path, LoadResult result);
    void showOpenDialog();
    void showSettings();
    void showAbout();
    void showShortcuts();
    void applyDefaultDockSizes();
    void raiseSidePanel(QDockWidget* dock);

    QAction* m_openAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_clearRecentAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QToolBar* m_toolBar = nullptr;

    QFrame* m_errorBanner = nullptr;
    QLabel* m_errorIcon = nullptr;
    QLabel* m_errorText = nullptr;
    QPushButton* m_errorClose = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_welcomePage = nullptr;
    QLabel* m_welcomeRecentLabel = nullptr;
    QListWidget* m_welcomeRecent = nullptr;
    QWidget* m_loadingPage = nullptr;
    QLabel* m_loadingLabel = nullptr;
    QProgressBar* m_loadingBar = nullptr;
    QWidget* m_modelPage = nullptr;
    GraphPage* m_graphPage = nullptr;

    QDockWidget* m_overviewDock = nullptr;
    QDockWidget* m_propertiesDock = nullptr;
    QByteArray m_defaultState; // saveState() of the arrangement built in the constructor
    bool m_defaultSizesPending = false;
    DebugController* m_debug = nullptr;
    CompareController* m_compare = nullptr;
    ModelOverviewPanel* m_overview = nullptr;

    EditController* m_edit = nullptr;
    std::shared_ptr<Model> m_model; // edited through m_edit; views get const access
    QString m_modelPath;
    QString m_loadingPath;
    quint64 m_loadGeneration = 0;
};

} // namespace onnxscope
