#include "compare_runner.h"

#include "views/debugger/input_settings.h"

#include "core/model.h"
#include "exec/backend_factory.h"
#include "exec/input_generator.h"
#include "exec/session.h"

#include <QDir>
#include <QFileInfo>
#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace onnxscope {

struct CompareRunner::Job {
    quint64 generation = 0;
    std::atomic<bool> cancelled{false};
    std::mutex mutex;
    Session* running = nullptr;       // side A while compareLayers runs, for cancel
    std::vector<ValueReport> pending; // compared, not yet handed to the UI
    bool drainPosted = false;
    QFuture<void> future;

    void stop() {
        cancelled = true;
        std::lock_guard lock(mutex);
        if (running)
            running->requestStop();
    }
};

namespace {

std::string toStd(const QString& s) {
    return s.toStdString();
}

Result<std::unique_ptr<Session>> makeSession(std::shared_ptr<const Model> model, const QString& backend,
                                             int threads) {
    SessionOptions options;
    options.threads = threads;
    OS_ASSIGN_OR_RETURN(options.backends, sessionBackendsFor(toStd(backend)));
    return Session::create(std::move(model), options);
}

// A test_data_set folder given as the reference also holds the inputs it was made from.
bool hasInputFiles(const CompareSetup& setup) {
    return setup.source == CompareSetup::Source::Files && QFileInfo(setup.referencePath).isDir() &&
           QFileInfo::exists(QDir(setup.referencePath).filePath(QStringLiteral("input_0.pb")));
}

Result<std::map<std::string, Value>> makeInputs(const Session& session, const CompareSetup& setup,
                                                const QString& modelPath) {
    if (!hasInputFiles(setup))
        return buildInputs(session.inputs(), InputSettings::load(modelPath));
    std::map<std::string, Value> inputs;
    const auto& declared = session.inputs();
    for (size_t k = 0; k < declared.size(); ++k) {
        const QString file = QDir(setup.referencePath).filePath(QStringLiteral("input_%1.pb").arg(k));
        if (!QFileInfo::exists(file)) {
            if (declared[k].hasInitializer)
                continue;
            return Status::error("no " + toStd(file) + " for input '" + declared[k].name + "'");
        }
        OS_ASSIGN_OR_RETURN(Value value, readInputValue(toStd(file), declared[k]));
        inputs[declared[k].name] = std::move(value);
    }
    return inputs;
}

Result<std::unique_ptr<ReferenceSource>>
makeReference(const CompareSetup& setup, const std::shared_ptr<const Model>& model, const Session& sideA) {
    if (setup.source == CompareSetup::Source::Files) {
        OS_ASSIGN_OR_RETURN(auto files, FileReference::open(toStd(setup.referencePath), sideA.plan()));
        return std::unique_ptr<ReferenceSource>(std::move(files));
    }
    std::shared_ptr<const Model> other = model;
    std::string description = "backend " + toStd(setup.referenceBackend);
    if (setup.source == CompareSetup::Source::Model) {
        OS_ASSIGN_OR_RETURN(other, Model::load(toStd(setup.referencePath)));
        description = "model " + toStd(QFileInfo(setup.referencePath).fileName());
    }
    auto session = makeSession(other, setup.referenceBackend, sideA.options().threads);
    if (!session.ok())
        return Status::error(description + ": " + session.message());
    return std::unique_ptr<ReferenceSource>(
        std::make_unique<SessionReference>(std::move(session).value(), setup.nameMap, description));
}

// One value from a source that computes or reads it on demand.
Result<Tensor> takeTensor(ReferenceSource& source, const std::string& name,
                          const std::map<std::string, Value>& inputs) {
    source.expect({name});
    // Every node, so a value computed inside a fused group can be shown too.
    OS_RETURN_IF_ERROR(source.begin(inputs, true));
    OS_ASSIGN_OR_RETURN(std::optional<Value> value, source.take(name));
    if (!value)
        return Status::error(source.description() + " has no value '" + name + "'");
    if (!value->isTensor())
        return Status::error("'" + name + "' is not a tensor");
    return value->tensor.clone();
}

// actual - reference, elementwise, as float32 (the heat map and histogram need no more).
Result<Tensor> differenceTensor(const Tensor& actual, const Tensor& reference) {
    if (actual.shape() != reference.shape())
        return Status::error("shapes differ");
    OS_ASSIGN_OR_RETURN(Tensor out, Tensor::allocate(DataType::Float, actual.shape()));
    float* d = out.data<float>();
    for (int64_t i = 0; i < out.elementCount(); ++i)
        d[i] = static_cast<float>(actual.elementAsDouble(i) - reference.elementAsDouble(i));
    return out;
}

ValuePair fetchPairNow(std::shared_ptr<const Model> model, const QString& modelPath,
                       const CompareSetup& setup, const QString& name) {
    ValuePair pair;
    pair.name = name;
    auto session = makeSession(model, setup.backend, setup.threads);
    if (!session.ok()) {
        pair.error = QString::fromStdString(session.message());
        return pair;
    }
    auto inputs = makeInputs(**session, setup, modelPath);
    if (!inputs.ok()) {
        pair.error = QString::fromStdString(inputs.message());
        return pair;
    }
    auto reference = makeReference(setup, model, **session);
    if (!reference.ok()) {
        pair.error = QString::fromStdString(reference.message());
        return pair;
    }
    auto expected = takeTensor(**reference, toStd(name), *inputs);
    // Side A as a lock-step source of its own values: it runs only as far as the value needs.
    SessionReference sideA(std::move(session).value(), {}, "the model");
    auto actual = takeTensor(sideA, toStd(name), *inputs);
    if (!actual.ok())
        pair.error = QString::fromStdString(actual.message());
    else
        pair.actual = std::move(actual).value();
    if (!expected.ok())
        pair.error = QString::fromStdString(expected.message());
    else
        pair.reference = std::move(expected).value();
    if (pair.actual.isValid() && pair.reference.isValid()) {
        pair.comparison = compareTensors(pair.actual, pair.reference, setup.tolerances.forName(toStd(name)));
        if (auto difference = differenceTensor(pair.actual, pair.reference); difference.ok()) {
            pair.difference = std::move(difference).value();
            if (auto summary = summarizeTensor(pair.difference); summary.ok())
                pair.differenceSummary = std::move(summary).value();
        }
    }
    return pair;
}

} // namespace

