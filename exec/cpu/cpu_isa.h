// The instruction set our own vectorised loops run with: the best the CPU has, capped by the
// environment variable ONNXSCOPE_CPU_ISA (avx512, avx2 or sse2). The cap lets one machine take
// the paths another machine takes: with ONEDNN_MAX_CPU_ISA=AVX2 beside it, an AVX-512 machine
// runs the code an AVX2-only one runs, in our kernels and in oneDNN's.
#pragma once

#include <optional>
#include <string_view>

namespace onnxscope {

// Ordered: a higher level runs everything a lower one does. Avx2 means AVX2 with FMA.
enum class CpuIsa { Sse2, Avx2, Avx512 };

// What this CPU runs, ignoring any cap.
CpuIsa detectedCpuIsa();
// The level ONNXSCOPE_CPU_ISA names (case-insensitive), or nullopt for anything else.
std::optional<CpuIsa> parseCpuIsa(std::string_view text);
// The level the kernels use: the detected one, lowered to the cap when one is set. An unknown
// cap is reported once on stderr and ignored. Read once per process.
CpuIsa cpuIsa();
const char* cpuIsaName(CpuIsa isa);

} // namespace onnxscope
