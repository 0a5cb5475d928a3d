#include "tokenizer/spmtokenizer.h"

#include "tokenizer/spmlibrary_p.h"
#include "tokenizer/tokenizerfiles_p.h"
#include "util/utf8.h"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace lmwb::core {

namespace {

constexpr std::string_view kSpaceSymbol = "\xE2\x96\x81"; // U+2581, sentencepiece's space
constexpr std::string_view kUnknownSurface = " \xE2\x81\x87 "; // sentencepiece's default " ⁇ "

void appendToString(void *ctx, const char *data, size_t len)
{
    static_cast<std::string *>(ctx)->append(data, len);
}

std::string replaceAll(std::string_view s, std::string_view from, std::string_view to)
{
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (true) {
        const std::size_t hit = s.find(from, pos);
        out.append(s.substr(pos, hit == std::string_view::npos ? std::string_view::npos : hit - pos));
        if (hit == std::string_view::npos)
            return out;
        out.append(to);
        pos = hit + from.size();
    }
}

// The number after marker in sentencepiece's message, or "" ("... value <= 407." -> "407").
std::string numberAfter(const std::string &message, std::string_view marker)
{
    const std::size_t at = message.find(marker);
    if (at == std::string::npos)
        return {};
    std::size_t i = at + marker.size();
    std::string digits;
    while (i < message.size() && message[i] >= '0' && message[i] <= '9')
        digits.push_back(message[i++]);
    return digits;
}

// sentencepiece's status messages name its source lines; say what to do instead.
std::string explainTrainingError(const std::string &message, int32_t vocabSize)
{
    const std::string size = std::to_string(vocabSize);
    if (message.find("Vocabulary size too high") != std::string::npos) {
        const std::string most = numberAfter(message, "value <= ");
        return "vocab size " + size + " is too large for this text: sentencepiece can make at most " +
               (most.empty() ? std::string("fewer") : most) + " pieces from it; use a vocab size of at most " +
               (most.empty() ? std::string("that") : most) + " or train on more text";
    }
    if (message.find("smaller than required_chars") != std::string::npos) {
        const std::string least = numberAfter(message, " vs ");
        return "vocab size " + size + " is too small for this text: it needs " +
               (least.empty() ? std::string("more") : least) +
               " pieces (3 special, 256 bytes and one per character kept by the character coverage); "
               "use a vocab size of at least " + (least.empty() ? std::string("that") : least) +
               " or lower the character coverage";
    }
    if (message.find("sentences_.empty()") != std::string::npos)
        return "the training text has no characters other than line breaks; give it some text";
    return "sentencepiece training failed: " + message;
}

} // namespace

SpmTokenizer::~SpmTokenizer()
{
    if (m_model)
        m_lib->free(m_model);
}

Result<TokenizerPtr> SpmTokenizer::train(TokenizerKind kind, std::string_view text, int32_t vocabSize,
                                         double characterCoverage, const ProgressFn &progress)
{
    if (kind != TokenizerKind::SpmBpe && kind != TokenizerKind::SpmUnigram)
        return makeError("SpmTokenizer::train needs kind spm-bpe or spm-unigram, not " + tokenizerKindName(kind));
    if (vocabSize <= 0)
        return makeError("vocab size " + std::to_string(vocabSize) + " must be positive (e.g. 8000)");
    if (!(characterCoverage > 0.0 && characterCoverage <= 1.0))
        return makeError("character coverage " + std::to_string(characterCoverage) +
                         " must be in (0, 1] (1.0 keeps every character; 0.9995 is usual for Chinese)");
    if (progress && !progress(0.0))
        return makeError("cancelled");
    auto lib = spmLibrary();
    if (!lib)
        return Error{lib.error()};

    // One sentence per line. A literal '▁' would be read as a space, so it separates
    // sentences instead (encode() spells it in bytes). Make sure the text has a space, so
    // that '▁' is a piece and a space never falls back to the bytes of '▁'.
    std::string sentences = replaceAll(text, kSpaceSymbol, "\n");
    if (sentences.find(' ') == std::string::npos)
        sentences += "\n ";
    std::size_t longest = 0;
    for (std::size_t pos = 0; pos < sentences.size();) {
        std::size_t end = sentences.find('\n', pos);
        if (end == std::string::npos)
            end = sentences.size();
        longest = std::max(longest, end - pos);
        pos = end + 1;
    }
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 16u);
    char coverage[32];
    std::snprintf(coverage, sizeof coverage, "%.6g", characterCoverage);
    const std::vector<std::pair<std::string, std::string>> flags = {
        {"model_type", kind == TokenizerKind::SpmBpe ? "bpe" : "unigram"},
        {"vocab_size", std::to_string(vocabSize)},
        {"character_coverage", coverage},
        {"normalization_rule_name", "identity"},
        {"remove_extra_whitespaces", "false"},
        {"add_dummy_prefix", "false"},
        {"byte_fallback", "true"},
        {"allow_whitespace_only_pieces", "true"},
        {"split_digits", "true"},
        {"required_chars", std::string(kSpaceSymbol)}, // safe: the text has a space
        {"hard_vocab_limit", "true"},
        {"max_sentence_length", std::to_string(std::max<std::size_t>(4192, longest + 1))},
        {"num_threads", std::to_string(threads)},
    };
    std::vector<const char *> keys, values;
    for (const auto &[k, v] : flags) {
        keys.push_back(k.c_str());
        values.push_back(v.c_str());
    }
    std::string model;
    char err[2048] = {};
    if ((*lib)->train(keys.data(), values.data(), keys.size(), sentences.data(), sentences.size(),
                      &appendToString, &model, err, sizeof err) != 0)
        return makeError(explainTrainingError(err, vocabSize));
    if (progress && !progress(1.0))
        return makeError("cancelled");
    return fromModel(kind, std::move(model), "the trained sentencepiece model");
}

