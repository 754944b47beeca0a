// The core edit API on real exported models: every edit validates, refuses without changing
// anything, and reverting with the old value gives back the original bytes.
#include "core/attribute_edit.h"
#include "core/metadata_edit.h"
#include "core/model.h"
#include "core/model_edit.h"
#include "core/save_check.h"

#include <onnx/onnx_pb.h>

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace onnxscope;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<Model> loadTestModel(const char* name) {
    auto model = Model::load(fs::path(ONNXSCOPE_TEST_MODELS_DIR) / (std::string(name) + ".onnx"));
    if (!model.ok())
        qFatal("%s", model.message().c_str());
    return std::move(model).value();
}

std::string bytes(const Model& model) {
    return model.proto().SerializeAsString();
}

int findNode(const Model& model, const std::string& opType, const std::string& attribute = {}) {
    const auto& g = model.proto().graph();
    for (int i = 0; i < g.node_size(); ++i) {
        if (g.node(i).op_type() != opType)
            continue;
        if (attribute.empty())
            return i;
        for (const auto& a : g.node(i).attribute())
            if (a.name() == attribute)
                return i;
    }
    return -1;
}

bool contains(const Status& status, const char* text) {
    return status.message().find(text) != std::string::npos;
}

// cond ? LeakyRelu(x, alpha 0.1) : Identity(x), with the LeakyRelu inside then_branch and a
// Loop-free nested If in else_branch, so paths of one and two steps both exist.
std::shared_ptr<Model> modelWithSubgraphs() {
    auto proto = std::make_unique<onnx::ModelProto>();
    proto->set_ir_version(8);
    proto->add_opset_import()->set_version(17);
    onnx::GraphProto* g = proto->mutable_graph();
    g->set_name("main");
    auto branch = [](onnx::GraphProto* b, const char* op, const char* name) {
        b->set_name(std::string(name) + "_graph");
        onnx::NodeProto* n = b->add_node();
        n->set_op_type(op);
        n->set_name(name);
        n->add_input("x");
        n->add_output(std::string(name) + "_out");
        b->add_output()->set_name(std::string(name) + "_out");
        return n;
    };
    onnx::NodeProto* outer = g->add_node();
    outer->set_op_type("If");
    outer->set_name("choose");
    outer->add_input("cond");
    outer->add_output("y");
    onnx::AttributeProto* then = outer->add_attribute();
    then->set_name("then_branch");
    then->set_type(onnx::AttributeProto::GRAPH);
    onnx::NodeProto* leaky = branch(then->mutable_g(), "LeakyRelu", "leaky");
    onnx::AttributeProto* alpha = leaky->add_attribute();
    alpha->set_name("alpha");
    alpha->set_type(onnx::AttributeProto::FLOAT);
    alpha->set_f(0.1f);
    onnx::AttributeProto* otherwise = outer->add_attribute();
    otherwise->set_name("else_branch");
    otherwise->set_type(onnx::AttributeProto::GRAPH);
    onnx::NodeProto* inner = branch(otherwise->mutable_g(), "If", "inner");
    for (const char* name : {"then_branch", "else_branch"}) {
        onnx::AttributeProto* a = inner->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::GRAPH);
        branch(a->mutable_g(), "Identity", "deep");
    }
    return Model::fromProto(std::move(proto), {});
}

} // namespace

