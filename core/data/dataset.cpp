#include "data/dataset.h"

#include <cmath>
#include <sstream>

namespace lmwb::core {

Result<TokenDataset> TokenDataset::create(std::vector<int32_t> ids, double valFraction, int blockSize)
{
    const auto n = static_cast<int64_t>(ids.size());
    const int64_t need = static_cast<int64_t>(blockSize) + 1;
    if (n < need)
        return makeError("the corpus has " + std::to_string(n) + " tokens, fewer than block_size + 1 = " +
                         std::to_string(need) + "; use more text or a smaller block_size");
    // nanoGPT: n = len(data); train = data[:int(n*0.9)], val = data[int(n*0.9):]
    const auto trainLen = static_cast<int64_t>(std::floor(static_cast<double>(n) * (1.0 - valFraction)));
    TokenDataset d;
    if (valFraction > 0.0) {
        const int64_t valLen = n - trainLen;
        if (trainLen < need || valLen < need)
            return makeError("the corpus has " + std::to_string(n) + " tokens: the train split (" +
                             std::to_string(trainLen) + ") and the validation split (" + std::to_string(valLen) +
                             ") each need at least block_size + 1 = " + std::to_string(need) +
                             " tokens; use more text, a smaller block_size or a different val_fraction");
        d.m_val.assign(ids.begin() + trainLen, ids.end());
        ids.resize(static_cast<std::size_t>(trainLen));
    }
    d.m_train = std::move(ids);
    return d;
}

BatchSampler::BatchSampler(uint64_t seed) : m_rng(seed) {}

uint64_t BatchSampler::uniform(uint64_t n)
{
    // Rejection sampling on the raw 64-bit stream: portable across standard libraries,
    // unlike std::uniform_int_distribution.
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do {
        x = m_rng();
    } while (x >= limit);
    return x % n;
}

std::vector<int64_t> BatchSampler::next(std::size_t length, int blockSize, int batchSize)
{
    std::vector<int64_t> starts(static_cast<std::size_t>(batchSize));
    const uint64_t range = static_cast<uint64_t>(length) - static_cast<uint64_t>(blockSize);
    for (auto &s : starts)
        s = static_cast<int64_t>(uniform(range));
    return starts;
}

std::vector<int64_t> BatchSampler::nextIndices(std::size_t n, int count)
{
    std::vector<int64_t> out(static_cast<std::size_t>(count));
    for (auto &i : out)
        i = static_cast<int64_t>(uniform(static_cast<uint64_t>(n)));
    return out;
}

void BatchSampler::nextBatch(const std::vector<int32_t> &tokens, int blockSize, int batchSize,
                             std::vector<int64_t> &x, std::vector<int64_t> &y, int part, int parts)
{
    const auto all = next(tokens.size(), blockSize, batchSize * parts);
    const std::vector<int64_t> starts(all.begin() + static_cast<std::ptrdiff_t>(part) * batchSize,
                                      all.begin() + static_cast<std::ptrdiff_t>(part + 1) * batchSize);
    x.resize(static_cast<std::size_t>(batchSize) * blockSize);
    y.resize(x.size());
    for (int b = 0; b < batchSize; ++b) {
        const auto s = static_cast<std::size_t>(starts[b]);
        for (int t = 0; t < blockSize; ++t) {
            x[static_cast<std::size_t>(b) * blockSize + t] = tokens[s + t];
            y[static_cast<std::size_t>(b) * blockSize + t] = tokens[s + t + 1];
        }
    }
}

std::string BatchSampler::state() const
{
    std::ostringstream s;
    s << m_rng;
    return s.str();
}

Status BatchSampler::setState(const std::string &state)
{
    std::istringstream s(state);
    std::mt19937_64 rng;
    s >> rng;
    if (s.fail())
        return makeError("the saved batch sampler state is corrupt");
    m_rng = rng;
    return {};
}

} // namespace lmwb::core
