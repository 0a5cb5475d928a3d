#include "sample/sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace lmwb::core {

namespace {

constexpr std::size_t kSnapshotSize = 20;

// Logit descending; ties by the smaller id so the order (and so every draw) is deterministic.
bool byLogit(const Candidate &a, const Candidate &b)
{
    return a.logit != b.logit ? a.logit > b.logit : a.id < b.id;
}

void sortByLogit(std::vector<Candidate> &c) { std::sort(c.begin(), c.end(), byLogit); }

// Penalties and temperature change logits one by one; these leave the order to the caller.
void penalise(std::vector<Candidate> &c, const std::vector<int32_t> &history, const SamplerSettings &s)
{
    if (s.repetitionPenalty == 1.0f && s.presencePenalty == 0.0f && s.frequencyPenalty == 0.0f)
        return;
    std::size_t window = history.size();
    if (s.penaltyLastN >= 0)
        window = std::min(window, static_cast<std::size_t>(s.penaltyLastN));
    if (window == 0)
        return;
    std::unordered_map<int32_t, int> counts;
    for (auto it = history.end() - static_cast<std::ptrdiff_t>(window); it != history.end(); ++it)
        ++counts[*it];
    for (Candidate &cand : c) {
        const auto found = counts.find(cand.id);
        if (found == counts.end())
            continue;
        float logit = cand.logit;
        if (s.repetitionPenalty != 1.0f)
            logit = logit > 0.0f ? logit / s.repetitionPenalty : logit * s.repetitionPenalty;
        logit -= s.presencePenalty;
        logit -= s.frequencyPenalty * static_cast<float>(found->second);
        cand.logit = logit;
    }
}

void scale(std::vector<Candidate> &c, float temperature)
{
    for (Candidate &cand : c)
        cand.logit /= temperature;
}

// Keeps the first n (the list is sorted) and renormalises.
void keepFirst(std::vector<Candidate> &c, std::size_t n)
{
    c.resize(std::max<std::size_t>(1, std::min(n, c.size())));
    softmax(c);
}

// The list must have valid probs. Sorted input is already in prob order.
std::vector<Candidate> topByProb(const std::vector<Candidate> &c, bool sorted)
{
    const std::size_t n = std::min(kSnapshotSize, c.size());
    if (sorted)
        return {c.begin(), c.begin() + static_cast<std::ptrdiff_t>(n)};
    std::vector<Candidate> top(n);
    std::partial_sort_copy(c.begin(), c.end(), top.begin(), top.end(), byLogit);
    return top;
}

} // namespace

const char *samplerStageName(SamplerStage stage)
{
    switch (stage) {
    case SamplerStage::Penalties: return "penalties";
    case SamplerStage::Temperature: return "temperature";
    case SamplerStage::TopK: return "top_k";
    case SamplerStage::TopP: return "top_p";
    case SamplerStage::MinP: return "min_p";
    case SamplerStage::Typical: return "typical";
    }
    return "?";
}

void softmax(std::vector<Candidate> &c)
{
    if (c.empty())
        return;
    float maxLogit = -std::numeric_limits<float>::infinity();
    for (const Candidate &cand : c)
        maxLogit = std::max(maxLogit, cand.logit);
    if (maxLogit == -std::numeric_limits<float>::infinity()) {
        // Nothing is possible; a uniform distribution is the least surprising answer.
        for (Candidate &cand : c)
            cand.prob = 1.0f / static_cast<float>(c.size());
        return;
    }
    double sum = 0.0;
    for (Candidate &cand : c) {
        cand.prob = std::exp(cand.logit - maxLogit);
        sum += cand.prob;
    }
    for (Candidate &cand : c)
        cand.prob = static_cast<float>(cand.prob / sum);
}

void applyPenalties(std::vector<Candidate> &c, const std::vector<int32_t> &history,
                    const SamplerSettings &s)
{
    penalise(c, history, s);
    sortByLogit(c);
    softmax(c);
}

