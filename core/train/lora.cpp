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

Result<std::vector<LoraAdapter>> attachLora(Network &net, const LoraConfig &config, int firstLayer, uint64_t seed,
                                            bool copyBase)
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
        const std::pair<const char *, torch::nn::Linear> candidates[] = {{"c_attn", block->attn->c_attn},
                                                                          {"attn.c_proj", block->attn->c_proj},
                                                                          {"c_fc", block->mlp->c_fc},
                                                                          {"mlp.c_proj", block->mlp->c_proj}};
        for (const auto &[target, lin] : candidates) {
            if (std::find(config.targets.begin(), config.targets.end(), target) == config.targets.end())
                continue;
            const std::string t = target;
            LoraAdapter a;
            a.name = prefix + (t == "c_attn" ? "attn.c_attn" : t == "c_fc" ? "mlp.c_fc" : t);
            a.lin = lin;
            a.base = copyBase ? lin->weight.detach().clone() : lin->weight;
            const int64_t outDim = a.base.size(0), inDim = a.base.size(1);
            a.A = (torch::randn({config.rank, inDim}, gen) / std::sqrt(static_cast<double>(inDim))).requires_grad_(true);
            a.B = torch::zeros({outDim, config.rank}).requires_grad_(true);
            a.scale = config.alpha / config.rank;
            out.push_back(std::move(a));
        }
    }
    if (out.empty())
        return makeError("lora.targets selects no layer (every layer is frozen by freeze_layers)");
    return out;
}

LoraForward::LoraForward(std::vector<LoraAdapter> &adapters) : m_adapters(adapters)
{
    for (auto &a : m_adapters)
        a.lin->weight = a.merged();
}

LoraForward::~LoraForward()
{
    // Back to the registered parameter (named_parameters() always returned that one).
    for (auto &a : m_adapters)
        a.lin->weight = a.lin->named_parameters(false)["weight"];
}

void mergeLora(std::vector<LoraAdapter> &adapters)
{
    torch::NoGradGuard noGrad;
    for (auto &a : adapters)
        a.lin->named_parameters(false)["weight"].copy_(a.merged());
}

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
