#include "node_validation.h"

#include "proto_walk.h"
#include "tensor.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace onnxscope {

namespace {

using Opsets = google::protobuf::RepeatedPtrField<onnx::OperatorSetIdProto>;
// Declared dims by value name, -1 for an unknown dim.
using DeclaredShapes = std::map<std::string, std::vector<int64_t>>;

bool isDefaultDomain(const std::string& domain) {
    return domain.empty() || domain == "ai.onnx";
}

int opsetVersion(const Opsets& opsets, const std::string& domain) {
    for (const auto& o : opsets)
        if (o.domain() == domain || (isDefaultDomain(o.domain()) && isDefaultDomain(domain)))
            return static_cast<int>(o.version());
    return 0;
}

DeclaredShapes declaredShapes(const onnx::GraphProto& graph) {
    DeclaredShapes shapes;
    for (const auto* list : {&graph.input(), &graph.value_info(), &graph.output()}) {
        for (const auto& info : *list) {
            if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape())
                continue;
            std::vector<int64_t> dims;
            for (const auto& d : info.type().tensor_type().shape().dim())
                dims.push_back(d.has_dim_value() ? d.dim_value() : -1);
            shapes[info.name()] = std::move(dims);
        }
    }
    for (const auto& init : graph.initializer())
        shapes[init.name()] = std::vector<int64_t>(init.dims().begin(), init.dims().end());
    return shapes;
}

class NodeChecker {
public:
    NodeChecker(const onnx::NodeProto& node, int opset, const DeclaredShapes& shapes)
        : m_node(node)
        , m_opset(opset)
        , m_shapes(shapes) {}

    // The first broken rule, as "attribute 'strides' is [0,0]: ...".
    Status check() const {
        OS_RETURN_IF_ERROR(checkArity());
        if (!isDefaultDomain(m_node.domain()))
            return {};
        static const std::set<std::string> kWindowed = {"Conv",          "ConvInteger", "QLinearConv",
                                                        "ConvTranspose", "MaxPool",     "AveragePool",
                                                        "LpPool",        "MaxUnpool"};
        const std::string& op = m_node.op_type();
        if (kWindowed.count(op))
            OS_RETURN_IF_ERROR(checkWindow());
        else if (op == "Transpose")
            OS_RETURN_IF_ERROR(checkPerm());
        else if (op == "DepthToSpace" || op == "SpaceToDepth")
            OS_RETURN_IF_ERROR(checkPositive("blocksize"));
        else if (op == "MaxRoiPool")
            OS_RETURN_IF_ERROR(checkPositive("pooled_shape"));
        return checkAxes();
    }

private:
    using Ints = std::optional<std::vector<int64_t>>;

    const onnx::AttributeProto* attribute(const std::string& name) const {
        for (const auto& a : m_node.attribute())
            if (a.name() == name)
                return &a;
        return nullptr;
    }
    // Values of an INT or INTS attribute; nothing when absent or bound later by a function call.
    Result<Ints> ints(const std::string& name) const {
        const onnx::AttributeProto* a = attribute(name);
        if (!a || !a->ref_attr_name().empty())
            return Ints();
        if (a->type() == onnx::AttributeProto::INT ||
            (a->type() == onnx::AttributeProto::UNDEFINED && a->has_i()))
            return Ints(std::vector<int64_t>{a->i()});
        if (a->type() == onnx::AttributeProto::INTS || a->type() == onnx::AttributeProto::UNDEFINED)
            return Ints(std::vector<int64_t>(a->ints().begin(), a->ints().end()));
        return Status::error("attribute '" + name + "' must hold integers, not " +
                             onnx::AttributeProto::AttributeType_Name(a->type()));
    }
    static Status broken(const std::string& name, const std::vector<int64_t>& values,
                         const std::string& rule) {
        return Status::error("attribute '" + name + "' is " + shapeToString(values) + ": " + rule);
    }
    Status checkPositive(const std::string& name) const {
        OS_ASSIGN_OR_RETURN(Ints values, ints(name));
        if (values && std::any_of(values->begin(), values->end(), [](int64_t v) { return v <= 0; }))
            return broken(name, *values, "every value must be positive");
        return {};
    }
    const std::vector<int64_t>* inputDims(int index) const {
        if (index >= m_node.input_size())
            return nullptr;
        auto it = m_shapes.find(m_node.input(index));
        return it == m_shapes.end() ? nullptr : &it->second;
    }
    // Rank of a declared input, or -1.
    int64_t inputRank(int index) const {
        const std::vector<int64_t>* dims = inputDims(index);
        return dims ? static_cast<int64_t>(dims->size()) : -1;
    }

