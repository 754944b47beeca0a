#include "cpu_isa.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace onnxscope {

CpuIsa detectedCpuIsa() {
#if defined(__GNUC__) && defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        return CpuIsa::Avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return CpuIsa::Avx2;
#endif
    return CpuIsa::Sse2;
}

std::optional<CpuIsa> parseCpuIsa(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "avx512" || lower == "avx512f" || lower == "avx512_core")
        return CpuIsa::Avx512;
    if (lower == "avx2")
        return CpuIsa::Avx2;
    if (lower == "sse2" || lower == "sse41" || lower == "baseline")
        return CpuIsa::Sse2;
    return std::nullopt;
}

CpuIsa cpuIsa() {
    static const CpuIsa isa = [] {
        const CpuIsa detected = detectedCpuIsa();
        const char* cap = std::getenv("ONNXSCOPE_CPU_ISA");
        if (!cap || !*cap)
            return detected;
        const std::optional<CpuIsa> parsed = parseCpuIsa(cap);
        if (!parsed) {
            std::fprintf(stderr, "onnxscope: ignoring ONNXSCOPE_CPU_ISA=%s (expected avx512, avx2 or sse2)\n",
                         cap);
            return detected;
        }
        return std::min(detected, *parsed);
    }();
    return isa;
}

const char* cpuIsaName(CpuIsa isa) {
    switch (isa) {
    case CpuIsa::Avx512:
        return "avx512";
    case CpuIsa::Avx2:
        return "avx2";
    case CpuIsa::Sse2:
        break;
    }
    return "sse2";
}

} // namespace onnxscope
