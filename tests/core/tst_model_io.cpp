// Loading and saving models: lossless round trips on real files, external data confinement,
// hostile files, and atomic saves that never damage the original.
#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace onnxscope;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

// A one-node model (Add of input and an external initializer) written as protobuf bytes.
std::string modelWithExternalInitializer(const std::string& location, int64_t offset, int64_t length,
                                         int64_t dim = 4) {
    onnx::ModelProto m;
    m.set_ir_version(8);
    m.add_opset_import()->set_version(17);
    auto* g = m.mutable_graph();
    g->set_name("g");
    auto* w = g->add_initializer();
    w->set_name("w");
    w->set_data_type(onnx::TensorProto::FLOAT);
    w->add_dims(dim);
    w->set_data_location(onnx::TensorProto::EXTERNAL);
    auto* e = w->add_external_data();
    e->set_key("location");
    e->set_value(location);
    e = w->add_external_data();
    e->set_key("offset");
    e->set_value(std::to_string(offset));
    e = w->add_external_data();
    e->set_key("length");
    e->set_value(std::to_string(length));
    auto* in = g->add_input();
    in->set_name("x");
    in->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
    in->mutable_type()->mutable_tensor_type()->mutable_shape()->add_dim()->set_dim_value(dim);
    auto* out = g->add_output();
    out->set_name("y");
    out->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
    auto* n = g->add_node();
    n->set_op_type("Add");
    n->add_input("x");
    n->add_input("w");
    n->add_output("y");
    return m.SerializeAsString();
}

std::vector<fs::path> conformanceModels(size_t stride) {
    std::vector<fs::path> models;
    for (const char* sub : {"/onnx-tests/node", "/onnx-tests/node-1.12"}) {
        fs::path dir = fs::path(ONNXSCOPE_SHARED_DIR) / (sub + 1);
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            continue;
        size_t i = 0;
        for (const auto& entry : fs::directory_iterator(dir))
            if (i++ % stride == 0 && fs::exists(entry.path() / "model.onnx"))
                models.push_back(entry.path() / "model.onnx");
    }
    return models;
}

} // namespace

class TestModelIo : public QObject {
    Q_OBJECT
private slots:
    void reserializedConformanceModelsAreByteIdentical() {
        auto models = conformanceModels(1);
        if (models.empty())
            QSKIP("../shared/onnx-tests not present");
        QTemporaryDir tmp;
        int checked = 0;
        for (const fs::path& path : models) {
            auto model = Model::load(path);
            QVERIFY2(model.ok(), model.message().c_str());
            (*model)->mutableProto(); // force re-serialization instead of copying the original bytes
            fs::path out = fs::path(tmp.path().toStdString()) / "out.onnx";
            Status s = (*model)->save(out, {.force = true});
            QVERIFY2(s.ok(), (path.string() + ": " + s.message()).c_str());
            QVERIFY2(readAll(out) == readAll(path), ("re-saved bytes differ: " + path.string()).c_str());
            ++checked;
        }
        QVERIFY(checked > 2000);
    }

    void torchExportsRoundTrip() {
        fs::path dir = ONNXSCOPE_TEST_MODELS_DIR;
        QTemporaryDir tmp;
        int checked = 0;
        for (const char* name : {"example_cnn", "resnet18", "mobilenet_v2", "transformer_encoder", "lstm"}) {
            fs::path path = dir / (std::string(name) + ".onnx");
            auto model = Model::load(path);
            QVERIFY2(model.ok(), model.message().c_str());
            QVERIFY((*model)->proto().graph().node_size() > 0);
            fs::path copy = fs::path(tmp.path().toStdString()) / "copy.onnx";
            QVERIFY((*model)->save(copy).ok()); // unedited: original bytes
            QVERIFY(readAll(copy) == readAll(path));
            (*model)->mutableProto();
            fs::path reserialized = fs::path(tmp.path().toStdString()) / "reserialized.onnx";
            Status s = (*model)->save(reserialized);
            QVERIFY2(s.ok(), s.message().c_str());
            QVERIFY2(readAll(reserialized) == readAll(path), name);
            ++checked;
        }
        QCOMPARE(checked, 5);
    }

