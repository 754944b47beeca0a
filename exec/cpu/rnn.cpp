// RNN, GRU and LSTM: forward, reverse and bidirectional, sequence_lens, initial states,
// peepholes, clip, input_forget, linear_before_reset, layout, and the activations list with
// activation_alpha/beta. The input projection of every time step is one GEMM up front; each
// step then does one [batch, hidden] x [hidden, gates*hidden] GEMM for the recurrence (LSTM:
// one per thread over its share of the hidden units, see lstmSlicedDirection).
#include "rnn.h"

#include "exec/cpu/constant_gemm.h"
#include "exec/cpu/nn_util.h"
#include "exec/cpu/packed_rows.h"
#include "exec/cpu/sgemm.h"
#include "exec/cpu/vector_math.h"
#include "exec/fast_path.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

#include <omp.h>

namespace onnxscope {

namespace {

// out[b, g] = sum_k h[b, k] * r[g, k] (h x R^T) for one time step: oneDNN's GEMV/GEMM where
// built with it (R is read once per step, so its speed is the step's), else the reference.
void recurrentProduct(int64_t batch, int64_t rows, int64_t hidden, const float* h, const float* r, float* out,
                      int64_t ldOut, int threads) {
    sgemm(false, true, batch, rows, hidden, 1.0f, h, hidden, r, hidden, 0.0f, out, ldOut, threads);
}

enum class CellKind { Rnn, Gru, Lstm };

struct Activation;

// One direction of an LSTM, for the parallel path below.
struct LstmDirection {
    int64_t seq = 0, batch = 0, H = 0;
    bool reverse = false, hasClip = false, inputForget = false;
    float clip = 0;
    float* xw = nullptr;             // [seq, batch, 4H] input projections, biases included; overwritten
    const float* r = nullptr;        // [4H, H]
    const float* peep = nullptr;     // [3H]
    const Activation* act = nullptr; // f, g, h
    const int64_t* lens = nullptr;   // per batch entry
    float* h = nullptr;              // [batch, H] in: initial state, out: final state
    float* c = nullptr;              // [batch, H] likewise
    float* y = nullptr;              // Y's [batch, H] block of step 0 for this direction
    int64_t yStepStride = 0;         // floats from one step's block to the next
    // At batch 1 with a constant R: each thread's rows of R, packed (see lstmRowsOf), for a
    // team of this many threads; null otherwise.
    const std::vector<PackedRows>* packed = nullptr;
};

// The hidden units [first, first + count) one thread of a team owns in lstmSlicedDirection.
struct HiddenSlice {
    int64_t first = 0, count = 0;
};
HiddenSlice hiddenSliceOf(int64_t H, int64_t team, int64_t me) {
    const int64_t share = ((H + team - 1) / team + 15) / 16 * 16; // whole cache lines
    const int64_t first = std::min(H, me * share);
    return {first, std::min(H, first + share) - first};
}

// The rows of R ([4H, H]) whose products a thread needs: its hidden units' rows of each gate.
std::vector<int64_t> lstmRowsOf(int64_t H, HiddenSlice slice) {
    std::vector<int64_t> rows;
    for (int64_t k = 0; k < 4; ++k)
        for (int64_t j = 0; j < slice.count; ++j)
            rows.push_back(k * H + slice.first + j);
    return rows;
}

void lstmSlicedDirection(const LstmDirection& d, int threads);

struct Activation {
    std::string name;
    float alpha = 0, beta = 0;
    // Sigmoid and Tanh (the defaults) over a whole gate at once, in place; others per element.
    void apply(float* v, int64_t n) const {
        if (name == "Sigmoid")
            vecmath::sigmoid(v, v, n);
        else if (name == "Tanh")
            vecmath::tanh(v, v, n);
        else
            for (int64_t i = 0; i < n; ++i)
                v[i] = (*this)(v[i]);
    }
    float operator()(float x) const {
        if (name == "Sigmoid")
            return 1.0f / (1.0f + std::exp(-x));
        if (name == "Tanh")
            return std::tanh(x);
        if (name == "Relu")
            return std::max(0.0f, x);
        if (name == "Affine")
            return alpha * x + beta;
        if (name == "LeakyRelu")
            return x >= 0 ? x : alpha * x;
        if (name == "ThresholdedRelu")
            return x > alpha ? x : 0.0f;
        if (name == "ScaledTanh")
            return alpha * std::tanh(beta * x);
        if (name == "HardSigmoid")
            return std::clamp(alpha * x + beta, 0.0f, 1.0f);
        if (name == "Elu")
            return x >= 0 ? x : alpha * (std::exp(x) - 1.0f);
        if (name == "Softsign")
            return x / (1.0f + std::fabs(x));
        return std::log1p(std::exp(x)); // Softplus
    }
};

// Canonical spelling (the spec's names are case-insensitive in practice) and default alpha/beta;
// false for an unknown name.
bool canonicalActivation(const std::string& raw, Activation& a, int& params) {
    static const struct {
        const char* name;
        int params;
        float alpha, beta;
    } known[] = {{"Sigmoid", 0, 0, 0},       {"Tanh", 0, 0, 0},
                 {"Relu", 0, 0, 0},          {"Affine", 2, 1, 0},
                 {"LeakyRelu", 1, 0.01f, 0}, {"ThresholdedRelu", 1, 1, 0},
                 {"ScaledTanh", 2, 1, 1},    {"HardSigmoid", 2, 0.2f, 0.5f},
                 {"Elu", 1, 1, 0},           {"Softsign", 0, 0, 0},
                 {"Softplus", 0, 0, 0}};
    for (const auto& k : known) {
        if (std::equal(raw.begin(), raw.end(), k.name, k.name + std::strlen(k.name),
                       [](char x, char y) { return std::tolower(x) == std::tolower(y); })) {
            a = {k.name, k.alpha, k.beta};
            params = k.params;
            return true;
        }
    }
    return false;
}

// Below this hidden size a step is too small to share between threads.
constexpr int64_t kSlicedMinHidden = 64;

// An LSTM direction (every LSTM runs here; alone on one thread below kSlicedMinHidden) in one
// parallel region: each thread owns a range of hidden units, computes
// their four gates' recurrent products (its rows of R, which then stay in its core's cache
// across steps, where all of R would not) and their cell updates, and the threads meet once per
// step, when the new h is complete. The per-step alternative, a parallel GEMV followed by
// single-threaded gate math, forks and joins every step and leaves the gate math serial.
void lstmSlicedDirection(const LstmDirection& d, int threads) {
    const int64_t H = d.H, G = 4 * H, batch = d.batch;
    std::vector<float> other(static_cast<size_t>(batch * H));
    float* finalH = d.h;
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const int64_t team = omp_get_num_threads(), me = omp_get_thread_num();
        const HiddenSlice slice = hiddenSliceOf(H, team, me);
        const int64_t j0 = slice.first, n = slice.count;
        std::vector<float> gates(static_cast<size_t>(4 * std::max<int64_t>(n, 1)));
        const PackedRows* packed = d.packed && static_cast<int64_t>(d.packed->size()) == team
                                       ? &(*d.packed)[static_cast<size_t>(me)]
                                       : nullptr;
        std::vector<float> products(packed ? static_cast<size_t>(packed->paddedRows()) : 0);
        float *gi = gates.data(), *gf = gi + n, *gc = gf + n, *go = gc + n;
        auto clipped = [&](float v) { return d.hasClip ? std::clamp(v, -d.clip, d.clip) : v; };
        float* cur = d.h;
        float* next = other.data();
        for (int64_t step = 0; step < d.seq; ++step) {
            const int64_t t = d.reverse ? d.seq - 1 - step : step;
            float* xt = d.xw + t * batch * G;
            if (packed) { // batch 1: the gates' rows of this thread, in their order
                for (int64_t k = 0; k < 4; ++k)
                    std::copy(xt + k * H + j0, xt + k * H + j0 + n, products.data() + k * n);
                packed->accumulate(cur, products.data(), step % 2 == 1);
                for (int64_t k = 0; k < 4; ++k)
                    std::copy(products.data() + k * n, products.data() + (k + 1) * n, xt + k * H + j0);
            } else if (n == H) // one thread: the four gates' rows are one block
                sgemm(false, true, batch, G, H, 1.0f, cur, H, d.r, H, 1.0f, xt, G, 1);
            else
                for (int k = 0; k < 4 && n > 0; ++k)
                    sgemm(false, true, batch, n, H, 1.0f, cur, H, d.r + (k * H + j0) * H, H, 1.0f,
                          xt + k * H + j0, G, 1);
            for (int64_t b = 0; b < batch && n > 0; ++b) {
                const float* hPrev = cur + b * H + j0;
                float* hb = next + b * H + j0;
                if (t >= d.lens[b]) { // finished: keeps its state, emits zeros
                    std::copy(hPrev, hPrev + n, hb);
                    continue;
                }
                const float* g = xt + b * G;
                const float* pi = d.peep + j0;
                const float* po = d.peep + H + j0;
                const float* pf = d.peep + 2 * H + j0;
                float* cs = d.c + b * H + j0;
                // ONNX's gate order: i, o, f, c.
                for (int64_t j = 0; j < n; ++j) {
                    gi[j] = clipped(g[j0 + j] + pi[j] * cs[j]);
                    gf[j] = clipped(g[2 * H + j0 + j] + pf[j] * cs[j]);
                    gc[j] = clipped(g[3 * H + j0 + j]);
                }
                d.act[0].apply(gi, n);
                if (d.inputForget)
                    for (int64_t j = 0; j < n; ++j)
                        gf[j] = 1.0f - gi[j];
                else
                    d.act[0].apply(gf, n);
                d.act[1].apply(gc, n);
                for (int64_t j = 0; j < n; ++j) {
                    cs[j] = gf[j] * cs[j] + gi[j] * gc[j];
                    go[j] = clipped(g[H + j0 + j] + po[j] * cs[j]);
                }
                d.act[0].apply(go, n);
                std::copy(cs, cs + n, hb);
                d.act[2].apply(hb, n);
                for (int64_t j = 0; j < n; ++j)
                    hb[j] *= go[j];
                std::copy(hb, hb + n, d.y + t * d.yStepStride + b * H + j0);
            }
#pragma omp barrier
            std::swap(cur, next);
        }
#pragma omp single
        finalH = cur;
    }
    if (finalH != d.h)
        std::copy(finalH, finalH + batch * H, d.h);
}

// A fast path only in that constant W and R are handed over once per session: the input
// product reorders W once (ConstantRightGemm), and LSTMs at batch 1 pack R (PackedRows) per
// team size and direction, once.
class RecurrentKernel final : public FastPathKernel {
public:
    RecurrentKernel(const NodeDesc& node, CellKind kind)
        : m_node(node)
        , m_kind(kind) {}

