// Runs block layouts on a worker thread and hands finished layouts to the UI thread.
//
// Each request gets a generation id; a newer request makes older jobs stop at their next check
// and their results are dropped, so rapid expand/collapse clicks never show a stale layout.
// Inputs are captured by value (shared immutable documents), results arrive via queued signals.
#pragma once

#include "graph_document.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace onnxscope {

class LayoutController : public QObject {
    Q_OBJECT
public:
    explicit LayoutController(QObject* parent = nullptr);
    ~LayoutController() override;

    void setEngine(LayoutEngineChoice engine) { m_engine = engine; }
    // Starts laying out `expanded` for document; cancels any running request.
    quint64 request(std::shared_ptr<const GraphDocument> document, std::vector<bool> expanded);
    void cancel();
    bool isBusy() const { return m_running > 0; }
    quint64 generation() const { return m_generation.load(); }
    // Blocks until the running job (if any) has finished; for tests and shutdown.
    void waitForIdle();

signals:
    void progress(int done, int total);
    void finished(quint64 generation, const onnxscope::SceneLayout& layout, qint64 milliseconds);
    void failed(quint64 generation, const QString& message);

private:
    std::shared_ptr<std::atomic<quint64>> m_latest; // shared with jobs: the newest generation
    std::atomic<quint64> m_generation{0};
    LayoutEngineChoice m_engine = LayoutEngineChoice::Auto;
    int m_running = 0;
    QList<QFutureWatcher<void>*> m_watchers;
};

} // namespace onnxscope

Q_DECLARE_METATYPE(onnxscope::SceneLayout)
