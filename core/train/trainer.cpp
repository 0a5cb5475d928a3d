#include "train/trainer.h"

#include "data/corpus.h"
#include "data/dataset.h"
#include "dist/processgroup.h"
#include "engine/generator.h"
#include "io/checkpoint_p.h"
#include "model/languagemodel.h"
#include "model/network_p.h"
#include "train/autocast_p.h"
#include "train/dataparallel_p.h"
#include "train/lora_p.h"
#include "train/pairbatch_p.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <tuple>

namespace lmwb::core {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// FNV-1a over token ids
void mixInto(uint64_t &h, const std::vector<int32_t> &v)
{
    for (int32_t x : v) {
        h ^= static_cast<uint32_t>(x);
        h *= 1099511628211ull;
    }
}

uint64_t fingerprint(const std::vector<int32_t> &a, const std::vector<int32_t> &b)
{
    uint64_t h = 1469598103934665603ull;
    mixInto(h, a);
    mixInto(h, b);
    return h;
}

uint64_t fingerprint(const std::vector<PairExample> &train, const std::vector<PairExample> &val)
{
    uint64_t h = 1469598103934665603ull ^ 0x7061697273ull; // "pairs": never equal to a token corpus's
    for (const auto *set : {&train, &val}) {
        for (const auto &ex : *set) {
            mixInto(h, ex.input);
            mixInto(h, ex.targets);
        }
        h *= 1099511628211ull;
    }
    return h;
}

int64_t tokensOf(const std::vector<PairExample> &examples)
{
    int64_t n = 0;
    for (const auto &ex : examples)
        n += static_cast<int64_t>(ex.input.size());
    return n;
}

json finiteOrNull(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

std::string dumpJson(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// 0 = all cores, shared among the ranks on this machine.
int resolveThreads(int threads, int localRanks)
{
    if (threads > 0)
        return threads;
    const unsigned hw = std::thread::hardware_concurrency();
    return std::max(1, (hw == 0 ? 1 : static_cast<int>(hw)) / std::max(1, localRanks));
}

} // namespace

struct Trainer::Impl {
    RunConfig config;
    std::string runDir;
    std::string corpusDescription;
    TokenizerPtr tokenizer;
    std::optional<TokenDataset> dataset;      // token corpora
    std::vector<PairExample> trainPairs;      // data.format "pairs"
    std::vector<PairExample> valPairs;
    std::string samplePrompt;                 // "pairs": the prompt the samples answer
    std::vector<std::string> dataNotes;       // skipped lines and pairs, said at the first step
    bool notesSaid = false;
    std::vector<LoraAdapter> lora;            // training.lora
    std::optional<LanguageModel> model;
    std::shared_ptr<Network> net;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    std::vector<std::pair<std::string, torch::Tensor>> params;
    BatchSampler trainSampler;
    BatchSampler evalSampler;
    int64_t step = 0;
    int64_t tokensSeen = 0;
    double bestValLoss = std::numeric_limits<double>::infinity();
    int badInARow = 0;
    int64_t injectNonFiniteFrom = -1;
    int64_t lastCheckpointStep = -1;
    uint64_t dataFingerprint = 0;
    int threads = 1;
    std::ofstream metrics;

    bool needsInitialEval = false;

    // Data parallelism (core/dist): null for a single process.
    std::shared_ptr<ProcessGroup> group;
    GradientAverager averager;
    const std::atomic_bool *cancel = nullptr; // run()'s flag, carried to every rank in the all-reduce
    bool interrupted = false;
    int rank() const { return group ? group->rank() : 0; }
    int ranks() const { return group ? group->worldSize() : 1; }
    bool writer() const { return rank() == 0; } // rank 0 alone writes the run directory
    Status joinRanks();

    bool bf16() const { return config.training.precision == "bf16"; }
    bool pairs() const { return config.data.format == "pairs"; }
    bool hasVal() const { return pairs() ? !valPairs.empty() : dataset->hasVal(); }
    Status prepareData(bool trainTokenizerNow, const ProgressFn &progress, const std::string &tokenizerDir);
    Status preparePairs(const std::vector<PromptPair> &all);
    // Freezing and LoRA (training.freeze_*, training.lora); fills params with what trains.
    // On resume, state holds the adapters of the checkpoint.
    Status setUpTuning(const std::map<std::string, torch::Tensor> *state);
    // Sum of the losses and the number of response tokens over examples [0, limit), this
    // rank's share of the batches.
    std::pair<double, double> pairLossSum(const std::vector<PairExample> &examples, std::size_t limit);

    void writeMetric(const json &j)
    {
        if (!writer())
            return;
        metrics << dumpJson(j) << '\n';
        metrics.flush();
    }

    void buildOptimizer()
    {
        // Weight decay on every matrix (matmuls, embeddings, LoRA's A and B), none on biases
        // and LayerNorm gains, as nanoGPT's configure_optimizers. params: what setUpTuning
        // left trainable.
        std::vector<torch::Tensor> decay, noDecay;
        for (auto &[name, p] : params)
            (p.dim() >= 2 ? decay : noDecay).push_back(p);
        const auto &t = config.training;
        auto opts = [&](double wd) {
            return std::make_unique<torch::optim::AdamWOptions>(
                torch::optim::AdamWOptions(t.learningRate).betas({t.beta1, t.beta2}).eps(1e-8).weight_decay(wd));
        };
        std::vector<torch::optim::OptimizerParamGroup> groups;
        groups.emplace_back(decay, opts(t.weightDecay));
        groups.emplace_back(noDecay, opts(0.0));
        optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups),
                                                           torch::optim::AdamWOptions(t.learningRate));
    }