    Status compute(KernelContext& ctx) const override {
        const char* op = m_kind == CellKind::Rnn ? "RNN" : m_kind == CellKind::Gru ? "GRU" : "LSTM";
        const int gates = m_kind == CellKind::Rnn ? 1 : m_kind == CellKind::Gru ? 3 : 4;
        const Tensor* xT = ctx.inputTensor(0);
        const Tensor* wT = ctx.inputTensor(1);
        const Tensor* rT = ctx.inputTensor(2);
        if (!xT || !wT || !rT)
            return Status::error(std::string(op) + " needs X, W and R");
        if (!isFloatLike(xT->dataType()))
            return Status::error(std::string(op) + " does not support element type " +
                                 std::string(dataTypeName(xT->dataType())));
        const std::string direction = m_node.getString("direction", "forward");
        if (direction != "forward" && direction != "reverse" && direction != "bidirectional")
            return Status::error("unknown direction '" + direction + "'");
        const int dirs = direction == "bidirectional" ? 2 : 1;
        const int layout = static_cast<int>(m_node.getInt("layout", 0));
        if (xT->rank() != 3 || wT->rank() != 3 || rT->rank() != 3)
            return Status::error(std::string(op) + " X, W and R must be 3-D");
        const int64_t seq = layout ? xT->dim(1) : xT->dim(0);
        const int64_t batch = layout ? xT->dim(0) : xT->dim(1);
        const int64_t inputSize = xT->dim(2);
        const int64_t H = m_node.getInt("hidden_size", rT->dim(2));
        if (wT->shape() != Shape{dirs, gates * H, inputSize} || rT->shape() != Shape{dirs, gates * H, H})
            return Status::error(std::string(op) + " W " + shapeToString(wT->shape()) + " or R " +
                                 shapeToString(rT->shape()) + " does not match " + std::to_string(dirs) +
                                 " direction(s), hidden_size " + std::to_string(H) + ", input size " +
                                 std::to_string(inputSize));
        // Activations: per direction, f (and g, h).
        const int perDir = m_kind == CellKind::Rnn ? 1 : m_kind == CellKind::Gru ? 2 : 3;
        std::vector<std::string> names = m_node.getStrings("activations");
        if (names.empty()) {
            const std::vector<std::string> defaults =
                m_kind == CellKind::Rnn   ? std::vector<std::string>{"Tanh"}
                : m_kind == CellKind::Gru ? std::vector<std::string>{"Sigmoid", "Tanh"}
                                          : std::vector<std::string>{"Sigmoid", "Tanh", "Tanh"};
            for (int d = 0; d < dirs; ++d)
                names.insert(names.end(), defaults.begin(), defaults.end());
        }
        if (static_cast<int>(names.size()) != perDir * dirs)
            return Status::error(std::string(op) + " expects " + std::to_string(perDir * dirs) +
                                 " activations, got " + std::to_string(names.size()));
        const auto alphas = m_node.getFloats("activation_alpha"), betas = m_node.getFloats("activation_beta");
        std::vector<Activation> acts(names.size());
        size_t ai = 0, bi = 0;
        for (size_t i = 0; i < names.size(); ++i) {
            int params = 0;
            if (!canonicalActivation(names[i], acts[i], params))
                return Status::error(std::string(op) + " activation '" + names[i] + "' is not supported");
            if (params >= 1 && ai < alphas.size())
                acts[i].alpha = alphas[ai++];
            if (params >= 2 && bi < betas.size())
                acts[i].beta = betas[bi++];
        }
        const float clip = m_node.getFloat("clip", 0.0f);
        const bool hasClip = m_node.hasAttribute("clip");
        const bool inputForget = m_node.getInt("input_forget", 0) != 0;
        const bool linearBeforeReset = m_node.getInt("linear_before_reset", 0) != 0;

        // Inputs as float, X in [seq, batch, input] order.
        Tensor x = toFloat(*xT);
        if (layout)
            x = transpose01(x);
        Tensor w = toFloat(*wT), r = toFloat(*rT);
        const bool constantW = wT->dataType() == DataType::Float && m_constantW.isValid() &&
                               m_constantW.rawData() == wT->rawData();
        std::vector<float> bias(static_cast<size_t>(dirs * 2 * gates * H), 0.0f);
        if (const Tensor* b = ctx.inputTensor(3)) {
            if (b->elementCount() != dirs * 2 * gates * H)
                return Status::error(std::string(op) + " B must have shape " +
                                     shapeToString(Shape{dirs, 2 * gates * H}));
            Tensor fb = toFloat(*b);
            std::copy(fb.data<float>(), fb.data<float>() + fb.elementCount(), bias.begin());
        }
        std::vector<int64_t> lens(static_cast<size_t>(batch), seq);
        if (const Tensor* sl = ctx.inputTensor(4)) {
            OS_ASSIGN_OR_RETURN(lens, readInts(*sl, "sequence_lens"));
            if (static_cast<int64_t>(lens.size()) != batch)
                return Status::error("sequence_lens must have " + std::to_string(batch) + " entries");
            for (int64_t l : lens)
                if (l < 0 || l > seq)
                    return Status::error("sequence_lens entry " + std::to_string(l) + " is outside [0, " +
                                         std::to_string(seq) + "]");
        }
        auto initial = [&](int index, const char* what) -> Result<Tensor> {
            const Tensor* t = ctx.inputTensor(index);
            Tensor out(DataType::Float, {dirs, batch, H});
            if (!t)
                return out;
            if (t->elementCount() != dirs * batch * H)
                return Status::error(std::string(op) + " " + what + " has shape " +
                                     shapeToString(t->shape()));
            Tensor f = toFloat(*t);
            return layout ? transpose01(f) : f.clone();
        };
        OS_ASSIGN_OR_RETURN(Tensor h, initial(5, "initial_h"));
        Tensor c(DataType::Float, {dirs, batch, H});
        std::vector<float> peep(static_cast<size_t>(dirs * 3 * H), 0.0f);
        if (m_kind == CellKind::Lstm) {
            OS_ASSIGN_OR_RETURN(c, initial(6, "initial_c"));
            if (const Tensor* p = ctx.inputTensor(7)) {
                if (p->elementCount() != dirs * 3 * H)
                    return Status::error("LSTM P must have shape " + shapeToString(Shape{dirs, 3 * H}));
                Tensor fp = toFloat(*p);
                std::copy(fp.data<float>(), fp.data<float>() + fp.elementCount(), peep.begin());
            }
        }

        Tensor y(DataType::Float, {seq, dirs, batch, H});
        const int threads = ctx.threadCount();
        const int64_t G = gates * H;
        std::vector<float> xw(static_cast<size_t>(seq * batch * G)), hr(static_cast<size_t>(batch * G));
        std::vector<float> rh(static_cast<size_t>(batch * H)), hNew(static_cast<size_t>(batch * H));
        for (int d = 0; d < dirs; ++d) {
            const bool reverse = direction == "reverse" || d == 1;
            const float* wd = w.data<float>() + d * G * inputSize;
            const float* rd = r.data<float>() + d * G * H;
            const float* wb = bias.data() + d * 2 * G;
            const float* rb = wb + G;
            const Activation* act = acts.data() + d * perDir;
            float* hd = h.data<float>() + d * batch * H;
            float* cd = c.data<float>() + d * batch * H;
            const float* pd = peep.data() + d * 3 * H;
            // Input projection of all steps at once: [seq*batch, input] x W^T.
            if (constantW)
                inputProduct(d, wd, G, inputSize).run(x.data<float>(), seq * batch, xw.data(), threads);
            else
                sgemm(false, true, seq * batch, G, inputSize, 1.0f, x.data<float>(), inputSize, wd, inputSize,
                      0.0f, xw.data(), G, threads);
            if (m_kind == CellKind::Lstm) {
                std::vector<float> gateBias(static_cast<size_t>(G));
                for (int64_t g = 0; g < G; ++g)
                    gateBias[static_cast<size_t>(g)] = wb[g] + rb[g];
                for (int64_t row = 0; row < seq * batch; ++row) {
                    float* out = xw.data() + row * G;
                    const float* sum = gateBias.data();
#pragma omp simd
                    for (int64_t g = 0; g < G; ++g)
                        out[g] += sum[g];
                }
                LstmDirection job{seq,
                                  batch,
                                  H,
                                  reverse,
                                  hasClip,
                                  inputForget,
                                  clip,
                                  xw.data(),
                                  rd,
                                  pd,
                                  act,
                                  lens.data(),
                                  hd,
                                  cd,
                                  y.data<float>() + d * batch * H,
                                  dirs * batch * H};
                const int team = H >= kSlicedMinHidden ? (threads > 0 ? threads : omp_get_max_threads()) : 1;
                if (batch == 1 && m_constantR.isValid() && m_constantR.rawData() == rT->rawData() &&
                    m_constantR.dataType() == DataType::Float)
                    job.packed = packedRows(team, d, rd, H);
                lstmSlicedDirection(job, team);
                continue;
            }
            for (int64_t step = 0; step < seq; ++step) {
                const int64_t t = reverse ? seq - 1 - step : step;
                const float* xt = xw.data() + t * batch * G;
                // Recurrent projection (GRU without linear_before_reset does the h gate later).
                const int64_t recurrentRows = m_kind == CellKind::Gru && !linearBeforeReset ? 2 * H : G;
                recurrentProduct(batch, recurrentRows, H, hd, rd, hr.data(), G, threads);
                auto gate = [&](int64_t b, int k, int64_t j) {
                    float v = xt[b * G + k * H + j] + hr[b * G + k * H + j] + wb[k * H + j] + rb[k * H + j];
                    return v;
                };
                auto clipped = [&](float v) { return hasClip ? std::clamp(v, -clip, clip) : v; };
                if (m_kind == CellKind::Gru) {
                    // r gate first, needed for the h gate.
                    for (int64_t b = 0; b < batch; ++b)
                        for (int64_t j = 0; j < H; ++j)
                            rh[b * H + j] = act[0](clipped(gate(b, 1, j)));
                    std::vector<float> hGate(static_cast<size_t>(batch * H));
                    if (!linearBeforeReset) {
                        std::vector<float> rTimesH(static_cast<size_t>(batch * H));
                        for (int64_t i = 0; i < batch * H; ++i)
                            rTimesH[i] = rh[i] * hd[i];
                        recurrentProduct(batch, H, H, rTimesH.data(), rd + 2 * H * H, hGate.data(), H,
                                         threads);
                        for (int64_t b = 0; b < batch; ++b)
                            for (int64_t j = 0; j < H; ++j)
                                hGate[b * H + j] += rb[2 * H + j];
                    } else {
                        for (int64_t b = 0; b < batch; ++b)
                            for (int64_t j = 0; j < H; ++j)
                                hGate[b * H + j] = rh[b * H + j] * (hr[b * G + 2 * H + j] + rb[2 * H + j]);
                    }
                    for (int64_t b = 0; b < batch; ++b)
                        for (int64_t j = 0; j < H; ++j) {
                            const float z = act[0](clipped(gate(b, 0, j)));
                            const float hh =
                                act[1](clipped(xt[b * G + 2 * H + j] + wb[2 * H + j] + hGate[b * H + j]));
                            hNew[b * H + j] = (1.0f - z) * hh + z * hd[b * H + j];
                        }
                } else {
                    for (int64_t b = 0; b < batch; ++b)
                        for (int64_t j = 0; j < H; ++j)
                            hNew[b * H + j] = act[0](clipped(gate(b, 0, j)));
                }
                // Commit states of the sequences still running; finished ones keep their state
                // and emit zeros.
                for (int64_t b = 0; b < batch; ++b) {
                    float* yOut = y.data<float>() + ((t * dirs + d) * batch + b) * H;
                    if (t >= lens[static_cast<size_t>(b)])
                        continue;
                    std::copy(hNew.begin() + b * H, hNew.begin() + (b + 1) * H, hd + b * H);
                    std::copy(hNew.begin() + b * H, hNew.begin() + (b + 1) * H, yOut);
                }
            }
        }
        const DataType type = xT->dataType();
        if (ctx.outputCount() > 0 && !(m_node.outputs.size() > 0 && m_node.outputs[0].empty()))
            ctx.setOutput(0, fromFloat(layout ? transposeY(y) : y, type));
        if (ctx.outputCount() > 1)
            ctx.setOutput(1, fromFloat(layout ? transpose01(h) : h, type));
        if (m_kind == CellKind::Lstm && ctx.outputCount() > 2)
            ctx.setOutput(2, fromFloat(layout ? transpose01(c) : c, type));
        return Status();
    }

