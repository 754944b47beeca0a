// Editing through the GUI's API on real exported models, offscreen: the properties panel's
// in-place editors, the metadata editor, the undo stack, and Save (checks, review, atomic write)
// with the saved file reloaded and compared with the original message.
#include "core/atomic_file.h"
#include "core/metadata_edit.h"
#include "core/model.h"
#include "core/model_edit.h"
#include "core/tensor_proto_io.h"
#include "views/edit_controller.h"
#include "views/graph_page.h"
#include "views/metadata_editor.h"
#include "views/model_editor.h"
#include "views/model_overview_panel.h"
#include "views/node_properties_panel.h"
#include "views/save_controller.h"
#include "views/save_review_dialog.h"

#include <onnx/onnx_pb.h>

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <unistd.h>

using namespace onnxscope;
namespace fs = std::filesystem;
using EditKind = NodePropertiesPanel::EditKind;

namespace {

// Drops the effective user id from root to nobody for its lifetime, in every thread (glibc's
// seteuid changes them all), so that file permissions bind a test running as root.
class UnprivilegedScope {
public:
    UnprivilegedScope()
        : m_dropped(geteuid() == 0 && seteuid(65534) == 0) {}
    ~UnprivilegedScope() {
        if (m_dropped && seteuid(0) != 0)
            qFatal("could not restore the effective user id");
    }
    UnprivilegedScope(const UnprivilegedScope&) = delete;
    UnprivilegedScope& operator=(const UnprivilegedScope&) = delete;

private:
    bool m_dropped;
};

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A copy of a test model in `dir`, so saving never touches the shared build output.
QString copyModel(const QTemporaryDir& dir, const char* name) {
    const QString source = QStringLiteral(ONNXSCOPE_TEST_MODELS_DIR "/%1.onnx").arg(QLatin1String(name));
    const QString target = dir.filePath(QLatin1String(name) + QStringLiteral(".onnx"));
    QFile::copy(source, target);
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return target;
}

std::shared_ptr<Model> load(const QString& path) {
    auto model = Model::load(path.toStdString());
    if (!model.ok())
        qFatal("%s", model.message().c_str());
    return std::move(model).value();
}

// The main window's pieces the edit layer works with.
struct Window {
    QMainWindow window;
    GraphPage* page = new GraphPage(&window);
    QDockWidget* overviewDock = new QDockWidget(&window);
    ModelOverviewPanel* overview = new ModelOverviewPanel(overviewDock);
    EditController* edit = nullptr;
    QList<SaveReview> reviews;
    QStringList reportedErrors;
    bool approve = true;

    Window() {
        window.setWindowTitle(QStringLiteral("test[*]"));
        window.setCentralWidget(page);
        overviewDock->setWidget(overview);
        window.addDockWidget(Qt::RightDockWidgetArea, overviewDock);
        QMenu* file = window.menuBar()->addMenu(QStringLiteral("File"));
        QAction* close = file->addAction(QStringLiteral("Close"));
        QMenu* view = window.menuBar()->addMenu(QStringLiteral("View"));
        edit = new EditController(&window, page, overview);
        edit->install(close, view);
        edit->saver()->setReviewer([this](const SaveReview& review) {
            reviews << review;
            return approve;
        });
        edit->saver()->setErrorReporter([this](const QString& message) { reportedErrors << message; });
    }
    void open(std::shared_ptr<Model> model) {
        page->loadModel(model);
        edit->setModel(model);
    }
    ModelEditor* editor() const { return edit->editor(); }
    NodePropertiesPanel* panel() const { return page->propertiesPanel(); }
    int displayNodeOf(int protoIndex) const {
        const auto& nodes = page->document()->graph->nodes();
        for (size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].protoIndex == protoIndex)
                return static_cast<int>(i);
        return -1;
    }
    int displayInput() const {
        const auto& nodes = page->document()->graph->nodes();
        for (size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].kind == DisplayNodeKind::GraphInput)
                return static_cast<int>(i);
        return -1;
    }
};

// A copy of a model open in a Window, optionally with one unsaved edit (the failing saves).
struct OpenCopy {
    QTemporaryDir dir;
    QString path;
    QByteArray original;
    Window w;