    torch::Tensor batchTensor(const std::vector<int64_t> &v, int B, int T)
    {
        return torch::from_blob(const_cast<int64_t *>(v.data()), {B, T}, torch::kLong).clone();
    }

    double lossOn(const std::vector<int32_t> &tokens, BatchSampler &sampler)
    {
        const int B = config.training.batchSize, T = config.model.blockSize;
        std::vector<int64_t> x, y;
        sampler.nextBatch(tokens, T, B, x, y, rank(), ranks());
        torch::Tensor logits;
        {
            AutocastScope autocast(bf16());
            logits = net->forward(batchTensor(x, B, T));
        }
        auto loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat32).view({-1, logits.size(-1)}),
                                                         batchTensor(y, B, T).view({-1}));
        return loss.item<double>();
    }
};

// Every rank starts from rank 0's parameters, on the same corpus.
Status Trainer::Impl::joinRanks()
{
    if (!group)
        return {};
    if (Status s = checkSameData(*group, dataFingerprint); !s)
        return s;
    std::vector<torch::Tensor> ps;
    for (auto &[n, p] : params)
        ps.push_back(p);
    return broadcastParameters(*group, ps);
}

Trainer::Trainer() : m_impl(std::make_unique<Impl>()) {}
Trainer::~Trainer() = default;

Result<std::unique_ptr<Trainer>> Trainer::create(const RunConfig &config, const std::string &runDir,
                                                 const ProgressFn &tokenizerProgress,
                                                 std::shared_ptr<ProcessGroup> group)
{
    if (Status v = validate(config); !v)
        return makeError(v.error());
    std::error_code ec;
    const bool writer = !group || group->rank() == 0; // the other ranks may see rank 0's new files
    if (writer && (fs::exists(fs::path(runDir) / "metrics.jsonl", ec) || fs::exists(fs::path(runDir) / "checkpoints", ec)))
        return makeError(runDir + " already holds a run; continue it with --resume " + runDir +
                         " or choose another --out directory");
    std::unique_ptr<Trainer> t(new Trainer());
    auto &d = *t->m_impl;
    d.config = config;
    d.runDir = runDir;
    d.group = std::move(group);
    try {
        std::optional<LanguageModel> base; // continued pretraining (training.init_from)
        if (!config.training.initFrom.empty()) {
            auto b = LanguageModel::load(config.training.initFrom);
            if (!b)
                return makeError("training.init_from: " + b.error());
            base = std::move(*b);
            d.config.model = base->config();
            d.config.model.dropout = config.model.dropout;
            d.config.tokenizer.kind = base->tokenizer()->kind();
            d.config.tokenizer.vocabSize = base->tokenizer()->vocabSize();
            d.config.tokenizer.path.clear(); // the model's own tokenizer, saved with each checkpoint
            d.tokenizer = base->tokenizer();
        }
        if (Status s = d.prepareData(!base, tokenizerProgress, {}); !s)
            return makeError(s.error());
        auto m = LanguageModel::create(d.config.model, d.config.training.seed, d.tokenizer);
        if (!m)
            return makeError(m.error());
        d.model = std::move(*m);
        d.net = d.model->network();
        if (base) {
            torch::NoGradGuard noGrad;
            auto from = base->network()->namedParameters();
            auto to = d.net->namedParameters();
            for (std::size_t i = 0; i < to.size(); ++i)
                to[i].second.copy_(from[i].second);
        }
        if (Status s = d.setUpTuning(nullptr); !s)
            return makeError(s.error());
        d.buildOptimizer();
        // Dropout draws from the global generator; seed it as nanoGPT's torch.manual_seed
        // (+ rank, as nanoGPT's seed_offset, so that ranks drop different units).
        torch::manual_seed(d.config.training.seed + static_cast<uint64_t>(d.rank()));
        if (Status s = d.joinRanks(); !s)
            return makeError(s.error());
        d.needsInitialEval = true;
        if (!d.writer())
            return t;
        fs::create_directories(runDir, ec);
        if (ec)
            return makeError("cannot create the run directory " + runDir + ": " + ec.message());
        std::ofstream cfg(fs::path(runDir) / "config.json");
        cfg << toJson(d.config) << '\n';
        if (!cfg)
            return makeError("cannot write " + runDir + "/config.json");
        d.metrics.open(fs::path(runDir) / "metrics.jsonl", std::ios::app);
        d.needsInitialEval = true;
        if (!d.metrics)
            return makeError("cannot write " + runDir + "/metrics.jsonl");
    } catch (const std::exception &e) {
        return makeError(std::string("cannot set up training: ") + e.what());
    }
    return t;
}

