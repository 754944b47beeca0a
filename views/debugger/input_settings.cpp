#include "input_settings.h"

#include <QCryptographicHash>
#include <QImage>
#include <QSettings>
#include <QVariantList>

#include <algorithm>

namespace onnxscope {

namespace {

QString settingsGroup(const QString& modelPath) {
    // Paths contain slashes, which QSettings reads as groups; a hash keeps one key per model.
    return QStringLiteral("debugger/inputs/") +
           QString::fromLatin1(
               QCryptographicHash::hash(modelPath.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QVariantList triple(const double (&values)[3]) {
    return {values[0], values[1], values[2]};
}

void readTriple(const QVariant& v, double (&out)[3]) {
    const QVariantList list = v.toList();
    if (list.size() == 3)
        for (int i = 0; i < 3; ++i)
            out[i] = list[i].toDouble();
}

} // namespace

QVariantMap InputSpec::toVariant() const {
    QVariantMap m;
    m[QStringLiteral("source")] = int(source);
    m[QStringLiteral("distribution")] = int(random.distribution);
    m[QStringLiteral("customRange")] = customRange;
    m[QStringLiteral("low")] = random.low;
    m[QStringLiteral("high")] = random.high;
    m[QStringLiteral("mean")] = random.mean;
    m[QStringLiteral("stddev")] = random.stddev;
    m[QStringLiteral("seed")] = seed;
    m[QStringLiteral("file")] = file;
    m[QStringLiteral("imageWidth")] = image.width;
    m[QStringLiteral("imageHeight")] = image.height;
    m[QStringLiteral("channelsLast")] = image.channelsLast;
    m[QStringLiteral("bgr")] = image.bgr;
    m[QStringLiteral("scale")] = image.scale;
    m[QStringLiteral("imageMean")] = triple(image.mean);
    m[QStringLiteral("imageStd")] = triple(image.stddev);
    return m;
}

InputSpec InputSpec::fromVariant(const QVariantMap& m) {
    InputSpec s;
    s.source = Source(std::clamp(m.value(QStringLiteral("source"), 0).toInt(), 0, int(Source::Image)));
    s.random.distribution = m.value(QStringLiteral("distribution")).toInt() == 1
                                ? RandomDistribution::Normal
                                : RandomDistribution::Uniform;
    s.customRange = m.value(QStringLiteral("customRange"), false).toBool();
    s.random.low = m.value(QStringLiteral("low"), s.random.low).toDouble();
    s.random.high = m.value(QStringLiteral("high"), s.random.high).toDouble();
    s.random.mean = m.value(QStringLiteral("mean"), s.random.mean).toDouble();
    s.random.stddev = m.value(QStringLiteral("stddev"), s.random.stddev).toDouble();
    s.seed = m.value(QStringLiteral("seed"), 0).toULongLong();
    s.file = m.value(QStringLiteral("file")).toString();
    s.image.width = m.value(QStringLiteral("imageWidth"), s.image.width).toInt();
    s.image.height = m.value(QStringLiteral("imageHeight"), s.image.height).toInt();
    s.image.channelsLast = m.value(QStringLiteral("channelsLast"), false).toBool();
    s.image.bgr = m.value(QStringLiteral("bgr"), false).toBool();
    s.image.scale = m.value(QStringLiteral("scale"), s.image.scale).toDouble();
    readTriple(m.value(QStringLiteral("imageMean")), s.image.mean);
    readTriple(m.value(QStringLiteral("imageStd")), s.image.stddev);
    return s;
}

InputSettings InputSettings::load(const QString& modelPath) {
    InputSettings settings;
    QSettings store;
    store.beginGroup(settingsGroup(modelPath));
    const QVariantMap inputs = store.value(QStringLiteral("inputs")).toMap();
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        settings.inputs[it.key()] = InputSpec::fromVariant(it.value().toMap());
    const QVariantMap dims = store.value(QStringLiteral("dims")).toMap();
    for (auto it = dims.begin(); it != dims.end(); ++it)
        settings.dims[it.key()] = it.value().toLongLong();
    return settings;
}

void InputSettings::save(const QString& modelPath) const {
    QSettings store;
    store.beginGroup(settingsGroup(modelPath));
    QVariantMap inputMap;
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        inputMap[it.key()] = it.value().toVariant();
    QVariantMap dimMap;
    for (auto it = dims.begin(); it != dims.end(); ++it)
        dimMap[it.key()] = it.value();
    store.setValue(QStringLiteral("inputs"), inputMap);
    store.setValue(QStringLiteral("dims"), dimMap);
    store.setValue(QStringLiteral("path"), modelPath);
}

QStringList symbolicDims(const std::vector<ValueInfo>& inputs) {
    QStringList names;
    for (const ValueInfo& info : inputs)
        for (size_t d = 0; d < info.dims.size() && d < info.dimParams.size(); ++d)
            if (info.dims[d] < 0 && !info.dimParams[d].empty()) {
                const QString name = QString::fromStdString(info.dimParams[d]);
                if (!names.contains(name))
                    names << name;
            }
    return names;
}

Result<Tensor> imageTensor(const QString& file, const ImageInputOptions& options) {
    QImage image(file);
    if (image.isNull())
        return Status::error("cannot read the image " + file.toStdString());
    if (options.width > 0 && options.height > 0)
        image = image.scaled(options.width, options.height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    image = image.convertToFormat(QImage::Format_RGB888);
    const int64_t h = image.height(), w = image.width();
    const Shape shape = options.channelsLast ? Shape{1, h, w, 3} : Shape{1, 3, h, w};
    OS_ASSIGN_OR_RETURN(Tensor t, Tensor::allocate(DataType::Float, shape));
    float* out = t.data<float>();
    for (int64_t y = 0; y < h; ++y) {
        const uchar* line = image.constScanLine(static_cast<int>(y));
        for (int64_t x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                const int source = options.bgr ? 2 - c : c;
                const double v = (line[x * 3 + source] * options.scale - options.mean[c]) /
                                 (options.stddev[c] != 0 ? options.stddev[c] : 1.0);
                const int64_t index = options.channelsLast ? (y * w + x) * 3 + c : (c * h + y) * w + x;
                out[index] = static_cast<float>(v);
            }
    }
    return t;
}

Result<std::map<std::string, Value>> buildInputs(const std::vector<ValueInfo>& inputs,
                                                 const InputSettings& settings) {
    std::map<std::string, int64_t> dims;
    for (auto it = settings.dims.begin(); it != settings.dims.end(); ++it)
        dims[it.key().toStdString()] = it.value();
    std::map<std::string, Value> out;
    for (size_t k = 0; k < inputs.size(); ++k) {
        const ValueInfo& info = inputs[k];
        if (info.hasInitializer)
            continue;
        const InputSpec spec = settings.inputs.value(QString::fromStdString(info.name));
        const std::string where = "input '" + info.name + "': ";
        if (spec.source == InputSpec::Source::File) {
            auto value = readInputValue(spec.file.toStdString(), info);
            if (!value.ok())
                return value.status().withContext(where);
            out[info.name] = std::move(value).value();
            continue;
        }
        if (spec.source == InputSpec::Source::Image) {
            auto tensor = imageTensor(spec.file, spec.image);
            if (!tensor.ok())
                return tensor.status().withContext(where);
            out[info.name] = Value(std::move(tensor).value());
            continue;
        }
        if (info.kind != ValueInfo::Kind::Tensor)
            return Status::error(where + "not a tensor; read it from a .pb file");
        const Shape shape = resolveInputShape(info, dims);
        Result<Tensor> tensor = Status::error("no data");
        if (spec.source == InputSpec::Source::Random) {
            // Each input its own stream, so changing one input leaves the others as they were.
            std::mt19937_64 rng(spec.seed + k);
            RandomSpec random = spec.random;
            if (!spec.customRange) {
                const RandomSpec range = defaultRandomSpec(info.elementType);
                random.low = range.low;
                random.high = range.high;
            }
            tensor = randomTensor(info.elementType, shape, rng, random);
        } else {
            tensor =
                constantTensor(info.elementType, shape, spec.source == InputSpec::Source::Ones ? 1.0 : 0.0);
        }
        if (!tensor.ok())
            return tensor.status().withContext(where);
        out[info.name] = Value(std::move(tensor).value());
    }
    return out;
}

} // namespace onnxscope