Result<TokenizerPtr> SpmTokenizer::fromModel(TokenizerKind kind, std::string model, const std::string &source)
{
    auto lib = spmLibrary();
    if (!lib)
        return Error{lib.error()};
    char err[1024] = {};
    spm_model *handle = (*lib)->load(model.data(), model.size(), err, sizeof err);
    if (!handle)
        return makeError(source + " is not a sentencepiece model (" + err +
                         "); train the tokenizer again");
    std::shared_ptr<SpmTokenizer> tok(new SpmTokenizer);
    tok->m_kind = kind;
    tok->m_lib = *lib;
    tok->m_model = handle;
    tok->m_modelBytes = std::move(model);
    tok->m_byteIds.fill(-1);
    const int32_t n = (*lib)->vocabSize(handle);
    tok->m_pieces.resize(n);
    tok->m_bytes.resize(n);
    for (int32_t id = 0; id < n; ++id) {
        std::string &piece = tok->m_pieces[id];
        (*lib)->idToPiece(handle, id, &appendToString, &piece);
        switch ((*lib)->pieceType(handle, id)) {
        case SPM_PIECE_BYTE: {
            unsigned value = 0;
            if (std::sscanf(piece.c_str(), "<0x%2X>", &value) == 1 && value < 256) {
                tok->m_bytes[id] = std::string(1, static_cast<char>(value));
                tok->m_byteIds[value] = id;
            }
            break;
        }
        case SPM_PIECE_CONTROL:
        case SPM_PIECE_UNUSED:
            break; // decodes to nothing
        case SPM_PIECE_UNKNOWN:
            tok->m_bytes[id] = std::string(kUnknownSurface);
            break;
        default:
            tok->m_bytes[id] = replaceAll(piece, kSpaceSymbol, " ");
        }
    }
    return TokenizerPtr(std::move(tok));
}

Result<TokenizerPtr> SpmTokenizer::load(const std::string &dir, TokenizerKind kind)
{
    const std::string path = joinPath(dir, "tokenizer.model");
    auto model = readFile(path);
    if (!model)
        return Error{model.error()};
    return fromModel(kind, std::move(model.value()), path);
}

