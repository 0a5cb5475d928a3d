#pragma once
// Text generation on a LanguageModel with the sampler chain.
//
//   GenerationSettings g;  g.sampler.temperature = 0.8f;  g.maxNewTokens = 200;
//   Result<GenerationResult> r = generate(model, "ROMEO:", g,
//       [](const GeneratedToken &t) { std::cout << t.piece; return true; });  // false stops
//
// The context window of a GPT (learned absolute positions, so K/V cannot be reused once
// the window moves). Two policies, both identical with and without the KV cache:
//
//   ContextPolicy::Shift (default): the model sees the tokens from a window start w on.
//     w starts at 0; whenever the text from w would exceed block_size, w jumps so that
//     only the last keepTokens tokens remain (default block_size/2). The cached path then
//     re-prefills those keepTokens tokens once and continues with the cache; the uncached
//     path (useCache = false) recomputes the same window [w, n) for every token. So a
//     re-prefill costs one forward of keepTokens tokens every block_size - keepTokens
//     new tokens, and both paths give the same tokens with the same seed.
//   ContextPolicy::Crop: nanoGPT's sample.py: always the last block_size tokens. Exact
//     but recomputed every token once the text is longer than block_size (the cache only
//     helps until then).
//
// The LSTM has no context limit and always sees the whole text.

#include "model/languagemodel.h"
#include "sample/sampler.h"

#include <functional>
#include <string>
#include <vector>

namespace lmwb::core {

enum class ContextPolicy { Shift, Crop };
// Bf16: GPT generation on a bfloat16 copy of the weights (made once per call); a cached
// token then reads half the bytes, which is what bounds it on a CPU. The probabilities
// differ from fp32 by bf16's rounding (about 3 significant digits), so the sampled text
// can differ too; fp32 is the default and the reference.
enum class GenerationPrecision { Fp32, Bf16 };

struct GenerationSettings {
    SamplerSettings sampler;
    int maxNewTokens = 200;
    uint64_t seed = 1337;
    std::vector<std::string> stopStrings; // generation ends when the text ends with one
    bool useCache = true;
    ContextPolicy context = ContextPolicy::Shift;
    GenerationPrecision precision = GenerationPrecision::Fp32;
    int keepTokens = 0;        // Shift: tokens kept when the window is full; 0 = block_size/2
    bool recordStages = false; // fill GeneratedToken::stages (the distribution view)
};

// Checks the settings against a model's config; the message names the bad setting.
std::string validateGenerationSettings(const GenerationSettings &settings, const ModelConfig &config);

struct GeneratedToken {
    int32_t id = 0;
    std::string piece; // the token's bytes (may be part of a UTF-8 sequence)
    float prob = 0.0f; // in the final (sampled-from) distribution
    float rawProb = 0.0f;
    std::vector<Candidate> top;        // the raw distribution's top candidates
    std::vector<StageSnapshot> stages; // after each stage, when recordStages is set
};

struct GenerationResult {
    std::string prompt;
    std::string text; // prompt + continuation, decoded
    std::vector<int32_t> promptIds;
    std::vector<GeneratedToken> tokens;
    double tokensPerSecond = 0.0;
    std::string stopReason; // "max_new_tokens", "stop_string", "cancelled"
    int windowShifts = 0;   // how often the Shift policy moved the window
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
