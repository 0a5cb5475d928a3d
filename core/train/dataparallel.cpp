#include "train/dataparallel_p.h"

#include <cstring>

namespace lmwb::core {

Status GradientAverager::average(ProcessGroup &group, const std::vector<torch::Tensor> &params,
                                 std::vector<double> &extras, const std::string &what)
{
    torch::NoGradGuard noGrad;
    int64_t n = 0;
    for (const auto &p : params)
        n += p.numel();
    const auto total = n + static_cast<int64_t>(extras.size());
    if (!m_flat.defined() || m_flat.numel() != total)
        m_flat = torch::empty({total}, torch::kFloat32);
    int64_t offset = 0;
    for (const auto &p : params) {
        auto slot = m_flat.narrow(0, offset, p.numel());
        if (p.grad().defined())
            slot.copy_(p.grad().reshape({-1}));
        else
            slot.zero_(); // no gradient on this rank this step: contributes 0
        offset += p.numel();
    }
    for (std::size_t i = 0; i < extras.size(); ++i)
        m_flat[n + static_cast<int64_t>(i)] = extras[i];

    if (Status s = group.impl().allReduce(m_flat, c10d::ReduceOp::SUM, what); !s)
        return s;

    const float inv = 1.0f / static_cast<float>(group.worldSize());
    offset = 0;
    for (const auto &p : params) {
        auto slot = m_flat.narrow(0, offset, p.numel()).view(p.sizes());
        if (!p.grad().defined())
            p.mutable_grad() = torch::zeros_like(p);
        p.mutable_grad().copy_(slot).mul_(inv);
        offset += p.numel();
    }
    auto tail = m_flat.narrow(0, n, static_cast<int64_t>(extras.size()));
    for (std::size_t i = 0; i < extras.size(); ++i)
        extras[i] = tail[static_cast<int64_t>(i)].item<double>();
    return {};
}

Status broadcastParameters(ProcessGroup &group, const std::vector<torch::Tensor> &params)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> flat;
    for (const auto &p : params)
        flat.push_back(p.detach().reshape({-1}).to(torch::kFloat32));
    auto all = torch::cat(flat);
    if (Status s = group.impl().broadcast(all, 0, "while copying rank 0's parameters"); !s)
        return s;
    int64_t offset = 0;
    for (const auto &p : params) {
        p.detach().copy_(all.narrow(0, offset, p.numel()).view(p.sizes()));
        offset += p.numel();
    }
    return {};
}

Status checkSameData(ProcessGroup &group, uint64_t fingerprint)
{
    int64_t bits;
    std::memcpy(&bits, &fingerprint, sizeof bits);
    auto lo = torch::full({1}, bits, torch::kLong), hi = lo.clone();
    const std::string what = "while comparing the ranks' corpora";
    if (Status s = group.impl().allReduce(lo, c10d::ReduceOp::MIN, what); !s)
        return s;
    if (Status s = group.impl().allReduce(hi, c10d::ReduceOp::MAX, what); !s)
        return s;
    if (lo.item<int64_t>() != hi.item<int64_t>())
        return makeError(group.describe() + ": the ranks read different corpora or tokenizers (the token "
                         "fingerprints differ); every rank needs the same data files and config");
    return {};
}

Result<std::vector<torch::Tensor>> gatherStates(ProcessGroup &group, const torch::Tensor &state, const std::string &what)
{
    return group.impl().allGather(state, what);
}

} // namespace lmwb::core
