#pragma once
// LoRA adapters (Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models") and
// the freezing of parameters, shared by the Trainer (training.lora, training.freeze_*) and
// the Finetuner. Internal: only core's .cpp files include this header.
//
//   auto adapters = attachLora(*net, config.lora, firstLayer, seed);  // B = 0: no change yet
//   loss = lossOf(net->forward(x));        // x W^T + scale (x A^T) B^T on adapted projections
//   auto params = mergedParameters(*net, *adapters);  // W + scale B A where adapted: to save
//
// An adapter lives in its projection's module (model/network_p.h, LowRank): the weight W
// stays the registered, frozen parameter and is never written; A (r, in) and B (out, r)
// train, scale = alpha / r. The forward adds the low-rank path, so W gets no gradient and
// costs no optimizer state. Checkpoints hold the merged weights, so that every reader of a
// checkpoint (generation, the views, Hugging Face export) sees the tuned model without
// knowing of LoRA. The Finetuner keeps its adapters disabled except inside LoraEnabled, so
// that its model() is the base model.

#include "config/runconfig.h"
#include "model/network_p.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace lmwb::core {

struct LoraAdapter {
    std::string name; // "h.0.attn.c_attn", the projection's GPT-2 name
    torch::nn::Linear lin{nullptr};
    std::shared_ptr<LowRank> low; // attached to the module
    torch::Tensor merged() const; // W + scale B A, without grad (out, in)
};

// Adapters on config.targets of layers firstLayer .. n_layer-1 (A Gaussian / sqrt(in), B zero,
// so the model is unchanged until B learns). Fails on an LSTM, on an unknown target, or when
// no layer is left to adapt.
Result<std::vector<LoraAdapter>> attachLora(Network &net, const LoraConfig &config, int firstLayer, uint64_t seed);

// The model's parameters by name, the adapted weights replaced by W + scale B A.
std::vector<std::pair<std::string, torch::Tensor>> mergedParameters(Network &net,
                                                                    const std::vector<LoraAdapter> &adapters);

// Enables every adapter while it lives (the Finetuner's adapters are off otherwise).
class LoraEnabled {
public:
    explicit LoraEnabled(const std::vector<LoraAdapter> &adapters);
    ~LoraEnabled();
    LoraEnabled(const LoraEnabled &) = delete;
    LoraEnabled &operator=(const LoraEnabled &) = delete;

private:
    const std::vector<LoraAdapter> &m_adapters;
};
void setLoraEnabled(const std::vector<LoraAdapter> &adapters, bool on);

// Parameters to freeze: every one when lora (the adapters train instead), wte/wpe when
// freezeEmbeddings, h.0 .. h.(freezeLayers-1). Sets requires_grad and returns the trainable
// (name, tensor) pairs in registration order.
std::vector<std::pair<std::string, torch::Tensor>> applyFreezing(Network &net, bool lora, bool freezeEmbeddings,
                                                                 int freezeLayers);

// The layer of a parameter name ("h.3.attn..." -> 3), -1 outside the blocks.
int layerOfParameter(const std::string &name);

} // namespace lmwb::core
