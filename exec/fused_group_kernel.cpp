#include "fused_group_kernel.h"

#include "cpu/channels_last.h"
#include "execution_plan.h"

#include <algorithm>

namespace onnxscope {

namespace {

// The fast kernel's view of the group's inputs: its own input numbering over the outside ones.
class RemappedContext final : public KernelContext {
public:
    RemappedContext(KernelContext& outer, const std::vector<int>& map)
        : m_outer(outer)
        , m_map(map) {}
    int inputCount() const override { return static_cast<int>(m_map.size()); }
    const Value* input(int index) const override {
        if (index < 0 || index >= inputCount() || m_map[static_cast<size_t>(index)] < 0)
            return nullptr;
        return m_outer.input(m_map[static_cast<size_t>(index)]);
    }
    int outputCount() const override { return m_outer.outputCount(); }
    Tensor& allocateOutput(int index, DataType type, Shape shape) override {
        return m_outer.allocateOutput(index, type, std::move(shape));
    }
    void setOutput(int index, Value value) override { m_outer.setOutput(index, std::move(value)); }
    int threadCount() const override { return m_outer.threadCount(); }
    Tensor takeInputForReuse(int index) override {
        if (index < 0 || index >= inputCount() || m_map[static_cast<size_t>(index)] < 0)
            return {};
        // Not when the fast kernel reads the same value as another input too (x + Conv(x)).
        const int outer = m_map[static_cast<size_t>(index)];
        if (std::count(m_map.begin(), m_map.end(), outer) != 1)
            return {};
        return m_outer.takeInputForReuse(outer);
    }

private:
    KernelContext& m_outer;
    const std::vector<int>& m_map;
};

// One member run unfused: inputs from the group's inputs or earlier members, outputs kept.
class MemberContext final : public KernelContext {
public:
    MemberContext(KernelContext& outer, const std::vector<Value>& converted,
                  const FusedGroupKernel::Member& member, const std::vector<std::vector<Value>>& earlier)
        : m_outer(outer)
        , m_converted(converted)
        , m_member(member)
        , m_earlier(earlier)
        , m_outputs(member.node->desc.outputs.size()) {}
    int inputCount() const override { return static_cast<int>(m_member.inputs.size()); }
    const Value* input(int index) const override {
        if (index < 0 || index >= inputCount())
            return nullptr;
        const auto& source = m_member.inputs[static_cast<size_t>(index)];
        switch (source.kind) {
        case FusedGroupKernel::Source::Kind::Outside:
            if (static_cast<size_t>(source.index) < m_converted.size() &&
                !m_converted[static_cast<size_t>(source.index)].isNone())
                return &m_converted[static_cast<size_t>(source.index)];
            return m_outer.input(source.index);
        case FusedGroupKernel::Source::Kind::Member: {
            const auto& values = m_earlier[static_cast<size_t>(source.index)];
            return static_cast<size_t>(source.output) < values.size()
                       ? &values[static_cast<size_t>(source.output)]
                       : nullptr;
        }
        case FusedGroupKernel::Source::Kind::Omitted:
            break;
        }
        return nullptr;
    }
    int outputCount() const override { return static_cast<int>(m_outputs.size()); }
    Tensor& allocateOutput(int index, DataType type, Shape shape) override {
        check(index);
        auto t = Tensor::allocate(type, std::move(shape));
        if (!t.ok())
            throw KernelError("output " + std::to_string(index) + ": " + t.message());
        m_outputs[static_cast<size_t>(index)] = Value(std::move(t).value());
        return m_outputs[static_cast<size_t>(index)].tensor;
    }
    void setOutput(int index, Value value) override {
        check(index);
        m_outputs[static_cast<size_t>(index)] = std::move(value);
    }
    int threadCount() const override { return m_outer.threadCount(); }
    std::vector<Value> takeOutputs() { return std::move(m_outputs); }

private:
    void check(int index) const {
        if (index < 0 || index >= outputCount())
            throw KernelError("output index " + std::to_string(index) + " is out of range");
    }
    KernelContext& m_outer;
    const std::vector<Value>& m_converted; // channels-last outside inputs in ONNX's layout
    const FusedGroupKernel::Member& m_member;
    const std::vector<std::vector<Value>>& m_earlier;
    std::vector<Value> m_outputs;
};

} // namespace

FusedGroupKernel::FusedGroupKernel(std::unique_ptr<FastPathKernel> fast, std::vector<int> fastInputs,
                                   std::vector<Member> members, std::vector<bool> channelsLastInputs,
                                   bool channelsLastOutput, bool blocked)
    : m_fast(std::move(fast))
    , m_fastInputs(std::move(fastInputs))
    , m_members(std::move(members))
    , m_channelsLastInputs(std::move(channelsLastInputs))
    , m_channelsLastOutput(channelsLastOutput)
    , m_blocked(blocked) {}

Status FusedGroupKernel::compute(KernelContext& context) const {
    RemappedContext fastContext(context, m_fastInputs);
    if (m_fast && m_fast->handles(fastContext))
        return m_fast->compute(fastContext);
    return computeUnfused(context);
}

std::string FusedGroupKernel::implementation(const KernelContext& context) const {
    // Only inputs are read here; the remapping forwards outputs, which nothing writes.
    RemappedContext fastContext(const_cast<KernelContext&>(context), m_fastInputs);
    return m_fast && m_fast->handles(fastContext) ? m_fast->implementation(fastContext) : std::string();
}

Status FusedGroupKernel::computeUnfused(KernelContext& context) const {
    // The original kernels read and write ONNX's layout.
    std::vector<Value> converted(m_channelsLastInputs.size());
    for (size_t i = 0; i < converted.size(); ++i)
        if (const Tensor* t = m_channelsLastInputs[i] ? context.inputTensor(static_cast<int>(i)) : nullptr)
            converted[i] = Value(fromChannelsLast(*t, m_blocked));
    std::vector<std::vector<Value>> outputs(m_members.size());
    for (size_t m = 0; m < m_members.size(); ++m) {
        const PlannedNode& node = *m_members[m].node;
        if (!node.kernel)
            return Status::error(node.desc.displayName() + ": no kernel");
        MemberContext member(context, converted, m_members[m], outputs);
        Status status = node.kernel->compute(member);
        if (!status.ok())
            return status.withContext(node.desc.displayName() + ": ");
        outputs[m] = member.takeOutputs();
    }
    auto& last = outputs.back();
    if (m_channelsLastOutput && !last.empty() && last[0].isTensor())
        last[0] = Value(toChannelsLast(last[0].tensor, m_blocked));
    for (size_t o = 0; o < last.size() && static_cast<int>(o) < context.outputCount(); ++o)
        if (!last[o].isNone() || last[o].isOptional)
            context.setOutput(static_cast<int>(o), std::move(last[o]));
    return {};
}

} // namespace onnxscope
