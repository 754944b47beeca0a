// The header of a numpy .npy file: magic, version, and the Python dict literal that gives the
// dtype, the memory order and the shape. Split from tensor_file_io so the literal parser (the
// part hostile files attack) can be read and tested on its own.
#pragma once

#include "status.h"
#include "tensor.h"

#include <string>

namespace onnxscope {

struct NpyHeader {
    int majorVersion = 1;
    std::string descr; // "<f4", "|b1", ">U7", ...
    bool fortranOrder = false;
    Shape shape;
    size_t dataOffset = 0; // where the array data starts
};

// displayName is used in errors, which give the byte offset of the problem.
Result<NpyHeader> parseNpyHeader(const uint8_t* data, size_t size, const std::string& displayName);
// The complete header (magic through the newline), padded so the data starts 64-byte aligned.
std::string formatNpyHeader(const std::string& descr, bool fortranOrder, const Shape& shape);

} // namespace onnxscope
