// Models built to break libonnx: attributes its shape inference divides or indexes by (a Conv
// with strides=[0,0] used to end the process with SIGFPE), hidden in subgraphs and functions.
// Each must load, infer everything else, name the bad node, and raise no signal.
#include "../app/test_models.h"
#include "core/model.h"
#include "core/model_check.h"
#include "core/node_validation.h"
#include "core/proto_walk.h"
#include "core/save_check.h"
#include "proto_test_util.h"

#include <onnx/onnx_pb.h>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using namespace onnxscope;
using onnxscope::test::addNode;
using onnxscope::test::setInt;
using onnxscope::test::setInts;
using onnxscope::test::setTensorType;

namespace {

void addWeight(onnx::GraphProto* g, const std::string& name, std::vector<int64_t> dims) {
    auto* t = g->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    int64_t count = 1;
    for (int64_t d : dims) {
        t->add_dims(d);
        count *= d;
    }
    for (int64_t i = 0; i < count; ++i)
        t->add_float_data(0.5f);
}

// X[1,4,8,8] -> (the node under test, writing "bad") and, beside it, Relu(X) -> "fine", so the
// test can see inference still runs for the rest of the graph.
onnx::ModelProto modelAround(int opset, const std::function<void(onnx::GraphProto*)>& addBadNode) {
    onnx::ModelProto m;
    m.set_ir_version(8);
    m.add_opset_import()->set_version(opset);
    auto* g = m.mutable_graph();
    g->set_name("hostile");
    setTensorType(g->add_input(), "X", onnx::TensorProto::FLOAT, {"1", "4", "8", "8"});
    addBadNode(g);
    addNode(g, "Relu", {"X"}, {"fine"});
    g->add_output()->set_name("fine");
    return m;
}

onnx::NodeProto* namedNode(onnx::GraphProto* g, const std::string& op,
                           std::initializer_list<std::string> inputs,
                           std::initializer_list<std::string> outputs, const std::string& name) {
    auto* n = addNode(g, op, inputs, outputs);
    n->set_name(name);
    return n;
}

void convWithStrides(onnx::GraphProto* g, std::vector<int64_t> strides) {
    addWeight(g, "W", {2, 4, 3, 3});
    setInts(namedNode(g, "Conv", {"X", "W"}, {"bad"}, "bad_node"), "strides", std::move(strides));
}

// Then-branch of an If holding `body`'s nodes, reading X from the outer scope.
void ifAround(onnx::GraphProto* g, const std::function<void(onnx::GraphProto*)>& body) {
    setTensorType(g->add_input(), "cond", onnx::TensorProto::BOOL, {});
    auto* node = namedNode(g, "If", {"cond"}, {"bad"}, "outer_if");
    for (const char* branch : {"then_branch", "else_branch"}) {
        auto* a = node->add_attribute();
        a->set_name(branch);
        a->set_type(onnx::AttributeProto::GRAPH);
        auto* sub = a->mutable_g();
        sub->set_name(branch);
        if (std::string(branch) == "then_branch") {
            body(sub);
        } else {
            addNode(sub, "Identity", {"X"}, {"bad"});
        }
        sub->add_output()->set_name("bad");
    }
}

// `depth` Ifs, each in the then branch of the one before; the innermost returns X.
onnx::ModelProto nestedIfs(int depth) {
    onnx::ModelProto m;
    m.set_ir_version(8);
    m.add_opset_import()->set_version(13);
    auto* g = m.mutable_graph();
    g->set_name("main");
    setTensorType(g->add_input(), "X", onnx::TensorProto::FLOAT, {"2"});
    setTensorType(g->add_input(), "cond", onnx::TensorProto::BOOL, {});
    onnx::GraphProto* level = g;
    for (int i = 0; i < depth; ++i) {
        auto* node = addNode(level, "If", {"cond"}, {"y" + std::to_string(i)});
        level->add_output()->set_name("y" + std::to_string(i));
        auto* elseBranch = node->add_attribute();
        elseBranch->set_name("else_branch");
        elseBranch->set_type(onnx::AttributeProto::GRAPH);
        elseBranch->mutable_g()->set_name("else" + std::to_string(i));
        addNode(elseBranch->mutable_g(), "Identity", {"X"}, {"y" + std::to_string(i + 1)});
        elseBranch->mutable_g()->add_output()->set_name("y" + std::to_string(i + 1));
        auto* thenBranch = node->add_attribute();
        thenBranch->set_name("then_branch");
        thenBranch->set_type(onnx::AttributeProto::GRAPH);
        level = thenBranch->mutable_g();
        level->set_name("then" + std::to_string(i));
    }
    addNode(level, "Identity", {"X"}, {"y" + std::to_string(depth)});
    level->add_output()->set_name("y" + std::to_string(depth));
    return m;
}

struct Case {
    onnx::ModelProto model;
    std::string node;     // the node the report must name
    std::string expected; // and a piece of its message
};

// Runs fn in a child process and says how it ended, so a signal fails one row, not the suite.
QString endsCleanly(const std::function<void()>& fn) {
    pid_t pid = ::fork();
    if (pid == 0) {
        fn();
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        return QStringLiteral("killed by signal %1").arg(WTERMSIG(status));
    return WEXITSTATUS(status) == 0 ? QString() : QStringLiteral("exit code %1").arg(WEXITSTATUS(status));
}

} // namespace

class TestHostileModels : public QObject {
    Q_OBJECT

