// The debugger in the main window: a Debug menu and toolbar (backend, threads, run, step, run
// to the selected node, breakpoints on nodes, op types and name scopes, data breakpoints,
// continue, pause, restart, inputs, profile), and docks for the execution order, the tensor
// preview and the profile. It wires the executor thread (debug_executor.h) to the graph page:
// the current node is highlighted and kept in view, executed nodes are marked, node times
// colour the graph after a run, and an engine error is shown on the failing node.
//
// The main window creates one, calls install() once and setModel() after each load.
#pragma once

#include "breakpoint_set.h"
#include "debug_types.h"
#include "input_settings.h"
#include "plan_node_map.h"

#include "exec/tensor_summary.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QSpinBox;
class QToolBar;
class QTreeView;

namespace onnxscope {

class DebugExecutor;
class DisplayGraph;
class ExecutionListModel;
class GraphPage;
class Model;
class ProfilePanel;
class TensorPreviewPanel;

class DebugController : public QObject {
    Q_OBJECT
public:
    DebugController(QMainWindow* window, GraphPage* page);
    ~DebugController() override;

    // Adds the Debug menu (before menuBefore, else last), the Debug toolbar and the docks, with
    // their toggles in viewMenu when given.
    void install(QMenu* viewMenu = nullptr, QAction* menuBefore = nullptr);
    // Call after the graph page has loaded the model; null drops the session.
    void setModel(std::shared_ptr<const Model> model, const QString& path);

    QMenu* menu() const { return m_menu; }
    QToolBar* toolBar() const { return m_toolBar; }
    DebugExecutor* executor() const { return m_executor; }
    ExecutionListModel* executionModel() const { return m_executionModel; }
    QTreeView* executionView() const { return m_executionView; }
    TensorPreviewPanel* tensorPanel() const { return m_tensorPanel; }
    ProfilePanel* profilePanel() const { return m_profilePanel; }
    QComboBox* backendBox() const { return m_backend; }

    bool isReady() const { return m_ready; } // planned, inputs bound
    const PlanSummary& plan() const { return m_plan; }
    const PlanNodeMap& nodeMap() const { return m_map; }
    const StopInfo& lastStop() const { return m_lastStop; }
    int currentPlanNode() const;    // -1 when not stopped inside a pass
    int currentDisplayNode() const; // the box highlighted as current, -1 when none

    void run();
    void step();
    void runToSelected();
    void runToDisplayNode(int displayNode);
    void resume();
    void pause();
    void stop();
    void restart();
    void profile(int warmup, int runs);
    void toggleBreakpoint(int displayNode);
    void toggleOpTypeBreakpoint(const QString& opType);
    void toggleScopeBreakpoint(const QString& scope);
    void clearBreakpoints();
    void setDataWatch(const DataWatch& watch);
    // Saves the choices for this model and restarts with the inputs they make.
    void setInputSettings(const InputSettings& settings);
    // Shows a value by name in the tensor preview (fetched from the executor).
    void showValue(const QString& name);
    // Shows a display tensor of the current graph: an initializer from the model, anything else
    // from the executor.
    void showTensor(int tensor);

signals:
    void ready();
    void stopped(const onnxscope::StopInfo& info);
    void profileShown();
    void inputsFailed(const QString& message);

private:
    void createActions();
    void createDocks();
    void populateBackends();
    void reconfigure();
    void onPlanned(const PlanSummary& plan);
    void onStopped(const StopInfo& info);
    void onProfile(const ProfileResult& result);
    void bindInputs(const InputSettings& settings);
    void refreshOverlay();
    void pushSketches();
    void scheduleOverlay();
    void updateActions();
    void updateStateLabel();
    void applyBreakpoints();
    void onGraphNodeSelected(int displayNode);
    void onExecutionRowSelected(int planIndex);
    void showInputDialog();
    void showDataWatchDialog();
    void showProfileDialog();
    void chooseOpTypeBreakpoint();
    void chooseScopeBreakpoint();
    void showStatus(const QString& message);
    bool onMainGraph() const;
    QString nodeTitle(int planIndex) const;

    QMainWindow* m_window;
    GraphPage* m_page;
    DebugExecutor* m_executor;

    QMenu* m_menu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QComboBox* m_backend = nullptr;
    QSpinBox* m_threads = nullptr;
    QLabel* m_stateLabel = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stepAction = nullptr;
    QAction* m_runToAction = nullptr;
    QAction* m_continueAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_stopAction = nullptr;
    bool m_followCurrent = false; // the view follows stops once the user has run something
    QAction* m_breakpointAction = nullptr;
    QAction* m_opBreakpointAction = nullptr;
    QAction* m_scopeBreakpointAction = nullptr;
    QAction* m_clearBreakpointsAction = nullptr;
    QAction* m_dataWatchAction = nullptr;
    QAction* m_inputsAction = nullptr;
    QAction* m_profileAction = nullptr;
    QList<QAction*> m_planActions; // enabled once a plan exists

    QDockWidget* m_executionDock = nullptr;
    QDockWidget* m_tensorDock = nullptr;
    QDockWidget* m_profileDock = nullptr;
    QTreeView* m_executionView = nullptr;
    ExecutionListModel* m_executionModel = nullptr;
    TensorPreviewPanel* m_tensorPanel = nullptr;
    ProfilePanel* m_profilePanel = nullptr;

    std::shared_ptr<const Model> m_model;
    std::shared_ptr<const DisplayGraph> m_graph; // the main graph the plan maps onto
    QString m_modelPath;
    PlanSummary m_plan;
    PlanNodeMap m_map;
    InputSettings m_inputSettings;
    BreakpointSet m_breakpoints;
    DataWatch m_watch;
    StopInfo m_lastStop;
    bool m_ready = false;
    bool m_inPass = false; // a pass is set up and not finished or failed
    int m_executed = 0;    // plan nodes 0..m_executed-1 ran in this pass
    int m_failedNode = -1;
    QString m_failure;
    std::vector<double> m_timesMs; // per plan node, -1 where it has not run
    // Inline edge previews of this pass's values; the pending ones are not on the view yet.
    QHash<QString, TensorSketch> m_sketches;
    QHash<QString, TensorSketch> m_pendingSketches;
    bool m_heat = false; // colour by time (after a full run or a profile)
    bool m_logScale = false;
    bool m_overlayPending = false;
    bool m_syncingSelection = false;
    quint64 m_valueTag = 0;
    quint64 m_inputGeneration = 0;
};

} // namespace onnxscope