    void externalDataIsMappedAndCarriedOnSaveAs() {
        QTemporaryDir tmp;
        fs::path dir = tmp.path().toStdString();
        fs::create_directories(dir / "src" / "weights");
        std::string payload(32, '\0');
        for (int i = 0; i < 4; ++i) {
            float v = float(i) + 0.5f;
            std::memcpy(payload.data() + 16 + 4 * i, &v, 4);
        }
        writeAll(dir / "src" / "weights" / "w.bin", payload);
        writeAll(dir / "src" / "m.onnx", modelWithExternalInitializer("weights/w.bin", 16, 16));
        auto model = Model::load(dir / "src" / "m.onnx");
        QVERIFY2(model.ok(), model.message().c_str());
        auto bytes = (*model)->externalData().read("weights/w.bin", 16, 16, "w");
        QVERIFY(bytes.ok());
        float first;
        std::memcpy(&first, bytes->data, 4);
        QCOMPARE(first, 0.5f);

        fs::create_directories(dir / "dst");
        Status s = (*model)->save(dir / "dst" / "copy.onnx");
        QVERIFY2(s.ok(), s.message().c_str());
        QVERIFY(fs::exists(dir / "dst" / "weights" / "w.bin"));
        QVERIFY(readAll(dir / "dst" / "weights" / "w.bin") == payload);
        fs::remove_all(dir / "src");
        auto reloaded = Model::load(dir / "dst" / "copy.onnx");
        QVERIFY2(reloaded.ok(), reloaded.message().c_str());
    }

