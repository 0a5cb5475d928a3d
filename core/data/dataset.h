#pragma once
// Token datasets and seeded random batches, as nanoGPT's get_batch.
//
//   auto ds = TokenDataset::create(ids, 0.1, blockSize);   // last 10 % is validation
//   BatchSampler sampler(seed);
//   auto starts = sampler.next(ds->train().size(), blockSize, batchSize);
//   // x = train[s : s+T], y = train[s+1 : s+1+T] for each start s
//
// The sampler's state is a string, saved in checkpoints so that a resumed run draws
// exactly the batches the uninterrupted run would have drawn.

#include "util/result.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace lmwb::core {

class TokenDataset {
public:
    // Refuses (with the numbers) a corpus whose train split, or whose validation split when
    // valFraction > 0, is shorter than blockSize + 1 tokens.
    static Result<TokenDataset> create(std::vector<int32_t> ids, double valFraction, int blockSize);

    const std::vector<int32_t> &train() const { return m_train; }
    const std::vector<int32_t> &val() const { return m_val; }
    bool hasVal() const { return !m_val.empty(); }
    int64_t totalTokens() const { return static_cast<int64_t>(m_train.size() + m_val.size()); }

private:
    std::vector<int32_t> m_train;
    std::vector<int32_t> m_val;
};

class BatchSampler {
public:
    explicit BatchSampler(uint64_t seed = 1337);
    // batch start offsets, each uniform in [0, length - blockSize - 1]
    std::vector<int64_t> next(std::size_t length, int blockSize, int batchSize);
    // Fills x and y (batchSize * blockSize each, row-major) from tokens. With parts > 1 the
    // sampler draws the whole batch of parts * batchSize rows and keeps rows
    // [part * batchSize, (part + 1) * batchSize): data-parallel rank `part` of `parts` gets its
    // share of the batch one process would draw, and every rank's sampler stays in step.
    void nextBatch(const std::vector<int32_t> &tokens, int blockSize, int batchSize,
                   std::vector<int64_t> &x, std::vector<int64_t> &y, int part = 0, int parts = 1);

    // count example indices, each uniform in [0, n): the batches of a dataset of examples
    // (prompt/response pairs) instead of a token stream.
    std::vector<int64_t> nextIndices(std::size_t n, int count);

    std::string state() const;
    Status setState(const std::string &state);

private:
    uint64_t uniform(uint64_t n); // unbiased in [0, n)
    std::mt19937_64 m_rng;
};

} // namespace lmwb::core
