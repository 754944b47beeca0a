// C = A B^T for a B that is the same on every call (an RNN's input weights W): oneDNN's matmul
// with B reordered once into the blocked layout the primitive prefers, instead of sgemm packing
// it again on every call (64x1024x256: 0.29 instead of 0.34 ms on one core here). Primitives
// are cached by A's row count and the thread count. Without oneDNN, or where it declines, sgemm.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace onnxscope {

class ConstantRightGemm {
public:
    // b: [n, k] row-major; it must outlive this object.
    ConstantRightGemm(const float* b, int64_t n, int64_t k);
    ~ConstantRightGemm();
    ConstantRightGemm(const ConstantRightGemm&) = delete;
    ConstantRightGemm& operator=(const ConstantRightGemm&) = delete;

    // c[m, n] = a[m, k] b^T, all row-major and dense.
    void run(const float* a, int64_t m, float* c, int threads) const;

private:
    struct Prepared;
    Prepared* prepare(int64_t m, int threads) const; // null: oneDNN declines

    const float* m_b;
    int64_t m_n, m_k;
    mutable std::mutex m_mutex;
    mutable std::map<std::pair<int64_t, int>, std::unique_ptr<Prepared>> m_cache;
};

} // namespace onnxscope
