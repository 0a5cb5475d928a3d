#pragma once
// nanoGPT's character tokenizer: the vocabulary is the sorted set of the corpus's Unicode
// code points and a character's id is its rank in that set (so Chinese works as well as
// English).
//
//   auto tok = CharTokenizer::train("hello");        // vocabulary e h l o, ids 0..3
//   (*tok)->encode("hole");                          // ids 1 3 2 0
//   (*tok)->encode("hi");   // error: U+0069 'i' at byte offset 1 is not in the vocabulary
//
// Saved as tokenizer.json {"kind": "char", "chars": ["\n", " ", "!", ...]}.

#include "tokenizer/tokenizer.h"

#include <array>
#include <unordered_map>
#include <vector>

namespace lmwb::core {

class CharTokenizer final : public Tokenizer {
public:
    // text must be valid UTF-8 (trainTokenizer checks).
    static Result<TokenizerPtr> train(std::string_view text);
    // chars[id]: distinct code points; ids are their positions.
    static Result<TokenizerPtr> create(std::vector<char32_t> chars);
    // Reads dir/tokenizer.json.
    static Result<TokenizerPtr> load(const std::string &dir);

    TokenizerKind kind() const override { return TokenizerKind::Char; }
    int32_t vocabSize() const override { return static_cast<int32_t>(m_chars.size()); }
    Result<Encoding> encode(std::string_view text) const override;
    std::string decode(const std::vector<int32_t> &ids) const override;
    std::string pieceBytes(int32_t id) const override;
    std::string piece(int32_t id) const override { return pieceBytes(id); }
    Status save(const std::string &dir) const override;

    const std::vector<char32_t> &chars() const { return m_chars; }
    // The id of a code point, -1 when it is not in the vocabulary.
    int32_t idOf(char32_t cp) const;

private:
    CharTokenizer() = default;

    std::vector<char32_t> m_chars;
    std::vector<std::string> m_utf8; // id -> the character's bytes
    std::array<int32_t, 128> m_ascii{};
    std::unordered_map<char32_t, int32_t> m_ids;
};

} // namespace lmwb::core
