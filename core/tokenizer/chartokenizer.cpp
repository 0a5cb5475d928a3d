#include "tokenizer/chartokenizer.h"

#include "tokenizer/tokenizerfiles_p.h"
#include "util/utf8.h"

#include <algorithm>

namespace lmwb::core {

Result<TokenizerPtr> CharTokenizer::train(std::string_view text)
{
    if (text.empty())
        return makeError("the training text is empty; a char tokenizer needs at least one character");
    std::vector<bool> seen(0x110000, false);
    for (char32_t cp : decodeUtf8(text))
        if (cp < seen.size())
            seen[cp] = true;
    std::vector<char32_t> chars;
    for (char32_t cp = 0; cp < seen.size(); ++cp)
        if (seen[cp])
            chars.push_back(cp);
    return create(std::move(chars));
}

Result<TokenizerPtr> CharTokenizer::create(std::vector<char32_t> chars)
{
    std::shared_ptr<CharTokenizer> tok(new CharTokenizer);
    tok->m_ascii.fill(-1);
    for (std::size_t id = 0; id < chars.size(); ++id) {
        const char32_t cp = chars[id];
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return makeError("character " + std::to_string(id) + " of the vocabulary is not a Unicode scalar value");
        if (!tok->m_ids.emplace(cp, static_cast<int32_t>(id)).second)
            return makeError("character " + describeCodePoint(cp) + " appears twice in the vocabulary");
        if (cp < 128)
            tok->m_ascii[cp] = static_cast<int32_t>(id);
        std::string utf8;
        appendUtf8(utf8, cp);
        tok->m_utf8.push_back(std::move(utf8));
    }
    tok->m_chars = std::move(chars);
    return TokenizerPtr(std::move(tok));
}

int32_t CharTokenizer::idOf(char32_t cp) const
{
    if (cp < 128)
        return m_ascii[cp];
    auto it = m_ids.find(cp);
    return it == m_ids.end() ? -1 : it->second;
}

Result<Encoding> CharTokenizer::encode(std::string_view text) const
{
    if (auto bad = firstInvalidUtf8(text))
        return makeError("the text is not valid UTF-8 at byte offset " + std::to_string(*bad));
    std::u32string cps;
    std::vector<std::size_t> starts;
    decodeUtf8WithOffsets(text, cps, starts);
    Encoding e;
    e.ids.reserve(cps.size());
    e.offsets.reserve(cps.size());
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const int32_t id = idOf(cps[i]);
        if (id < 0)
            return makeError("character " + describeCodePoint(cps[i]) + " at byte offset " +
                             std::to_string(starts[i]) + " is not in the char tokenizer's vocabulary (" +
                             std::to_string(m_chars.size()) +
                             " characters); remove it or retrain the tokenizer on text that contains it");
        e.ids.push_back(id);
        e.offsets.emplace_back(starts[i], i + 1 < cps.size() ? starts[i + 1] : text.size());
    }
    return e;
}

std::string CharTokenizer::decode(const std::vector<int32_t> &ids) const
{
    std::string out;
    out.reserve(ids.size());
    for (int32_t id : ids)
        if (id >= 0 && id < vocabSize())
            out += m_utf8[id];
    return out;
}

std::string CharTokenizer::pieceBytes(int32_t id) const
{
    return id >= 0 && id < vocabSize() ? m_utf8[id] : std::string();
}

Status CharTokenizer::save(const std::string &dir) const
{
    if (Status s = makeDirectory(dir); !s)
        return s;
    nlohmann::json json = {{"kind", tokenizerKindName(kind())}, {"chars", m_utf8}};
    return writeFileAtomically(joinPath(dir, "tokenizer.json"), json.dump(1) + "\n");
}

Result<TokenizerPtr> CharTokenizer::load(const std::string &dir)
{
    const std::string path = joinPath(dir, "tokenizer.json");
    auto json = readJsonFile(path);
    if (!json)
        return Error{json.error()};
    const auto chars = json->find("chars");
    if (chars == json->end() || !chars->is_array())
        return makeError(path + ": key \"chars\" (the list of characters) is missing or not a list; "
                                "save the tokenizer again");
    std::vector<char32_t> cps;
    for (std::size_t i = 0; i < chars->size(); ++i) {
        const auto &c = (*chars)[i];
        std::u32string one;
        if (c.is_string())
            one = decodeUtf8(c.get_ref<const std::string &>());
        if (one.size() != 1)
            return makeError(path + ": \"chars\"[" + std::to_string(i) + "] is not a string of one character");
        cps.push_back(one[0]);
    }
    auto tok = create(std::move(cps));
    if (!tok)
        return makeError(path + ": " + tok.error());
    return tok;
}

} // namespace lmwb::core
