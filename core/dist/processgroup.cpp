#include "dist/processgroup_p.h"

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#if defined(LMWB_WITH_NCCL)
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <cstdlib>
#include <sstream>

namespace lmwb::core {

namespace {

// The first line of an exception's text, without c10's backtrace.
std::string firstLine(const std::exception &e)
{
    std::string s;
    if (auto *c = dynamic_cast<const c10::Error *>(&e))
        s = c->what_without_backtrace();
    else
        s = e.what();
    if (auto nl = s.find('\n'); nl != std::string::npos)
        s.resize(nl);
    return s;
}

const char *env(const char *name)
{
    const char *v = std::getenv(name);
    return v && *v ? v : nullptr;
}

// A whole decimal number in [lo, hi] from an environment variable, or an error naming it.
Status readInt(const char *name, int &out, long lo, long hi)
{
    const char *v = env(name);
    if (!v)
        return {};
    char *end = nullptr;
    const long x = std::strtol(v, &end, 10);
    if (*end != '\0' || x < lo || x > hi)
        return makeError(std::string("the environment variable ") + name + " must be a whole number between " +
                         std::to_string(lo) + " and " + std::to_string(hi) + ", got \"" + v + "\"");
    out = static_cast<int>(x);
    return {};
}

std::string seconds(std::chrono::milliseconds t)
{
    std::ostringstream s;
    s << static_cast<double>(t.count()) / 1000.0 << " s";
    return s.str();
}

} // namespace

Result<DistEnv> DistEnv::fromEnvironment()
{
    DistEnv e;
    e.present = env("RANK") || env("WORLD_SIZE");
    if (!e.present)
        return e;
    if (!env("RANK") || !env("WORLD_SIZE"))
        return makeError(std::string("the environment sets ") + (env("RANK") ? "RANK" : "WORLD_SIZE") + " but not " +
                         (env("RANK") ? "WORLD_SIZE" : "RANK") + "; a distributed run needs both (torchrun sets them)");
    Status s;
    if (!(s = readInt("WORLD_SIZE", e.worldSize, 1, 65536)) || !(s = readInt("RANK", e.rank, 0, 65535)) ||
        !(s = readInt("MASTER_PORT", e.masterPort, 1, 65535)))
        return makeError(s.error());
    if (e.rank >= e.worldSize)
        return makeError("RANK is " + std::to_string(e.rank) + " but WORLD_SIZE is " + std::to_string(e.worldSize) +
                         "; ranks count from 0 to WORLD_SIZE - 1");
    e.localRank = e.rank;
    e.localWorldSize = e.worldSize;
    if (!(s = readInt("LOCAL_RANK", e.localRank, 0, 65535)) ||
        !(s = readInt("LOCAL_WORLD_SIZE", e.localWorldSize, 1, 65536)))
        return makeError(s.error());
    if (!env("LOCAL_WORLD_SIZE") && env("LOCAL_RANK"))
        e.localWorldSize = 1; // unknown: do not divide the cores
    if (const char *a = env("MASTER_ADDR"))
        e.masterAddr = a;
    else if (e.worldSize > 1)
        return makeError("MASTER_ADDR is not set; it names the machine of rank 0 (torchrun sets it)");
    if (e.worldSize > 1 && !env("MASTER_PORT"))
        return makeError("MASTER_PORT is not set; it is the port of rank 0's store (torchrun sets it)");
    // torchrun's elastic agent serves a TCPStore at MASTER_PORT itself; its workers join it as
    // clients, and a restart count keeps the keys of each attempt apart.
    if (const char *a = env("TORCHELASTIC_USE_AGENT_STORE"))
        e.agentStore = std::string(a) == "True" || std::string(a) == "1";
    const char *restart = env("TORCHELASTIC_RESTART_COUNT");
    e.storePrefix = std::string("lmwb/") + (restart ? restart : "0");
    return e;
}

bool cudaAvailable()
{
    try {
        return torch::cuda::is_available();
    } catch (const std::exception &) {
        return false;
    }
}

Result<std::string> resolveDevice(const std::string &device)
{
    if (device == "cpu")
        return std::string("cpu");
    if (device == "auto")
        return std::string(cudaAvailable() ? "cuda" : "cpu");
    if (device == "cuda") {
        if (!cudaAvailable())
            return makeError("training.device is \"cuda\" but CUDA is unavailable: this LibTorch was built without "
                             "CUDA or sees no GPU; build against a CUDA LibTorch (-DTorch_DIR=...) or set "
                             "training.device to \"cpu\"");
        return std::string("cuda");
    }
    return makeError("training.device must be \"auto\", \"cpu\" or \"cuda\", got \"" + device + "\"");
}

ProcessGroup::ProcessGroup() : m_impl(std::make_unique<Impl>()) {}
ProcessGroup::~ProcessGroup() = default;

int ProcessGroup::rank() const { return m_impl->env.rank; }
int ProcessGroup::worldSize() const { return m_impl->env.worldSize; }
int ProcessGroup::localWorldSize() const { return m_impl->env.localWorldSize; }
std::chrono::milliseconds ProcessGroup::timeout() const { return m_impl->timeout; }
std::string ProcessGroup::backendName() const { return m_impl->group ? m_impl->group->getBackendName() : "none"; }
std::string ProcessGroup::describe() const
{
    return "rank " + std::to_string(rank()) + " of " + std::to_string(worldSize());
}

Result<std::shared_ptr<ProcessGroup>> ProcessGroup::join(const DistEnv &env, std::chrono::milliseconds timeout,
                                                         const std::string &device)
{
    std::shared_ptr<ProcessGroup> pg(new ProcessGroup());
    auto &d = *pg->m_impl;
    d.env = env;
    d.timeout = timeout;
    d.device = device;
    const std::string where = env.masterAddr + ":" + std::to_string(env.masterPort);
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(env.masterPort);
        so.isServer = env.rank == 0 && !env.agentStore;
        so.numWorkers = env.agentStore ? c10::nullopt : c10::optional<std::size_t>(env.worldSize);
        so.waitWorkers = !env.agentStore;
        so.timeout = timeout;
        auto tcp = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, so);
        d.store = c10::make_intrusive<c10d::PrefixStore>(env.storePrefix, tcp);
    } catch (const std::exception &e) {
        return makeError("rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
                         ": could not meet the other ranks at " + where + " within " + seconds(timeout) +
                         (env.rank == 0 && !env.agentStore ? " (is the port free? is every rank started?)"
                                                           : " (is rank 0 running and MASTER_ADDR reachable?)") +
                         ": " + firstLine(e));
    }
    try {
        if (device == "cuda") {
#if defined(LMWB_WITH_NCCL)
            auto opts = c10d::ProcessGroupNCCL::Options::create();
            opts->timeout = timeout;
            d.group = c10::make_intrusive<c10d::ProcessGroupNCCL>(d.store, env.rank, env.worldSize, opts);
#else
            return makeError("training.device is \"cuda\" but this build has no NCCL process group (LibTorch "
                             "without CUDA); set training.device to \"cpu\" to train on Gloo");
#endif
        } else {
            auto opts = c10d::ProcessGroupGloo::Options::create(timeout);
            // GLOO_SOCKET_IFNAME picks the network interface, as in PyTorch; on one machine,
            // loopback; otherwise the address this host's name resolves to.
            if (const char *ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
                opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
            else if (env.masterAddr == "127.0.0.1" || env.masterAddr == "localhost")
                opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else
                opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            opts->threads = 2;
            d.group = c10::make_intrusive<c10d::ProcessGroupGloo>(d.store, env.rank, env.worldSize, opts);
        }
    } catch (const std::exception &e) {
        return makeError(pg->describe() + ": could not form the process group through " + where + " within " +
                         seconds(timeout) + ": " + firstLine(e));
    }
    return pg;
}

