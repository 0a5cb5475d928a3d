#pragma once
// Torch side of the checkpoint files (private to core): tensors <-> safetensors, and
// directories written to a temporary sibling then renamed into place (DESIGN §4).

#include "io/safetensors.h"
#include "model/network_p.h"
#include "util/result.h"

#include <torch/torch.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lmwb::core {

Result<DType> dtypeOf(const torch::Tensor &t);
torch::ScalarType scalarTypeOf(DType d); // the torch type of a safetensors dtype
Status saveTensors(const std::string &path, const std::vector<std::pair<std::string, torch::Tensor>> &tensors,
                   const std::map<std::string, std::string> &metadata = {});
// name -> tensor (owned copies, CPU).
Result<std::map<std::string, torch::Tensor>> loadTensors(const std::string &path);

// Copies weights into the network; every parameter must be present with its shape, and
// no unknown tensor may be left over. The message names the tensor.
Status loadWeightsInto(Network &net, const std::map<std::string, torch::Tensor> &tensors, const std::string &source);

// Calls write(tmpDir) on a fresh temporary sibling of dir, then renames it to dir
// (replacing an older dir of that name). On failure dir is untouched.
Status writeDirectoryAtomically(const std::string &dir, const std::function<Status(const std::string &)> &write);

} // namespace lmwb::core
