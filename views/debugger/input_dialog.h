// The dialog that sets the debugger's graph inputs: for each input its source (seeded random
// with a distribution and range, zeros, ones, a .pb/.npy/.npz file, or an image with resize,
// layout, channel order and normalization) and a value for every symbolic dim.
#pragma once

#include "input_settings.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace onnxscope {

class InputSpecEditor;

class InputDialog : public QDialog {
    Q_OBJECT
public:
    InputDialog(const std::vector<ValueInfo>& inputs, const InputSettings& settings,
                QWidget* parent = nullptr);
    InputSettings settings() const;

private:
    std::vector<ValueInfo> m_inputs;
    std::vector<InputSpecEditor*> m_editors;
    QMap<QString, QSpinBox*> m_dims;
};

// One input's row: the source and the options that go with it.
class InputSpecEditor : public QWidget {
    Q_OBJECT
public:
    InputSpecEditor(const ValueInfo& info, const InputSpec& spec, QWidget* parent = nullptr);
    InputSpec spec() const;

private:
    void updatePages();
    void browse(bool image);

    QComboBox* m_source;
    QStackedWidget* m_pages;
    QComboBox* m_distribution;
    QCheckBox* m_customRange;
    QDoubleSpinBox* m_low;
    QDoubleSpinBox* m_high;
    QDoubleSpinBox* m_mean;
    QDoubleSpinBox* m_stddev;
    QSpinBox* m_seed;
    QLineEdit* m_file;
    QLineEdit* m_image;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QComboBox* m_layout;
    QComboBox* m_order;
    QDoubleSpinBox* m_scale;
    QLineEdit* m_imageMean;
    QLineEdit* m_imageStd;
};

} // namespace onnxscope
