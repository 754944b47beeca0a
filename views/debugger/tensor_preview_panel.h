// The tensor preview dock: for a computed value, its shape and type, statistics (min, max, mean,
// std, NaN/Inf counts, fraction of zeros) and histogram, computed off the UI thread; a values
// table that slices N-d tensors (two axes shown, the others fixed); a heat-map image of the same
// slice or a channel grid for NCHW activations; export as .npy or .pb.
//
// The panel does not fetch values itself: it lists the names a selection offers (a node's
// outputs) and asks for one with valueRequested; the owner answers with setValue.
#pragma once

#include "tensor_slice_picker.h"

#include "core/value.h"
#include "exec/tensor_summary.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QTableView;
class QTabWidget;
class QHBoxLayout;
class QCheckBox;
class QPushButton;

namespace onnxscope {

class HistogramWidget;
class TensorImageView;
class TensorSliceModel;

class TensorPreviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit TensorPreviewPanel(QWidget* parent = nullptr);
    ~TensorPreviewPanel() override;

    // Offers names (a node's outputs) and requests the first one.
    void setCandidates(const QString& title, const QStringList& names);
    // value null: not available, with the reason in error.
    void setValue(const QString& name, std::shared_ptr<const Value> value, const QString& error = QString());
    void clear();

    QString currentName() const { return m_name; }
    std::shared_ptr<const Value> value() const { return m_value; }
    // The statistics of the current tensor once computed (for tests and tooltips).
    bool hasSummary() const { return m_summaryReady; }
    const TensorSummary& summary() const { return m_summary; }
    QString statisticsText() const;
    TensorSliceModel* sliceModel() const { return m_sliceModel; }
    TensorImageView* imageView() const { return m_image; }

    bool exportTo(const QString& path, QString* error = nullptr) const;

signals:
    void valueRequested(const QString& name);
    void summaryReady();

private:
    void showTensor(const Tensor& tensor);
    void applySlice();
    void startSummary(const Tensor& tensor);
    void exportWithDialog();

    QComboBox* m_names;
    QLabel* m_header;
    QLabel* m_stats;
    HistogramWidget* m_histogram;
    QTabWidget* m_tabs;
    TensorSlicePicker* m_slicePicker;
    QTableView* m_table;
    TensorSliceModel* m_sliceModel;
    TensorImageView* m_image;
    QComboBox* m_imageMode;
    QCheckBox* m_perChannel;
    QLabel* m_imageRange;
    QPushButton* m_export;

    QString m_name;
    std::shared_ptr<const Value> m_value;
    Tensor m_tensor;
    TensorSummary m_summary;
    bool m_summaryReady = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace onnxscope
