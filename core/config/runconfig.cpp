#include "config/runconfig.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace lmwb::core {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Reads the members of one JSON object into typed fields, naming keys in every error.
class ObjectReader {
public:
    ObjectReader(const json &object, std::string prefix) : m_obj(object), m_prefix(std::move(prefix)) {}

    std::string key(const std::string &k) const { return m_prefix.empty() ? k : m_prefix + "." + k; }

    // Unknown keys are errors, never silently ignored.
    void checkKeys(const std::set<std::string> &known)
    {
        for (auto it = m_obj.begin(); it != m_obj.end(); ++it) {
            if (!known.count(it.key())) {
                std::string list;
                for (const auto &k : known)
                    list += (list.empty() ? "" : ", ") + k;
                fail("unknown key '" + key(it.key()) + "' (known keys: " + list + ")");
                return;
            }
        }
    }

    void integer(const std::string &k, int64_t &out, int64_t lo, int64_t hi)
    {
        const json *v = find(k);
        if (!v) return;
        if (!v->is_number_integer() && !(v->is_number_float() && std::floor(v->get<double>()) == v->get<double>())) {
            fail(key(k) + " must be an integer, got " + v->dump());
            return;
        }
        const int64_t x = v->is_number_integer() ? v->get<int64_t>() : static_cast<int64_t>(v->get<double>());
        if (x < lo || x > hi) {
            fail(key(k) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + std::to_string(x));
            return;
        }
        out = x;
    }
    void integer(const std::string &k, int &out, int64_t lo, int64_t hi)
    {
        int64_t x = out;
        integer(k, x, lo, hi);
        out = static_cast<int>(x);
    }
    void unsignedInteger(const std::string &k, uint64_t &out)
    {
        const json *v = find(k);
        if (!v) return;
        if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<int64_t>() >= 0)) {
            fail(key(k) + " must be a non-negative integer, got " + v->dump());
            return;
        }
        out = v->get<uint64_t>();
    }
    void number(const std::string &k, double &out, double lo, double hi, bool loOpen = false)
    {
        const json *v = find(k);
        if (!v) return;
        if (!v->is_number()) {
            fail(key(k) + " must be a number, got " + v->dump());
            return;
        }
        const double x = v->get<double>();
        if (!std::isfinite(x) || (loOpen ? x <= lo : x < lo) || x > hi) {
            std::ostringstream s;
            s << key(k) << " must be " << (loOpen ? "> " : ">= ") << lo << " and <= " << hi << ", got " << v->dump();
            fail(s.str());
            return;
        }
        out = x;
    }
    void boolean(const std::string &k, bool &out)
    {
        const json *v = find(k);
        if (!v) return;
        if (!v->is_boolean()) {
            fail(key(k) + " must be true or false, got " + v->dump());
            return;
        }
        out = v->get<bool>();
    }
    void choice(const std::string &k, std::string &out, const std::set<std::string> &allowed)
    {
        const json *v = find(k);
        if (!v) return;
        if (!v->is_string() || !allowed.count(v->get<std::string>())) {
            std::string list;
            for (const auto &a : allowed)
                list += (list.empty() ? "" : ", ") + ("\"" + a + "\"");
            fail(key(k) + " must be one of " + list + ", got " + v->dump());
            return;
        }
        out = v->get<std::string>();
    }
    void string(const std::string &k, std::string &out)
    {
        const json *v = find(k);
        if (!v) return;
        if (!v->is_string()) {
            fail(key(k) + " must be a string, got " + v->dump());
            return;
        }
        out = v->get<std::string>();
    }
    void stringList(const std::string &k, std::vector<std::string> &out)
    {
        const json *v = find(k);
        if (!v) return;
        if (v->is_string()) {
            out = {v->get<std::string>()};
            return;
        }
        if (!v->is_array()) {
            fail(key(k) + " must be a list of paths, got " + v->dump());
            return;
        }
        out.clear();
        for (const auto &e : *v) {
            if (!e.is_string()) {
                fail(key(k) + " must contain only strings, got " + e.dump());
                return;
            }
            out.push_back(e.get<std::string>());
        }
    }

    const std::string &error() const { return m_error; }
    bool failed() const { return !m_error.empty(); }
    void fail(std::string message)
    {
        if (m_error.empty())
            m_error = std::move(message);
    }

