#include "io/hfgpt2.h"

#include "io/checkpoint_p.h"
#include "io/hfgpt2_p.h"
#include "model/network_p.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lmwb::core {

namespace fs = std::filesystem;
using nlohmann::json;
namespace {

// "h.<N>.attn.bias" / "h.<N>.attn.masked_bias": the causal mask buffers, not weights.
bool isMaskBuffer(const std::string &name)
{
    if (name.rfind("h.", 0) != 0)
        return false;
    const std::size_t dot = name.find('.', 2);
    if (dot == std::string::npos || dot == 2)
        return false;
    for (std::size_t i = 2; i < dot; ++i)
        if (!std::isdigit(static_cast<unsigned char>(name[i])))
            return false;
    const std::string rest = name.substr(dot + 1);
    return rest == "attn.bias" || rest == "attn.masked_bias";
}

bool isBiasName(const std::string &name)
{
    return name.size() > 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
}

// A view of the file's bytes, no copy; valid while st lives.
torch::Tensor viewOf(const SafeTensors &st, const TensorEntry &e)
{
    return torch::from_blob(const_cast<char *>(st.data(e)), e.shape, torch::dtype(scalarTypeOf(e.dtype)));
}

std::string shapeText(const std::vector<int64_t> &shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

Result<json> readJson(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError("cannot open " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    json j = json::parse(ss.str(), nullptr, false);
    if (j.is_discarded())
        return makeError(path + " is not valid JSON");
    if (!j.is_object())
        return makeError(path + " must be a JSON object");
    return j;
}

Result<TokenizerPtr> loadHfTokenizer(const std::string &dir)
{
    std::error_code ec;
    const fs::path d(dir);
    if (fs::is_regular_file(d / "vocab.json", ec) && fs::is_regular_file(d / "merges.txt", ec))
        return loadGpt2Tokenizer((d / "vocab.json").string(), (d / "merges.txt").string());
    if (fs::is_directory(d / "lmwb_tokenizer", ec))
        return loadTokenizer((d / "lmwb_tokenizer").string());
    return makeError(dir + " has no tokenizer: expected GPT-2's vocab.json and merges.txt (or the lmwb_tokenizer "
                           "folder of an LM Workbench export)");
}

Status writeCheckpointFiles(const LanguageModel &m, const std::string &dir, const std::string &source)
{
    auto net = m.network();
    if (Status s = saveTensors(dir + "/model.safetensors", net->namedParameters()); !s)
        return s;
    RunConfig rc;
    rc.model = m.config();
    rc.tokenizer.kind = m.tokenizer()->kind();
    rc.tokenizer.vocabSize = m.tokenizer()->vocabSize();
    rc.data.train = {fs::absolute(source).lexically_normal().string()}; // where the weights came from
    if (Status s = writeText(dir + "/config.json", toJson(rc) + "\n"); !s)
        return s;
    return m.tokenizer()->save(dir);
}

} // namespace

// Shared with hfgpt2export.cpp (hfgpt2_p.h).
bool isConv1DWeight(const std::string &name)
{
    for (const char *suffix : {".attn.c_attn.weight", ".attn.c_proj.weight", ".mlp.c_fc.weight", ".mlp.c_proj.weight"}) {
        const std::size_t n = std::strlen(suffix);
        if (name.size() > n && name.compare(name.size() - n, n, suffix) == 0)
            return true;
    }
    return false;
}

Status writeText(const std::string &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out)
        return makeError("cannot write " + path);
    return {};
}

Status checkFreshOutput(const std::string &out)
{
    std::error_code ec;
    if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec)))
        return makeError(out + " already exists; choose another output folder or remove it first");
    return {};
}

bool isHfGpt2Directory(const std::string &dir)
{
    std::error_code ec;
    const fs::path d(dir);
    if (!fs::is_regular_file(d / "model.safetensors", ec) || !fs::is_regular_file(d / "config.json", ec))
        return false;
    auto j = readJson((d / "config.json").string());
    if (!j)
        return false;
    return !j->contains("model") && (j->contains("model_type") || j->contains("n_layer"));
}

