#include "cli/args.h"
#include "cli/cli.h"
#include "cli/textinput.h"

#include "data/corpus.h"
#include "model/languagemodel.h"
#include "tokenizer/tokenizer.h"
#include "util/utf8.h"

#include <cstdio>
#include <iostream>

namespace lmwb::app {

using nlohmann::json;

int cmdTokenize(const std::vector<std::string> &argv)
{
    Args a({"json"}, {"text", "text-file"});
    if (!a.parse(argv))
        return usageError("tokenize", a.error());
    if (a.positional().size() != 1)
        return usageError("tokenize", "expected one TOKENIZER directory or CKPT");
    std::string err;
    auto text = textOption(a, "text", true, err);
    if (!text)
        return usageError("tokenize", err);
    const std::string path = a.positional()[0];
    auto tok = core::loadTokenizer(path);
    if (!tok) {
        auto ckpt = core::resolveCheckpointDir(path);
        if (!ckpt)
            return usageError("tokenize", tok.error());
        tok = core::loadTokenizer(*ckpt);
        if (!tok)
            return usageError("tokenize", tok.error());
    }
    auto enc = (*tok)->encode(*text);
    if (!enc)
        return usageError("tokenize", enc.error());
    if (a.has("json")) {
        json pieces = json::array(), offsets = json::array();
        for (std::size_t i = 0; i < enc->ids.size(); ++i) {
            pieces.push_back((*tok)->piece(enc->ids[i]));
            offsets.push_back({enc->offsets[i].first, enc->offsets[i].second});
        }
        std::cout << dumpJson({{"ids", enc->ids}, {"pieces", pieces}, {"offsets", offsets}}) << std::endl;
    } else {
        for (std::size_t i = 0; i < enc->ids.size(); ++i)
            std::cout << enc->ids[i] << '\t' << json((*tok)->piece(enc->ids[i])).dump(-1, ' ', false, json::error_handler_t::replace)
                      << '\t' << enc->offsets[i].first << ".." << enc->offsets[i].second << '\n';
        const auto chars = core::countCodePoints(*text);
        std::printf("%zu tokens, %zu characters, %zu bytes, %.2f characters per token\n", enc->ids.size(), chars,
                    text->size(), enc->ids.empty() ? 0.0 : static_cast<double>(chars) / enc->ids.size());
    }
    return 0;
}

int cmdTokenizerTrain(const std::vector<std::string> &argv)
{
    Args a({"quiet"}, {"kind", "vocab-size", "out", "format", "character-coverage"});
    if (!a.parse(argv))
        return usageError("tokenizer-train", a.error());
    auto kindName = a.value("kind");
    if (!kindName)
        return usageError("tokenizer-train", "--kind char|bpe|spm-bpe|spm-unigram is required");
    auto kind = core::parseTokenizerKind(*kindName);
    if (!kind)
        return usageError("tokenizer-train", kind.error());
    const long long vocab = a.integer("vocab-size", 0, 0, 1'000'000);
    const double coverage = a.number("character-coverage", 1.0, 0.5, 1.0);
    if (a.failed())
        return usageError("tokenizer-train", a.error());
    if (*kind != core::TokenizerKind::Char && vocab == 0)
        return usageError("tokenizer-train", "--vocab-size N is required for " + *kindName);
    auto out = a.value("out");
    if (!out)
        return usageError("tokenizer-train", "--out DIR is required");
    if (a.positional().empty())
        return usageError("tokenizer-train", "give at least one INPUT file or folder");
    core::DataConfig data;
    data.train = a.positional();
    data.format = a.value("format").value_or("text");
    if (data.format != "text" && data.format != "fortune")
        return usageError("tokenizer-train", "--format must be text or fortune, got " + data.format);
    auto corpus = core::loadCorpus(data);
    if (!corpus)
        return usageError("tokenizer-train", corpus.error());
    const bool quiet = a.has("quiet");
    core::TokenizerSpec spec{*kind, static_cast<int32_t>(vocab), coverage};
    auto tok = core::trainTokenizer(spec, corpus->text, [&](double f) {
        if (!quiet)
            std::fprintf(stderr, "\rtraining: %3.0f%%", f * 100.0);
        return true;
    });
    if (!quiet)
        std::fprintf(stderr, "\r");
    if (!tok)
        return usageError("tokenizer-train", tok.error());
    if (core::Status s = (*tok)->save(*out); !s)
        return usageError("tokenizer-train", s.error());
    auto enc = (*tok)->encode(corpus->text);
    const auto chars = core::countCodePoints(corpus->text);
    std::printf("%s tokenizer with %d tokens saved to %s", core::tokenizerKindName(*kind).c_str(),
                (*tok)->vocabSize(), out->c_str());
    if (enc && !enc->ids.empty())
        std::printf(" (%.2f characters per token on the training text)", static_cast<double>(chars) / enc->ids.size());
    std::printf("\n");
    return 0;
}

} // namespace lmwb::app
