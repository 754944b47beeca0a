#include "layout_controller.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace onnxscope {

LayoutController::LayoutController(QObject* parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0)) {
    qRegisterMetaType<onnxscope::SceneLayout>();
}

LayoutController::~LayoutController() {
    cancel();
    waitForIdle();
}

quint64 LayoutController::request(std::shared_ptr<const GraphDocument> document, std::vector<bool> expanded) {
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    const auto latest = m_latest;
    const LayoutEngineChoice engine = m_engine;
    QPointer<LayoutController> self(this);
    // Only the UI thread touches `self`: the worker posts closures to this object's thread.
    auto post = [self, guard = QPointer<QObject>(this)](auto fn) {
        if (guard)
            QMetaObject::invokeMethod(guard.data(), std::move(fn), Qt::QueuedConnection);
    };
    auto* watcher = new QFutureWatcher<void>(this);
    ++m_running;
    m_watchers << watcher;
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
        --m_running;
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([=, this] {
        Q_UNUSED(this);
        QElapsedTimer timer;
        timer.start();
        auto cancelled = [&] { return latest->load() != generation; };
        auto report = [&](int done, int total) {
            if (!cancelled())
                post([self, done, total] {
                    if (self)
                        emit self->progress(done, total);
                });
        };
        SceneLayout layout;
        const bool ok = document->layouter(engine).compose(expanded, layout, cancelled, report);
        const qint64 ms = timer.elapsed();
        if (cancelled())
            return;
        if (!ok) {
            post([self, generation] {
                if (self)
                    emit self->failed(generation, tr("The layout could not be computed."));
            });
            return;
        }
        post([self, generation, layout = std::move(layout), ms] {
            // Dropped when a newer request arrived while this result was in the queue.
            if (self && self->m_latest->load() == generation)
                emit self->finished(generation, layout, ms);
        });
    }));
    return generation;
}

void LayoutController::cancel() {
    m_latest->store(++m_generation);
}

void LayoutController::waitForIdle() {
    for (QFutureWatcher<void>* watcher : m_watchers)
        watcher->waitForFinished();
}

} // namespace onnxscope
