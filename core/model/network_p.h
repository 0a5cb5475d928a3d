#pragma once
// Internal (torch) side of the models: the GPT and LSTM torch modules and Network, which
// holds either. Only core's .cpp files include this header (the _p suffix marks a private
// header, as in Qt); everything outside core sees LanguageModel (languagemodel.h).
//
// Notation: B batch, T time (tokens), C channels (n_embd), V vocabulary, nh heads,
// hs head size (C / nh).

#include "config/runconfig.h"
#include "util/result.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <memory>
#include <optional>
#include <vector>

namespace lmwb::core {

// LayerNorm with an optional bias (PyTorch's has none to turn off; nanoGPT's model.py
// makes the same point).
class LayerNormImpl : public torch::nn::Module {
public:
    LayerNormImpl(int64_t n, bool bias);
    torch::Tensor forward(const torch::Tensor &x);
    torch::Tensor weight, bias;
};
TORCH_MODULE(LayerNorm);

// Per-layer K and V of the tokens seen so far, for cached generation.
// One layer's keys and values, in a buffer allocated once for the whole context (appending
// a token writes one slot instead of copying the whole cache as torch::cat would).
// The ids a model can take: non-empty, inside the vocabulary, at most block_size for a GPT.
// The message names the input as `what` ("the prompt", "the input").
Status checkModelInput(const std::vector<int32_t> &ids, const ModelConfig &c, const std::string &what);

// A LoRA adapter on one projection (Hu et al. 2021; train/lora_p.h attaches them): while
// enabled, the projection computes x W^T + b + scale * (x A^T) B^T, so the frozen W gets no
// gradient and the extra cost is r (in + out) per token, not a second in x out matrix.
struct LowRank {
    torch::Tensor A; // (r, in)
    torch::Tensor B; // (out, r)
    double scale = 1.0;
    bool enabled = true;
};
// lin(x), plus the low-rank path of an attached, enabled adapter.
torch::Tensor project(torch::nn::Linear &lin, const std::shared_ptr<LowRank> &adapter, const torch::Tensor &x);

struct KVSlot {
    torch::Tensor k, v; // (B, nh, capacity, hs); the first len positions are filled
    int64_t len = 0;
    int64_t capacity = 0;
};

struct KVCache {
    std::vector<KVSlot> layers;
    int64_t length() const { return layers.empty() ? 0 : layers[0].len; }
    void clear() { layers.clear(); }
};

class CausalSelfAttentionImpl : public torch::nn::Module {
public:
    CausalSelfAttentionImpl(const ModelConfig &c, bool fused);
    // probs: when non-null receives the attention probabilities (B, nh, T, Tk).
    torch::Tensor forward(const torch::Tensor &x, torch::Tensor *probs, KVSlot *cache = nullptr);
    torch::nn::Linear c_attn{nullptr}, c_proj{nullptr};
    std::shared_ptr<LowRank> c_attn_lora, c_proj_lora; // null without LoRA
    torch::nn::Dropout attn_dropout{nullptr}, resid_dropout{nullptr};
    int64_t nHead, nEmbd;
    double dropout;
    bool fused;

private:
    torch::Tensor m_blocked; // (T, Tk) true above the causal diagonal; cached per shape
};
TORCH_MODULE(CausalSelfAttention);

class MLPImpl : public torch::nn::Module {
public:
    explicit MLPImpl(const ModelConfig &c);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear c_fc{nullptr}, c_proj{nullptr};
    std::shared_ptr<LowRank> c_fc_lora, c_proj_lora; // null without LoRA
    torch::nn::Dropout dropout{nullptr};
    bool tanhGelu = false; // GPT-2's approximation (config activation "gelu_tanh")
};
TORCH_MODULE(MLP);

class BlockImpl : public torch::nn::Module {
public:
    BlockImpl(const ModelConfig &c, bool fused);
    torch::Tensor forward(const torch::Tensor &x, torch::Tensor *probs, KVSlot *cache = nullptr);
    LayerNorm ln_1{nullptr}, ln_2{nullptr};
    CausalSelfAttention attn{nullptr};
    MLP mlp{nullptr};
};
TORCH_MODULE(Block);

// nanoGPT's GPT with GPT-2's parameter names; lm_head is tied to wte (no separate weight)
// unless config.tieEmbeddings is false (an imported model with its own lm_head.weight).
class GPTImpl : public torch::nn::Module {
public:
    explicit GPTImpl(const ModelConfig &c);
    // idx (B, T) int64 -> logits (B, T, V). attention: per layer (B, nh, T, Tk) when non-null.
    // cache: when non-null, the new tokens attend to the cached ones and are appended.
    torch::Tensor forward(const torch::Tensor &idx, std::vector<torch::Tensor> *attention = nullptr,
                          KVCache *cache = nullptr);
    void initWeights(uint64_t seed);

    ModelConfig config;
    torch::nn::Embedding wte{nullptr}, wpe{nullptr};
    torch::nn::Dropout drop{nullptr};
    torch::nn::ModuleList h{nullptr};
    LayerNorm ln_f{nullptr};
    torch::nn::Linear lm_head{nullptr}; // untied models only
};
TORCH_MODULE(GPT);

// The recurrent baseline: embedding -> multi-layer LSTM -> LayerNorm -> linear head.
class LSTMLMImpl : public torch::nn::Module {
public:
    explicit LSTMLMImpl(const ModelConfig &c);
    torch::Tensor forward(const torch::Tensor &idx);
    ModelConfig config;
    torch::nn::Embedding wte{nullptr};
    torch::nn::LSTM lstm{nullptr};
    torch::nn::Dropout drop{nullptr};
    LayerNorm ln_f{nullptr};
    torch::nn::Linear lm_head{nullptr};
};
TORCH_MODULE(LSTMLM);

// Holds one model of either architecture behind one interface.
class Network {
public:
    static std::shared_ptr<Network> create(const ModelConfig &config, uint64_t seed);

    const ModelConfig &config() const { return m_config; }
    torch::nn::Module &module();
    torch::Tensor forward(const torch::Tensor &idx, std::vector<torch::Tensor> *attention = nullptr,
                          KVCache *cache = nullptr);
    // name -> parameter, in registration order, GPT-2 names ("h.0.attn.c_attn.weight").
    std::vector<std::pair<std::string, torch::Tensor>> namedParameters();
    int64_t parameterCount(bool includePositions = true);

    GPT gpt{nullptr};
    LSTMLM lstm{nullptr};

private:
    ModelConfig m_config;
};

// Resolved attention implementation: "auto" picks the measured faster path.
bool useFusedAttention(const ModelConfig &config);

} // namespace lmwb::core
