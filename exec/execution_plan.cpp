#include "execution_plan.h"

#include "constant_folding.h"
#include "constant_kernel.h"
#include "core/tensor_proto_io.h"
#include "fusion.h"
#include "graph_body.h"
#include "kernel_registry.h"
#include "lazy_function_kernel.h"
#include "node_desc_builder.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include <google/protobuf/unknown_field_set.h>

#include <algorithm>
#include <functional>
#include <queue>
#include <set>

namespace onnxscope {

std::string PlannedNode::label(size_t planIndex) const {
    return desc.name.empty() ? desc.opType + "_" + std::to_string(planIndex) : desc.name;
}

bool ExecutionPlan::hasFusion() const {
    for (const PlannedNode& node : nodes)
        if (node.fused)
            return true;
    return false;
}

std::vector<const PlannedNode*> ExecutionPlan::unsupportedNodes() const {
    std::vector<const PlannedNode*> out;
    for (const PlannedNode& n : nodes)
        if (!n.kernel)
            out.push_back(&n);
    return out;
}

namespace {

ValueInfo::Kind kindOf(const onnx::TypeProto& type) {
    switch (type.value_case()) {
    case onnx::TypeProto::kTensorType:
    case onnx::TypeProto::kSparseTensorType:
        return ValueInfo::Kind::Tensor;
    case onnx::TypeProto::kSequenceType:
        return ValueInfo::Kind::Sequence;
    case onnx::TypeProto::kOptionalType:
        return ValueInfo::Kind::Optional;
    case onnx::TypeProto::kMapType:
        return ValueInfo::Kind::Map;
    default:
        return ValueInfo::Kind::Unknown;
    }
}

DataType innermostElementType(const onnx::TypeProto& type) {
    switch (type.value_case()) {
    case onnx::TypeProto::kTensorType:
        return dataTypeFromInt(type.tensor_type().elem_type()).value_or(DataType::Undefined);
    case onnx::TypeProto::kSequenceType:
        return innermostElementType(type.sequence_type().elem_type());
    case onnx::TypeProto::kOptionalType:
        return innermostElementType(type.optional_type().elem_type());
    case onnx::TypeProto::kMapType:
        return innermostElementType(type.map_type().value_type());
    default:
        return DataType::Undefined;
    }
}

ValueInfo valueInfoFrom(const onnx::ValueInfoProto& proto,
                        const std::map<std::string, int64_t>& dimOverrides) {
    ValueInfo info;
    info.name = proto.name();
    const onnx::TypeProto& type = proto.type();
    info.kind = kindOf(type);
    info.elementType = innermostElementType(type);
    if (info.kind == ValueInfo::Kind::Optional)
        info.innerKind = kindOf(type.optional_type().elem_type());
    if (type.has_tensor_type() && type.tensor_type().has_shape()) {
        info.hasShape = true;
        for (const auto& d : type.tensor_type().shape().dim()) {
            int64_t value = d.has_dim_value() ? d.dim_value() : -1;
            std::string param = d.has_dim_param() ? d.dim_param() : std::string();
            if (!param.empty()) {
                auto it = dimOverrides.find(param);
                if (it != dimOverrides.end())
                    value = it->second;
            }
            info.dims.push_back(value);
            info.dimParams.push_back(param);
        }
    }
    return info;
}

struct ExpandedNode {
    onnx::NodeProto proto;
    int opset = 0;
    std::shared_ptr<const OpsetMap> opsets; // for the node's subgraphs
    int sourceIndex = -1;
    std::string functionPath;
};

// Names visible from enclosing graphs, innermost first.
struct Scope {
    const std::set<std::string>* names = nullptr;
    const Scope* parent = nullptr;
    bool contains(const std::string& name) const {
        for (const Scope* s = this; s; s = s->parent)
            if (s->names && s->names->count(name))
                return true;
        return false;
    }
};

constexpr int kMaxInlineDepth = 32;
// A function that calls another twice per level doubles with each of those 32 levels; the depth
// cap alone would let it expand to billions of nodes before anything runs.
constexpr int64_t kMaxInlinedNodes = int64_t(1) << 18;

std::string normalized(const std::string& domain) {
    return std::string(normalizeDomain(domain));
}

int opsetFor(const OpsetMap& opsets, const std::string& domain) {
    auto it = opsets.find(normalized(domain));
    return it == opsets.end() ? 0 : it->second;
}

// Renames the names a subgraph reads from outside itself; its own names stay as they are.
void renameOuterReferences(onnx::GraphProto& graph,
                           const std::function<std::string(const std::string&)>& rename) {
    std::set<std::string> local;
    for (const auto& i : graph.input())
        local.insert(i.name());
    for (const auto& i : graph.initializer())
        local.insert(i.name());
    for (const auto& n : graph.node())
        for (const auto& o : n.output())
            local.insert(o);
    auto inner = [&](const std::string& name) {
        return local.count(name) || name.empty() ? name : rename(name);
    };
    for (auto& n : *graph.mutable_node()) {
        for (auto& in : *n.mutable_input())
            in = inner(in);
        for (auto& a : *n.mutable_attribute()) {
            if (a.has_g())
                renameOuterReferences(*a.mutable_g(), inner);
            for (auto& g : *a.mutable_graphs())
                renameOuterReferences(g, inner);
        }
    }
    for (auto& o : *graph.mutable_output())
        o.set_name(inner(o.name()));
}

// FunctionProto.attribute_proto (IR 9, default attribute values) is newer than Debian's
// libonnx, so protobuf keeps it as unknown field 11; decode it from there.
std::vector<onnx::AttributeProto> functionAttributeDefaults(const onnx::FunctionProto& function) {
    std::vector<onnx::AttributeProto> defaults;
    const auto& unknown = function.GetReflection()->GetUnknownFields(function);
    for (int i = 0; i < unknown.field_count(); ++i) {
        const auto& field = unknown.field(i);
        if (field.number() != 11 || field.type() != google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED)
            continue;
        onnx::AttributeProto a;
        if (a.ParseFromString(field.length_delimited()))
            defaults.push_back(std::move(a));
    }
    return defaults;
}

class Planner {
public:
    Planner(const ExternalDataStore* store, const PlanOptions& options)
        : m_store(store)
        , m_options(options) {}
    Planner(const onnx::ModelProto& model, const ExternalDataStore* store, const PlanOptions& options)
        : m_store(store)
        , m_options(options) {
        for (const auto& f : model.functions())
            m_functions[normalized(f.domain()) + "::" + f.name()] = &f;
    }

