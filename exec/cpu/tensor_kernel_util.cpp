#include "tensor_kernel_util.h"

#include "core/float_types.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace onnxscope {

Result<int> normalizeAxis(int64_t axis, int rank, const char* what) {
    if (axis < -rank || axis >= rank)
        return Status::error(std::string(what) + " " + std::to_string(axis) + " is out of range for rank " +
                             std::to_string(rank));
    return static_cast<int>(axis < 0 ? axis + rank : axis);
}

std::vector<int64_t> readInt64s(const Tensor& t) {
    std::vector<int64_t> out(static_cast<size_t>(t.elementCount()));
    if (t.dataType() == DataType::Int64) {
        std::copy_n(t.data<int64_t>(), out.size(), out.begin());
    } else if (t.dataType() == DataType::Int32) {
        std::copy_n(t.data<int32_t>(), out.size(), out.begin());
    } else {
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = static_cast<int64_t>(t.elementAsDouble(static_cast<int64_t>(i)));
    }
    return out;
}

std::vector<int64_t> stridesOf(const Shape& shape) {
    std::vector<int64_t> strides(shape.size(), 1);
    for (int k = static_cast<int>(shape.size()) - 2; k >= 0; --k)
        strides[k] = strides[k + 1] * shape[k + 1];
    return strides;
}

int64_t dimProduct(const Shape& dims, int begin, int end) {
    int64_t p = 1;
    for (int k = begin; k < end; ++k)
        p *= dims[static_cast<size_t>(k)];
    return p;
}

Result<const Tensor*> requireTensor(const KernelContext& context, int index, const char* name) {
    const Tensor* t = context.inputTensor(index);
    if (!t)
        return Status::error(std::string("input ") + std::to_string(index) + " (" + name +
                             ") is missing or not a tensor");
    return t;
}

namespace {

struct Bytes16 {
    uint64_t lo, hi;
};

template <typename T>
void stridedCopyTyped(const T* src, int64_t srcOffset, const std::vector<int64_t>& strides, T* dst,
                      const Shape& shape, int threads) {
    const int rank = static_cast<int>(shape.size());
    if (rank == 0) {
        dst[0] = src[srcOffset];
        return;
    }
    const int64_t inner = shape[rank - 1];
    const int64_t innerStride = strides[rank - 1];
    const int64_t outer = dimProduct(shape, 0, rank - 1);
    if (inner == 0 || outer == 0)
        return;
    const int64_t chunks = std::max<int64_t>(
        1, std::min<int64_t>(outer, threads > 1 && outer * inner > 32768 ? threads * 4 : 1));
#pragma omp parallel for num_threads(threads) if (chunks > 1) schedule(static)
    for (int64_t c = 0; c < chunks; ++c) {
        const int64_t begin = outer * c / chunks, end = outer * (c + 1) / chunks;
        std::vector<int64_t> index(static_cast<size_t>(rank), 0);
        int64_t offset = srcOffset;
        int64_t rest = begin;
        for (int k = rank - 2; k >= 0; --k) {
            index[k] = rest % shape[k];
            rest /= shape[k];
            offset += index[k] * strides[k];
        }
        for (int64_t o = begin; o < end; ++o) {
            T* d = dst + o * inner;
            const T* s = src + offset;
            if (innerStride == 1) {
                std::copy_n(s, inner, d);
            } else {
                for (int64_t i = 0; i < inner; ++i)
                    d[i] = s[i * innerStride];
            }
            for (int k = rank - 2; k >= 0; --k) {
                if (++index[k] < shape[k]) {
                    offset += strides[k];
                    break;
                }
                offset -= strides[k] * (shape[k] - 1);
                index[k] = 0;
            }
        }
    }
}

} // namespace

void stridedCopy(const Tensor& src, int64_t srcOffset, const std::vector<int64_t>& srcStrides, Tensor& dst,
                 const Shape& dstShape, int threads) {
    // Drop unit dims and merge dims that are contiguous in the source, so the inner run is long.
    Shape shape;
    std::vector<int64_t> strides;
    for (size_t k = 0; k < dstShape.size(); ++k) {
        if (dstShape[k] == 0)
            return;
        if (dstShape[k] == 1)
            continue;
        if (!shape.empty() && strides.back() == srcStrides[k] * dstShape[k]) {
            shape.back() *= dstShape[k];
            strides.back() = srcStrides[k];
        } else {
            shape.push_back(dstShape[k]);
            strides.push_back(srcStrides[k]);
        }
    }
    const void* s = src.rawData();
    void* d = dst.mutableRawData();
    if (src.dataType() == DataType::String) {
        stridedCopyTyped(static_cast<const std::string*>(s), srcOffset, strides, static_cast<std::string*>(d),
                         shape, threads);
        return;
    }
    switch (elementByteSize(src.dataType())) {
    case 1:
        stridedCopyTyped(static_cast<const uint8_t*>(s), srcOffset, strides, static_cast<uint8_t*>(d), shape,
                         threads);
        break;
    case 2:
        stridedCopyTyped(static_cast<const uint16_t*>(s), srcOffset, strides, static_cast<uint16_t*>(d),
                         shape, threads);
        break;
    case 4:
        stridedCopyTyped(static_cast<const uint32_t*>(s), srcOffset, strides, static_cast<uint32_t*>(d),
                         shape, threads);
        break;
    case 8:
        stridedCopyTyped(static_cast<const uint64_t*>(s), srcOffset, strides, static_cast<uint64_t*>(d),
                         shape, threads);
        break;
    case 16:
        stridedCopyTyped(static_cast<const Bytes16*>(s), srcOffset, strides, static_cast<Bytes16*>(d), shape,
                         threads);
        break;
    default:
        break;
    }
}