// Loads the corpus, the tokenizer (trained now or read from tokenizerDir) and the dataset.
Status Trainer::Impl::prepareData(bool trainTokenizerNow, const ProgressFn &progress, const std::string &tokenizerDir)
{
    auto &d = *this;
    // The trainer computes on the CPU; "cuda" is refused with the reason (core/dist).
    if (d.config.training.device == "cuda") {
        auto dev = resolveDevice("cuda");
        if (!dev)
            return makeError(dev.error());
        return makeError("training.device is \"cuda\": the trainer runs on the CPU only so far; set it to \"cpu\" "
                         "or \"auto\"");
    }
    d.threads = resolveThreads(d.config.training.threads, group ? group->localWorldSize() : 1);
    torch::set_num_threads(d.threads);
    auto corpus = loadCorpus(d.config.data, d.config.training.seed);
    if (!corpus)
        return makeError(corpus.error());
    d.corpusDescription = corpus->description;
    if (!tokenizerDir.empty()) {
        auto tok = loadTokenizer(tokenizerDir);
        if (!tok)
            return makeError(tok.error());
        d.tokenizer = *tok;
    } else if (!d.config.tokenizer.path.empty()) {
        auto tok = loadTokenizer(d.config.tokenizer.path);
        if (!tok)
            return makeError("tokenizer.path: " + tok.error());
        d.tokenizer = *tok;
    } else if (trainTokenizerNow) {
        TokenizerSpec spec{d.config.tokenizer.kind, d.config.tokenizer.vocabSize, d.config.tokenizer.characterCoverage};
        auto tok = trainTokenizer(spec, corpus->text, progress);
        if (!tok)
            return makeError("tokenizer: " + tok.error());
        d.tokenizer = *tok;
    }
    if (d.pairs()) {
        d.dataNotes = corpus->notes;
        if (Status s = d.preparePairs(corpus->pairs); !s)
            return s;
    } else {
        auto enc = d.tokenizer->encode(corpus->text);
        if (!enc)
            return makeError("the tokenizer cannot encode the corpus: " + enc.error());
        auto ds = TokenDataset::create(std::move(enc->ids), d.config.data.valFraction, d.config.model.blockSize);
        if (!ds)
            return makeError(ds.error());
        d.dataset = std::move(*ds);
        d.dataFingerprint = fingerprint(d.dataset->train(), d.dataset->val());
    }
    if (d.config.model.vocabSize > 0 && d.config.model.vocabSize != d.tokenizer->vocabSize())
        return makeError("model.vocab_size is " + std::to_string(d.config.model.vocabSize) + " but the tokenizer has " +
                         std::to_string(d.tokenizer->vocabSize()) + " tokens");
    d.config.model.vocabSize = d.tokenizer->vocabSize();
    d.trainSampler = BatchSampler(d.config.training.seed);
    d.evalSampler = BatchSampler(d.config.training.seed ^ 0x9E3779B97F4A7C15ull);
    return {};
}

// data.format "pairs": the last val_fraction of the pairs is the validation split; a pair
// whose prompt leaves no response token inside the context is skipped with a note.
Status Trainer::Impl::preparePairs(const std::vector<PromptPair> &all)
{
    const auto n = static_cast<int64_t>(all.size());
    const int64_t nVal = validationPairs(n, config.data.valFraction);
    if (n - nVal < 1)
        return makeError("data.train holds " + std::to_string(n) + (n == 1 ? " pair" : " pairs") +
                         ", too few for a validation split; add pairs or set data.val_fraction to 0");
    const int blockSize = config.model.blockSize;
    for (int64_t i = 0; i < n; ++i) {
        const auto &p = all[static_cast<std::size_t>(i)];
        auto ex = encodePair(*tokenizer, p, blockSize);
        if (!ex) {
            dataNotes.push_back(p.source + " line " + std::to_string(p.line) + ": " + ex.error() + "; skipped");
            continue;
        }
        (i < n - nVal ? trainPairs : valPairs).push_back(std::move(*ex));
    }
    if (trainPairs.empty())
        return makeError("no training pair fits the model's context of " + std::to_string(blockSize) + " tokens" +
                         (dataNotes.empty() ? std::string() : " (" + dataNotes.back() + ")"));
    const auto &first = all[static_cast<std::size_t>(nVal > 0 ? n - nVal : 0)];
    samplePrompt = first.prompt;
    dataFingerprint = fingerprint(trainPairs, valPairs);
    return {};
}

