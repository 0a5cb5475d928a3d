#include "train/finetune.h"

#include "io/checkpoint_p.h"
#include "model/network_p.h"
#include "train/lora_p.h"
#include "train/pairbatch_p.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <set>

namespace lmwb::core {

namespace fs = std::filesystem;
using nlohmann::json;

struct Finetuner::Impl {
    FinetuneSettings settings;
    std::optional<LanguageModel> model;
    std::shared_ptr<Network> net;
    std::vector<PairExample> examples;
    std::vector<LoraAdapter> lora;
    std::vector<torch::Tensor> trainable;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    std::mt19937_64 rng;
    int64_t steps = 0;

    torch::Tensor lossOf(const std::vector<int64_t> &which, torch::Tensor *count = nullptr)
    {
        auto [x, y] = pairBatch(examples, which);
        torch::Tensor logits;
        {
            LoraEnabled adapted(lora);
            logits = net->forward(x); // (B, T, V)
        }
        auto sum = maskedCrossEntropy(logits, y, torch::kSum);
        auto n = (y != -1).sum();
        if (count)
            *count = n;
        return sum / n.clamp_min(1);
    }
};

Finetuner::Finetuner() : m_impl(std::make_unique<Impl>()) {}
Finetuner::~Finetuner() = default;

Result<std::unique_ptr<Finetuner>> Finetuner::create(const LanguageModel &base, const std::vector<PromptPair> &pairs,
                                                     const FinetuneSettings &s)
{
    const ModelConfig &mc = base.config();
    if (mc.arch != Arch::Gpt && s.lora.rank > 0)
        return makeError("LoRA needs a GPT model; this one is an LSTM");
    if (!base.tokenizer())
        return makeError("the model has no tokenizer");
    if (pairs.empty())
        return makeError("no prompt/response pairs to fine-tune on");
    if (s.lora.rank < 0 || s.lora.rank > 1024)
        return makeError("lora.rank must be between 0 and 1024");
    if (s.freezeLayers < 0 || (mc.arch == Arch::Gpt && s.freezeLayers > mc.nLayer))
        return makeError("freeze_layers must be between 0 and the model's " + std::to_string(mc.nLayer) + " layers");
    std::unique_ptr<Finetuner> ft(new Finetuner());
    auto &d = *ft->m_impl;
    d.settings = s;
    d.rng.seed(s.seed);
    const int blockSize = mc.arch == Arch::Gpt ? mc.blockSize : 1 << 20;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        auto ex = encodePair(*base.tokenizer(), pairs[i], blockSize);
        if (!ex)
            return makeError("pair " + std::to_string(i + 1) + ": " + ex.error());
        d.examples.push_back(std::move(*ex));
    }
    try {
        torch::NoGradGuard noGrad;
        auto copy = LanguageModel::create(mc, s.seed, base.tokenizer());
        if (!copy)
            return makeError(copy.error());
        d.model = std::move(*copy);
        d.net = d.model->network();
        auto src = base.network()->namedParameters();
        auto dst = d.net->namedParameters();
        for (std::size_t i = 0; i < dst.size(); ++i)
            dst[i].second.copy_(src[i].second);
        for (auto &[name, p] : applyFreezing(*d.net, s.lora.rank > 0, s.freezeEmbeddings, s.freezeLayers))
            d.trainable.push_back(p);
        if (s.lora.rank > 0) {
            auto adapters = attachLora(*d.net, s.lora, s.freezeLayers, s.seed);
            if (!adapters)
                return makeError(adapters.error());
            d.lora = std::move(*adapters);
            setLoraEnabled(d.lora, false); // model() stays the base; lossOf and logits enable them
            for (auto &a : d.lora) {
                d.trainable.push_back(a.low->A);
                d.trainable.push_back(a.low->B);
            }
        }
        if (d.trainable.empty())
            return makeError("nothing left to train: every weight is frozen");
        d.optimizer = std::make_unique<torch::optim::AdamW>(
            d.trainable, torch::optim::AdamWOptions(s.learningRate).weight_decay(s.weightDecay));
    } catch (const std::exception &e) {
        return makeError(std::string("cannot set up fine-tuning: ") + e.what());
    }
    return ft;
}

