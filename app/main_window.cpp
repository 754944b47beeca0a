#include "main_window.h"

#include "about_dialog.h"
#include "app_settings.h"
#include "settings_dialog.h"
#include "themed_icons.h"

#include "core/model.h"
#include "views/compare/compare_controller.h"
#include "views/compare/compare_runner.h"
#include "views/debugger/debug_controller.h"
#include "views/debugger/debug_executor.h"
#include "views/edit_controller.h"
#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/model_editor.h"
#include "views/model_overview_panel.h"
#include "views/node_properties_panel.h"
#include "views/shortcuts_dialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace onnxscope {

struct MainWindow::LoadResult {
    std::shared_ptr<Model> model;
    ModelOverview overview;
    QString error;
    qint64 elapsedMs = 0;
};

namespace {

bool isModelFile(const QUrl& url) {
    return url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".onnx"), Qt::CaseInsensitive);
}

QString sizeText(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1);
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(ThemedIcons::applicationIcon());
    setAcceptDrops(true);
    createActions();
    createMenus();
    createToolBar();
    createCentralWidget();
    createDocks();
    updateIcons();
    updateRecentFiles();
    updateActions();
    setWindowTitle(tr("ONNX Scope"));
    statusBar()->showMessage(tr("Ready"));

    // A first start fills the screen: graphs need the room. Un-maximized, the window keeps
    // most of the screen, centred. Later starts restore the user's own geometry and docks.
    m_defaultState = saveState();
    if (!restoreGeometry(AppSettings::windowGeometry())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::max(1024, available.width() * 4 / 5), std::max(700, available.height() * 4 / 5));
        move(available.center() - rect().center());
        setWindowState(windowState() | Qt::WindowMaximized);
    }
    m_defaultSizesPending = !restoreState(AppSettings::windowState());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open an ONNX model"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_closeAction = new QAction(tr("&Close"), this);
    m_closeAction->setShortcut(QKeySequence::Close);
    m_closeAction->setStatusTip(tr("Close the current model"));
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeModel);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_cancelAction = new QAction(tr("Cancel Loading"), this);
    m_cancelAction->setShortcut(Qt::Key_Escape);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelLoading);
    addAction(m_cancelAction);

    m_clearRecentAction = new QAction(tr("Clear &List"), this);
    connect(m_clearRecentAction, &QAction::triggered, this, [this] {
        AppSettings::clearRecentFiles();
        updateRecentFiles();
    });

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_aboutAction = new QAction(tr("&About ONNX Scope"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_resetLayoutAction = new QAction(tr("&Reset Layout"), this);
    m_resetLayoutAction->setStatusTip(tr("Show the graph with the panels in their first arrangement"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar() {
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_closeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_settingsAction);
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
}

void MainWindow::createCentralWidget() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_errorBanner = new QFrame(central);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setFrameShape(QFrame::StyledPanel);
    m_errorBanner->setAutoFillBackground(true);
    auto* bannerLayout = new QHBoxLayout(m_errorBanner);
    m_errorIcon = new QLabel(m_errorBanner);
    bannerLayout->addWidget(m_errorIcon, 0, Qt::AlignTop);
    m_errorText = new QLabel(m_errorBanner);
    m_errorText->setObjectName(QStringLiteral("errorText"));
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerLayout->addWidget(m_errorText, 1);
    m_errorClose = new QPushButton(m_errorBanner);
    m_errorClose->setFlat(true);
    m_errorClose->setToolTip(tr("Dismiss"));
    connect(m_errorClose, &QPushButton::clicked, this, &MainWindow::hideError);
    bannerLayout->addWidget(m_errorClose, 0, Qt::AlignTop);
    m_errorBanner->hide();
    layout->addWidget(m_errorBanner);

    m_pages = new QStackedWidget(central);
    m_welcomePage = createWelcomePage();
    m_loadingPage = createLoadingPage();
    m_graphPage = new GraphPage(m_pages);
    m_graphPage->setObjectName(QStringLiteral("graphPage"));
    connect(m_graphPage, &GraphPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 5000); });
    m_modelPage = m_graphPage;
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_modelPage);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

