// Tensors as pictures: a 2-D slice as a heat map, or every channel of an NCHW activation as a
// grid of small heat maps. The colour range fits the finite values shown (over the whole grid,
// or per channel); NaN cells are magenta and Inf cells cyan.
#pragma once

#include "tensor_slice.h"

#include <QImage>
#include <QWidget>

namespace onnxscope {

class TensorImageView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Slice, ChannelGrid };

    explicit TensorImageView(QWidget* parent = nullptr);
    void setTensor(const Tensor& tensor, const TensorSlice& slice);
    void setMode(Mode mode);
    void setPerChannelRange(bool perChannel);
    Mode mode() const { return m_mode; }
    // Only rank-4 numeric tensors (N, C, H, W) have a channel grid.
    bool canShowChannels() const;
    const QImage& image() const { return m_image; }
    QString rangeText() const { return m_rangeText; }

    static QImage renderSlice(const Tensor& tensor, const TensorSlice& slice, QString* rangeText = nullptr);
    static QImage renderChannels(const Tensor& tensor, int64_t batch, bool perChannel,
                                 QString* rangeText = nullptr);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void rebuild();

    Tensor m_tensor;
    TensorSlice m_slice;
    Mode m_mode = Mode::Slice;
    bool m_perChannel = false;
    QImage m_image;
    QString m_rangeText;
};

} // namespace onnxscope
