#include "debug_executor.h"

#include "core/model.h"
#include "exec/backend_factory.h"
#include "exec/session.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <chrono>
#include <climits>

namespace onnxscope {

namespace {

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

// Deep copy: the UI keeps what it was shown even after the session frees or recomputes it.
Value cloneValue(const Value& value) {
    Value copy = value;
    if (value.isTensor())
        copy.tensor = value.tensor.clone();
    for (Value& element : copy.elements)
        element = cloneValue(element);
    if (value.kind == Value::Kind::Map) {
        copy.mapKeys = value.mapKeys.clone();
        copy.mapValues = value.mapValues.clone();
    }
    return copy;
}

double medianOf(std::vector<double> values) {
    if (values.empty())
        return 0;
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2)
        return *mid;
    return (*std::max_element(values.begin(), mid) + *mid) / 2;
}

PlanSummary summarize(const Session& session, const ExecutorConfig& config) {
    PlanSummary summary;
    summary.backendSpec = config.backendSpec;
    summary.threads = config.threads;
    summary.inputs = session.inputs();
    const ExecutionPlan& plan = session.plan();
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const PlannedNode& node = plan.nodes[i];
        PlanNodeInfo info;
        info.label = fromStd(node.label(i));
        info.opType = fromStd(node.desc.opType);
        info.backend = node.backend ? fromStd(node.backend->name()) : QString();
        info.functionPath = fromStd(node.functionPath);
        info.sourceIndex = node.sourceIndex;
        for (const std::string& out : node.desc.outputs)
            info.outputs << fromStd(out);
        if (!node.planError.ok())
            info.planError = fromStd(node.planError.message());
        summary.nodes.push_back(std::move(info));
    }
    return summary;
}

// What one profiler scope costs, so the profile can say how much of a node time is overhead.
double measureScopeOverheadNs() {
    Profiler probe;
    constexpr int kRounds = 2000;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) {
        NodeSample sample;
        sample.name = "probe";
        Profiler::Scope scope(&probe, std::move(sample));
    }
    const auto ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
            .count();
    return static_cast<double>(ns) / kRounds;
}

} // namespace

double ProfileResult::medianTotalMs() const {
    return medianOf(runTotalsMs);
}

double ProfileResult::medianWallMs() const {
    return medianOf(runWallMs);
}

DebugExecutor::DebugExecutor(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<PlanSummary>();
    qRegisterMetaType<NodeRun>();
    qRegisterMetaType<ValueSketch>();
    qRegisterMetaType<StopInfo>();
    qRegisterMetaType<ProfileResult>();
    m_thread.reset(QThread::create([this] { threadMain(); }));
    m_thread->setObjectName(QStringLiteral("onnxscope-executor"));
    m_thread->start();
}

DebugExecutor::~DebugExecutor() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_queue.clear();
    }
    pause();
    m_wake.notify_all();
    m_thread->wait();
}

void DebugExecutor::post(Command command) {
    // Cleared when posted, not when started: a pause between the two must still count.
    if (command.execution)
        m_pause.store(false);
    {
        std::lock_guard lock(m_mutex);
        if (!command.tag.isEmpty())
            std::erase_if(m_queue, [&](const Command& c) { return c.tag == command.tag; });
        m_queue.push_back(std::move(command));
    }
    m_wake.notify_one();
}

void DebugExecutor::deliver(std::function<void()> fn) {
    QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
}

void DebugExecutor::threadMain() {
    for (;;) {
        Command command;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
            if (m_quit)
                return;
            command = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const QString what = command.description;
        deliver([this, what] {
            if (!m_busy)
                m_busyTimer.start();
            m_busy = true;
            m_busyWith = what;
            emit busyChanged(true);
        });
        command.work();
        bool idle;
        {
            std::lock_guard lock(m_mutex);
            idle = m_queue.empty();
        }
        if (idle)
            deliver([this] {
                m_busy = false;
                m_busyWith.clear();
                emit busyChanged(false);
            });
    }
}

