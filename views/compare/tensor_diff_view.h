// One compared value side by side: side A, the reference and their difference as heat maps of
// the same 2-D slice (axes chosen like the tensor preview's), a histogram of the differences
// and the comparison's numbers.
#pragma once

#include "compare_runner.h"

#include "views/debugger/tensor_slice_picker.h"

#include <QWidget>

class QLabel;

namespace onnxscope {

class HistogramWidget;

class TensorDiffView : public QWidget {
    Q_OBJECT
public:
    explicit TensorDiffView(QWidget* parent = nullptr);
    void setPair(const ValuePair& pair);
    void showMessage(const QString& text);
    void clear();

    const ValuePair& pair() const { return m_pair; }
    const TensorSlice& slice() const { return m_slicePicker->slice(); }
    // The three rendered images (tests): actual, reference, difference.
    QImage image(int side) const;

private:
    void renderImages();

    ValuePair m_pair;
    QLabel* m_title;
    QLabel* m_stats;
    TensorSlicePicker* m_slicePicker;
    QLabel* m_images[3];
    QLabel* m_ranges[3];
    QImage m_rendered[3];
    HistogramWidget* m_histogram;
};

} // namespace onnxscope
