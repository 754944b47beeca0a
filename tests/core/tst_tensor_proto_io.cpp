#include "core/external_data.h"
#include "core/tensor_proto_io.h"

#include <onnx/onnx-data_pb.h>
#include <onnx/onnx_pb.h>

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>

using namespace onnxscope;

namespace {

bool sameTensor(const Tensor& a, const Tensor& b, QString* why = nullptr) {
    auto fail = [&](const QString& text) {
        if (why)
            *why = text;
        return false;
    };
    if (a.dataType() != b.dataType())
        return fail(QStringLiteral("data type %1 vs %2").arg(int(a.dataType())).arg(int(b.dataType())));
    if (a.shape() != b.shape())
        return fail(QStringLiteral("shape %1 vs %2")
                        .arg(QString::fromStdString(shapeToString(a.shape())),
                             QString::fromStdString(shapeToString(b.shape()))));
    if (a.dataType() == DataType::String) {
        for (int64_t i = 0; i < a.elementCount(); ++i) {
            if (a.data<std::string>()[i] != b.data<std::string>()[i])
                return fail(QStringLiteral("string %1 differs").arg(i));
        }
        return true;
    }
    if (a.byteSize() && std::memcmp(a.rawData(), b.rawData(), a.byteSize()) != 0)
        return fail(QStringLiteral("bytes differ"));
    return true;
}

bool sameValue(const Value& a, const Value& b, QString* why) {
    if (a.kind != b.kind || a.isOptional != b.isOptional) {
        *why = QStringLiteral("kind or optional flag differs");
        return false;
    }
    switch (a.kind) {
    case Value::Kind::None:
        return true;
    case Value::Kind::Tensor:
        return sameTensor(a.tensor, b.tensor, why);
    case Value::Kind::Map:
        return sameTensor(a.mapKeys, b.mapKeys, why) && sameTensor(a.mapValues, b.mapValues, why);
    case Value::Kind::Sequence:
        if (a.elements.size() != b.elements.size()) {
            *why = QStringLiteral("sequence length differs");
            return false;
        }
        for (size_t i = 0; i < a.elements.size(); ++i) {
            if (!sameValue(a.elements[i], b.elements[i], why))
                return false;
        }
        return true;
    }
    return false;
}

// A tensor of the given type whose values are valid for it and differ from element to element.
Tensor sampleTensor(DataType type, Shape shape) {
    Tensor t(type, shape);
    auto* bytes = static_cast<uint8_t*>(t.mutableRawData());
    for (int64_t i = 0; i < t.elementCount(); ++i) {
        switch (type) {
        case DataType::String:
            t.data<std::string>()[i] = "s" + std::to_string(i) + std::string(size_t(i), '\0') + "\xc3\xa9";
            break;
        case DataType::Bool:
            bytes[i] = uint8_t(i % 3 == 0);
            break;
        case DataType::Int4:
            reinterpret_cast<int8_t*>(bytes)[i] = int8_t(i % 16 - 8);
            break;
        case DataType::Int2:
            reinterpret_cast<int8_t*>(bytes)[i] = int8_t(i % 4 - 2);
            break;
        case DataType::Uint4:
        case DataType::Float4E2M1:
            bytes[i] = uint8_t(i % 16);
            break;
        case DataType::Uint2:
            bytes[i] = uint8_t(i % 4);
            break;
        default:
            for (size_t b = 0; b < elementByteSize(type); ++b)
                bytes[size_t(i) * elementByteSize(type) + b] = uint8_t(i * 37 + b * 11 + 1);
        }
    }
    return t;
}

QString shared(const QString& relative) {
    return QStringLiteral(ONNXSCOPE_SHARED_DIR "/") + relative;
}

// The kind of .pb a test's input or output K holds, from the model's graph type.
PbKind kindOf(const onnx::TypeProto& type) {
    switch (type.value_case()) {
    case onnx::TypeProto::kSequenceType:
        return PbKind::Sequence;
    case onnx::TypeProto::kOptionalType:
        return PbKind::Optional;
    case onnx::TypeProto::kMapType:
        return PbKind::Map;
    default:
        return PbKind::Tensor;
    }
}

// Value -> serialized message -> Value, as writeValuePb and readValuePb do, without the file.
Result<Value> roundTrip(const Value& value) {
    if (value.isOptional) {
        onnx::OptionalProto proto, parsed;
        OS_RETURN_IF_ERROR(valueToOptionalProto(value, proto));
        parsed.ParseFromString(proto.SerializeAsString());
        return valueFromOptionalProto(parsed);
    }
    if (value.isSequence()) {
        onnx::SequenceProto proto, parsed;
        OS_RETURN_IF_ERROR(valueToSequenceProto(value, proto));
        parsed.ParseFromString(proto.SerializeAsString());
        return valueFromSequenceProto(parsed);
    }
    if (value.kind == Value::Kind::Map) {
        onnx::MapProto proto, parsed;
        OS_RETURN_IF_ERROR(valueToMapProto(value, proto));
        parsed.ParseFromString(proto.SerializeAsString());
        return valueFromMapProto(parsed);
    }
    onnx::TensorProto proto, parsed;
    tensorToProto(value.tensor, proto);
    parsed.ParseFromString(proto.SerializeAsString());
    OS_ASSIGN_OR_RETURN(Tensor tensor, tensorFromProto(parsed));
    return Value(std::move(tensor));
}

} // namespace