private:
    const json *find(const std::string &k) const
    {
        auto it = m_obj.find(k);
        return it == m_obj.end() ? nullptr : &*it;
    }

    const json &m_obj;
    std::string m_prefix;
    std::string m_error;
};

Status readData(const json &j, DataConfig &d, const std::string &baseDir)
{
    ObjectReader r(j, "data");
    r.checkKeys({"train", "format", "val_fraction", "synthetic_examples", "synthetic_digits"});
    r.stringList("train", d.train);
    r.choice("format", d.format, {"text", "fortune", "synthetic", "pairs"});
    r.number("val_fraction", d.valFraction, 0.0, 0.5);
    r.integer("synthetic_examples", d.syntheticExamples, 10, 10'000'000);
    r.integer("synthetic_digits", d.syntheticDigits, 1, 9);
    if (r.failed())
        return makeError(r.error());
    if (!baseDir.empty()) {
        for (auto &p : d.train)
            if (!p.empty() && fs::path(p).is_relative())
                p = (fs::path(baseDir) / p).lexically_normal().string();
    }
    return {};
}

Status readTokenizer(const json &j, TokenizerConfig &t, const std::string &baseDir)
{
    ObjectReader r(j, "tokenizer");
    r.checkKeys({"kind", "vocab_size", "character_coverage", "path"});
    std::string kind = tokenizerKindName(t.kind);
    r.choice("kind", kind, {"char", "bpe", "spm-bpe", "spm-unigram"});
    int64_t vocab = t.vocabSize;
    r.integer("vocab_size", vocab, 0, 1'000'000);
    r.number("character_coverage", t.characterCoverage, 0.5, 1.0);
    r.string("path", t.path);
    if (r.failed())
        return makeError(r.error());
    t.kind = *parseTokenizerKind(kind);
    t.vocabSize = static_cast<int32_t>(vocab);
    if (!t.path.empty() && !baseDir.empty() && fs::path(t.path).is_relative())
        t.path = (fs::path(baseDir) / t.path).lexically_normal().string();
    return {};
}

Status readModel(const json &j, ModelConfig &m)
{
    ObjectReader r(j, "model");
    r.checkKeys({"arch", "n_layer", "n_head", "n_embd", "block_size", "dropout", "bias", "vocab_size", "attention",
                 "activation", "tie_embeddings"});
    std::string arch = archName(m.arch);
    r.choice("arch", arch, {"gpt", "lstm"});
    r.integer("n_layer", m.nLayer, 1, 96);
    r.integer("n_head", m.nHead, 1, 128);
    r.integer("n_embd", m.nEmbd, 1, 16384);
    r.integer("block_size", m.blockSize, 1, 32768);
    r.number("dropout", m.dropout, 0.0, 0.9);
    r.boolean("bias", m.bias);
    int64_t vocab = m.vocabSize;
    r.integer("vocab_size", vocab, 0, 10'000'000);
    r.choice("attention", m.attention, {"auto", "fused", "explicit"});
    r.choice("activation", m.activation, {"gelu", "gelu_tanh"});
    r.boolean("tie_embeddings", m.tieEmbeddings);
    if (r.failed())
        return makeError(r.error());
    m.arch = arch == "lstm" ? Arch::Lstm : Arch::Gpt;
    m.vocabSize = static_cast<int32_t>(vocab);
    return {};
}

