// What flows along a graph edge: a tensor, a sequence of values, a map, or an optional that may
// be empty. Most values are tensors; sequences, optionals and maps come from the sequence,
// optional and ai.onnx.ml ops and from test-data .pb files of those types.
#pragma once

#include "tensor.h"

#include <vector>

namespace onnxscope {

struct Value {
    enum class Kind { None, Tensor, Sequence, Map };

    Kind kind = Kind::None;
    Tensor tensor;               // Kind::Tensor
    std::vector<Value> elements; // Kind::Sequence
    Tensor mapKeys, mapValues;   // Kind::Map (1-D, same length)
    // Set when the value's declared type is optional(...); an optional without a value has
    // kind None. elementType says what a None or empty sequence would have held.
    bool isOptional = false;
    DataType elementType = DataType::Undefined;

    Value() = default;
    Value(Tensor t)
        : kind(Kind::Tensor)
        , tensor(std::move(t)) {
        elementType = tensor.dataType();
    }
    static Value sequence(std::vector<Value> items, DataType elemType) {
        Value v;
        v.kind = Kind::Sequence;
        v.elements = std::move(items);
        v.elementType = elemType;
        return v;
    }
    bool isTensor() const { return kind == Kind::Tensor; }
    bool isSequence() const { return kind == Kind::Sequence; }
    bool isNone() const { return kind == Kind::None; }
};

} // namespace onnxscope
