#pragma once
// The run configuration: one JSON file with nanoGPT's names, the same file the wizard
// saves and `lmwb train` reads (DESIGN §4).
//
//   Result<RunConfig> cfg = parseRunConfig(jsonText);   // unknown keys are errors
//   std::string json = toJson(*cfg);                     // round-trips
//
// Every value is checked: a wrong type, an out-of-range value or an unknown key gives an
// error that names the key ("training.learning_rate must be > 0, got -1").

#include "tokenizer/tokenizer.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmwb::core {

struct DataConfig {
    std::vector<std::string> train;   // files or folders; empty when synthetic
    // "text", "fortune", "synthetic", or "pairs": prompt/response pairs from JSONL files
    // (data/promptpairs.h), the loss on the response tokens only; the last val_fraction of
    // the pairs is the validation split.
    std::string format = "text";
    double valFraction = 0.1;         // the last 10 % of the tokens, as nanoGPT
    int64_t syntheticExamples = 20000; // synthetic only: number of addition problems
    int syntheticDigits = 2;          // synthetic only: digits per operand
};

struct TokenizerConfig {
    TokenizerKind kind = TokenizerKind::Char;
    int32_t vocabSize = 0;            // bpe / spm only
    double characterCoverage = 1.0;   // spm only
    std::string path;                 // optional: a saved tokenizer directory to use as-is
};

enum class Arch { Gpt, Lstm };

struct ModelConfig {
    Arch arch = Arch::Gpt;
    int nLayer = 4;
    int nHead = 4;
    int nEmbd = 128;
    int blockSize = 64;
    double dropout = 0.0;
    bool bias = false;
    int32_t vocabSize = 0;            // filled from the tokenizer; 0 in a config file
    std::string attention = "auto";   // "auto", "fused", "explicit"
    // Imported GPT-2 models: "gelu_tanh" is GPT-2's tanh approximation ("gelu_new" in
    // Hugging Face's config), and an lm_head of its own instead of the tied wte.
    std::string activation = "gelu";  // "gelu" (exact, nanoGPT) or "gelu_tanh"
    bool tieEmbeddings = true;
};

// LoRA (Hu et al. 2021): a low-rank update W + alpha/rank * B A on the chosen projections
// of every layer that is not frozen, with the model's own weights frozen. rank 0 = off.
struct LoraConfig {
    int rank = 0;
    double alpha = 16.0;
    // Which projections get an adapter: "c_attn", "attn.c_proj", "c_fc", "mlp.c_proj".
    std::vector<std::string> targets{"c_attn", "attn.c_proj"};
};

struct TrainingConfig {
    int64_t maxSteps = 2000;
    int batchSize = 12;
    int gradientAccumulationSteps = 1;
    double learningRate = 1e-3;
    double minLr = 1e-4;
    int64_t warmupSteps = 100;
    int64_t lrDecaySteps = 2000;
    double weightDecay = 0.1;
    double beta1 = 0.9;
    double beta2 = 0.99;
    double gradClip = 1.0;            // 0 = off
    int64_t evalInterval = 250;
    int evalSteps = 20;
    int64_t checkpointInterval = 500;
    int64_t sampleInterval = 0;       // 0 = at every eval
    uint64_t seed = 1337;
    int threads = 0;                  // 0 = all cores
    std::string precision = "fp32";   // "fp32" or "bf16"
    int maxBadSteps = 5;              // non-finite steps in a row that stop the run
    // Continued pretraining: start from this checkpoint, run or Hugging Face GPT-2 folder
    // (its architecture and tokenizer replace the model and tokenizer sections).
    std::string initFrom;
    // Fine-tuning: freeze wte and wpe (and so a tied head), freeze h.0 .. h.(N-1), adapt
    // through LoRA. Checkpoints hold the merged weights, so every reader sees the tuned model.
    bool freezeEmbeddings = false;
    int freezeLayers = 0;
    LoraConfig lora;
    std::string device = "auto";      // "auto" (cuda when available, else cpu), "cpu", "cuda"
    double distTimeout = 30.0;        // seconds a rank waits for the others (data-parallel runs)
};

struct RunConfig {
    DataConfig data;
    TokenizerConfig tokenizer;
    ModelConfig model;
    TrainingConfig training;
};

std::string archName(Arch arch);

// The LoRA projection names, in the order of a block.
const std::vector<std::string> &loraTargetNames();

// Parses and validates. baseDir resolves relative data paths (the config file's folder).
Result<RunConfig> parseRunConfig(const std::string &json, const std::string &baseDir = {});
Result<RunConfig> readRunConfigFile(const std::string &path);
std::string toJson(const RunConfig &config, int indent = 2);
std::string toJson(const ModelConfig &model, int indent = -1);
Result<ModelConfig> parseModelConfig(const std::string &json); // the "model" object alone

// Checks the relations between fields (heads divide width, min_lr <= lr, ...).
Status validate(const RunConfig &config);

// nanoGPT's LR schedule as a pure function: linear warmup, cosine decay to min_lr at
// lr_decay_steps, min_lr after.
double learningRateAt(const TrainingConfig &training, int64_t step);

} // namespace lmwb::core