class TestModelEdit : public QObject {
    Q_OBJECT
private slots:
    void attributeTextRoundTrips() {
        auto ints = parseAttributeValue(AttributeKind::Ints, "[1, 2,3 ]");
        QVERIFY(ints.ok());
        QCOMPARE(std::get<std::vector<int64_t>>(*ints), (std::vector<int64_t>{1, 2, 3}));
        QCOMPARE(formatAttributeValue(*ints), std::string("1, 2, 3"));

        auto floats = parseAttributeValue(AttributeKind::Floats, "0.1, 1e-05, -2");
        QVERIFY(floats.ok());
        QCOMPARE(formatAttributeValue(*floats), std::string("0.1, 1e-05, -2"));
        QCOMPARE(std::get<std::vector<float>>(*floats)[0], 0.1f);

        auto strings = parseAttributeValue(AttributeKind::Strings, "\"a, b\", \"say \\\"hi\\\"\", c");
        QVERIFY(!strings.ok()); // a quoted list must quote every item
        strings = parseAttributeValue(AttributeKind::Strings, "\"a, b\", \"say \\\"hi\\\"\"");
        QVERIFY(strings.ok());
        QCOMPARE(std::get<std::vector<std::string>>(*strings),
                 (std::vector<std::string>{"a, b", "say \"hi\""}));
        auto again = parseAttributeValue(AttributeKind::Strings, formatAttributeValue(*strings));
        QVERIFY(again.ok());
        QVERIFY(*again == *strings);
        QCOMPARE(std::get<std::vector<std::string>>(*parseAttributeValue(AttributeKind::Strings, "x, y")),
                 (std::vector<std::string>{"x", "y"}));
        QVERIFY(std::get<std::vector<int64_t>>(*parseAttributeValue(AttributeKind::Ints, "[]")).empty());

        QVERIFY(!parseAttributeValue(AttributeKind::Int, "1.5").ok());
        QVERIFY(!parseAttributeValue(AttributeKind::Int, "99999999999999999999").ok());
        QVERIFY(!parseAttributeValue(AttributeKind::Float, "abc").ok());
        QVERIFY(!parseAttributeValue(AttributeKind::Ints, "1, x").ok());
        QCOMPARE(parseAttributeValue(AttributeKind::Ints, "1, x").message(),
                 std::string("'x' is not a 64-bit integer"));
    }

    void setsAttributesWithTypeChecks() {
        auto model = loadTestModel("resnet18");
        const std::string original = bytes(*model);
        const int conv = findNode(*model, "Conv", "strides");
        QVERIFY(conv >= 0);
        auto strides = nodeAttribute(*model, conv, "strides");
        QVERIFY(strides.ok());
        QCOMPARE(kindOf(*strides), AttributeKind::Ints);

        // Wrong kind, missing attribute, bad node: refused, nothing changed.
        Status wrongKind = setNodeAttribute(*model, conv, "strides", AttributeValue(int64_t(2)));
        QVERIFY(contains(wrongKind, "has type 'int list', the new value has type 'int'"));
        QVERIFY(contains(setNodeAttribute(*model, conv, "nope", AttributeValue(int64_t(2))),
                         "no attribute 'nope'"));
        QVERIFY(!setNodeAttribute(*model, 100000, "strides", *strides).ok());
        QVERIFY(!model->isEdited());
        QCOMPARE(bytes(*model), original);

        QVERIFY(setNodeAttribute(*model, conv, "strides", AttributeValue(std::vector<int64_t>{2, 2})).ok());
        QCOMPARE(model->proto().graph().node(conv).attribute_size(),
                 loadTestModel("resnet18")->proto().graph().node(conv).attribute_size());
        QCOMPARE(formatAttributeValue(*nodeAttribute(*model, conv, "strides")), std::string("2, 2"));
        QVERIFY(model->isEdited());
        QVERIFY(setNodeAttribute(*model, conv, "strides", *strides).ok());
        QCOMPARE(bytes(*model), original);

        const int pool = findNode(*model, "Flatten", "axis");
        QVERIFY(pool >= 0);
        QVERIFY(setNodeAttribute(*model, pool, "axis", AttributeValue(int64_t(-1))).ok());
        QCOMPARE(model->proto().graph().node(pool).attribute(0).i(), int64_t(-1));
    }

