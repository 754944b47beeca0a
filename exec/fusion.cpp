#include "fusion.h"

#include "constant_kernel.h"
#include "cpu/dnnl_kernels.h"
#include "cpu/fused_gelu.h"
#include "execution_plan.h"
#include "fused_group_kernel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace onnxscope {

namespace {

// What the passes need to know about the plan's values.
struct ValueIndex {
    std::vector<int> producer;             // slot -> node, -1 for inputs and initializers
    std::vector<int> readerCount;          // explicit and implicit reads
    std::vector<std::vector<int>> readers; // slot -> reading nodes, once per read
    std::map<int, Tensor> constants;       // initializers no graph input overrides

    explicit ValueIndex(const ExecutionPlan& plan) {
        const size_t slots = plan.slotNames.size();
        producer.assign(slots, -1);
        readerCount.assign(slots, 0);
        readers.assign(slots, {});
        for (size_t i = 0; i < plan.nodes.size(); ++i) {
            const PlannedNode& n = plan.nodes[i];
            for (int s : n.outputSlots)
                if (s >= 0)
                    producer[static_cast<size_t>(s)] = static_cast<int>(i);
            auto read = [&](int s) {
                if (s < 0)
                    return;
                ++readerCount[static_cast<size_t>(s)];
                readers[static_cast<size_t>(s)].push_back(static_cast<int>(i));
            };
            for (int s : n.inputSlots)
                read(s);
            for (int s : n.implicitSlots)
                read(s);
        }
        std::set<int> overridable(plan.inputSlots.begin(), plan.inputSlots.end());
        for (const auto& [slot, value] : plan.initializers)
            if (value.isTensor() && !overridable.count(slot))
                constants[slot] = value.tensor;
        // Constant nodes, and Identity of a constant (exporters route shared weights and
        // Clip's bounds through them), give the same tensor on every run too.
        for (const PlannedNode& n : plan.nodes) {
            if (!n.desc.domain.empty() || n.outputSlots.size() != 1 || n.outputSlots[0] < 0)
                continue;
            if (n.desc.opType == "Constant") {
                if (auto value = constantValue(n.desc); value.ok() && value->isTensor())
                    constants[n.outputSlots[0]] = value->tensor;
            } else if (n.desc.opType == "Identity" && n.inputSlots.size() == 1) {
                if (auto it = constants.find(n.inputSlots[0]); it != constants.end())
                    constants[n.outputSlots[0]] = it->second;
            }
        }
    }

    const Tensor* constantFloat(int slot) const {
        auto it = constants.find(slot);
        return it != constants.end() && it->second.dataType() == DataType::Float ? &it->second : nullptr;
    }
};

struct Group {
    enum class Kind { Conv, MatMul, Pool, Binary, Gelu } kind = Kind::Conv;
    std::vector<size_t> members;     // in execution order, the main node first
    std::vector<int> fastInputSlots; // per fast-kernel input: the slot it reads, or -1
    std::vector<PostOp> postOps;
    Tensor foldedWeights, foldedBias; // Conv + BatchNormalization
    float geluDivisor = 0;            // GELU's Div
    int geluConstantRank = 0;         // the largest rank of GELU's one-element constants
    ChannelsLast layout;
    // A lone Conv, pool or binary op, installed only when the layout pass keeps one of its
    // activations channels-last.
    bool single = false;

