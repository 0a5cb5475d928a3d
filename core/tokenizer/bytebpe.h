#pragma once
// GPT-2 style byte-level BPE: text is cut by GPT-2's pre-tokenizer regex, each piece's
// bytes are mapped through GPT-2's bytes_to_unicode alphabet (space -> 'Ġ', newline ->
// 'Ċ'), and adjacent symbols are merged lowest merge rank first.
//
//   auto tok = ByteBpeTokenizer::train(text, 8000, progress);   // valid UTF-8 text
//   (*tok)->save(dir);                 // tokenizer.json + vocab.json + merges.txt
//   auto gpt2 = loadGpt2Tokenizer("hf/vocab.json", "hf/merges.txt");
//
// Ids come from vocab.json. A trained vocabulary has the 256 byte tokens first (ids
// 0..255 in bytes_to_unicode order, like GPT-2's encoder.json), then one token per merge.
// encode() is const and thread-safe (the per-word cache is guarded by a mutex).

#include "tokenizer/tokenizer.h"

#include <array>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace lmwb::core {

class ByteBpeTokenizer final : public Tokenizer {
public:
    struct Merge {
        int32_t left;
        int32_t right;
        int32_t result;
    };

    // Merges until the vocabulary has vocabSize tokens (>= 256). Counts are updated
    // incrementally; ties go to the highest count, then the pair whose (left, right)
    // bytes are lexicographically smallest. progress gets the fraction of merges done.
    static Result<TokenizerPtr> train(std::string_view text, int32_t vocabSize,
                                      const ProgressFn &progress = {});
    // Reads dir/vocab.json and dir/merges.txt.
    static Result<TokenizerPtr> load(const std::string &dir);
    static Result<TokenizerPtr> loadFiles(const std::string &vocabJsonPath,
                                          const std::string &mergesPath);

    // tokens[id] in the bytes_to_unicode alphabet (empty for an unused id); merges in
    // rank order, results must be tokens.
    static Result<std::shared_ptr<ByteBpeTokenizer>> create(std::vector<std::string> tokens,
                                                            std::vector<Merge> merges);

    TokenizerKind kind() const override { return TokenizerKind::ByteBpe; }
    int32_t vocabSize() const override { return static_cast<int32_t>(m_tokens.size()); }
    Result<Encoding> encode(std::string_view text) const override;
    std::string decode(const std::vector<int32_t> &ids) const override;
    std::string pieceBytes(int32_t id) const override;
    std::string piece(int32_t id) const override;
    Status save(const std::string &dir) const override;

    const std::vector<Merge> &merges() const { return m_merges; }
    // The id of a token string in the bytes_to_unicode alphabet, -1 if none.
    int32_t tokenToId(const std::string &token) const;

    // GPT-2's bytes_to_unicode: the printable code point that stands for each byte, and
    // the order GPT-2's encoder.json gives the 256 byte tokens.
    static const std::array<char32_t, 256> &byteToCodePoint();
    static const std::array<uint8_t, 256> &byteTokenOrder();

private:
    ByteBpeTokenizer() = default;
    Status init();
    // The ids of one pre-token, appended to out (through the cache).
    void appendWord(std::string_view word, std::vector<int32_t> &out) const;
    std::vector<int32_t> bpe(std::string_view word) const;

    std::vector<std::string> m_tokens;      // id -> token in the GPT-2 alphabet
    std::vector<std::string> m_tokenBytes;  // id -> raw bytes
    std::unordered_map<std::string, int32_t> m_tokenToId;
    std::array<int32_t, 256> m_byteToId{};
    std::vector<Merge> m_merges;
    std::unordered_map<uint64_t, int32_t> m_mergeRank; // (left << 32 | right) -> rank

    mutable std::mutex m_cacheMutex;
    mutable std::unordered_map<std::string, std::vector<int32_t>> m_cache; // guarded by m_cacheMutex
};

inline uint64_t bpePairKey(int32_t left, int32_t right)
{
    return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

} // namespace lmwb::core
