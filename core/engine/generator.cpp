#include "engine/generator.h"

#include "model/network_p.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>

namespace lmwb::core {

namespace {

// The logits for the next token after `context`, under the window policy of generator.h.
// The cached and the uncached path keep the same window start, so they compute the same
// window; the cached one only avoids recomputing what it has already seen.
class NextTokenLogits {
public:
    NextTokenLogits(Network &net, const GenerationSettings &s)
        : m_net(net), m_useCache(s.useCache && net.gpt), m_crop(s.context == ContextPolicy::Crop),
          m_block(net.config().blockSize),
          m_keep(s.keepTokens > 0 ? s.keepTokens : std::max<int64_t>(1, net.config().blockSize / 2))
    {
    }

    // Returns a pointer to V floats, valid until the next call.
    const float *next(const std::vector<int32_t> &context)
    {
        const auto n = static_cast<int64_t>(context.size());
        torch::Tensor logits;
        if (!m_net.gpt) {
            logits = m_net.forward(ids(context, 0, n));
        } else if (m_crop) {
            if (m_useCache && n <= m_block)
                logits = extend(context, 0, n);
            else {
                m_cache.clear();
                logits = m_net.forward(ids(context, std::max<int64_t>(0, n - m_block), n));
            }
        } else {
            if (n - m_start > m_block) {
                m_start = n - m_keep;
                ++shifts;
                m_cache.clear();
            }
            if (m_useCache)
                logits = extend(context, m_start, n);
            else
                logits = m_net.forward(ids(context, m_start, n));
        }
        m_last = logits.select(1, logits.size(1) - 1).squeeze(0).to(torch::kFloat32).contiguous(); // (V)
        return m_last.data_ptr<float>();
    }

    int shifts = 0;

private:
    // The cache holds context[from, from + length); feed it the rest of [from, n).
    torch::Tensor extend(const std::vector<int32_t> &context, int64_t from, int64_t n)
    {
        const int64_t have = m_cache.length();
        if (have == 0 || from + have >= n) {
            m_cache.clear();
            return m_net.forward(ids(context, from, n), nullptr, &m_cache);
        }
        return m_net.forward(ids(context, from + have, n), nullptr, &m_cache);
    }

    static torch::Tensor ids(const std::vector<int32_t> &v, int64_t from, int64_t to)
    {
        auto t = torch::empty({1, to - from}, torch::kLong);
        auto *p = t.data_ptr<int64_t>();
        for (int64_t i = from; i < to; ++i)
            *p++ = v[static_cast<std::size_t>(i)];
        return t;
    }

    Network &m_net;
    bool m_useCache;
    bool m_crop;
    int64_t m_block;
    int64_t m_keep;
    int64_t m_start = 0;
    KVCache m_cache;
    torch::Tensor m_last;
};

// A bfloat16 copy of a GPT's weights, for GenerationPrecision::Bf16.
std::shared_ptr<Network> bf16Copy(Network &src)
{
    torch::NoGradGuard noGrad;
    auto copy = Network::create(src.config(), 0);
    copy->module().to(torch::kBFloat16);
    auto from = src.namedParameters();
    auto to = copy->namedParameters();
    for (std::size_t i = 0; i < to.size(); ++i)
        to[i].second.copy_(from[i].second);
    return copy;
}

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

std::string validateGenerationSettings(const GenerationSettings &s, const ModelConfig &config)
{
    if (s.maxNewTokens < 0)
        return "max_new_tokens must be 0 or more (it is " + std::to_string(s.maxNewTokens) + ")";
    if (s.keepTokens < 0 || (s.keepTokens > 0 && config.arch == Arch::Gpt && s.keepTokens >= config.blockSize))
        return "keep_tokens must be between 1 and block_size - 1 = " + std::to_string(config.blockSize - 1) +
               " (or 0 for block_size/2); it is " + std::to_string(s.keepTokens);
    const SamplerSettings &p = s.sampler;
    if (!(p.temperature >= 0.0f))
        return "temperature must be 0 (greedy) or more";
    if (p.topK < 0)
        return "top_k must be 0 (off) or more";
    if (!(p.topP > 0.0f && p.topP <= 1.0f))
        return "top_p must be in (0, 1]";
    if (!(p.minP >= 0.0f && p.minP <= 1.0f))
        return "min_p must be in [0, 1]";
    if (!(p.typicalP > 0.0f && p.typicalP <= 1.0f))
        return "typical_p must be in (0, 1]";
    if (!(p.repetitionPenalty > 0.0f))
        return "repetition_penalty must be more than 0";
    for (std::size_t i = 0; i < p.order.size(); ++i)
        for (std::size_t j = i + 1; j < p.order.size(); ++j)
            if (p.order[i] == p.order[j])
                return std::string("the sampler order names the stage ") + samplerStageName(p.order[i]) + " twice";
    return {};
}

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
        if (auto bad = validateGenerationSettings(settings, model.config()); !bad.empty())
            return makeError(bad);
        const bool bf16 = settings.precision == GenerationPrecision::Bf16;
        if (bf16 && model.config().arch != Arch::Gpt)
            return makeError("bf16 generation is for GPT models; this one is an LSTM (use fp32)");
        auto net = bf16 ? bf16Copy(*model.network()) : model.network();
        // InferenceMode: no autograd bookkeeping per op. The modules create what they keep (the
        // attention mask) outside it, so the trainer can sample from the model it trains.
        c10::InferenceMode inference;
        net->module().eval();
        NextTokenLogits next(*net, settings);
        const auto vocab = static_cast<std::size_t>(model.config().vocabSize);
        std::vector<float> logits(vocab);
        Sampler sampler(settings.sampler, settings.seed);
        GenerationResult r;
        r.promptIds = promptIds;
        r.prompt = tok->decode(promptIds);
        std::vector<int32_t> context = promptIds;
        std::string text = r.prompt;
        r.stopReason = "max_new_tokens";
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < settings.maxNewTokens; ++i) {
            const float *row = next.next(context);
            std::copy(row, row + vocab, logits.begin());
            auto s = sampler.sample(logits, context, settings.recordStages);
            GeneratedToken g;
            g.id = s.id;
            g.piece = tok->pieceBytes(s.id);
            g.prob = s.prob;
            g.rawProb = s.rawProb;
            g.top = std::move(s.top);
            g.stages = std::move(s.stages);
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
        r.windowShifts = next.shifts;
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
