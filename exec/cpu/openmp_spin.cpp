#include "openmp_spin.h"

#include <cstdlib>

#ifdef __linux__
#include <unistd.h>
#endif

namespace onnxscope {

void restartWithShortOpenMpSpin(char** argv) {
#ifdef __linux__
    if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT") || !argv || !argv[0])
        return;
    // Set before exec, so the restarted program finds it and does not restart again.
    if (setenv("GOMP_SPINCOUNT", "10000", 1) != 0)
        return;
    execv("/proc/self/exe", argv);
#else
    (void)argv;
#endif
}

} // namespace onnxscope