Status SpmTokenizer::encodeSegment(std::string_view segment, std::size_t offset, Encoding &out) const
{
    std::size_t capacity = segment.size() + 16, count = 0;
    std::vector<int32_t> ids(capacity);
    std::vector<uint32_t> begins(capacity), ends(capacity);
    char err[1024] = {};
    int rc = m_lib->encode(m_model, segment.data(), segment.size(), ids.data(), begins.data(), ends.data(),
                           capacity, &count, err, sizeof err);
    if (rc == 2) { // more pieces than bytes (byte fallback of a multi-byte normalization)
        capacity = count;
        ids.resize(capacity);
        begins.resize(capacity);
        ends.resize(capacity);
        rc = m_lib->encode(m_model, segment.data(), segment.size(), ids.data(), begins.data(), ends.data(),
                           capacity, &count, err, sizeof err);
    }
    if (rc != 0)
        return makeError(std::string("sentencepiece could not encode the text: ") + err);
    // Offsets from the bytes each piece stands for; sentencepiece gives byte-fallback
    // pieces of one character a single range, we want one byte each.
    std::size_t cursor = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const int32_t id = ids[i];
        if (id < 0 || id >= vocabSize())
            return makeError("sentencepiece returned id " + std::to_string(id) + ", outside its vocabulary");
        const std::string &bytes = m_bytes[id];
        if (segment.compare(cursor, bytes.size(), bytes) != 0) {
            // A space that fell back to the bytes of '▁' (a model with no '▁' piece).
            const bool spaceAsBytes = i + 2 < count && segment[cursor] == ' ' && m_byteIds[0x20] >= 0 &&
                                      id == m_byteIds[0xE2] && ids[i + 1] == m_byteIds[0x96] &&
                                      ids[i + 2] == m_byteIds[0x81];
            if (!spaceAsBytes)
                return makeError("this sentencepiece model does not reproduce the text at byte " +
                                 std::to_string(offset + cursor) + " (piece '" + m_pieces[id] +
                                 "'); LM Workbench needs a model trained with identity normalization, "
                                 "no dummy prefix and byte fallback: train the tokenizer again");
            out.ids.push_back(m_byteIds[0x20]);
            out.offsets.emplace_back(offset + cursor, offset + cursor + 1);
            cursor += 1;
            i += 2;
            continue;
        }
        out.ids.push_back(id);
        out.offsets.emplace_back(offset + cursor, offset + cursor + bytes.size());
        cursor += bytes.size();
    }
    if (cursor != segment.size())
        return makeError("this sentencepiece model dropped the text from byte " + std::to_string(offset + cursor) +
                         "; train the tokenizer again");
    return {};
}

Result<Encoding> SpmTokenizer::encode(std::string_view text) const
{
    if (auto bad = firstInvalidUtf8(text))
        return makeError("the text is not valid UTF-8 at byte offset " + std::to_string(*bad));
    Encoding e;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t mark = text.find(kSpaceSymbol, pos);
        const std::size_t end = mark == std::string_view::npos ? text.size() : mark;
        if (end > pos)
            if (Status s = encodeSegment(text.substr(pos, end - pos), pos, e); !s)
                return Error{s.error()};
        if (mark == std::string_view::npos)
            break;
        for (std::size_t k = 0; k < kSpaceSymbol.size(); ++k) {
            const int32_t id = m_byteIds[static_cast<uint8_t>(kSpaceSymbol[k])];
            if (id < 0)
                return makeError("this sentencepiece model has no byte pieces, so it cannot encode the "
                                 "character U+2581 '\xE2\x96\x81' at byte offset " + std::to_string(mark));
            e.ids.push_back(id);
            e.offsets.emplace_back(mark + k, mark + k + 1);
        }
        pos = mark + kSpaceSymbol.size();
    }
    return e;
}

std::string SpmTokenizer::decode(const std::vector<int32_t> &ids) const
{
    std::string out;
    for (int32_t id : ids)
        if (id >= 0 && id < vocabSize())
            out += m_bytes[id];
    return out;
}

std::string SpmTokenizer::pieceBytes(int32_t id) const
{
    return id >= 0 && id < vocabSize() ? m_bytes[id] : std::string();
}

std::string SpmTokenizer::piece(int32_t id) const
{
    return id >= 0 && id < vocabSize() ? m_pieces[id] : std::string();
}

int32_t SpmTokenizer::pieceToId(const std::string &piece) const
{
    const int32_t id = m_lib->pieceToId(m_model, piece.data(), piece.size());
    return id >= 0 && id < vocabSize() && m_pieces[id] == piece ? id : -1;
}

Status SpmTokenizer::save(const std::string &dir) const
{
    if (Status s = makeDirectory(dir); !s)
        return s;
    if (Status s = writeFileAtomically(joinPath(dir, "tokenizer.model"), m_modelBytes); !s)
        return s;
    const nlohmann::json meta = {
        {"kind", tokenizerKindName(m_kind)}, {"model", "tokenizer.model"}, {"vocab_size", vocabSize()}};
    return writeFileAtomically(joinPath(dir, "tokenizer.json"), meta.dump(2) + "\n");
}

} // namespace lmwb::core