Status Trainer::Impl::setUpTuning(const std::map<std::string, torch::Tensor> *state)
{
    const auto &t = config.training;
    const auto &m = config.model;
    if (t.freezeLayers > 0 && m.arch != Arch::Gpt)
        return makeError("training.freeze_layers freezes GPT blocks; an LSTM has none (set it to 0)");
    if (t.freezeLayers > m.nLayer)
        return makeError("training.freeze_layers (" + std::to_string(t.freezeLayers) + ") is more than the model's " +
                         std::to_string(m.nLayer) + " layers");
    if (t.lora.rank > 0 && m.arch != Arch::Gpt)
        return makeError("training.lora needs a GPT model; this one is an LSTM");
    params = applyFreezing(*net, t.lora.rank > 0, t.freezeEmbeddings, t.freezeLayers);
    if (t.lora.rank > 0) {
        auto adapters = attachLora(*net, t.lora, t.freezeLayers, t.seed);
        if (!adapters)
            return makeError("training.lora: " + adapters.error());
        lora = std::move(*adapters);
        torch::NoGradGuard noGrad;
        for (auto &a : lora) {
            if (state) {
                // The checkpoint's model.safetensors holds the merged weights; the untouched
                // W (back into the model) and the adapters come from trainer_state.
                const std::pair<const char *, torch::Tensor> parts[] = {
                    {".base", a.lin->weight}, {".A", a.low->A}, {".B", a.low->B}};
                for (const auto &[suffix, tensor] : parts) {
                    auto it = state->find("lora." + a.name + suffix);
                    if (it == state->end() || !it->second.sizes().equals(tensor.sizes()))
                        return makeError("the checkpoint has no LoRA tensor lora." + a.name + suffix +
                                         " of the right shape; it was not written by a LoRA run of this config");
                    tensor.copy_(it->second);
                }
            }
            params.emplace_back("lora." + a.name + ".A", a.low->A);
            params.emplace_back("lora." + a.name + ".B", a.low->B);
        }
    }
    if (params.empty())
        return makeError("nothing left to train: training.freeze_embeddings and training.freeze_layers freeze every "
                         "parameter");
    return {};
}

std::pair<double, double> Trainer::Impl::pairLossSum(const std::vector<PairExample> &examples, std::size_t limit)
{
    const std::size_t n = std::min(limit, examples.size());
    const auto B = static_cast<std::size_t>(config.training.batchSize);
    double sum = 0.0, count = 0.0;
    std::size_t batchIndex = 0;
    for (std::size_t start = 0; start < n; start += B, ++batchIndex) {
        if (static_cast<int>(batchIndex % static_cast<std::size_t>(ranks())) != rank())
            continue;
        std::vector<int64_t> which;
        for (std::size_t i = start; i < std::min(n, start + B); ++i)
            which.push_back(static_cast<int64_t>(i));
        auto [x, y] = pairBatch(examples, which);
        torch::Tensor logits;
        {
            AutocastScope autocast(bf16());
            logits = net->forward(x);
        }
        sum += maskedCrossEntropy(logits.to(torch::kFloat32), y, torch::kSum).item<double>();
        count += (y != -1).sum().item<double>();
    }
    return {sum, count};
}