void DebugExecutor::configure(std::shared_ptr<const Model> model, const ExecutorConfig& config) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.clear();
    }
    pause();
    post({tr("Planning the model"), QString(), false, [this, model, config] {
              std::unique_ptr<Session> session;
              QString error;
              if (model) {
                  SessionOptions options;
                  options.threads = config.threads;
                  options.keepIntermediates = true;
                  options.memoryBudgetBytes = config.memoryBudgetBytes;
                  options.dimOverrides = config.dims;
                  options.profile = true;
                  auto backends = sessionBackendsFor(config.backendSpec.toStdString());
                  if (backends.ok())
                      options.backends = std::move(backends).value();
                  else
                      error = fromStd(backends.message());
                  if (error.isEmpty()) {
                      auto created = Session::create(model, options);
                      if (created.ok())
                          session = std::move(created).value();
                      else
                          error = fromStd(created.message());
                  }
              }
              PlanSummary summary;
              if (session)
                  summary = summarize(*session, config);
              {
                  std::lock_guard lock(m_sessionMutex);
                  m_session = std::move(session);
              }
              m_needsBegin = true;
              m_backendSpec = config.backendSpec;
              m_lastRan = -1;
              m_passMs = 0;
              if (!model)
                  return;
              if (!error.isEmpty())
                  deliver([this, error] { emit planFailed(error); });
              else
                  deliver([this, summary] { emit planned(summary); });
          }});
}

void DebugExecutor::setThreads(int threads) {
    post({tr("Setting threads"), QStringLiteral("threads"), false, [this, threads] {
              if (m_session)
                  m_session->setThreads(threads);
          }});
}

void DebugExecutor::setInputs(std::map<std::string, Value> inputs) {
    auto shared = std::make_shared<std::map<std::string, Value>>(std::move(inputs));
    post({tr("Setting inputs"), QString(), true, [this, shared] {
              m_inputs = std::move(*shared);
              if (ensureSession() && beginPass())
                  finishStop({StopCause::Started, 0, -1, QString(), 0});
          }});
}

void DebugExecutor::setBreakpoints(std::set<int> planNodes) {
    std::lock_guard lock(m_settingsMutex);
    m_breakpoints = std::move(planNodes);
}

void DebugExecutor::setDataWatch(const DataWatch& watch) {
    std::lock_guard lock(m_settingsMutex);
    m_watch = watch;
}

void DebugExecutor::run() {
    post({tr("Running"), QString(), true, [this] {
              if (ensureSession() && beginPass())
                  advance(INT_MAX, true, StopCause::Finished);
          }});
}

void DebugExecutor::step() {
    post({tr("Stepping"), QString(), true, [this] {
              if (!ensureSession())
                  return;
              if (m_needsBegin || m_session->isFinished()) {
                  if (beginPass())
                      finishStop({StopCause::Started, 0, -1, QString(), 0});
                  return; // the first Step sets the pass up; the next one runs node 0
              }
              advance(static_cast<int>(m_session->nextNode()), false, StopCause::Step);
          }});
}

void DebugExecutor::runTo(int planIndex) {
    post({tr("Running to a node"), QString(), true, [this, planIndex] {
              if (!ensureSession())
                  return;
              if (planIndex < 0 || planIndex >= static_cast<int>(m_session->nodeCount()))
                  return;
              if (m_needsBegin || static_cast<int>(m_session->nextNode()) > planIndex) {
                  if (!beginPass())
                      return;
              }
              advance(planIndex, true, StopCause::RunTo);
          }});
}

void DebugExecutor::resume() {
    post({tr("Continuing"), QString(), true, [this] {
              if (!ensureSession())
                  return;
              if ((m_needsBegin || m_session->isFinished()) && !beginPass())
                  return;
              advance(INT_MAX, true, StopCause::Finished);
          }});
}

void DebugExecutor::restart() {
    post({tr("Restarting"), QString(), true, [this] {
              if (ensureSession() && beginPass())
                  finishStop({StopCause::Started, 0, -1, QString(), 0});
          }});
}

void DebugExecutor::setBeforeNodeHookForTesting(std::function<void(int)> hook) {
    std::lock_guard lock(m_settingsMutex);
    m_beforeNodeHook = std::move(hook);
}