    explicit OpenCopy(const char* name, bool edited = true)
        : path(copyModel(dir, name))
        , original(readFile(path)) {
        w.open(load(path));
        if (edited)
            w.editor()->setProducerName(QStringLiteral("x"));
    }
    int filesInFolder() const { return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(); }
};

// y = If(cond) { LeakyRelu(x, alpha 0.1) named "leaky" } else { Identity(x) }, the If named
// "choose": a node to edit inside a subgraph.
QString writeIfModel(const QTemporaryDir& dir) {
    onnx::ModelProto m;
    m.set_ir_version(8);
    m.add_opset_import()->set_version(17);
    onnx::GraphProto* g = m.mutable_graph();
    g->set_name("main");
    auto declare = [](onnx::ValueInfoProto* v, const char* name, int type) {
        v->set_name(name);
        auto* t = v->mutable_type()->mutable_tensor_type();
        t->set_elem_type(type);
        t->mutable_shape()->add_dim()->set_dim_value(2);
    };
    declare(g->add_input(), "cond", onnx::TensorProto::BOOL);
    g->mutable_input(0)->mutable_type()->mutable_tensor_type()->clear_shape();
    declare(g->add_input(), "x", onnx::TensorProto::FLOAT);
    declare(g->add_output(), "y", onnx::TensorProto::FLOAT);
    onnx::NodeProto* choose = g->add_node();
    choose->set_op_type("If");
    choose->set_name("choose");
    choose->add_input("cond");
    choose->add_output("y");
    auto branch = [&](const char* attribute, const char* op, const char* name) {
        onnx::AttributeProto* a = choose->add_attribute();
        a->set_name(attribute);
        a->set_type(onnx::AttributeProto::GRAPH);
        onnx::GraphProto* body = a->mutable_g();
        body->set_name(attribute);
        onnx::NodeProto* n = body->add_node();
        n->set_op_type(op);
        n->set_name(name);
        n->add_input("x");
        n->add_output(std::string(name) + "_out");
        declare(body->add_output(), (std::string(name) + "_out").c_str(), onnx::TensorProto::FLOAT);
        return n;
    };
    onnx::AttributeProto* alpha = branch("then_branch", "LeakyRelu", "leaky")->add_attribute();
    alpha->set_name("alpha");
    alpha->set_type(onnx::AttributeProto::FLOAT);
    alpha->set_f(0.1f);
    branch("else_branch", "Identity", "same");
    const QString path = dir.filePath(QStringLiteral("if.onnx"));
    std::ofstream(path.toStdString(), std::ios::binary) << m.SerializeAsString();
    return path;
}

float thenAlpha(const Model& model) {
    return model.proto().graph().node(0).attribute(0).g().node(0).attribute(0).f();
}

int firstNode(const Model& model, const char* opType) {
    const auto& g = model.proto().graph();
    for (int i = 0; i < g.node_size(); ++i)
        if (g.node(i).op_type() == opType)
            return i;
    return -1;
}

} // namespace

class TestModelEditing : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void editorPushesUndoableCommands() {
        QTemporaryDir dir;
        const QString path = copyModel(dir, "resnet18");
        const QByteArray original = readFile(path);
        auto model = load(path);
        ModelEditor editor;
        editor.setModel(model);
        QUndoStack* stack = editor.undoStack();
        QSignalSpy modified(&editor, &ModelEditor::modifiedChanged);

        const int conv = firstNode(*model, "Conv");
        QVERIFY(editor.setProducerName(QStringLiteral("onnxscope")));
        QVERIFY(editor.setNodeName(conv, QStringLiteral("stem")));
        QVERIFY(editor.setAttribute(conv, QStringLiteral("pads"), QStringLiteral("[1, 1, 1, 1]")));
        QVERIFY(editor.renameValue(QStringLiteral("input"), QStringLiteral("image")));
        QVERIFY(editor.setDim(QStringLiteral("image"), 0, QStringLiteral("batch")));
        QVERIFY(editor.addMetadata(MetadataTarget::model(), QStringLiteral("author"), QStringLiteral("me")));
        QVERIFY(editor.setProducerName(QStringLiteral("onnxscope"))); // unchanged: no command
        QCOMPARE(stack->count(), 6);
        QCOMPARE(modified.count(), 1);
        QVERIFY(editor.isModified());
        QCOMPARE(stack->text(1), QStringLiteral("Rename node “/conv1/Conv” to “stem”"));
        QCOMPARE(model->proto().graph().node(conv).input(0), std::string("image"));
        QCOMPARE(model->proto().graph().input(0).type().tensor_type().shape().dim(0).dim_param(),
                 std::string("batch"));