Result<std::unique_ptr<Trainer>> Trainer::resume(const std::string &runDir, int64_t maxSteps,
                                                 std::shared_ptr<ProcessGroup> group)
{
    auto ckpt = resolveCheckpointDir(runDir);
    if (!ckpt)
        return makeError("cannot resume: " + ckpt.error());
    auto cfg = readRunConfigFile((fs::path(runDir) / "config.json").string());
    if (!cfg)
        return makeError(cfg.error());
    std::unique_ptr<Trainer> t(new Trainer());
    auto &d = *t->m_impl;
    d.config = *cfg;
    if (maxSteps > 0)
        d.config.training.maxSteps = maxSteps;
    d.runDir = runDir;
    d.group = std::move(group);
    try {
        if (Status s = d.prepareData(false, {}, *ckpt); !s)
            return makeError(s.error());
        auto m = LanguageModel::load(*ckpt);
        if (!m)
            return makeError(m.error());
        d.model = std::move(*m);
        d.net = d.model->network();
        auto tensors = loadTensors((fs::path(*ckpt) / "trainer_state.safetensors").string());
        if (!tensors)
            return makeError(tensors.error());
        if (Status s = d.setUpTuning(&*tensors); !s)
            return makeError(s.error());
        d.buildOptimizer();

        std::ifstream sj(fs::path(*ckpt) / "trainer_state.json");
        json state = json::parse(sj, nullptr, false);
        if (state.is_discarded() || !state.is_object())
            return makeError(*ckpt + "/trainer_state.json is missing or not valid JSON");
        if (state.value("data_fingerprint", std::string()) != std::to_string(d.dataFingerprint))
            return makeError("the corpus of " + runDir +
                             " has changed since the checkpoint was written; resuming would not continue the same run");
        d.step = state.at("step").get<int64_t>();
        d.tokensSeen = state.value("tokens_seen", int64_t(0));
        d.bestValLoss = state["best_val_loss"].is_null() ? std::numeric_limits<double>::infinity()
                                                          : state["best_val_loss"].get<double>();
        if (Status s = d.trainSampler.setState(state.at("train_sampler").get<std::string>()); !s)
            return makeError(s.error());
        if (Status s = d.evalSampler.setState(state.at("eval_sampler").get<std::string>()); !s)
            return makeError(s.error());

        auto &opt = *d.optimizer;
        const auto &steps = state.at("adam_steps");
        for (auto &[name, p] : d.params) {
            auto m1 = tensors->find("exp_avg." + name), m2 = tensors->find("exp_avg_sq." + name);
            if (m1 == tensors->end() || m2 == tensors->end() || !steps.contains(name))
                continue; // a parameter that never got a step
            auto st = std::make_unique<torch::optim::AdamWParamState>();
            st->step(steps.at(name).get<int64_t>());
            st->exp_avg(m1->second.clone());
            st->exp_avg_sq(m2->second.clone());
            opt.state()[c10::guts::to_string(p.unsafeGetTensorImpl())] = std::move(st);
        }
        // Each rank continues its own dropout stream when the checkpoint has it.
        auto rng = tensors->find(d.rank() == 0 ? std::string("rng.torch_cpu")
                                               : "rng.torch_cpu.rank" + std::to_string(d.rank()));
        if (rng != tensors->end()) {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(rng->second);
        }
        if (rng == tensors->end() && d.rank() > 0)
            torch::manual_seed(d.config.training.seed + static_cast<uint64_t>(d.rank()) +
                               static_cast<uint64_t>(d.step) * 1000003u);
        d.lastCheckpointStep = d.step;
        if (Status s = d.joinRanks(); !s)
            return makeError(s.error());
        if (!d.writer())
            return t;

        // metrics.jsonl keeps only what the checkpoint had seen, so the resumed run appends
        // exactly what the uninterrupted one would have written.
        const fs::path metricsPath = fs::path(runDir) / "metrics.jsonl";
        std::vector<std::string> keep;
        {
            std::ifstream in(metricsPath);
            std::string line;
            while (std::getline(in, line)) {
                auto j = json::parse(line, nullptr, false);
                if (!j.is_discarded() && j.is_object() && j.value("step", int64_t(0)) <= d.step)
                    keep.push_back(line);
            }
        }
        {
            std::ofstream out(metricsPath, std::ios::trunc);
            for (const auto &l : keep)
                out << l << '\n';
        }
        d.metrics.open(metricsPath, std::ios::app);
        if (maxSteps > 0) {
            std::ofstream cfgOut(fs::path(runDir) / "config.json");
            cfgOut << toJson(d.config) << '\n';
        }
    } catch (const std::exception &e) {
        return makeError("cannot resume " + runDir + ": " + e.what());
    }
    return t;
}

const RunConfig &Trainer::config() const { return m_impl->config; }
const std::string &Trainer::runDir() const { return m_impl->runDir; }
const LanguageModel &Trainer::model() const { return *m_impl->model; }
int64_t Trainer::step() const { return m_impl->step; }
bool Trainer::finished() const { return m_impl->step >= m_impl->config.training.maxSteps; }
bool Trainer::interrupted() const { return m_impl->interrupted; }
double Trainer::bestValLoss() const { return m_impl->bestValLoss; }
void Trainer::injectNonFiniteLossFrom(int64_t step) { m_impl->injectNonFiniteFrom = step; }

TrainerSummary Trainer::summary() const
{
    const auto &d = *m_impl;
    TrainerSummary s;
    s.parameters = d.net->parameterCount();
    s.trainTokens = d.pairs() ? tokensOf(d.trainPairs) : static_cast<int64_t>(d.dataset->train().size());
    s.valTokens = d.pairs() ? tokensOf(d.valPairs) : static_cast<int64_t>(d.dataset->val().size());
    s.trainExamples = static_cast<int64_t>(d.trainPairs.size());
    s.valExamples = static_cast<int64_t>(d.valPairs.size());
    s.dataNotes = d.dataNotes;
    s.trainableParameters = 0;
    for (const auto &[name, p] : d.params)
        s.trainableParameters += p.numel();
    s.vocabSize = d.tokenizer->vocabSize();
    s.corpusDescription = d.corpusDescription;
    s.threads = d.threads;
    s.rank = d.rank();
    s.ranks = d.ranks();
    return s;
}

