#include "memory_cap.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace onnxscope {

namespace {

constexpr int kDefaultPercent = 75;

uint64_t physicalMemory() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0)
        return uint64_t(1) << 40; // unknown: no tighter limit than the old fixed 1 TiB cap
    return static_cast<uint64_t>(pages) * static_cast<uint64_t>(pageSize);
}

} // namespace

std::string formatBytes(uint64_t bytes) {
    static const char* const kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(bytes);
    size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(kUnits)) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, kUnits[unit]);
    return text;
}

std::string MemoryCap::describe() const {
    return formatBytes(bytes) + " (" + std::to_string(percent) + "% of " + formatBytes(physicalBytes) +
           " physical memory; ONNXSCOPE_MEMORY_CAP_PERCENT sets the share)";
}

MemoryCap memoryCapFor(const char* percentSetting) {
    MemoryCap cap;
    cap.physicalBytes = physicalMemory();
    cap.percent = kDefaultPercent;
    if (percentSetting) {
        int percent = 0;
        const char* end = percentSetting + std::strlen(percentSetting);
        auto [stop, error] = std::from_chars(percentSetting, end, percent);
        // A setting that is not a whole percentage is ignored rather than trusted.
        if (error == std::errc() && stop == end && percent >= 1 && percent <= 100)
            cap.percent = percent;
    }
    cap.bytes = cap.physicalBytes / 100 * static_cast<uint64_t>(cap.percent);
    return cap;
}

const MemoryCap& memoryCap() {
    static const MemoryCap cap = memoryCapFor(std::getenv("ONNXSCOPE_MEMORY_CAP_PERCENT"));
    return cap;
}

} // namespace onnxscope