    void hostileExternalLocationsAreRefused_data() {
        QTest::addColumn<QString>("location");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");
        QTest::newRow("parent") << "../secret.bin" << 0 << 16 << "leaves the model's folder";
        QTest::newRow("nested parent") << "a/../../secret.bin" << 0 << 16 << "leaves the model's folder";
        QTest::newRow("absolute") << "/etc/passwd" << 0 << 16 << "absolute path";
        QTest::newRow("symlink out") << "link.bin" << 0 << 16 << "outside the model's folder";
        QTest::newRow("missing") << "nothere.bin" << 0 << 16 << "does not exist";
        QTest::newRow("range past end") << "w.bin" << 8 << 16 << "past the end";
        QTest::newRow("offset past end") << "w.bin" << 100 << 16 << "past the end";
        QTest::newRow("length short of the dims")
            << "w.bin" << 0 << 12 << "length 12 does not match 16 bytes";
        QTest::newRow("length past the dims") << "w.bin" << 0 << 20 << "length 20 does not match 16 bytes";
    }
    void hostileExternalLocationsAreRefused() {
        QFETCH(QString, location);
        QFETCH(int, offset);
        QFETCH(int, length);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "model");
        writeAll(root / "secret.bin", std::string(64, 'x'));
        writeAll(root / "model" / "w.bin", std::string(16, '\0'));
        fs::create_symlink(root / "secret.bin", root / "model" / "link.bin");
        writeAll(root / "model" / "m.onnx",
                 modelWithExternalInitializer(location.toStdString(), offset, length));
        auto model = Model::load(root / "model" / "m.onnx");
        QVERIFY(!model.ok());
        QVERIFY2(model.message().find(expected.toStdString()) != std::string::npos, model.message().c_str());
        QVERIFY2(model.message().find("tensor 'w'") != std::string::npos, model.message().c_str());
    }

    // Offsets and lengths are decimal numbers and nothing else; a missing length still has to
    // leave room in the file for the dims.
    void externalNumbersAreCheckedAtOpen_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("offset 12abc") << "offset"
                                      << "12abc"
                                      << "external_data offset '12abc' is not a non-negative integer";
        QTest::newRow("length 16 ") << "length"
                                    << "16 "
                                    << "external_data length '16 ' is not a non-negative integer";
        QTest::newRow("offset -4") << "offset"
                                   << "-4"
                                   << "is not a non-negative integer";
        QTest::newRow("offset +4") << "offset"
                                   << "+4"
                                   << "is not a non-negative integer";
        QTest::newRow("offset 2^64") << "offset"
                                     << "18446744073709551616"
                                     << "is not a non-negative integer";
        QTest::newRow("no length, offset 8") << "length"
                                             << ""
                                             << "range [8, 24) is past the end";
    }
    void externalNumbersAreCheckedAtOpen() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        fs::path dir = tmp.path().toStdString();
        writeAll(dir / "w.bin", std::string(16, '\0'));
        onnx::ModelProto m;
        QVERIFY(m.ParseFromString(modelWithExternalInitializer("w.bin", value.isEmpty() ? 8 : 0, 16)));
        auto* entries = m.mutable_graph()->mutable_initializer(0)->mutable_external_data();
        for (int i = entries->size() - 1; i >= 0; --i) {
            if (entries->Get(i).key() != key.toStdString())
                continue;
            if (value.isEmpty())
                entries->DeleteSubrange(i, 1);
            else
                entries->Mutable(i)->set_value(value.toStdString());
        }
        writeAll(dir / "m.onnx", m.SerializeAsString());
        auto model = Model::load(dir / "m.onnx");
        QVERIFY(!model.ok());
        QVERIFY2(model.message().find(expected.toStdString()) != std::string::npos, model.message().c_str());
        QVERIFY2(model.message().find("tensor 'w'") != std::string::npos, model.message().c_str());
    }

    void brokenFilesGiveClearErrors() {
        QTemporaryDir tmp;
        fs::path dir = tmp.path().toStdString();
        std::string good = readAll(fs::path(ONNXSCOPE_TEST_MODELS_DIR) / "resnet18.onnx");
        QVERIFY(good.size() > 1000);
        writeAll(dir / "truncated.onnx", good.substr(0, good.size() / 2));
        auto truncated = Model::load(dir / "truncated.onnx");
        QVERIFY(!truncated.ok());
        QVERIFY2(truncated.message().find("truncated.onnx") != std::string::npos,
                 truncated.message().c_str());
        QVERIFY2(truncated.message().find("byte") != std::string::npos, truncated.message().c_str());

        std::mt19937 rng(42);
        std::string noise(4096, '\0');
        for (char& c : noise)
            c = static_cast<char>(rng());
        writeAll(dir / "noise.onnx", noise);
        auto random = Model::load(dir / "noise.onnx");
        QVERIFY(!random.ok());
        QVERIFY2(random.message().find("not") != std::string::npos, random.message().c_str());

        writeAll(dir / "empty.onnx", "");
        QVERIFY(!Model::load(dir / "empty.onnx").ok());
        auto missing = Model::load(dir / "missing.onnx");
        QVERIFY(!missing.ok());
        QVERIFY(missing.message().find("missing.onnx") != std::string::npos);
    }

    void overflowingDimsAreRefused() {
        onnx::ModelProto m;
        m.set_ir_version(8);
        m.add_opset_import()->set_version(17);
        auto* t = m.mutable_graph()->add_initializer();
        t->set_name("huge");
        t->set_data_type(onnx::TensorProto::FLOAT);
        t->add_dims(int64_t(1) << 40);
        t->add_dims(int64_t(1) << 40);
        std::string bytes = m.SerializeAsString();
        auto model = Model::fromBytes(bytes.data(), bytes.size(), ".", "huge.onnx");
        QVERIFY(!model.ok());
        QVERIFY2(model.message().find("tensor 'huge'") != std::string::npos, model.message().c_str());
        QVERIFY2(model.message().find("overflow") != std::string::npos, model.message().c_str());
    }

    void saveIntoMissingFolderFailsCleanly() {
        QTemporaryDir tmp;
        fs::path src = fs::path(ONNXSCOPE_TEST_MODELS_DIR) / "example_cnn.onnx";
        auto model = Model::load(src);
        QVERIFY(model.ok());
        (*model)->mutableProto().set_producer_name("edited");
        Status s = (*model)->save(fs::path(tmp.path().toStdString()) / "no" / "such" / "dir" / "m.onnx");
        QVERIFY(!s.ok());
        QVERIFY2(s.message().find("does not exist") != std::string::npos, s.message().c_str());
    }

    void invalidEditIsRefusedUnlessForced() {
        QTemporaryDir tmp;
        fs::path target = fs::path(tmp.path().toStdString()) / "m.onnx";
        auto model = Model::load(fs::path(ONNXSCOPE_TEST_MODELS_DIR) / "example_cnn.onnx");
        QVERIFY(model.ok());
        writeAll(target, "original");
        // A node reading a value nothing produces is invalid (not topologically sorted).
        (*model)->mutableProto().mutable_graph()->mutable_node(0)->set_input(0, "no_such_value");
        Status s = (*model)->save(target);
        QVERIFY(!s.ok());
        QVERIFY2(s.message().find("invalid") != std::string::npos, s.message().c_str());
        QCOMPARE(readAll(target), std::string("original"));
        QVERIFY((*model)->save(target, {.force = true}).ok());
        QVERIFY(readAll(target) != "original");
    }
};

QTEST_GUILESS_MAIN(TestModelIo)
#include "tst_model_io.moc"
