// Layer-by-layer comparison in the main window: a Compare menu and dock (compare_panel.h), the
// runner on its worker thread, and the graph overlay that colours nodes by error (green within
// tolerance, then a log heat scale of the max abs error) with the first divergence marked and
// selected. Selecting a compared value selects its node and shows both sides; selecting a node
// selects its value.
#pragma once

#include "exec/layer_compare.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAbstractItemModel;
class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QTimer;

namespace onnxscope {

class CompareRunner;
class ComparePanel;
class ModelDiffWindow;
class GraphPage;
class Model;

class CompareController : public QObject {
    Q_OBJECT
public:
    CompareController(QMainWindow* window, GraphPage* page);
    ~CompareController() override;

    // Adds the Compare menu (before menuBefore, else last) and the dock, its toggle in viewMenu.
    // backendModel, when given, is the backend list the debugger shows.
    void install(QMenu* viewMenu = nullptr, QAction* menuBefore = nullptr,
                 QAbstractItemModel* backendModel = nullptr);
    void setModel(std::shared_ptr<const Model> model, const QString& path);

    ComparePanel* panel() const;
    CompareRunner* runner() const { return m_runner; }
    QDockWidget* dock() const { return m_dock; }
    QMenu* menu() const { return m_menu; }
    const LayerCompareReport& lastReport() const { return m_report; }
    // The display node standing for a value's producer in the main graph, or -1.
    int displayNodeOf(const QString& valueName) const;

    void start();
    void cancel();
    // Opens a window with the open model and otherModel side by side, differences marked.
    ModelDiffWindow* showDiff(const QString& otherModel);

signals:
    void comparisonFinished();

private:
    void onFinished(const LayerCompareReport& report);
    void refreshOverlay();
    void onValueSelected(const QString& name);
    void onNodeSelected(const QString& nodeName);
    void showMappingDialog();
    int valueCount() const;

    QMainWindow* m_window;
    GraphPage* m_page;
    CompareRunner* m_runner;
    QPointer<ComparePanel> m_panel; // the dock owns it once installed
    QDockWidget* m_dock = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_diffAction = nullptr;
    QTimer* m_overlayTimer;
    std::shared_ptr<const Model> m_model;
    LayerCompareReport m_report;
    bool m_selecting = false;
};

} // namespace onnxscope
