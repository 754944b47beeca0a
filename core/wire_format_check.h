// Finds where a protobuf byte stream stops being well-formed, to turn protobuf's bare
// "parse failed" into an error that says what is wrong and at which byte offset.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace onnxscope {

// Walks the top-level fields of a message (and, for length-delimited fields, checks the declared
// length fits). Returns a description of the first problem, or nothing if the framing is sound.
std::optional<std::string> findWireFormatError(const void* data, size_t size);

} // namespace onnxscope