void DebugExecutor::pause() {
    {
        std::lock_guard lock(m_mutex);
        std::erase_if(m_queue, [](const Command& c) { return c.execution; });
    }
    m_pause.store(true);
    // Also stops inside Loop/Scan bodies. A request that arrives between nodes is consumed by
    // the next step (advance() then sees m_pause); begin() clears one left over when idle.
    std::lock_guard lock(m_sessionMutex);
    if (m_session)
        m_session->requestStop();
}

void DebugExecutor::stop() {
    pause();
    // Not an execution command: posting it must not clear the pause requested just above.
    post({tr("Stopping"), QString(), false, [this] {
              m_needsBegin = true;
              m_pause.store(false);
              finishStop({StopCause::Stopped, 0, m_lastRan, QString(), 0});
          }});
}

void DebugExecutor::profile(int warmup, int runs) {
    post({tr("Profiling"), QString(), true, [this, warmup, runs] {
              if (ensureSession())
                  runProfile(std::max(0, warmup), std::max(1, runs));
          }});
}

void DebugExecutor::fetchValue(const QString& name, quint64 tag) {
    post({tr("Reading a value"), QStringLiteral("value:%1").arg(tag), false, [this, name, tag] {
              std::shared_ptr<const Value> value;
              QString error;
              const Value* v = m_session ? m_session->value(name.toStdString()) : nullptr;
              if (v)
                  value = std::make_shared<const Value>(cloneValue(*v));
              else if (!m_session)
                  error = tr("No model is planned.");
              else
                  error = tr("'%1' has not been computed in this pass.").arg(name);
              deliver([this, tag, name, value, error] { emit valueReady(tag, name, value, error); });
          }});
}

bool DebugExecutor::ensureSession() {
    if (m_session)
        return true;
    deliver([this] { emit planFailed(tr("No model is planned.")); });
    return false;
}

bool DebugExecutor::beginPass() {
    m_session->setKeepIntermediates(true);
    m_session->profiler().clear();
    const Status status = m_session->begin(m_inputs);
    m_lastRan = -1;
    m_passMs = 0;
    if (!status.ok()) {
        m_needsBegin = true;
        finishStop({StopCause::Failed, 0, -1, tr("Cannot start: %1").arg(fromStd(status.message())), 0});
        return false;
    }
    m_needsBegin = false;
    deliver([this] { emit passStarted(); });
    QVector<ValueSketch> inputs;
    std::vector<std::string> names;
    for (const ValueInfo& input : m_session->plan().inputs)
        names.push_back(input.name);
    sketchValues(names, inputs);
    if (!inputs.isEmpty())
        deliver([this, sketches = std::move(inputs)] { emit valuesSketched(sketches); });
    return true;
}

void DebugExecutor::sketchValues(const std::vector<std::string>& names, QVector<ValueSketch>& into) const {
    for (const std::string& name : names) {
        const Value* v = name.empty() ? nullptr : m_session->value(name);
        if (!v || !v->isTensor())
            continue;
        auto sketch = sketchTensor(v->tensor);
        if (sketch.ok())
            into.push_back({fromStd(name), std::move(sketch).value()});
    }
}

void DebugExecutor::finishStop(StopInfo info) {
    info.passMs = m_passMs;
    deliver([this, info] { emit stopped(info); });
}

