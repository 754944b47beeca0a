#include "input_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <limits>

namespace onnxscope {

namespace {

QDoubleSpinBox* numberBox(double value, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(-1e9, 1e9);
    box->setDecimals(4);
    box->setValue(value);
    return box;
}

QString tripleText(const double (&v)[3]) {
    return QStringLiteral("%1, %2, %3").arg(v[0]).arg(v[1]).arg(v[2]);
}

void parseTriple(const QString& text, double (&out)[3]) {
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.size() == 1)
        for (double& v : out)
            v = parts[0].trimmed().toDouble();
    if (parts.size() == 3)
        for (int i = 0; i < 3; ++i)
            out[i] = parts[i].trimmed().toDouble();
}

QString describeDeclared(const ValueInfo& info) {
    QStringList dims;
    for (size_t d = 0; d < info.dims.size(); ++d)
        dims << (info.dims[d] >= 0 ? QString::number(info.dims[d])
                 : d < info.dimParams.size() && !info.dimParams[d].empty()
                     ? QString::fromStdString(info.dimParams[d])
                     : QStringLiteral("?"));
    return QStringLiteral("%1 [%2]").arg(QString::fromLatin1(dataTypeName(info.elementType)),
                                         dims.join(QStringLiteral(", ")));
}

} // namespace

InputSpecEditor::InputSpecEditor(const ValueInfo& info, const InputSpec& spec, QWidget* parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_pages(new QStackedWidget(this)) {
    m_source->addItem(tr("Seeded random"), int(InputSpec::Source::Random));
    m_source->addItem(tr("Zeros"), int(InputSpec::Source::Zeros));
    m_source->addItem(tr("Ones"), int(InputSpec::Source::Ones));
    m_source->addItem(tr("File (.pb, .npy, .npz)"), int(InputSpec::Source::File));
    m_source->addItem(tr("Image"), int(InputSpec::Source::Image));
    m_source->setCurrentIndex(m_source->findData(int(spec.source)));

    // Random
    auto* random = new QWidget(m_pages);
    auto* rf = new QFormLayout(random);
    m_distribution = new QComboBox(random);
    m_distribution->addItem(tr("Uniform"), int(RandomDistribution::Uniform));
    m_distribution->addItem(tr("Normal"), int(RandomDistribution::Normal));
    m_distribution->setCurrentIndex(spec.random.distribution == RandomDistribution::Normal ? 1 : 0);
    rf->addRow(tr("Distribution:"), m_distribution);
    m_customRange = new QCheckBox(tr("Custom range (else [-1, 1) for floats, [0, 10) for integers)"), random);
    m_customRange->setChecked(spec.customRange);
    rf->addRow(m_customRange);
    m_low = numberBox(spec.random.low, random);
    m_high = numberBox(spec.random.high, random);
    auto* range = new QHBoxLayout;
    range->addWidget(m_low);
    range->addWidget(new QLabel(tr("to"), random));
    range->addWidget(m_high);
    rf->addRow(tr("Uniform range:"), range);
    m_mean = numberBox(spec.random.mean, random);
    m_stddev = numberBox(spec.random.stddev, random);
    auto* normal = new QHBoxLayout;
    normal->addWidget(m_mean);
    normal->addWidget(new QLabel(tr("std"), random));
    normal->addWidget(m_stddev);
    rf->addRow(tr("Normal mean:"), normal);
    m_seed = new QSpinBox(random);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(static_cast<int>(spec.seed));
    rf->addRow(tr("Seed:"), m_seed);
    m_pages->addWidget(random);

    // Zeros / ones
    m_pages->addWidget(new QWidget(m_pages));

    // File
    auto* filePage = new QWidget(m_pages);
    auto* fl = new QHBoxLayout(filePage);
    m_file = new QLineEdit(spec.source == InputSpec::Source::File ? spec.file : QString(), filePage);
    auto* browseFile = new QPushButton(tr("Browse…"), filePage);
    connect(browseFile, &QPushButton::clicked, this, [this] { browse(false); });
    fl->addWidget(m_file, 1);
    fl->addWidget(browseFile);
    m_pages->addWidget(filePage);

    // Image
    auto* imagePage = new QWidget(m_pages);
    auto* il = new QFormLayout(imagePage);
    m_image = new QLineEdit(spec.source == InputSpec::Source::Image ? spec.file : QString(), imagePage);
    auto* browseImage = new QPushButton(tr("Browse…"), imagePage);
    connect(browseImage, &QPushButton::clicked, this, [this] { browse(true); });
    auto* imageRow = new QHBoxLayout;
    imageRow->addWidget(m_image, 1);
    imageRow->addWidget(browseImage);
    il->addRow(tr("Image:"), imageRow);
    m_width = new QSpinBox(imagePage);
    m_height = new QSpinBox(imagePage);
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(0, 16384);
        box->setSpecialValueText(tr("as is"));
    }
    // Default to the size the input declares, when it does.
    int declaredH = spec.image.height, declaredW = spec.image.width;
    if (info.dims.size() == 4 && info.dims[2] > 0 && info.dims[3] > 0 &&
        spec.source != InputSpec::Source::Image) {
        declaredH = static_cast<int>(info.dims[2]);
        declaredW = static_cast<int>(info.dims[3]);
    }
    m_width->setValue(declaredW);
    m_height->setValue(declaredH);
    auto* size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), imagePage));
    size->addWidget(m_height);
    il->addRow(tr("Resize to (W × H):"), size);
    m_layout = new QComboBox(imagePage);
    m_layout->addItems({tr("NCHW"), tr("NHWC")});
    m_layout->setCurrentIndex(spec.image.channelsLast ? 1 : 0);
    il->addRow(tr("Layout:"), m_layout);
    m_order = new QComboBox(imagePage);
    m_order->addItems({tr("RGB"), tr("BGR")});
    m_order->setCurrentIndex(spec.image.bgr ? 1 : 0);
    il->addRow(tr("Channel order:"), m_order);
    m_scale = numberBox(spec.image.scale, imagePage);
    m_scale->setDecimals(8);
    il->addRow(tr("Pixel scale:"), m_scale);
    m_imageMean = new QLineEdit(tripleText(spec.image.mean), imagePage);
    m_imageStd = new QLineEdit(tripleText(spec.image.stddev), imagePage);
    il->addRow(tr("Mean (R, G, B):"), m_imageMean);
    il->addRow(tr("Std (R, G, B):"), m_imageStd);
    m_pages->addWidget(imagePage);

    auto* layout = new QFormLayout(this);
    layout->addRow(tr("Declared:"), new QLabel(describeDeclared(info), this));
    layout->addRow(tr("Source:"), m_source);
    layout->addRow(m_pages);
    connect(m_source, &QComboBox::currentIndexChanged, this, &InputSpecEditor::updatePages);
    updatePages();
}

