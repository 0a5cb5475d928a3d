#include "model/languagemodel.h"

#include "io/checkpoint_p.h"
#include "io/hfgpt2.h"
#include "model/network_p.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lmwb::core {

namespace fs = std::filesystem;

struct LanguageModel::Impl {
    std::shared_ptr<Network> net;
    TokenizerPtr tokenizer;
    std::string dir;
    int64_t step = 0;
};

Result<LanguageModel> LanguageModel::create(const ModelConfig &config, uint64_t seed, TokenizerPtr tokenizer)
{
    if (config.vocabSize <= 0)
        return makeError("model.vocab_size must be set before the model is built");
    if (config.arch == Arch::Gpt && config.nEmbd % config.nHead != 0)
        return makeError("model.n_embd must be divisible by model.n_head");
    if (tokenizer && tokenizer->vocabSize() != config.vocabSize)
        return makeError("the tokenizer has " + std::to_string(tokenizer->vocabSize()) +
                         " tokens but the model expects " + std::to_string(config.vocabSize));
    try {
        LanguageModel m;
        m.m_impl = std::make_shared<Impl>();
        m.m_impl->net = Network::create(config, seed);
        m.m_impl->tokenizer = std::move(tokenizer);
        return m;
    } catch (const std::exception &e) {
        return makeError(std::string("cannot build the model: ") + e.what());
    }
}

Result<std::string> resolveCheckpointDir(const std::string &path)
{
    std::error_code ec;
    const fs::path p(path);
    if (!fs::exists(p, ec))
        return makeError("no such checkpoint or run directory: " + path);
    if (fs::is_regular_file(p / "model.safetensors", ec))
        return p.string();
    if (fs::is_regular_file(p / "latest", ec)) {
        std::ifstream in(p / "latest");
        std::string name;
        std::getline(in, name);
        const fs::path dir = p / "checkpoints" / name;
        if (!name.empty() && fs::is_regular_file(dir / "model.safetensors", ec))
            return dir.string();
        return makeError(path + "/latest names '" + name + "', which is not a checkpoint in " + path + "/checkpoints");
    }
    if (fs::is_regular_file(p / "model.safetensors.index.json", ec))
        return makeError(path + " holds a sharded model (model.safetensors.index.json); only a single "
                                "model.safetensors is read");
    if (fs::is_regular_file(p / "pytorch_model.bin", ec))
        return makeError(path + " has only pytorch_model.bin (a pickle, which is never read here); download "
                                "model.safetensors from the same Hugging Face repository");
    if (fs::is_directory(p / "checkpoints", ec))
        return makeError(path + " is a run directory without a checkpoint yet (no 'latest' file)");
    return makeError(path + " is neither a checkpoint (no model.safetensors) nor a run directory (no 'latest' file)");
}

Result<LanguageModel> LanguageModel::load(const std::string &path)
{
    auto dir = resolveCheckpointDir(path);
    if (!dir)
        return makeError(dir.error());
    if (isHfGpt2Directory(*dir)) {
        auto m = loadHfGpt2(*dir);
        if (m)
            m->m_impl->dir = *dir;
        return m;
    }
    const std::string cfgPath = *dir + "/config.json";
    auto cfg = readRunConfigFile(cfgPath);
    if (!cfg)
        return makeError(cfg.error());
    auto tok = loadTokenizer(*dir);
    if (!tok)
        return makeError("checkpoint " + *dir + ": " + tok.error());
    ModelConfig mc = cfg->model;
    if (mc.vocabSize <= 0)
        return makeError(cfgPath + ": model.vocab_size is missing");
    if ((*tok)->vocabSize() != mc.vocabSize)
        return makeError("checkpoint " + *dir + ": its tokenizer has " + std::to_string((*tok)->vocabSize()) +
                         " tokens but the model was built for " + std::to_string(mc.vocabSize) +
                         "; the tokenizer files do not belong to this model");
    try {
        auto m = create(mc, 0, *tok);
        if (!m)
            return makeError(m.error());
        const std::string weights = *dir + "/model.safetensors";
        auto tensors = loadTensors(weights);
        if (!tensors)
            return makeError(tensors.error());
        if (Status s = loadWeightsInto(*m->m_impl->net, *tensors, weights); !s)
            return makeError(s.error());
        m->m_impl->dir = *dir;
        std::ifstream st(*dir + "/trainer_state.json");
        if (st) {
            auto j = nlohmann::json::parse(st, nullptr, false);
            if (!j.is_discarded() && j.contains("step") && j["step"].is_number_integer())
                m->m_impl->step = j["step"].get<int64_t>();
        }
        return m;
    } catch (const std::exception &e) {
        return makeError("cannot load " + *dir + ": " + e.what());
    }
}