    Result<std::unique_ptr<ExecutionPlan>> planGraph(const onnx::GraphProto& graph,
                                                     const std::shared_ptr<const OpsetMap>& opsets,
                                                     const Scope* outer);

private:
    Status expand(const onnx::NodeProto& node, const std::shared_ptr<const OpsetMap>& opsets, int sourceIndex,
                  const std::string& path, int depth, std::vector<ExpandedNode>& out);
    Status inlineFunction(const onnx::FunctionProto& function,
                          const std::vector<onnx::AttributeProto>& defaults, const onnx::NodeProto& caller,
                          const std::shared_ptr<const OpsetMap>& opsets, int sourceIndex,
                          const std::string& path, int depth, std::vector<ExpandedNode>& out);
    bool anyBackendRuns(const NodeDesc& probe) const {
        for (const Backend* b : m_options.backends)
            if (b->canRun(probe))
                return true;
        return false;
    }
    void assignKernel(PlannedNode& node, const ExpandedNode& source);

public:
    // Off while planning a lazily built function body, so a body that still cannot be built
    // fails instead of recursing.
    bool m_allowLazy = true;

private:
    const ExternalDataStore* m_store;
    const PlanOptions& m_options;
    std::map<std::string, const onnx::FunctionProto*> m_functions;
    std::map<std::string, onnx::TypeProto> m_types; // declared types of names seen so far
    int m_inlineCounter = 0;
    int64_t m_inlinedNodes = 0;
};

Status Planner::expand(const onnx::NodeProto& node, const std::shared_ptr<const OpsetMap>& opsets,
                       int sourceIndex, const std::string& path, int depth, std::vector<ExpandedNode>& out) {
    const std::string domain = normalized(node.domain());
    auto fit = m_functions.find(domain + "::" + node.op_type());
    if (fit != m_functions.end()) {
        if (depth >= kMaxInlineDepth)
            return Status::error("function '" + node.op_type() + "' nests deeper than " +
                                 std::to_string(kMaxInlineDepth) + " levels (recursive function?)");
        return inlineFunction(*fit->second, functionAttributeDefaults(*fit->second), node, opsets,
                              sourceIndex, path, depth, out);
    }
    const int version = opsetFor(*opsets, domain);
    NodeDesc probe;
    probe.opType = node.op_type();
    probe.domain = domain;
    probe.opsetVersion = version;
    if (!anyBackendRuns(probe) && node.op_type() != "Constant" && depth < kMaxInlineDepth) {
        const onnx::OpSchema* schema =
            onnx::OpSchemaRegistry::Schema(node.op_type(), version, domain.empty() ? "" : domain);
        if (schema) {
            onnx::FunctionProto body;
            bool have = false;
            try {
                if (schema->HasFunction() && schema->GetFunction()) {
                    body = *schema->GetFunction();
                    have = true;
                } else if (schema->HasContextDependentFunction()) {
                    // Builders read the input types and crash on missing ones, so only build
                    // when the graph declares every input's type.
                    std::vector<onnx::TypeProto> types;
                    bool typed = true;
                    for (const auto& in : node.input()) {
                        auto it = m_types.find(in);
                        typed = typed && (in.empty() || it != m_types.end());
                        types.push_back(in.empty() || it == m_types.end() ? onnx::TypeProto() : it->second);
                    }
                    if (typed) {
                        onnx::FunctionBodyBuildContextImpl context(node, types);
                        have = schema->BuildContextDependentFunction(context, body);
                    }
                }
            } catch (const std::exception&) {
                have = false; // the body needs input types we do not have; run as an unsupported node
            }
            if (have) {
                if (body.name().empty())
                    body.set_name(node.op_type());
                return inlineFunction(body, {}, node, opsets, sourceIndex, path, depth, out);
            }
        }
    }
    out.push_back({node, version, opsets, sourceIndex, path});
    return {};
}

Status Planner::inlineFunction(const onnx::FunctionProto& function,
                               const std::vector<onnx::AttributeProto>& defaults,
                               const onnx::NodeProto& caller, const std::shared_ptr<const OpsetMap>& opsets,
                               int sourceIndex, const std::string& path, int depth,
                               std::vector<ExpandedNode>& out) {
    const std::string prefix = (caller.name().empty() ? caller.op_type() : caller.name()) + "__" +
                               std::to_string(m_inlineCounter++) + "/";
    std::map<std::string, std::string> renamed;
    for (int i = 0; i < function.input_size(); ++i)
        renamed[function.input(i)] = i < caller.input_size() ? caller.input(i) : std::string();
    for (int i = 0; i < function.output_size(); ++i) {
        const bool used = i < caller.output_size() && !caller.output(i).empty();
        renamed[function.output(i)] = used ? caller.output(i) : prefix + function.output(i);
    }
    auto rename = [&](const std::string& name) -> std::string {
        if (name.empty())
            return name;
        auto it = renamed.find(name);
        return it != renamed.end() ? it->second : prefix + name;
    };

    std::map<std::string, const onnx::AttributeProto*> attrs;
    for (const auto& a : defaults)
        attrs[a.name()] = &a;
    for (const auto& a : caller.attribute())
        attrs[a.name()] = &a;

    auto bodyOpsets = std::make_shared<OpsetMap>(*opsets);
    for (const auto& imp : function.opset_import())
        (*bodyOpsets)[normalized(imp.domain())] = static_cast<int>(imp.version());

    const std::string bodyPath = path.empty() ? function.name() : path + "/" + function.name();
    int index = 0;
    for (const auto& bodyNode : function.node()) {
        if (++m_inlinedNodes > kMaxInlinedNodes)
            return Status::error("function '" + function.name() + "' (inlined as " + bodyPath +
                                 ") expands past " + std::to_string(kMaxInlinedNodes) +
                                 " nodes; does it call other functions several times per level?");
        onnx::NodeProto n = bodyNode;
        for (auto& in : *n.mutable_input())
            in = rename(in);
        for (auto& o : *n.mutable_output())
            o = rename(o);
        resolveAttributeReferences(n, attrs);
        for (auto& a : *n.mutable_attribute()) {
            if (a.has_g())
                renameOuterReferences(*a.mutable_g(), rename);
            for (auto& g : *a.mutable_graphs())
                renameOuterReferences(g, rename);
        }
        n.set_name(prefix + (bodyNode.name().empty() ? bodyNode.op_type() + "_" + std::to_string(index)
                                                     : bodyNode.name()));
        ++index;
        OS_RETURN_IF_ERROR(expand(n, bodyOpsets, sourceIndex, bodyPath, depth + 1, out));
    }
    return {};
}

void Planner::assignKernel(PlannedNode& node, const ExpandedNode& source) {
    for (const Backend* b : m_options.backends) {
        if (!b->canRun(node.desc))
            continue;
        node.backend = b;
        auto kernel = b->createKernel(node.desc);
        if (kernel.ok())
            node.kernel = std::move(kernel).value();
        else
            node.planError = kernel.status();
        return;
    }
    node.backend = m_options.backends.empty() ? nullptr : m_options.backends.back();
    if (node.desc.opType == "Constant" && node.desc.domain.empty()) {
        auto kernel = makeConstantKernel(node.desc);
        if (kernel.ok())
            node.kernel = std::move(kernel).value();
        else
            node.planError = kernel.status();
        return;
    }
    if (m_allowLazy) {
        const onnx::OpSchema* schema = onnx::OpSchemaRegistry::Schema(
            node.desc.opType, node.desc.opsetVersion, node.desc.domain.empty() ? "" : node.desc.domain);
        if (schema && schema->HasContextDependentFunction()) {
            node.kernel = makeLazyFunctionKernel(source.proto, source.opsets, m_store, m_options);
            return;
        }
    }
    std::string names;
    for (const Backend* b : m_options.backends)
        names += (names.empty() ? "" : ", ") + b->name();
    node.planError = Status::error(
        "no kernel for " + (node.desc.domain.empty() ? "" : node.desc.domain + "::") + node.desc.opType +
        " at opset " + std::to_string(node.desc.opsetVersion) + " on any backend (" + names + ")");
}

Result<std::unique_ptr<ExecutionPlan>> Planner::planGraph(const onnx::GraphProto& graph,
                                                          const std::shared_ptr<const OpsetMap>& opsets,
                                                          const Scope* outer) {
    const std::string graphLabel = "graph '" + graph.name() + "': ";
    for (const auto* list : {&graph.input(), &graph.value_info(), &graph.output()})
        for (const auto& info : *list)
            if (info.has_type())
                m_types[info.name()] = info.type();
    for (const auto& init : graph.initializer()) {
        onnx::TypeProto type;
        type.mutable_tensor_type()->set_elem_type(init.data_type());
        for (int64_t d : init.dims())
            type.mutable_tensor_type()->mutable_shape()->add_dim()->set_dim_value(d);
        m_types[init.name()] = type;
    }
    std::vector<ExpandedNode> expanded;
    for (int i = 0; i < graph.node_size(); ++i) {
        Status s = expand(graph.node(i), opsets, outer ? -1 : i, "", 0, expanded);
        if (!s.ok())
            return s.withContext(graphLabel + "node " + std::to_string(i) + " ('" + graph.node(i).name() +
                                 "', " + graph.node(i).op_type() + "): ");
    }

    std::set<std::string> defined;
    for (const auto& i : graph.input())
        defined.insert(i.name());
    for (const auto& i : graph.initializer())
        defined.insert(i.name());
    for (const auto& n : expanded)
        for (const auto& o : n.proto.output())
            if (!o.empty())
                defined.insert(o);
    Scope scope{&defined, outer};

    auto plan = std::make_unique<ExecutionPlan>();
    std::vector<PlannedNode> unordered(expanded.size());
    std::vector<std::vector<std::string>> implicitNames(expanded.size());
    for (size_t i = 0; i < expanded.size(); ++i) {
        const ExpandedNode& e = expanded[i];
        std::set<std::string> captured;
        SubgraphCompiler compile = [&](const onnx::GraphProto& sub,
                                       const std::string& label) -> Result<std::shared_ptr<const GraphBody>> {
            auto subPlan = planGraph(sub, e.opsets, &scope);
            if (!subPlan.ok())
                return subPlan.status();
            for (const auto& name : (*subPlan)->capturedNames)
                captured.insert(name);
            return std::make_shared<const GraphBody>(sub.name().empty() ? label : sub.name(),
                                                     std::move(subPlan).value());
        };
        auto desc = buildNodeDesc(e.proto, e.opset, m_store, compile);
        if (!desc.ok())
            return desc.status().withContext(graphLabel);
        unordered[i].desc = std::move(desc).value();
        unordered[i].sourceIndex = e.sourceIndex;
        unordered[i].functionPath = e.functionPath;
        implicitNames[i].assign(captured.begin(), captured.end());
    }

    // Topological order, stable: among ready nodes the earliest in the file runs first.
    // A value has one producer (SSA); with two, which one a reader sees would be an accident.
    std::map<std::string, size_t> producer;
    for (size_t i = 0; i < unordered.size(); ++i) {
        for (const auto& o : unordered[i].desc.outputs) {
            if (o.empty())
                continue;
            auto [it, inserted] = producer.emplace(o, i);
            if (!inserted)
                return Status::error(
                    graphLabel + "value '" + o + "' is written by both " +
                    unordered[it->second].desc.displayName() +
                    (it->second == i ? " (twice)" : " and " + unordered[i].desc.displayName()) +
                    "; each value must have one producer");
        }
    }
    std::vector<std::vector<size_t>> consumers(unordered.size());
    std::vector<int> pending(unordered.size(), 0);
    for (size_t i = 0; i < unordered.size(); ++i) {
        std::set<size_t> deps;
        auto addDep = [&](const std::string& name) -> Status {
            if (name.empty())
                return {};
            auto it = producer.find(name);
            if (it != producer.end()) {
                if (it->second != i)
                    deps.insert(it->second);
                return {};
            }
            if (defined.count(name) || (outer && outer->contains(name)))
                return {};
            return Status::error(graphLabel + unordered[i].desc.displayName() + " reads '" + name +
                                 "', which no node, graph input or initializer provides");
        };
        for (const auto& in : unordered[i].desc.inputs)
            OS_RETURN_IF_ERROR(addDep(in));
        for (const auto& in : implicitNames[i])
            OS_RETURN_IF_ERROR(addDep(in));
        pending[i] = static_cast<int>(deps.size());
        for (size_t d : deps)
            consumers[d].push_back(i);
    }
    std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
    for (size_t i = 0; i < unordered.size(); ++i)
        if (pending[i] == 0)
            ready.push(i);
    std::vector<size_t> order;
    while (!ready.empty()) {
        size_t i = ready.top();
        ready.pop();
        order.push_back(i);
        for (size_t c : consumers[i])
            if (--pending[c] == 0)
                ready.push(c);
    }
    if (order.size() != unordered.size()) {
        for (size_t i = 0; i < unordered.size(); ++i)
            if (pending[i] > 0)
                return Status::error(graphLabel + "the graph has a cycle through " +
                                     unordered[i].desc.displayName());
    }

    auto slotFor = [&](const std::string& name) -> int {
        auto it = plan->slotOf.find(name);
        if (it != plan->slotOf.end())
            return it->second;
        int s = static_cast<int>(plan->slotNames.size());
        plan->slotNames.push_back(name);
        plan->slotOf.emplace(name, s);
        return s;
    };

    std::set<std::string> initializerNames;
    for (const auto& init : graph.initializer()) {
        auto t = tensorFromProto(init, m_store);
        if (!t.ok())
            return t.status().withContext(graphLabel + "initializer '" + init.name() + "': ");
        plan->initializers.emplace_back(slotFor(init.name()), Value(std::move(t).value()));
        initializerNames.insert(init.name());
    }
    for (const auto& in : graph.input()) {
        ValueInfo info = valueInfoFrom(in, m_options.dimOverrides);
        info.hasInitializer = initializerNames.count(in.name()) > 0;
        plan->inputs.push_back(info);
        plan->inputSlots.push_back(slotFor(in.name()));
    }
    for (size_t i : order) {
        PlannedNode& n = unordered[i];
        for (const auto& in : n.desc.inputs)
            n.inputSlots.push_back(in.empty() ? -1 : slotFor(in));
        for (const auto& name : implicitNames[i])
            n.implicitSlots.push_back(slotFor(name));
        for (const auto& o : n.desc.outputs)
            n.outputSlots.push_back(o.empty() ? -1 : slotFor(o));
    }
    for (const auto& out : graph.output()) {
        if (!defined.count(out.name()) && !(outer && outer->contains(out.name())))
            return Status::error(graphLabel + "output '" + out.name() + "' is not produced by any node");
        plan->outputs.push_back(valueInfoFrom(out, m_options.dimOverrides));
        plan->outputSlots.push_back(slotFor(out.name()));
    }
    // Whatever is not defined here comes from an enclosing scope.
    for (size_t s = 0; s < plan->slotNames.size(); ++s) {
        const std::string& name = plan->slotNames[s];
        if (!defined.count(name)) {
            plan->capturedNames.push_back(name);
            plan->capturedSlots.push_back(static_cast<int>(s));
        }
    }

    plan->pinned.assign(plan->slotNames.size(), false);
    for (int s : plan->outputSlots)
        plan->pinned[static_cast<size_t>(s)] = true;
    std::vector<int> lastUse(plan->slotNames.size(), -1);
    for (size_t k = 0; k < order.size(); ++k) {
        const PlannedNode& n = unordered[order[k]];
        for (int s : n.inputSlots)
            if (s >= 0)
                lastUse[static_cast<size_t>(s)] = static_cast<int>(k);
        for (int s : n.implicitSlots)
            lastUse[static_cast<size_t>(s)] = static_cast<int>(k);
        for (int s : n.outputSlots)
            if (s >= 0 && lastUse[static_cast<size_t>(s)] < static_cast<int>(k))
                lastUse[static_cast<size_t>(s)] = static_cast<int>(k); // unread outputs die right away
    }
    for (size_t k = 0; k < order.size(); ++k)
        plan->nodes.push_back(std::move(unordered[order[k]]));
    for (size_t s = 0; s < lastUse.size(); ++s)
        if (lastUse[s] >= 0 && !plan->pinned[s])
            plan->nodes[static_cast<size_t>(lastUse[s])].releaseAfter.push_back(static_cast<int>(s));

    for (size_t k = 0; k < order.size(); ++k)
        assignKernel(plan->nodes[k], expanded[order[k]]);
    bindConstantInputs(*plan);
    return plan;
}

} // namespace

Result<std::unique_ptr<ExecutionPlan>> planFunctionBody(const onnx::GraphProto& graph,
                                                        const std::shared_ptr<const OpsetMap>& opsets,
                                                        const ExternalDataStore* store,
                                                        const PlanOptions& options) {
    Planner planner(store, options);
    planner.m_allowLazy = false;
    return planner.planGraph(graph, opsets, nullptr);
}

Result<std::unique_ptr<ExecutionPlan>> planModel(const onnx::ModelProto& model,
                                                 const ExternalDataStore* store, const PlanOptions& options) {
    auto opsets = std::make_shared<OpsetMap>();
    for (const auto& imp : model.opset_import())
        (*opsets)[normalized(imp.domain())] = static_cast<int>(imp.version());
    if (!opsets->count("") && model.ir_version() < 3)
        (*opsets)[""] = 1; // IR 1-2 models have no opset_import; they mean opset 1
    Planner planner(model, store, options);
    auto plan = planner.planGraph(model.graph(), opsets, nullptr);
    // Only the main graph: subgraph bodies run through GraphExecutor::runBody, which executes
    // the original nodes.
    if (plan.ok() && options.fuse)
        fuseNodes(**plan);
    if (plan.ok() && options.foldConstants)
        foldConstants(**plan);
    return plan;
}

} // namespace onnxscope
