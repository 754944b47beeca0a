// What a layer-by-layer comparison in the GUI runs against, and how strictly: expected or dumped
// tensors from files, the same model on another backend, or another model (with hand-made
// value-name mappings for values the two models name differently).
#pragma once

#include "exec/tensor_compare.h"

#include <QString>

#include <map>
#include <string>

namespace onnxscope {

struct CompareSetup {
    enum class Source { Files, Backend, Model };
    Source source = Source::Files;
    QString referencePath;            // Files: a file or test_data_set folder; Model: the other .onnx
    QString backend = "cpu";          // side A, the model under test
    QString referenceBackend = "cpu"; // Backend and Model sources run side B here
    int threads = 0;
    ToleranceSet tolerances;
    bool isolate = true;
    bool everyNode = false; // every original node, unfused, instead of what a plain run executes
    std::map<std::string, std::string> nameMap; // side A value name -> side B value name
};

} // namespace onnxscope