    void editsNodesInsideSubgraphs() {
        auto model = modelWithSubgraphs();
        const std::string original = bytes(*model);
        const GraphPath thenBranch{{0, "then_branch", 0}};
        auto alpha = nodeAttribute(*model, 0, "alpha", thenBranch);
        QVERIFY2(alpha.ok(), alpha.message().c_str());
        QCOMPARE(std::get<float>(*alpha), 0.1f);
        QVERIFY(setNodeAttribute(*model, 0, "alpha", AttributeValue(0.25f), thenBranch).ok());
        QVERIFY(setNodeName(*model, 0, "leaky2", thenBranch).ok());
        QVERIFY(setNodeDocString(*model, 0, "slope", thenBranch).ok());
        const onnx::NodeProto& edited = model->proto().graph().node(0).attribute(0).g().node(0);
        QCOMPARE(edited.attribute(0).f(), 0.25f);
        QCOMPARE(edited.name(), std::string("leaky2"));
        QCOMPARE(edited.doc_string(), std::string("slope"));
        QCOMPARE(model->proto().graph().node(0).name(), std::string("choose")); // the If is untouched

        // Two steps down: else_branch's If, then its else_branch.
        const GraphPath deep{{0, "else_branch", 0}, {0, "else_branch", 0}};
        QVERIFY(setNodeDocString(*model, 0, "deepest", deep).ok());
        QCOMPARE(
            model->proto().graph().node(0).attribute(1).g().node(0).attribute(1).g().node(0).doc_string(),
            std::string("deepest"));
        QCOMPARE(describeGraphPath(model->proto(), deep),
                 std::string("choose.else_branch/inner.else_branch"));

        // Reverting restores the bytes.
        QVERIFY(setNodeAttribute(*model, 0, "alpha", *alpha, thenBranch).ok());
        QVERIFY(setNodeName(*model, 0, "leaky", thenBranch).ok());
        QVERIFY(setNodeDocString(*model, 0, "", thenBranch).ok());
        QVERIFY(setNodeDocString(*model, 0, "", deep).ok());
        QCOMPARE(bytes(*model), original);

        // Paths that lead nowhere are refused by step, and change nothing.
        Status s = setNodeName(*model, 0, "x", GraphPath{{0, "no_such_branch", 0}});
        QVERIFY(contains(s, "step 1") && contains(s, "no attribute 'no_such_branch'"));
        s = setNodeName(*model, 0, "x", GraphPath{{5, "then_branch", 0}});
        QVERIFY(contains(s, "no node at index 5"));
        s = setNodeName(*model, 0, "x", GraphPath{{0, "then_branch", 1}});
        QVERIFY(contains(s, "holds no graph 1"));
        s = setNodeName(*model, 3, "x", thenBranch);
        QVERIFY2(contains(s, "choose.then_branch"), s.message().c_str());
        QCOMPARE(bytes(*model), original);
    }

    void refusesTensorAttributes() {
        auto model = loadTestModel("transformer_encoder");
        int constant = findNode(*model, "Constant", "value");
        if (constant < 0) {
            auto* node = model->mutableProto().mutable_graph()->add_node();
            node->set_op_type("Constant");
            node->add_output("c");
            auto* a = node->add_attribute();
            a->set_name("value");
            a->set_type(onnx::AttributeProto::TENSOR);
            a->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
            constant = model->proto().graph().node_size() - 1;
        }
        auto value = nodeAttribute(*model, constant, "value");
        QVERIFY(!value.ok());
        QVERIFY(value.message().find("TENSOR") != std::string::npos);
        QVERIFY(!setNodeAttribute(*model, constant, "value", AttributeValue(int64_t(0))).ok());
    }

    void editsInputDims() {
        auto model = loadTestModel("transformer_encoder");
        const std::string original = bytes(*model);
        auto dims = graphValueDims(*model, "input");
        QVERIFY(dims.ok());
        QCOMPARE(dims->size(), size_t(3));
        QCOMPARE(formatTensorDim(dims->at(0)), std::string("batch"));
        QCOMPARE(formatTensorDim(dims->at(2)), std::string("64"));

        QVERIFY(setGraphValueDim(*model, "input", 0, *parseTensorDim("1")).ok());
        QCOMPARE(model->proto().graph().input(0).type().tensor_type().shape().dim(0).dim_value(), int64_t(1));
        QVERIFY(!model->proto().graph().input(0).type().tensor_type().shape().dim(0).has_dim_param());
        QVERIFY(setGraphValueDim(*model, "output", 1, TensorDim::named("tokens")).ok());
        QCOMPARE(model->proto().graph().output(0).type().tensor_type().shape().dim(1).dim_param(),
                 std::string("tokens"));
        QVERIFY(setGraphValueDim(*model, "input", 1, *parseTensorDim("?")).ok());
        QCOMPARE(formatTensorDim(graphValueDims(*model, "input")->at(1)), std::string("?"));

        QVERIFY(contains(setGraphValueDim(*model, "input", 3, TensorDim::fixed(1)), "no dimension 3"));
        QVERIFY(contains(setGraphValueDim(*model, "nope", 0, TensorDim::fixed(1)), "not a graph input"));
        QVERIFY(!setGraphValueDim(*model, "input", 0, TensorDim::fixed(-1)).ok());
        QVERIFY(!parseTensorDim("-3").ok());
        QVERIFY(!parseTensorDim("3x").ok());
        QCOMPARE(parseTensorDim(" seq ")->symbol, std::string("seq"));

        // Reverting each dim with its old value restores the original bytes.
        for (int i = 0; i < 3; ++i)
            QVERIFY(setGraphValueDim(*model, "input", i, dims->at(static_cast<size_t>(i))).ok());
        QVERIFY(setGraphValueDim(*model, "output", 1, TensorDim::named("sequence")).ok());
        QCOMPARE(bytes(*model), original);
    }