QWidget* MainWindow::createWelcomePage() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto* icon = new QLabel(page);
    icon->setPixmap(ThemedIcons::applicationIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto* hint = new QLabel(tr("Open an ONNX model with File ▸ Open, or drop a .onnx file here."), page);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* open = new QPushButton(tr("Open Model…"), page);
    connect(open, &QPushButton::clicked, m_openAction, &QAction::trigger);
    layout->addWidget(open, 0, Qt::AlignCenter);
    m_welcomeRecentLabel = new QLabel(tr("Recent models:"), page);
    layout->addWidget(m_welcomeRecentLabel, 0, Qt::AlignHCenter);
    m_welcomeRecent = new QListWidget(page);
    m_welcomeRecent->setMaximumWidth(640);
    m_welcomeRecent->setMaximumHeight(200);
    connect(m_welcomeRecent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openFile(item->data(Qt::UserRole).toString()); });
    layout->addWidget(m_welcomeRecent, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

QWidget* MainWindow::createLoadingPage() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    m_loadingLabel = new QLabel(page);
    m_loadingLabel->setAlignment(Qt::AlignCenter);
    m_loadingLabel->setWordWrap(true);
    layout->addWidget(m_loadingLabel);
    m_loadingBar = new QProgressBar(page);
    m_loadingBar->setRange(0, 0); // busy: the parser reports no progress
    m_loadingBar->setMaximumWidth(400);
    layout->addWidget(m_loadingBar, 0, Qt::AlignHCenter);
    auto* cancel = new QPushButton(tr("Cancel"), page);
    cancel->setObjectName(QStringLiteral("cancelLoadButton"));
    connect(cancel, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    layout->addWidget(cancel, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

void MainWindow::createDocks() {
    m_overviewDock = new QDockWidget(tr("Overview"), this);
    m_overviewDock->setObjectName(QStringLiteral("overviewDock"));
    m_overview = new ModelOverviewPanel(m_overviewDock);
    m_overviewDock->setWidget(m_overview);
    addDockWidget(Qt::RightDockWidgetArea, m_overviewDock);
    QAction* toggle = m_overviewDock->toggleViewAction();
    toggle->setText(tr("&Overview"));
    m_viewMenu->addAction(toggle);
    m_toolBar->addAction(toggle);

    // The properties share the overview's column as a tab: the graph keeps the window's width.
    // A selection brings them to the front, clicking the empty canvas the overview.
    m_propertiesDock = new QDockWidget(tr("Properties"), this);
    m_propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    m_propertiesDock->setWidget(m_graphPage->detachPropertiesPanel());
    addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);
    tabifyDockWidget(m_overviewDock, m_propertiesDock);
    m_propertiesDock->toggleViewAction()->setText(tr("&Properties"));
    m_viewMenu->addAction(m_propertiesDock->toggleViewAction());
    GraphView* view = m_graphPage->view();
    for (auto selected : {&GraphView::nodeSelected, &GraphView::tensorSelected, &GraphView::blockSelected})
        connect(view, selected, this, [this] { raiseSidePanel(m_propertiesDock); });
    connect(view, &GraphView::selectionCleared, this, [this] { raiseSidePanel(m_overviewDock); });

    // The Debug menu goes before Help, the last menu.
    m_debug = new DebugController(this, m_graphPage);
    m_debug->install(m_viewMenu, menuBar()->actions().constLast());

    // Compare goes between Debug and Help, sharing the debugger's list of backends.
    m_compare = new CompareController(this, m_graphPage);
    m_compare->install(m_viewMenu, menuBar()->actions().constLast(), m_debug->backendBox()->model());

    m_edit = new EditController(this, m_graphPage, m_overview);
    m_edit->install(m_closeAction, m_viewMenu);
    // The debugger and comparisons read the model on worker threads; edits wait for them.
    m_edit->editor()->setReaderCheck([this] {
        if (m_debug->executor()->isBusy())
            return tr("The debugger is using the model; pause it before editing.");
        if (m_compare->runner()->isRunning())
            return tr("A comparison is running; cancel it before editing.");
        return QString();
    });
    // Sessions planned from the model before an edit would run the old graph: re-plan.
    connect(m_edit, &EditController::modelEdited, this, [this] {
        m_debug->setModel(m_model, m_modelPath);
        m_compare->setModel(m_model, m_modelPath);
    });
    connect(m_edit, &EditController::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 5000); });
    connect(m_edit, &EditController::saved, this, [this](const QString& path) {
        m_modelPath = QFileInfo(path).absoluteFilePath();
        setWindowFilePath(m_modelPath);
        setWindowTitle(tr("%1[*] — ONNX Scope").arg(QFileInfo(path).fileName()));
        AppSettings::addRecentFile(m_modelPath);
        updateRecentFiles();
    });

    m_viewMenu->addAction(m_resetLayoutAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addActions(m_graphPage->viewActions());
    QAction* minimap = m_graphPage->minimapAction();
    minimap->setChecked(AppSettings::minimapVisible());
    connect(minimap, &QAction::toggled, this, &AppSettings::setMinimapVisible);
    m_overviewDock->raise();
}

void MainWindow::updateIcons() {
    const QPalette pal = palette();
    m_openAction->setIcon(ThemedIcons::icon(QStringLiteral("document-open"), pal));
    m_closeAction->setIcon(ThemedIcons::icon(QStringLiteral("document-close"), pal));
    m_quitAction->setIcon(ThemedIcons::icon(QStringLiteral("application-exit"), pal));
    m_settingsAction->setIcon(ThemedIcons::icon(QStringLiteral("configure"), pal));
    m_aboutAction->setIcon(ThemedIcons::icon(QStringLiteral("help-about"), pal));
    m_recentMenu->setIcon(ThemedIcons::icon(QStringLiteral("document-open-recent"), pal));
    m_overviewDock->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("view-overview"), pal));
    m_errorIcon->setPixmap(ThemedIcons::icon(QStringLiteral("dialog-error"), pal).pixmap(22, 22));
    m_errorClose->setIcon(ThemedIcons::icon(QStringLiteral("dialog-close"), pal));

    // A translucent red over the window colour stays readable in light and dark themes.
    QPalette bannerPalette = pal;
    QColor background = QColor(220, 53, 69);
    background.setAlpha(40);
    bannerPalette.setColor(QPalette::Window, background);
    m_errorBanner->setPalette(bannerPalette);
}