CompareRunner::CompareRunner(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<ValuePair>();
    qRegisterMetaType<LayerCompareReport>();
}

CompareRunner::~CompareRunner() {
    cancel();
    waitForIdle();
}

void CompareRunner::setModel(std::shared_ptr<const Model> model, const QString& path) {
    cancel();
    m_model = std::move(model);
    m_modelPath = path;
}

void CompareRunner::cancel() {
    if (m_job)
        m_job->stop();
    m_job.reset();
    ++m_generation;
    if (m_running) {
        m_running = false;
        emit failed(tr("Comparison cancelled."));
    }
}

void CompareRunner::waitForIdle() {
    std::vector<std::shared_ptr<Job>> jobs;
    {
        std::lock_guard lock(m_jobsMutex);
        jobs = m_jobs;
    }
    for (const auto& job : jobs)
        job->future.waitForFinished();
    std::lock_guard lock(m_jobsMutex);
    std::erase_if(m_jobs, [](const std::shared_ptr<Job>& j) { return j->future.isFinished(); });
}

void CompareRunner::start(const CompareSetup& setup) {
    cancel();
    if (!m_model) {
        emit failed(tr("Open a model first."));
        return;
    }
    m_setup = setup;
    auto job = std::make_shared<Job>();
    job->generation = ++m_generation;
    m_job = job;
    m_running = true;
    emit started();

    QPointer<CompareRunner> self(this);
    auto model = m_model;
    const QString modelPath = m_modelPath;
    auto post = [self, job](auto&& f) {
        QMetaObject::invokeMethod(
            self,
            [self, job, f = std::forward<decltype(f)>(f)]() mutable {
                if (self && job->generation == self->m_generation && !job->cancelled)
                    f(*self);
            },
            Qt::QueuedConnection);
    };
    job->future = QtConcurrent::run([job, model, modelPath, setup, post]() {
        auto fail = [&](const std::string& message) {
            post([message](CompareRunner& r) {
                r.m_running = false;
                emit r.failed(QString::fromStdString(message));
            });
        };
        auto session = makeSession(model, setup.backend, setup.threads);
        if (!session.ok())
            return fail(session.message());
        auto inputs = makeInputs(**session, setup, modelPath);
        if (!inputs.ok())
            return fail(inputs.message());
        auto reference = makeReference(setup, model, **session);
        if (!reference.ok())
            return fail(reference.message());

        LayerCompareOptions options;
        options.tolerances = setup.tolerances;
        options.isolate = setup.isolate;
        options.everyNode = setup.everyNode;
        options.onValue = [job, post](const ValueReport& report) {
            std::lock_guard lock(job->mutex);
            job->pending.push_back(report);
            if (job->drainPosted)
                return;
            job->drainPosted = true;
            post([job](CompareRunner& r) {
                std::vector<ValueReport> batch;
                {
                    std::lock_guard lock(job->mutex);
                    batch.swap(job->pending);
                    job->drainPosted = false;
                }
                emit r.valuesCompared(batch);
            });
        };
        {
            std::lock_guard lock(job->mutex);
            if (job->cancelled)
                return;
            job->running = session->get();
        }
        auto report = compareLayers(**session, *inputs, **reference, options);
        {
            std::lock_guard lock(job->mutex);
            job->running = nullptr;
        }
        if (!report.ok())
            return fail(report.message());
        post([job, report = std::move(report).value()](CompareRunner& r) {
            // Values still queued go out before the summary that refers to them.
            std::vector<ValueReport> batch;
            {
                std::lock_guard lock(job->mutex);
                batch.swap(job->pending);
            }
            if (!batch.empty())
                emit r.valuesCompared(batch);
            r.m_running = false;
            r.m_job.reset();
            emit r.finished(report);
        });
    });
    std::lock_guard lock(m_jobsMutex);
    std::erase_if(m_jobs, [](const std::shared_ptr<Job>& j) { return j->future.isFinished(); });
    m_jobs.push_back(job);
}

void CompareRunner::fetchPair(const QString& valueName) {
    if (!m_model)
        return;
    auto job = std::make_shared<Job>();
    job->generation = ++m_pairGeneration;
    QPointer<CompareRunner> self(this);
    auto model = m_model;
    const QString modelPath = m_modelPath;
    const CompareSetup setup = m_setup;
    job->future = QtConcurrent::run([self, job, model, modelPath, setup, valueName]() {
        ValuePair pair = fetchPairNow(model, modelPath, setup, valueName);
        QMetaObject::invokeMethod(
            self,
            [self, job, pair = std::move(pair)]() {
                // Only the latest request matters when the user clicks through the list.
                if (self && job->generation == self->m_pairGeneration)
                    emit self->pairReady(pair);
            },
            Qt::QueuedConnection);
    });
    std::lock_guard lock(m_jobsMutex);
    std::erase_if(m_jobs, [](const std::shared_ptr<Job>& j) { return j->future.isFinished(); });
    m_jobs.push_back(job);
}

} // namespace onnxscope