EvalMetrics Trainer::evaluate()
{
    auto &d = *m_impl;
    torch::NoGradGuard noGrad;
    d.net->module().eval();
    EvalMetrics e;
    e.step = d.step;
    if (d.pairs()) {
        // The first eval_steps batches of each split, in order: a fixed set, so that evals
        // compare, of a bounded cost; each rank takes its share of the batches.
        const auto evalPairs = static_cast<std::size_t>(d.config.training.evalSteps) *
                               static_cast<std::size_t>(d.config.training.batchSize);
        auto [trainSum, trainCount] = d.pairLossSum(d.trainPairs, evalPairs);
        auto [valSum, valCount] = d.pairLossSum(d.valPairs, evalPairs);
        d.net->module().train();
        std::vector<double> sums{trainSum, trainCount, valSum, valCount};
        if (d.group) {
            if (Status s = d.group->allReduceSum(sums, "while summing the eval losses at step " + std::to_string(d.step));
                !s)
                throw std::runtime_error(s.error());
        }
        e.trainLoss = sums[0] / std::max(1.0, sums[1]);
        e.valLoss = d.hasVal() ? sums[2] / std::max(1.0, sums[3]) : std::numeric_limits<double>::quiet_NaN();
    } else {
        auto mean = [&](const std::vector<int32_t> &tokens) {
            double sum = 0.0;
            for (int i = 0; i < d.config.training.evalSteps; ++i)
                sum += d.lossOn(tokens, d.evalSampler);
            return sum / d.config.training.evalSteps;
        };
        e.trainLoss = mean(d.dataset->train());
        e.valLoss = d.dataset->hasVal() ? mean(d.dataset->val()) : std::numeric_limits<double>::quiet_NaN();
        d.net->module().train();
    }
    if (d.group && !d.pairs()) {
        // Each rank measured its share of the eval batches; the loss is their mean.
        std::vector<double> sums{e.trainLoss, d.dataset->hasVal() ? e.valLoss : 0.0};
        if (Status s = d.group->allReduceSum(sums, "while averaging the eval losses at step " + std::to_string(d.step)); !s)
            throw std::runtime_error(s.error());
        e.trainLoss = sums[0] / d.ranks();
        if (d.dataset->hasVal())
            e.valLoss = sums[1] / d.ranks();
    }
    const double watched = d.hasVal() ? e.valLoss : e.trainLoss;
    if (std::isfinite(watched) && watched < d.bestValLoss)
        d.bestValLoss = watched;
    e.bestValLoss = d.bestValLoss;
    d.writeMetric({{"step", e.step}, {"eval", true}, {"train_loss", finiteOrNull(e.trainLoss)},
                   {"val_loss", finiteOrNull(e.valLoss)}});
    return e;
}

Result<std::string> Trainer::sample(int maxNewTokens)
{
    auto &d = *m_impl;
    GenerationSettings g;
    g.maxNewTokens = maxNewTokens;
    g.sampler.temperature = 0.8f; // nanoGPT sample.py's defaults
    g.sampler.topK = 200;
    g.seed = d.config.training.seed + static_cast<uint64_t>(d.step);
    std::vector<int32_t> prompt;
    if (d.pairs()) {
        // The answer to a held-out prompt (the first validation pair's), shown with the prompt.
        auto p = d.tokenizer->encode(d.samplePrompt);
        if (!p || p->ids.empty())
            return makeError("cannot encode the sample prompt");
        prompt = p->ids;
        if (d.config.model.arch == Arch::Gpt && static_cast<int>(prompt.size()) >= d.config.model.blockSize)
            prompt.erase(prompt.begin(), prompt.end() - (d.config.model.blockSize - 1));
        g.maxNewTokens = std::min(maxNewTokens, 120);
    } else if (auto nl = d.tokenizer->encode("\n"); nl && !nl->ids.empty()) {
        prompt = nl->ids;
    } else {
        prompt = {d.dataset->train().front()};
    }
    auto r = generateFromIds(*d.model, prompt, g);
    d.net->module().train();
    if (!r)
        return makeError(r.error());
    std::string text = d.tokenizer->decode(std::vector<int32_t>(prompt.begin(), prompt.end()));
    std::string out = d.pairs() ? r->text : r->text.substr(std::min(text.size(), r->text.size()));
    std::ofstream samples(fs::path(d.runDir) / "samples.jsonl", std::ios::app);
    samples << dumpJson({{"step", d.step}, {"text", out}}) << '\n';
    return out;
}