    int outputSlot(const ExecutionPlan& plan) const { return plan.nodes[members.back()].outputSlots[0]; }
    // Inputs the fast kernel reads as activations (which may be channels-last).
    bool readsAsActivation(size_t fastInput) const {
        return keepsLayouts() &&
               (fastInput == 0 || fastInput == 3 || (kind == Kind::Binary && fastInput == 1));
    }
    // Whether the group's activations may be channels-last (oneDNN's layouts).
    bool keepsLayouts() const { return kind != Kind::MatMul && kind != Kind::Gelu; }
    bool channelsLastInput(size_t fastInput) const {
        return readsAsActivation(fastInput) && (fastInput == 3 ? layout.residual : layout.src);
    }
};

bool isFastPath(const PlannedNode& node) {
    return dynamic_cast<const FastPathKernel*>(node.kernel.get()) != nullptr;
}

// The input of a binary node that is not `slot` (which it must read exactly once).
int otherInput(const PlannedNode& node, int slot) {
    if (node.inputSlots.size() != 2 || (node.inputSlots[0] == slot) == (node.inputSlots[1] == slot))
        return -1;
    return node.inputSlots[0] == slot ? node.inputSlots[1] : node.inputSlots[0];
}

// A node that may join a group: a kernel, no subgraphs, one output in use.
bool fusableMember(const PlannedNode& n) {
    if (!n.kernel || !n.implicitSlots.empty() || !n.desc.domain.empty() || n.outputSlots.empty())
        return false;
    for (size_t o = 1; o < n.outputSlots.size(); ++o)
        if (n.outputSlots[o] >= 0)
            return false; // only single-output members (BatchNormalization's statistics unused)
    return true;
}

// The node that alone reads a value no one else needs (not a graph output), or -1.
int soleReader(const ExecutionPlan& plan, const ValueIndex& index, int slot) {
    if (slot < 0 || plan.pinned[static_cast<size_t>(slot)] ||
        index.readerCount[static_cast<size_t>(slot)] != 1)
        return -1;
    const int reader = index.readers[static_cast<size_t>(slot)].front();
    return fusableMember(plan.nodes[static_cast<size_t>(reader)]) ? reader : -1;
}

// x * Sigmoid(x) (SiLU, Swish) on `slot`: its only readers are a Sigmoid and the Mul of slot and
// the Sigmoid's output. Returns (Sigmoid, Mul).
std::optional<std::pair<size_t, size_t>> swishOn(const ExecutionPlan& plan, const ValueIndex& index,
                                                 int slot) {
    if (slot < 0 || plan.pinned[static_cast<size_t>(slot)] ||
        index.readerCount[static_cast<size_t>(slot)] != 2)
        return std::nullopt;
    const auto& r = index.readers[static_cast<size_t>(slot)];
    for (int k = 0; k < 2; ++k) {
        const size_t sig = static_cast<size_t>(r[static_cast<size_t>(k)]),
                     mul = static_cast<size_t>(r[static_cast<size_t>(1 - k)]);
        const PlannedNode& s = plan.nodes[sig];
        const PlannedNode& m = plan.nodes[mul];
        if (s.desc.opType != "Sigmoid" || m.desc.opType != "Mul" || !fusableMember(s) || !fusableMember(m))
            continue;
        if (soleReader(plan, index, s.outputSlots[0]) == static_cast<int>(mul) &&
            otherInput(m, slot) == s.outputSlots[0])
            return std::make_pair(sig, mul);
    }
    return std::nullopt;
}

// Folds BatchNormalization (inference) into the preceding Conv's weights and bias.
bool foldBatchNorm(const PlannedNode& conv, const PlannedNode& bn, const ValueIndex& index, Tensor& weights,
                   Tensor& bias) {
    if (bn.inputSlots.size() < 5 || bn.desc.getInt("training_mode", 0) != 0)
        return false;
    const Tensor* w = index.constantFloat(conv.inputSlots[1]);
    const Tensor* b = conv.inputSlots.size() > 2 && conv.inputSlots[2] >= 0
                          ? index.constantFloat(conv.inputSlots[2])
                          : nullptr;
    if (!w || w->rank() < 3 || (conv.inputSlots.size() > 2 && conv.inputSlots[2] >= 0 && !b))
        return false;
    const int64_t channels = w->dim(0);
    const Tensor* params[4];
    for (int i = 0; i < 4; ++i) {
        params[i] = index.constantFloat(bn.inputSlots[static_cast<size_t>(i + 1)]);
        if (!params[i] || params[i]->rank() != 1 || params[i]->dim(0) != channels)
            return false;
    }
    if (b && (b->rank() != 1 || b->dim(0) != channels))
        return false;
    const double epsilon = bn.desc.getFloat("epsilon", 1e-5f);
    const float *scale = params[0]->data<float>(), *shift = params[1]->data<float>();
    const float *mean = params[2]->data<float>(), *var = params[3]->data<float>();
    weights = w->clone();
    bias = Tensor(DataType::Float, {channels});
    const int64_t perChannel = w->elementCount() / channels;
    float* wp = weights.data<float>();
    for (int64_t c = 0; c < channels; ++c) {
        const double s = scale[c] / std::sqrt(static_cast<double>(var[c]) + epsilon);
        for (int64_t k = 0; k < perChannel; ++k)
            wp[c * perChannel + k] = static_cast<float>(wp[c * perChannel + k] * s);
        const double b0 = b ? b->data<float>()[c] : 0.0;
        bias.data<float>()[c] = static_cast<float>((b0 - mean[c]) * s + shift[c]);
    }
    return true;
}

// Clip's bounds (attributes before opset 11, constant inputs after), if known at plan time.
std::optional<PostOp> clipPostOp(const PlannedNode& clip, const ValueIndex& index) {
    float lo = std::numeric_limits<float>::lowest(), hi = std::numeric_limits<float>::max();
    if (clip.desc.opsetVersion < 11) {
        lo = clip.desc.getFloat("min", lo);
        hi = clip.desc.getFloat("max", hi);
    } else {
        for (size_t i = 1; i < 3; ++i) {
            if (i >= clip.inputSlots.size() || clip.inputSlots[i] < 0)
                continue;
            const Tensor* t = index.constantFloat(clip.inputSlots[i]);
            if (!t || t->elementCount() != 1)
                return std::nullopt;
            (i == 1 ? lo : hi) = t->data<float>()[0];
        }
    }
    if (lo > hi)
        return std::nullopt; // ONNX gives max everywhere; oneDNN's clip would not
    return PostOp{PostOp::Kind::Clip, lo, hi};
}

// An activation the fast kernels apply as a post-op, if `node` is one.
std::optional<PostOp> activationPostOp(const PlannedNode& node, const ValueIndex& index) {
    const std::string& op = node.desc.opType;
    if (op == "Relu")
        return PostOp{PostOp::Kind::Relu};
    if (op == "LeakyRelu")
        return PostOp{PostOp::Kind::LeakyRelu, node.desc.getFloat("alpha", 0.01f)};
    if (op == "Sigmoid")
        return PostOp{PostOp::Kind::Sigmoid};
    if (op == "Tanh")
        return PostOp{PostOp::Kind::Tanh};
    if (op == "Clip")
        return clipPostOp(node, index);
    return std::nullopt;
}

// taken: nodes already in a group, which end the chain.
std::optional<Group> convGroup(const ExecutionPlan& plan, const ValueIndex& index, size_t i,
                               const std::vector<char>& taken) {
    const PlannedNode& conv = plan.nodes[i];
    if (conv.desc.opType != "Conv" || conv.inputSlots.size() < 2 || conv.outputSlots.size() != 1)
        return std::nullopt;
    Group g;
    g.kind = Group::Kind::Conv;
    g.members = {i};
    g.fastInputSlots = {conv.inputSlots[0], conv.inputSlots[1],
                        conv.inputSlots.size() > 2 ? conv.inputSlots[2] : -1, -1};
    std::vector<PostOp> ops;
    Tensor foldedWeights, foldedBias;
    int cur = conv.outputSlots[0];
    for (;;) {
        if (auto swish = swishOn(plan, index, cur)) {
            const auto [sig, mul] = *swish;
            if (taken[sig] || taken[mul] || plan.nodes[sig].backend != conv.backend ||
                plan.nodes[mul].backend != conv.backend)
                break;
            ops.push_back({PostOp::Kind::Swish});
            g.members.push_back(std::min(sig, mul));
            g.members.push_back(std::max(sig, mul));
            cur = plan.nodes[mul].outputSlots[0];
            continue;
        }
        const int r = soleReader(plan, index, cur);
        if (r < 0)
            break;
        const PlannedNode& n = plan.nodes[static_cast<size_t>(r)];
        if (n.backend != conv.backend || taken[static_cast<size_t>(r)])
            break;
        const bool hasSum = g.fastInputSlots[3] >= 0;
        if (n.desc.opType == "BatchNormalization" && g.members.size() == 1 && n.inputSlots[0] == cur) {
            if (!foldBatchNorm(conv, n, index, foldedWeights, foldedBias))
                break;
        } else if (n.desc.opType == "Add" && !hasSum) {
            const int other = otherInput(n, cur);
            if (other < 0)
                break;
            ops.push_back({PostOp::Kind::Sum});
            g.fastInputSlots[3] = other;
        } else if (auto act = activationPostOp(n, index)) {
            if (n.inputSlots[0] != cur)
                break;
            ops.push_back(*act);
        } else {
            break;
        }
        g.members.push_back(static_cast<size_t>(r));
        cur = n.outputSlots[0];
    }
    if (foldedWeights.isValid()) {
        g.foldedWeights = foldedWeights;
        g.foldedBias = foldedBias;
        g.fastInputSlots[1] = g.fastInputSlots[2] = -1;
    }
    g.postOps = std::move(ops);
    g.single = g.members.size() == 1;
    return g;
}

std::optional<Group> matMulGroup(const ExecutionPlan& plan, const ValueIndex& index, size_t i,
                                 const std::vector<char>& taken) {
    const PlannedNode& mm = plan.nodes[i];
    const bool gemm = mm.desc.opType == "Gemm";
    if ((!gemm && mm.desc.opType != "MatMul") || mm.inputSlots.size() < 2 || mm.outputSlots.size() != 1 ||
        (gemm && mm.inputSlots.size() > 2 && mm.inputSlots[2] >= 0))
        return std::nullopt;
    const int cur = mm.outputSlots[0];
    const int r = soleReader(plan, index, cur);
    if (r < 0 || taken[static_cast<size_t>(r)])
        return std::nullopt;
    const PlannedNode& add = plan.nodes[static_cast<size_t>(r)];
    const int addend = add.desc.opType == "Add" && add.backend == mm.backend ? otherInput(add, cur) : -1;
    if (addend < 0)
        return std::nullopt;
    Group g;
    g.kind = Group::Kind::MatMul;
    g.members = {i, static_cast<size_t>(r)};
    g.fastInputSlots = {mm.inputSlots[0], mm.inputSlots[1], -1, addend};
    return g;
}

std::optional<Group> poolGroup(const ExecutionPlan& plan, size_t i) {
    const PlannedNode& pool = plan.nodes[i];
    const std::string& op = pool.desc.opType;
    if ((op != "MaxPool" && op != "AveragePool" && op != "GlobalAveragePool") || pool.inputSlots.empty() ||
        pool.outputSlots.size() != 1)
        return std::nullopt;
    Group g;
    g.kind = Group::Kind::Pool;
    g.members = {i};
    g.fastInputSlots = {pool.inputSlots[0]};
    g.single = true;
    return g;
}

// Mul or Add next to a fast-path node (squeeze-and-excitation's scaling, a residual Add that no
// convolution absorbed): its kernel takes either layout, so it need not end a channels-last run.
std::optional<Group> binaryGroup(const ExecutionPlan& plan, const ValueIndex& index, size_t i,
                                 const std::vector<char>& taken) {
    const PlannedNode& n = plan.nodes[i];
    if ((n.desc.opType != "Mul" && n.desc.opType != "Add") || !fusableMember(n) || n.inputSlots.size() != 2 ||
        n.outputSlots.size() != 1 || n.inputSlots[0] < 0 || n.inputSlots[1] < 0)
        return std::nullopt;
    bool besideFastPath = false; // produced by a fast path or by the last member of its group
    for (int s : n.inputSlots) {
        const int p = index.producer[static_cast<size_t>(s)];
        if (p < 0)
            continue;
        const PlannedNode& producer = plan.nodes[static_cast<size_t>(p)];
        besideFastPath = besideFastPath || ((isFastPath(producer) || taken[static_cast<size_t>(p)]) &&
                                            producer.backend == n.backend);
    }
    if (!besideFastPath)
        return std::nullopt;
    Group g;
    g.kind = Group::Kind::Binary;
    g.members = {i};
    g.fastInputSlots = {n.inputSlots[0], n.inputSlots[1]};
    g.single = true;
    return g;
}

// x / sqrt(2) -> Erf -> + 1 -> * x -> * 0.5: GELU as exporters write it, from the Div at i.
std::optional<Group> geluGroup(const ExecutionPlan& plan, const ValueIndex& index, size_t i,
                               const std::vector<char>& taken) {
    const PlannedNode& div = plan.nodes[i];
    if (div.desc.opType != "Div" || !fusableMember(div) || div.inputSlots.size() != 2)
        return std::nullopt;
    const int x = div.inputSlots[0];
    const Tensor* divisor = index.constantFloat(div.inputSlots[1]);
    if (x < 0 || !divisor || divisor->elementCount() != 1 ||
        std::fabs(divisor->data<float>()[0] - 1.41421356f) > 1e-3f)
        return std::nullopt;
    // The next member: the sole reader of `from`'s output, of op type `op`, on the same backend.
    auto next = [&](size_t from, const char* op) -> int {
        const int r = soleReader(plan, index, plan.nodes[from].outputSlots[0]);
        if (r < 0 || taken[static_cast<size_t>(r)])
            return -1;
        const PlannedNode& n = plan.nodes[static_cast<size_t>(r)];
        return n.desc.opType == op && n.backend == div.backend ? r : -1;
    };
    int constantRank = divisor->rank();
    // Whether `node`'s operand beside `from`'s output is the constant scalar `value`.
    auto scalarBeside = [&](int node, size_t from, float value) {
        const Tensor* t = index.constantFloat(
            otherInput(plan.nodes[static_cast<size_t>(node)], plan.nodes[from].outputSlots[0]));
        if (t)
            constantRank = std::max(constantRank, t->rank());
        return t && t->elementCount() == 1 && t->data<float>()[0] == value;
    };
    const int erf = next(i, "Erf");
    const int add = erf < 0 ? -1 : next(static_cast<size_t>(erf), "Add");
    if (add < 0 || !scalarBeside(add, static_cast<size_t>(erf), 1.0f))
        return std::nullopt;
    const int byX = next(static_cast<size_t>(add), "Mul");
    if (byX < 0 || otherInput(plan.nodes[static_cast<size_t>(byX)],
                              plan.nodes[static_cast<size_t>(add)].outputSlots[0]) != x)
        return std::nullopt;
    const int half = next(static_cast<size_t>(byX), "Mul");
    if (half < 0 || !scalarBeside(half, static_cast<size_t>(byX), 0.5f))
        return std::nullopt;
    Group g;
    g.kind = Group::Kind::Gelu;
    g.members = {i, static_cast<size_t>(erf), static_cast<size_t>(add), static_cast<size_t>(byX),
                 static_cast<size_t>(half)};
    g.fastInputSlots = {x};
    g.geluDivisor = divisor->data<float>()[0];
    g.geluConstantRank = constantRank;
    return g;
}

// Whether the graph has a depthwise convolution (group = input channels, one per group): the
// MobileNet family, whose memory-bound blocks run faster in ChannelsLast's blocked mode.
bool hasDepthwiseConv(const ExecutionPlan& plan, const ValueIndex& index) {
    for (const PlannedNode& n : plan.nodes) {
        if (n.desc.opType != "Conv" || n.desc.getInt("group", 1) <= 1 || n.inputSlots.size() < 2)
            continue;
        const Tensor* w = index.constantFloat(n.inputSlots[1]);
        if (w && w->rank() >= 3 && w->dim(1) == 1)
            return true;
    }
    return false;
}

// Picks the values fused runs keep channels-last: produced by a Conv, pool or binary group and
// read only as the activation of such groups (not a graph output). Pools and binary ops keep
// their input's layout, so their activations are channels-last together or not at all.
void chooseLayouts(const ExecutionPlan& plan, const ValueIndex& index, std::vector<Group>& groups) {
    std::vector<int> groupOf(plan.nodes.size(), -1);
    for (size_t g = 0; g < groups.size(); ++g)
        for (size_t m : groups[g].members)
            groupOf[m] = static_cast<int>(g);
    std::map<int, bool> candidate; // slot -> every read so far is an activation read
    for (const Group& g : groups)
        if (g.keepsLayouts() && !plan.pinned[static_cast<size_t>(g.outputSlot(plan))])
            candidate[g.outputSlot(plan)] = true;
    auto read = [&](int slot, bool asActivation) {
        if (auto it = candidate.find(slot); it != candidate.end())
            it->second = it->second && asActivation;
    };
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const PlannedNode& n = plan.nodes[i];
        for (int s : n.implicitSlots)
            read(s, false);
        const Group* g = groupOf[i] >= 0 ? &groups[static_cast<size_t>(groupOf[i])] : nullptr;
        for (int s : n.inputSlots) {
            if (s < 0)
                continue;
            bool activation = false, other = !g;
            if (g) {
                for (size_t k = 0; k < g->fastInputSlots.size(); ++k)
                    if (g->fastInputSlots[k] == s)
                        (g->readsAsActivation(k) ? activation : other) = true;
                other = other || !activation; // a member reads it, the fast kernel does not
            }
            read(s, activation && !other);
        }
    }
    std::set<int> channelsLast;
    for (const auto& [slot, ok] : candidate)
        if (ok)
            channelsLast.insert(slot);
    for (bool changed = true; changed;) {
        changed = false;
        for (const Group& g : groups) {
            if (g.kind != Group::Kind::Pool && g.kind != Group::Kind::Binary)
                continue;
            std::vector<int> together = g.fastInputSlots;
            together.push_back(g.outputSlot(plan));
            const auto cl = std::count_if(together.begin(), together.end(),
                                          [&](int s) { return channelsLast.count(s) > 0; });
            if (cl == 0 || cl == static_cast<std::ptrdiff_t>(together.size()))
                continue;
            for (int s : together)
                channelsLast.erase(s);
            changed = true;
        }
    }
    const bool blocked = hasDepthwiseConv(plan, index);
    for (Group& g : groups) {
        if (!g.keepsLayouts())
            continue;
        g.layout.blocked = blocked;
        g.layout.src = channelsLast.count(g.fastInputSlots[0]) > 0;
        g.layout.residual = g.fastInputSlots.size() > 3 && channelsLast.count(g.fastInputSlots[3]) > 0;
        g.layout.dst = channelsLast.count(g.outputSlot(plan)) > 0;
    }
}