void applyTemperature(std::vector<Candidate> &c, float temperature)
{
    if (temperature <= 0.0f) {
        // Greedy: only the most likely candidate survives.
        keepFirst(c, 1);
        return;
    }
    scale(c, temperature);
    softmax(c);
}

void applyTopK(std::vector<Candidate> &c, int k)
{
    if (k > 0 && static_cast<std::size_t>(k) < c.size())
        c.resize(static_cast<std::size_t>(k));
    softmax(c);
}

void applyTopP(std::vector<Candidate> &c, float p)
{
    softmax(c);
    if (p >= 1.0f || c.empty())
        return;
    double cumulative = 0.0;
    std::size_t keep = 0;
    while (keep < c.size()) {
        cumulative += c[keep].prob;
        ++keep;
        if (cumulative >= p)
            break;
    }
    keepFirst(c, keep);
}

void applyMinP(std::vector<Candidate> &c, float p)
{
    softmax(c);
    if (p <= 0.0f || c.empty())
        return;
    const float threshold = p * c.front().prob;
    std::size_t keep = 0;
    while (keep < c.size() && c[keep].prob >= threshold)
        ++keep;
    keepFirst(c, keep);
}

void applyTypical(std::vector<Candidate> &c, float p)
{
    softmax(c);
    if (p >= 1.0f || c.empty())
        return;
    // Meister et al. 2022: keep the tokens whose surprisal -log p is closest to the entropy.
    double entropy = 0.0;
    for (const Candidate &cand : c) {
        if (cand.prob > 0.0f)
            entropy -= cand.prob * std::log(static_cast<double>(cand.prob));
    }
    std::vector<double> distance(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
        distance[i] = c[i].prob > 0.0f
                          ? std::abs(-std::log(static_cast<double>(c[i].prob)) - entropy)
                          : std::numeric_limits<double>::infinity();
    }
    std::vector<std::size_t> order(c.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return distance[a] < distance[b]; });
    double cumulative = 0.0;
    std::size_t keep = 0;
    while (keep < order.size()) {
        cumulative += c[order[keep]].prob;
        ++keep;
        if (cumulative >= p)
            break;
    }
    // Back to logit order: the kept indices, ascending, are already sorted by logit.
    order.resize(keep);
    std::sort(order.begin(), order.end());
    std::vector<Candidate> kept;
    kept.reserve(keep);
    for (std::size_t i : order)
        kept.push_back(c[i]);
    c = std::move(kept);
    softmax(c);
}

Sampler::Sampler(SamplerSettings settings, uint64_t seed)
    : m_settings(std::move(settings)), m_rng(seed)
{
}

void Sampler::reseed(uint64_t seed) { m_rng.seed(seed); }

