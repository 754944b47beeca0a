// BitCast (opset 26): reinterprets each element's bits as another type of the same bit width;
// the shape is unchanged. Sub-byte types live unpacked (one byte per element), so their bits are
// masked to the type's width and sign-extended again when the target is a signed sub-byte type.
#include "elementwise.h"
#include "extra_kernels.h"

#include "exec/kernel_registry.h"

#include <cstring>

namespace onnxscope {

namespace {

int bitWidth(DataType type) {
    return isSubByte(type) ? serializedBitWidth(type) : static_cast<int>(elementByteSize(type)) * 8;
}

class BitCastKernel final : public Kernel {
public:
    explicit BitCastKernel(const NodeDesc& node)
        : m_to(static_cast<int32_t>(node.getInt("to", 0))) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        const std::optional<DataType> to = dataTypeFromInt(m_to);
        if (!to || *to == DataType::Undefined || *to == DataType::String)
            return Status::error("BitCast: 'to' = " + std::to_string(m_to) +
                                 " is not a non-string tensor type");
        const DataType from = x->dataType();
        if (from == DataType::String || from == DataType::Undefined)
            return Status::error(typeError("BitCast", from));
        if (bitWidth(from) != bitWidth(*to))
            return Status::error("BitCast: " + std::string(dataTypeName(from)) + " (" +
                                 std::to_string(bitWidth(from)) + " bits) and " +
                                 std::string(dataTypeName(*to)) + " (" + std::to_string(bitWidth(*to)) +
                                 " bits) differ in bit width");
        Tensor& y = context.allocateOutput(0, *to, x->shape());
        if (x->elementCount() == 0)
            return {};
        if (!isSubByte(from)) {
            std::memcpy(y.mutableRawData(), x->rawData(), x->byteSize());
            return {};
        }
        const int bits = bitWidth(from);
        const uint8_t mask = static_cast<uint8_t>((1u << bits) - 1u);
        const bool signExtend = isSignedInteger(*to);
        const auto* in = static_cast<const uint8_t*>(x->rawData());
        auto* out = static_cast<uint8_t*>(y.mutableRawData());
        for (int64_t i = 0; i < x->elementCount(); ++i) {
            uint8_t v = in[i] & mask;
            if (signExtend && (v >> (bits - 1)) != 0)
                v = static_cast<uint8_t>(v | static_cast<uint8_t>(~mask));
            out[i] = v;
        }
        return {};
    }

private:
    int32_t m_to;
};

} // namespace

void registerBitCastKernel(KernelRegistry& r) {
    r.add("BitCast", 26, &makeKernel<BitCastKernel>);
}

} // namespace onnxscope