Error ProcessGroup::Impl::lostContact(const std::string &what, const std::string &detail) const
{
    return makeError("rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
                     " lost contact with the other ranks " + what + ": a rank exited or did not answer within " +
                     seconds(timeout) + " (" + detail + ")");
}

Status ProcessGroup::Impl::allReduce(torch::Tensor &t, c10d::ReduceOp op, const std::string &what)
{
    try {
        std::vector<torch::Tensor> ts{t};
        c10d::AllreduceOptions o;
        o.reduceOp = op;
        o.timeout = timeout;
        auto work = group->allreduce(ts, o);
        work->wait(timeout);
        return {};
    } catch (const std::exception &e) {
        return lostContact(what, firstLine(e));
    }
}

Status ProcessGroup::Impl::broadcast(torch::Tensor &t, int root, const std::string &what)
{
    try {
        std::vector<torch::Tensor> ts{t};
        c10d::BroadcastOptions o;
        o.rootRank = root;
        o.timeout = timeout;
        group->broadcast(ts, o)->wait(timeout);
        return {};
    } catch (const std::exception &e) {
        return lostContact(what, firstLine(e));
    }
}

Result<std::vector<torch::Tensor>> ProcessGroup::Impl::allGather(const torch::Tensor &t, const std::string &what)
{
    try {
        std::vector<std::vector<torch::Tensor>> out(1);
        for (int r = 0; r < env.worldSize; ++r)
            out[0].push_back(torch::empty_like(t));
        std::vector<torch::Tensor> in{t.contiguous()};
        c10d::AllgatherOptions o;
        o.timeout = timeout;
        group->allgather(out, in, o)->wait(timeout);
        return out[0];
    } catch (const std::exception &e) {
        return lostContact(what, firstLine(e));
    }
}

namespace {

Status reduceDoubles(ProcessGroup::Impl &d, std::vector<double> &values, c10d::ReduceOp op, const std::string &what)
{
    if (values.empty())
        return {};
    auto t = torch::from_blob(values.data(), {static_cast<int64_t>(values.size())}, torch::kFloat64).clone();
    if (Status s = d.allReduce(t, op, what); !s)
        return s;
    std::copy(t.data_ptr<double>(), t.data_ptr<double>() + values.size(), values.begin());
    return {};
}

} // namespace

Status ProcessGroup::allReduceSum(std::vector<double> &values, const std::string &what)
{
    return reduceDoubles(*m_impl, values, c10d::ReduceOp::SUM, what);
}

Status ProcessGroup::allReduceMin(std::vector<double> &values, const std::string &what)
{
    return reduceDoubles(*m_impl, values, c10d::ReduceOp::MIN, what);
}

Status ProcessGroup::barrier(const std::string &what)
{
    std::vector<double> one{1.0};
    return allReduceSum(one, what);
}

} // namespace lmwb::core
