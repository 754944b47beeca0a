#include "tensor.h"

#include "float_types.h"
#include "memory_cap.h"
#include "storage_arena.h"

#include <bit>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

namespace onnxscope {

class TensorStorage {
public:
    virtual ~TensorStorage() = default;
    virtual bool readOnly() const = 0;
};

namespace {

// Large tensors live in one process-wide arena (see storage_arena.h); small ones come from
// malloc's own caches quickly enough. Under AddressSanitizer every tensor is its own
// allocation, so reads of freed tensors are caught.
class TensorMemory {
public:
    static constexpr size_t kArenaMinBytes = size_t(64) << 10;

    static void* take(size_t bytes) {
        if (useArena(bytes))
            return arena().take(bytes);
        return std::aligned_alloc(StorageArena::kAlignment, StorageArena::roundUp(bytes));
    }
    static void give(void* data, size_t bytes) {
        if (useArena(bytes))
            arena().give(data, bytes);
        else
            std::free(data);
    }

private:
    static bool useArena(size_t bytes) {
#ifdef __SANITIZE_ADDRESS__
        (void)bytes;
        return false;
#else
        return bytes >= kArenaMinBytes;
#endif
    }
    static StorageArena& arena() {
        static auto* instance = new StorageArena; // never destroyed: tensors may die during exit
        return *instance;
    }
};

class HeapStorage final : public TensorStorage {
public:
    HeapStorage(DataType type, int64_t count, bool zeroed)
        : m_type(type)
        , m_count(count)
        , m_bytes(StorageArena::roundUp(static_cast<size_t>(count) * elementByteSize(type))) {
        m_data = TensorMemory::take(m_bytes);
        if (!m_data)
            throw std::bad_alloc();
        if (type == DataType::String) {
            auto* strings = static_cast<std::string*>(m_data);
            for (int64_t i = 0; i < count; ++i)
                new (strings + i) std::string();
        } else if (zeroed) {
            std::memset(m_data, 0, m_bytes);
        }
    }
    ~HeapStorage() override {
        if (m_type == DataType::String) {
            auto* strings = static_cast<std::string*>(m_data);
            for (int64_t i = 0; i < m_count; ++i)
                strings[i].~basic_string();
        }
        TensorMemory::give(m_data, m_bytes);
    }
    bool readOnly() const override { return false; }
    void* data() const { return m_data; }

private:
    DataType m_type;
    int64_t m_count;
    size_t m_bytes; // a multiple of 64, as aligned_alloc requires
    void* m_data = nullptr;
};

class ViewStorage final : public TensorStorage {
public:
    explicit ViewStorage(std::shared_ptr<const void> keepAlive)
        : m_keepAlive(std::move(keepAlive)) {}
    bool readOnly() const override { return true; }

private:
    std::shared_ptr<const void> m_keepAlive;
};

} // namespace

std::optional<int64_t> checkedElementCount(std::span<const int64_t> dims, size_t elementBytes) {
    int64_t count = 1;
    for (int64_t d : dims) {
        if (d < 0)
            return std::nullopt;
        if (d != 0 && count > std::numeric_limits<int64_t>::max() / d)
            return std::nullopt;
        count *= d;
    }
    if (elementBytes > 0 && static_cast<uint64_t>(count) > std::numeric_limits<size_t>::max() / elementBytes)
        return std::nullopt;
    return count;
}

std::string shapeToString(std::span<const int64_t> dims) {
    std::string s = "[";
    for (size_t i = 0; i < dims.size(); ++i) {
        if (i)
            s += ',';
        s += std::to_string(dims[i]);
    }
    return s + "]";
}

Result<int64_t> checkedTensorSize(DataType type, std::span<const int64_t> dims) {
    const std::string what =
        "tensor of shape " + shapeToString(dims) + " (" + std::string(dataTypeName(type)) + ")";
    if (type == DataType::Undefined)
        return Status::error("cannot allocate a tensor of undefined element type");
    auto count = checkedElementCount(dims, elementByteSize(type));
    if (!count)
        return Status::error(what + ": negative dim or element count overflow");
    // Refuse absurd sizes up front instead of letting the allocator abort or the OOM killer strike.
    const uint64_t bytes = static_cast<uint64_t>(*count) * elementByteSize(type);
    const MemoryCap& cap = memoryCap();
    if (bytes > cap.bytes)
        return Status::error(what + " needs " + formatBytes(bytes) + ", over the memory cap of " +
                             cap.describe());
    return *count;
}

Result<Tensor> Tensor::allocate(DataType type, Shape shape) {
    if (auto count = checkedTensorSize(type, shape); !count.ok())
        return count.status();
    try {
        return Tensor(type, std::move(shape));
    } catch (const std::bad_alloc&) {
        return Status::error("out of memory allocating a tensor of shape " + shapeToString(shape));
    }
}

Tensor::Tensor(DataType type, Shape shape)
    : Tensor(type, std::move(shape), true) {}

Tensor::Tensor(DataType type, Shape shape, bool zeroed)
    : m_type(type)
    , m_shape(std::move(shape)) {
    auto count = checkedTensorSize(type, m_shape);
    if (!count.ok())
        throw std::length_error(count.message());
    m_count = *count;
    auto storage = std::make_shared<HeapStorage>(type, m_count, zeroed);
    m_data = storage->data();
    m_storage = std::move(storage);
}

Tensor Tensor::uninitialized(DataType type, Shape shape) {
    return Tensor(type, std::move(shape), false);
}

Result<Tensor> Tensor::view(DataType type, Shape shape, const void* data,
                            std::shared_ptr<const void> keepAlive) {
    auto count = checkedElementCount(shape, elementByteSize(type));
    if (!count)
        return Status::error("cannot view a tensor of shape " + shapeToString(shape) +
                             ": negative dim or element count overflow");
    Tensor t;
    t.m_type = type;
    t.m_shape = std::move(shape);
    t.m_count = *count;
    t.m_storage = std::make_shared<ViewStorage>(std::move(keepAlive));
    t.m_data = const_cast<void*>(data);
    return t;
}

bool Tensor::isReadOnly() const {
    return m_storage && m_storage->readOnly();
}

bool Tensor::ownsStorageAlone() const {
    return m_storage && m_storage.use_count() == 1 && !m_storage->readOnly();
}

void* Tensor::mutableRawData() {
    if (isReadOnly())
        *this = clone();
    return m_data;
}

Result<Tensor> Tensor::reshaped(Shape shape) const {
    auto count = checkedElementCount(shape);
    if (!count || *count != m_count)
        return Status::error("cannot reshape " + shapeToString(m_shape) + " to " + shapeToString(shape));
    Tensor t = *this;
    t.m_shape = std::move(shape);
    return t;
}

Tensor Tensor::clone() const {
    if (!isValid())
        return {};
    Tensor t(m_type, m_shape, m_type == DataType::String);
    if (m_type == DataType::String) {
        auto* dst = t.data<std::string>();
        const auto* src = data<std::string>();
        for (int64_t i = 0; i < m_count; ++i)
            dst[i] = src[i];
    } else if (byteSize() > 0) {
        std::memcpy(t.m_data, m_data, byteSize());
    }
    return t;
}

double Tensor::elementAsDouble(int64_t i) const {
    switch (m_type) {
    case DataType::Float:
        return data<float>()[i];
    case DataType::Double:
        return data<double>()[i];
    case DataType::Float16:
        return halfToFloat(data<uint16_t>()[i]);
    case DataType::BFloat16:
        return bfloat16ToFloat(data<uint16_t>()[i]);
    case DataType::Float8E4M3FN:
    case DataType::Float8E4M3FNUZ:
    case DataType::Float8E5M2:
    case DataType::Float8E5M2FNUZ:
    case DataType::Float8E8M0:
    case DataType::Float4E2M1:
        return smallFloatToFloat(m_type, data<uint8_t>()[i]);
    case DataType::Int8:
    case DataType::Int4:
    case DataType::Int2:
        return data<int8_t>()[i];
    case DataType::Uint8:
    case DataType::Uint4:
    case DataType::Uint2:
    case DataType::Bool:
        return data<uint8_t>()[i];
    case DataType::Int16:
        return data<int16_t>()[i];
    case DataType::Uint16:
        return data<uint16_t>()[i];
    case DataType::Int32:
        return data<int32_t>()[i];
    case DataType::Uint32:
        return data<uint32_t>()[i];
    case DataType::Int64:
        return static_cast<double>(data<int64_t>()[i]);
    case DataType::Uint64:
        return static_cast<double>(data<uint64_t>()[i]);
    case DataType::Complex64:
        return data<float>()[2 * i];
    case DataType::Complex128:
        return data<double>()[2 * i];
    default:
        return 0.0;
    }
}

} // namespace onnxscope