double Finetuner::loss() const
{
    auto &d = *m_impl;
    torch::NoGradGuard noGrad;
    d.net->module().eval();
    double sum = 0.0, n = 0.0;
    for (std::size_t i = 0; i < d.examples.size(); ++i) {
        torch::Tensor count;
        auto l = d.lossOf({static_cast<int64_t>(i)}, &count);
        sum += l.item<double>() * count.item<double>();
        n += count.item<double>();
    }
    return n > 0 ? sum / n : 0.0;
}

Result<double> Finetuner::step()
{
    auto &d = *m_impl;
    try {
        d.net->module().train();
        std::vector<int64_t> which;
        std::uniform_int_distribution<std::size_t> pick(0, d.examples.size() - 1);
        for (int b = 0; b < d.settings.batchSize; ++b)
            which.push_back(static_cast<int64_t>(pick(d.rng)));
        auto loss = d.lossOf(which);
        d.optimizer->zero_grad();
        loss.backward();
        if (d.settings.gradClip > 0)
            torch::nn::utils::clip_grad_norm_(d.trainable, d.settings.gradClip);
        const double value = loss.item<double>();
        if (!std::isfinite(value))
            return makeError("the loss is not finite at step " + std::to_string(d.steps + 1) +
                             "; lower learning_rate");
        d.optimizer->step();
        ++d.steps;
        return value;
    } catch (const std::exception &e) {
        return makeError(std::string("fine-tuning step failed: ") + e.what());
    }
}

int64_t Finetuner::stepCount() const { return m_impl->steps; }

int64_t Finetuner::trainableParameters() const
{
    int64_t n = 0;
    for (auto &t : m_impl->trainable)
        n += t.numel();
    return n;
}

const LanguageModel &Finetuner::model() const { return *m_impl->model; }

Result<Logits> Finetuner::logits(const std::vector<int32_t> &ids) const
{
    auto &d = *m_impl;
    LoraEnabled adapted(d.lora);
    return d.model->logits(ids);
}

Result<LanguageModel> Finetuner::merged() const
{
    auto &d = *m_impl;
    try {
        torch::NoGradGuard noGrad;
        auto m = LanguageModel::create(d.model->config(), 0, d.model->tokenizer());
        if (!m)
            return makeError(m.error());
        auto src = mergedParameters(*d.net, d.lora); // W + scale B A where adapted
        auto dst = m->network()->namedParameters();
        for (std::size_t i = 0; i < dst.size(); ++i)
            dst[i].second.copy_(src[i].second);
        return m;
    } catch (const std::exception &e) {
        return makeError(std::string("cannot merge the adapters: ") + e.what());
    }
}

Status saveModelCheckpoint(const LanguageModel &m, const std::string &dir, const std::string &dataSource)
{
    return writeDirectoryAtomically(dir, [&](const std::string &tmp) -> Status {
        if (Status s = saveTensors(tmp + "/model.safetensors", m.network()->namedParameters()); !s)
            return s;
        RunConfig rc;
        rc.model = m.config();
        rc.tokenizer.kind = m.tokenizer()->kind();
        rc.tokenizer.vocabSize = m.tokenizer()->vocabSize();
        rc.data.train = {fs::absolute(dataSource).lexically_normal().string()};
        std::ofstream cfg(tmp + "/config.json");
        cfg << toJson(rc) << '\n';
        if (!cfg)
            return makeError("cannot write " + tmp + "/config.json");
        cfg.close();
        return m.tokenizer()->save(tmp);
    });
}

