// A bar chart of a tensor's value distribution (TensorSummary::histogram) with the range it
// covers underneath.
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

namespace onnxscope {

class HistogramWidget : public QWidget {
    Q_OBJECT
public:
    explicit HistogramWidget(QWidget* parent = nullptr);
    void setHistogram(std::vector<int64_t> bins, double min, double max);
    void clear();
    QSize sizeHint() const override { return QSize(240, 90); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<int64_t> m_bins;
    double m_min = 0, m_max = 0;
};

} // namespace onnxscope
