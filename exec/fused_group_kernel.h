// The kernel of a fused node group: one fast kernel for the whole group (Conv + BatchNormalization
// + Relu as one oneDNN convolution with post-ops, ...) and, for inputs the fast kernel declines
// at run time, the group's original kernels run one after another.
//
// The group's node takes the group's outside inputs (each once) and produces the last member's
// outputs. Intermediate values between members live only inside compute().
#pragma once

#include "exec/fast_path.h"

#include <memory>
#include <vector>

namespace onnxscope {

struct PlannedNode;

class FusedGroupKernel final : public Kernel {
public:
    // Where a member reads an input: the group's outside input `index`, or output `output` of an
    // earlier member `index`; Omitted for an omitted optional input.
    struct Source {
        enum class Kind { Omitted, Outside, Member } kind = Kind::Omitted;
        int index = -1;
        int output = 0;
    };
    struct Member {
        const PlannedNode* node = nullptr; // owns the member's own kernel (in the same plan)
        std::vector<Source> inputs;
    };

    // fastInputs[i]: the outside input the fast kernel reads as its input i, or -1.
    // channelsLastInputs (per outside input) and channelsLastOutput: values the fused run keeps
    // channels-last (see ChannelsLast in cpu/dnnl_kernels.h, blocked as there); the unfused
    // fallback converts them.
    FusedGroupKernel(std::unique_ptr<FastPathKernel> fast, std::vector<int> fastInputs,
                     std::vector<Member> members, std::vector<bool> channelsLastInputs = {},
                     bool channelsLastOutput = false, bool blocked = false);

    Status compute(KernelContext& context) const override;
    // The fast kernel's, or empty when the group runs its original kernels.
    std::string implementation(const KernelContext& context) const override;

private:
    Status computeUnfused(KernelContext& context) const;

    std::unique_ptr<FastPathKernel> m_fast;
    std::vector<int> m_fastInputs;
    std::vector<Member> m_members;
    std::vector<bool> m_channelsLastInputs;
    bool m_channelsLastOutput;
    bool m_blocked;
};

} // namespace onnxscope