    std::map<QString, Case> m_cases;

private slots:
    void initTestCase() {
        auto add = [&](const char* row, int opset, std::function<void(onnx::GraphProto*)> bad,
                       std::string node, std::string expected) {
            m_cases[row] = {modelAround(opset, bad), std::move(node), std::move(expected)};
        };
        add(
            "conv strides 0", 13,
            [](auto* g) {
                convWithStrides(g, {0, 0});
            },
            "bad_node", "Conv: attribute 'strides' is [0,0]: every value must be positive");
        add(
            "conv negative stride", 13,
            [](auto* g) {
                convWithStrides(g, {1, -2});
            },
            "bad_node", "'strides' is [1,-2]");
        add(
            "conv strides for 3 axes", 13,
            [](auto* g) {
                convWithStrides(g, {1, 1, 1});
            },
            "bad_node", "expected 2 values for 2 spatial axes");
        add(
            "conv SAME strides 0", 13,
            [](auto* g) {
                convWithStrides(g, {0, 0});
                auto* a = g->mutable_node(0)->add_attribute();
                a->set_name("auto_pad");
                a->set_type(onnx::AttributeProto::STRING);
                a->set_s("SAME_UPPER");
            },
            "bad_node", "strides");
        add(
            "conv dilations 0", 13,
            [](auto* g) {
                addWeight(g, "W", {2, 4, 3, 3});
                setInts(namedNode(g, "Conv", {"X", "W"}, {"bad"}, "bad_node"), "dilations", {0, 1});
            },
            "bad_node", "'dilations' is [0,1]");
        add(
            "conv group 0", 13,
            [](auto* g) {
                addWeight(g, "W", {2, 4, 3, 3});
                setInt(namedNode(g, "Conv", {"X", "W"}, {"bad"}, "bad_node"), "group", 0);
            },
            "bad_node", "group must be one positive integer");
        add(
            "conv group 3 of 4 channels", 13,
            [](auto* g) {
                addWeight(g, "W", {3, 1, 3, 3});
                setInt(namedNode(g, "Conv", {"X", "W"}, {"bad"}, "bad_node"), "group", 3);
            },
            "bad_node", "does not divide the input's 4 channels");
        add(
            "conv pads negative", 13,
            [](auto* g) {
                addWeight(g, "W", {2, 4, 3, 3});
                setInts(namedNode(g, "Conv", {"X", "W"}, {"bad"}, "bad_node"), "pads", {0, -1, 0, 0});
            },
            "bad_node", "must not be negative");
        add(
            "conv pads count", 13,
            [](auto* g) {
                addWeight(g, "W", {2, 4, 3, 3});
                setInts(namedNode(g, "Conv", {"X", "W"}, {"bad"}, "bad_node"), "pads", {1});
            },
            "bad_node", "expected 4 values");
        add(
            "conv transpose strides 0", 13,
            [](auto* g) {
                addWeight(g, "W", {4, 2, 3, 3});
                setInts(namedNode(g, "ConvTranspose", {"X", "W"}, {"bad"}, "bad_node"), "strides", {0, 0});
            },
            "bad_node", "ConvTranspose: attribute 'strides' is [0,0]");
        add(
            "maxpool strides 0", 13,
            [](auto* g) {
                auto* n = namedNode(g, "MaxPool", {"X"}, {"bad"}, "bad_node");
                setInts(n, "kernel_shape", {2, 2});
                setInts(n, "strides", {0, 0});
            },
            "bad_node", "MaxPool: attribute 'strides' is [0,0]");
        add(
            "lppool strides 0", 13,
            [](auto* g) {
                auto* n = namedNode(g, "LpPool", {"X"}, {"bad"}, "bad_node");
                setInts(n, "kernel_shape", {2, 2});
                setInts(n, "strides", {0, 0});
            },
            "bad_node", "LpPool: attribute 'strides'");
        add(
            "averagepool kernel 0", 13,
            [](auto* g) {
                setInts(namedNode(g, "AveragePool", {"X"}, {"bad"}, "bad_node"), "kernel_shape", {0, 2});
            },
            "bad_node", "'kernel_shape' is [0,2]");
        add(
            "split without outputs", 13, [](auto* g) { namedNode(g, "Split", {"X"}, {}, "bad_node"); },
            "bad_node", "has 0 outputs; the schema takes at least 1");
        add(
            "transpose perm out of range", 13,
            [](auto* g) {
                setInts(namedNode(g, "Transpose", {"X"}, {"bad"}, "bad_node"), "perm", {5, 0, 1, 2});
            },
            "bad_node", "not a permutation");
        add(
            "transpose perm wrong rank", 13,
            [](auto* g) {
                setInts(namedNode(g, "Transpose", {"X"}, {"bad"}, "bad_node"), "perm", {1, 0});
            },
            "bad_node", "the input has rank 4");
        add(
            "unsqueeze duplicate axes", 11,
            [](auto* g) {
                setInts(namedNode(g, "Unsqueeze", {"X"}, {"bad"}, "bad_node"), "axes", {0, 0});
            },
            "bad_node", "axis 0 appears twice");
        add(
            "reduce axes out of range", 11,
            [](auto* g) { setInts(namedNode(g, "ReduceSum", {"X"}, {"bad"}, "bad_node"), "axes", {9}); },
            "bad_node", "9 is out of range for rank 4");
        add(
            "depth to space blocksize 0", 13,
            [](auto* g) { setInt(namedNode(g, "DepthToSpace", {"X"}, {"bad"}, "bad_node"), "blocksize", 0); },
            "bad_node", "'blocksize' is [0]");
        add(
            "strides of the wrong type", 13,
            [](auto* g) {
                addWeight(g, "W", {2, 4, 3, 3});
                auto* a = namedNode(g, "Conv", {"X", "W"}, {"bad"}, "bad_node")->add_attribute();
                a->set_name("strides");
                a->set_type(onnx::AttributeProto::FLOATS);
                a->add_floats(0);
            },
            "bad_node", "'strides' must hold integers, not FLOATS");
        add(
            "conv in an If body", 13,
            [](auto* g) {
                ifAround(g, [](onnx::GraphProto* body) {
                    addWeight(body, "W", {2, 4, 3, 3});
                    setInts(namedNode(body, "Conv", {"X", "W"}, {"bad"}, "inner_conv"), "strides", {0, 0});
                });
            },
            "inner_conv", "'strides' is [0,0]");
        add(
            "pool in a nested If body", 13,
            [](auto* g) {
                ifAround(g, [](onnx::GraphProto* body) {
                    ifAround(body, [](onnx::GraphProto* inner) {
                        auto* n = namedNode(inner, "MaxPool", {"X"}, {"bad"}, "deep_pool");
                        setInts(n, "kernel_shape", {2, 2});
                        setInts(n, "strides", {0, 0});
                    });
                });
            },
            "deep_pool", "'strides' is [0,0]");
        // Functions: a bad node in the body, and a good body handed a bad attribute by the call.
        for (bool throughCall : {false, true}) {
            onnx::ModelProto m = modelAround(13, [&](onnx::GraphProto* g) {
                addWeight(g, "W", {2, 4, 3, 3});
                auto* call = namedNode(g, "PoolFn", {"X"}, {"bad"}, "fn_call");
                call->set_domain("org.example");
                if (throughCall)
                    setInts(call, "s", {0, 0});
            });
            auto* imp = m.add_opset_import();
            imp->set_domain("org.example");
            imp->set_version(1);
            auto* f = m.add_functions();
            f->set_name("PoolFn");
            f->set_domain("org.example");
            f->add_input("x");
            f->add_output("y");
            f->add_attribute("s");
            f->add_opset_import()->set_version(13);
            auto* n = f->add_node();
            n->set_op_type("MaxPool");
            n->set_name("fn_pool");
            n->add_input("x");
            n->add_output("y");
            setInts(n, "kernel_shape", {2, 2});
            if (throughCall) {
                auto* ref = n->add_attribute();
                ref->set_name("strides");
                ref->set_type(onnx::AttributeProto::INTS);
                ref->set_ref_attr_name("s");
            } else {
                setInts(n, "strides", {0, 0});
            }
            m_cases[throughCall ? "function call passes strides 0" : "conv in a function body"] = {
                m, throughCall ? "fn_call" : "fn_pool",
                throughCall ? "passes attributes to MaxPool 'fn_pool' in function 'PoolFn': attribute "
                              "'strides' is [0,0]"
                            : "MaxPool in function 'PoolFn': attribute 'strides' is [0,0]"};
        }
    }

