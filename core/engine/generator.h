#pragma once
// Text generation on a LanguageModel with the sampler chain.
//
//   GenerationSettings g;  g.sampler.temperature = 0.8f;  g.maxNewTokens = 200;
//   Result<GenerationResult> r = generate(model, "ROMEO:", g,
//       [](const GeneratedToken &t) { std::cout << t.piece; return true; });  // false stops
//
// GPT generation uses a KV cache while the text fits the context; past block_size the
// window slides (the last block_size tokens, as nanoGPT's sample.py crops) and is
// recomputed, so the tokens are those of the uncached loop.

#include "model/languagemodel.h"
#include "sample/sampler.h"

#include <functional>
#include <string>
#include <vector>

namespace lmwb::core {

struct GenerationSettings {
    SamplerSettings sampler;
    int maxNewTokens = 200;
    uint64_t seed = 1337;
    std::vector<std::string> stopStrings; // generation ends when the text ends with one
    bool useCache = true;
};

struct GeneratedToken {
    int32_t id = 0;
    std::string piece; // the token's bytes (may be part of a UTF-8 sequence)
    float prob = 0.0f; // in the final (sampled-from) distribution
    float rawProb = 0.0f;
    std::vector<Candidate> top;
};

struct GenerationResult {
    std::string prompt;
    std::string text; // prompt + continuation, decoded
    std::vector<int32_t> promptIds;
    std::vector<GeneratedToken> tokens;
    double tokensPerSecond = 0.0;
    std::string stopReason; // "max_new_tokens", "stop_string", "cancelled"
};

using TokenCallback = std::function<bool(const GeneratedToken &)>;

Result<GenerationResult> generate(const LanguageModel &model, const std::string &prompt,
                                  const GenerationSettings &settings, const TokenCallback &onToken = {});
Result<GenerationResult> generateFromIds(const LanguageModel &model, const std::vector<int32_t> &promptIds,
                                         const GenerationSettings &settings, const TokenCallback &onToken = {});

// Per-token log-probabilities of ids[1:] given the prefix (teacher forcing). GPT inputs
// longer than block_size are scored in sliding windows.
struct ScoreResult {
    std::vector<int32_t> ids;
    std::vector<float> logprobs; // one per ids[1:]
    double meanNll = 0.0;
    double perplexity = 0.0;
};
Result<ScoreResult> score(const LanguageModel &model, const std::string &text);

} // namespace lmwb::core
