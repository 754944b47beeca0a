#include "broadcast.h"

#include <algorithm>

namespace onnxscope {

Result<Shape> broadcastShapes(std::span<const Shape> shapes) {
    size_t rank = 0;
    for (const Shape& s : shapes)
        rank = std::max(rank, s.size());
    Shape out(rank, 1);
    for (const Shape& s : shapes) {
        size_t offset = rank - s.size();
        for (size_t i = 0; i < s.size(); ++i) {
            int64_t d = s[i];
            int64_t& o = out[offset + i];
            if (d == o || d == 1)
                continue;
            if (o == 1) {
                o = d;
                continue;
            }
            return Status::error("shapes cannot be broadcast: dim " + std::to_string(d) + " against " +
                                 std::to_string(o) + " (shape " + shapeToString(s) + ")");
        }
    }
    // Each input's count fits, but their broadcast product may not ([2^40] with [2^40,1]).
    if (!checkedElementCount(out))
        return Status::error("broadcasting to shape " + shapeToString(out) + " overflows the element count");
    return out;
}

Result<Shape> broadcastShapes(const Shape& a, const Shape& b) {
    Shape both[2] = {a, b};
    return broadcastShapes(std::span<const Shape>(both, 2));
}

std::vector<int64_t> broadcastStrides(const Shape& input, const Shape& output) {
    std::vector<int64_t> strides(output.size(), 0);
    int64_t stride = 1;
    size_t offset = output.size() - input.size();
    for (size_t i = input.size(); i-- > 0;) {
        strides[offset + i] = input[i] == 1 ? 0 : stride;
        stride *= input[i];
    }
    return strides;
}

BroadcastIterator::BroadcastIterator(const Shape& output, std::vector<Shape> inputs)
    : m_output(output) {
    for (const Shape& in : inputs)
        m_strides.push_back(broadcastStrides(in, output));
}

} // namespace onnxscope
