#pragma once
// The time of one training step of a configuration, measured by running it (the wizard's
// model page shows it live). Random tokens, the real model, the real optimizer step.
//
//   Result<StepTiming> t = measureTrainingStep(config.model, config.training, 65);

#include "config/runconfig.h"
#include "util/result.h"

namespace lmwb::core {

struct StepTiming {
    double msPerStep = 0.0;   // median over the timed steps
    int64_t parameters = 0;
};

// One warm-up step, then `repeats` timed steps (forward, backward, clip, AdamW).
Result<StepTiming> measureTrainingStep(ModelConfig model, const TrainingConfig &training, int32_t vocabSize,
                                       int repeats = 3);

} // namespace lmwb::core