void DebugExecutor::advance(int lastIndex, bool honourBreakpoints, StopCause reached) {
    Session& session = *m_session;
    std::set<int> breakpoints;
    DataWatch watch;
    std::function<void(int)> beforeNode;
    {
        std::lock_guard lock(m_settingsMutex);
        breakpoints = m_breakpoints;
        watch = m_watch;
        beforeNode = m_beforeNodeHook;
    }
    QVector<NodeRun> batch;
    QVector<ValueSketch> sketches;
    QElapsedTimer flushTimer;
    flushTimer.start();
    auto flush = [&] {
        if (!sketches.isEmpty()) {
            deliver([this, values = std::move(sketches)] { emit valuesSketched(values); });
            sketches.clear();
        }
        if (batch.isEmpty())
            return;
        deliver([this, runs = std::move(batch)] { emit nodesFinished(runs); });
        batch.clear();
        flushTimer.restart();
    };
    auto stop = [&](StopCause cause, QString message = QString()) {
        flush();
        finishStop({cause, static_cast<int>(session.nextNode()), m_lastRan, std::move(message), 0});
    };
    const int first = static_cast<int>(session.nextNode());
    QElapsedTimer wall;
    wall.start();
    while (!session.isFinished() && static_cast<int>(session.nextNode()) <= lastIndex) {
        const int index = static_cast<int>(session.nextNode());
        if (beforeNode)
            beforeNode(index);
        if (m_pause.exchange(false))
            return stop(StopCause::Paused);
        if (honourBreakpoints && index != first && breakpoints.count(index))
            return stop(StopCause::Breakpoint);
        auto result = session.step();
        if (!result.ok()) {
            m_lastRan = index;
            m_needsBegin = true; // the next run starts over (with new inputs, perhaps)
            return stop(StopCause::Failed, fromStd(result.message()));
        }
        if (*result == StopReason::Stopped)
            continue; // a stop request: the loop head sees m_pause, or it was stale and consumed
        m_lastRan = index;
        NodeRun run;
        run.planIndex = index;
        const auto& samples = session.profiler().samples();
        if (!samples.empty() && samples.back().nodeIndex == index) {
            run.durationNs = samples.back().durationNs;
            run.deviceNs = samples.back().deviceNs;
        }
        m_passMs += static_cast<double>(run.durationNs) / 1e6;
        batch.push_back(run);
        // Outside the profiled kernel call, so the pass's node times do not include it.
        sketchValues(session.plan().nodes[static_cast<size_t>(index)].desc.outputs, sketches);
        if (watch.active()) {
            for (const std::string& name : session.plan().nodes[static_cast<size_t>(index)].desc.outputs) {
                const Value* v = name.empty() ? nullptr : session.value(name);
                if (!v)
                    continue;
                if (auto hit = checkDataWatch(*v, name, watch))
                    return stop(StopCause::DataBreakpoint, fromStd(*hit));
            }
        }
        if (flushTimer.elapsed() > 40)
            flush();
    }
    const double wallMs = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    stop(session.isFinished() ? StopCause::Finished : reached);
    if (session.isFinished() && first == 0) {
        // A whole pass in one go is a (single) profile run too.
        ProfileResult result = collectProfile(0, 1);
        result.runWallMs = {wallMs};
        result.fromDebugPass = true;
        deliver([this, result] { emit profileReady(result); });
    }
}

ProfileResult DebugExecutor::collectProfile(int warmup, int runs) const {
    const Profiler& profiler = m_session->profiler();
    ProfileResult result;
    result.warmup = warmup;
    result.runs = runs;
    result.backendSpec = m_backendSpec;
    result.nodes = profiler.nodeStats();
    result.ops = profiler.opStats();
    result.runTotalsMs = profiler.runTotalsMs();
    result.chromeTrace = profiler.chromeTraceJson();
    result.deviceTimes = std::any_of(profiler.samples().begin(), profiler.samples().end(),
                                     [](const NodeSample& s) { return s.deviceNs >= 0; });
    result.overheadNsPerNode = measureScopeOverheadNs();
    return result;
}

void DebugExecutor::runProfile(int warmup, int runs) {
    Session& session = *m_session;
    session.setKeepIntermediates(false); // time the plain inference path, with its memory reuse
    session.profiler().clear();
    std::vector<double> wallMs;
    QString error;
    for (int i = 0; i < warmup + runs; ++i) {
        if (m_pause.load()) {
            error = tr("Profiling paused after %n run(s).", nullptr, i);
            break;
        }
        if (i == warmup)
            session.profiler().clear();
        const auto start = std::chrono::steady_clock::now();
        auto outputs = session.runAll(m_inputs);
        const auto wallNs =
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
                .count();
        if (!outputs.ok()) {
            error = m_pause.load() ? tr("Profiling paused.") : fromStd(outputs.message());
            break;
        }
        if (i >= warmup)
            wallMs.push_back(static_cast<double>(wallNs) / 1e6);
    }
    m_needsBegin = true;
    session.setKeepIntermediates(true);
    if (!error.isEmpty()) {
        m_pause.store(false);
        finishStop({StopCause::Failed, 0, -1, error, 0});
        return;
    }
    ProfileResult result = collectProfile(warmup, runs);
    result.runWallMs = std::move(wallMs);
    deliver([this, result] { emit profileReady(result); });
}

} // namespace onnxscope
