#pragma once
// Fine-tuning a trained or imported model on prompt/response pairs: the loss counts the
// response tokens only (prompt targets are -1, ignored), optionally through LoRA adapters
// (Hu et al. 2021) with the base weights frozen, or with the embeddings or the first N
// layers frozen.
//
//   auto pairs = readPromptPairs("pairs.jsonl");            // issues reported by line
//   auto ft = Finetuner::create(*base, pairs->pairs, settings);
//   double before = (*ft)->loss();
//   for (int i = 0; i < settings.steps; ++i) (*ft)->step();
//   Result<LanguageModel> tuned = (*ft)->merged();          // LoRA merged into the weights
//
// The base model is never modified: the Finetuner trains a copy. From a file:
//   lmwb finetune FINETUNE.json --out CKPT   (keys: see parseFinetuneConfig)

#include "data/promptpairs.h"
#include "model/languagemodel.h"
#include "util/result.h"

#include <memory>
#include <string>
#include <vector>

namespace lmwb::core {

// rank 0 = no LoRA: the (unfrozen) weights themselves are trained (config/runconfig.h).
using LoraSettings = LoraConfig;

struct FinetuneSettings {
    int64_t steps = 200;
    int batchSize = 4;
    double learningRate = 1e-3;
    double weightDecay = 0.0;
    double gradClip = 1.0; // 0 = off
    uint64_t seed = 1337;
    bool freezeEmbeddings = false; // wte and wpe (and so the tied head)
    int freezeLayers = 0;          // h.0 .. h.(N-1)
    LoraSettings lora;
};

// A fine-tuning config file: {"init_from": CKPT, "pairs": JSONL, "steps", "batch_size",
// "learning_rate", "weight_decay", "grad_clip", "seed", "freeze_embeddings", "freeze_layers",
// "lora": {"rank", "alpha", "targets"}}. Unknown keys and bad values name the key; relative
// paths are relative to baseDir.
struct FinetuneConfig {
    std::string initFrom;
    std::string pairs;
    FinetuneSettings settings;
};
Result<FinetuneConfig> parseFinetuneConfig(const std::string &json, const std::string &baseDir = {});

class Finetuner {
public:
    // Fails when a pair cannot be encoded or leaves no response token in the context, when
    // LoRA targets are unknown, or when everything would be frozen.
    static Result<std::unique_ptr<Finetuner>> create(const LanguageModel &base, const std::vector<PromptPair> &pairs,
                                                     const FinetuneSettings &settings);
    ~Finetuner();

    double loss() const;   // mean loss over the response tokens of every pair (eval mode)
    Result<double> step(); // one AdamW step on a random batch; returns its loss
    int64_t stepCount() const;
    int64_t trainableParameters() const;

    // The working model: with LoRA its weights are the base weights, untouched.
    const LanguageModel &model() const;
    // Logits with the adapters applied (not merged).
    Result<Logits> logits(const std::vector<int32_t> &ids) const;
    // A new model with the adapters merged into the weights (W + alpha/rank * B A).
    Result<LanguageModel> merged() const;

private:
    Finetuner();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Writes model as our checkpoint directory (model.safetensors, config.json, tokenizer).
Status saveModelCheckpoint(const LanguageModel &model, const std::string &dir, const std::string &dataSource);

} // namespace lmwb::core
