// How the debugger makes each graph input: seeded random data, zeros or ones, a tensor file, or
// an image; plus values for the symbolic dims. Remembered per model in QSettings, and turned
// into values (off the UI thread: files and images can be large) by buildInputs.
#pragma once

#include "core/status.h"
#include "exec/execution_plan.h"
#include "exec/input_generator.h"

#include <QMap>
#include <QString>
#include <QVariantMap>

#include <map>
#include <string>
#include <vector>

namespace onnxscope {

struct ImageInputOptions {
    int width = 224, height = 224; // resize target; 0 keeps the image's own size
    bool channelsLast = false;     // NHWC instead of NCHW
    bool bgr = false;
    double scale = 1.0 / 255.0; // applied to 0..255 pixel values before mean/std
    double mean[3] = {0.485, 0.456, 0.406};
    double stddev[3] = {0.229, 0.224, 0.225};
};

struct InputSpec {
    enum class Source { Random, Zeros, Ones, File, Image };
    Source source = Source::Random;
    RandomSpec random;
    bool customRange = false; // false: the type's default range (defaultRandomSpec)
    quint64 seed = 0;
    QString file; // File and Image
    ImageInputOptions image;

    QVariantMap toVariant() const;
    static InputSpec fromVariant(const QVariantMap& map);
};

struct InputSettings {
    QMap<QString, InputSpec> inputs; // by input name; missing ones are random
    QMap<QString, qint64> dims;      // symbolic dim values; missing ones are 1

    // Per model, keyed by its absolute path.
    static InputSettings load(const QString& modelPath);
    void save(const QString& modelPath) const;
};

// Symbolic dim names of the inputs, in order of first appearance.
QStringList symbolicDims(const std::vector<ValueInfo>& inputs);

// Values for every input that has no initializer default. Errors name the input.
Result<std::map<std::string, Value>> buildInputs(const std::vector<ValueInfo>& inputs,
                                                 const InputSettings& settings);

// An image file as a float tensor of shape [1, 3, H, W] (or [1, H, W, 3] channels-last).
Result<Tensor> imageTensor(const QString& file, const ImageInputOptions& options);

} // namespace onnxscope
