#include "cli/args.h"
#include "cli/cli.h"
#include "cli/textinput.h"

#include "session/attentioncapture.h"

#include "attentionjson.h"
#include "engine/generator.h"
#include "engine/runtime.h"
#include "model/languagemodel.h"

#include <climits>
#include <cmath>
#include <iostream>

namespace lmwb::app {

using nlohmann::json;

namespace {

std::optional<core::LanguageModel> openModel(const std::string &command, const Args &a, int &rc)
{
    if (a.positional().size() != 1) {
        rc = usageError(command, "expected one CKPT (a checkpoint or run directory)");
        return std::nullopt;
    }
    auto m = core::LanguageModel::load(a.positional()[0]);
    if (!m) {
        rc = usageError(command, m.error());
        return std::nullopt;
    }
    return std::move(*m);
}

json candidatesJson(const core::Tokenizer &tok, const std::vector<core::Candidate> &c, std::size_t n)
{
    json out = json::array();
    for (std::size_t i = 0; i < c.size() && i < n; ++i)
        out.push_back({{"id", c[i].id}, {"piece", tok.pieceBytes(c[i].id)}, {"prob", c[i].prob}});
    return out;
}

} // namespace

int cmdGenerate(const std::vector<std::string> &argv)
{
    Args a({"json", "no-cache"}, {"prompt", "prompt-file", "max-new-tokens", "temperature", "top-k", "top-p", "min-p",
                                  "typical-p", "repetition-penalty", "presence-penalty", "frequency-penalty", "stop",
                                  "seed", "threads", "context", "keep-tokens", "precision"});
    if (!a.parse(argv))
        return usageError("generate", a.error());
    core::GenerationSettings g;
    g.maxNewTokens = static_cast<int>(a.integer("max-new-tokens", 200, 1, 1'000'000));
    g.sampler.temperature = static_cast<float>(a.number("temperature", 1.0, 0.0, 100.0));
    g.sampler.topK = static_cast<int>(a.integer("top-k", 0, 0, 10'000'000));
    g.sampler.topP = static_cast<float>(a.number("top-p", 1.0, 0.0, 1.0));
    g.sampler.minP = static_cast<float>(a.number("min-p", 0.0, 0.0, 1.0));
    g.sampler.typicalP = static_cast<float>(a.number("typical-p", 1.0, 0.0, 1.0));
    g.sampler.repetitionPenalty = static_cast<float>(a.number("repetition-penalty", 1.0, 0.01, 100.0));
    g.sampler.presencePenalty = static_cast<float>(a.number("presence-penalty", 0.0, -100.0, 100.0));
    g.sampler.frequencyPenalty = static_cast<float>(a.number("frequency-penalty", 0.0, -100.0, 100.0));
    g.seed = static_cast<uint64_t>(a.integer("seed", 1337, 0, LLONG_MAX));
    g.stopStrings = a.values("stop");
    g.useCache = !a.has("no-cache");
    g.keepTokens = static_cast<int>(a.integer("keep-tokens", 0, 0, 1'000'000));
    const auto context = a.values("context");
    if (!context.empty()) {
        if (context.back() == "crop")
            g.context = core::ContextPolicy::Crop;
        else if (context.back() != "shift")
            return usageError("generate", "--context must be shift or crop, not '" + context.back() + "'");
    }
    const auto precision = a.values("precision");
    if (!precision.empty()) {
        if (precision.back() == "bf16")
            g.precision = core::GenerationPrecision::Bf16;
        else if (precision.back() != "fp32")
            return usageError("generate", "--precision must be fp32 or bf16, not '" + precision.back() + "'");
    }
    const int threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
    if (a.failed())
        return usageError("generate", a.error());
    std::string err;
    auto prompt = textOption(a, "prompt", false, err);
    if (!prompt)
        return usageError("generate", err);
    int rc = 0;
    auto model = openModel("generate", a, rc);
    if (!model)
        return rc;
    core::setThreadCount(threads);
    const bool asJson = a.has("json");
    if (!asJson)
        std::cout << (prompt->empty() ? std::string() : *prompt) << std::flush;
    auto r = core::generate(*model, *prompt, g, [&](const core::GeneratedToken &t) {
        if (!asJson)
            std::cout << t.piece << std::flush;
        return true;
    });
    if (!r)
        return usageError("generate", r.error());
    if (asJson) {
        json tokens = json::array();
        for (const auto &t : r->tokens)
            tokens.push_back({{"id", t.id}, {"piece", t.piece}, {"prob", t.prob}, {"raw_prob", t.rawProb},
                              {"top", candidatesJson(*model->tokenizer(), t.top, 5)}});
        json out = {{"prompt", *prompt},
                    {"text", r->text},
                    {"tokens_per_second", r->tokensPerSecond},
                    {"stop_reason", r->stopReason},
                    {"tokens", tokens}};
        std::cout << dumpJson(out) << std::endl;
    } else {
        std::cout << std::endl;
    }
    return 0;
}

int cmdScore(const std::vector<std::string> &argv)
{
    Args a({"json"}, {"text", "text-file", "threads"});
    if (!a.parse(argv))
        return usageError("score", a.error());
    const int threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
    if (a.failed())
        return usageError("score", a.error());
    std::string err;
    auto text = textOption(a, "text", true, err);
    if (!text)
        return usageError("score", err);
    int rc = 0;
    auto model = openModel("score", a, rc);
    if (!model)
        return rc;
    core::setThreadCount(threads);
    auto r = core::score(*model, *text);
    if (!r)
        return usageError("score", r.error());
    if (a.has("json")) {
        json out = {{"ids", r->ids}, {"logprobs", r->logprobs}, {"mean_nll", r->meanNll}, {"perplexity", r->perplexity}};
        std::cout << dumpJson(out) << std::endl;
    } else {
        const auto &tok = *model->tokenizer();
        for (std::size_t i = 0; i < r->logprobs.size(); ++i)
            std::cout << json(tok.pieceBytes(r->ids[i + 1])).dump(-1, ' ', false, json::error_handler_t::replace)
                      << '\t' << r->logprobs[i] << '\n';
        std::cout << "mean NLL " << r->meanNll << " nats/token, perplexity " << r->perplexity << std::endl;
    }
    return 0;
}

int cmdAttention(const std::vector<std::string> &argv)
{
    Args a({"json"}, {"text", "text-file", "threads"});
    if (!a.parse(argv))
        return usageError("attention", a.error());
    const int threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
    if (a.failed())
        return usageError("attention", a.error());
    if (!a.has("json"))
        return usageError("attention", "only --json output exists for attention (L x H x T x T numbers)");
    std::string err;
    auto text = textOption(a, "text", true, err);
    if (!text)
        return usageError("attention", err);
    int rc = 0;
    auto model = openModel("attention", a, rc);
    if (!model)
        return rc;
    core::setThreadCount(threads);
    auto enc = model->tokenizer()->encode(*text);
    if (!enc)
        return usageError("attention", enc.error());
    auto att = model->attention(enc->ids);
    if (!att)
        return usageError("attention", att.error());
    // One writer for this document and the Attention tab's export.
    std::cout << widgets::attentionJson(snapshotFromMaps(*att, *model->tokenizer(), enc->ids)) << std::endl;
    return 0;
}

} // namespace lmwb::app
