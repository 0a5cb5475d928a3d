#include "train/steptiming.h"

#include "model/network_p.h"
#include "train/autocast_p.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

namespace lmwb::core {

Result<StepTiming> measureTrainingStep(ModelConfig model, const TrainingConfig &t, int32_t vocabSize, int repeats)
{
    if (vocabSize <= 0)
        return makeError("the vocabulary size is not known yet");
    model.vocabSize = vocabSize;
    RunConfig check;
    check.model = model;
    check.training = t;
    check.data.format = "synthetic";
    if (Status v = validate(check); !v)
        return makeError(v.error());
    try {
        auto net = Network::create(model, t.seed);
        net->module().train();
        torch::optim::AdamW opt(net->module().parameters(),
                                torch::optim::AdamWOptions(t.learningRate).betas({t.beta1, t.beta2}));
        auto gen = at::make_generator<at::CPUGeneratorImpl>(t.seed);
        const bool bf16 = t.precision == "bf16";
        std::vector<double> ms;
        for (int i = 0; i <= repeats; ++i) {
            auto x = torch::randint(vocabSize, {t.batchSize, model.blockSize}, gen, torch::kLong);
            auto y = torch::randint(vocabSize, {t.batchSize, model.blockSize}, gen, torch::kLong);
            const auto start = std::chrono::steady_clock::now();
            for (int micro = 0; micro < t.gradientAccumulationSteps; ++micro) {
                torch::Tensor logits;
                {
                    AutocastScope autocast(bf16);
                    logits = net->forward(x);
                }
                auto loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat32).view({-1, vocabSize}),
                                                                 y.view({-1}));
                loss.backward();
            }
            if (t.gradClip > 0)
                torch::nn::utils::clip_grad_norm_(net->module().parameters(), t.gradClip);
            opt.step();
            opt.zero_grad();
            if (i > 0) // the first step allocates and warms caches
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(ms.begin(), ms.end());
        StepTiming r;
        r.msPerStep = ms[ms.size() / 2];
        r.parameters = net->parameterCount();
        return r;
    } catch (const std::exception &e) {
        return makeError(std::string("cannot run a training step: ") + e.what());
    }
}

} // namespace lmwb::core
