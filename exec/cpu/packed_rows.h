// Rows of a constant matrix packed for y += M h with one vector h per call: the recurrent
// product of an RNN step at batch 1, which reads all of M once per step.
//
// The rows are grouped in panels of up to 128 and each panel is stored column by column
// ([k][row], zero-padded to whole 16-row strips), so a product streams M once, sequentially,
// into 8 vector accumulators per panel. Against oneDNN's GEMV on the plain [rows, k] matrix,
// which reads one dot product's row at a time, a 2-layer LSTM's 128 steps of 1024x256 took
// 1.49 instead of 1.75 ms on one core here.
#pragma once

#include "core/tensor.h"

#include <cstdint>
#include <vector>

namespace onnxscope {

class PackedRows {
public:
    static constexpr int64_t kPanelRows = 128;

    PackedRows() = default;
    // The listed rows of m (row-major, `cols` floats per row), in that order.
    PackedRows(const float* m, int64_t cols, const std::vector<int64_t>& rows);

    int64_t rowCount() const { return m_rows; }
    // The floats accumulate() may touch in acc: rowCount() rounded up to 16.
    int64_t paddedRows() const { return (m_rows + 15) / 16 * 16; }
    // acc[i] += sum_k m[rows[i]][k] * h[k] for every listed row; acc holds paddedRows() floats
    // (the padding receives zeros' products). backwards: visit the panels last to first, which
    // gives the same sums. Alternating directions between calls starts each call on the panels
    // the previous one read last, still in cache: where the matrix is a little larger than L2,
    // one direction always would evict every panel just before its next use.
    void accumulate(const float* h, float* acc, bool backwards = false) const;

private:
    int64_t m_rows = 0;
    int64_t m_cols = 0;
    Tensor m_panels; // 64-byte aligned
};

} // namespace onnxscope
