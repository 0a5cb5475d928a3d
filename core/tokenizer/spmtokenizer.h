#pragma once
// sentencepiece (BPE or unigram), used through liblmwb_spm.so (see spmlibrary.h): this
// class never links sentencepiece, so it can live next to libtorch (DESIGN §6).
//
//   auto tok = SpmTokenizer::train(TokenizerKind::SpmUnigram, text, 8000, 0.9995);
//   (*tok)->encode("床前明月光");  (*tok)->save(dir);   // tokenizer.json + tokenizer.model
//
// Trained so that decode(encode(x)) == x for any valid UTF-8: identity normalization, no
// dummy prefix, no whitespace folding, byte fallback for everything not in the vocabulary
// (newlines and tabs included: sentencepiece trains line by line and never makes a tab
// piece). A literal U+2581 '▁', which sentencepiece would decode as a space, is encoded as
// its three byte pieces. piece() is sentencepiece's ("▁the", "<0xE5>"); pieceBytes() is
// what it stands for (the byte, ' ' for '▁').

#include "tokenizer/tokenizer.h"

#include <array>
#include <vector>

struct spm_model;

namespace lmwb::core {

struct SpmLibrary;

class SpmTokenizer final : public Tokenizer {
public:
    // text must be valid UTF-8 (trainTokenizer checks). kind: SpmBpe or SpmUnigram.
    static Result<TokenizerPtr> train(TokenizerKind kind, std::string_view text, int32_t vocabSize,
                                      double characterCoverage, const ProgressFn &progress = {});
    // Reads dir/tokenizer.model.
    static Result<TokenizerPtr> load(const std::string &dir, TokenizerKind kind);
    // model: the bytes of a .model file; source names it in messages.
    static Result<TokenizerPtr> fromModel(TokenizerKind kind, std::string model, const std::string &source);

    ~SpmTokenizer() override;

    TokenizerKind kind() const override { return m_kind; }
    int32_t vocabSize() const override { return static_cast<int32_t>(m_pieces.size()); }
    Result<Encoding> encode(std::string_view text) const override;
    std::string decode(const std::vector<int32_t> &ids) const override;
    std::string pieceBytes(int32_t id) const override;
    std::string piece(int32_t id) const override;
    Status save(const std::string &dir) const override;

    // The id of a sentencepiece piece ("▁the", "<0x0A>"), -1 when there is none.
    int32_t pieceToId(const std::string &piece) const;

private:
    SpmTokenizer() = default;
    Status encodeSegment(std::string_view segment, std::size_t offset, Encoding &out) const;

    TokenizerKind m_kind = TokenizerKind::SpmBpe;
    const SpmLibrary *m_lib = nullptr;
    spm_model *m_model = nullptr;
    std::string m_modelBytes;           // the .model file, for save()
    std::vector<std::string> m_pieces;  // id -> sentencepiece piece
    std::vector<std::string> m_bytes;   // id -> bytes it decodes to
    std::array<int32_t, 256> m_byteIds{}; // byte -> its <0xXX> piece, -1 if none
};

} // namespace lmwb::core