    Status checkArity() const {
        if (m_opset <= 0)
            return {};
        const onnx::OpSchema* schema = onnx::OpSchemaRegistry::Schema(
            m_node.op_type(), m_opset, isDefaultDomain(m_node.domain()) ? "" : m_node.domain());
        if (!schema)
            return {};
        auto count = [](int n, int lo, int hi, const char* what) -> Status {
            if (n >= lo && n <= hi)
                return {};
            std::string range = lo == hi ? std::to_string(lo)
                                : hi == std::numeric_limits<int>::max()
                                    ? "at least " + std::to_string(lo)
                                    : std::to_string(lo) + " to " + std::to_string(hi);
            return Status::error("has " + std::to_string(n) + " " + what + "; the schema takes " + range);
        };
        OS_RETURN_IF_ERROR(count(m_node.input_size(), schema->min_input(), schema->max_input(), "inputs"));
        return count(m_node.output_size(), schema->min_output(), schema->max_output(), "outputs");
    }

    Status checkWindow() const {
        const std::string& op = m_node.op_type();
        for (const char* name : {"kernel_shape", "strides", "dilations"})
            OS_RETURN_IF_ERROR(checkPositive(name));
        std::map<std::string, std::vector<int64_t>> given;
        for (const char* name : {"kernel_shape", "strides", "dilations", "pads", "output_padding"}) {
            OS_ASSIGN_OR_RETURN(Ints values, ints(name));
            if (values)
                given[name] = *values;
        }
        for (const char* name : {"pads", "output_padding"}) {
            auto it = given.find(name);
            if (it != given.end() &&
                std::any_of(it->second.begin(), it->second.end(), [](int64_t v) { return v < 0; }))
                return broken(name, it->second, "values must not be negative");
        }
        // Spatial rank: from kernel_shape, else the weight, else the input.
        const int weightIndex = op == "QLinearConv" ? 3 : 1;
        const bool hasWeight = op.find("Conv") != std::string::npos;
        int64_t spatial = -1;
        if (given.count("kernel_shape"))
            spatial = static_cast<int64_t>(given["kernel_shape"].size());
        else if (hasWeight && inputRank(weightIndex) >= 2)
            spatial = inputRank(weightIndex) - 2;
        else if (inputRank(0) >= 2)
            spatial = inputRank(0) - 2;
        for (const auto& [name, values] : given) {
            const int64_t per = name == "pads" ? 2 : 1;
            if (spatial < 0 && name != "pads")
                spatial = static_cast<int64_t>(values.size());
            if (spatial >= 0 && static_cast<int64_t>(values.size()) != per * spatial)
                return broken(name, values,
                              "expected " + std::to_string(per * spatial) + " values for " +
                                  std::to_string(spatial) + " spatial axes");
        }
        if (!hasWeight)
            return {};
        OS_ASSIGN_OR_RETURN(Ints group, ints("group"));
        if (group && (group->size() != 1 || group->front() <= 0))
            return broken("group", *group, "group must be one positive integer");
        const std::vector<int64_t>* x = inputDims(0);
        if (group && x && x->size() >= 2 && (*x)[1] > 0 && (*x)[1] % group->front() != 0)
            return broken("group", *group,
                          "does not divide the input's " + std::to_string((*x)[1]) + " channels");
        return {};
    }

    Status checkPerm() const {
        OS_ASSIGN_OR_RETURN(Ints perm, ints("perm"));
        if (!perm)
            return {};
        const auto n = static_cast<int64_t>(perm->size());
        std::vector<bool> seen(perm->size(), false);
        for (int64_t p : *perm) {
            if (p < 0 || p >= n || seen[static_cast<size_t>(p)])
                return broken("perm", *perm, "not a permutation of 0.." + std::to_string(n - 1));
            seen[static_cast<size_t>(p)] = true;
        }
        const int64_t rank = inputRank(0);
        if (rank >= 0 && rank != n)
            return broken("perm", *perm, "the input has rank " + std::to_string(rank));
        return {};
    }

    // Squeeze/Unsqueeze before opset 13, ReduceX before 18, Slice-1, MeanVarianceNormalization...
    Status checkAxes() const {
        OS_ASSIGN_OR_RETURN(Ints axes, ints("axes"));
        if (!axes)
            return {};
        int64_t rank = inputRank(0);
        if (rank >= 0 && m_node.op_type() == "Unsqueeze")
            rank += static_cast<int64_t>(axes->size());
        std::set<int64_t> seen;
        for (int64_t a : *axes) {
            if (rank >= 0 && (a < -rank || a >= rank))
                return broken("axes", *axes,
                              std::to_string(a) + " is out of range for rank " + std::to_string(rank));
            const int64_t normalized = rank >= 0 && a < 0 ? a + rank : a;
            if (!seen.insert(normalized).second)
                return broken("axes", *axes, "axis " + std::to_string(a) + " appears twice");
        }
        return {};
    }