    void emptyStringsClearFieldsSoRevertIsExact() {
        auto model = loadTestModel("example_cnn");
        const std::string original = bytes(*model);
        QVERIFY(!model->proto().graph().node(0).has_doc_string());
        QVERIFY(setNodeDocString(*model, 0, "explained").ok());
        QVERIFY(setNodeName(*model, 0, "first").ok());
        QVERIFY(setModelDocString(*model, "doc").ok());
        QVERIFY(setGraphDocString(*model, "graph doc").ok());
        QVERIFY(setModelDomain(*model, "org.example").ok());
        QVERIFY(setModelVersion(*model, 7).ok());
        QVERIFY(bytes(*model) != original);
        QVERIFY(setNodeDocString(*model, 0, "").ok());
        QVERIFY(setNodeName(*model, 0, loadTestModel("example_cnn")->proto().graph().node(0).name()).ok());
        QVERIFY(setModelDocString(*model, "").ok());
        QVERIFY(setGraphDocString(*model, "").ok());
        QVERIFY(setModelDomain(*model, "").ok());
        QVERIFY(setModelVersion(*model, 0).ok());
        QCOMPARE(bytes(*model), original);
        QVERIFY(!setNodeName(*model, -1, "x").ok());
    }

    void renameIsRefusedWhenNotReversible() {
        auto model = loadTestModel("lstm");
        const std::string original = bytes(*model);
        // A name only used inside a subgraph would be captured by the renamed value.
        auto* node = model->mutableProto().mutable_graph()->add_node();
        node->set_op_type("If");
        auto* branch = node->add_attribute();
        branch->set_name("then_branch");
        branch->set_type(onnx::AttributeProto::GRAPH);
        auto* inner = branch->mutable_g()->add_node();
        inner->set_op_type("Identity");
        inner->add_input("input");
        inner->add_output("inner_only");
        Status clash = renameGraphValue(*model, "input", "inner_only");
        QVERIFY(contains(clash, "already used"));

        QVERIFY(renameGraphValue(*model, "input", "tokens").ok());
        QCOMPARE(model->proto().graph().input(0).name(), std::string("tokens"));
        QCOMPARE(inner->input(0), std::string("tokens")); // the subgraph reads the outer value
        QVERIFY(renameGraphValue(*model, "tokens", "input").ok());
        model->mutableProto().mutable_graph()->mutable_node()->RemoveLast();
        QCOMPARE(bytes(*model), original);
        QVERIFY(contains(renameGraphValue(*model, "input", ""), "must not be empty"));
    }

    void modelMetadataKeysAreDistinct() {
        auto model = loadTestModel("squeezenet");
        const auto target = MetadataTarget::model();
        QVERIFY(addMetadataEntry(*model, target, "a", "1").ok());
        QVERIFY(addMetadataEntry(*model, target, "c", "3").ok());
        QVERIFY(addMetadataEntry(*model, target, "b", "2", 1).ok());
        auto entries = metadataEntries(*model, target);
        QVERIFY(entries.ok());
        QCOMPARE(*entries, (std::vector<MetadataEntry>{{"a", "1"}, {"b", "2"}, {"c", "3"}}));

        QVERIFY(contains(addMetadataEntry(*model, target, "a", "x"), "already exists on the model"));
        QVERIFY(contains(addMetadataEntry(*model, target, "", "x"), "must not be empty"));
        QVERIFY(contains(renameMetadataKey(*model, target, "a", "b"), "already exists"));
        QVERIFY(contains(renameMetadataKey(*model, target, "a", ""), "must not be empty"));
        QVERIFY(contains(setMetadataValue(*model, target, "zz", "x"), "no metadata key 'zz'"));
        QVERIFY(renameMetadataKey(*model, target, "a", "z").ok());
        QVERIFY(setMetadataValue(*model, target, "z", "26").ok());
        QVERIFY(removeMetadataEntry(*model, target, "b").ok());
        QCOMPARE(*metadataEntries(*model, target), (std::vector<MetadataEntry>{{"z", "26"}, {"c", "3"}}));
        QCOMPARE(metadataProp(*model, "z").value(), std::string("26"));
    }

