// A dense, contiguous, row-major tensor: element type, shape, and shared storage.
//
// Copies are shallow (they share storage, like a numpy view of the whole array); clone() copies
// the data. Storage is either owned heap memory (64-byte aligned, zero-initialized) or a
// read-only window into a memory-mapped file kept alive by the tensor, so external weights are
// never copied just to be looked at. STRING tensors hold std::string objects. Freed heap blocks
// of 64 KiB and more are kept (up to 256 MiB in all) for the next tensor of about their size, so
// repeated runs of a model do not map, fault in and unmap their activations every time.
#pragma once

#include "data_type.h"
#include "status.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace onnxscope {

using Shape = std::vector<int64_t>;

// Product of the dims, or nothing if a dim is negative or the product overflows int64 / the
// byte count overflows size_t for an element of elementBytes.
std::optional<int64_t> checkedElementCount(std::span<const int64_t> dims, size_t elementBytes = 1);
std::string shapeToString(std::span<const int64_t> dims); // "[1,3,224,224]"
// The element count of a tensor of this type and shape whose storage fits under the memory cap
// (memory_cap.h); otherwise an error naming the shape. Every tensor allocation goes through it.
Result<int64_t> checkedTensorSize(DataType type, std::span<const int64_t> dims);

class TensorStorage;

class Tensor {
public:
    Tensor() = default; // an undefined tensor: dataType() == Undefined, no storage

    // Allocates zeroed storage; fails with a message when the shape is invalid or too large.
    static Result<Tensor> allocate(DataType type, Shape shape);
    // As allocate(), for kernels deriving output shapes from their inputs. Applies the same
    // checks and throws std::length_error with allocate()'s message when they fail (a negative
    // dim, an overflowing count, more than the memory cap), and std::bad_alloc on exhaustion;
    // the executor turns both into a Status naming the node. Never yields storage smaller than
    // the shape. Use allocate() where a Result can be returned.
    Tensor(DataType type, Shape shape);
    // As the constructor, without zeroing (STRING tensors still hold empty strings): for kernels
    // that write every element.
    static Tensor uninitialized(DataType type, Shape shape);
    // A read-only view over memory owned by keepAlive (an mmap, a protobuf string, ...), which
    // must hold the shape's bytes; fails when the shape's element count is negative or overflows.
    static Result<Tensor> view(DataType type, Shape shape, const void* data,
                               std::shared_ptr<const void> keepAlive);
    // A rank-0 tensor holding one value.
    template <typename T> static Tensor scalar(DataType type, T value) {
        Tensor t(type, {});
        *t.data<T>() = value;
        return t;
    }

    bool isValid() const { return m_type != DataType::Undefined; }
    DataType dataType() const { return m_type; }
    const Shape& shape() const { return m_shape; }
    int rank() const { return static_cast<int>(m_shape.size()); }
    int64_t dim(int axis) const { return m_shape[static_cast<size_t>(axis)]; }
    int64_t elementCount() const { return m_count; }
    size_t byteSize() const { return static_cast<size_t>(m_count) * elementByteSize(m_type); }
    bool isReadOnly() const;
    // Whether no other tensor (a copy, a reshaped view) shares this one's writable storage.
    bool ownsStorageAlone() const;

    const void* rawData() const { return m_data; }
    // Writable access. A read-only view (an mmap, a protobuf string) first becomes a private
    // copy of its bytes (copy on write), so a kernel that asks for writable data, or reads
    // through the non-const accessors, never faults on shared weights; other tensors viewing the
    // same bytes are unaffected.
    void* mutableRawData();

    template <typename T> const T* data() const { return static_cast<const T*>(m_data); }
    template <typename T> T* data() { return static_cast<T*>(mutableRawData()); }
    template <typename T> std::span<const T> values() const {
        return {data<T>(), static_cast<size_t>(m_count)};
    }
    template <typename T> std::span<T> mutableValues() { return {data<T>(), static_cast<size_t>(m_count)}; }

    // Same storage, new shape of the same element count (Reshape, Flatten, Squeeze...).
    Result<Tensor> reshaped(Shape shape) const;
    // Deep copy into owned, writable storage.
    Tensor clone() const;
    // Element i converted to double (numeric types only; used by statistics and comparisons).
    double elementAsDouble(int64_t index) const;

private:
    Tensor(DataType type, Shape shape, bool zeroed);

    DataType m_type = DataType::Undefined;
    Shape m_shape;
    int64_t m_count = 0;
    std::shared_ptr<TensorStorage> m_storage;
    void* m_data = nullptr;
};

} // namespace onnxscope