class TestTensorProtoIo : public QObject {
    Q_OBJECT
private slots:
    void roundTripEveryType_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<QList<qint64>>("dims");
        for (int t = 1; t <= kMaxDataType; ++t) {
            auto name = dataTypeName(DataType(t));
            QTest::newRow((std::string(name) + " 2x3").c_str()) << t << QList<qint64>{2, 3};
            QTest::newRow((std::string(name) + " 7 (odd)").c_str()) << t << QList<qint64>{7};
            QTest::newRow((std::string(name) + " scalar").c_str()) << t << QList<qint64>{};
            QTest::newRow((std::string(name) + " empty").c_str()) << t << QList<qint64>{3, 0};
        }
    }
    void roundTripEveryType() {
        QFETCH(int, type);
        QFETCH(QList<qint64>, dims);
        Tensor original = sampleTensor(DataType(type), Shape(dims.begin(), dims.end()));
        onnx::TensorProto proto;
        tensorToProto(original, proto, "t");
        QCOMPARE(proto.name(), std::string("t"));
        QCOMPARE(proto.data_type(), type);
        if (DataType(type) != DataType::String)
            QCOMPARE(proto.raw_data().size(), serializedByteSize(DataType(type), original.elementCount()));
        // Through the wire format too, as a .pb file would be.
        onnx::TensorProto parsed;
        QVERIFY(parsed.ParseFromString(proto.SerializeAsString()));
        auto back = tensorFromProto(parsed);
        QVERIFY2(back.ok(), back.message().c_str());
        QString why;
        QVERIFY2(sameTensor(original, *back, &why), qPrintable(why));
    }

    void subBytePackingOrder() {
        Tensor t(DataType::Int4, {3});
        t.data<int8_t>()[0] = 1;
        t.data<int8_t>()[1] = -1;
        t.data<int8_t>()[2] = -8;
        onnx::TensorProto proto;
        tensorToProto(t, proto);
        QCOMPARE(proto.raw_data(), std::string("\xf1\x08", 2)); // first element in the low nibble
        Tensor u(DataType::Uint2, {5});
        for (int i = 0; i < 5; ++i)
            u.data<uint8_t>()[i] = uint8_t(i % 4);
        tensorToProto(u, proto);
        QCOMPARE(proto.raw_data(), std::string("\xe4\x00", 2)); // 0,1,2,3 -> 11 10 01 00
        uint8_t packed = 0xb6; // int2 elements: 10 (-2), 01 (1), 11 (-1), 10 (-2) from the low bits
        int8_t out[4];
        unpackSubByte(DataType::Int2, &packed, 4, reinterpret_cast<uint8_t*>(out));
        QCOMPARE(out[0], int8_t(-2));
        QCOMPARE(out[1], int8_t(1));
        QCOMPARE(out[2], int8_t(-1));
        QCOMPARE(out[3], int8_t(-2));
    }

    void typedFields() {
        onnx::TensorProto p;
        p.set_name("f");
        p.set_data_type(1);
        p.add_dims(2);
        p.add_float_data(1.5f);
        p.add_float_data(-2.0f);
        auto f = tensorFromProto(p);
        QVERIFY2(f.ok(), f.message().c_str());
        QCOMPARE(f->data<float>()[1], -2.0f);

        p.Clear();
        p.set_data_type(10); // float16 bits in int32_data
        p.add_dims(1);
        p.add_int32_data(0x3c00);
        auto h = tensorFromProto(p);
        QVERIFY(h.ok());
        QCOMPARE(h->data<uint16_t>()[0], uint16_t(0x3c00));

        p.Clear();
        p.set_data_type(22); // int4: int32_data holds packed bytes
        p.add_dims(3);
        p.add_int32_data(0xf1);
        p.add_int32_data(0x08);
        auto i4 = tensorFromProto(p);
        QVERIFY2(i4.ok(), i4.message().c_str());
        QCOMPARE(i4->data<int8_t>()[0], int8_t(1));
        QCOMPARE(i4->data<int8_t>()[1], int8_t(-1));
        QCOMPARE(i4->data<int8_t>()[2], int8_t(-8));

        p.Clear();
        p.set_data_type(12); // uint32 in uint64_data
        p.add_dims(1);
        p.add_uint64_data(4000000000u);
        auto u32 = tensorFromProto(p);
        QVERIFY(u32.ok());
        QCOMPARE(u32->data<uint32_t>()[0], 4000000000u);

        p.Clear();
        p.set_data_type(14); // complex64: interleaved float_data
        p.add_dims(1);
        p.add_float_data(1.0f);
        p.add_float_data(2.0f);
        auto c = tensorFromProto(p);
        QVERIFY(c.ok());
        QCOMPARE(c->data<float>()[1], 2.0f);

        p.Clear();
        p.set_data_type(9);
        p.add_dims(2);
        p.add_int32_data(0);
        p.add_int32_data(5);
        auto b = tensorFromProto(p);
        QVERIFY(b.ok());
        QCOMPARE(b->data<uint8_t>()[1], uint8_t(1));

        p.Clear();
        p.set_data_type(8);
        p.add_dims(2);
        p.add_string_data("a");
        p.add_string_data(std::string("b\0c", 3));
        auto s = tensorFromProto(p);
        QVERIFY(s.ok());
        QCOMPARE(s->data<std::string>()[1], std::string("b\0c", 3));

        p.Clear();
        p.set_data_type(7);
        p.add_dims(0);
        p.add_dims(4);
        auto empty = tensorFromProto(p); // no payload at all
        QVERIFY(empty.ok());
        QCOMPARE(empty->elementCount(), int64_t(0));
        QCOMPARE(empty->shape(), (Shape{0, 4}));
    }

    void hostileTensors_data() {
        QTest::addColumn<QByteArray>("serialized");
        QTest::addColumn<QString>("expected");
        onnx::TensorProto p;
        p.set_name("bad");
        p.set_data_type(99);
        QTest::newRow("unknown type") << QByteArray::fromStdString(p.SerializeAsString())
                                      << QStringLiteral("tensor 'bad': unknown data_type 99");
        p.set_data_type(1);
        p.add_dims(-2);
        QTest::newRow("negative dim")
            << QByteArray::fromStdString(p.SerializeAsString()) << QStringLiteral("negative dimension");
        p.clear_dims();
        p.add_dims(int64_t(1) << 40);
        p.add_dims(int64_t(1) << 40);
        p.set_raw_data("abcd");
        QTest::newRow("overflow") << QByteArray::fromStdString(p.SerializeAsString())
                                  << QStringLiteral("overflow");
        p.clear_dims();
        p.add_dims(int64_t(1) << 30);
        QTest::newRow("huge shape, tiny raw_data")
            << QByteArray::fromStdString(p.SerializeAsString()) << QStringLiteral("raw_data has 4 bytes");
        p.clear_raw_data();
        p.add_float_data(1.0f);
        QTest::newRow("huge shape, tiny float_data") << QByteArray::fromStdString(p.SerializeAsString())
                                                     << QStringLiteral("float_data holds 1 values");
        p.clear_float_data();
        p.clear_dims();
        p.add_dims(3);
        QTest::newRow("no data") << QByteArray::fromStdString(p.SerializeAsString())
                                 << QStringLiteral("has no data");
        p.add_double_data(1.0);
        QTest::newRow("wrong field") << QByteArray::fromStdString(p.SerializeAsString())
                                     << QStringLiteral("float_data holds 0 values, expected 3");
        p.clear_double_data();
        p.set_data_location(onnx::TensorProto_DataLocation_EXTERNAL);
        QTest::newRow("external without store")
            << QByteArray::fromStdString(p.SerializeAsString()) << QStringLiteral("no model folder");
    }
    void hostileTensors() {
        QFETCH(QByteArray, serialized);
        QFETCH(QString, expected);
        onnx::TensorProto p;
        QVERIFY(p.ParseFromArray(serialized.constData(), int(serialized.size())));
        auto t = tensorFromProto(p);
        QVERIFY(!t.ok());
        QVERIFY2(QString::fromStdString(t.message()).contains(expected), t.message().c_str());
    }

    // Corrupted serialized tensors either fail to parse, fail to convert, or convert consistently.
    void corruptedProtosNeverCrash() {
        QRandomGenerator rng(42);
        int converted = 0, refused = 0;
        for (int t = 1; t <= kMaxDataType; ++t) {
            onnx::TensorProto proto;
            tensorToProto(sampleTensor(DataType(t), {3, 5}), proto, "fuzz");
            const std::string good = proto.SerializeAsString();
            for (int round = 0; round < 200; ++round) {
                std::string bad = good;
                int flips = 1 + int(rng.bounded(3));
                for (int f = 0; f < flips; ++f)
                    bad[rng.bounded(int(bad.size()))] = char(rng.bounded(256));
                onnx::TensorProto parsed;
                if (!parsed.ParseFromString(bad))
                    continue;
                auto tensor = tensorFromProto(parsed);
                if (!tensor.ok()) {
                    ++refused;
                    continue;
                }
                ++converted;
                int64_t count = 1;
                for (int64_t d : parsed.dims())
                    count *= d;
                QCOMPARE(tensor->elementCount(), count);
            }
        }
        QVERIFY(converted > 0);
        QVERIFY(refused > 0);
    }

    void externalData() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            std::ofstream out(QDir(dir.path()).filePath("weights.bin").toStdString(), std::ios::binary);
            float values[4] = {0, 1.5f, -3.0f, 42.0f};
            out.write("pad!", 4);
            out.write(reinterpret_cast<const char*>(values), sizeof values);
            uint8_t packed = 0x21; // uint4 {1, 2}
            out.write(reinterpret_cast<const char*>(&packed), 1);
        }
        ExternalDataStore store(dir.path().toStdString());
        onnx::TensorProto p;
        p.set_name("w");
        p.set_data_type(1);
        p.add_dims(2);
        p.add_dims(2);
        p.set_data_location(onnx::TensorProto_DataLocation_EXTERNAL);
        auto add = [&](const char* k, const std::string& v) {
            auto* e = p.add_external_data();
            e->set_key(k);
            e->set_value(v);
        };
        add("location", "weights.bin");
        add("offset", "4");
        add("length", "16");
        auto t = tensorFromProto(p, &store);
        QVERIFY2(t.ok(), t.message().c_str());
        const Tensor& w = *t; // a read-only view of the mapping: only const access
        QVERIFY(w.isReadOnly());
        QCOMPARE(w.data<float>()[3], 42.0f);
        QCOMPARE(w.data<float>()[2], -3.0f);
        // Writable access to a shallow copy copies the bytes first; the view stays as it was.
        Tensor copy = w;
        float* writable = copy.data<float>();
        QVERIFY(writable != nullptr);
        QVERIFY(!copy.isReadOnly());
        QVERIFY(static_cast<const void*>(writable) != w.rawData());
        writable[3] = 7.0f;
        QCOMPARE(copy.data<float>()[3], 7.0f);
        QCOMPARE(w.data<float>()[3], 42.0f);
        QVERIFY(w.isReadOnly());

        p.mutable_external_data(2)->set_value("12");
        auto wrongLength = tensorFromProto(p, &store);
        QVERIFY(!wrongLength.ok());
        QVERIFY2(wrongLength.message().find("'w'") != std::string::npos, wrongLength.message().c_str());

        p.mutable_external_data(2)->set_value("-1");
        QVERIFY(!tensorFromProto(p, &store).ok());

        p.clear_external_data();
        p.set_data_type(21);
        p.clear_dims();
        p.add_dims(2);
        add("location", "weights.bin");
        add("offset", "20");
        auto u4 = tensorFromProto(p, &store);
        QVERIFY2(u4.ok(), u4.message().c_str());
        QCOMPARE(u4->data<uint8_t>()[0], uint8_t(1));
        QCOMPARE(u4->data<uint8_t>()[1], uint8_t(2));

        p.mutable_external_data(0)->set_value("../outside.bin");
        QVERIFY(!tensorFromProto(p, &store).ok());
    }

    void sequenceOptionalMapFiles() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto path = [&](const char* name) { return QDir(dir.path()).filePath(name).toStdString(); };

        Value seq = Value::sequence(
            {Value(sampleTensor(DataType::Float, {2})), Value(sampleTensor(DataType::Float, {3}))},
            DataType::Float);
        QVERIFY(writeValuePb(path("seq.pb"), seq, "s").ok());
        auto seqBack = readValuePb(path("seq.pb"), PbKind::Sequence);
        QVERIFY2(seqBack.ok(), seqBack.message().c_str());
        QString why;
        QVERIFY2(sameValue(seq, *seqBack, &why), qPrintable(why));
        QCOMPARE(seqBack->elementType, DataType::Float);

        Value none;
        none.isOptional = true;
        QVERIFY(writeValuePb(path("none.pb"), none).ok());
        auto noneBack = readValuePb(path("none.pb"), PbKind::Optional);
        QVERIFY2(noneBack.ok(), noneBack.message().c_str());
        QVERIFY(noneBack->isNone());
        QVERIFY(noneBack->isOptional);

        Value opt(sampleTensor(DataType::Int64, {2}));
        opt.isOptional = true;
        QVERIFY(writeValuePb(path("opt.pb"), opt).ok());
        auto optBack = readValuePb(path("opt.pb"), PbKind::Optional);
        QVERIFY2(optBack.ok(), optBack.message().c_str());
        QVERIFY2(sameValue(opt, *optBack, &why), qPrintable(why));

        Value map;
        map.kind = Value::Kind::Map;
        map.mapKeys = sampleTensor(DataType::String, {3});
        map.mapValues = sampleTensor(DataType::Float, {3});
        map.elementType = DataType::Float;
        QVERIFY(writeValuePb(path("map.pb"), map).ok());
        auto mapBack = readValuePb(path("map.pb"), PbKind::Map);
        QVERIFY2(mapBack.ok(), mapBack.message().c_str());
        QVERIFY2(sameValue(map, *mapBack, &why), qPrintable(why));

        Value tensor(sampleTensor(DataType::BFloat16, {4, 1}));
        QVERIFY(writeValuePb(path("t.pb"), tensor, "x").ok());
        auto tensorBack = readTensorPb(path("t.pb"));
        QVERIFY2(tensorBack.ok(), tensorBack.message().c_str());
        QVERIFY(sameTensor(tensor.tensor, *tensorBack));

        {
            std::ofstream junk(path("junk.pb"), std::ios::binary);
            junk << "\xff\xff\xff\xff garbage";
        }
        auto junk = readTensorPb(path("junk.pb"));
        QVERIFY(!junk.ok());
        QVERIFY2(junk.message().find("junk.pb") != std::string::npos, junk.message().c_str());
        auto missing = readTensorPb(path("missing.pb"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("missing.pb") != std::string::npos, missing.message().c_str());
    }

    void conformanceData_data() {
        QTest::addColumn<QString>("folder");
        QTest::newRow("node") << QStringLiteral("onnx-tests/node");
        QTest::newRow("node-1.12") << QStringLiteral("onnx-tests/node-1.12");
    }
    // Every .pb of the ONNX backend tests loads, and a value written back reads identically.
    void conformanceData() {
        QFETCH(QString, folder);
        QDir root(shared(folder));
        if (!root.exists())
            QSKIP("shared onnx-tests data not present");
        int files = 0;
        int tensors = 0;
        const auto tests = root.entryList({QStringLiteral("test_*")}, QDir::Dirs);
        for (const QString& test : tests) {
            QDir testDir(root.filePath(test));
            onnx::ModelProto model;
            std::ifstream in(testDir.filePath("model.onnx").toStdString(), std::ios::binary);
            QVERIFY2(model.ParseFromIstream(&in), qPrintable(test));
            QDir data(testDir.filePath("test_data_set_0"));
            const auto pbs = data.entryList({QStringLiteral("*.pb")}, QDir::Files);
            for (const QString& pb : pbs) {
                bool isInput = pb.startsWith(QLatin1String("input_"));
                int index = pb.mid(isInput ? 6 : 7).chopped(3).toInt();
                const auto& list = isInput ? model.graph().input() : model.graph().output();
                QVERIFY2(index < list.size(), qPrintable(test + "/" + pb));
                PbKind kind = kindOf(list[index].type());
                std::string file = data.filePath(pb).toStdString();
                auto value = readValuePb(file, kind);
                QVERIFY2(value.ok(), value.message().c_str());
                ++files;
                // In memory rather than through writeValuePb: an fsync per file would dominate.
                auto back = roundTrip(*value);
                QVERIFY2(back.ok(), back.message().c_str());
                QString why;
                QVERIFY2(sameValue(*value, *back, &why), qPrintable(test + "/" + pb + ": " + why));
                if (value->isTensor()) {
                    ++tensors;
                    // Same raw bytes as the original when the original used raw_data.
                    onnx::TensorProto original;
                    std::ifstream pbIn(file, std::ios::binary);
                    QVERIFY(original.ParseFromIstream(&pbIn));
                    if (original.has_raw_data()) {
                        onnx::TensorProto rewritten;
                        tensorToProto(value->tensor, rewritten);
                        QVERIFY2(rewritten.raw_data() == original.raw_data(), qPrintable(test + "/" + pb));
                    }
                }
            }
        }
        qInfo("%s: %d .pb files, %d tensors", qPrintable(folder), files, tensors);
        QVERIFY(files > 1000);
    }
};

QTEST_GUILESS_MAIN(TestTensorProtoIo)
#include "tst_tensor_proto_io.moc"
