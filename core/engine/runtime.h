#pragma once
// Process-wide settings of the tensor runtime, for code outside core that must not see torch.

#include <string>

namespace lmwb::core {

// Intra-op threads for tensor work; 0 = all cores. Returns the count in force.
int setThreadCount(int threads);
int threadCount();
// "LibTorch 1.13.1, OpenMP 201511, ..." for the About box and --version.
std::string runtimeDescription();

} // namespace lmwb::core