std::unique_ptr<FastPathKernel> makeFastKernel(const ExecutionPlan& plan, const ValueIndex& index,
                                               const Group& g) {
    const NodeDesc& main = plan.nodes[g.members.front()].desc;
    std::unique_ptr<FastPathKernel> fast;
    switch (g.kind) {
    case Group::Kind::Conv:
        fast = makeDnnlConv(main, g.postOps, g.layout);
        break;
    case Group::Kind::MatMul:
        fast = makeDnnlMatMul(main, true);
        break;
    case Group::Kind::Pool:
        fast = makeDnnlPool(main, g.layout);
        break;
    case Group::Kind::Binary:
        return makeDnnlChannelBinary(main, g.layout);
    case Group::Kind::Gelu:
        return makeFusedErfGelu(g.geluDivisor, g.geluConstantRank);
    }
    if (!fast)
        return nullptr;
    if (g.foldedWeights.isValid()) {
        fast->bindConstantInput(1, g.foldedWeights);
        fast->bindConstantInput(2, g.foldedBias);
    } else {
        for (size_t k = 1; k < 3 && k < g.fastInputSlots.size(); ++k)
            if (auto it = index.constants.find(g.fastInputSlots[k]); it != index.constants.end())
                fast->bindConstantInput(static_cast<int>(k), it->second);
    }
    return fast;
}