void InputSpecEditor::updatePages() {
    switch (InputSpec::Source(m_source->currentData().toInt())) {
    case InputSpec::Source::Random:
        m_pages->setCurrentIndex(0);
        break;
    case InputSpec::Source::Zeros:
    case InputSpec::Source::Ones:
        m_pages->setCurrentIndex(1);
        break;
    case InputSpec::Source::File:
        m_pages->setCurrentIndex(2);
        break;
    case InputSpec::Source::Image:
        m_pages->setCurrentIndex(3);
        break;
    }
}

void InputSpecEditor::browse(bool image) {
    const QString path = image
                             ? QFileDialog::getOpenFileName(
                                   this, tr("Input Image"), m_image->text(),
                                   tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"))
                             : QFileDialog::getOpenFileName(this, tr("Input Tensor"), m_file->text(),
                                                            tr("Tensors (*.pb *.npy *.npz);;All files (*)"));
    if (!path.isEmpty())
        (image ? m_image : m_file)->setText(path);
}

InputSpec InputSpecEditor::spec() const {
    InputSpec s;
    s.source = InputSpec::Source(m_source->currentData().toInt());
    s.random.distribution = RandomDistribution(m_distribution->currentData().toInt());
    s.customRange = m_customRange->isChecked();
    s.random.low = m_low->value();
    s.random.high = m_high->value();
    s.random.mean = m_mean->value();
    s.random.stddev = m_stddev->value();
    s.seed = static_cast<quint64>(m_seed->value());
    s.file = s.source == InputSpec::Source::Image ? m_image->text() : m_file->text();
    s.image.width = m_width->value();
    s.image.height = m_height->value();
    s.image.channelsLast = m_layout->currentIndex() == 1;
    s.image.bgr = m_order->currentIndex() == 1;
    s.image.scale = m_scale->value();
    parseTriple(m_imageMean->text(), s.image.mean);
    parseTriple(m_imageStd->text(), s.image.stddev);
    return s;
}

InputDialog::InputDialog(const std::vector<ValueInfo>& inputs, const InputSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_inputs(inputs) {
    setWindowTitle(tr("Graph Inputs"));
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    const QStringList dims = symbolicDims(inputs);
    if (!dims.isEmpty()) {
        auto* box = new QGroupBox(tr("Symbolic dimensions"), content);
        auto* form = new QFormLayout(box);
        for (const QString& dim : dims) {
            auto* spin = new QSpinBox(box);
            spin->setRange(1, std::numeric_limits<int>::max());
            spin->setValue(static_cast<int>(settings.dims.value(dim, 1)));
            form->addRow(dim + QLatin1Char(':'), spin);
            m_dims[dim] = spin;
        }
        contentLayout->addWidget(box);
    }
    for (const ValueInfo& info : inputs) {
        if (info.hasInitializer)
            continue;
        const QString name = QString::fromStdString(info.name);
        auto* box = new QGroupBox(name, content);
        auto* boxLayout = new QVBoxLayout(box);
        auto* editor = new InputSpecEditor(info, settings.inputs.value(name), box);
        editor->setObjectName(name);
        boxLayout->addWidget(editor);
        m_editors.push_back(editor);
        contentLayout->addWidget(box);
    }
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Inputs are remembered for this model."), this));
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(560, 640);
}

InputSettings InputDialog::settings() const {
    InputSettings s;
    for (InputSpecEditor* editor : m_editors)
        s.inputs[editor->objectName()] = editor->spec();
    for (auto it = m_dims.begin(); it != m_dims.end(); ++it)
        s.dims[it.key()] = it.value()->value();
    return s;
}

} // namespace onnxscope
