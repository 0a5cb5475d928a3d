#include "model/network_p.h"

#include <cmath>

namespace lmwb::core {

namespace F = torch::nn::functional;

LayerNormImpl::LayerNormImpl(int64_t n, bool withBias)
{
    weight = register_parameter("weight", torch::ones({n}));
    if (withBias)
        bias = register_parameter("bias", torch::zeros({n}));
}

torch::Tensor LayerNormImpl::forward(const torch::Tensor &x)
{
    return torch::layer_norm(x, {weight.size(0)}, weight, bias, 1e-5);
}

CausalSelfAttentionImpl::CausalSelfAttentionImpl(const ModelConfig &c, bool fusedPath)
    : nHead(c.nHead), nEmbd(c.nEmbd), dropout(c.dropout), fused(fusedPath)
{
    c_attn = register_module("c_attn", torch::nn::Linear(torch::nn::LinearOptions(c.nEmbd, 3 * c.nEmbd).bias(c.bias)));
    c_proj = register_module("c_proj", torch::nn::Linear(torch::nn::LinearOptions(c.nEmbd, c.nEmbd).bias(c.bias)));
    attn_dropout = register_module("attn_dropout", torch::nn::Dropout(c.dropout));
    resid_dropout = register_module("resid_dropout", torch::nn::Dropout(c.dropout));
}

torch::Tensor project(torch::nn::Linear &lin, const std::shared_ptr<LowRank> &adapter, const torch::Tensor &x)
{
    auto y = lin->forward(x);
    if (!adapter || !adapter->enabled)
        return y;
    // The scale on the small (.., r) tensor, and the sum in the matrix product (addmm), so
    // that the adapter adds no extra pass over the (.., out) activations.
    auto h = torch::nn::functional::linear(x, adapter->A) * adapter->scale; // (.., r)
    auto sum = torch::addmm(y.reshape({-1, y.size(-1)}), h.reshape({-1, h.size(-1)}), adapter->B.t()); // (N, out)
    return sum.view(y.sizes());
}

torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor &x, torch::Tensor *probs, KVSlot *cache)
{
    const int64_t B = x.size(0), T = x.size(1), C = x.size(2);
    const int64_t hs = C / nHead;
    auto qkv = project(c_attn, c_attn_lora, x).split(nEmbd, 2);
    auto q = qkv[0].view({B, T, nHead, hs}).transpose(1, 2); // (B, nh, T, hs)
    auto k = qkv[1].view({B, T, nHead, hs}).transpose(1, 2);
    auto v = qkv[2].view({B, T, nHead, hs}).transpose(1, 2);
    int64_t past = 0;
    if (cache) {
        past = cache->len;
        const int64_t need = past + T;
        if (!cache->k.defined() || cache->k.size(0) != B || cache->k.size(2) < need) {
            const int64_t cap = std::max(need, cache->capacity);
            auto k2 = torch::empty({B, nHead, cap, hs}, k.options());
            auto v2 = torch::empty({B, nHead, cap, hs}, v.options());
            if (past > 0) {
                k2.narrow(2, 0, past).copy_(cache->k.narrow(2, 0, past));
                v2.narrow(2, 0, past).copy_(cache->v.narrow(2, 0, past));
            }
            cache->k = k2;
            cache->v = v2;
        }
        cache->k.narrow(2, past, T).copy_(k);
        cache->v.narrow(2, past, T).copy_(v);
        cache->len = need;
        k = cache->k.narrow(2, 0, need);
        v = cache->v.narrow(2, 0, need);
    }
    const int64_t Tk = k.size(2); // past + T
    const double p = is_training() ? dropout : 0.0;
    torch::Tensor y;
    if (fused && !probs && past == 0) {
        // LibTorch 1.13 has only the private composite; 2.x has the public fused kernel.
#if TORCH_VERSION_MAJOR >= 2
        y = at::scaled_dot_product_attention(q, k, v, {}, p, /*is_causal=*/true);
#else
        y = std::get<0>(at::_scaled_dot_product_attention(q, k, v, {}, p, false, /*is_causal=*/true));
#endif
    } else {
        // Explicit path: softmax(q k^T / sqrt(hs)) with the causal mask (Vaswani et al. 2017).
        auto att = torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(static_cast<double>(hs))); // (B, nh, T, Tk)
        if (T > 1) {
            // query i (absolute position past + i) sees keys j <= past + i
            if (!m_blocked.defined() || m_blocked.size(0) != T || m_blocked.size(1) != Tk) {
                c10::InferenceMode normal(false); // kept by the module: must stay usable by autograd
                m_blocked = torch::ones({T, Tk}, torch::dtype(torch::kBool)).tril(past).logical_not();
            }
            att = att.masked_fill(m_blocked, -std::numeric_limits<float>::infinity());
        }
        att = torch::softmax(att, -1);
        if (probs)
            *probs = att.detach();
        att = attn_dropout(att);
        y = torch::matmul(att, v); // (B, nh, T, hs)
    }
    y = y.transpose(1, 2).contiguous().view({B, T, C});
    return resid_dropout(project(c_proj, c_proj_lora, y));
}