void MainWindow::updateRecentFiles() {
    m_recentMenu->clear();
    m_welcomeRecent->clear();
    const QStringList files = AppSettings::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        // The first nine entries get a mnemonic so the menu works from the keyboard.
        const QString label = i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName())
                                    : QFileInfo(path).fileName();
        QAction* action = m_recentMenu->addAction(label);
        action->setData(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });

        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), m_welcomeRecent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecentAction);
    m_recentMenu->setEnabled(!files.isEmpty());
    m_clearRecentAction->setEnabled(!files.isEmpty());
    m_welcomeRecent->setVisible(!files.isEmpty());
    m_welcomeRecentLabel->setVisible(!files.isEmpty());
}

void MainWindow::updateActions() {
    m_closeAction->setEnabled(m_model != nullptr || isLoading());
    m_cancelAction->setEnabled(isLoading());
}

void MainWindow::showOpenDialog() {
    QString dir = AppSettings::lastOpenDirectory();
    if (dir.isEmpty() && !m_modelPath.isEmpty())
        dir = QFileInfo(m_modelPath).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Model"), dir, tr("ONNX models (*.onnx);;All files (*)"));
    if (path.isEmpty())
        return;
    AppSettings::setLastOpenDirectory(QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::openFile(const QString& path) {
    if (!m_edit->maybeSave())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const quint64 generation = ++m_loadGeneration;
    m_loadingPath = absolute;
    hideError();
    m_loadingLabel->setText(
        tr("Loading %1 (%2)…").arg(QFileInfo(absolute).fileName(), sizeText(QFileInfo(absolute).size())));
    m_pages->setCurrentWidget(m_loadingPage);
    statusBar()->showMessage(tr("Loading %1…").arg(absolute));
    updateActions();

    const std::filesystem::path nativePath(QFile::encodeName(absolute).toStdString());
    QtConcurrent::run([nativePath] {
        LoadResult result;
        QElapsedTimer timer;
        timer.start();
        Result<std::shared_ptr<Model>> loaded = Model::load(nativePath);
        if (!loaded.ok()) {
            result.error = QString::fromStdString(loaded.message());
        } else {
            result.model = std::move(loaded).value();
            result.overview = ModelOverview::fromModel(*result.model);
            result.model->inferredShapes(); // computed here, off the UI thread, for the graph view
        }
        result.elapsedMs = timer.elapsed();
        return result;
    }).then(this, [this, generation, absolute](LoadResult result) {
        // then(context) runs inline when the job has already finished, which would make
        // openFile() emit its signals before returning; always deliver from the event loop.
        QMetaObject::invokeMethod(
            this,
            [this, generation, absolute, result = std::move(result)]() mutable {
                // Cancelled, or superseded by a newer open: the user no longer wants this one.
                if (generation != m_loadGeneration)
                    return;
                finishLoad(absolute, std::move(result));
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::finishLoad(const QString& path, LoadResult result) {
    m_loadingPath.clear();
    if (!result.model) {
        const QString message = tr("Could not open “%1”.").arg(QFileInfo(path).fileName());
        showError(message + QLatin1Char('\n') + result.error);
        if (!QFileInfo::exists(path)) {
            AppSettings::removeRecentFile(path);
            updateRecentFiles();
        }
        m_pages->setCurrentWidget(m_model ? m_modelPage : m_welcomePage);
        statusBar()->showMessage(message, 10000);
        updateActions();
        emit loadFailed(path, result.error);
        return;
    }

    m_model = std::move(result.model);
    m_modelPath = path;
    m_overview->setOverview(result.overview);
    m_graphPage->loadModel(m_model);
    m_edit->setModel(m_model);
    m_debug->setModel(m_model, path);
    m_compare->setModel(m_model, path);
    m_pages->setCurrentWidget(m_modelPage);
    setWindowFilePath(path);
    setWindowTitle(tr("%1[*] — ONNX Scope").arg(QFileInfo(path).fileName()));
    AppSettings::addRecentFile(path);
    updateRecentFiles();
    updateActions();
    statusBar()->showMessage(tr("Loaded %1 in %2 ms: %n node(s).", nullptr, result.overview.nodeCount)
                                 .arg(QFileInfo(path).fileName())
                                 .arg(result.elapsedMs));
    emit modelLoaded(path);
}

void MainWindow::cancelLoading() {
    if (!isLoading())
        return;
    const QString path = m_loadingPath;
    ++m_loadGeneration; // the worker finishes on its own; its result is dropped on arrival
    m_loadingPath.clear();
    m_pages->setCurrentWidget(m_model ? m_modelPage : m_welcomePage);
    statusBar()->showMessage(tr("Loading cancelled."), 5000);
    updateActions();
    emit loadCancelled(path);
}

void MainWindow::closeModel() {
    if (!m_edit->maybeSave())
        return;
    cancelLoading();
    m_edit->setModel(nullptr);
    m_model.reset();
    m_modelPath.clear();
    m_overview->clear();
    m_graphPage->clear();
    m_debug->setModel(nullptr, QString());
    m_compare->setModel(nullptr, QString());
    hideError();
    m_pages->setCurrentWidget(m_welcomePage);
    setWindowFilePath(QString());
    setWindowTitle(tr("ONNX Scope"));
    updateActions();
}

QString MainWindow::errorMessage() const {
    return m_errorBanner->isHidden() ? QString() : m_errorText->text();
}

void MainWindow::showError(const QString& message) {
    m_errorText->setText(message);
    m_errorBanner->show();
}

void MainWindow::hideError() {
    m_errorText->clear();
    m_errorBanner->hide();
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this);
    dialog.exec();
}

void MainWindow::showAbout() {
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::resetLayout() {
    restoreState(m_defaultState);
    applyDefaultDockSizes();
}

void MainWindow::applyDefaultDockSizes() {
    // The side column gets about a quarter of the screen; the graph keeps the rest.
    const int screenWidth = screen() ? screen()->availableGeometry().width() : width();
    resizeDocks({m_overviewDock}, {std::clamp(screenWidth / 4, 280, 460)}, Qt::Horizontal);
}

void MainWindow::raiseSidePanel(QDockWidget* dock) {
    // A panel the user closed stays closed.
    if (dock->toggleViewAction()->isChecked())
        dock->raise();
}

void MainWindow::showShortcuts() {
    ShortcutsDialog dialog(menuBar(), this);
    dialog.exec();
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_defaultSizesPending) {
        m_defaultSizesPending = false;
        applyDefaultDockSizes();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_edit->maybeSave()) {
        event->ignore();
        return;
    }
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    ++m_loadGeneration;
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_openAction)
        updateIcons();
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), isModelFile))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (isModelFile(url)) {
            event->acceptProposedAction();
            openFile(url.toLocalFile());
            return;
        }
    }
}

} // namespace onnxscope
