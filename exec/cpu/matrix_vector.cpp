#include "exec/cpu/matrix_vector.h"

#include "exec/cpu/vector_math.h"

#include <algorithm>

namespace onnxscope {

namespace {

// Below this many weights one thread reads the matrix faster than a team starts.
constexpr int64_t kParallelWeights = int64_t(64) << 10;

} // namespace

void matrixVector(const float* rows, const float* x, const float* bias, float* y, int64_t count,
                  int64_t length, int threads) {
    const int64_t parts = count * length < kParallelWeights ? 1 : std::clamp<int64_t>(threads, 1, count);
#pragma omp parallel for num_threads(static_cast <int>(parts)) if (parts > 1)
    for (int64_t part = 0; part < parts; ++part) {
        const int64_t begin = count * part / parts, end = count * (part + 1) / parts;
        vecmath::dotRows(rows + begin * length, x, y + begin, end - begin, length);
        if (bias)
            for (int64_t r = begin; r < end; ++r)
                y[r] += bias[r];
    }
}

} // namespace onnxscope
