#pragma once
// The sampler chain, on plain float vectors (no torch), in the manner of llama.cpp's
// llama-sampling: tiny independent stages over a candidate list.
//
//   SamplerSettings s;  s.temperature = 0.8f;  s.topK = 40;  s.topP = 0.95f;
//   Sampler sampler(s, /*seed*/ 1337);
//   SampleResult r = sampler.sample(logits, history);   // r.id, r.prob, r.stages
//
// Default stage order: penalties -> temperature -> top-k -> top-p -> min-p -> typical,
// then a draw. temperature == 0 means greedy (the argmax of the penalised logits).
// Each stage keeps candidates sorted by logit, descending, and drops the ones it cuts.
// Probabilities are a softmax over the surviving candidates.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace lmwb::core {

enum class SamplerStage { Penalties, Temperature, TopK, TopP, MinP, Typical };
const char *samplerStageName(SamplerStage stage); // "penalties", "temperature", "top_k", ...

struct SamplerSettings {
    float temperature = 1.0f;       // 0 = greedy
    int topK = 0;                   // 0 = off
    float topP = 1.0f;              // 1 = off
    float minP = 0.0f;              // 0 = off
    float typicalP = 1.0f;          // 1 = off
    float repetitionPenalty = 1.0f; // 1 = off; CTRL-style: logit/r if > 0 else logit*r
    float presencePenalty = 0.0f;   // subtracted once from a seen token's logit
    float frequencyPenalty = 0.0f;  // subtracted per occurrence
    int penaltyLastN = 64;          // how much history the penalties look at (-1 = all)
    std::vector<SamplerStage> order = {SamplerStage::Penalties, SamplerStage::Temperature,
                                       SamplerStage::TopK,      SamplerStage::TopP,
                                       SamplerStage::MinP,      SamplerStage::Typical};
};

struct Candidate {
    int32_t id = 0;
    float logit = 0.0f;
    float prob = 0.0f;
};

// The candidate list after a stage, for the distribution view.
struct StageSnapshot {
    SamplerStage stage;
    std::vector<Candidate> candidates; // the survivors, sorted by prob descending (top 20)
    std::size_t survivors = 0;         // how many candidates the stage left
};

struct SampleResult {
    int32_t id = 0;
    float prob = 0.0f;            // probability of id in the final distribution
    float rawProb = 0.0f;         // probability of id under softmax(raw logits)
    std::vector<Candidate> top;   // top candidates of the raw distribution (up to 20)
    std::vector<StageSnapshot> stages; // filled when recordStages is set
};

// Stages. Each takes candidates sorted by logit descending and keeps them sorted.
// softmax() fills prob from logit over the list.
void softmax(std::vector<Candidate> &c);
void applyPenalties(std::vector<Candidate> &c, const std::vector<int32_t> &history,
                    const SamplerSettings &s);
void applyTemperature(std::vector<Candidate> &c, float temperature);
void applyTopK(std::vector<Candidate> &c, int k);
void applyTopP(std::vector<Candidate> &c, float p);   // smallest set with cumulative prob >= p
void applyMinP(std::vector<Candidate> &c, float p);   // drop prob < p * max prob
void applyTypical(std::vector<Candidate> &c, float p); // locally typical sampling (Meister et al.)

class Sampler {
public:
    explicit Sampler(SamplerSettings settings = {}, uint64_t seed = 1337);
    void reseed(uint64_t seed);
    const SamplerSettings &settings() const { return m_settings; }

    // logits: one per vocabulary entry. history: the ids so far (for penalties).
    SampleResult sample(const std::vector<float> &logits, const std::vector<int32_t> &history,
                        bool recordStages = false);

private:
    SamplerSettings m_settings;
    std::mt19937_64 m_rng;
    std::vector<Candidate> m_work; // reused between calls: no per-token vocabulary allocation
};

} // namespace lmwb::core
