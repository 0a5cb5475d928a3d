#include "engine/runtime.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <thread>

namespace lmwb::core {

int setThreadCount(int threads)
{
    if (threads <= 0) {
        const unsigned hw = std::thread::hardware_concurrency();
        threads = hw == 0 ? 1 : static_cast<int>(hw);
    }
    torch::set_num_threads(threads);
    return threads;
}

int threadCount() { return torch::get_num_threads(); }

std::string runtimeDescription()
{
    return std::string("LibTorch ") + TORCH_VERSION + ", " + std::to_string(torch::get_num_threads()) +
           " intra-op threads";
}

} // namespace lmwb::core
