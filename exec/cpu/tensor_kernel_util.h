// Shared helpers of the data-movement kernels (tensor family): axis normalisation, reading
// shape-like inputs, type-agnostic element copies and a strided copy that implements Transpose,
// Slice, Expand, Tile and the depth/space rearrangements as one loop.
//
// Elements are moved by byte size (1, 2, 4, 8 or 16 bytes), so every element type — float8,
// int4 (unpacked), complex — moves without a per-type kernel; STRING elements are copied as
// std::string objects.
#pragma once

#include "core/status.h"
#include "core/tensor.h"
#include "exec/kernel.h"
#include "float_tensor.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace onnxscope {

// axis in [-rank, rank-1] -> [0, rank-1]; error naming `what` otherwise.
Result<int> normalizeAxis(int64_t axis, int rank, const char* what = "axis");

// Values of an integer tensor (int32/int64/any integer type) as int64.
std::vector<int64_t> readInt64s(const Tensor& t);

// Row-major element strides of a shape.
std::vector<int64_t> stridesOf(const Shape& shape);

// Product of dims[begin, end).
int64_t dimProduct(const Shape& dims, int begin, int end);

// The tensor input at index, or an error naming the input when it is missing or not a tensor.
Result<const Tensor*> requireTensor(const KernelContext& context, int index, const char* name);

// Copies elements between two tensors of the same element type, by element index.
class ElementCopier {
public:
    ElementCopier(const Tensor& src, Tensor& dst)
        : m_src(static_cast<const char*>(src.rawData()))
        , m_dst(static_cast<char*>(dst.mutableRawData()))
        , m_size(elementByteSize(src.dataType()))
        , m_string(src.dataType() == DataType::String) {}
    void copy(int64_t dstIndex, int64_t srcIndex, int64_t count = 1) const {
        if (count <= 0)
            return;
        if (m_string) {
            auto* d = reinterpret_cast<std::string*>(m_dst) + dstIndex;
            const auto* s = reinterpret_cast<const std::string*>(m_src) + srcIndex;
            for (int64_t i = 0; i < count; ++i)
                d[i] = s[i];
        } else {
            std::memcpy(m_dst + dstIndex * m_size, m_src + srcIndex * m_size,
                        static_cast<size_t>(count) * m_size);
        }
    }

private:
    const char* m_src;
    char* m_dst;
    size_t m_size;
    bool m_string;
};

// dst (contiguous, shape dstShape, same element type as src) receives, for each index i,
// src[srcOffset + sum_k i_k * srcStrides[k]]. Strides may be zero (broadcast) or negative
// (reversed slices). dst.elementCount() must equal the product of dstShape.
void stridedCopy(const Tensor& src, int64_t srcOffset, const std::vector<int64_t>& srcStrides, Tensor& dst,
                 const Shape& dstShape, int threads);

// dst = src (viewed with srcShape) transposed by perm; dst is allocated by the caller with the
// permuted shape.
void transposeInto(const Tensor& src, const Shape& srcShape, const std::vector<int64_t>& perm, Tensor& dst,
                   int threads);

// Numeric conversion helpers for kernels that compute in float/double (Resize, signal ops).
// Supports every numeric type including float16, bfloat16, float8 and the unpacked sub-byte ints.
void setElementFromDouble(Tensor& t, int64_t index, double value);
std::vector<double> toDoubles(const Tensor& t);
std::vector<float> toFloats(const Tensor& t);
bool isNumericType(DataType type);

// widenToFloat / narrowFromFloat / isNarrowFloat: see float_tensor.h (one definition for all
// kernel families).

} // namespace onnxscope
