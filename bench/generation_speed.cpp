// The C++ side of bench/generation_speed.sh: tokens per second of core::generate on a
// freshly initialised GPT of the given shape (the speed does not depend on the weights),
// with the vocabulary of tinyshakespeare's char tokenizer (65). One JSON line on stdout.
//
//   lmwb-genbench N_LAYER N_HEAD N_EMBD BLOCK TOKENS THREADS [cache|nocache] [shift|crop]

#include "engine/generator.h"
#include "engine/runtime.h"
#include "model/languagemodel.h"
#include "tokenizer/chartokenizer.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace lmwb::core;

int main(int argc, char **argv)
{
    if (argc < 7) {
        std::fprintf(stderr, "usage: lmwb-genbench N_LAYER N_HEAD N_EMBD BLOCK TOKENS THREADS [cache|nocache] "
                             "[shift|crop] [fp32|bf16]\n");
        return 2;
    }
    int v[6];
    for (int i = 0; i < 6; ++i) {
        v[i] = std::atoi(argv[i + 1]);
        if (v[i] <= 0) {
            std::fprintf(stderr, "lmwb-genbench: argument %d (%s) must be a positive integer\n", i + 1, argv[i + 1]);
            return 2;
        }
    }
    const std::string cache = argc > 7 ? argv[7] : "cache";
    const std::string policy = argc > 8 ? argv[8] : "shift";
    const std::string precision = argc > 9 ? argv[9] : "fp32";
    if (precision != "fp32" && precision != "bf16") {
        std::fprintf(stderr, "lmwb-genbench: expected fp32|bf16\n");
        return 2;
    }
    if ((cache != "cache" && cache != "nocache") || (policy != "shift" && policy != "crop")) {
        std::fprintf(stderr, "lmwb-genbench: expected cache|nocache and shift|crop\n");
        return 2;
    }
    // 65 distinct characters, as tinyshakespeare has.
    std::string chars = "\n !$&',-.3:;?";
    for (char c = 'A'; c <= 'Z'; ++c)
        chars += c;
    for (char c = 'a'; c <= 'z'; ++c)
        chars += c;
    auto tok = CharTokenizer::train(chars);
    if (!tok) {
        std::fprintf(stderr, "lmwb-genbench: %s\n", tok.error().c_str());
        return 1;
    }
    ModelConfig c;
    c.nLayer = v[0];
    c.nHead = v[1];
    c.nEmbd = v[2];
    c.blockSize = v[3];
    c.vocabSize = (*tok)->vocabSize();
    auto m = LanguageModel::create(c, 1337, *tok);
    if (!m) {
        std::fprintf(stderr, "lmwb-genbench: %s\n", m.error().c_str());
        return 1;
    }
    setThreadCount(v[5]);
    GenerationSettings g;
    g.maxNewTokens = v[4];
    g.sampler.temperature = 0.8f; // sample.py's defaults
    g.sampler.topK = 200;
    g.useCache = cache == "cache";
    g.context = policy == "crop" ? ContextPolicy::Crop : ContextPolicy::Shift;
    g.precision = precision == "bf16" ? GenerationPrecision::Bf16 : GenerationPrecision::Fp32;
    auto r = generate(*m, "\n", g);
    if (!r) {
        std::fprintf(stderr, "lmwb-genbench: %s\n", r.error().c_str());
        return 1;
    }
    const std::string suffix = precision == "bf16" ? "-bf16" : "";
    std::printf("{\"impl\": \"lmwb-%s-%s%s\", \"tokens\": %zu, \"tokens_per_second\": %.2f, \"window_shifts\": %d, "
                "\"threads\": %d}\n",
                cache.c_str(), policy.c_str(), suffix.c_str(), r->tokens.size(), r->tokensPerSecond, r->windowShifts, threadCount());
    return 0;
}
