// Atomic file replacement: write to a temporary file in the target's folder, flush and fsync,
// then rename over the target. On any failure the temporary is removed and the target is left
// exactly as it was.
#pragma once

#include "status.h"

#include <filesystem>
#include <functional>
#include <ostream>

namespace onnxscope {

// writer fills the stream; returning a failed Status (or leaving the stream bad) aborts the save.
Status writeFileAtomically(const std::filesystem::path& target,
                           const std::function<Status(std::ostream&)>& writer);
Status writeFileAtomically(const std::filesystem::path& target, const void* data, size_t size);

} // namespace onnxscope