SampleResult Sampler::sample(const std::vector<float> &logits, const std::vector<int32_t> &history,
                             bool recordStages)
{
    SampleResult result;
    if (logits.empty()) {
        result.id = -1;
        return result;
    }
    const SamplerSettings &s = m_settings;

    std::vector<Candidate> &c = m_work;
    c.resize(logits.size());
    for (std::size_t i = 0; i < logits.size(); ++i) {
        // A NaN would break the strict weak order the sorts rely on.
        const float l = logits[i];
        c[i] = {static_cast<int32_t>(i), std::isnan(l) ? -std::numeric_limits<float>::infinity() : l,
                0.0f};
    }
    softmax(c);
    // The raw probability of the chosen id, from the raw logits (the stages reorder the list):
    // the same softmax, recomputed for one id.
    float rawMax = -std::numeric_limits<float>::infinity();
    for (const Candidate &cand : c)
        rawMax = std::max(rawMax, cand.logit);
    double rawSum = 0.0;
    if (rawMax != -std::numeric_limits<float>::infinity())
        for (const Candidate &cand : c)
            rawSum += std::exp(cand.logit - rawMax);
    const float uniform = 1.0f / static_cast<float>(logits.size());
    auto rawProb = [&](int32_t id) {
        const float l = logits[static_cast<std::size_t>(id)];
        if (rawSum == 0.0)
            return uniform;
        if (std::isnan(l))
            return 0.0f;
        return static_cast<float>(std::exp(l - rawMax) / rawSum);
    };
    result.top = topByProb(c, false);

    const bool usePenalties =
        std::find(s.order.begin(), s.order.end(), SamplerStage::Penalties) != s.order.end();

    if (s.temperature <= 0.0f) {
        // Greedy ignores the order and the filters: the argmax of the penalised logits.
        if (usePenalties)
            penalise(c, history, s);
        softmax(c);
        const Candidate best = *std::min_element(c.begin(), c.end(), byLogit);
        if (recordStages) {
            for (SamplerStage stage : s.order) {
                StageSnapshot snap{stage, {}, 1};
                if (stage == SamplerStage::Penalties) {
                    snap.candidates = topByProb(c, false);
                    snap.survivors = c.size();
                } else {
                    snap.candidates = {{best.id, best.logit, 1.0f}};
                }
                result.stages.push_back(std::move(snap));
            }
        }
        result.id = best.id;
        result.prob = 1.0f;
        result.rawProb = rawProb(best.id);
        return result;
    }

    // Penalties and temperature work on the unsorted list; the first stage that needs order
    // sorts it, and an active top-k only needs a partial sort of its k.
    bool sorted = false;
    bool probsValid = true;
    for (SamplerStage stage : s.order) {
        switch (stage) {
        case SamplerStage::Penalties:
            penalise(c, history, s);
            sorted = sorted && s.repetitionPenalty == 1.0f && s.presencePenalty == 0.0f &&
                     s.frequencyPenalty == 0.0f;
            probsValid = false;
            break;
        case SamplerStage::Temperature:
            if (s.temperature != 1.0f) {
                scale(c, s.temperature);
                probsValid = false;
            }
            break;
        case SamplerStage::TopK:
            if (s.topK > 0 && static_cast<std::size_t>(s.topK) < c.size()) {
                const auto k = static_cast<std::ptrdiff_t>(s.topK);
                if (!sorted)
                    std::partial_sort(c.begin(), c.begin() + k, c.end(), byLogit);
                c.resize(static_cast<std::size_t>(k));
                sorted = true;
                probsValid = false;
            }
            break;
        case SamplerStage::TopP:
        case SamplerStage::MinP:
        case SamplerStage::Typical:
            if (!sorted)
                sortByLogit(c);
            sorted = true;
            if (stage == SamplerStage::TopP)
                applyTopP(c, s.topP);
            else if (stage == SamplerStage::MinP)
                applyMinP(c, s.minP);
            else
                applyTypical(c, s.typicalP);
            probsValid = true;
            break;
        }
        if (recordStages) {
            if (!probsValid)
                softmax(c);
            probsValid = true;
            result.stages.push_back({stage, topByProb(c, sorted), c.size()});
        }
    }
    if (!sorted)
        sortByLogit(c);
    if (!probsValid)
        softmax(c);

    // One portable uniform double in [0, 1): the top 53 bits of the generator's output.
    const double u = static_cast<double>(m_rng() >> 11) * 0x1.0p-53;
    double total = 0.0;
    for (const Candidate &cand : c)
        total += cand.prob;
    const double target = u * total;
    double cumulative = 0.0;
    const Candidate *chosen = &c.front();
    for (const Candidate &cand : c) {
        if (cand.prob <= 0.0f)
            break; // sorted, so nothing after this one is possible either
        chosen = &cand;
        cumulative += cand.prob;
        if (target < cumulative)
            break;
    }
    result.id = chosen->id;
    result.prob = chosen->prob;
    result.rawProb = rawProb(chosen->id);
    return result;
}

} // namespace lmwb::core
