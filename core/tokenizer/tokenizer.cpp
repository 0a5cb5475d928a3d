#include "tokenizer/tokenizer.h"

#include "tokenizer/bytebpe.h"
#include "tokenizer/chartokenizer.h"
#include "tokenizer/spmtokenizer.h"
#include "tokenizer/tokenizerfiles_p.h"
#include "util/utf8.h"

#include <filesystem>

namespace lmwb::core {

namespace {

constexpr std::pair<TokenizerKind, const char *> kKindNames[] = {
    {TokenizerKind::Char, "char"},
    {TokenizerKind::ByteBpe, "bpe"},
    {TokenizerKind::SpmBpe, "spm-bpe"},
    {TokenizerKind::SpmUnigram, "spm-unigram"},
};

std::string validKindNames()
{
    std::string out;
    for (const auto &[kind, name] : kKindNames)
        out += std::string(out.empty() ? "" : ", ") + name;
    return out;
}

bool isFile(const std::string &path)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

} // namespace

std::string tokenizerKindName(TokenizerKind kind)
{
    for (const auto &[k, name] : kKindNames)
        if (k == kind)
            return name;
    return "unknown";
}

Result<TokenizerKind> parseTokenizerKind(std::string_view name)
{
    for (const auto &[kind, n] : kKindNames)
        if (name == n)
            return kind;
    return makeError("unknown tokenizer kind \"" + std::string(name) + "\"; valid kinds: " + validKindNames());
}

Result<TokenizerPtr> trainTokenizer(const TokenizerSpec &spec, std::string_view text, const ProgressFn &progress)
{
    if (auto bad = firstInvalidUtf8(text))
        return makeError("the training text is not valid UTF-8 at byte offset " + std::to_string(*bad) +
                         "; convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8) or remove that byte");
    if (text.empty())
        return makeError("the training text is empty");
    try {
        switch (spec.kind) {
        case TokenizerKind::Char: {
            if (progress && !progress(0.0))
                return makeError("cancelled");
            auto tok = CharTokenizer::train(text);
            if (tok && progress && !progress(1.0))
                return makeError("cancelled");
            return tok;
        }
        case TokenizerKind::ByteBpe:
            return ByteBpeTokenizer::train(text, spec.vocabSize, progress);
        case TokenizerKind::SpmBpe:
        case TokenizerKind::SpmUnigram:
            return SpmTokenizer::train(spec.kind, text, spec.vocabSize, spec.characterCoverage, progress);
        }
    } catch (const std::bad_alloc &) {
        return makeError("out of memory while training the tokenizer; train on less text");
    } catch (const std::exception &e) {
        return makeError(std::string("tokenizer training failed: ") + e.what());
    }
    return makeError("unknown tokenizer kind");
}

Result<TokenizerPtr> loadTokenizer(const std::string &dir)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return makeError("tokenizer directory " + dir + " does not exist (or is not a directory)");
    const std::string path = joinPath(dir, "tokenizer.json");
    const bool gpt2Files = isFile(joinPath(dir, "vocab.json")) && isFile(joinPath(dir, "merges.txt"));
    if (!isFile(path)) {
        if (gpt2Files)
            return ByteBpeTokenizer::load(dir);
        return makeError(path + " not found; point at a directory where a tokenizer was saved "
                                "(lmwb tokenizer-train --out DIR) or at a checkpoint");
    }
    try {
        auto json = readJsonFile(path);
        if (!json)
            return Error{json.error()};
        if (!json->is_object())
            return makeError(path + ": expected a JSON object with a \"kind\" key");
        const auto kindIt = json->find("kind");
        if (kindIt == json->end()) {
            // Hugging Face's tokenizer.json sits next to GPT-2's vocab.json/merges.txt.
            if (gpt2Files && json->contains("model"))
                return ByteBpeTokenizer::load(dir);
            return makeError(path + ": key \"kind\" is missing; valid kinds: " + validKindNames());
        }
        if (!kindIt->is_string())
            return makeError(path + ": \"kind\" must be a string, one of " + validKindNames());
        auto kind = parseTokenizerKind(kindIt->get<std::string>());
        if (!kind)
            return makeError(path + ": " + kind.error());
        switch (kind.value()) {
        case TokenizerKind::Char:
            return CharTokenizer::load(dir);
        case TokenizerKind::ByteBpe:
            return ByteBpeTokenizer::load(dir);
        case TokenizerKind::SpmBpe:
        case TokenizerKind::SpmUnigram:
            return SpmTokenizer::load(dir, kind.value());
        }
    } catch (const std::exception &e) {
        return makeError(path + ": cannot load the tokenizer (" + e.what() + ")");
    }
    return makeError(path + ": unknown tokenizer kind");
}

} // namespace lmwb::core