// Turns a group into the fused node at its last member.
void install(ExecutionPlan& plan, const Group& group, std::unique_ptr<FastPathKernel> fast) {
    std::vector<int> outside;
    auto outsideIndex = [&](int slot) {
        for (size_t k = 0; k < outside.size(); ++k)
            if (outside[k] == slot)
                return static_cast<int>(k);
        outside.push_back(slot);
        return static_cast<int>(outside.size() - 1);
    };
    std::map<int, std::pair<int, int>> producedBy; // slot -> (member, output)
    std::vector<FusedGroupKernel::Member> members;
    for (size_t m = 0; m < group.members.size(); ++m) {
        const PlannedNode& node = plan.nodes[group.members[m]];
        FusedGroupKernel::Member member;
        member.node = &node;
        for (int s : node.inputSlots) {
            FusedGroupKernel::Source source;
            if (auto it = producedBy.find(s); it != producedBy.end())
                source = {FusedGroupKernel::Source::Kind::Member, it->second.first, it->second.second};
            else if (s >= 0)
                source = {FusedGroupKernel::Source::Kind::Outside, outsideIndex(s), 0};
            member.inputs.push_back(source);
        }
        for (size_t o = 0; o < node.outputSlots.size(); ++o)
            if (node.outputSlots[o] >= 0)
                producedBy[node.outputSlots[o]] = {static_cast<int>(m), static_cast<int>(o)};
        members.push_back(std::move(member));
    }
    std::vector<int> fastInputs;
    std::vector<bool> channelsLastInputs(outside.size(), false);
    for (size_t k = 0; k < group.fastInputSlots.size(); ++k) {
        const int s = group.fastInputSlots[k];
        fastInputs.push_back(s < 0 ? -1 : outsideIndex(s));
        if (s >= 0) {
            channelsLastInputs.resize(outside.size(), false);
            if (group.channelsLastInput(k))
                channelsLastInputs[static_cast<size_t>(fastInputs.back())] = true;
        }
    }
    channelsLastInputs.resize(outside.size(), false);

    const size_t mainIndex = group.members.front(), last = group.members.back();
    const PlannedNode& main = plan.nodes[mainIndex];
    auto fused = std::make_unique<PlannedNode>();
    fused->desc = main.desc;
    fused->desc.name = main.label(mainIndex);
    fused->desc.inputs.clear();
    for (int s : outside)
        fused->desc.inputs.push_back(plan.slotNames[static_cast<size_t>(s)]);
    fused->desc.outputs = plan.nodes[last].desc.outputs;
    fused->sourceIndex = main.sourceIndex;
    fused->functionPath = main.functionPath;
    fused->backend = main.backend;
    fused->inputSlots = outside;
    fused->outputSlots = plan.nodes[last].outputSlots;
    fused->fusedMembers = group.members;
    fused->channelsLastOutput = group.layout.dst;
    fused->blockedOutput = group.layout.blocked;
    fused->kernel = std::make_unique<FusedGroupKernel>(std::move(fast), std::move(fastInputs),
                                                       std::move(members), std::move(channelsLastInputs),
                                                       group.layout.dst, group.layout.blocked);
    for (size_t m : group.members)
        if (m != last)
            plan.nodes[m].fusedInto = static_cast<int>(last);
    plan.nodes[last].fused = std::move(fused);
}

} // namespace

