#pragma once
// Data-parallel ranks on PyTorch's c10d: a TCPStore for the rendezvous and a Gloo process
// group (NCCL when LibTorch was built with CUDA) for the collectives.
//
//   auto env = core::DistEnv::fromEnvironment();          // torchrun's variables
//   if (!env) fail(env.error());
//   if (env->present) {
//       auto group = core::ProcessGroup::join(*env, std::chrono::seconds(30), "cpu");
//       if (!group) fail(group.error());
//       core::Trainer::create(config, dir, {}, *group);    // averages gradients across ranks
//   }
//
// Every collective waits at most the timeout given to join(); a rank that exits or stops
// answering makes the others' collectives fail with a message that says so, instead of a hang.

#include "util/result.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lmwb::core {

// RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT as torchrun sets them.
struct DistEnv {
    bool present = false;      // RANK or WORLD_SIZE is set
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    int localWorldSize = 1;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    bool agentStore = false;   // torchrun's agent already serves the TCPStore at the port
    std::string storePrefix;   // keeps our keys apart from torchrun's in its store

    // Reads the environment; a malformed or inconsistent variable is an error naming it.
    static Result<DistEnv> fromEnvironment();
};

// "cpu" or "cuda" for a training.device value ("auto", "cpu", "cuda"); cuda without a CUDA
// LibTorch (or without a GPU) is an error that says so.
Result<std::string> resolveDevice(const std::string &device);
bool cudaAvailable();

class ProcessGroup {
public:
    ~ProcessGroup();

    // Connects to the store at masterAddr:masterPort (rank 0 serves it unless torchrun's
    // agent does) and forms the group; fails when the other ranks do not come within timeout.
    static Result<std::shared_ptr<ProcessGroup>> join(const DistEnv &env, std::chrono::milliseconds timeout,
                                                      const std::string &device);

    int rank() const;
    int worldSize() const;
    int localWorldSize() const;
    std::chrono::milliseconds timeout() const;
    std::string backendName() const; // "gloo" or "nccl"
    std::string describe() const;    // "rank 1 of 2"

    // Collectives on plain buffers, for callers without torch; `what` names the moment in
    // the error message ("while averaging gradients at step 12").
    Status allReduceSum(std::vector<double> &values, const std::string &what);
    Status allReduceMin(std::vector<double> &values, const std::string &what);
    Status barrier(const std::string &what);

    struct Impl;
    Impl &impl() { return *m_impl; }

private:
    ProcessGroup();
    std::unique_ptr<Impl> m_impl;
};

} // namespace lmwb::core