Status Trainer::saveCheckpoint(const TrainerCallbacks &cb)
{
    auto &d = *m_impl;
    std::vector<torch::Tensor> rankRng; // every rank's generator, so each resumes its own stream
    if (d.group) {
        torch::Tensor mine;
        {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            mine = gen.get_state();
        }
        auto all = gatherStates(*d.group, mine, "while saving the checkpoint of step " + std::to_string(d.step));
        if (!all)
            return makeError(all.error());
        rankRng = std::move(*all);
        if (!d.writer()) {
            d.lastCheckpointStep = d.step;
            return {};
        }
    }
    const std::string name = "step-" + std::to_string(d.step);
    const std::string dir = (fs::path(d.runDir) / "checkpoints" / name).string();
    Status s = writeDirectoryAtomically(dir, [&](const std::string &tmp) -> Status {
        // With LoRA the merged weights W + scale B A: every reader sees the tuned model.
        if (Status w = saveTensors(tmp + "/model.safetensors", mergedParameters(*d.net, d.lora)); !w)
            return w;
        {
            std::ofstream cfg(tmp + "/config.json");
            cfg << toJson(d.config) << '\n';
            if (!cfg)
                return makeError("cannot write " + tmp + "/config.json");
        }
        if (Status w = d.tokenizer->save(tmp); !w)
            return w;
        std::vector<std::pair<std::string, torch::Tensor>> state;
        json steps = json::object();
        for (auto &[pname, p] : d.params) {
            auto it = d.optimizer->state().find(c10::guts::to_string(p.unsafeGetTensorImpl()));
            if (it == d.optimizer->state().end())
                continue;
            auto &st = static_cast<torch::optim::AdamWParamState &>(*it->second);
            state.emplace_back("exp_avg." + pname, st.exp_avg());
            state.emplace_back("exp_avg_sq." + pname, st.exp_avg_sq());
            steps[pname] = st.step();
        }
        {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            state.emplace_back("rng.torch_cpu", gen.get_state());
        }
        for (std::size_t r = 1; r < rankRng.size(); ++r)
            state.emplace_back("rng.torch_cpu.rank" + std::to_string(r), rankRng[r]);
        for (const auto &a : d.lora) { // model.safetensors holds W + s B A; these resume the adapters
            state.emplace_back("lora." + a.name + ".base", a.lin->weight.detach());
            state.emplace_back("lora." + a.name + ".A", a.low->A.detach());
            state.emplace_back("lora." + a.name + ".B", a.low->B.detach());
        }
        if (Status w = saveTensors(tmp + "/trainer_state.safetensors", state); !w)
            return w;
        json j = {{"format", "lmwb-trainer-state"},
                  {"version", 1},
                  {"step", d.step},
                  {"tokens_seen", d.tokensSeen},
                  {"best_val_loss", finiteOrNull(d.bestValLoss)},
                  {"train_sampler", d.trainSampler.state()},
                  {"eval_sampler", d.evalSampler.state()},
                  {"adam_steps", steps},
                  {"data_fingerprint", std::to_string(d.dataFingerprint)},
                  {"threads", d.threads},
                  {"ranks", d.ranks()}};
        std::ofstream out(tmp + "/trainer_state.json");
        out << j.dump(2) << '\n';
        if (!out)
            return makeError("cannot write " + tmp + "/trainer_state.json");
        return {};
    });
    if (!s)
        return s;
    // `latest` is replaced by rename too, so a reader never sees half a name.
    const fs::path latestTmp = fs::path(d.runDir) / ".latest.tmp";
    {
        std::ofstream l(latestTmp);
        l << name << '\n';
    }
    std::error_code ec;
    fs::rename(latestTmp, fs::path(d.runDir) / "latest", ec);
    if (ec)
        return makeError("cannot update " + d.runDir + "/latest: " + ec.message());
    d.lastCheckpointStep = d.step;
    if (cb.onCheckpoint)
        cb.onCheckpoint(d.step, dir);
    return {};
}