    const onnx::NodeProto& m_node;
    int m_opset;
    const DeclaredShapes& m_shapes;
};

// A call of a model-local function hands its attributes to the body's ref_attr_name attributes,
// so each body node that refers to one is checked as it would be with this call's values.
Status checkThroughCall(const onnx::NodeProto& call, const onnx::FunctionProto& function,
                        const Opsets& modelOpsets, const DeclaredShapes& noShapes) {
    for (const auto& bodyNode : function.node()) {
        onnx::NodeProto bound = bodyNode;
        bool refers = false;
        bound.clear_attribute();
        for (const auto& a : bodyNode.attribute()) {
            if (a.ref_attr_name().empty()) {
                *bound.add_attribute() = a;
                continue;
            }
            refers = true;
            for (const auto& given : call.attribute()) {
                if (given.name() != a.ref_attr_name())
                    continue;
                onnx::AttributeProto* b = bound.add_attribute();
                *b = given;
                b->set_name(a.name());
            }
        }
        if (!refers)
            continue;
        int opset = opsetVersion(function.opset_import(), bodyNode.domain());
        if (opset == 0)
            opset = opsetVersion(modelOpsets, bodyNode.domain());
        Status s = NodeChecker(bound, opset, noShapes).check();
        if (!s.ok())
            return s.withContext("passes attributes to " + bodyNode.op_type() + " '" + bodyNode.name() +
                                 "' in function '" + function.name() + "': ");
    }
    return {};
}

template <typename Model, typename Each>
std::vector<ValidationIssue> validate(Model& model, const Each& each) {
    const DeclaredShapes shapes = declaredShapes(model.graph());
    const DeclaredShapes noShapes;
    std::map<std::pair<std::string, std::string>, const onnx::FunctionProto*> functions;
    for (const auto& f : model.functions())
        functions[{f.domain(), f.name()}] = &f;
    std::vector<ValidationIssue> issues;
    each(model, [&](const onnx::NodeProto& node, const onnx::FunctionProto* function) -> bool {
        int opset = function ? opsetVersion(function->opset_import(), node.domain()) : 0;
        if (opset == 0)
            opset = opsetVersion(model.opset_import(), node.domain());
        Status s = NodeChecker(node, opset, function ? noShapes : shapes).check();
        auto called = functions.find({node.domain(), node.op_type()});
        if (s.ok() && called != functions.end())
            s = checkThroughCall(node, *called->second, model.opset_import(), noShapes);
        if (s.ok())
            return false;
        std::string where = node.op_type();
        if (function)
            where += " in function '" + function->name() + "'";
        issues.push_back({ValidationIssue::Severity::Error,
                          node.name().empty() ? node.op_type() : node.name(), where + ": " + s.message()});
        return true;
    });
    return issues;
}

} // namespace

std::vector<ValidationIssue> findInvalidNodes(const onnx::ModelProto& model) {
    return validate(model, [](const onnx::ModelProto& m, const auto& check) {
        forEachNodeProto(m,
                         [&](const onnx::NodeProto& node, const onnx::FunctionProto* f) { check(node, f); });
    });
}

InvalidNodesSetAside::InvalidNodesSetAside(onnx::ModelProto& copy)
    : m_copy(copy) {
    size_t position = 0;
    m_issues = validate(copy, [&](onnx::ModelProto& m, const auto& check) {
        forEachMutableNodeProto(m, [&](onnx::NodeProto& node, onnx::FunctionProto* f) {
            if (check(node, f)) {
                m_moved.emplace_back(position, node.domain());
                node.set_domain(std::string(kSetAsideDomain));
            }
            ++position;
        });
    });
    if (m_moved.empty())
        return;
    // libonnx skips an unknown op only in an imported domain; function bodies use their own imports.
    auto import = [](auto* list) {
        auto* o = list->Add();
        o->set_domain(std::string(kSetAsideDomain));
        o->set_version(1);
    };
    import(copy.mutable_opset_import());
    for (auto& f : *copy.mutable_functions())
        import(f.mutable_opset_import());
}

InvalidNodesSetAside::~InvalidNodesSetAside() {
    if (m_moved.empty())
        return;
    size_t position = 0;
    auto next = m_moved.begin();
    forEachMutableNodeProto(m_copy, [&](onnx::NodeProto& node, onnx::FunctionProto*) {
        if (next != m_moved.end() && next->first == position++)
            node.set_domain((next++)->second);
    });
    m_copy.mutable_opset_import()->RemoveLast();
    for (auto& f : *m_copy.mutable_functions())
        f.mutable_opset_import()->RemoveLast();
}

} // namespace onnxscope