MLPImpl::MLPImpl(const ModelConfig &c) : tanhGelu(c.activation == "gelu_tanh")
{
    c_fc = register_module("c_fc", torch::nn::Linear(torch::nn::LinearOptions(c.nEmbd, 4 * c.nEmbd).bias(c.bias)));
    c_proj = register_module("c_proj", torch::nn::Linear(torch::nn::LinearOptions(4 * c.nEmbd, c.nEmbd).bias(c.bias)));
    dropout = register_module("dropout", torch::nn::Dropout(c.dropout));
}

torch::Tensor MLPImpl::forward(const torch::Tensor &x)
{
    return dropout(project(c_proj, c_proj_lora, torch::gelu(project(c_fc, c_fc_lora, x), tanhGelu ? "tanh" : "none")));
}

BlockImpl::BlockImpl(const ModelConfig &c, bool fused)
{
    ln_1 = register_module("ln_1", LayerNorm(c.nEmbd, c.bias));
    attn = register_module("attn", CausalSelfAttention(c, fused));
    ln_2 = register_module("ln_2", LayerNorm(c.nEmbd, c.bias));
    mlp = register_module("mlp", MLP(c));
}

torch::Tensor BlockImpl::forward(const torch::Tensor &x, torch::Tensor *probs, KVSlot *cache)
{
    auto y = x + attn(ln_1(x), probs, cache);
    return y + mlp(ln_2(y));
}

GPTImpl::GPTImpl(const ModelConfig &c) : config(c)
{
    const bool fused = useFusedAttention(c);
    wte = register_module("wte", torch::nn::Embedding(c.vocabSize, c.nEmbd));
    wpe = register_module("wpe", torch::nn::Embedding(c.blockSize, c.nEmbd));
    drop = register_module("drop", torch::nn::Dropout(c.dropout));
    h = register_module("h", torch::nn::ModuleList());
    for (int i = 0; i < c.nLayer; ++i)
        h->push_back(Block(c, fused));
    ln_f = register_module("ln_f", LayerNorm(c.nEmbd, c.bias));
    if (!c.tieEmbeddings)
        lm_head = register_module("lm_head", torch::nn::Linear(torch::nn::LinearOptions(c.nEmbd, c.vocabSize).bias(false)));
}

void GPTImpl::initWeights(uint64_t seed)
{
    // GPT-2 / nanoGPT init: N(0, 0.02), zero biases, and the residual projections scaled
    // by 1/sqrt(2 * n_layer) (Radford et al. 2019, §2.3).
    torch::NoGradGuard noGrad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const double projStd = 0.02 / std::sqrt(2.0 * config.nLayer);
    for (auto &item : named_parameters()) {
        const auto &name = item.key();
        auto &p = item.value();
        if (name.find("ln_") != std::string::npos) {
            continue; // LayerNorm keeps weight 1, bias 0
        }
        if (p.dim() == 1) {
            p.zero_();
            continue;
        }
        const bool residual = name.size() >= 13 && name.compare(name.size() - 13, 13, "c_proj.weight") == 0;
        p.normal_(0.0, residual ? projStd : 0.02, gen);
    }
}