void transposeInto(const Tensor& src, const Shape& srcShape, const std::vector<int64_t>& perm, Tensor& dst,
                   int threads) {
    const std::vector<int64_t> inStrides = stridesOf(srcShape);
    Shape outShape(perm.size());
    std::vector<int64_t> strides(perm.size());
    for (size_t k = 0; k < perm.size(); ++k) {
        outShape[k] = srcShape[static_cast<size_t>(perm[k])];
        strides[k] = inStrides[static_cast<size_t>(perm[k])];
    }
    stridedCopy(src, 0, strides, dst, outShape, threads);
}

bool isNumericType(DataType type) {
    return type != DataType::String && type != DataType::Undefined && type != DataType::Complex64 &&
           type != DataType::Complex128;
}

void setElementFromDouble(Tensor& t, int64_t i, double v) {
    auto toInt = [&](double lo, double hi) -> double {
        if (std::isnan(v))
            return 0;
        return std::clamp(v, lo, hi);
    };
    switch (t.dataType()) {
    case DataType::Float:
        t.data<float>()[i] = static_cast<float>(v);
        break;
    case DataType::Double:
        t.data<double>()[i] = v;
        break;
    case DataType::Float16:
        t.data<uint16_t>()[i] = floatToHalf(static_cast<float>(v));
        break;
    case DataType::BFloat16:
        t.data<uint16_t>()[i] = floatToBfloat16(static_cast<float>(v));
        break;
    case DataType::Float8E4M3FN:
    case DataType::Float8E4M3FNUZ:
    case DataType::Float8E5M2:
    case DataType::Float8E5M2FNUZ:
    case DataType::Float8E8M0:
    case DataType::Float4E2M1:
        t.data<uint8_t>()[i] = floatToSmallFloat(t.dataType(), static_cast<float>(v));
        break;
    case DataType::Bool:
        t.data<uint8_t>()[i] = v != 0 ? 1 : 0;
        break;
    case DataType::Int8:
        t.data<int8_t>()[i] = static_cast<int8_t>(toInt(-128, 127));
        break;
    case DataType::Int4:
        t.data<int8_t>()[i] = static_cast<int8_t>(toInt(-8, 7));
        break;
    case DataType::Int2:
        t.data<int8_t>()[i] = static_cast<int8_t>(toInt(-2, 1));
        break;
    case DataType::Uint8:
        t.data<uint8_t>()[i] = static_cast<uint8_t>(toInt(0, 255));
        break;
    case DataType::Uint4:
        t.data<uint8_t>()[i] = static_cast<uint8_t>(toInt(0, 15));
        break;
    case DataType::Uint2:
        t.data<uint8_t>()[i] = static_cast<uint8_t>(toInt(0, 3));
        break;
    case DataType::Int16:
        t.data<int16_t>()[i] = static_cast<int16_t>(toInt(-32768, 32767));
        break;
    case DataType::Uint16:
        t.data<uint16_t>()[i] = static_cast<uint16_t>(toInt(0, 65535));
        break;
    case DataType::Int32:
        t.data<int32_t>()[i] = static_cast<int32_t>(toInt(-2147483648.0, 2147483647.0));
        break;
    case DataType::Uint32:
        t.data<uint32_t>()[i] = static_cast<uint32_t>(toInt(0, 4294967295.0));
        break;
    case DataType::Int64:
        t.data<int64_t>()[i] = static_cast<int64_t>(toInt(-9223372036854775808.0, 9223372036854774784.0));
        break;
    case DataType::Uint64:
        t.data<uint64_t>()[i] = static_cast<uint64_t>(toInt(0, 18446744073709549568.0));
        break;
    default:
        break;
    }
}

std::vector<double> toDoubles(const Tensor& t) {
    std::vector<double> out(static_cast<size_t>(t.elementCount()));
    for (int64_t i = 0; i < t.elementCount(); ++i)
        out[static_cast<size_t>(i)] = t.elementAsDouble(i);
    return out;
}

std::vector<float> toFloats(const Tensor& t) {
    if (t.dataType() == DataType::Float) {
        auto v = t.values<float>();
        return {v.begin(), v.end()};
    }
    std::vector<float> out(static_cast<size_t>(t.elementCount()));
    for (int64_t i = 0; i < t.elementCount(); ++i)
        out[static_cast<size_t>(i)] = static_cast<float>(t.elementAsDouble(i));
    return out;
}

} // namespace onnxscope
