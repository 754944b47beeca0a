// Runs layer-by-layer comparisons (exec/layer_compare.h) for the GUI on a worker thread, with
// progress as values are compared and cancel, and fetches the two sides of one value for the
// side-by-side view.
//
// Both sides use the inputs the debugger would use for the model (its remembered input
// settings), or the input_K.pb files of a test_data_set folder given as the reference. Results
// of a superseded or cancelled job are dropped. Every signal arrives on the UI thread.
#pragma once

#include "compare_setup.h"

#include "core/tensor.h"
#include "exec/layer_compare.h"
#include "exec/tensor_summary.h"

#include <QMetaType>
#include <QObject>

#include <memory>
#include <mutex>
#include <vector>

namespace onnxscope {

class Model;

// The two tensors of one value, for the side-by-side view.
struct ValuePair {
    QString name;
    Tensor actual;     // side A
    Tensor reference;  // side B or the file
    Tensor difference; // actual - reference as float32, when the shapes match
    TensorSummary differenceSummary;
    TensorComparison comparison;
    QString error; // why one side could not be produced
};

class CompareRunner : public QObject {
    Q_OBJECT
public:
    explicit CompareRunner(QObject* parent = nullptr);
    ~CompareRunner() override;

    void setModel(std::shared_ptr<const Model> model, const QString& path);
    // Starts a comparison; a running one is cancelled first.
    void start(const CompareSetup& setup);
    void cancel();
    bool isRunning() const { return m_running; }
    // Fetches both sides of a value name of side A with the setup of the last start().
    void fetchPair(const QString& valueName);
    // Blocks until the worker jobs are done (tests, shutdown).
    void waitForIdle();

signals:
    void started();
    void valuesCompared(const std::vector<onnxscope::ValueReport>& reports);
    void finished(const onnxscope::LayerCompareReport& report);
    void failed(const QString& message);
    void pairReady(const onnxscope::ValuePair& pair);

private:
    struct Job;

    std::shared_ptr<const Model> m_model;
    QString m_modelPath;
    CompareSetup m_setup;
    std::shared_ptr<Job> m_job;
    quint64 m_generation = 0;
    quint64 m_pairGeneration = 0;
    bool m_running = false;
    std::vector<std::shared_ptr<Job>> m_jobs; // every job still on a worker thread
    std::mutex m_jobsMutex;
};

} // namespace onnxscope

Q_DECLARE_METATYPE(onnxscope::ValuePair)
Q_DECLARE_METATYPE(onnxscope::LayerCompareReport)