    void hostileNodesAreReportedAndSkipped_data() {
        QTest::addColumn<QString>("row");
        for (const auto& [name, c] : m_cases)
            QTest::newRow(qPrintable(name)) << name;
    }
    void hostileNodesAreReportedAndSkipped() {
        QFETCH(QString, row);
        const Case& c = m_cases.at(row);
        QTemporaryDir tmp;
        const std::string path = (tmp.path() + "/hostile.onnx").toStdString();
        QVERIFY(onnxscope::test::writeModel(c.model, QString::fromStdString(path)));

        // libonnx's inference and checker first run in a child: a signal there fails the row.
        QString ended = endsCleanly([&] {
            auto model = Model::load(path);
            if (!model.ok())
                ::_exit(2);
            (*model)->inferredShapes();
            checkBeforeSave(**model);
        });
        QVERIFY2(ended.isEmpty(), qPrintable(ended));

        auto model = Model::load(path);
        QVERIFY2(model.ok(), model.message().c_str());
        auto inferred = (*model)->inferredShapes();
        QVERIFY(inferred);
        const std::string warnings = (*model)->inferenceWarnings();
        QVERIFY2(warnings.find("node '" + c.node + "'") != std::string::npos, warnings.c_str());
        QVERIFY2(warnings.find(c.expected) != std::string::npos, warnings.c_str());
        QVERIFY2(warnings.find("left out of shape inference") != std::string::npos, warnings.c_str());

        // The rest of the graph is still inferred, and the copy shows the node as it was.
        bool fineTyped = false;
        for (const auto& vi : inferred->graph().output())
            fineTyped = fineTyped || (vi.name() == "fine" && vi.type().tensor_type().shape().dim_size() == 4);
        QVERIFY(fineTyped);
        for (const auto& node : inferred->graph().node())
            QVERIFY(node.domain() != kSetAsideDomain);
        QCOMPARE(inferred->opset_import_size(), (*model)->proto().opset_import_size());

        // The checker reports it as an error naming the node; saving with force still works.
        auto issues = checkModel(**model);
        bool named = false;
        for (const auto& issue : issues)
            named = named || (issue.severity == ValidationIssue::Severity::Error && issue.node == c.node &&
                              issue.message.find(c.expected) != std::string::npos);
        QVERIFY2(named, issues.empty() ? "no issues" : issues.front().toString().c_str());
        QVERIFY(hasErrors(checkBeforeSave(**model)));
        (*model)->mutableProto().set_doc_string("edited");
        QVERIFY(!(*model)->save(path + ".copy").ok());
        Status forced = (*model)->save(path + ".copy", {.force = true});
        QVERIFY2(forced.ok(), forced.message().c_str());
        QVERIFY(Model::load(path + ".copy").ok());
    }

