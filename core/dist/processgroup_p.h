#pragma once
// The torch side of ProcessGroup: collectives on tensors, for the trainer.

#include "dist/processgroup.h"

#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>
#include <torch/torch.h>
#include <torch/version.h>

namespace lmwb::core {

// LibTorch 1.x's ProcessGroupGloo/NCCL are ProcessGroups; from 2.0 they are c10d::Backends
// (with the same collectives) wrapped by a ProcessGroup.
#if TORCH_VERSION_MAJOR >= 2
using CollectiveGroup = c10d::Backend;
#else
using CollectiveGroup = c10d::ProcessGroup;
#endif

struct ProcessGroup::Impl {
    DistEnv env;
    std::chrono::milliseconds timeout{30000};
    std::string device = "cpu";
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<CollectiveGroup> group;

    // "rank 1 of 2 lost contact with the other ranks while WHAT: ..." from a failed collective.
    Error lostContact(const std::string &what, const std::string &detail) const;

    // In place; every rank must call these in the same order with tensors of the same shape.
    Status allReduce(torch::Tensor &t, c10d::ReduceOp op, const std::string &what);
    Status broadcast(torch::Tensor &t, int root, const std::string &what);
    // Every rank's copy of t (same shape on all ranks), in rank order.
    Result<std::vector<torch::Tensor>> allGather(const torch::Tensor &t, const std::string &what);
};

} // namespace lmwb::core
