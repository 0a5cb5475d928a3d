#pragma once
// LoRA adapters (Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models") and
// the freezing of parameters, shared by the Trainer (training.lora, training.freeze_*) and
// the Finetuner. Internal: only core's .cpp files include this header.
//
//   auto adapters = attachLora(*net, config.lora, firstLayer, seed);   // B = 0: no change yet
//   { LoraForward on(adapters); loss = lossOf(net->forward(x)); }     // W0 + s B A, with grad
//   mergeLora(adapters);               // the registered weights := W0 + s B A (no grad)
//
// Each adapted Linear keeps its frozen weight W0 (`base`), the trainable A (r, in) and
// B (out, r), and scale = alpha / r. The Linear's forward reads its `weight` member, so
// LoraForward points that member at W0 + s B A for one forward and back at the registered
// parameter afterwards; autograd then reaches A and B. Who owns W0 differs: the Finetuner
// keeps the registered parameter as W0 (base aliases it); the Trainer keeps a copy of W0
// and writes the merged weights into the registered parameter after every step, so that
// checkpoints, generation and attention probes see the tuned model without knowing of LoRA.

#include "config/runconfig.h"
#include "model/network_p.h"

#include <string>
#include <vector>

namespace lmwb::core {

struct LoraAdapter {
    std::string name; // "h.0.attn.c_attn", the Linear's GPT-2 name
    torch::nn::Linear lin{nullptr};
    torch::Tensor base; // W0 (out, in), frozen
    torch::Tensor A;    // (r, in), Gaussian / sqrt(in)
    torch::Tensor B;    // (out, r), zero: the adapter starts as no update
    double scale = 1.0;
    torch::Tensor delta() const { return B.matmul(A) * scale; } // (out, in)
    torch::Tensor merged() const { return base + delta(); }
};

// Adapters on config.targets of layers firstLayer .. n_layer-1. copyBase: base is a copy of
// the weight (Trainer), else the registered weight itself (Finetuner). Fails on an LSTM, on
// an unknown target, or when no layer is left to adapt.
Result<std::vector<LoraAdapter>> attachLora(Network &net, const LoraConfig &config, int firstLayer, uint64_t seed,
                                            bool copyBase);

// Points every adapted Linear's weight at W0 + s B A while it lives.
class LoraForward {
public:
    explicit LoraForward(std::vector<LoraAdapter> &adapters);
    ~LoraForward();
    LoraForward(const LoraForward &) = delete;
    LoraForward &operator=(const LoraForward &) = delete;

private:
    std::vector<LoraAdapter> &m_adapters;
};

// The registered weight of every adapted Linear := W0 + s B A (without grad).
void mergeLora(std::vector<LoraAdapter> &adapters);

// Parameters to freeze: every one when lora (the adapters train instead), wte/wpe when
// freezeEmbeddings, h.0 .. h.(freezeLayers-1). Sets requires_grad and returns the trainable
// (name, tensor) pairs in registration order.
std::vector<std::pair<std::string, torch::Tensor>> applyFreezing(Network &net, bool lora, bool freezeEmbeddings,
                                                                 int freezeLayers);

// The layer of a parameter name ("h.3.attn..." -> 3), -1 outside the blocks.
int layerOfParameter(const std::string &name);

} // namespace lmwb::core
