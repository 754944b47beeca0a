// LSTMs with enough hidden units run each direction in one parallel region that splits the
// hidden units between threads; these compare that path (2 and 3 threads) with the
// single-threaded one over directions, sequence lengths, peepholes, clip, input_forget,
// initial states and hidden sizes that do not split evenly; and, at batch 1 with R bound as a
// constant (an initializer) and W too, the packed recurrent product and the reordered input
// product against R and W passed as inputs.
#include "kernel_test_util.h"

#include "exec/fast_path.h"
#include "exec/kernel_runner.h"

#include <utility>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

struct Case {
    const char* name;
    const char* direction;
    int64_t hidden;
    bool peepholes, clip, inputForget, lens;
};

// An LSTM node for the case and random inputs in ONNX's order (X, W, R, B, sequence_lens,
// initial_h, initial_c, P); lengths need batch 3.
std::pair<NodeDesc, std::vector<Value>> lstmCase(const Case& c, int64_t seq, int64_t batch, int64_t input,
                                                 float clip, std::mt19937& rng) {
    const int64_t H = c.hidden, dirs = std::string(c.direction) == "bidirectional" ? 2 : 1;
    std::vector<Attribute> attrs{intAttr("hidden_size", H), stringAttr("direction", c.direction)};
    if (c.clip)
        attrs.push_back(floatAttr("clip", clip));
    if (c.inputForget)
        attrs.push_back(intAttr("input_forget", 1));
    const float scale = 1.0f / std::sqrt(static_cast<float>(H));
    std::vector<Value> in{randomTensor({seq, batch, input}, rng),
                          randomTensor({dirs, 4 * H, input}, rng, -scale, scale),
                          randomTensor({dirs, 4 * H, H}, rng, -scale, scale),
                          randomTensor({dirs, 8 * H}, rng, -0.1f, 0.1f),
                          c.lens ? Value(ints({batch}, {7, 3, 5})) : Value(),
                          randomTensor({dirs, batch, H}, rng),
                          randomTensor({dirs, batch, H}, rng),
                          c.peepholes ? Value(randomTensor({dirs, 3 * H}, rng)) : Value()};
    return {makeNode("LSTM", 8, 3, attrs, 14), std::move(in)};
}

// Every output of actual within 1e-5 of expected's; the message names the case and threads.
bool outputsAgree(const std::vector<Value>& actual, const std::vector<Value>& expected, const Case& c,
                  int threads, std::string* why) {
    if (actual.size() != expected.size()) {
        *why = std::string(c.name) + ": " + std::to_string(actual.size()) + " outputs";
        return false;
    }
    for (size_t o = 0; o < expected.size(); ++o)
        if (!allClose(actual[o].tensor, expected[o].tensor, 1e-5, 1e-6)) {
            *why = std::string(c.name) + ", output " + std::to_string(o) + ", " + std::to_string(threads) +
                   " threads";
            return false;
        }
    return true;
}

} // namespace

class TestRecurrentThreads : public QObject {
    Q_OBJECT
private slots:
    void lstmAgreesAcrossThreadCounts() {
        const Case cases[] = {
            {"forward", "forward", 64, false, false, false, false},
            {"uneven split, peepholes", "forward", 80, true, false, false, false},
            {"bidirectional, lengths", "bidirectional", 96, true, false, false, true},
            {"reverse, clip, input_forget", "reverse", 64, false, true, true, true},
        };
        std::mt19937 rng(21);
        for (const Case& c : cases) {
            const auto [node, in] = lstmCase(c, 7, 3, 10, 0.4f, rng);
            auto expected = runNode(cpuRegistry(), node, in, 1);
            QVERIFY2(expected.ok(), expected.message().c_str());
            for (int threads : {2, 3}) {
                auto actual = runNode(cpuRegistry(), node, in, threads);
                QVERIFY2(actual.ok(), actual.message().c_str());
                std::string why;
                QVERIFY2(outputsAgree(*actual, *expected, c, threads, &why), why.c_str());
            }
        }
    }

    void lstmWithConstantWeightsAtBatch1AgreesWithWeightsAsInputs() {
        // Hidden sizes whose thread slices end inside a 16-row strip and a 128-row panel.
        const Case cases[] = {
            {"forward", "forward", 256, false, false, false, false},
            {"uneven, peepholes, clip", "forward", 72, true, true, false, false},
            {"bidirectional", "bidirectional", 100, false, false, true, false},
            {"reverse, one thread's worth", "reverse", 40, false, false, false, false},
        };
        std::mt19937 rng(5);
        for (const Case& c : cases) {
            const auto [node, in] = lstmCase(c, 9, 1, 12, 0.5f, rng);
            auto expected = runNode(cpuRegistry(), node, in, 1);
            QVERIFY2(expected.ok(), expected.message().c_str());
            auto kernel = cpuRegistry().find(node)->create(node);
            QVERIFY2(kernel.ok(), kernel.message().c_str());
            auto* fast = dynamic_cast<FastPathKernel*>(kernel->get());
            QVERIFY(fast);
            fast->bindConstantInput(1, in[1].tensor);
            fast->bindConstantInput(2, in[2].tensor);
            for (int threads : {1, 2, 3}) {
                for (int repeat = 0; repeat < 2; ++repeat) { // the second call reuses the packing
                    auto actual = runKernel(**kernel, node, in, threads);
                    QVERIFY2(actual.ok(), actual.message().c_str());
                    std::string why;
                    QVERIFY2(outputsAgree(*actual, *expected, c, threads, &why), why.c_str());
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRecurrentThreads)
#include "tst_recurrent_threads.moc"
