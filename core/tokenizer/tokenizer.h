#pragma once
// One interface for every tokenizer kind.
//
//   auto tok = trainTokenizer({TokenizerKind::ByteBpe, 512}, corpusText);
//   Result<Encoding> e = (*tok)->encode("To be, or not");
//   std::string back = (*tok)->decode(e->ids);          // == the input
//   (*tok)->save(dir);  auto again = loadTokenizer(dir);
//
// Offsets are byte offsets into the UTF-8 input: token i covers
// [offsets[i].first, offsets[i].second). Tokens that cover part of a code point
// (byte-level pieces) have offsets inside it; the union of all ranges is the input.

#include "util/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lmwb::core {

enum class TokenizerKind { Char, ByteBpe, SpmBpe, SpmUnigram };

// "char", "bpe", "spm-bpe", "spm-unigram" (the config and CLI names).
std::string tokenizerKindName(TokenizerKind kind);
Result<TokenizerKind> parseTokenizerKind(std::string_view name);

struct Encoding {
    std::vector<int32_t> ids;
    std::vector<std::pair<std::size_t, std::size_t>> offsets; // byte ranges, one per id
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    virtual TokenizerKind kind() const = 0;
    virtual int32_t vocabSize() const = 0;

    // Fails (never throws) on text the tokenizer cannot represent, e.g. a character
    // that is not in a char tokenizer's vocabulary; the message names it and its offset.
    virtual Result<Encoding> encode(std::string_view text) const = 0;
    // The exact bytes of the ids, concatenated. May end in part of a code point when
    // the ids are byte-level pieces. Ids out of range are skipped.
    virtual std::string decode(const std::vector<int32_t> &ids) const = 0;
    // The raw bytes this id stands for (what decode({id}) gives).
    virtual std::string pieceBytes(int32_t id) const = 0;
    // The piece as a tokenizer shows it: "▁the" for sentencepiece, "Ġthe" for GPT-2
    // style BPE, the character itself for char; "<0xE5>" for sentencepiece's byte pieces
    // (a lone byte in byte-level BPE keeps its GPT-2 alphabet character, e.g. "å").
    virtual std::string piece(int32_t id) const = 0;

    // Writes the tokenizer's files into dir (created if missing): tokenizer.json, plus
    // vocab.json/merges.txt for byte-level BPE, tokenizer.model for sentencepiece.
    virtual Status save(const std::string &dir) const = 0;
};

using TokenizerPtr = std::shared_ptr<const Tokenizer>;

struct TokenizerSpec {
    TokenizerKind kind = TokenizerKind::Char;
    int32_t vocabSize = 0;            // ignored for char
    double characterCoverage = 1.0;   // sentencepiece only (0.9995 is its default for CJK)
};

// Progress callback: fraction in [0, 1]; returning false cancels.
using ProgressFn = std::function<bool(double fraction)>;

// Trains a tokenizer on text. The text must be valid UTF-8.
Result<TokenizerPtr> trainTokenizer(const TokenizerSpec &spec, std::string_view text,
                                    const ProgressFn &progress = {});

// Loads the tokenizer that save() wrote into dir (reads dir/tokenizer.json). A directory
// with GPT-2's vocab.json and merges.txt and no LM Workbench tokenizer.json (a Hugging Face
// GPT-2 directory) loads as byte-level BPE.
Result<TokenizerPtr> loadTokenizer(const std::string &dir);

// GPT-2's own files (or any byte-level BPE in that format): ids come from vocab.json,
// merge ranks from the line order of merges.txt.
Result<TokenizerPtr> loadGpt2Tokenizer(const std::string &vocabJsonPath, const std::string &mergesPath);

} // namespace lmwb::core
