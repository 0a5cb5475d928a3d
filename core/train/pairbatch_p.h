#pragma once
// Batches of prompt/response examples (data/promptpairs.h) as tensors, shared by the Trainer
// (data.format "pairs") and the Finetuner. Internal: only core's .cpp files include it.
//
//   auto [x, y] = pairBatch(examples, {3, 0, 7});  // (B, T) inputs padded with 0,
//                                                   // targets padded with -1 (ignored)
//   auto loss = maskedCrossEntropy(logits, y);      // mean over the response tokens

#include "data/promptpairs.h"

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace lmwb::core {

// T is the longest example of the batch; shorter rows are padded.
inline std::pair<torch::Tensor, torch::Tensor> pairBatch(const std::vector<PairExample> &examples,
                                                         const std::vector<int64_t> &which)
{
    std::size_t T = 1;
    for (auto i : which)
        T = std::max(T, examples[static_cast<std::size_t>(i)].input.size());
    const auto B = static_cast<int64_t>(which.size());
    auto x = torch::zeros({B, static_cast<int64_t>(T)}, torch::kLong);
    auto y = torch::full({B, static_cast<int64_t>(T)}, -1, torch::kLong);
    auto xa = x.accessor<int64_t, 2>();
    auto ya = y.accessor<int64_t, 2>();
    for (int64_t b = 0; b < B; ++b) {
        const auto &ex = examples[static_cast<std::size_t>(which[static_cast<std::size_t>(b)])];
        for (std::size_t t = 0; t < ex.input.size(); ++t) {
            xa[b][static_cast<int64_t>(t)] = ex.input[t];
            ya[b][static_cast<int64_t>(t)] = ex.targets[t];
        }
    }
    return {x, y};
}

// logits (B, T, V), targets (B, T) with -1 where no loss is taken. reduction kSum gives the
// sum (to weight batches by their token counts), kMean the mean over the counted tokens.
inline torch::Tensor maskedCrossEntropy(const torch::Tensor &logits, const torch::Tensor &targets,
                                        torch::nn::functional::CrossEntropyFuncOptions::reduction_t reduction)
{
    namespace F = torch::nn::functional;
    return F::cross_entropy(logits.view({-1, logits.size(-1)}), targets.reshape({-1}),
                            F::CrossEntropyFuncOptions().ignore_index(-1).reduction(reduction));
}

} // namespace lmwb::core
