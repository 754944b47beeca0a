#include "float_tensor.h"

#include "core/float_types.h"

#include <cstring>
#include <omp.h>

namespace onnxscope {

namespace {
int resolveThreads(int threads) {
    return threads > 0 ? threads : omp_get_max_threads();
}
} // namespace

bool isNarrowFloat(DataType type) {
    switch (type) {
    case DataType::Float16:
    case DataType::BFloat16:
    case DataType::Float8E4M3FN:
    case DataType::Float8E4M3FNUZ:
    case DataType::Float8E5M2:
    case DataType::Float8E5M2FNUZ:
    case DataType::Float8E8M0:
    case DataType::Float4E2M1:
        return true;
    default:
        return false;
    }
}

float narrowBitsToFloat(DataType type, const void* data, int64_t index) {
    switch (type) {
    case DataType::Float16:
        return halfToFloat(static_cast<const uint16_t*>(data)[index]);
    case DataType::BFloat16:
        return bfloat16ToFloat(static_cast<const uint16_t*>(data)[index]);
    case DataType::Float:
        return static_cast<const float*>(data)[index];
    default:
        return smallFloatToFloat(type, static_cast<const uint8_t*>(data)[index]);
    }
}

void widenToFloat(DataType type, const void* in, float* out, int64_t count, int threads) {
    threads = resolveThreads(threads);
    if (type == DataType::Float) {
        std::memcpy(out, in, static_cast<size_t>(count) * sizeof(float));
        return;
    }
    if (type == DataType::Float16) {
        const auto* src = static_cast<const uint16_t*>(in);
#pragma omp parallel for num_threads(threads) if (count > 65536 && threads > 1)
        for (int64_t i = 0; i < count; ++i)
            out[i] = halfToFloat(src[i]);
        return;
    }
    if (type == DataType::BFloat16) {
        const auto* src = static_cast<const uint16_t*>(in);
#pragma omp parallel for num_threads(threads) if (count > 65536 && threads > 1)
        for (int64_t i = 0; i < count; ++i)
            out[i] = bfloat16ToFloat(src[i]);
        return;
    }
    const auto* src = static_cast<const uint8_t*>(in);
#pragma omp parallel for num_threads(threads) if (count > 65536 && threads > 1)
    for (int64_t i = 0; i < count; ++i)
        out[i] = smallFloatToFloat(type, src[i]);
}

void narrowFromFloat(const float* in, DataType type, void* out, int64_t count, bool saturate, int threads) {
    threads = resolveThreads(threads);
    if (type == DataType::Float) {
        std::memcpy(out, in, static_cast<size_t>(count) * sizeof(float));
        return;
    }
    if (type == DataType::Float16) {
        auto* dst = static_cast<uint16_t*>(out);
#pragma omp parallel for num_threads(threads) if (count > 65536 && threads > 1)
        for (int64_t i = 0; i < count; ++i)
            dst[i] = floatToHalf(in[i]);
        return;
    }
    if (type == DataType::BFloat16) {
        auto* dst = static_cast<uint16_t*>(out);
#pragma omp parallel for num_threads(threads) if (count > 65536 && threads > 1)
        for (int64_t i = 0; i < count; ++i)
            dst[i] = floatToBfloat16(in[i]);
        return;
    }
    auto* dst = static_cast<uint8_t*>(out);
    if (type == DataType::Float8E8M0) {
#pragma omp parallel for num_threads(threads) if (count > 65536 && threads > 1)
        for (int64_t i = 0; i < count; ++i)
            dst[i] = floatToE8M0(in[i], saturate, E8M0Rounding::Up);
        return;
    }
#pragma omp parallel for num_threads(threads) if (count > 65536 && threads > 1)
    for (int64_t i = 0; i < count; ++i)
        dst[i] = floatToSmallFloat(type, in[i], saturate);
}

Tensor widenToFloat(const Tensor& input, int threads) {
    if (!isNarrowFloat(input.dataType()))
        return input;
    Tensor out(DataType::Float, input.shape());
    widenToFloat(input.dataType(), input.rawData(), out.data<float>(), input.elementCount(), threads);
    return out;
}

Tensor narrowFromFloat(const Tensor& input, DataType type, bool saturate, int threads) {
    if (input.dataType() == type || input.dataType() != DataType::Float || !isNarrowFloat(type))
        return input;
    Tensor out(type, input.shape());
    narrowFromFloat(input.data<float>(), type, out.mutableRawData(), input.elementCount(), saturate, threads);
    return out;
}

} // namespace onnxscope