Status Trainer::advance(const TrainerCallbacks &cb)
{
    auto &d = *m_impl;
    try {
        const auto &t = d.config.training;
        if (!d.notesSaid) {
            d.notesSaid = true;
            if (cb.onMessage)
                for (const auto &n : d.dataNotes)
                    cb.onMessage(n);
        }
        if (d.needsInitialEval) {
            d.needsInitialEval = false;
            // nanoGPT evaluates before the first step.
            auto e = evaluate();
            if (cb.onEval)
                cb.onEval(e);
        }
        const int B = t.batchSize, T = d.config.model.blockSize;
        const double lr = learningRateAt(t, d.step);
        for (auto &group : d.optimizer->param_groups())
            static_cast<torch::optim::AdamWOptions &>(group.options()).lr(lr);

        const auto start = std::chrono::steady_clock::now();
        d.net->module().train();
        double lossSum = 0.0;
        int64_t tokens = static_cast<int64_t>(B) * T * t.gradientAccumulationSteps * d.ranks();
        std::vector<int64_t> x, y;
        for (int micro = 0; micro < t.gradientAccumulationSteps; ++micro) {
            torch::Tensor inputs, targets;
            if (d.pairs()) {
                // B pairs a rank; every rank draws the whole batch and keeps its rows, as
                // nextBatch does for token windows. tokens: the whole batch's, padding excluded.
                if (micro == 0)
                    tokens = 0;
                const auto all = d.trainSampler.nextIndices(d.trainPairs.size(), B * d.ranks());
                for (auto i : all)
                    tokens += static_cast<int64_t>(d.trainPairs[static_cast<std::size_t>(i)].input.size());
                const std::vector<int64_t> mine(all.begin() + static_cast<std::ptrdiff_t>(d.rank()) * B,
                                                all.begin() + static_cast<std::ptrdiff_t>(d.rank() + 1) * B);
                std::tie(inputs, targets) = pairBatch(d.trainPairs, mine);
            } else {
                d.trainSampler.nextBatch(d.dataset->train(), T, B, x, y, d.rank(), d.ranks());
                inputs = d.batchTensor(x, B, T);
                targets = d.batchTensor(y, B, T);
            }
            torch::Tensor logits;
            {
                AutocastScope autocast(d.bf16());
                logits = d.net->forward(inputs);
            }
            auto loss = d.pairs() ? maskedCrossEntropy(logits.to(torch::kFloat32), targets, torch::kMean)
                                  : torch::nn::functional::cross_entropy(
                                        logits.to(torch::kFloat32).view({-1, logits.size(-1)}), targets.view({-1}));
            if (d.injectNonFiniteFrom >= 0 && d.step >= d.injectNonFiniteFrom)
                loss = loss * std::numeric_limits<float>::quiet_NaN();
            (loss / t.gradientAccumulationSteps).backward();
            lossSum += loss.item<double>();
        }
        double trainLoss = lossSum / t.gradientAccumulationSteps;
        std::vector<torch::Tensor> ps;
        ps.reserve(d.params.size());
        for (auto &[n, p] : d.params)
            ps.push_back(p);
        if (d.group) {
            // Average the accumulated gradients over the ranks before clipping and the step;
            // the loss and every rank's cancel flag travel in the same all-reduce, so all ranks
            // skip, stop and report alike.
            std::vector<double> extras{trainLoss, d.cancel && d.cancel->load() ? 1.0 : 0.0};
            if (Status s = d.averager.average(*d.group, ps, extras,
                                              "while averaging gradients at step " + std::to_string(d.step + 1));
                !s)
                return s;
            trainLoss = extras[0] / d.ranks();
            if (extras[1] > 0)
                d.interrupted = true;
        }
        double gradNorm;
        if (t.gradClip > 0.0) {
            gradNorm = torch::nn::utils::clip_grad_norm_(ps, t.gradClip);
        } else {
            double sq = 0.0;
            for (auto &p : ps)
                if (p.grad().defined())
                    sq += p.grad().pow(2).sum().item<double>();
            gradNorm = std::sqrt(sq);
        }
        const bool finite = std::isfinite(trainLoss) && std::isfinite(gradNorm);
        if (finite) {
            d.optimizer->step();
            d.badInARow = 0;
        } else {
            ++d.badInARow;
        }
        d.optimizer->zero_grad();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++d.step;
        d.tokensSeen += tokens;

        StepMetrics m;
        m.step = d.step;
        m.trainLoss = trainLoss;
        m.lr = lr;
        m.gradNorm = gradNorm;
        m.msPerStep = ms;
        m.tokensPerSecond = ms > 0 ? tokens * 1000.0 / ms : 0.0;
        m.tokensSeen = d.tokensSeen;
        m.skipped = !finite;
        json line = {{"step", m.step},
                     {"train_loss", finiteOrNull(m.trainLoss)},
                     {"lr", m.lr},
                     {"grad_norm", finiteOrNull(m.gradNorm)},
                     {"ms_per_step", m.msPerStep},
                     {"tokens_per_second", m.tokensPerSecond},
                     {"tokens", m.tokensSeen}};
        if (m.skipped)
            line["skipped"] = true;
        d.writeMetric(line);
        if (cb.onStep)
            cb.onStep(m);
        if (!finite) {
            if (cb.onMessage)
                cb.onMessage("step " + std::to_string(d.step) + " had a non-finite loss or gradient and was skipped");
            if (d.badInARow >= t.maxBadSteps) {
                std::ostringstream s;
                s << "training stopped at step " << d.step << ": " << d.badInARow
                  << " steps in a row had a non-finite loss or gradient; lower training.learning_rate (now "
                  << t.learningRate << ")" << (t.gradClip > 0 ? "" : " or set training.grad_clip")
                  << " and resume from the last good checkpoint";
                return makeError(s.str());
            }
            return {};
        }

        const bool last = d.step >= t.maxSteps;
        if (d.step % t.evalInterval == 0 || last) {
            auto e = evaluate();
            if (cb.onEval)
                cb.onEval(e);
            if (t.sampleInterval == 0 && d.writer()) {
                auto s = sample();
                if (s && cb.onSample)
                    cb.onSample(d.step, *s);
            }
        }
        if (t.sampleInterval > 0 && d.step % t.sampleInterval == 0 && d.writer()) {
            auto s = sample();
            if (s && cb.onSample)
                cb.onSample(d.step, *s);
        }
        if (d.step % t.checkpointInterval == 0 || last) {
            if (Status s = saveCheckpoint(cb); !s)
                return s;
        }
        return {};
    } catch (const std::exception &e) {
        return makeError(std::string("training step failed: ") + e.what());
    }
}

Status Trainer::run(const TrainerCallbacks &cb, int64_t stopAfter, const std::atomic_bool *cancel)
{
    auto &d = *m_impl;
    d.cancel = cancel;
    d.interrupted = false;
    // With ranks, a cancel takes effect after the step whose all-reduce carried it, on all
    // ranks at once; alone, before the next step.
    auto stop = [&] {
        if (d.group)
            return d.interrupted;
        d.interrupted = cancel && cancel->load();
        return d.interrupted;
    };
    while (!finished() && !(stopAfter > 0 && d.step >= stopAfter) && !stop()) {
        if (Status s = advance(cb); !s)
            return s;
    }
    if (d.lastCheckpointStep != d.step) {
        try {
            return saveCheckpoint(cb);
        } catch (const std::exception &e) {
            return makeError(std::string("cannot save the checkpoint: ") + e.what());
        }
    }
    return {};
}

} // namespace lmwb::core
