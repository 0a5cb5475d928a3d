#pragma once
// The trainer's data-parallel collectives (DESIGN §6, c10d): gradients averaged across ranks
// in one flat buffer, parameters broadcast from rank 0, a check that every rank read the same
// corpus, and every rank's RNG state gathered for the checkpoint.

#include "dist/processgroup_p.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace lmwb::core {

class GradientAverager {
public:
    // grad <- (sum over ranks of grad) / ranks for every parameter, in one all-reduce of one
    // flat fp32 buffer (one message instead of one per tensor); `extras` ride along at its
    // end and come back summed over ranks. Waits for the all-reduce before returning.
    Status average(ProcessGroup &group, const std::vector<torch::Tensor> &params, std::vector<double> &extras,
                   const std::string &what);

private:
    torch::Tensor m_flat; // (numel of all parameters + extras,)
};

// Rank 0's values in every rank's parameters.
Status broadcastParameters(ProcessGroup &group, const std::vector<torch::Tensor> &params);
// Fails, naming the ranks' disagreement, unless every rank has the same corpus fingerprint.
Status checkSameData(ProcessGroup &group, uint64_t fingerprint);
// Every rank's copy of state (a byte tensor of the same size on every rank), in rank order.
Result<std::vector<torch::Tensor>> gatherStates(ProcessGroup &group, const torch::Tensor &state, const std::string &what);

} // namespace lmwb::core
