// What Save checks before writing a model: libonnx's checker plus strict shape inference (which
// catches what an edit can break that the checker does not, such as an input size that no longer
// fits a Reshape, or a declared shape that contradicts an inferred one). Every problem names the
// node it concerns when there is one.
#pragma once

#include "model_check.h"

#include <vector>

namespace onnxscope {

class Model;

// Reads the model only; safe on a worker thread while nothing edits the model.
std::vector<ValidationIssue> checkBeforeSave(const Model& model);

bool hasErrors(const std::vector<ValidationIssue>& issues);

} // namespace onnxscope