Status readLora(const json &j, LoraConfig &l)
{
    if (!j.is_object())
        return makeError("training.lora must be an object {\"rank\", \"alpha\", \"targets\"}, got " + j.dump());
    ObjectReader r(j, "training.lora");
    r.checkKeys({"rank", "alpha", "targets"});
    if (!j.contains("rank"))
        r.fail("training.lora.rank is required (for example 8; 0 turns LoRA off)");
    r.integer("rank", l.rank, 0, 1024);
    r.number("alpha", l.alpha, 0.0, 1e6, true);
    if (r.failed())
        return makeError(r.error());
    if (auto t = j.find("targets"); t != j.end()) {
        const auto &names = loraTargetNames();
        std::string list;
        for (const auto &n : names)
            list += (list.empty() ? "" : ", ") + n;
        if (!t->is_array() || t->empty())
            return makeError("training.lora.targets must be a non-empty list of " + list + ", got " + t->dump());
        l.targets.clear();
        for (const auto &v : *t) {
            if (!v.is_string() || std::find(names.begin(), names.end(), v.get<std::string>()) == names.end())
                return makeError("training.lora.targets: " + v.dump() + " is not one of " + list);
            if (std::find(l.targets.begin(), l.targets.end(), v.get<std::string>()) == l.targets.end())
                l.targets.push_back(v.get<std::string>());
        }
    }
    return {};
}

