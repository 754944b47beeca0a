// Atomic file replacement: write a temporary file next to the target, flush and fsync it, then
// rename it over the target. On any failure the temporary is removed and the target is left
// exactly as it was; a process killed mid-save leaves the old file or the new one, never a mix.
//
// The temporary is created exclusively (O_EXCL) under an unpredictable name, so nothing can be
// planted in its place. The replacement keeps the target's permission bits (and its owner and
// group where the process may set them). A symlinked target is written through, as editors do:
// the file the link points to is replaced and the link stays a link. A save killed before its
// rename leaves its temporary (".NAME.tmp-PID-XXXXXX") behind; the next save of the same target
// removes those whose process is gone before it starts, so at most one is ever left.
#pragma once

#include "status.h"

#include <filesystem>
#include <functional>
#include <ostream>
#include <vector>

namespace onnxscope {

// writer fills the stream; returning a failed Status (or leaving the stream bad) aborts the save.
Status writeFileAtomically(const std::filesystem::path& target,
                           const std::function<Status(std::ostream&)>& writer);
Status writeFileAtomically(const std::filesystem::path& target, const void* data, size_t size);

// Leftover temporaries of `target` from saves whose process no longer runs.
std::vector<std::filesystem::path> staleTemporaries(const std::filesystem::path& target);

} // namespace onnxscope
