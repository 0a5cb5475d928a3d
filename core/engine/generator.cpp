#include "engine/generator.h"

#include "model/network_p.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>

namespace lmwb::core {

namespace {

// The logits for the next token after `context`, using and extending the KV cache while
// the context fits block_size. Past it, the window slides and is recomputed, so the
// result is what the uncached loop (nanoGPT's sample.py) would compute.
class NextTokenLogits {
public:
    NextTokenLogits(Network &net, bool useCache) : m_net(net), m_useCache(useCache && net.gpt) {}

    std::vector<float> next(const std::vector<int32_t> &context)
    {
        const int64_t block = m_net.config().blockSize;
        torch::Tensor logits;
        const auto n = static_cast<int64_t>(context.size());
        if (m_useCache && n <= block) {
            const int64_t have = m_cache.length();
            if (have == 0 || have >= n) {
                m_cache.clear();
                logits = m_net.forward(ids(context, 0, n), nullptr, &m_cache);
            } else {
                logits = m_net.forward(ids(context, have, n), nullptr, &m_cache);
            }
        } else {
            m_cache.clear();
            const int64_t from = m_net.gpt ? std::max<int64_t>(0, n - block) : 0;
            logits = m_net.forward(ids(context, from, n));
        }
        auto last = logits.select(1, logits.size(1) - 1).squeeze(0).to(torch::kFloat32).contiguous(); // (V)
        return {last.data_ptr<float>(), last.data_ptr<float>() + last.numel()};
    }

private:
    static torch::Tensor ids(const std::vector<int32_t> &v, int64_t from, int64_t to)
    {
        std::vector<int64_t> x(v.begin() + from, v.begin() + to);
        return torch::tensor(x, torch::kLong).unsqueeze(0);
    }

    Network &m_net;
    bool m_useCache;
    KVCache m_cache;
};

bool endsWithStop(const std::string &text, std::size_t promptBytes, const std::vector<std::string> &stops)
{
    for (const auto &s : stops) {
        if (s.empty() || text.size() < promptBytes + s.size())
            continue;
        if (text.compare(text.size() - s.size(), s.size(), s) == 0)
            return true;
    }
    return false;
}

} // namespace

Result<GenerationResult> generateFromIds(const LanguageModel &model, const std::vector<int32_t> &promptIds,
                                         const GenerationSettings &settings, const TokenCallback &onToken)
{
    if (promptIds.empty())
        return makeError("the prompt has no tokens");
    const auto &tok = model.tokenizer();
    if (!tok)
        return makeError("the model has no tokenizer");
    for (auto id : promptIds)
        if (id < 0 || id >= model.config().vocabSize)
            return makeError("prompt token id " + std::to_string(id) + " is outside the vocabulary");
    try {
        torch::NoGradGuard noGrad;
        auto net = model.network();
        net->module().eval();
        NextTokenLogits next(*net, settings.useCache);
        Sampler sampler(settings.sampler, settings.seed);
        GenerationResult r;
        r.promptIds = promptIds;
        r.prompt = tok->decode(promptIds);
        std::vector<int32_t> context = promptIds;
        std::string text = r.prompt;
        r.stopReason = "max_new_tokens";
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < settings.maxNewTokens; ++i) {
            auto logits = next.next(context);
            auto s = sampler.sample(logits, context);
            GeneratedToken g;
            g.id = s.id;
            g.piece = tok->pieceBytes(s.id);
            g.prob = s.prob;
            g.rawProb = s.rawProb;
            g.top = std::move(s.top);
            context.push_back(s.id);
            text += g.piece;
            r.tokens.push_back(g);
            if (onToken && !onToken(r.tokens.back())) {
                r.stopReason = "cancelled";
                break;
            }
            if (endsWithStop(text, r.prompt.size(), settings.stopStrings)) {
                r.stopReason = "stop_string";
                break;
            }
        }
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        r.tokensPerSecond = secs > 0 ? static_cast<double>(r.tokens.size()) / secs : 0.0;
        r.text = tok->decode(context);
        return r;
    } catch (const std::exception &e) {
        return makeError(std::string("generation failed: ") + e.what());
    }
}

Result<GenerationResult> generate(const LanguageModel &model, const std::string &prompt,
                                  const GenerationSettings &settings, const TokenCallback &onToken)
{
    const auto &tok = model.tokenizer();
    if (!tok)
        return makeError("the model has no tokenizer");
    std::string p = prompt.empty() ? std::string("\n") : prompt;
    auto enc = tok->encode(p);
    if (!enc)
        return makeError("cannot encode the prompt: " + enc.error());
    if (enc->ids.empty())
        return makeError("the prompt has no tokens");
    return generateFromIds(model, enc->ids, settings, onToken);
}

Result<ScoreResult> score(const LanguageModel &model, const std::string &text)
{
    const auto &tok = model.tokenizer();
    auto enc = tok->encode(text);
    if (!enc)
        return makeError("cannot encode the text: " + enc.error());
    if (enc->ids.size() < 2)
        return makeError("the text must have at least two tokens to score (it has " + std::to_string(enc->ids.size()) +
                         ")");
    try {
        torch::NoGradGuard noGrad;
        auto net = model.network();
        net->module().eval();
        ScoreResult r;
        r.ids = enc->ids;
        const auto n = static_cast<int64_t>(r.ids.size());
        const int64_t block = net->gpt ? net->config().blockSize : n;
        std::vector<int64_t> all(r.ids.begin(), r.ids.end());
        auto ids = torch::tensor(all, torch::kLong);
        // Score target t (1..n-1) with the window that ends at t-1 and starts as early as
        // block_size allows; one forward pass per window of targets.
        int64_t t = 1;
        double nll = 0.0;
        while (t < n) {
            const int64_t from = std::max<int64_t>(0, t - block);
            const int64_t to = std::min<int64_t>(n - 1, from + block - 1); // last input index
            auto x = ids.slice(0, from, to + 1).unsqueeze(0);
            auto logp = torch::log_softmax(net->forward(x).squeeze(0).to(torch::kFloat32), -1); // (Tw, V)
            for (; t <= to + 1 && t < n; ++t) {
                const float lp = logp[t - 1 - from][r.ids[static_cast<std::size_t>(t)]].item<float>();
                r.logprobs.push_back(lp);
                nll -= lp;
            }
        }
        r.meanNll = nll / static_cast<double>(r.logprobs.size());
        r.perplexity = std::exp(r.meanNll);
        return r;
    } catch (const std::exception &e) {
        return makeError(std::string("scoring failed: ") + e.what());
    }
}

} // namespace lmwb::core
