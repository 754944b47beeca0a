#include "core/npy_header.h"
#include "core/tensor_file_io.h"
#include "core/tensor_proto_io.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace onnxscope;

namespace {

const char* const kPython = "/usr/bin/python3";

// Runs a numpy script with the folder as its working directory; empty when python/numpy is missing.
bool runPython(const QString& dir, const QString& script, QString* output) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QString::fromLatin1(kPython), {QStringLiteral("-c"), script});
    if (!p.waitForFinished(120000)) {
        *output = QStringLiteral("python did not finish: ") + p.errorString();
        return false;
    }
    *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool haveNumpy() {
    static const bool have = [] {
        QProcess p;
        p.start(QString::fromLatin1(kPython), {QStringLiteral("-c"), QStringLiteral("import numpy")});
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }();
    return have;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template <typename T> void checkArange(const Tensor& t, DataType type, const Shape& shape) {
    QCOMPARE(t.dataType(), type);
    QCOMPARE(t.shape(), shape);
    for (int64_t i = 0; i < t.elementCount(); ++i)
        QCOMPARE(t.data<T>()[i], static_cast<T>(i));
}

bool sameBytes(const Tensor& a, const Tensor& b) {
    if (a.dataType() != b.dataType() || a.shape() != b.shape())
        return false;
    if (a.dataType() == DataType::String) {
        for (int64_t i = 0; i < a.elementCount(); ++i)
            if (a.data<std::string>()[i] != b.data<std::string>()[i])
                return false;
        return true;
    }
    return a.byteSize() == 0 || std::memcmp(a.rawData(), b.rawData(), a.byteSize()) == 0;
}

Tensor numbered(DataType type, Shape shape) {
    Tensor t(type, std::move(shape));
    auto* bytes = static_cast<uint8_t*>(t.mutableRawData());
    for (size_t i = 0; i < t.byteSize(); ++i)
        bytes[i] = type == DataType::Bool ? uint8_t(i % 2) : uint8_t(i * 7 + 3);
    return t;
}

} // namespace

