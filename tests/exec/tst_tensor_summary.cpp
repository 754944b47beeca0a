// Tensor statistics the debugger shows and breaks on: the full summary, the small sketch drawn
// beside graph edges (exact range, sampled histogram, thumbnail of the first 2-D slice), and
// data-watch hits.
#include "exec/tensor_summary.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <numeric>

using namespace onnxscope;

class TestTensorSummary : public QObject {
    Q_OBJECT
private slots:
    void sketchRangeIsExactOverEveryElement();
    void sketchCountsNonFiniteValues();
    void sketchThumbnailAveragesTheFirstSlice();
    void sketchOfALargeTensorSamplesItsHistogram();
    void sketchOfIntegersAndScalars();
    void sketchRefusesStrings();
    void summaryMatchesSketch();
};

void TestTensorSummary::sketchRangeIsExactOverEveryElement() {
    // A single outlier far from the sample grid must still set the range: the histogram is
    // sampled, the range never is.
    Tensor t(DataType::Float, {1, 3, 100, 100});
    auto v = t.mutableValues<float>();
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = static_cast<float>(i % 7) * 0.5f;
    v[12345] = -40.0f;
    auto sketch = sketchTensor(t);
    QVERIFY2(sketch.ok(), sketch.message().c_str());
    QCOMPARE(sketch->min, -40.0);
    QCOMPARE(sketch->max, 3.0);
    QCOMPARE(sketch->count, int64_t(30000));
    QCOMPARE(sketch->shape, (Shape{1, 3, 100, 100}));
    double sum = std::accumulate(v.begin(), v.end(), 0.0);
    QVERIFY(std::abs(sketch->mean - sum / 30000.0) < 1e-9);
    QCOMPARE(sketch->histogram.size(), size_t(16));
    const uint64_t sampled = std::accumulate(sketch->histogram.begin(), sketch->histogram.end(), uint64_t(0));
    QVERIFY(sampled > 0 && sampled <= uint64_t(kSketchSample));
    // Everything but the outlier lies in [0, 3]: the top bins hold the sample, the lowest
    // bins (around -40) hold nothing unless the sample hit the outlier.
    QVERIFY(sketch->histogram.back() > 0);
}

void TestTensorSummary::sketchCountsNonFiniteValues() {
    Tensor t(DataType::Float, {2, 4});
    auto v = t.mutableValues<float>();
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = static_cast<float>(i);
    v[1] = std::numeric_limits<float>::quiet_NaN();
    v[6] = -std::numeric_limits<float>::infinity();
    auto sketch = sketchTensor(t, 4, 24);
    QVERIFY(sketch.ok());
    QCOMPARE(sketch->nanCount, int64_t(1));
    QCOMPARE(sketch->infCount, int64_t(1));
    QCOMPARE(sketch->finiteCount(), int64_t(6));
    QCOMPARE(sketch->min, 0.0);
    QCOMPARE(sketch->max, 7.0);
    // The thumbnail is the whole 2x4 tensor; its NaN and Inf cells read as NaN.
    QCOMPARE(sketch->thumbRows, 2);
    QCOMPARE(sketch->thumbCols, 4);
    QVERIFY(std::isnan(sketch->thumb[1]));
    QVERIFY(std::isnan(sketch->thumb[6]));
    QCOMPARE(sketch->thumb[7], 7.0f);
}

void TestTensorSummary::sketchThumbnailAveragesTheFirstSlice() {
    // NCHW: the thumbnail is channel 0 of batch 0, box-averaged from 48x48 to 24x24.
    Tensor t(DataType::Float, {1, 2, 48, 48});
    auto v = t.mutableValues<float>();
    for (int64_t c = 0; c < 2; ++c)
        for (int64_t y = 0; y < 48; ++y)
            for (int64_t x = 0; x < 48; ++x)
                v[static_cast<size_t>((c * 48 + y) * 48 + x)] = c == 0 ? static_cast<float>(y) : 1000.0f;
    auto sketch = sketchTensor(t, 16, 24);
    QVERIFY(sketch.ok());
    QCOMPARE(sketch->thumbRows, 24);
    QCOMPARE(sketch->thumbCols, 24);
    // Cell row r covers source rows 2r and 2r+1, so it averages to 2r + 0.5.
    for (int r = 0; r < 24; ++r)
        QCOMPARE(sketch->thumb[static_cast<size_t>(r * 24 + 5)], static_cast<float>(2 * r) + 0.5f);
    QCOMPARE(sketch->max, 1000.0); // the range still covers channel 1
}

void TestTensorSummary::sketchOfALargeTensorSamplesItsHistogram() {
    Tensor t(DataType::Float, {4, 1000, 1000});
    auto v = t.mutableValues<float>();
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = static_cast<float>(i % 1000) / 999.0f; // uniform over [0, 1]
    auto sketch = sketchTensor(t, 10, 24);
    QVERIFY(sketch.ok());
    const uint64_t sampled = std::accumulate(sketch->histogram.begin(), sketch->histogram.end(), uint64_t(0));
    QVERIFY2(sampled <= uint64_t(kSketchSample), QByteArray::number(qulonglong(sampled)));
    // A uniform distribution fills every bin roughly equally.
    for (uint32_t bin : sketch->histogram)
        QVERIFY2(bin > sampled / 20, QByteArray::number(bin));
    QCOMPARE(sketch->thumbRows, 24);
    QCOMPARE(sketch->thumbCols, 24);
}

void TestTensorSummary::sketchOfIntegersAndScalars() {
    Tensor ints(DataType::Int64, {5});
    auto v = ints.mutableValues<int64_t>();
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = static_cast<int64_t>(i) * 10 - 20;
    auto sketch = sketchTensor(ints);
    QVERIFY(sketch.ok());
    QCOMPARE(sketch->min, -20.0);
    QCOMPARE(sketch->max, 20.0);
    QCOMPARE(sketch->thumbRows, 1); // a vector is one row
    QCOMPARE(sketch->thumbCols, 5);

    auto scalar = sketchTensor(Tensor::scalar<float>(DataType::Float, 2.5f));
    QVERIFY(scalar.ok());
    QCOMPARE(scalar->min, 2.5);
    QCOMPARE(scalar->thumbRows, 0);
    QVERIFY(scalar->thumb.empty());
}

void TestTensorSummary::sketchRefusesStrings() {
    Tensor t(DataType::String, {2});
    auto sketch = sketchTensor(t);
    QVERIFY(!sketch.ok());
    QVERIFY(QString::fromStdString(sketch.message()).contains(QLatin1String("string"), Qt::CaseInsensitive));
}

void TestTensorSummary::summaryMatchesSketch() {
    Tensor t(DataType::Float, {3, 7});
    auto v = t.mutableValues<float>();
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = std::sin(static_cast<float>(i));
    auto summary = summarizeTensor(t);
    auto sketch = sketchTensor(t);
    QVERIFY(summary.ok() && sketch.ok());
    QCOMPARE(summary->min, sketch->min);
    QCOMPARE(summary->max, sketch->max);
    // The sketch adds in float blocks (it is drawn with three digits), the summary in double.
    QVERIFY(std::abs(summary->mean - sketch->mean) < 1e-6);
}

QTEST_GUILESS_MAIN(TestTensorSummary)
#include "tst_tensor_summary.moc"
