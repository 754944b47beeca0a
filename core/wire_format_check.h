// Finds where a protobuf byte stream stops being well-formed, to turn protobuf's bare
// "parse failed" into an error that says what is wrong and at which byte offset.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace google::protobuf {
class Descriptor;
}

namespace onnxscope {

// Walks the top-level fields of a message (and, for length-delimited fields, checks the declared
// length fits). Returns a description of the first problem, or nothing if the framing is sound.
std::optional<std::string> findWireFormatError(const void* data, size_t size);

struct MessageNesting {
    int messages = 0; // deepest chain of nested messages below the root
    int graphs = 0;   // GraphProto levels on that chain: the main graph plus nested subgraphs
};
// How deep the messages of a `root` message nest, found without recursion (so it is safe on the
// files protobuf refuses for nesting too deep); nothing if the framing is broken.
std::optional<MessageNesting> measureNesting(const void* data, size_t size,
                                             const google::protobuf::Descriptor* root);

} // namespace onnxscope