    // Read-only walks must not add the sub-messages they look for (they used to go through
    // mutable_*(), which creates a missing sparse tensor's values and indices).
    void readOnlyWalksChangeNothing() {
        onnx::ModelProto m = m_cases.at("conv in an If body").model;
        auto* a = m.mutable_graph()->mutable_node(0)->add_attribute();
        a->set_name("sparse");
        a->set_type(onnx::AttributeProto::SPARSE_TENSOR);
        a->mutable_sparse_tensor()->add_dims(4); // neither values nor indices
        const std::string before = m.SerializeAsString();
        int tensors = 0, nodes = 0;
        forEachTensorProto(m, [&](const onnx::TensorProto&) { ++tensors; });
        forEachNodeProto(m, [&](const onnx::NodeProto&, const onnx::FunctionProto*) { ++nodes; });
        QCOMPARE(m.SerializeAsString(), before);
        QVERIFY(!a->sparse_tensor().has_values());
        QCOMPARE(tensors, 1); // the If body's weight
        QCOMPARE(nodes, 4);   // If, Conv in its then branch, Identity in its else branch, Relu
    }

    // Protobuf's default nesting limit (100 messages) refused 60 nested Ifs as "could not parse".
    void deeplyNestedIfsLoadUpToTheLimit_data() {
        QTest::addColumn<int>("depth");
        QTest::addColumn<QString>("error");
        QTest::newRow("60") << 60 << QString();
        QTest::newRow("300") << 300 << QString();
        QTest::newRow("400") << 400
                             << "it nests too deep: 401 graphs inside one another (1202 levels of protobuf "
                                "messages), over the limit of 1000 levels";
    }
    void deeplyNestedIfsLoadUpToTheLimit() {
        QFETCH(int, depth);
        QFETCH(QString, error);
        const std::string bytes = nestedIfs(depth).SerializeAsString();
        QTemporaryDir tmp;
        const std::string path = (tmp.path() + "/nested.onnx").toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        for (int fromFile = 0; fromFile < 2; ++fromFile) {
            auto model =
                fromFile ? Model::load(path) : Model::fromBytes(bytes.data(), bytes.size(), ".", "nested");
            if (!error.isEmpty()) {
                QVERIFY(!model.ok());
                QVERIFY2(model.message().find(error.toStdString()) != std::string::npos,
                         model.message().c_str());
                continue;
            }
            QVERIFY2(model.ok(), model.message().c_str());
            QCOMPARE((*model)->proto().SerializeAsString(), bytes);
            // Everything that recurses through subgraphs must cope with the depth the parser allows.
            QString ended = endsCleanly([&] {
                (*model)->inferredShapes();
                checkBeforeSave(**model);
            });
            QVERIFY2(ended.isEmpty(), qPrintable(ended));
        }
    }

    void validModelsHaveNoFindings() {
        onnx::ModelProto m = modelAround(13, [](onnx::GraphProto* g) {
            addWeight(g, "W", {2, 2, 3, 3});
            auto* n = namedNode(g, "Conv", {"X", "W"}, {"c"}, "conv");
            setInts(n, "strides", {2, 2});
            setInts(n, "pads", {1, 1, 1, 1});
            setInt(n, "group", 2);
            setInts(namedNode(g, "Transpose", {"c"}, {"t"}, "transpose"), "perm", {0, 2, 3, 1});
            setInt(namedNode(g, "DepthToSpace", {"X"}, {"d"}, "d2s"), "blocksize", 2);
        });
        QVERIFY(findInvalidNodes(m).empty());
        auto model = Model::fromProto(std::make_unique<onnx::ModelProto>(m), ".");
        QCOMPARE(QString::fromStdString(model->inferenceWarnings()), QString());
    }
};

QTEST_GUILESS_MAIN(TestHostileModels)
#include "tst_hostile_models.moc"
