// The debugger's executor: one worker thread owns the Session and works through a command queue
// (plan, run, step, run to, continue, restart, profile, fetch a value); the UI thread only posts
// commands and receives results as signals, so it never waits on the engine.
//
// Pause is the one command that does not queue: it drops the queued execution commands and asks
// the running one to stop (Session::requestStop, checked between nodes and inside subgraph
// loops). Value fetches carry a tag; a newer fetch with the same tag replaces a queued older
// one, so scrolling through the execution list never builds a backlog. Every signal is emitted
// on the UI thread.
#pragma once

#include "debug_types.h"

#include "exec/tensor_summary.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVector>

#include <QThread>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace onnxscope {

class Model;
class Session;

struct ExecutorConfig {
    QString backendSpec = QStringLiteral("cpu"); // "cpu", "opencl:N"
    int threads = 0;                             // 0: OpenMP's default
    std::map<std::string, int64_t> dims;         // symbolic dim values
    uint64_t memoryBudgetBytes = 4ull << 30;     // for values kept for inspection
};

class DebugExecutor : public QObject {
    Q_OBJECT
public:
    explicit DebugExecutor(QObject* parent = nullptr);
    ~DebugExecutor() override;

    // Plans the model on the worker (device backends compile their kernels here); emits
    // planned or planFailed. Pending commands are dropped. A null model just drops the session.
    void configure(std::shared_ptr<const Model> model, const ExecutorConfig& config);
    void setThreads(int threads);
    // Inputs for the next pass; the pass in progress is restarted with them.
    void setInputs(std::map<std::string, Value> inputs);
    void setBreakpoints(std::set<int> planNodes);
    void setDataWatch(const DataWatch& watch);

    void run();                // from the start to the end or a breakpoint
    void step();               // the next node (starts a pass when none is in progress)
    void runTo(int planIndex); // restarts first when that node has already run
    void resume();             // on from where it stopped, to the end or a breakpoint
    void restart();            // a new pass, stopped before the first node
    void pause();
    void stop(); // pauses, then ends the pass
    void profile(int warmup, int runs);
    void fetchValue(const QString& name, quint64 tag);

    // Tests only: called on the worker before each node of a pass, so that a test can hold the
    // pass at a known node and a pause cannot arrive after the pass has ended.
    void setBeforeNodeHookForTesting(std::function<void(int planIndex)> hook);

    bool isBusy() const { return m_busy; }
    QString busyWith() const { return m_busyWith; }
    qint64 busyForMs() const { return m_busy ? m_busyTimer.elapsed() : 0; }

signals:
    void planned(const onnxscope::PlanSummary& plan);
    void planFailed(const QString& message);
    void busyChanged(bool busy);
    void passStarted();
    void nodesFinished(const QVector<onnxscope::NodeRun>& runs);
    // Sketches of the values a pass bound or computed (graph inputs, then each node's outputs).
    void valuesSketched(const QVector<onnxscope::ValueSketch>& sketches);
    void stopped(const onnxscope::StopInfo& info);
    void profileReady(const onnxscope::ProfileResult& result);
    // value is null when the name has no computed value; error says why.
    void valueReady(quint64 tag, const QString& name, std::shared_ptr<const onnxscope::Value> value,
                    const QString& error);

private:
    struct Command {
        QString description; // for busyWith()
        QString tag;         // non-empty: replaces a queued command with the same tag
        bool execution = false;
        std::function<void()> work;
    };
    void post(Command command);
    void threadMain();
    void deliver(std::function<void()> fn);

    // Worker-thread side.
    bool ensureSession();
    bool beginPass();
    void advance(int lastIndex, bool honourBreakpoints, StopCause reached);
    void runProfile(int warmup, int runs);
    ProfileResult collectProfile(int warmup, int runs) const;
    void finishStop(StopInfo info);
    void sketchValues(const std::vector<std::string>& names, QVector<ValueSketch>& into) const;

    std::unique_ptr<QThread> m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Command> m_queue;
    bool m_quit = false;

    // Shared between the threads.
    std::atomic<bool> m_pause{false};
    std::mutex m_sessionMutex; // guards m_session replacement against pause()'s requestStop
    std::unique_ptr<Session> m_session;
    std::mutex m_settingsMutex;
    std::set<int> m_breakpoints;
    DataWatch m_watch;
    std::function<void(int)> m_beforeNodeHook;

    // Worker only.
    std::map<std::string, Value> m_inputs;
    QString m_backendSpec;
    bool m_needsBegin = true;
    double m_passMs = 0;
    int m_lastRan = -1;

    // UI thread only.
    bool m_busy = false;
    QString m_busyWith;
    QElapsedTimer m_busyTimer;
};

} // namespace onnxscope
