// The most memory one allocation driven by a file or by a computed shape may take.
//
// A share of the machine's physical memory, 75% unless ONNXSCOPE_MEMORY_CAP_PERCENT (1 to 100)
// says otherwise, so a plausible-looking shape ends in an error that names it instead of in the
// OOM killer. Tensor storage is the one checked path (Tensor::allocate, the constructors,
// checkedTensorBytes in tensor.h).
#pragma once

#include <cstdint>
#include <string>

namespace onnxscope {

struct MemoryCap {
    uint64_t bytes = 0;
    int percent = 0;
    uint64_t physicalBytes = 0;
    std::string describe() const; // "11.7 GiB (75% of 15.6 GiB physical memory)"
};

// Read once, on first use, from sysconf and the environment.
const MemoryCap& memoryCap();
// What memoryCap() would be with this environment value (null: unset); for tests and tools.
MemoryCap memoryCapFor(const char* percentSetting);

std::string formatBytes(uint64_t bytes); // "1.5 GiB"

} // namespace onnxscope