    void bindConstantInput(int index, const Tensor& value) override {
        std::lock_guard lock(m_packMutex);
        if (index == 1) {
            m_constantW = value;
            m_inputProducts.clear();
        } else if (index == 2) {
            m_constantR = value;
            m_packed.clear();
        }
    }
    bool handles(const KernelContext&) const override {
        return true;
    }

private:
    // [a, b, rest] -> [b, a, rest]
    static Tensor transpose01(const Tensor& t) {
        const int64_t a = t.dim(0), b = t.dim(1), rest = t.elementCount() / std::max<int64_t>(1, a * b);
        Shape s = t.shape();
        std::swap(s[0], s[1]);
        Tensor out(DataType::Float, s);
        for (int64_t i = 0; i < a; ++i)
            for (int64_t j = 0; j < b; ++j)
                std::copy(t.data<float>() + (i * b + j) * rest, t.data<float>() + (i * b + j + 1) * rest,
                          out.data<float>() + (j * a + i) * rest);
        return out;
    }
    // Y [seq, dirs, batch, H] -> [batch, seq, dirs, H]
    static Tensor transposeY(const Tensor& y) {
        const int64_t seq = y.dim(0), dirs = y.dim(1), batch = y.dim(2), H = y.dim(3);
        Tensor out(DataType::Float, {batch, seq, dirs, H});
        for (int64_t s = 0; s < seq; ++s)
            for (int64_t d = 0; d < dirs; ++d)
                for (int64_t b = 0; b < batch; ++b)
                    std::copy(y.data<float>() + ((s * dirs + d) * batch + b) * H,
                              y.data<float>() + ((s * dirs + d) * batch + b + 1) * H,
                              out.data<float>() + ((b * seq + s) * dirs + d) * H);
        return out;
    }