class TestTensorFileIo : public QObject {
    Q_OBJECT
private slots:
    void npyRoundTrip_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<QList<qint64>>("dims");
        const DataType types[] = {
            DataType::Bool,  DataType::Int8,   DataType::Uint8,     DataType::Int16,     DataType::Uint16,
            DataType::Int32, DataType::Uint32, DataType::Int64,     DataType::Uint64,    DataType::Float16,
            DataType::Float, DataType::Double, DataType::Complex64, DataType::Complex128};
        for (DataType t : types) {
            std::string name(dataTypeName(t));
            QTest::newRow((name + " 2x3x4").c_str()) << int(t) << QList<qint64>{2, 3, 4};
            QTest::newRow((name + " scalar").c_str()) << int(t) << QList<qint64>{};
            QTest::newRow((name + " 0x5").c_str()) << int(t) << QList<qint64>{0, 5};
        }
    }
    void npyRoundTrip() {
        QFETCH(int, type);
        QFETCH(QList<qint64>, dims);
        QTemporaryDir dir;
        std::string file = QDir(dir.path()).filePath("t.npy").toStdString();
        Tensor original = numbered(DataType(type), Shape(dims.begin(), dims.end()));
        Status s = writeNpy(file, original);
        QVERIFY2(s.ok(), s.message().c_str());
        QCOMPARE(QFileInfo(QString::fromStdString(file)).size() % 64,
                 qint64(original.byteSize() % 64)); // header padded to 64 bytes
        auto back = readNpy(file);
        QVERIFY2(back.ok(), back.message().c_str());
        QVERIFY(sameBytes(original, *back));
    }

    void stringsRoundTrip() {
        QTemporaryDir dir;
        std::string file = QDir(dir.path()).filePath("s.npy").toStdString();
        Tensor t(DataType::String, {2, 2});
        t.data<std::string>()[0] = "a";
        t.data<std::string>()[1] = "h\xc3\xa9llo";
        t.data<std::string>()[2] = "\xe6\x97\xa5\xf0\x9f\x98\x80";
        t.data<std::string>()[3] = "";
        QVERIFY(writeNpy(file, t).ok());
        QVERIFY(readAll(QString::fromStdString(file)).contains("'<U5'"));
        auto back = readNpy(file);
        QVERIFY2(back.ok(), back.message().c_str());
        QVERIFY(sameBytes(t, *back));
        // Not UTF-8: written as bytes ('S') instead.
        t.data<std::string>()[3] = "\xff\xfe";
        QVERIFY(writeNpy(file, t).ok());
        QVERIFY(readAll(QString::fromStdString(file)).contains("'|S"));
        back = readNpy(file);
        QVERIFY2(back.ok(), back.message().c_str());
        QVERIFY(sameBytes(t, *back));
    }

    void unsupportedTypesAreRefused() {
        QTemporaryDir dir;
        std::string file = QDir(dir.path()).filePath("b.npy").toStdString();
        Status s = writeNpy(file, Tensor(DataType::BFloat16, {2}));
        QVERIFY(!s.ok());
        QVERIFY2(s.message().find("bfloat16") != std::string::npos, s.message().c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(file)));
    }

    void npzRoundTripAndMembers() {
        QTemporaryDir dir;
        std::string file = QDir(dir.path()).filePath("a.npz").toStdString();
        std::map<std::string, Tensor> tensors{{"x", numbered(DataType::Float, {3, 2})},
                                              {"flag", numbered(DataType::Bool, {4})},
                                              {"empty", numbered(DataType::Int64, {0})}};
        Status s = writeNpz(file, tensors);
        QVERIFY2(s.ok(), s.message().c_str());
        auto back = readNpz(file);
        QVERIFY2(back.ok(), back.message().c_str());
        QCOMPARE(back->size(), size_t(3));
        for (const auto& [name, tensor] : tensors)
            QVERIFY2(sameBytes(tensor, back->at(name)), name.c_str());
        auto one = readTensorFile(file + ":flag");
        QVERIFY2(one.ok(), one.message().c_str());
        QVERIFY(sameBytes(tensors["flag"], *one));
        auto missing = readTensorFile(file + ":nope");
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("flag") != std::string::npos, missing.message().c_str());
        QVERIFY(!readTensorFile(file).ok()); // three arrays: which one?

        std::string pb = QDir(dir.path()).filePath("x.pb").toStdString();
        QVERIFY(writeValuePb(pb, Value(tensors["x"])).ok());
        QVERIFY(QFile::copy(QString::fromStdString(file), QDir(dir.path()).filePath("archive.bin")));
        auto sniffedNpz = readTensorFile(QDir(dir.path()).filePath("archive.bin").toStdString());
        QVERIFY(!sniffedNpz.ok()); // read as an .npz, which holds three arrays
        QVERIFY2(sniffedNpz.message().find("3 arrays") != std::string::npos, sniffedNpz.message().c_str());
        QVERIFY(writeNpy(QDir(dir.path()).filePath("plain.dat").toStdString(), tensors["x"]).ok());
        auto sniffed = readTensorFile(QDir(dir.path()).filePath("plain.dat").toStdString());
        QVERIFY2(sniffed.ok(), sniffed.message().c_str());
        QVERIFY(sameBytes(tensors["x"], *sniffed));
        auto fromPb = readTensorFile(pb);
        QVERIFY2(fromPb.ok(), fromPb.message().c_str());
        QVERIFY(sameBytes(tensors["x"], *fromPb));
    }

    // Files written by numpy itself, in every layout it produces.
    void readsNumpyFiles() {
        if (!haveNumpy())
            QSKIP("/usr/bin/python3 has no numpy");
        QTemporaryDir dir;
        QString out;
        const char* script = R"(
import numpy as np
a = np.arange(24)
np.save('f4.npy', a.reshape(2, 3, 4).astype(np.float32))
np.save('f2.npy', a.astype(np.float16))
np.save('b1.npy', a % 3 == 0)
for t in ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f8']:
    np.save(t + '.npy', a.astype(t))
np.save('c8.npy', (a + 1j * a).astype(np.complex64))
np.save('c16_be.npy', (a - 2j * a).astype('>c16'))
np.save('fortran.npy', np.asfortranarray(a.reshape(2, 3, 4).astype('<i4')))
np.save('be_f8.npy', a.reshape(4, 6).astype('>f8'))
np.save('be_i2.npy', a.astype('>i2'))
np.save('be_fortran.npy', np.asfortranarray(a.reshape(6, 4).astype('>u4')))
np.save('str.npy', np.array(['a', 'h\u00e9llo', '\u65e5\U0001F600', '']))
np.save('str_fortran.npy', np.asfortranarray(np.array([['a', 'bb', 'c'], ['dd', 'e', 'ff']])))
np.save('bytes.npy', np.array([b'ab', b'c\x00d', b'']))
np.save('scalar.npy', np.float64(3.5))
np.save('empty.npy', np.zeros((0, 3), np.float32))
with open('v2.npy', 'wb') as f:
    np.lib.format.write_array(f, a.astype(np.int64), version=(2, 0))
with open('v3.npy', 'wb') as f:
    np.lib.format.write_array(f, a.astype(np.int64), version=(3, 0))
np.savez('stored.npz', x=a.astype(np.float32), s=np.array(['p', 'qq']))
np.savez_compressed('deflated.npz', x=a.astype(np.float32), big=np.arange(1000000, dtype=np.int32), b=a % 2 == 1)
)";
        QVERIFY2(runPython(dir.path(), QString::fromLatin1(script), &out), qPrintable(out));
        auto path = [&](const char* name) { return QDir(dir.path()).filePath(name).toStdString(); };
        auto load = [&](const char* name) {
            auto t = readTensorFile(path(name));
            if (!t.ok())
                qWarning("%s: %s", name, t.message().c_str());
            return t.ok() ? std::move(t).value() : Tensor();
        };
        checkArange<float>(load("f4.npy"), DataType::Float, {2, 3, 4});
        Tensor f2 = load("f2.npy");
        QCOMPARE(f2.dataType(), DataType::Float16);
        QCOMPARE(f2.elementAsDouble(23), 23.0);
        Tensor b1 = load("b1.npy");
        QCOMPARE(b1.dataType(), DataType::Bool);
        QCOMPARE(b1.data<uint8_t>()[3], uint8_t(1));
        QCOMPARE(b1.data<uint8_t>()[4], uint8_t(0));
        checkArange<int8_t>(load("i1.npy"), DataType::Int8, {24});
        checkArange<int16_t>(load("i2.npy"), DataType::Int16, {24});
        checkArange<int32_t>(load("i4.npy"), DataType::Int32, {24});
        checkArange<int64_t>(load("i8.npy"), DataType::Int64, {24});
        checkArange<uint8_t>(load("u1.npy"), DataType::Uint8, {24});
        checkArange<uint16_t>(load("u2.npy"), DataType::Uint16, {24});
        checkArange<uint32_t>(load("u4.npy"), DataType::Uint32, {24});
        checkArange<uint64_t>(load("u8.npy"), DataType::Uint64, {24});
        checkArange<double>(load("f8.npy"), DataType::Double, {24});
        Tensor c8 = load("c8.npy");
        QCOMPARE(c8.dataType(), DataType::Complex64);
        QCOMPARE(c8.data<float>()[10], 5.0f); // real and imaginary parts interleaved
        QCOMPARE(c8.data<float>()[11], 5.0f);
        Tensor c16 = load("c16_be.npy");
        QCOMPARE(c16.dataType(), DataType::Complex128);
        QCOMPARE(c16.data<double>()[14], 7.0);
        QCOMPARE(c16.data<double>()[15], -14.0);
        checkArange<int32_t>(load("fortran.npy"), DataType::Int32, {2, 3, 4});
        checkArange<double>(load("be_f8.npy"), DataType::Double, {4, 6});
        checkArange<int16_t>(load("be_i2.npy"), DataType::Int16, {24});
        checkArange<uint32_t>(load("be_fortran.npy"), DataType::Uint32, {6, 4});
        Tensor str = load("str.npy");
        QCOMPARE(str.dataType(), DataType::String);
        QCOMPARE(str.data<std::string>()[1], std::string("h\xc3\xa9llo"));
        QCOMPARE(str.data<std::string>()[2], std::string("\xe6\x97\xa5\xf0\x9f\x98\x80"));
        QCOMPARE(str.data<std::string>()[3], std::string());
        Tensor strF = load("str_fortran.npy");
        QCOMPARE(strF.shape(), (Shape{2, 3}));
        QCOMPARE(strF.data<std::string>()[1], std::string("bb"));
        QCOMPARE(strF.data<std::string>()[3], std::string("dd"));
        Tensor bytes = load("bytes.npy");
        QCOMPARE(bytes.data<std::string>()[1], std::string("c\0d", 3));
        QCOMPARE(bytes.data<std::string>()[2], std::string());
        Tensor scalar = load("scalar.npy");
        QCOMPARE(scalar.rank(), 0);
        QCOMPARE(scalar.data<double>()[0], 3.5);
        QCOMPARE(load("empty.npy").shape(), (Shape{0, 3}));
        checkArange<int64_t>(load("v2.npy"), DataType::Int64, {24});
        checkArange<int64_t>(load("v3.npy"), DataType::Int64, {24});

        auto stored = readNpz(path("stored.npz"));
        QVERIFY2(stored.ok(), stored.message().c_str());
        checkArange<float>(stored->at("x"), DataType::Float, {24});
        QCOMPARE(stored->at("s").data<std::string>()[1], std::string("qq"));
        auto deflated = readNpz(path("deflated.npz"));
        QVERIFY2(deflated.ok(), deflated.message().c_str());
        checkArange<float>(deflated->at("x"), DataType::Float, {24});
        checkArange<int32_t>(deflated->at("big"), DataType::Int32, {1000000});
        QCOMPARE(deflated->at("b").data<uint8_t>()[1], uint8_t(1));
    }

    // numpy reads what we write.
    void numpyReadsOurFiles() {
        if (!haveNumpy())
            QSKIP("/usr/bin/python3 has no numpy");
        QTemporaryDir dir;
        auto path = [&](const char* name) { return QDir(dir.path()).filePath(name).toStdString(); };
        Tensor f(DataType::Float, {2, 3});
        for (int i = 0; i < 6; ++i)
            f.data<float>()[i] = float(i) * 0.5f;
        Tensor s(DataType::String, {2});
        s.data<std::string>()[0] = "x";
        s.data<std::string>()[1] = "\xc3\xa9t\xc3\xa9";
        Tensor h(DataType::Float16, {});
        h.data<uint16_t>()[0] = 0x3c00;
        QVERIFY(writeNpy(path("f.npy"), f).ok());
        QVERIFY(writeNpz(path("m.npz"), {{"f", f}, {"s", s}, {"h", h}}).ok());
        const char* script = R"(
import numpy as np
f = np.load('f.npy')
assert f.dtype == np.float32 and f.shape == (2, 3), (f.dtype, f.shape)
assert (f.ravel() == np.arange(6) * 0.5).all()
m = np.load('m.npz')
assert sorted(m.files) == ['f', 'h', 's'], m.files
assert (m['f'] == f).all()
assert list(m['s']) == ['x', '\u00e9t\u00e9'], m['s']
assert m['h'].dtype == np.float16 and m['h'].shape == () and m['h'] == 1.0
print('ok')
)";
        QString out;
        QVERIFY2(runPython(dir.path(), QString::fromLatin1(script), &out), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("ok")));
    }

    void hostileNpyHeaders_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("expected");
        auto npy = [](const std::string& dict, const std::string& payload = std::string()) {
            std::string header = "\x93NUMPY\x01";
            header += '\0';
            header += char(dict.size() & 0xff);
            header += char(dict.size() >> 8);
            return QByteArray::fromStdString(header + dict + payload);
        };
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a .npy file");
        QTest::newRow("bad magic") << QByteArray("\x93NUMPZ\x01\x00", 8) << QStringLiteral("not a .npy file");
        QTest::newRow("version 9") << QByteArray("\x93NUMPY\x09\x00\x10\x00", 10) << QStringLiteral("byte 6");
        QTest::newRow("no length") << QByteArray("\x93NUMPY\x01\x00", 8) << QStringLiteral("byte 8");
        QTest::newRow("header past end")
            << QByteArray("\x93NUMPY\x01\x00\xff\x00{", 11) << QStringLiteral("runs past the end");
        QTest::newRow("shape overflow") << npy("{'descr': '<f4', 'fortran_order': False, 'shape': "
                                               "(4611686018427387904, 4611686018427387904), }")
                                        << QStringLiteral("overflows");
        QTest::newRow("dim too big")
            << npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }")
            << QStringLiteral("64 bits");
        QTest::newRow("absurd shape")
            << npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", "12345678")
            << QStringLiteral("array data has 8 bytes");
        QTest::newRow("short data") << npy("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }",
                                           "12345678")
                                    << QStringLiteral("needs 12");
        QTest::newRow("bad dtype") << npy("{'descr': '<x9', 'fortran_order': False, 'shape': (1,), }")
                                   << QStringLiteral("'<x9' is not supported");
        QTest::newRow("object dtype")
            << npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }") << QStringLiteral("item size");
        QTest::newRow("object dtype 8") << npy("{'descr': '|O8', 'fortran_order': False, 'shape': (1,), }")
                                        << QStringLiteral("Python objects");
        QTest::newRow("structured")
            << npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }")
            << QStringLiteral("structured");
        QTest::newRow("negative dim") << npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }")
                                      << QStringLiteral("negative");
        QTest::newRow("missing shape")
            << npy("{'descr': '<f4', 'fortran_order': False, }") << QStringLiteral("lacks 'shape'");
        QTest::newRow("unterminated") << npy("{'descr': '<f4") << QStringLiteral("unterminated");
        QTest::newRow("zero size U")
            << npy("{'descr': '<U0', 'fortran_order': False, 'shape': (1000000000,), }")
            << QStringLiteral("zero item size");
        QTest::newRow("bad utf32") << npy("{'descr': '<U1', 'fortran_order': False, 'shape': (1,), }",
                                          std::string("\x00\xd8\x00\x00", 4))
                                   << QStringLiteral("invalid UTF-32");
    }
    void hostileNpyHeaders() {
        QFETCH(QByteArray, file);
        QFETCH(QString, expected);
        auto t = parseNpy(file.constData(), size_t(file.size()), "hostile.npy");
        QVERIFY(!t.ok());
        QVERIFY2(QString::fromStdString(t.message()).contains(expected), t.message().c_str());
        QVERIFY2(t.message().rfind("hostile.npy", 0) == 0, t.message().c_str());
    }

    // Every prefix of valid files, random bytes, and single-byte corruptions: errors, never crashes.
    void truncatedAndCorrupted() {
        QTemporaryDir dir;
        auto path = [&](const char* name) { return QDir(dir.path()).filePath(name).toStdString(); };
        Tensor s(DataType::String, {3});
        s.data<std::string>()[1] = "abc";
        QVERIFY(writeNpy(path("f.npy"), numbered(DataType::Float, {5, 7})).ok());
        QVERIFY(writeNpz(path("m.npz"), {{"a", numbered(DataType::Int16, {9})}, {"s", s}}).ok());
        const QByteArray npy = readAll(QString::fromStdString(path("f.npy")));
        for (qsizetype n = 0; n < npy.size(); ++n) {
            auto t = parseNpy(npy.constData(), size_t(n), "cut.npy");
            QVERIFY2(!t.ok(), qPrintable(QStringLiteral("prefix of %1 bytes accepted").arg(n)));
        }
        const QByteArray npz = readAll(QString::fromStdString(path("m.npz")));
        std::string cut = path("cut.npz");
        for (qsizetype n = 0; n < npz.size(); ++n) {
            QFile f(QString::fromStdString(cut));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(npz.left(n));
            f.close();
            auto t = readNpz(cut);
            QVERIFY2(!t.ok(), qPrintable(QStringLiteral("npz prefix of %1 bytes accepted").arg(n)));
            QVERIFY2(t.message().find("cut.npz") != std::string::npos, t.message().c_str());
        }
        QRandomGenerator rng(1234);
        int failures = 0;
        for (qsizetype i = 0; i < npz.size(); ++i) {
            QByteArray bad = npz;
            bad[i] = char(bad[i] ^ char(1 + rng.bounded(255)));
            QFile f(QString::fromStdString(cut));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bad);
            f.close();
            failures += readNpz(cut).ok() ? 0 : 1; // either outcome is fine; no crash is the point
        }
        QVERIFY(failures > npz.size() / 2); // the CRC catches corrupted data
        for (int round = 0; round < 300; ++round) {
            QByteArray junk(int(rng.bounded(1, 400)), '\0');
            for (auto& c : junk)
                c = char(rng.bounded(256));
            if (round % 3 == 0)
                junk.replace(0, 8, QByteArray("\x93NUMPY\x01\x00", 8));
            if (round % 3 == 1)
                junk.replace(0, 4, QByteArray("PK\x03\x04", 4));
            QVERIFY(!parseNpy(junk.constData(), size_t(junk.size()), "junk.npy").ok());
            QFile f(QString::fromStdString(cut));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(junk);
            f.close();
            QVERIFY(!readNpz(cut).ok());
        }
    }

    // A deflated member that claims far more than its data could hold is refused before allocating.
    void npzBombIsRefused() {
        if (!haveNumpy())
            QSKIP("/usr/bin/python3 has no numpy");
        QTemporaryDir dir;
        QString out;
        const char* script = R"(
import numpy as np, struct
np.savez_compressed('z.npz', x=np.zeros(100, np.float32))
data = bytearray(open('z.npz', 'rb').read())
cd = data.rfind(b'PK\x01\x02')
data[cd + 24:cd + 28] = struct.pack('<I', 0xfffffff0)
open('bomb.npz', 'wb').write(bytes(data))
)";
        QVERIFY2(runPython(dir.path(), QString::fromLatin1(script), &out), qPrintable(out));
        auto ok = readNpz(QDir(dir.path()).filePath("z.npz").toStdString());
        QVERIFY2(ok.ok(), ok.message().c_str());
        auto bomb = readNpz(QDir(dir.path()).filePath("bomb.npz").toStdString());
        QVERIFY(!bomb.ok());
        QVERIFY2(bomb.message().find("member 'x.npy'") != std::string::npos, bomb.message().c_str());
    }

    void headerFormatting() {
        std::string h = formatNpyHeader("<f4", false, {3});
        QCOMPARE(h.size() % 64, size_t(0));
        QVERIFY(h.find("'shape': (3,), }") != std::string::npos);
        h = formatNpyHeader("<f4", true, {2, 3});
        QVERIFY(h.find("'fortran_order': True, 'shape': (2, 3), }") != std::string::npos);
        QVERIFY(formatNpyHeader("<f4", false, {}).find("'shape': (), }") != std::string::npos);
        auto parsed = parseNpyHeader(reinterpret_cast<const uint8_t*>(h.data()), h.size(), "h");
        QVERIFY2(parsed.ok(), parsed.message().c_str());
        QCOMPARE(parsed->shape, (Shape{2, 3}));
        QVERIFY(parsed->fortranOrder);
        QCOMPARE(parsed->dataOffset, h.size());
    }
};

QTEST_GUILESS_MAIN(TestTensorFileIo)
#include "tst_tensor_file_io.moc"