void fuseNodes(ExecutionPlan& plan) {
    if (!dnnlAvailable())
        return;
    const ValueIndex index(plan);
    std::vector<char> taken(plan.nodes.size(), 0);
    std::vector<Group> groups;
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const PlannedNode& n = plan.nodes[i];
        // Fused kernels are CPU kernels reading host memory; a device backend's node reads and
        // writes values that live on its device, and its group members follow its backend.
        if (taken[i] || !n.desc.domain.empty() || (n.backend && !n.backend->usesHostMemory()))
            continue;
        std::optional<Group> group =
            isFastPath(n) ? convGroup(plan, index, i, taken) : binaryGroup(plan, index, i, taken);
        if (!group && !isFastPath(n))
            group = geluGroup(plan, index, i, taken);
        if (!group && !isFastPath(n))
            continue;
        if (!group)
            group = matMulGroup(plan, index, i, taken);
        if (!group)
            group = poolGroup(plan, i);
        if (!group)
            continue;
        for (size_t m : group->members)
            taken[m] = 1;
        groups.push_back(std::move(*group));
    }
    chooseLayouts(plan, index, groups);
    std::vector<std::unique_ptr<FastPathKernel>> kernels;
    for (const Group& g : groups)
        kernels.push_back(makeFastKernel(plan, index, g));
    for (size_t k = 0; k < groups.size(); ++k) {
        if (kernels[k] || (!groups[k].layout.src && !groups[k].layout.dst))
            continue;
        // A channels-last value needs both its producer and readers fused; without a kernel
        // for one of them, keep every value in ONNX's layout.
        for (size_t j = 0; j < groups.size(); ++j) {
            groups[j].layout = {};
            kernels[j] = makeFastKernel(plan, index, groups[j]);
        }
        break;
    }
    bool any = false;
    for (size_t k = 0; k < groups.size(); ++k) {
        const Group& g = groups[k];
        if (!kernels[k] || (g.single && !g.layout.src && !g.layout.dst))
            continue; // a lone node in ONNX's layout runs as it is
        install(plan, g, std::move(kernels[k]));
        any = true;
    }
    if (any)
        computeFastRunLifetimes(plan);
}

