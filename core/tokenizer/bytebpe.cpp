// Byte-level BPE: encoding, GPT-2 file formats. Training is in bytebpetrainer.cpp.

#include "tokenizer/bytebpe.h"

#include "tokenizer/gpt2pretokenizer_p.h"
#include "tokenizer/tokenizerfiles_p.h"
#include "util/utf8.h"

#include <cstdio>
#include <functional>
#include <queue>

namespace lmwb::core {

namespace {

constexpr std::size_t kMaxCachedWordBytes = 128;
constexpr std::size_t kMaxCacheEntries = 1 << 18;

struct Alphabet {
    std::array<char32_t, 256> byteToCodePoint{};
    std::array<uint8_t, 256> order{};   // order[i] = the byte whose token has id i
    std::array<int16_t, 324> codePointToByte{}; // -1 where a code point is not in the alphabet

    Alphabet()
    {
        // GPT-2's bytes_to_unicode: printable Latin-1 bytes stand for themselves, the
        // other 68 bytes are shifted to U+0100.. so that no token contains a space or a
        // control character.
        std::vector<int> printable;
        for (int b = '!'; b <= '~'; ++b) printable.push_back(b);
        for (int b = 0xA1; b <= 0xAC; ++b) printable.push_back(b);
        for (int b = 0xAE; b <= 0xFF; ++b) printable.push_back(b);
        std::array<bool, 256> isPrintable{};
        for (int b : printable) isPrintable[b] = true;
        codePointToByte.fill(-1);
        int index = 0;
        for (int b : printable) {
            byteToCodePoint[b] = static_cast<char32_t>(b);
            order[index++] = static_cast<uint8_t>(b);
        }
        int shifted = 0;
        for (int b = 0; b < 256; ++b) {
            if (isPrintable[b])
                continue;
            byteToCodePoint[b] = static_cast<char32_t>(256 + shifted++);
            order[index++] = static_cast<uint8_t>(b);
        }
        for (int b = 0; b < 256; ++b)
            codePointToByte[byteToCodePoint[b]] = static_cast<int16_t>(b);
    }
};

const Alphabet &alphabet()
{
    static const Alphabet a;
    return a;
}

// The raw bytes of a token; code points outside the alphabet (in special tokens such as
// "<|endoftext|>" of a loaded vocabulary) stand for their own UTF-8.
std::string tokenToBytes(const std::string &token)
{
    const Alphabet &a = alphabet();
    std::string bytes;
    for (char32_t cp : decodeUtf8(token)) {
        if (cp < a.codePointToByte.size() && a.codePointToByte[cp] >= 0)
            bytes.push_back(static_cast<char>(a.codePointToByte[cp]));
        else
            appendUtf8(bytes, cp);
    }
    return bytes;
}

} // namespace

const std::array<char32_t, 256> &ByteBpeTokenizer::byteToCodePoint() { return alphabet().byteToCodePoint; }
const std::array<uint8_t, 256> &ByteBpeTokenizer::byteTokenOrder() { return alphabet().order; }

Result<std::shared_ptr<ByteBpeTokenizer>> ByteBpeTokenizer::create(std::vector<std::string> tokens,
                                                                   std::vector<Merge> merges)
{
    std::shared_ptr<ByteBpeTokenizer> tok(new ByteBpeTokenizer);
    tok->m_tokens = std::move(tokens);
    tok->m_merges = std::move(merges);
    if (Status s = tok->init(); !s)
        return Error{s.error()};
    return tok;
}

Status ByteBpeTokenizer::init()
{
    const auto n = static_cast<int32_t>(m_tokens.size());
    m_tokenBytes.resize(m_tokens.size());
    m_tokenToId.reserve(m_tokens.size());
    for (int32_t id = 0; id < n; ++id) {
        if (m_tokens[id].empty())
            continue;
        if (!m_tokenToId.emplace(m_tokens[id], id).second)
            return makeError("token '" + m_tokens[id] + "' appears twice (ids " +
                             std::to_string(m_tokenToId[m_tokens[id]]) + " and " + std::to_string(id) + ")");
        m_tokenBytes[id] = tokenToBytes(m_tokens[id]);
    }
    const Alphabet &a = alphabet();
    for (int b = 0; b < 256; ++b) {
        std::string token;
        appendUtf8(token, a.byteToCodePoint[b]);
        const int32_t id = tokenToId(token);
        if (id < 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", b);
            return makeError("the vocabulary has no token for byte " + std::string(hex) + " ('" + token +
                             "'); a byte-level vocabulary needs all 256 byte tokens");
        }
        m_byteToId[b] = id;
    }
    m_mergeRank.reserve(m_merges.size());
    for (std::size_t rank = 0; rank < m_merges.size(); ++rank) {
        const Merge &m = m_merges[rank];
        if (m.left < 0 || m.left >= n || m.right < 0 || m.right >= n || m.result < 0 || m.result >= n)
            return makeError("merge " + std::to_string(rank + 1) + " refers to an id outside the vocabulary");
        if (m_tokens[m.result] != m_tokens[m.left] + m_tokens[m.right])
            return makeError("merge " + std::to_string(rank + 1) + " ('" + m_tokens[m.left] + "' + '" +
                             m_tokens[m.right] + "') does not give token '" + m_tokens[m.result] + "'");
        m_mergeRank.emplace(bpePairKey(m.left, m.right), static_cast<int32_t>(rank)); // first rank wins
    }
    return {};
}

int32_t ByteBpeTokenizer::tokenToId(const std::string &token) const
{
    auto it = m_tokenToId.find(token);
    return it == m_tokenToId.end() ? -1 : it->second;
}

// GPT-2's bpe(): repeatedly merge the adjacent pair with the lowest rank, all of its
// occurrences left to right. Done with a heap of (rank, position) over a linked list of
// symbols, so a long word costs O(n log n) rather than a rescan per merge.
std::vector<int32_t> ByteBpeTokenizer::bpe(std::string_view word) const
{
    const auto n = static_cast<int32_t>(word.size());
    std::vector<int32_t> ids(n), next(n), prev(n);
    for (int32_t i = 0; i < n; ++i) {
        ids[i] = m_byteToId[static_cast<uint8_t>(word[i])];
        prev[i] = i - 1;
        next[i] = i + 1 < n ? i + 1 : -1;
    }
    auto rankAt = [&](int32_t i) {
        if (next[i] < 0)
            return -1;
        auto it = m_mergeRank.find(bpePairKey(ids[i], ids[next[i]]));
        return it == m_mergeRank.end() ? -1 : it->second;
    };
    using Candidate = std::pair<int32_t, int32_t>; // (rank, position): lowest rank, then leftmost
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> heap;
    for (int32_t i = 0; i + 1 < n; ++i)
        if (int32_t r = rankAt(i); r >= 0)
            heap.emplace(r, i);
    while (!heap.empty()) {
        const auto [rank, i] = heap.top();
        heap.pop();
        if (ids[i] < 0 || rankAt(i) != rank)
            continue; // stale: the symbol was merged away or its neighbour changed
        const int32_t j = next[i];
        ids[i] = m_merges[rank].result;
        ids[j] = -1;
        next[i] = next[j];
        if (next[j] >= 0)
            prev[next[j]] = i;
        if (prev[i] >= 0)
            if (int32_t r = rankAt(prev[i]); r >= 0)
                heap.emplace(r, prev[i]);
        if (int32_t r = rankAt(i); r >= 0)
            heap.emplace(r, i);
    }
    std::vector<int32_t> out;
    for (int32_t i = 0; i >= 0; i = next[i])
        out.push_back(ids[i]);
    return out;
}

void ByteBpeTokenizer::appendWord(std::string_view word, std::vector<int32_t> &out) const
{
    if (word.size() == 1) {
        out.push_back(m_byteToId[static_cast<uint8_t>(word[0])]);
        return;
    }
    const bool cacheable = word.size() <= kMaxCachedWordBytes;
    if (cacheable) {
        std::lock_guard<std::mutex> lock(m_cacheMutex);
        auto it = m_cache.find(std::string(word));
        if (it != m_cache.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int32_t> ids = bpe(word);
    out.insert(out.end(), ids.begin(), ids.end());
    if (cacheable) {
        std::lock_guard<std::mutex> lock(m_cacheMutex);
        if (m_cache.size() >= kMaxCacheEntries)
            m_cache.clear();
        m_cache.emplace(std::string(word), std::move(ids));
    }
}

Result<Encoding> ByteBpeTokenizer::encode(std::string_view text) const
{
    auto pre = Gpt2PreTokenizer::instance();
    if (!pre)
        return Error{pre.error()};
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    if (Status s = (*pre)->split(text, spans); !s)
        return Error{s.error()};
    Encoding e;
    e.ids.reserve(text.size() / 3 + 1);
    e.offsets.reserve(text.size() / 3 + 1);
    for (const auto &[begin, end] : spans) {
        const std::size_t first = e.ids.size();
        appendWord(text.substr(begin, end - begin), e.ids);
        std::size_t pos = begin;
        for (std::size_t k = first; k < e.ids.size(); ++k) {
            const std::size_t len = m_tokenBytes[e.ids[k]].size();
            e.offsets.emplace_back(pos, pos + len);
            pos += len;
        }
    }
    return e;
}

std::string ByteBpeTokenizer::decode(const std::vector<int32_t> &ids) const
{
    std::string out;
    for (int32_t id : ids)
        if (id >= 0 && id < vocabSize())
            out += m_tokenBytes[id];
    return out;
}

std::string ByteBpeTokenizer::pieceBytes(int32_t id) const
{
    return id >= 0 && id < vocabSize() ? m_tokenBytes[id] : std::string();
}

std::string ByteBpeTokenizer::piece(int32_t id) const
{
    return id >= 0 && id < vocabSize() ? m_tokens[id] : std::string();
}

Status ByteBpeTokenizer::save(const std::string &dir) const
{
    if (Status s = makeDirectory(dir); !s)
        return s;
    // vocab.json by hand, in id order like GPT-2's encoder.json (nlohmann's ordered_json
    // inserts in linear time per key).
    std::string vocab = "{";
    for (std::size_t id = 0; id < m_tokens.size(); ++id) {
        if (m_tokens[id].empty())
            continue;
        if (vocab.size() > 1)
            vocab += ", ";
        vocab += nlohmann::json(m_tokens[id]).dump() + ": " + std::to_string(id);
    }
    vocab += "}\n";
    std::string merges = "#version: 0.2\n";
    for (const Merge &m : m_merges)
        merges += m_tokens[m.left] + ' ' + m_tokens[m.right] + '\n';
    const nlohmann::json meta = {{"kind", tokenizerKindName(kind())},
                                 {"vocab", "vocab.json"},
                                 {"merges", "merges.txt"},
                                 {"vocab_size", vocabSize()}};
    if (Status s = writeFileAtomically(joinPath(dir, "vocab.json"), vocab); !s)
        return s;
    if (Status s = writeFileAtomically(joinPath(dir, "merges.txt"), merges); !s)
        return s;
    return writeFileAtomically(joinPath(dir, "tokenizer.json"), meta.dump(2) + "\n");
}

Result<TokenizerPtr> ByteBpeTokenizer::load(const std::string &dir)
{
    return loadFiles(joinPath(dir, "vocab.json"), joinPath(dir, "merges.txt"));
}

Result<TokenizerPtr> ByteBpeTokenizer::loadFiles(const std::string &vocabJsonPath,
                                                 const std::string &mergesPath)
{
    auto vocab = readJsonFile(vocabJsonPath);
    if (!vocab)
        return Error{vocab.error()};
    if (!vocab->is_object())
        return makeError(vocabJsonPath + ": expected a JSON object of token -> id");
    constexpr int64_t kMaxId = 1 << 24;
    std::vector<std::string> tokens;
    for (const auto &[token, value] : vocab->items()) {
        if (!value.is_number_integer() || value.get<int64_t>() < 0 || value.get<int64_t>() >= kMaxId)
            return makeError(vocabJsonPath + ": the id of token '" + token +
                             "' is not an integer in [0, 16777216)");
        const auto id = static_cast<std::size_t>(value.get<int64_t>());
        if (id >= tokens.size())
            tokens.resize(id + 1);
        if (!tokens[id].empty())
            return makeError(vocabJsonPath + ": id " + std::to_string(id) + " is given to both '" +
                             tokens[id] + "' and '" + token + "'");
        if (token.empty())
            return makeError(vocabJsonPath + ": the empty string is not a token");
        tokens[id] = token;
    }
    std::unordered_map<std::string, int32_t> ids;
    for (std::size_t id = 0; id < tokens.size(); ++id)
        if (!tokens[id].empty())
            ids.emplace(tokens[id], static_cast<int32_t>(id));

    auto text = readFile(mergesPath);
    if (!text)
        return Error{text.error()};
    std::vector<Merge> merges;
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    const std::string &t = text.value();
    while (pos < t.size()) {
        std::size_t end = t.find('\n', pos);
        if (end == std::string::npos)
            end = t.size();
        std::string_view line(t.data() + pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty() || (lineNo == 1 && line.substr(0, 8) == "#version"))
            continue;
        const std::size_t space = line.find(' ');
        if (space == std::string_view::npos || space == 0 || line.find(' ', space + 1) != std::string_view::npos)
            return makeError(mergesPath + " line " + std::to_string(lineNo) +
                             ": expected two tokens separated by one space");
        const std::string left(line.substr(0, space)), right(line.substr(space + 1));
        const std::string merged = left + right;
        for (const std::string *tok : {&left, &right, &merged})
            if (!ids.count(*tok))
                return makeError(mergesPath + " line " + std::to_string(lineNo) + ": token '" + *tok +
                                 "' is not in " + vocabJsonPath);
        merges.push_back({ids[left], ids[right], ids[merged]});
    }
    auto tok = create(std::move(tokens), std::move(merges));
    if (!tok)
        return makeError(vocabJsonPath + " / " + mergesPath + ": " + tok.error());
    return TokenizerPtr(std::move(tok.value()));
}

Result<TokenizerPtr> loadGpt2Tokenizer(const std::string &vocabJsonPath, const std::string &mergesPath)
{
    return ByteBpeTokenizer::loadFiles(vocabJsonPath, mergesPath);
}

} // namespace lmwb::core