const ModelConfig &LanguageModel::config() const { return m_impl->net->config(); }
const TokenizerPtr &LanguageModel::tokenizer() const { return m_impl->tokenizer; }
const std::string &LanguageModel::checkpointDir() const { return m_impl->dir; }
int64_t LanguageModel::step() const { return m_impl->step; }
int64_t LanguageModel::parameterCount(bool includePositions) const
{
    return m_impl->net->parameterCount(includePositions);
}
std::shared_ptr<Network> LanguageModel::network() const { return m_impl->net; }

Status checkModelInput(const std::vector<int32_t> &ids, const ModelConfig &c, const std::string &what)
{
    if (ids.empty())
        return makeError(what + " has no tokens");
    if (c.arch == Arch::Gpt && static_cast<int64_t>(ids.size()) > c.blockSize)
        return makeError(what + " has " + std::to_string(ids.size()) + " tokens, more than the model's context of " +
                         std::to_string(c.blockSize));
    for (auto id : ids)
        if (id < 0 || id >= c.vocabSize)
            return makeError("token id " + std::to_string(id) + " is outside the vocabulary of " +
                             std::to_string(c.vocabSize));
    return {};
}

static Status checkIds(const std::vector<int32_t> &ids, const ModelConfig &c)
{
    return checkModelInput(ids, c, "the input");
}

static torch::Tensor idsTensor(const std::vector<int32_t> &ids)
{
    return torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong).unsqueeze(0); // (1, T)
}

Result<Logits> LanguageModel::logits(const std::vector<int32_t> &ids) const
{
    if (Status s = checkIds(ids, config()); !s)
        return makeError(s.error());
    try {
        torch::NoGradGuard noGrad;
        auto &net = *m_impl->net;
        net.module().eval();
        auto out = net.forward(idsTensor(ids)).squeeze(0).to(torch::kFloat32).contiguous(); // (T, V)
        Logits l;
        l.T = out.size(0);
        l.V = out.size(1);
        l.values.assign(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
        return l;
    } catch (const std::exception &e) {
        return makeError(std::string("forward pass failed: ") + e.what());
    }
}

Result<AttentionMaps> LanguageModel::attention(const std::vector<int32_t> &ids) const
{
    if (config().arch != Arch::Gpt)
        return makeError("an LSTM has no attention to show");
    if (Status s = checkIds(ids, config()); !s)
        return makeError(s.error());
    try {
        torch::NoGradGuard noGrad;
        auto &net = *m_impl->net;
        net.module().eval();
        std::vector<torch::Tensor> probs;
        net.forward(idsTensor(ids), &probs);
        auto all = torch::stack(probs).squeeze(1).to(torch::kFloat32).contiguous(); // (L, nh, T, T)
        AttentionMaps a;
        a.nLayer = static_cast<int>(all.size(0));
        a.nHead = static_cast<int>(all.size(1));
        a.T = all.size(2);
        a.values.assign(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
        return a;
    } catch (const std::exception &e) {
        return makeError(std::string("attention capture failed: ") + e.what());
    }
}

} // namespace lmwb::core