    // R of direction d (rd, [4H, H]) packed for each thread of a team of `team`.
    const std::vector<PackedRows>* packedRows(int team, int d, const float* rd, int64_t H) const {
        std::lock_guard lock(m_packMutex);
        auto& slot = m_packed[{team, d}];
        if (!slot) {
            slot = std::make_unique<std::vector<PackedRows>>();
            for (int me = 0; me < team; ++me)
                slot->emplace_back(rd, H, lstmRowsOf(H, hiddenSliceOf(H, team, me)));
        }
        return slot.get();
    }

    // X W^T for direction d of a constant W (wd: its [G, input] block).
    const ConstantRightGemm& inputProduct(int d, const float* wd, int64_t G, int64_t inputSize) const {
        std::lock_guard lock(m_packMutex);
        auto& slot = m_inputProducts[d];
        if (!slot)
            slot = std::make_unique<ConstantRightGemm>(wd, G, inputSize);
        return *slot;
    }

    NodeDesc m_node;
    CellKind m_kind;
    Tensor m_constantW; // W when it is the same on every run (an initializer)
    mutable std::map<int, std::unique_ptr<ConstantRightGemm>> m_inputProducts; // by direction
    Tensor m_constantR;                                                        // R likewise
    mutable std::mutex m_packMutex;
    mutable std::map<std::pair<int, int>, std::unique_ptr<std::vector<PackedRows>>>
        m_packed; // (team, direction)
};

template <CellKind Kind> Result<std::unique_ptr<Kernel>> makeRecurrent(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new RecurrentKernel(node, Kind));
}

} // namespace

void registerRecurrentKernels(KernelRegistry& registry) {
    registry.add("RNN", 1, &makeRecurrent<CellKind::Rnn>);
    registry.add("GRU", 1, &makeRecurrent<CellKind::Gru>);
    registry.add("LSTM", 1, &makeRecurrent<CellKind::Lstm>);
}

} // namespace onnxscope
