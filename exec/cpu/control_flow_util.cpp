#include "control_flow_util.h"

#include <cstring>

namespace onnxscope::controlflow {

const Tensor& requireTensor(const KernelContext& context, int index, const char* what) {
    const Value* v = context.input(index);
    if (!v)
        throw KernelError(std::string(what) + " (input " + std::to_string(index) + ") is missing");
    if (!v->isTensor())
        throw KernelError(std::string(what) + " (input " + std::to_string(index) + ") must be a tensor");
    return v->tensor;
}

int64_t scalarInt(const Tensor& t, const char* what) {
    if (t.elementCount() != 1)
        throw KernelError(std::string(what) + " must hold one element, got shape " +
                          shapeToString(t.shape()));
    if (t.dataType() == DataType::Int64)
        return t.data<int64_t>()[0];
    if (t.dataType() == DataType::Int32)
        return t.data<int32_t>()[0];
    throw KernelError(std::string(what) + " must be int32 or int64, got " +
                      std::string(dataTypeName(t.dataType())));
}

bool scalarBool(const Tensor& t, const char* what) {
    if (t.elementCount() != 1)
        throw KernelError(std::string(what) + " must hold one element, got shape " +
                          shapeToString(t.shape()));
    if (t.dataType() != DataType::Bool)
        throw KernelError(std::string(what) + " must be bool, got " +
                          std::string(dataTypeName(t.dataType())));
    return t.data<uint8_t>()[0] != 0;
}

int normalizeAxis(int64_t axis, int rank, const char* what) {
    if (axis < -rank || axis >= rank)
        throw KernelError(std::string(what) + " " + std::to_string(axis) + " is out of range for rank " +
                          std::to_string(rank));
    return static_cast<int>(axis < 0 ? axis + rank : axis);
}

namespace {

// Copies count elements; strings are objects, everything else bytes.
void copyElements(const Tensor& from, int64_t fromIndex, Tensor& to, int64_t toIndex, int64_t count) {
    if (count <= 0)
        return;
    if (from.dataType() == DataType::String) {
        const std::string* src = from.data<std::string>() + fromIndex;
        std::string* dst = to.data<std::string>() + toIndex;
        for (int64_t i = 0; i < count; ++i)
            dst[i] = src[i];
        return;
    }
    const size_t e = elementByteSize(from.dataType());
    std::memcpy(static_cast<char*>(to.mutableRawData()) + static_cast<size_t>(toIndex) * e,
                static_cast<const char*>(from.rawData()) + static_cast<size_t>(fromIndex) * e,
                static_cast<size_t>(count) * e);
}

int64_t product(const Shape& shape, size_t begin, size_t end) {
    int64_t p = 1;
    for (size_t i = begin; i < end; ++i)
        p *= shape[i];
    return p;
}

} // namespace

Tensor sliceAxis(const Tensor& t, int axis, int64_t begin, int64_t length) {
    const Shape& shape = t.shape();
    const size_t a = static_cast<size_t>(axis);
    const int64_t outer = product(shape, 0, a);
    const int64_t inner = product(shape, a + 1, shape.size());
    const int64_t dim = shape[a];
    Shape outShape = shape;
    outShape[a] = length;
    Tensor out(t.dataType(), outShape);
    for (int64_t o = 0; o < outer; ++o)
        copyElements(t, (o * dim + begin) * inner, out, o * length * inner, length * inner);
    return out;
}

Tensor takeAlongAxis(const Tensor& t, int axis, int64_t index) {
    Tensor slice = sliceAxis(t, axis, index, 1);
    Shape shape = t.shape();
    shape.erase(shape.begin() + axis);
    auto reshaped = slice.reshaped(shape);
    if (!reshaped.ok())
        throw KernelError(reshaped.message());
    return std::move(reshaped).value();
}

Tensor stackAlongNewAxis(const std::vector<Tensor>& parts, int axis, DataType elementType,
                         const Shape& elementShape) {
    const Shape& partShape = parts.empty() ? elementShape : parts.front().shape();
    const DataType type = parts.empty() ? elementType : parts.front().dataType();
    for (const Tensor& p : parts)
        if (p.shape() != partShape || p.dataType() != type)
            throw KernelError("cannot stack " + std::string(dataTypeName(p.dataType())) +
                              shapeToString(p.shape()) + " with " + std::string(dataTypeName(type)) +
                              shapeToString(partShape));
    const size_t a = static_cast<size_t>(axis);
    if (a > partShape.size())
        throw KernelError("stack axis " + std::to_string(axis) + " is out of range");
    Shape outShape = partShape;
    outShape.insert(outShape.begin() + axis, static_cast<int64_t>(parts.size()));
    Tensor out(type, outShape);
    const int64_t outer = product(partShape, 0, a);
    const int64_t inner = product(partShape, a, partShape.size());
    const int64_t n = static_cast<int64_t>(parts.size());
    for (int64_t k = 0; k < n; ++k)
        for (int64_t o = 0; o < outer; ++o)
            copyElements(parts[static_cast<size_t>(k)], o * inner, out, (o * n + k) * inner, inner);
    return out;
}

Tensor concatAlongAxis(const std::vector<Tensor>& parts, int axis) {
    if (parts.empty())
        throw KernelError("nothing to concatenate");
    const Shape& first = parts.front().shape();
    const size_t a = static_cast<size_t>(axis);
    int64_t total = 0;
    for (const Tensor& p : parts) {
        bool compatible =
            p.rank() == static_cast<int>(first.size()) && p.dataType() == parts.front().dataType();
        for (size_t d = 0; compatible && d < first.size(); ++d)
            compatible = d == a || p.shape()[d] == first[d];
        if (!compatible)
            throw KernelError("cannot concatenate " + shapeToString(p.shape()) + " with " +
                              shapeToString(first) + " along axis " + std::to_string(axis));
        total += p.shape()[a];
    }
    Shape outShape = first;
    outShape[a] = total;
    Tensor out(parts.front().dataType(), outShape);
    const int64_t outer = product(first, 0, a);
    const int64_t inner = product(first, a + 1, first.size());
    int64_t offset = 0;
    for (const Tensor& p : parts) {
        const int64_t chunk = p.shape()[a] * inner;
        for (int64_t o = 0; o < outer; ++o)
            copyElements(p, o * chunk, out, o * total * inner + offset, chunk);
        offset += chunk;
    }
    return out;
}

} // namespace onnxscope::controlflow
