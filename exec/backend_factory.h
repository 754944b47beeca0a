// Backends by name, for the command line and settings: "cpu", "opencl", "opencl:N",
// "opencl:NAME". Device backends are created (device opened, kernels built) here, so a bad
// spec or a missing driver is reported before a session is planned.
#pragma once

#include "backend.h"

#include <memory>
#include <string>
#include <vector>

namespace onnxscope {

Result<std::shared_ptr<Backend>> makeBackend(const std::string& spec);
// SessionOptions::backends for a spec: none for "cpu" (or empty), since the CPU backend is every
// session's fallback anyway, else the one device backend.
Result<std::vector<std::shared_ptr<Backend>>> sessionBackendsFor(const std::string& spec);
// Backend kinds this build can create ("cpu", and "opencl" when built with OpenCL).
std::vector<std::string> availableBackendKinds();

} // namespace onnxscope