Result<ModelConfig> readHfGpt2Config(const std::string &path)
{
    auto jr = readJson(path);
    if (!jr)
        return makeError(jr.error());
    const json &j = *jr;
    auto want = [&](const char *key, int64_t lo, int64_t hi, int64_t &out) -> Status {
        auto it = j.find(key);
        if (it == j.end())
            return makeError(path + ": key \"" + key + "\" is missing (a GPT-2 config.json has it)");
        if (!it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi)
            return makeError(path + ": \"" + key + "\" must be an integer between " + std::to_string(lo) + " and " +
                             std::to_string(hi) + ", got " + it->dump());
        out = it->get<int64_t>();
        return {};
    };
    if (auto it = j.find("model_type"); it != j.end() && *it != "gpt2")
        return makeError(path + ": model_type is " + it->dump() + "; only \"gpt2\" models can be imported");
    int64_t nLayer = 0, nHead = 0, nEmbd = 0, vocab = 0, nPos = 0;
    struct Key {
        const char *name;
        int64_t lo, hi;
        int64_t *out;
    };
    for (const Key &k : {Key{"n_layer", 1, 96, &nLayer}, Key{"n_head", 1, 128, &nHead}, Key{"n_embd", 1, 16384, &nEmbd},
                         Key{"vocab_size", 1, 10'000'000, &vocab}}) {
        if (Status s = want(k.name, k.lo, k.hi, *k.out); !s)
            return makeError(s.error());
    }
    const bool hasPos = j.contains("n_positions"), hasCtx = j.contains("n_ctx");
    if (!hasPos && !hasCtx)
        return makeError(path + ": neither \"n_positions\" nor \"n_ctx\" is given (the context length)");
    if (Status s = want(hasPos ? "n_positions" : "n_ctx", 1, 32768, nPos); !s)
        return makeError(s.error());
    if (nEmbd % nHead != 0)
        return makeError(path + ": n_embd (" + std::to_string(nEmbd) + ") is not divisible by n_head (" +
                         std::to_string(nHead) + ")");
    if (auto it = j.find("layer_norm_epsilon"); it != j.end()) {
        if (!it->is_number() || std::abs(it->get<double>() - 1e-5) > 1e-12)
            return makeError(path + ": layer_norm_epsilon " + it->dump() +
                             " is not supported; the GPT module uses GPT-2's 1e-5");
    }
    if (auto it = j.find("n_inner"); it != j.end() && !it->is_null() &&
                                     !(it->is_number_integer() && it->get<int64_t>() == 4 * nEmbd))
        return makeError(path + ": n_inner " + it->dump() + " is not supported; the MLP is 4 * n_embd wide (null)");
    for (const char *key : {"scale_attn_by_inverse_layer_idx", "add_cross_attention"})
        if (auto it = j.find(key); it != j.end() && *it != false)
            return makeError(path + ": \"" + std::string(key) + "\": " + it->dump() + " is not supported");
    if (auto it = j.find("scale_attn_weights"); it != j.end() && *it != true)
        return makeError(path + ": \"scale_attn_weights\": " + it->dump() + " is not supported");
    ModelConfig m;
    m.arch = Arch::Gpt;
    m.nLayer = static_cast<int>(nLayer);
    m.nHead = static_cast<int>(nHead);
    m.nEmbd = static_cast<int>(nEmbd);
    m.blockSize = static_cast<int>(nPos);
    m.vocabSize = static_cast<int32_t>(vocab);
    m.bias = true;
    m.dropout = 0.0;
    m.activation = "gelu_tanh"; // GPT-2's "gelu_new" is the default of Hugging Face's GPT2Config
    if (auto it = j.find("activation_function"); it != j.end()) {
        if (*it == "gelu_new" || *it == "gelu_pytorch_tanh" || *it == "gelu_fast")
            m.activation = "gelu_tanh";
        else if (*it == "gelu")
            m.activation = "gelu";
        else
            return makeError(path + ": activation_function " + it->dump() +
                             " is not supported (\"gelu_new\", \"gelu_pytorch_tanh\" or \"gelu\")");
    }
    if (auto it = j.find("lmwb_bias"); it != j.end()) { // our export of a model without bias
        if (!it->is_boolean())
            return makeError(path + ": \"lmwb_bias\" must be true or false");
        m.bias = it->get<bool>();
    }
    if (auto it = j.find("tie_word_embeddings"); it != j.end() && *it == false)
        m.tieEmbeddings = false;
    return m;
}