        // Refused: nothing pushed, the reason says why.
        QString error;
        QVERIFY(!editor.setAttribute(conv, QStringLiteral("pads"), QStringLiteral("1, x"), &error));
        QVERIFY2(error.contains(QStringLiteral("'x' is not a 64-bit integer")), qPrintable(error));
        QVERIFY(!editor.addMetadata(MetadataTarget::model(), QStringLiteral("author"), QString(), &error));
        QVERIFY(error.contains(QStringLiteral("already exists")));
        QVERIFY(!editor.renameValue(QStringLiteral("image"), QStringLiteral("output"), &error));
        QVERIFY(!editor.setDim(QStringLiteral("image"), 7, QStringLiteral("1"), &error));
        QVERIFY(!editor.addMetadata(MetadataTarget::nodeAt(conv), QStringLiteral("k"), QString(), &error));
        QVERIFY(error.contains(QStringLiteral("IR version 10")));
        QCOMPARE(stack->count(), 6);

        const std::string edited = model->proto().SerializeAsString();
        while (stack->canUndo())
            stack->undo();
        QVERIFY(!editor.isModified());
        QCOMPARE(QByteArray::fromStdString(model->proto().SerializeAsString()), original);
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(model->proto().SerializeAsString(), edited);

        // While a save reads the model, edits are refused.
        editor.setBlocked(true);
        QVERIFY(!editor.setProducerName(QStringLiteral("x"), &error));
        QVERIFY(error.contains(QStringLiteral("being saved")));
        editor.setBlocked(false);
        // So are they while another reader (the debugger, a comparison) uses the model.
        editor.setReaderCheck([] { return QStringLiteral("debugger busy"); });
        QVERIFY(!editor.setProducerName(QStringLiteral("x"), &error));
        QCOMPARE(error, QStringLiteral("debugger busy"));
        QCOMPARE(stack->count(), 6);
        editor.setReaderCheck({});
        QCOMPARE(editor.changesSinceSave().size(), 6);
        editor.markSaved();
        stack->undo();
        QCOMPARE(editor.changesSinceSave(), QStringList{QStringLiteral("Undo: Add metadata “author”")});
    }

    void propertiesPanelEditsInPlace() {
        QTemporaryDir dir;
        auto model = load(copyModel(dir, "example_cnn"));
        Window w;
        w.open(model);
        const int conv = firstNode(*model, "Conv");
        const int display = w.displayNodeOf(conv);
        w.panel()->showNode(display);
        QVERIFY(w.panel()->isEditable());

        QTreeWidgetItem* name = w.panel()->editableRow(EditKind::NodeName);
        QVERIFY(name);
        QVERIFY(w.panel()->commitEdit(name, QStringLiteral("stem")));
        QCOMPARE(model->proto().graph().node(conv).name(), std::string("stem"));
        QTRY_VERIFY(w.window.isWindowModified());
        // The graph is rebuilt and the panel shows the same node with its new name.
        QTRY_VERIFY(w.panel()->rowsText().contains(QStringLiteral("Name: stem")));
        QCOMPARE(w.panel()->shownNode(), display);
        QCOMPARE(w.page->document()->graph->nodes()[size_t(display)].name, QStringLiteral("stem"));

        QTreeWidgetItem* strides = w.panel()->editableRow(EditKind::Attribute, QStringLiteral("strides"));
        QVERIFY(strides);
        QVERIFY(!w.panel()->commitEdit(strides, QStringLiteral("2.5")));
        QVERIFY(w.panel()->editError().contains(QStringLiteral("int list")));
        QVERIFY(w.panel()->commitEdit(strides, QStringLiteral("2, 2")));
        QVERIFY(w.panel()->editError().isEmpty());
        QTRY_VERIFY(w.panel()->rowsText().contains(QStringLiteral("strides: 2×2")));

        QVERIFY(
            w.panel()->commitEdit(w.panel()->editableRow(EditKind::NodeDocString), QStringLiteral("why")));
        QCOMPARE(model->proto().graph().node(conv).doc_string(), std::string("why"));

        // Graph input: rename (every reference follows) and set the batch size.
        const int input = w.displayInput();
        // The attribute edit reloaded the graph; its layout reselects the Conv when it arrives, so
        // wait for it before turning to the input (as a user can only once the graph is drawn).
        QTRY_VERIFY(w.page->hasLayout());
        w.panel()->showNode(input);
        QVERIFY(w.panel()->commitEdit(w.panel()->editableRow(EditKind::ValueName), QStringLiteral("image")));
        QCOMPARE(model->proto().graph().input(0).name(), std::string("image"));
        QCOMPARE(model->proto().graph().node(conv).input(0), std::string("image"));
        QTRY_VERIFY2(w.panel()->rowsText().contains(QStringLiteral("Name: image")),
                     qPrintable(w.panel()->rowsText().join(" | ")));
        QTreeWidgetItem* batch = w.panel()->editableRow(EditKind::Dim, QStringLiteral("image\n0"));
        QVERIFY(batch);
        QVERIFY(!w.panel()->commitEdit(batch, QStringLiteral("-1")));
        QVERIFY(w.panel()->commitEdit(batch, QStringLiteral("N")));
        QCOMPARE(model->proto().graph().input(0).type().tensor_type().shape().dim(0).dim_param(),
                 std::string("N"));

        // Undo through the window's action, in order.
        QCOMPARE(w.editor()->undoStack()->count(), 5);
        QVERIFY(w.edit->undoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Z)));
        QVERIFY(w.edit->redoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        w.edit->undoAction()->trigger();
        QCOMPARE(model->proto().graph().input(0).type().tensor_type().shape().dim(0).dim_value(), int64_t(1));
        w.edit->undoAction()->trigger();
        QCOMPARE(model->proto().graph().input(0).name(), std::string("input"));
        w.edit->redoAction()->trigger();
        QCOMPARE(model->proto().graph().input(0).name(), std::string("image"));
    }

    void metadataEditorRefusesBadKeys() {
        QTemporaryDir dir;
        auto model = load(copyModel(dir, "squeezenet"));
        Window w;
        w.open(model);
        MetadataEditor* meta = w.edit->metadataEditor();
        QVERIFY(meta->addEntry(QStringLiteral("author"), QStringLiteral("me")));
        QVERIFY(meta->addEntry(QStringLiteral("license"), QStringLiteral("MIT")));
        QTRY_COMPARE(meta->table()->rowCount(), 2);
        QVERIFY(!meta->addEntry(QStringLiteral("author"), QStringLiteral("you")));
        QVERIFY(meta->message().contains(QStringLiteral("already exists")));
        QVERIFY(!meta->addEntry(QString(), QStringLiteral("x")));
        QVERIFY(meta->message().contains(QStringLiteral("must not be empty")));
        QVERIFY(!meta->editKey(1, QStringLiteral("author")));
        QTRY_COMPARE(meta->table()->item(1, 0)->text(), QStringLiteral("license")); // reverted
        QVERIFY(meta->editValue(0, QStringLiteral("someone")));
        QVERIFY(meta->message().isEmpty());
        QTRY_COMPARE(meta->table()->item(0, 1)->text(), QStringLiteral("someone"));
        QVERIFY(meta->removeEntry(1));
        QCOMPARE(*metadataEntries(*model, MetadataTarget::model()),
                 (std::vector<MetadataEntry>{{"author", "someone"}}));

        auto* producer = meta->findChild<QLineEdit*>(QStringLiteral("producerName"));
        producer->setText(QStringLiteral("hand-edited"));
        emit producer->editingFinished();
        QCOMPARE(model->proto().producer_name(), std::string("hand-edited"));
        auto* version = meta->findChild<QLineEdit*>(QStringLiteral("modelVersion"));
        version->setText(QStringLiteral("42"));
        emit version->editingFinished();
        QCOMPARE(model->proto().model_version(), int64_t(42));

        // IR 8: graph, node and value metadata are not offered.
        QVERIFY(!meta->isTargetEnabled(MetadataTarget::Kind::Graph));
        QVERIFY(!meta->setCurrentTarget(MetadataTarget::Kind::Node));
        QCOMPARE(w.editor()->undoStack()->count(), 6);
    }

    void nestedMetadataFromIrTen() {
        QTemporaryDir dir;
        auto model = load(copyModel(dir, "example_cnn"));
        model->mutableProto().set_ir_version(kIrVersionWithNestedMetadata);
        Window w;
        w.open(model);
        MetadataEditor* meta = w.edit->metadataEditor();
        meta->setSelection(0, QStringLiteral("input"));
        QVERIFY(meta->setCurrentTarget(MetadataTarget::Kind::Node));
        QVERIFY(meta->addEntry(QStringLiteral("device"), QStringLiteral("gpu")));
        QVERIFY(meta->setCurrentTarget(MetadataTarget::Kind::Value));
        QVERIFY(meta->addEntry(QStringLiteral("layout"), QStringLiteral("NCHW")));
        QVERIFY(meta->setCurrentTarget(MetadataTarget::Kind::Graph));
        QVERIFY(meta->addEntry(QStringLiteral("stage"), QStringLiteral("1")));
        QCOMPARE(*metadataEntries(*model, MetadataTarget::nodeAt(0)),
                 (std::vector<MetadataEntry>{{"device", "gpu"}}));
        w.panel()->showNode(w.displayNodeOf(0));
        QVERIFY(w.panel()->rowsText().contains(QStringLiteral("device: gpu")));
        w.edit->undoAction()->trigger();
        QVERIFY(metadataEntries(*model, MetadataTarget::graph())->empty());
    }

    void saveWritesEditsAndKeepsTheRestByteIdentical() {
        OpenCopy copy("resnet18", false);
        const QString& path = copy.path;
        const QByteArray& original = copy.original;
        auto model = copy.w.editor()->mutableModel();
        Window& w = copy.w;
        const int conv = firstNode(*model, "Conv");
        QVERIFY(!w.edit->saveAction()->isEnabled());
        QVERIFY(w.editor()->setNodeDocString(conv, QStringLiteral("first conv")));
        QVERIFY(
            w.editor()->addMetadata(MetadataTarget::model(), QStringLiteral("author"), QStringLiteral("me")));
        QVERIFY(w.editor()->setDim(QStringLiteral("input"), 0, QStringLiteral("batch")));
        QVERIFY(w.edit->saveAction()->isEnabled());

        QVERIFY(w.edit->save());
        QCOMPARE(w.reviews.size(), 1);
        QCOMPARE(w.reviews[0].changes.size(), 3);
        QVERIFY(!w.reviews[0].hasErrors());
        // The review also says what the file will differ in from the one on disk: exactly the
        // three edits, and no weight.
        const SaveReview& review = w.reviews[0];
        QVERIFY2(review.diff.has_value(), qPrintable(review.diffError));
        QCOMPARE(QFileInfo(review.diffBase).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
        QCOMPARE(review.diff->nodes.size(), size_t(1));
        QCOMPARE(review.diff->nodes[0].indexA, conv);
        QCOMPARE(review.diff->nodes[0].fields.size(), size_t(1));
        QCOMPARE(review.diff->nodes[0].fields[0].field, std::string("doc_string"));
        QCOMPARE(review.diff->nodes[0].fields[0].after, std::string("first conv"));
        QVERIFY(review.diff->initializers.empty());
        QStringList properties;
        for (const PropertyChange& p : review.diff->properties)
            properties << QString::fromStdString(p.property + "=" + p.after);
        QCOMPARE(properties.size(), 2);
        QVERIFY2(properties.contains(QStringLiteral("metadata:author=me")), qPrintable(properties.join(',')));
        QVERIFY2(properties.filter(QStringLiteral("input:input=")).value(0).contains(QStringLiteral("batch")),
                 qPrintable(properties.join(',')));
        // The dialog lists them under Nodes, Initializers and Properties.
        SaveReviewDialog dialog(review);
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("diff"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->child(0)->child(0)->text(2), QStringLiteral("first conv"));
        QCOMPARE(tree->topLevelItem(2)->childCount(), 2);
        QVERIFY(!w.editor()->isModified());
        QVERIFY(!w.window.isWindowModified());

        // Reload: the edits are there, and reverting them gives the original file's bytes.
        auto reloaded = load(path);
        QCOMPARE(reloaded->proto().graph().node(conv).doc_string(), std::string("first conv"));
        QCOMPARE(metadataProp(*reloaded, "author").value(), std::string("me"));
        QVERIFY(setNodeDocString(*reloaded, conv, "").ok());
        QVERIFY(removeMetadataProp(*reloaded, "author").ok());
        QVERIFY(setGraphValueDim(*reloaded, "input", 0, TensorDim::fixed(1)).ok());
        QCOMPARE(QByteArray::fromStdString(reloaded->proto().SerializeAsString()), original);
        for (int i = 0; i < reloaded->proto().graph().initializer_size(); ++i)
            QCOMPARE(reloaded->proto().graph().initializer(i).SerializeAsString(),
                     load(path)->proto().graph().initializer(i).SerializeAsString());

        // Save As elsewhere: the controller reports the new path.
        QSignalSpy saved(w.edit, &EditController::saved);
        QVERIFY(w.editor()->setProducerVersion(QStringLiteral("2")));
        QVERIFY(w.edit->saver()->saveToAndWait(copy.dir.filePath(QStringLiteral("copy.onnx"))));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(load(copy.dir.filePath(QStringLiteral("copy.onnx")))->proto().producer_version(),
                 std::string("2"));
    }

    void saveWithProblemsNeedsOverride() {
        OpenCopy copy("resnet18", false);
        const QString& path = copy.path;
        const QByteArray& original = copy.original;
        auto model = copy.w.editor()->mutableModel();
        Window& w = copy.w;
        const int conv = firstNode(*model, "Conv");
        QVERIFY(w.editor()->setAttribute(conv, QStringLiteral("strides"), QStringLiteral("1, 1, 1")));
        w.approve = false;
        QVERIFY(!w.edit->save());
        QCOMPARE(w.reviews.size(), 1);
        QVERIFY(w.reviews[0].hasErrors());
        bool named = false;
        for (const ValidationIssue& issue : w.reviews[0].issues)
            named |= issue.node == model->proto().graph().node(conv).name();
        QVERIFY(named);
        QCOMPARE(readFile(path), original);
        QVERIFY(w.editor()->isModified());
        QVERIFY(!w.editor()->isBlocked());

        w.approve = true; // the user chose "Save Anyway"
        QVERIFY(w.edit->save());
        QCOMPARE(load(path)->proto().graph().node(conv).attribute_size(),
                 model->proto().graph().node(conv).attribute_size());
    }

    void failingWriterLeavesTheOriginal() {
        OpenCopy copy("mobilenet_v2");
        copy.w.edit->saver()->setWriter([](Model&, const fs::path& target) {
            return writeFileAtomically(target, [](std::ostream& out) {
                out << "half a model";
                return Status::error("simulated write failure");
            });
        });
        QVERIFY(!copy.w.edit->save());
        QCOMPARE(copy.w.reportedErrors.size(), 1);
        QVERIFY(copy.w.reportedErrors[0].contains(QStringLiteral("simulated write failure")));
        QVERIFY(copy.w.reportedErrors[0].contains(QStringLiteral("has not been changed")));
        QCOMPARE(readFile(copy.path), copy.original);
        QCOMPARE(copy.filesInFolder(), 1); // no temporary left behind
        QVERIFY(copy.w.editor()->isModified());
    }

    void fullDiskLeavesTheOriginal() {
        // A file size limit makes writes fail the way a full disk does (EFBIG instead of ENOSPC).
        OpenCopy copy("resnet18");
        rlimit saved{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = saved;
        small.rlim_cur = 1 << 20;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &small) == 0);
        const bool written = copy.w.edit->save();
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!written);
        QVERIFY2(copy.w.reportedErrors.value(0).contains(QStringLiteral("File too large")),
                 qPrintable(copy.w.reportedErrors.value(0)));
        QCOMPARE(readFile(copy.path), copy.original);
        QCOMPARE(copy.filesInFolder(), 1);
    }

    void readOnlyFolderLeavesTheOriginal() {
        OpenCopy copy("example_cnn");
        const auto readAndEnter = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                  QFile::ReadOther | QFile::ExeOther;
        QFile::setPermissions(copy.dir.path(), readAndEnter);
        QFile probe(copy.dir.filePath(QStringLiteral("probe")));
        bool bypassed = false, written = false;
        {
            // Root ignores folder permissions (and CI runs as root): there the save runs as
            // nobody, whom they bind.
            UnprivilegedScope unprivileged;
            bypassed = probe.open(QIODevice::WriteOnly);
            if (!bypassed)
                written = copy.w.edit->save();
        }
        QFile::remove(probe.fileName());
        QFile::setPermissions(copy.dir.path(), readAndEnter | QFile::WriteOwner);
        QVERIFY2(!bypassed, "the folder's permissions did not bind: no read-only folder to test with");
        QVERIFY(!written);
        QVERIFY2(copy.w.reportedErrors.value(0).contains(QStringLiteral("Permission denied")),
                 qPrintable(copy.w.reportedErrors.value(0)));
        QCOMPARE(readFile(copy.path), copy.original);
    }

    void editsNodesInsideASubgraph() {
        QTemporaryDir dir;
        const QString path = writeIfModel(dir);
        auto model = load(path);
        Window w;
        w.open(model);
        QTRY_VERIFY(w.page->hasLayout());
        QVERIFY(w.page->openSubgraph(w.displayNodeOf(0), QStringLiteral("then_branch")));
        QCOMPARE(w.page->graphPath(), (GraphPath{{0, "then_branch", 0}}));
        const int leaky = w.displayNodeOf(0); // node 0 of then_branch
        w.panel()->showNode(leaky);
        QVERIFY(w.panel()->isEditable());
        QTreeWidgetItem* alpha = w.panel()->editableRow(EditKind::Attribute, QStringLiteral("alpha"));
        QVERIFY(alpha);
        QVERIFY(w.panel()->commitEdit(alpha, QStringLiteral("0.25")));
        QCOMPARE(thenAlpha(*model), 0.25f);
        QVERIFY(w.editor()->undoStack()->undoText().contains(QStringLiteral("choose.then_branch/leaky")));
        // The graph reloads and comes back to the subgraph, showing the edited node.
        QTRY_VERIFY2(w.panel()->rowsText().contains(QStringLiteral("alpha: 0.25")),
                     qPrintable(w.panel()->rowsText().join(QLatin1Char(','))));
        QCOMPARE(w.page->levelCount(), 2);
        QCOMPARE(w.panel()->shownNode(), leaky);
        QVERIFY(w.panel()->commitEdit(w.panel()->editableRow(EditKind::NodeName), QStringLiteral("slope")));
        QCOMPARE(model->proto().graph().node(0).attribute(0).g().node(0).name(), std::string("slope"));
        QCOMPARE(model->proto().graph().node(0).name(), std::string("choose"));

        // Values of a subgraph are not renamed from here (only the main graph's inputs/outputs).
        QTRY_VERIFY(w.page->hasLayout());
        const auto& tensors = w.page->document()->graph->tensors();
        for (size_t t = 0; t < tensors.size(); ++t)
            if (tensors[t].isGraphOutput) {
                w.panel()->showTensor(static_cast<int>(t));
                QVERIFY(!w.panel()->editableRow(EditKind::ValueName));
            }

        // Undo restores both, still in the subgraph; Save writes the redone edits.
        w.edit->undoAction()->trigger();
        w.edit->undoAction()->trigger();
        QCOMPARE(thenAlpha(*model), 0.1f);
        QCOMPARE(model->proto().graph().node(0).attribute(0).g().node(0).name(), std::string("leaky"));
        QTRY_COMPARE(w.page->levelCount(), 2);
        w.edit->redoAction()->trigger();
        QVERIFY(w.edit->save());
        QCOMPARE(thenAlpha(*load(path)), 0.25f);
    }

    void saveAsCarriesExternalWeights() {
        // example_cnn with every initializer moved to weights/params.bin, as exporters write
        // models over 2 GB.
        QTemporaryDir dir;
        const fs::path src = fs::path(dir.path().toStdString()) / "src";
        fs::create_directories(src / "weights");
        auto proto = std::make_unique<onnx::ModelProto>(load(copyModel(dir, "example_cnn"))->proto());
        std::string payload;
        for (onnx::TensorProto& t : *proto->mutable_graph()->mutable_initializer()) {
            QVERIFY(t.has_raw_data());
            const std::string raw = t.raw_data();
            const size_t offset = payload.size();
            payload += raw;
            payload.resize((payload.size() + 63) / 64 * 64, '\0');
            t.clear_raw_data();
            t.set_data_location(onnx::TensorProto::EXTERNAL);
            auto entry = [&](const char* key, const std::string& value) {
                auto* e = t.add_external_data();
                e->set_key(key);
                e->set_value(value);
            };
            entry("location", "weights/params.bin");
            entry("offset", std::to_string(offset));
            entry("length", std::to_string(raw.size()));
        }
        QVERIFY(proto->graph().initializer_size() > 4);
        {
            std::ofstream(src / "weights" / "params.bin", std::ios::binary) << payload;
            std::ofstream(src / "m.onnx", std::ios::binary) << proto->SerializeAsString();
        }
        auto model = load(QString::fromStdString((src / "m.onnx").string()));
        Window w;
        w.open(model);
        QVERIFY(w.editor()->addMetadata(MetadataTarget::model(), QStringLiteral("note"),
                                        QStringLiteral("moved")));

        const fs::path dst = fs::path(dir.path().toStdString()) / "dst";
        fs::create_directories(dst);
        QVERIFY(w.edit->saver()->saveToAndWait(QString::fromStdString((dst / "m.onnx").string())));
        QVERIFY2(w.reportedErrors.isEmpty(), qPrintable(w.reportedErrors.join('\n')));
        QCOMPARE(w.reviews.size(), 1);
        QVERIFY(w.reviews[0].diff && w.reviews[0].diff->initializers.empty());

        // The weights went along, and the copy needs nothing from the source folder.
        QVERIFY(fs::exists(dst / "weights" / "params.bin"));
        fs::rename(src, fs::path(dir.path().toStdString()) / "gone");
        auto saved = load(QString::fromStdString((dst / "m.onnx").string()));
        QCOMPARE(metadataProp(*saved, "note").value(), std::string("moved"));
        const auto& before = proto->graph();
        const auto& after = saved->proto().graph();
        QCOMPARE(after.initializer_size(), before.initializer_size());
        auto original = load(copyModel(dir, "example_cnn"));
        for (int i = 0; i < after.initializer_size(); ++i) {
            QCOMPARE(after.initializer(i).data_location(), onnx::TensorProto::EXTERNAL);
            auto got = tensorFromProto(after.initializer(i), &saved->externalData());
            auto want = tensorFromProto(original->proto().graph().initializer(i));
            QVERIFY2(got.ok(), got.message().c_str());
            QVERIFY(want.ok());
            QCOMPARE(got->byteSize(), want->byteSize());
            QVERIFY(std::memcmp(got->rawData(), want->rawData(), got->byteSize()) == 0);
        }
    }

    void unsavedChangesPrompt() {
        QTemporaryDir dir;
        const QString path = copyModel(dir, "gru");
        auto model = load(path);
        Window w;
        w.open(model);
        int asked = 0;
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        w.edit->setUnsavedChangesPrompt([&] {
            ++asked;
            return answer;
        });
        QVERIFY(w.edit->maybeSave()); // nothing to save: no question
        QCOMPARE(asked, 0);
        QVERIFY(w.editor()->setModelDocString(QStringLiteral("changed")));
        QVERIFY(!w.edit->maybeSave());
        answer = QMessageBox::Discard;
        QVERIFY(w.edit->maybeSave());
        answer = QMessageBox::Save;
        QVERIFY(w.edit->maybeSave());
        QCOMPARE(asked, 3);
        QCOMPARE(load(path)->proto().doc_string(), std::string("changed"));
        QVERIFY(!w.editor()->isModified());
    }
};

QTEST_MAIN(TestModelEditing)
#include "tst_model_editing.moc"