Result<FinetuneConfig> parseFinetuneConfig(const std::string &text, const std::string &baseDir)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError("the fine-tuning configuration is not a JSON object");
    FinetuneConfig c;
    auto &s = c.settings;
    const std::set<std::string> known = {"init_from", "pairs", "steps", "batch_size", "learning_rate", "weight_decay",
                                         "grad_clip", "seed", "freeze_embeddings", "freeze_layers", "lora"};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!known.count(it.key()))
            return makeError("unknown key '" + it.key() +
                             "' (known: init_from, pairs, steps, batch_size, learning_rate, weight_decay, grad_clip, "
                             "seed, freeze_embeddings, freeze_layers, lora)");
    auto path = [&](const char *k, std::string &out) -> Status {
        auto it = j.find(k);
        if (it == j.end() || !it->is_string() || it->get<std::string>().empty())
            return makeError(std::string(k) + " must be given as a path");
        fs::path p(it->get<std::string>());
        out = (p.is_relative() && !baseDir.empty() ? fs::path(baseDir) / p : p).lexically_normal().string();
        return {};
    };
    if (Status st = path("init_from", c.initFrom); !st)
        return makeError(st.error());
    if (Status st = path("pairs", c.pairs); !st)
        return makeError(st.error());
    auto integer = [](const json &o, const std::string &prefix, const char *k, int64_t lo, int64_t hi, auto &out) -> Status {
        auto it = o.find(k);
        if (it == o.end())
            return {};
        if (!it->is_number_integer() || it->template get<int64_t>() < lo || it->template get<int64_t>() > hi)
            return makeError(prefix + k + " must be an integer between " + std::to_string(lo) + " and " +
                             std::to_string(hi) + ", got " + it->dump());
        out = static_cast<std::remove_reference_t<decltype(out)>>(it->template get<int64_t>());
        return {};
    };
    auto number = [](const json &o, const std::string &prefix, const char *k, double lo, double hi, double &out) -> Status {
        auto it = o.find(k);
        if (it == o.end())
            return {};
        if (!it->is_number() || !(it->get<double>() >= lo && it->get<double>() <= hi))
            return makeError(prefix + k + " must be a number between " + std::to_string(lo) + " and " +
                             std::to_string(hi) + ", got " + it->dump());
        out = it->get<double>();
        return {};
    };
    auto boolean = [&](const char *k, bool &out) -> Status {
        auto it = j.find(k);
        if (it == j.end())
            return {};
        if (!it->is_boolean())
            return makeError(std::string(k) + " must be true or false, got " + it->dump());
        out = it->get<bool>();
        return {};
    };
    int64_t seed = static_cast<int64_t>(s.seed);
    for (Status st : {integer(j, "", "steps", 1, 10'000'000, s.steps), integer(j, "", "batch_size", 1, 4096, s.batchSize),
                      number(j, "", "learning_rate", 1e-9, 10.0, s.learningRate),
                      number(j, "", "weight_decay", 0.0, 10.0, s.weightDecay),
                      number(j, "", "grad_clip", 0.0, 1e6, s.gradClip),
                      integer(j, "", "seed", 0, INT64_MAX, seed), boolean("freeze_embeddings", s.freezeEmbeddings),
                      integer(j, "", "freeze_layers", 0, 96, s.freezeLayers)})
        if (!st)
            return makeError(st.error());
    s.seed = static_cast<uint64_t>(seed);
    if (auto it = j.find("lora"); it != j.end()) {
        if (!it->is_object())
            return makeError("lora must be an object {\"rank\", \"alpha\", \"targets\"}");
        for (auto k = it->begin(); k != it->end(); ++k)
            if (k.key() != "rank" && k.key() != "alpha" && k.key() != "targets")
                return makeError("unknown key 'lora." + k.key() + "' (known: rank, alpha, targets)");
        for (Status st : {integer(*it, "lora.", "rank", 1, 1024, s.lora.rank),
                          number(*it, "lora.", "alpha", 1e-6, 1e6, s.lora.alpha)})
            if (!st)
                return makeError(st.error());
        if (s.lora.rank == 0)
            s.lora.rank = 8;
        if (auto t = it->find("targets"); t != it->end()) {
            if (!t->is_array() || t->empty())
                return makeError("lora.targets must be a non-empty list of c_attn, attn.c_proj, c_fc, mlp.c_proj");
            s.lora.targets.clear();
            for (const auto &v : *t) {
                if (!v.is_string() || std::find(loraTargetNames().begin(), loraTargetNames().end(), v.get<std::string>()) ==
                                          loraTargetNames().end())
                    return makeError("lora.targets: " + v.dump() + " is not one of c_attn, attn.c_proj, c_fc, mlp.c_proj");
                s.lora.targets.push_back(v.get<std::string>());
            }
        }
    }
    return c;
}

} // namespace lmwb::core
