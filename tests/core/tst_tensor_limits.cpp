// Tensor sizes from files and computed shapes: no constructor yields storage smaller than its
// shape, and every allocation is held to a share of physical memory
// (ONNXSCOPE_MEMORY_CAP_PERCENT), with an error that names the shape.
#include "core/memory_cap.h"
#include "core/tensor.h"

#include <QTest>

#include <stdexcept>
#include <unistd.h>

using namespace onnxscope;

class TestTensorLimits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Before anything reads the cap: it is read once per process.
        qputenv("ONNXSCOPE_MEMORY_CAP_PERCENT", "10");
        QCOMPARE(memoryCap().percent, 10);
        const uint64_t physical =
            static_cast<uint64_t>(::sysconf(_SC_PHYS_PAGES)) * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
        QCOMPARE(memoryCap().physicalBytes, physical);
        QCOMPARE(memoryCap().bytes, physical / 100 * 10);
    }

    void capSettingIsParsedStrictly_data() {
        QTest::addColumn<QByteArray>("setting");
        QTest::addColumn<int>("percent");
        QTest::newRow("unset") << QByteArray() << 75;
        QTest::newRow("50") << QByteArray("50") << 50;
        QTest::newRow("100") << QByteArray("100") << 100;
        QTest::newRow("0") << QByteArray("0") << 75;
        QTest::newRow("101") << QByteArray("101") << 75;
        QTest::newRow("50%") << QByteArray("50%") << 75;
        QTest::newRow("empty") << QByteArray("") << 75;
        QTest::newRow("-5") << QByteArray("-5") << 75;
    }
    void capSettingIsParsedStrictly() {
        QFETCH(QByteArray, setting);
        QFETCH(int, percent);
        MemoryCap cap = memoryCapFor(setting.isNull() ? nullptr : setting.constData());
        QCOMPARE(cap.percent, percent);
        QCOMPARE(cap.bytes, cap.physicalBytes / 100 * static_cast<uint64_t>(percent));
    }

    // The constructors used to compute a count of 0 for these and allocate nothing, leaving a
    // tensor whose shape promised exabytes.
    void overflowingShapesNeverGetStorage() {
        const Shape overflowing = {int64_t(1) << 40, int64_t(1) << 40};
        try {
            Tensor t(DataType::Float, overflowing);
            QFAIL("constructed a tensor whose element count overflows");
        } catch (const std::length_error& e) {
            QVERIFY2(std::string(e.what()).find("[1099511627776,1099511627776]") != std::string::npos,
                     e.what());
            QVERIFY2(std::string(e.what()).find("overflow") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(std::length_error, Tensor::uninitialized(DataType::Float, {-1, 4}));
        QVERIFY(!Tensor::allocate(DataType::Float, overflowing).ok());

        float backing[4] = {};
        auto view = Tensor::view(DataType::Float, overflowing, backing, nullptr);
        QVERIFY(!view.ok());
        QVERIFY2(view.message().find("overflow") != std::string::npos, view.message().c_str());
        auto fits = Tensor::view(DataType::Float, {2, 2}, backing, nullptr);
        QVERIFY(fits.ok());
        QCOMPARE(fits->elementCount(), 4);
    }

    void allocationsOverTheCapNameTheShape() {
        // A count that fits int64 but whose bytes are twice 10% of this machine's memory.
        const int64_t elements = static_cast<int64_t>(memoryCap().bytes / 2);
        auto tensor = Tensor::allocate(DataType::Float, {elements});
        QVERIFY(!tensor.ok());
        const std::string& m = tensor.message();
        QVERIFY2(m.find("tensor of shape [" + std::to_string(elements) + "] (float) needs") !=
                     std::string::npos,
                 m.c_str());
        QVERIFY2(m.find("over the memory cap of") != std::string::npos, m.c_str());
        QVERIFY2(m.find("10% of") != std::string::npos, m.c_str());
        QVERIFY2(m.find("ONNXSCOPE_MEMORY_CAP_PERCENT") != std::string::npos, m.c_str());
        QVERIFY_THROWS_EXCEPTION(std::length_error, Tensor(DataType::Float, {elements}));

        auto small = Tensor::allocate(DataType::Float, {1024});
        QVERIFY(small.ok());
        QCOMPARE(small->byteSize(), size_t(4096));
    }

    void bytesAreFormattedReadably() {
        QCOMPARE(formatBytes(512), std::string("512 bytes"));
        QCOMPARE(formatBytes(1536), std::string("1.5 KiB"));
        QCOMPARE(formatBytes(uint64_t(3) << 40), std::string("3.0 TiB"));
    }
};

QTEST_GUILESS_MAIN(TestTensorLimits)
#include "tst_tensor_limits.moc"
