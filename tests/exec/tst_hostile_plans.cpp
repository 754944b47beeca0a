// Graphs that must be refused when a session is planned, or fail with a clear message when run:
// two nodes writing one value, functions that expand without bound, shapes whose element count
// overflows or whose bytes exceed the memory cap.
#include "../app/test_models.h"
#include "../core/proto_test_util.h"
#include "core/model.h"
#include "exec/cpu/elementwise.h"
#include "exec/session.h"

#include <onnx/onnx_pb.h>

#include <QElapsedTimer>
#include <QTest>

using namespace onnxscope;
using onnxscope::test::addNode;
using onnxscope::test::setTensorType;

namespace {

std::unique_ptr<onnx::ModelProto> emptyModel(onnx::GraphProto** graph) {
    auto m = std::make_unique<onnx::ModelProto>();
    m->set_ir_version(8);
    m->add_opset_import()->set_version(17);
    *graph = m->mutable_graph();
    (*graph)->set_name("g");
    setTensorType((*graph)->add_input(), "X", onnx::TensorProto::FLOAT, {"4"});
    return m;
}

// Plans the model, runs it on X = [1,2,3,4] and gives the first error, or "" if all went well.
std::string errorOf(std::unique_ptr<onnx::ModelProto> proto) {
    auto session = Session::create(Model::fromProto(std::move(proto), "."));
    if (!session.ok())
        return session.message();
    Tensor x(DataType::Float, {4});
    auto result = (*session)->runAll({{"X", Value(x)}});
    return result.ok() ? std::string() : result.message();
}

} // namespace

class TestHostilePlans : public QObject {
    Q_OBJECT

private slots:
    void twoProducersOfOneValueAreRefused() {
        onnx::GraphProto* g = nullptr;
        auto m = emptyModel(&g);
        addNode(g, "Relu", {"X"}, {"y"})->set_name("first_writer");
        addNode(g, "Neg", {"X"}, {"y"})->set_name("second_writer");
        g->add_output()->set_name("y");
        const std::string error = errorOf(std::move(m));
        QVERIFY2(error.find("value 'y' is written by both") != std::string::npos, error.c_str());
        QVERIFY2(error.find("first_writer") != std::string::npos, error.c_str());
        QVERIFY2(error.find("second_writer") != std::string::npos, error.c_str());
    }

    void oneNodeWritingAValueTwiceIsRefused() {
        onnx::GraphProto* g = nullptr;
        auto m = emptyModel(&g);
        addNode(g, "Split", {"X"}, {"y", "y"})->set_name("splitter");
        g->add_output()->set_name("y");
        const std::string error = errorOf(std::move(m));
        QVERIFY2(error.find("value 'y' is written by both") != std::string::npos, error.c_str());
        QVERIFY2(error.find("splitter") != std::string::npos && error.find("(twice)") != std::string::npos,
                 error.c_str());
    }

    void twoProducersInASubgraphAreRefused() {
        onnx::GraphProto* g = nullptr;
        auto m = emptyModel(&g);
        setTensorType(g->add_input(), "cond", onnx::TensorProto::BOOL, {});
        auto* node = addNode(g, "If", {"cond"}, {"out"});
        node->set_name("branching");
        for (const char* name : {"then_branch", "else_branch"}) {
            auto* a = node->add_attribute();
            a->set_name(name);
            a->set_type(onnx::AttributeProto::GRAPH);
            a->mutable_g()->set_name(name);
            addNode(a->mutable_g(), "Relu", {"X"}, {"z"})->set_name(std::string(name) + "_relu");
            addNode(a->mutable_g(), "Neg", {"X"}, {"z"})->set_name(std::string(name) + "_neg");
            a->mutable_g()->add_output()->set_name("z");
        }
        g->add_output()->set_name("out");
        auto session = Session::create(Model::fromProto(std::move(m), "."));
        QVERIFY(!session.ok());
        QVERIFY2(session.message().find("then_branch_relu") != std::string::npos &&
                     session.message().find("then_branch_neg") != std::string::npos,
                 session.message().c_str());
    }

    // F0 calls F1 twice, F1 calls F2 twice, ... : 2^20 nodes once inlined.
    void doublingFunctionsAreCapped() {
        onnx::GraphProto* g = nullptr;
        auto m = emptyModel(&g);
        auto* imp = m->add_opset_import();
        imp->set_domain("local");
        imp->set_version(1);
        constexpr int kLevels = 20;
        for (int level = 0; level < kLevels; ++level) {
            auto* f = m->add_functions();
            f->set_name("F" + std::to_string(level));
            f->set_domain("local");
            f->add_input("a");
            f->add_output("b");
            f->add_opset_import()->set_version(17);
            auto* local = f->add_opset_import();
            local->set_domain("local");
            local->set_version(1);
            const bool leaf = level + 1 == kLevels;
            const std::string callee = leaf ? "Relu" : "F" + std::to_string(level + 1);
            const std::string domain = leaf ? "" : "local";
            auto* first = f->add_node();
            first->set_op_type(callee);
            first->set_domain(domain);
            first->add_input("a");
            first->add_output("mid");
            auto* second = f->add_node();
            second->set_op_type(callee);
            second->set_domain(domain);
            second->add_input("mid");
            second->add_output("b");
        }
        addNode(g, "F0", {"X"}, {"y"}, "local")->set_name("call_f0");
        g->add_output()->set_name("y");
        QElapsedTimer timer;
        timer.start();
        const std::string error = errorOf(std::move(m));
        qInfo("refused after %lld ms", timer.elapsed());
        QVERIFY2(error.find("expands past 262144 nodes") != std::string::npos, error.c_str());
        QVERIFY2(error.find("call_f0") != std::string::npos, error.c_str());
        QVERIFY2(error.find("function 'F") != std::string::npos, error.c_str());
    }

    void broadcastOverflowIsAnError() {
        const int64_t big = int64_t(1) << 40;
        auto plan = planBroadcast({Shape{big}, Shape{big, 1}});
        QVERIFY(!plan.ok());
        QVERIFY2(plan.message().find("[1099511627776,1099511627776] overflows") != std::string::npos,
                 plan.message().c_str());
        auto fine = planBroadcast({Shape{3, 1}, Shape{4}});
        QVERIFY(fine.ok());
        QCOMPARE(fine->total, int64_t(12));
    }

    // A shape computed at run time that asks for more than the memory cap names node and shape.
    void hugeComputedShapesNameTheNode() {
        onnx::GraphProto* g = nullptr;
        auto m = emptyModel(&g);
        auto* shape = g->add_initializer();
        shape->set_name("shape");
        shape->set_data_type(onnx::TensorProto::INT64);
        shape->add_dims(3);
        for (int64_t d : {int64_t(1) << 20, int64_t(1) << 20, int64_t(4)})
            shape->add_int64_data(d);
        addNode(g, "Expand", {"X", "shape"}, {"y"})->set_name("huge_expand");
        g->add_output()->set_name("y");
        const std::string error = errorOf(std::move(m));
        QVERIFY2(error.find("huge_expand") != std::string::npos, error.c_str());
        QVERIFY2(error.find("[1048576,1048576,4]") != std::string::npos, error.c_str());
        QVERIFY2(error.find("memory cap") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHostilePlans)
#include "tst_hostile_plans.moc"
