#pragma once
// The training loop, as nanoGPT's train.py, behind plain value types.
//
//   auto t = Trainer::create(config, "runs/a");        // or Trainer::resume("runs/a")
//   if (!t) fail(t.error());
//   TrainerCallbacks cb;  cb.onStep = [](const StepMetrics &m) { ... };
//   Status s = (*t)->run(cb, /*stopAfter*/ 0, &cancelFlag);
//
// Semantics (DESIGN §5): eval at step 0, every eval_interval steps and at the last step; a
// checkpoint every checkpoint_interval steps, at the last step, and where run() stops
// early; the LR schedule does not depend on where a run stops, so a resumed run continues
// the uninterrupted one exactly (same machine, same thread count).
// Every step and eval goes to RUN_DIR/metrics.jsonl, samples to samples.jsonl.
//
// Fine-tuning is the same loop: training.init_from starts from a checkpoint, a run or a
// Hugging Face GPT-2 folder (so the eval at step 0 is the base model's loss);
// data.format "pairs" trains on prompt/response pairs with the loss on the response tokens;
// training.freeze_* and training.lora choose what trains. With LoRA, model.safetensors of
// every checkpoint holds the merged weights W0 + alpha/r B A, and trainer_state holds W0,
// A and B, so a resumed run continues exactly and every reader sees the tuned model.

#include "config/runconfig.h"
#include "tokenizer/tokenizer.h"
#include "util/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lmwb::core {

class LanguageModel;
class ProcessGroup;

struct StepMetrics {
    int64_t step = 0;          // the number of optimizer steps done, this one included
    double trainLoss = 0.0;    // NaN for a skipped step
    double lr = 0.0;
    double gradNorm = 0.0;
    double msPerStep = 0.0;
    double tokensPerSecond = 0.0;
    int64_t tokensSeen = 0;
    bool skipped = false;      // non-finite loss or gradient: no update was made
};

struct EvalMetrics {
    int64_t step = 0;
    double trainLoss = 0.0;
    double valLoss = 0.0;      // NaN when there is no validation split
    double bestValLoss = 0.0;
};

struct TrainerCallbacks {
    std::function<void(const StepMetrics &)> onStep;
    std::function<void(const EvalMetrics &)> onEval;
    std::function<void(int64_t step, const std::string &text)> onSample;
    std::function<void(int64_t step, const std::string &dir)> onCheckpoint;
    std::function<void(const std::string &message)> onMessage;
};

struct TrainerSummary {
    int64_t parameters = 0;
    int64_t trainTokens = 0;
    int64_t valTokens = 0;
    int32_t vocabSize = 0;
    std::string corpusDescription;
    int threads = 0;
    int rank = 0;              // data-parallel rank of this process
    int ranks = 1;             // data-parallel processes (1 without a process group)
    int64_t trainableParameters = 0; // what the optimizer updates (LoRA's A and B, unfrozen weights)
    int64_t trainExamples = 0;       // data.format "pairs": prompt/response pairs in each split
    int64_t valExamples = 0;
    std::vector<std::string> dataNotes; // lines and pairs that were skipped, with file and line
};

class Trainer {
public:
    ~Trainer();

    // A new run in runDir (created; refused if it already holds a run).
    // With a process group, every rank calls this with the same config: each trains on its
    // share of every batch (batch_size rows per rank), gradients are averaged across ranks
    // before each optimizer step, eval losses are averaged across ranks, and rank 0 alone
    // writes the run directory (metrics, samples, checkpoints).
    static Result<std::unique_ptr<Trainer>> create(const RunConfig &config, const std::string &runDir,
                                                   const ProgressFn &tokenizerProgress = {},
                                                   std::shared_ptr<ProcessGroup> group = {});
    // Continues the run in runDir from its latest checkpoint. maxSteps > 0 replaces the
    // config's max_steps (the schedule keeps lr_decay_steps). Every rank reads the same
    // checkpoint.
    static Result<std::unique_ptr<Trainer>> resume(const std::string &runDir, int64_t maxSteps = 0,
                                                   std::shared_ptr<ProcessGroup> group = {});

    const RunConfig &config() const;
    const std::string &runDir() const;
    TrainerSummary summary() const;
    const LanguageModel &model() const;
    int64_t step() const;          // optimizer steps done
    bool finished() const;         // step() >= max_steps
    bool interrupted() const;      // run() stopped on a cancel flag (of any rank)
    double bestValLoss() const;

    // One iteration of the loop: a training step, then the eval, sample and checkpoint that
    // fall due at the new step. Fails when too many non-finite steps come in a row.
    Status advance(const TrainerCallbacks &callbacks);
    // Runs until max_steps, until step() == stopAfter (> 0), or until *cancel; the stop
    // point gets a checkpoint. Returns the first error.
    Status run(const TrainerCallbacks &callbacks, int64_t stopAfter = 0, const std::atomic_bool *cancel = nullptr);

    EvalMetrics evaluate();
    Status saveCheckpoint(const TrainerCallbacks &callbacks = {});
    Result<std::string> sample(int maxNewTokens = 200);

    // Tests: makes the loss of every step from `step` on non-finite.
    void injectNonFiniteLossFrom(int64_t step);

private:
    Trainer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lmwb::core