Result<LanguageModel> loadHfGpt2(const std::string &dir)
{
    auto cfg = readHfGpt2Config(dir + "/config.json");
    if (!cfg)
        return makeError(cfg.error());
    ModelConfig mc = *cfg;
    const std::string weights = dir + "/model.safetensors";
    auto st = SafeTensors::readFile(weights);
    if (!st)
        return makeError(st.error());

    // Our name -> the file's entry.
    std::map<std::string, const TensorEntry *> byName;
    for (const auto &e : st->tensors()) {
        std::string name = e.name;
        if (name.rfind("transformer.", 0) == 0)
            name = name.substr(12);
        if (isMaskBuffer(name))
            continue;
        if (!byName.emplace(name, &e).second)
            return makeError(weights + ": tensor '" + name + "' appears both with and without the transformer. prefix");
    }
    try {
        torch::NoGradGuard noGrad;
        if (auto head = byName.find("lm_head.weight"); head != byName.end()) {
            auto wte = byName.find("wte.weight");
            const bool same = mc.tieEmbeddings && wte != byName.end() && head->second->shape == wte->second->shape &&
                              torch::equal(viewOf(*st, *head->second), viewOf(*st, *wte->second));
            if (same)
                byName.erase(head); // the tied head, saved twice
            else
                mc.tieEmbeddings = false;
        } else if (!mc.tieEmbeddings) {
            return makeError(dir + "/config.json says tie_word_embeddings is false, but " + weights +
                             " has no lm_head.weight");
        }
        auto tok = loadHfTokenizer(dir);
        if (!tok)
            return makeError(tok.error());
        if ((*tok)->vocabSize() != mc.vocabSize)
            return makeError(dir + ": the tokenizer has " + std::to_string((*tok)->vocabSize()) +
                             " tokens but config.json's vocab_size is " + std::to_string(mc.vocabSize));
        auto m = LanguageModel::create(mc, 0, *tok);
        if (!m)
            return makeError(m.error());
        auto net = m->network();
        for (auto &[name, p] : net->namedParameters()) {
            auto it = byName.find(name);
            if (it == byName.end())
                return makeError(weights + " has no tensor '" + name + "' (nor 'transformer." + name +
                                 "') that GPT-2 needs");
            const TensorEntry &e = *it->second;
            const bool conv = isConv1DWeight(name);
            std::vector<int64_t> expect = p.sizes().vec();
            if (conv)
                std::reverse(expect.begin(), expect.end());
            if (e.shape != expect)
                return makeError(weights + ": tensor '" + e.name + "' has shape " + shapeText(e.shape) +
                                 " but config.json implies " + shapeText(expect) +
                                 (conv ? " (Conv1D layout: [in, out])" : ""));
            if (e.dtype == DType::Bool || e.dtype == DType::U8 || e.dtype == DType::I8 || e.dtype == DType::I16 ||
                e.dtype == DType::I32 || e.dtype == DType::I64)
                return makeError(weights + ": tensor '" + e.name + "' has integer type " + dtypeName(e.dtype) +
                                 "; weights must be floating point");
            auto src = viewOf(*st, e);
            p.copy_(conv ? src.t() : src);
            byName.erase(it);
        }
        for (const auto &[name, e] : byName) {
            if (!mc.bias && isBiasName(name)) { // our export of a bias-free model: zeros, by construction
                if (viewOf(*st, *e).abs().max().item<double>() != 0.0)
                    return makeError(weights + ": '" + e->name + "' is not zero but config.json says lmwb_bias false");
                continue;
            }
            return makeError(weights + " holds a tensor '" + e->name + "' that GPT-2 does not have");
        }
        return m;
    } catch (const std::exception &e) {
        return makeError("cannot load " + dir + ": " + e.what());
    }
}

Status importHfGpt2(const std::string &hfDir, const std::string &out, bool asRun)
{
    if (Status s = checkFreshOutput(out); !s)
        return s;
    auto m = loadHfGpt2(hfDir);
    if (!m)
        return makeError(m.error());
    if (!asRun)
        return writeDirectoryAtomically(out, [&](const std::string &tmp) { return writeCheckpointFiles(*m, tmp, hfDir); });
    return writeDirectoryAtomically(out, [&](const std::string &tmp) -> Status {
        const std::string ckpt = tmp + "/checkpoints/step-0";
        std::error_code ec;
        fs::create_directories(ckpt, ec);
        if (ec)
            return makeError("cannot create " + ckpt + ": " + ec.message());
        if (Status s = writeCheckpointFiles(*m, ckpt, hfDir); !s)
            return s;
        fs::copy_file(ckpt + "/config.json", tmp + "/config.json", ec);
        if (ec)
            return makeError("cannot write " + tmp + "/config.json: " + ec.message());
        return writeText(tmp + "/latest", "step-0\n");
    });
}
} // namespace lmwb::core