void computeFastRunLifetimes(ExecutionPlan& plan) {
    std::vector<int> lastUse(plan.slotNames.size(), -1);
    for (size_t k = 0; k < plan.nodes.size(); ++k) {
        const PlannedNode& original = plan.nodes[k];
        if (original.fusedInto >= 0 || original.folded)
            continue;
        const PlannedNode& n = original.fused ? *original.fused : original;
        const int at = static_cast<int>(k);
        for (int s : n.inputSlots)
            if (s >= 0)
                lastUse[static_cast<size_t>(s)] = at;
        for (int s : n.implicitSlots)
            lastUse[static_cast<size_t>(s)] = at;
        for (int s : n.outputSlots)
            if (s >= 0 && lastUse[static_cast<size_t>(s)] < at)
                lastUse[static_cast<size_t>(s)] = at;
    }
    plan.fusedReleaseAfter.assign(plan.nodes.size(), {});
    for (size_t s = 0; s < lastUse.size(); ++s)
        if (lastUse[s] >= 0 && !plan.pinned[s])
            plan.fusedReleaseAfter[static_cast<size_t>(lastUse[s])].push_back(static_cast<int>(s));
}

void bindConstantInputs(ExecutionPlan& plan) {
    const ValueIndex index(plan);
    for (PlannedNode& node : plan.nodes) {
        auto* fast = dynamic_cast<FastPathKernel*>(node.kernel.get());
        if (!fast)
            continue;
        for (size_t i = 0; i < node.inputSlots.size(); ++i)
            if (auto it = index.constants.find(node.inputSlots[i]); it != index.constants.end())
                fast->bindConstantInput(static_cast<int>(i), it->second);
    }
}

} // namespace onnxscope
