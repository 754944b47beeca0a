#include "lazy_function_kernel.h"

#include "graph_body.h"

#include <onnx/onnx_pb.h>

#include <mutex>

namespace onnxscope {

namespace {

onnx::TypeProto typeOfValue(const Value* v) {
    onnx::TypeProto type;
    if (!v)
        return type;
    if (v->isOptional) {
        Value inner = *v;
        inner.isOptional = false;
        if (v->isNone())
            type.mutable_optional_type()->mutable_elem_type()->mutable_tensor_type()->set_elem_type(
                static_cast<int>(v->elementType));
        else
            *type.mutable_optional_type()->mutable_elem_type() = typeOfValue(&inner);
        return type;
    }
    if (v->isTensor()) {
        auto* t = type.mutable_tensor_type();
        t->set_elem_type(static_cast<int>(v->tensor.dataType()));
        auto* shape = t->mutable_shape();
        for (int64_t d : v->tensor.shape())
            shape->add_dim()->set_dim_value(d);
    } else if (v->isSequence()) {
        const DataType elem = !v->elements.empty() && v->elements.front().isTensor()
                                  ? v->elements.front().tensor.dataType()
                                  : v->elementType;
        type.mutable_sequence_type()->mutable_elem_type()->mutable_tensor_type()->set_elem_type(
            static_cast<int>(elem));
    }
    return type;
}

class LazyFunctionKernel final : public Kernel {
public:
    LazyFunctionKernel(onnx::NodeProto node, std::shared_ptr<const OpsetMap> opsets,
                       const ExternalDataStore* store, PlanOptions options)
        : m_node(std::move(node))
        , m_opsets(std::move(opsets))
        , m_store(store)
        , m_options(std::move(options)) {}

    Status compute(KernelContext& context) const override {
        std::vector<onnx::TypeProto> types;
        std::vector<Value> inputs;
        std::string signature;
        for (int i = 0; i < m_node.input_size(); ++i) {
            const Value* v = m_node.input(i).empty() ? nullptr : context.input(i);
            types.push_back(typeOfValue(v));
            signature += types.back().SerializeAsString() + '\x1f';
            if (!m_node.input(i).empty())
                inputs.push_back(v ? *v : Value());
        }
        std::shared_ptr<const GraphBody> body;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            auto it = m_bodies.find(signature);
            if (it != m_bodies.end()) {
                body = it->second;
            } else {
                OS_ASSIGN_OR_RETURN(body, build(types));
                m_bodies.emplace(signature, body);
            }
        }
        OS_ASSIGN_OR_RETURN(auto outputs, context.runGraph(*body, std::move(inputs)));
        size_t k = 0;
        for (int o = 0; o < m_node.output_size() && o < context.outputCount(); ++o)
            if (!m_node.output(o).empty() && k < outputs.size())
                context.setOutput(o, std::move(outputs[k++]));
        return {};
    }

private:
    Result<std::shared_ptr<const GraphBody>> build(const std::vector<onnx::TypeProto>& types) const {
        onnx::GraphProto graph;
        graph.set_name(m_node.op_type() + " function body");
        onnx::NodeProto* n = graph.add_node();
        *n = m_node;
        for (int i = 0; i < n->input_size(); ++i) {
            if (n->input(i).empty())
                continue;
            n->set_input(i, "input_" + std::to_string(i));
            auto* in = graph.add_input();
            in->set_name(n->input(i));
            *in->mutable_type() = types[static_cast<size_t>(i)];
        }
        for (int o = 0; o < n->output_size(); ++o) {
            if (n->output(o).empty())
                continue;
            n->set_output(o, "output_" + std::to_string(o));
            graph.add_output()->set_name(n->output(o));
        }
        OS_ASSIGN_OR_RETURN(auto plan, planFunctionBody(graph, m_opsets, m_store, m_options));
        if (!plan->unsupportedNodes().empty())
            return plan->unsupportedNodes().front()->planError;
        return std::make_shared<const GraphBody>(graph.name(), std::move(plan));
    }

    onnx::NodeProto m_node;
    std::shared_ptr<const OpsetMap> m_opsets;
    const ExternalDataStore* m_store;
    PlanOptions m_options;
    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::shared_ptr<const GraphBody>> m_bodies;
};

} // namespace

std::unique_ptr<Kernel> makeLazyFunctionKernel(const onnx::NodeProto& node,
                                               std::shared_ptr<const OpsetMap> opsets,
                                               const ExternalDataStore* store, const PlanOptions& options) {
    return std::make_unique<LazyFunctionKernel>(node, std::move(opsets), store, options);
}

} // namespace onnxscope
