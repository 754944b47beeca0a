// Sequence ops: SequenceEmpty/Construct/At/Insert/Erase/Length, SplitToSequence,
// ConcatFromSequence and SequenceMap. A sequence is a Value of kind Sequence whose elements are
// tensors sharing storage with their sources (tensors are immutable once produced).
#include "control_flow_kernels.h"
#include "control_flow_util.h"
#include "exec/graph_body.h"
#include "exec/kernel_registry.h"

namespace onnxscope {

namespace {

using namespace controlflow;

const Value& requireSequence(const KernelContext& context, int index) {
    const Value* v = context.input(index);
    if (!v || !v->isSequence())
        throw KernelError("input " + std::to_string(index) + " must be a sequence");
    return *v;
}

// A position input normalized against size; insert allows size itself (append).
int64_t position(const KernelContext& context, int index, int64_t size, bool forInsert) {
    const int64_t p = scalarInt(requireTensor(context, index, "position"), "position");
    const int64_t limit = forInsert ? size : size - 1;
    if (p < -size || p > limit)
        throw KernelError("position " + std::to_string(p) + " is out of range for a sequence of " +
                          std::to_string(size));
    return p < 0 ? p + size : p;
}

class SequenceEmptyKernel final : public Kernel {
public:
    explicit SequenceEmptyKernel(const NodeDesc& node)
        : m_type(dataTypeFromInt(static_cast<int32_t>(node.getInt("dtype", 1))).value_or(DataType::Float)) {}
    Status compute(KernelContext& context) const override {
        context.setOutput(0, Value::sequence({}, m_type));
        return {};
    }

private:
    DataType m_type;
};

class SequenceConstructKernel final : public Kernel {
public:
    explicit SequenceConstructKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        std::vector<Value> items;
        DataType type = DataType::Undefined;
        for (int i = 0; i < context.inputCount(); ++i) {
            const Tensor& t = requireTensor(context, i, "element");
            if (i > 0 && t.dataType() != type)
                return Status::error("elements must share one type; input " + std::to_string(i) + " is " +
                                     std::string(dataTypeName(t.dataType())));
            type = t.dataType();
            items.emplace_back(t);
        }
        context.setOutput(0, Value::sequence(std::move(items), type));
        return {};
    }
};

class SequenceAtKernel final : public Kernel {
public:
    explicit SequenceAtKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value& seq = requireSequence(context, 0);
        const int64_t p = position(context, 1, static_cast<int64_t>(seq.elements.size()), false);
        Value v = seq.elements[static_cast<size_t>(p)];
        v.isOptional = false;
        context.setOutput(0, std::move(v));
        return {};
    }
};

class SequenceInsertKernel final : public Kernel {
public:
    explicit SequenceInsertKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value& seq = requireSequence(context, 0);
        const Tensor& t = requireTensor(context, 1, "tensor");
        if (!seq.elements.empty() && seq.elements.front().isTensor() &&
            seq.elements.front().tensor.dataType() != t.dataType())
            return Status::error("cannot insert " + std::string(dataTypeName(t.dataType())) +
                                 " into a sequence of " +
                                 std::string(dataTypeName(seq.elements.front().tensor.dataType())));
        const int64_t size = static_cast<int64_t>(seq.elements.size());
        const int64_t p = context.hasInput(2) ? position(context, 2, size, true) : size;
        Value out = Value::sequence(seq.elements, t.dataType());
        out.elements.insert(out.elements.begin() + p, Value(t));
        context.setOutput(0, std::move(out));
        return {};
    }
};

class SequenceEraseKernel final : public Kernel {
public:
    explicit SequenceEraseKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value& seq = requireSequence(context, 0);
        const int64_t size = static_cast<int64_t>(seq.elements.size());
        if (size == 0)
            return Status::error("cannot erase from an empty sequence");
        const int64_t p = context.hasInput(1) ? position(context, 1, size, false) : size - 1;
        Value out = Value::sequence(seq.elements, seq.elementType);
        out.elements.erase(out.elements.begin() + p);
        context.setOutput(0, std::move(out));
        return {};
    }
};

class SequenceLengthKernel final : public Kernel {
public:
    explicit SequenceLengthKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value& seq = requireSequence(context, 0);
        context.setOutput(
            0, Value(Tensor::scalar<int64_t>(DataType::Int64, static_cast<int64_t>(seq.elements.size()))));
        return {};
    }
};

