#include "core/float_types.h"
#include "core/tensor.h"

#include <QTest>

#include <cmath>

using namespace onnxscope;

class TestFloatTypes : public QObject {
    Q_OBJECT
private slots:
    void halfRoundTrips() {
        for (float v : {0.0f, 1.0f, -2.5f, 65504.0f, 6.1035156e-05f, 5.9604645e-08f}) {
            QCOMPARE(halfToFloat(floatToHalf(v)), v);
        }
        QCOMPARE(floatToHalf(1e6f), uint16_t(0x7c00)); // overflow to +Inf
        QVERIFY(std::isnan(halfToFloat(floatToHalf(NAN))));
        // 1 + 2^-11 is exactly half-way between 1 and the next half: ties to even gives 1.
        QCOMPARE(floatToHalf(1.0f + 1.0f / 2048), uint16_t(0x3c00));
    }
    void bfloat16Rounds() {
        QCOMPARE(bfloat16ToFloat(floatToBfloat16(1.0f)), 1.0f);
        QCOMPARE(floatToBfloat16(3.0f), uint16_t(0x4040));
        QVERIFY(std::isnan(bfloat16ToFloat(floatToBfloat16(NAN))));
    }
    void float8Limits() {
        QCOMPARE(smallFloatToFloat(DataType::Float8E4M3FN, 0x7e), 448.0f);
        QVERIFY(std::isnan(smallFloatToFloat(DataType::Float8E4M3FN, 0x7f)));
        QCOMPARE(floatToSmallFloat(DataType::Float8E4M3FN, 1000.0f, true), uint8_t(0x7e));
        QCOMPARE(floatToSmallFloat(DataType::Float8E4M3FN, 1000.0f, false), uint8_t(0x7f));
        QCOMPARE(smallFloatToFloat(DataType::Float8E5M2, 0x7b), 57344.0f);
        QVERIFY(std::isinf(smallFloatToFloat(DataType::Float8E5M2, 0x7c)));
        QCOMPARE(floatToSmallFloat(DataType::Float8E5M2, 1e6f, false), uint8_t(0x7c));
        QCOMPARE(smallFloatToFloat(DataType::Float8E4M3FNUZ, 0x7f), 240.0f);
        QVERIFY(std::isnan(smallFloatToFloat(DataType::Float8E4M3FNUZ, 0x80)));
        QCOMPARE(floatToSmallFloat(DataType::Float8E4M3FNUZ, -0.0f), uint8_t(0)); // no negative zero
        QCOMPARE(smallFloatToFloat(DataType::Float4E2M1, 0x7), 6.0f);
        QCOMPARE(floatToSmallFloat(DataType::Float4E2M1, 2.5f), uint8_t(0x4)); // tie to even: 2
        QCOMPARE(smallFloatToFloat(DataType::Float8E8M0, 127), 1.0f);
    }
    void allocateRejectsOverflow() {
        auto t = Tensor::allocate(DataType::Float, {1LL << 40, 1LL << 40});
        QVERIFY(!t.ok());
        QVERIFY(t.message().find("[1099511627776,1099511627776]") != std::string::npos);
        auto n = Tensor::allocate(DataType::Float, {2, -1});
        QVERIFY(!n.ok());
    }
};

QTEST_GUILESS_MAIN(TestFloatTypes)
#include "tst_float_types.moc"
