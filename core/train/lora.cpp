#include "train/lora_p.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace lmwb::core {

int layerOfParameter(const std::string &name)
{
    if (name.rfind("h.", 0) != 0)
        return -1;
    return std::atoi(name.c_str() + 2);
}

torch::Tensor LoraAdapter::merged() const
{
    torch::NoGradGuard noGrad;
    return lin->weight + low->B.matmul(low->A) * low->scale;
}

Result<std::vector<LoraAdapter>> attachLora(Network &net, const LoraConfig &config, int firstLayer, uint64_t seed)
{
    if (!net.gpt)
        return makeError("LoRA needs a GPT model; this one is an LSTM");
    if (config.rank < 1)
        return makeError("lora.rank must be at least 1");
    const auto &known = loraTargetNames();
    for (const auto &t : config.targets)
        if (std::find(known.begin(), known.end(), t) == known.end())
            return makeError("lora.targets: unknown projection '" + t + "' (c_attn, attn.c_proj, c_fc, mlp.c_proj)");
    std::vector<LoraAdapter> out;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    torch::NoGradGuard noGrad;
    for (std::size_t l = static_cast<std::size_t>(std::max(0, firstLayer)); l < net.gpt->h->size(); ++l) {
        auto block = net.gpt->h->ptr<BlockImpl>(l);
        const std::string prefix = "h." + std::to_string(l) + ".";
        struct Slot {
            const char *target;
            const char *name;
            torch::nn::Linear lin;
            std::shared_ptr<LowRank> *low;
        };
        const Slot slots[] = {{"c_attn", "attn.c_attn", block->attn->c_attn, &block->attn->c_attn_lora},
                              {"attn.c_proj", "attn.c_proj", block->attn->c_proj, &block->attn->c_proj_lora},
                              {"c_fc", "mlp.c_fc", block->mlp->c_fc, &block->mlp->c_fc_lora},
                              {"mlp.c_proj", "mlp.c_proj", block->mlp->c_proj, &block->mlp->c_proj_lora}};
        for (const Slot &s : slots) {
            if (std::find(config.targets.begin(), config.targets.end(), s.target) == config.targets.end())
                continue;
            const int64_t outDim = s.lin->weight.size(0), inDim = s.lin->weight.size(1);
            auto low = std::make_shared<LowRank>();
            low->A = (torch::randn({config.rank, inDim}, gen) / std::sqrt(static_cast<double>(inDim))).requires_grad_(true);
            low->B = torch::zeros({outDim, config.rank}).requires_grad_(true);
            low->scale = config.alpha / config.rank;
            *s.low = low;
            out.push_back({prefix + s.name, s.lin, low});
        }
    }
    if (out.empty())
        return makeError("lora.targets selects no layer (every layer is frozen by freeze_layers)");
    return out;
}

std::vector<std::pair<std::string, torch::Tensor>> mergedParameters(Network &net,
                                                                    const std::vector<LoraAdapter> &adapters)
{
    auto params = net.namedParameters();
    for (auto &[name, p] : params)
        for (const auto &a : adapters)
            if (name == a.name + ".weight")
                p = a.merged();
    return params;
}

void setLoraEnabled(const std::vector<LoraAdapter> &adapters, bool on)
{
    for (const auto &a : adapters)
        a.low->enabled = on;
}

LoraEnabled::LoraEnabled(const std::vector<LoraAdapter> &adapters) : m_adapters(adapters)
{
    setLoraEnabled(m_adapters, true);
}

LoraEnabled::~LoraEnabled() { setLoraEnabled(m_adapters, false); }

std::vector<std::pair<std::string, torch::Tensor>> applyFreezing(Network &net, bool lora, bool freezeEmbeddings,
                                                                 int freezeLayers)
{
    std::vector<std::pair<std::string, torch::Tensor>> trainable;
    for (auto &[name, p] : net.namedParameters()) {
        const int layer = layerOfParameter(name);
        bool frozen = lora; // LoRA: every weight of the model stays as it is
        frozen = frozen || (freezeEmbeddings && (name == "wte.weight" || name == "wpe.weight"));
        frozen = frozen || (layer >= 0 && layer < freezeLayers);
        p.set_requires_grad(!frozen);
        if (!frozen)
            trainable.emplace_back(name, p);
    }
    return trainable;
}

} // namespace lmwb::core