class SplitToSequenceKernel final : public Kernel {
public:
    explicit SplitToSequenceKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 0))
        , m_keepDims(node.getInt("keepdims", 1) != 0) {}
    Status compute(KernelContext& context) const override {
        const Tensor& input = requireTensor(context, 0, "input");
        const int axis = normalizeAxis(m_axis, input.rank(), "axis");
        const int64_t dim = input.dim(axis);
        std::vector<int64_t> sizes;
        bool squeeze = false;
        if (!context.hasInput(1)) {
            sizes.assign(static_cast<size_t>(dim), 1);
            squeeze = !m_keepDims;
        } else {
            const Tensor& split = requireTensor(context, 1, "split");
            if (split.rank() == 0) {
                const int64_t chunk = scalarInt(split, "split");
                if (chunk <= 0)
                    return Status::error("split must be positive, got " + std::to_string(chunk));
                for (int64_t left = dim; left > 0; left -= chunk)
                    sizes.push_back(std::min(chunk, left));
            } else {
                int64_t total = 0;
                for (int64_t i = 0; i < split.elementCount(); ++i) {
                    sizes.push_back(static_cast<int64_t>(split.elementAsDouble(i)));
                    if (sizes.back() < 0)
                        return Status::error("split sizes must not be negative");
                    total += sizes.back();
                }
                if (total != dim)
                    return Status::error("split sizes add up to " + std::to_string(total) +
                                         ", not the axis length " + std::to_string(dim));
            }
        }
        std::vector<Value> items;
        int64_t begin = 0;
        for (int64_t size : sizes) {
            items.emplace_back(squeeze ? takeAlongAxis(input, axis, begin)
                                       : sliceAxis(input, axis, begin, size));
            begin += size;
        }
        context.setOutput(0, Value::sequence(std::move(items), input.dataType()));
        return {};
    }

private:
    int64_t m_axis;
    bool m_keepDims;
};

class ConcatFromSequenceKernel final : public Kernel {
public:
    explicit ConcatFromSequenceKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 0))
        , m_newAxis(node.getInt("new_axis", 0) != 0) {}
    Status compute(KernelContext& context) const override {
        const Value& seq = requireSequence(context, 0);
        if (seq.elements.empty())
            return Status::error("cannot concatenate an empty sequence");
        std::vector<Tensor> parts;
        for (const Value& v : seq.elements) {
            if (!v.isTensor())
                return Status::error("sequence elements must be tensors");
            parts.push_back(v.tensor);
        }
        const int rank = parts.front().rank();
        if (m_newAxis) {
            const int axis = normalizeAxis(m_axis, rank + 1, "axis");
            context.setOutput(0, Value(stackAlongNewAxis(parts, axis, DataType::Undefined, {})));
        } else {
            const int axis = normalizeAxis(m_axis, rank, "axis");
            context.setOutput(0, Value(concatAlongAxis(parts, axis)));
        }
        return {};
    }

private:
    int64_t m_axis;
    bool m_newAxis;
};

class SequenceMapKernel final : public Kernel {
public:
    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        const Attribute* a = node.attribute("body");
        if (!a || !a->graph)
            return Status::error("missing graph attribute 'body'");
        auto k = std::unique_ptr<SequenceMapKernel>(new SequenceMapKernel());
        k->m_body = a->graph;
        return std::unique_ptr<Kernel>(std::move(k));
    }
    Status compute(KernelContext& context) const override {
        const Value& seq = requireSequence(context, 0);
        const size_t n = seq.elements.size();
        for (int i = 1; i < context.inputCount(); ++i) {
            const Value* v = context.input(i);
            if (v && v->isSequence() && v->elements.size() != n)
                return Status::error("additional sequence input " + std::to_string(i) + " has " +
                                     std::to_string(v->elements.size()) + " elements, the first has " +
                                     std::to_string(n));
        }
        std::vector<std::vector<Value>> collected(static_cast<size_t>(context.outputCount()));
        for (size_t k = 0; k < n; ++k) {
            std::vector<Value> inputs{seq.elements[k]};
            for (int i = 1; i < context.inputCount(); ++i) {
                const Value* v = context.input(i);
                inputs.push_back(!v ? Value() : v->isSequence() ? v->elements[k] : *v);
            }
            auto outputs = context.runGraph(*m_body, std::move(inputs));
            if (!outputs.ok())
                return outputs.status().withContext("element " + std::to_string(k) + ": ");
            for (size_t o = 0; o < collected.size() && o < outputs->size(); ++o)
                collected[o].push_back(std::move((*outputs)[o]));
        }
        for (size_t o = 0; o < collected.size(); ++o) {
            DataType type =
                m_body->outputs().size() > o ? m_body->outputs()[o].elementType : DataType::Undefined;
            if (!collected[o].empty() && collected[o].front().isTensor())
                type = collected[o].front().tensor.dataType();
            context.setOutput(static_cast<int>(o), Value::sequence(std::move(collected[o]), type));
        }
        return {};
    }

private:
    SequenceMapKernel() = default;
    std::shared_ptr<const GraphBody> m_body;
};

} // namespace

void registerSequenceOps(KernelRegistry& registry) {
    registry.add("SequenceEmpty", 11, &makeKernel<SequenceEmptyKernel>);
    registry.add("SequenceConstruct", 11, &makeKernel<SequenceConstructKernel>);
    registry.add("SequenceAt", 11, &makeKernel<SequenceAtKernel>);
    registry.add("SequenceInsert", 11, &makeKernel<SequenceInsertKernel>);
    registry.add("SequenceErase", 11, &makeKernel<SequenceEraseKernel>);
    registry.add("SequenceLength", 11, &makeKernel<SequenceLengthKernel>);
    registry.add("SplitToSequence", 11, &makeKernel<SplitToSequenceKernel>);
    registry.add("ConcatFromSequence", 11, &makeKernel<ConcatFromSequenceKernel>);
    registry.add("SequenceMap", 17, &SequenceMapKernel::create);
}

} // namespace onnxscope
