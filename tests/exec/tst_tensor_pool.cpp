// Tensor storage reuse: tensors of 64 KiB and more live in an arena (core/storage_arena.h) where
// a freed range serves the next tensor that fits it, which must still see a zeroed tensor unless
// it asked for uninitialized storage.
#include "core/tensor.h"

#include <QTest>

#include <cstring>
#include <string>

using namespace onnxscope;

class TestTensorPool : public QObject {
    Q_OBJECT
private slots:
    void freedBlocksServeTheNextTensorZeroed() {
        const Shape shape{1, 64, 32, 32}; // 256 KiB of floats
        const void* address = nullptr;
        {
            Tensor dirty = Tensor::uninitialized(DataType::Float, shape);
            std::memset(dirty.mutableRawData(), 0xff, dirty.byteSize());
            address = dirty.rawData();
        }
        Tensor reused(DataType::Float, {1, 60, 32, 32}); // a little smaller: fits the freed range
#ifndef __SANITIZE_ADDRESS__                             // sanitized builds free every block at once
        QCOMPARE(reused.rawData(), address);
#endif
        for (float v : reused.values<float>())
            QCOMPARE(v, 0.0f);
        Tensor copy = reused.clone();
        QVERIFY(copy.rawData() != reused.rawData());
        QCOMPARE(std::memcmp(copy.rawData(), reused.rawData(), reused.byteSize()), 0);
    }

    void sharedStorageIsNotReusedWhileAViewLives() {
        const void* address = nullptr;
        Tensor view;
        {
            Tensor t(DataType::Float, {128, 256});
            address = t.rawData();
            view = *t.reshaped({256, 128});
        }
        Tensor other(DataType::Float, {128, 256});
        QVERIFY(other.rawData() != address);
        QCOMPARE(view.rawData(), address);
    }

    void stringTensorsStartEmptyEvenUninitialized() {
        Tensor s = Tensor::uninitialized(DataType::String, {5000});
        for (const std::string& v : s.values<std::string>())
            QVERIFY(v.empty());
    }
};

QTEST_GUILESS_MAIN(TestTensorPool)
#include "tst_tensor_pool.moc"