    void nestedMetadataNeedsIrTen() {
        auto model = loadTestModel("example_cnn");
        QVERIFY(model->proto().ir_version() < kIrVersionWithNestedMetadata);
        Status refused = addMetadataEntry(*model, MetadataTarget::nodeAt(0), "k", "v");
        QVERIFY(contains(refused, "needs IR version 10"));
        QVERIFY(!model->isEdited());
        QVERIFY(checkMetadataTarget(*model, MetadataTarget::model()).ok());
    }

    void nestedMetadataSurvivesSaveAndKeepsOtherUnknownFields() {
        auto model = loadTestModel("example_cnn");
        model->mutableProto().set_ir_version(kIrVersionWithNestedMetadata);
        // A field from a newer ONNX than ours on the node must stay where it is.
        auto* unknown = model->mutableProto().mutable_graph()->mutable_node(0)->mutable_unknown_fields();
        unknown->AddVarint(10, 42);

        const auto node = MetadataTarget::nodeAt(0);
        const auto graph = MetadataTarget::graph();
        const auto value = MetadataTarget::valueNamed("input");
        QVERIFY(addMetadataEntry(*model, node, "device", "gpu").ok());
        QVERIFY(addMetadataEntry(*model, node, "first", "1", 0).ok());
        QVERIFY(addMetadataEntry(*model, graph, "stage", "encoder").ok());
        QVERIFY(addMetadataEntry(*model, value, "layout", "NCHW").ok());
        QVERIFY(contains(addMetadataEntry(*model, node, "device", "cpu"), "already exists on node 0"));
        QVERIFY(
            contains(addMetadataEntry(*model, MetadataTarget::valueNamed("nope"), "k", "v"), "named 'nope'"));
        QVERIFY(
            contains(addMetadataEntry(*model, MetadataTarget::nodeAt(9999), "k", "v"), "no node at index"));
        QVERIFY(renameMetadataKey(*model, node, "device", "target").ok());
        // "first" went before "device", after the unrelated field that was there first.
        QCOMPARE(unknown->field_count(), 3);
        QCOMPARE(unknown->field(0).number(), 10);
        QCOMPARE(unknown->field(1).number(), 9);

        QTemporaryDir tmp;
        const fs::path path = fs::path(tmp.path().toStdString()) / "meta.onnx";
        QVERIFY(model->save(path, SaveOptions{true}).ok());
        auto reloaded = Model::load(path);
        QVERIFY(reloaded.ok());
        QCOMPARE(*metadataEntries(**reloaded, node),
                 (std::vector<MetadataEntry>{{"first", "1"}, {"target", "gpu"}}));
        QCOMPARE(*metadataEntries(**reloaded, graph), (std::vector<MetadataEntry>{{"stage", "encoder"}}));
        QCOMPARE(*metadataEntries(**reloaded, value), (std::vector<MetadataEntry>{{"layout", "NCHW"}}));
        QCOMPARE((*reloaded)->proto().graph().node(0).unknown_fields().field(0).varint(), uint64_t(42));

        QVERIFY(removeMetadataEntry(**reloaded, node, "first").ok());
        QVERIFY(removeMetadataEntry(**reloaded, node, "target").ok());
        QVERIFY(metadataEntries(**reloaded, node)->empty());
        QCOMPARE((*reloaded)->proto().graph().node(0).unknown_fields().field_count(), 1);
    }

    void saveCheckNamesTheNode() {
        auto model = loadTestModel("resnet18");
        QVERIFY(!hasErrors(checkBeforeSave(*model)));
        const int conv = findNode(*model, "Conv", "strides");
        const std::string name = model->proto().graph().node(conv).name();
        QVERIFY(
            setNodeAttribute(*model, conv, "strides", AttributeValue(std::vector<int64_t>{1, 1, 1})).ok());
        const auto issues = checkBeforeSave(*model);
        QVERIFY(hasErrors(issues));
        const bool named = std::any_of(issues.begin(), issues.end(), [&](const ValidationIssue& i) {
            return i.node == name && i.severity == ValidationIssue::Severity::Error;
        });
        if (!named)
            for (const auto& i : issues)
                qWarning() << i.toString().c_str();
        QVERIFY(named);
    }
};

QTEST_GUILESS_MAIN(TestModelEdit)
#include "tst_model_edit.moc"