Status readTraining(const json &j, TrainingConfig &t)
{
    ObjectReader r(j, "training");
    r.checkKeys({"max_steps", "batch_size", "gradient_accumulation_steps", "learning_rate", "min_lr",
                 "warmup_steps", "lr_decay_steps", "weight_decay", "beta1", "beta2", "grad_clip",
                 "eval_interval", "eval_steps", "checkpoint_interval", "sample_interval", "seed",
                 "threads", "precision", "max_bad_steps", "init_from", "device", "dist_timeout",
                 "freeze_embeddings", "freeze_layers", "lora"});
    r.integer("max_steps", t.maxSteps, 1, 1'000'000'000);
    r.integer("batch_size", t.batchSize, 1, 65536);
    r.integer("gradient_accumulation_steps", t.gradientAccumulationSteps, 1, 4096);
    r.number("learning_rate", t.learningRate, 0.0, 10.0, true);
    r.number("min_lr", t.minLr, 0.0, 10.0);
    r.integer("warmup_steps", t.warmupSteps, 0, 1'000'000'000);
    r.integer("lr_decay_steps", t.lrDecaySteps, 1, 1'000'000'000);
    r.number("weight_decay", t.weightDecay, 0.0, 10.0);
    r.number("beta1", t.beta1, 0.0, 0.999999);
    r.number("beta2", t.beta2, 0.0, 0.999999);
    r.number("grad_clip", t.gradClip, 0.0, 1e6);
    r.integer("eval_interval", t.evalInterval, 1, 1'000'000'000);
    r.integer("eval_steps", t.evalSteps, 1, 100000);
    r.integer("checkpoint_interval", t.checkpointInterval, 1, 1'000'000'000);
    r.integer("sample_interval", t.sampleInterval, 0, 1'000'000'000);
    r.unsignedInteger("seed", t.seed);
    r.integer("threads", t.threads, 0, 1024);
    r.choice("precision", t.precision, {"fp32", "bf16"});
    r.integer("max_bad_steps", t.maxBadSteps, 1, 1000);
    r.string("init_from", t.initFrom);
    r.choice("device", t.device, {"auto", "cpu", "cuda"});
    r.number("dist_timeout", t.distTimeout, 1.0, 86400.0);
    r.boolean("freeze_embeddings", t.freezeEmbeddings);
    r.integer("freeze_layers", t.freezeLayers, 0, 96);
    if (r.failed())
        return makeError(r.error());
    if (auto it = j.find("lora"); it != j.end())
        return readLora(*it, t.lora);
    return {};
}

json modelJson(const ModelConfig &m)
{
    json j = {{"arch", archName(m.arch)}, {"n_layer", m.nLayer}, {"n_head", m.nHead}, {"n_embd", m.nEmbd},
              {"block_size", m.blockSize}, {"dropout", m.dropout}, {"bias", m.bias}, {"attention", m.attention}};
    if (m.vocabSize > 0)
        j["vocab_size"] = m.vocabSize;
    if (m.activation != "gelu") // written only when not the default, so older files stay as they were
        j["activation"] = m.activation;
    if (!m.tieEmbeddings)
        j["tie_embeddings"] = false;
    return j;
}

} // namespace

std::string archName(Arch arch) { return arch == Arch::Lstm ? "lstm" : "gpt"; }

const std::vector<std::string> &loraTargetNames()
{
    static const std::vector<std::string> names{"c_attn", "attn.c_proj", "c_fc", "mlp.c_proj"};
    return names;
}

Result<RunConfig> parseRunConfig(const std::string &text, const std::string &baseDir)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded())
        return makeError("the configuration is not valid JSON");
    if (!j.is_object())
        return makeError("the configuration must be a JSON object with data, tokenizer, model and training");
    RunConfig c;
    ObjectReader top(j, "");
    top.checkKeys({"data", "tokenizer", "model", "training"});
    if (top.failed())
        return makeError(top.error());
    auto section = [&](const char *name) -> const json * {
        auto it = j.find(name);
        return it == j.end() ? nullptr : &*it;
    };
    for (const char *name : {"data", "tokenizer", "model", "training"}) {
        if (const json *s = section(name); s && !s->is_object())
            return makeError(std::string(name) + " must be a JSON object, got " + s->dump());
    }
    Status s;
    if (auto *d = section("data"); d && !(s = readData(*d, c.data, baseDir)))
        return makeError(s.error());
    if (auto *t = section("tokenizer"); t && !(s = readTokenizer(*t, c.tokenizer, baseDir)))
        return makeError(s.error());
    if (auto *m = section("model"); m && !(s = readModel(*m, c.model)))
        return makeError(s.error());
    if (auto *t = section("training"); t && !(s = readTraining(*t, c.training)))
        return makeError(s.error());
    if (!c.training.initFrom.empty() && !baseDir.empty() && fs::path(c.training.initFrom).is_relative())
        c.training.initFrom = (fs::path(baseDir) / c.training.initFrom).lexically_normal().string();
    if (Status v = validate(c); !v)
        return makeError(v.error());
    return c;
}

Result<RunConfig> readRunConfigFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError("cannot open the configuration file " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    auto r = parseRunConfig(ss.str(), fs::absolute(path).parent_path().string());
    if (!r)
        return makeError(path + ": " + r.error());
    return r;
}

Status validate(const RunConfig &c)
{
    const auto &m = c.model;
    const auto &t = c.training;
    if (m.arch == Arch::Gpt && m.nEmbd % m.nHead != 0)
        return makeError("model.n_embd (" + std::to_string(m.nEmbd) + ") must be divisible by model.n_head (" +
                         std::to_string(m.nHead) + ")");
    if (t.minLr > t.learningRate)
        return makeError("training.min_lr must not exceed training.learning_rate");
    if (c.data.format == "synthetic" && !c.data.train.empty())
        return makeError("data.train must be empty when data.format is \"synthetic\"");
    if (c.data.format != "synthetic" && c.data.train.empty())
        return makeError("data.train lists no file or folder (or set data.format to \"synthetic\")");
    if (t.lora.rank > 0 && m.arch != Arch::Gpt && t.initFrom.empty())
        return makeError("training.lora needs a GPT model; model.arch is \"lstm\"");
    if (m.arch == Arch::Gpt && t.initFrom.empty() && t.freezeLayers > m.nLayer)
        return makeError("training.freeze_layers (" + std::to_string(t.freezeLayers) + ") is more than model.n_layer (" +
                         std::to_string(m.nLayer) + ")");
    if (c.tokenizer.kind != TokenizerKind::Char && c.tokenizer.path.empty() && c.tokenizer.vocabSize < 256 &&
        c.tokenizer.kind == TokenizerKind::ByteBpe)
        return makeError("tokenizer.vocab_size must be at least 256 for a byte-level BPE tokenizer");
    if ((c.tokenizer.kind == TokenizerKind::SpmBpe || c.tokenizer.kind == TokenizerKind::SpmUnigram) &&
        c.tokenizer.path.empty() && c.tokenizer.vocabSize < 8)
        return makeError("tokenizer.vocab_size must be set (for example 2000) for a sentencepiece tokenizer");
    return {};
}

std::string toJson(const ModelConfig &model, int indent) { return modelJson(model).dump(indent); }

Result<ModelConfig> parseModelConfig(const std::string &text)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError("the model configuration is not a JSON object");
    ModelConfig m;
    if (Status s = readModel(j, m); !s)
        return makeError(s.error());
    return m;
}

std::string toJson(const RunConfig &c, int indent)
{
    json data = {{"train", c.data.train}, {"format", c.data.format}, {"val_fraction", c.data.valFraction}};
    if (c.data.format == "synthetic") {
        data["synthetic_examples"] = c.data.syntheticExamples;
        data["synthetic_digits"] = c.data.syntheticDigits;
    }
    json tok = {{"kind", tokenizerKindName(c.tokenizer.kind)}};
    if (c.tokenizer.kind != TokenizerKind::Char) {
        tok["vocab_size"] = c.tokenizer.vocabSize;
    }
    if (c.tokenizer.kind == TokenizerKind::SpmBpe || c.tokenizer.kind == TokenizerKind::SpmUnigram)
        tok["character_coverage"] = c.tokenizer.characterCoverage;
    if (!c.tokenizer.path.empty())
        tok["path"] = c.tokenizer.path;
    const auto &t = c.training;
    json training = {{"max_steps", t.maxSteps},
                     {"batch_size", t.batchSize},
                     {"gradient_accumulation_steps", t.gradientAccumulationSteps},
                     {"learning_rate", t.learningRate},
                     {"min_lr", t.minLr},
                     {"warmup_steps", t.warmupSteps},
                     {"lr_decay_steps", t.lrDecaySteps},
                     {"weight_decay", t.weightDecay},
                     {"beta1", t.beta1},
                     {"beta2", t.beta2},
                     {"grad_clip", t.gradClip},
                     {"eval_interval", t.evalInterval},
                     {"eval_steps", t.evalSteps},
                     {"checkpoint_interval", t.checkpointInterval},
                     {"sample_interval", t.sampleInterval},
                     {"seed", t.seed},
                     {"threads", t.threads},
                     {"precision", t.precision},
                     {"max_bad_steps", t.maxBadSteps},
                     {"device", t.device},
                     {"dist_timeout", t.distTimeout}};
    if (!t.initFrom.empty())
        training["init_from"] = t.initFrom;
    // Written only when used, so the files of runs without fine-tuning stay as they were.
    if (t.freezeEmbeddings)
        training["freeze_embeddings"] = true;
    if (t.freezeLayers > 0)
        training["freeze_layers"] = t.freezeLayers;
    if (t.lora.rank > 0)
        training["lora"] = {{"rank", t.lora.rank}, {"alpha", t.lora.alpha}, {"targets", t.lora.targets}};
    json j = {{"data", data}, {"tokenizer", tok}, {"model", modelJson(c.model)}, {"training", training}};
    return j.dump(indent);
}

double learningRateAt(const TrainingConfig &t, int64_t step)
{
    // nanoGPT train.py get_lr: warmup, then cosine (Loshchilov & Hutter 2017) to min_lr.
    if (step < t.warmupSteps)
        return t.learningRate * static_cast<double>(step + 1) / static_cast<double>(t.warmupSteps + 1);
    if (step > t.lrDecaySteps)
        return t.minLr;
    if (t.lrDecaySteps <= t.warmupSteps)
        return t.minLr;
    const double ratio = static_cast<double>(step - t.warmupSteps) / static_cast<double>(t.lrDecaySteps - t.warmupSteps);
    const double coeff = 0.5 * (1.0 + std::cos(M_PI * ratio));
    return t.minLr + coeff * (t.learningRate - t.minLr);
}

} // namespace lmwb::core