torch::Tensor GPTImpl::forward(const torch::Tensor &idx, std::vector<torch::Tensor> *attention, KVCache *cache)
{
    const int64_t T = idx.size(1);
    const int64_t past = cache ? cache->length() : 0;
    TORCH_CHECK(past + T <= config.blockSize, "sequence of length ", past + T, " exceeds block_size ",
                config.blockSize);
    auto pos = torch::arange(past, past + T, torch::kLong);
    auto x = drop(wte(idx) + wpe(pos)); // (B, T, C)
    if (cache && cache->layers.empty()) {
        cache->layers.resize(h->size());
        for (auto &slot : cache->layers)
            slot.capacity = config.blockSize;
    }
    if (attention)
        attention->assign(h->size(), torch::Tensor());
    for (size_t i = 0; i < h->size(); ++i) {
        x = h->ptr<BlockImpl>(i)->forward(x, attention ? &(*attention)[i] : nullptr, cache ? &cache->layers[i] : nullptr);
    }
    x = ln_f(x);
    if (lm_head)
        return lm_head(x);                      // untied head: (B, T, V)
    return torch::matmul(x, wte->weight.t()); // tied lm_head: (B, T, V)
}

LSTMLMImpl::LSTMLMImpl(const ModelConfig &c) : config(c)
{
    wte = register_module("wte", torch::nn::Embedding(c.vocabSize, c.nEmbd));
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(c.nEmbd, c.nEmbd)
                                                       .num_layers(c.nLayer)
                                                       .batch_first(true)
                                                       .dropout(c.nLayer > 1 ? c.dropout : 0.0)));
    drop = register_module("drop", torch::nn::Dropout(c.dropout));
    ln_f = register_module("ln_f", LayerNorm(c.nEmbd, c.bias));
    lm_head = register_module("lm_head", torch::nn::Linear(torch::nn::LinearOptions(c.nEmbd, c.vocabSize).bias(true)));
}

torch::Tensor LSTMLMImpl::forward(const torch::Tensor &idx)
{
    auto x = drop(wte(idx));                 // (B, T, C)
    auto out = std::get<0>(lstm->forward(x)); // (B, T, C)
    return lm_head(ln_f(drop(out)));         // (B, T, V)
}

std::shared_ptr<Network> Network::create(const ModelConfig &config, uint64_t seed)
{
    auto n = std::make_shared<Network>();
    n->m_config = config;
    if (config.arch == Arch::Gpt) {
        n->gpt = GPT(config);
        n->gpt->initWeights(seed);
    } else {
        // LSTM keeps PyTorch's default init (uniform +-1/sqrt(hidden)), drawn from a seeded
        // generator so the same seed gives the same model.
        n->lstm = LSTMLM(config);
        torch::NoGradGuard noGrad;
        auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
        const double bound = 1.0 / std::sqrt(static_cast<double>(config.nEmbd));
        for (auto &p : n->lstm->parameters())
            p.uniform_(-bound, bound, gen);
        n->lstm->ln_f->weight.fill_(1.0);
        if (n->lstm->ln_f->bias.defined())
            n->lstm->ln_f->bias.zero_();
        n->lstm->wte->weight.normal_(0.0, 0.02, gen);
    }
    return n;
}

torch::nn::Module &Network::module()
{
    if (gpt)
        return *gpt;
    return *lstm;
}

torch::Tensor Network::forward(const torch::Tensor &idx, std::vector<torch::Tensor> *attention, KVCache *cache)
{
    if (gpt)
        return gpt->forward(idx, attention, cache);
    return lstm->forward(idx);
}

std::vector<std::pair<std::string, torch::Tensor>> Network::namedParameters()
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (auto &item : module().named_parameters())
        out.emplace_back(item.key(), item.value());
    return out;
}

int64_t Network::parameterCount(bool includePositions)
{
    int64_t n = 0;
    for (auto &[name, p] : namedParameters()) {
        if (!includePositions && name == "wpe.weight")
            continue;
        n += p.numel();
    }
    return n;
}

bool useFusedAttention(const ModelConfig &config)
{
    if (config.attention == "fused")
        return true;
    if (config.attention == "explicit")
        return false;
    // auto: measured in bench/ (BENCHMARKS.md). On LibTorch 1.13 the private composite is
    // no faster than the explicit path on the CPU; 2.x has a real fused kernel.
#if TORCH_VERSION_MAJOR >= 2
    return true;
#else
    return false;
#endif
}

} // namespace lmwb::core
