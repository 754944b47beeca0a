// The compare dock: where the reference comes from (files, another backend, another model, with
// hand-made value mappings), tolerances (global and per value), Start / Cancel with progress, a
// summary naming the first divergence and whether that node's own error or an inherited one
// explains it, the compared values sortable by error, and the side-by-side view of the
// selected value.
#pragma once

#include "compare_setup.h"

#include "exec/layer_compare.h"

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QCheckBox;
class QSortFilterProxyModel;
class QTableView;

namespace onnxscope {

class CompareResultsModel;
class TensorDiffView;

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);

    // Backend choices shared with the debugger's picker ("cpu", "opencl:N"); item data is the spec.
    void setBackendModel(QAbstractItemModel* model);
    CompareSetup setup() const;
    void setSetup(const CompareSetup& setup);
    void setValueMapping(std::map<std::string, std::string> map);

    void setRunning(bool running, int totalValues = 0);
    void clearResults();
    void addValues(const std::vector<ValueReport>& reports);
    void showReport(const LayerCompareReport& report);
    void showError(const QString& message);
    // Selects the row of a value (when the user picks its node in the graph).
    void selectValue(const QString& name);

    CompareResultsModel* resultsModel() const { return m_results; }
    QTableView* table() const { return m_table; }
    TensorDiffView* diffView() const { return m_diff; }
    QLabel* summaryLabel() const { return m_summary; }
    QPushButton* startButton() const { return m_start; }

signals:
    void startRequested();
    void cancelRequested();
    void valueSelected(const QString& valueName, int planIndex);
    void mappingRequested();

private:
    void browse();
    void updateSourceWidgets();
    void setToleranceForSelected();
    void emitSelection();

    QComboBox* m_source;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QPushButton* m_mapping;
    QComboBox* m_backend;
    QComboBox* m_referenceBackend;
    QDoubleSpinBox* m_atol;
    QDoubleSpinBox* m_rtol;
    QCheckBox* m_everyNode = nullptr;
    QCheckBox* m_isolate;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_summary;
    CompareResultsModel* m_results;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_table;
    TensorDiffView* m_diff;
    std::map<std::string, Tolerance> m_perValue;
    std::map<std::string, std::string> m_nameMap;
};

} // namespace onnxscope
