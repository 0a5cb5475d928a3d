#include "tokenizer/gpt2pretokenizer_p.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <memory>
#include <string>

namespace lmwb::core {

namespace {

// GPT-2's pattern (openai/gpt-2 src/encoder.py) with \s spelled \p{White_Space}: that is
// what \s means in Python's regex module, which GPT-2 used, and in tiktoken's Rust regex.
// PCRE2's \s (with UCP) also matches U+180E MONGOLIAN VOWEL SEPARATOR, no longer a space
// since Unicode 6.3, and that changed the ids of text around it.
constexpr const char *kPattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\p{White_Space}\p{L}\p{N}]+)"
    R"(|\p{White_Space}+(?!\P{White_Space})|\p{White_Space}+)";

std::string pcre2Message(int code)
{
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(code, buffer, sizeof buffer);
    return reinterpret_cast<const char *>(buffer);
}

} // namespace

Gpt2PreTokenizer::~Gpt2PreTokenizer()
{
    pcre2_code_free(static_cast<pcre2_code *>(m_code));
}

Result<const Gpt2PreTokenizer *> Gpt2PreTokenizer::instance()
{
    // Compiled once, on first use, thread-safely (static initialisation).
    static const Result<std::unique_ptr<Gpt2PreTokenizer>> compiled =
        []() -> Result<std::unique_ptr<Gpt2PreTokenizer>> {
        int errorCode = 0;
        PCRE2_SIZE errorOffset = 0;
        // MATCH_INVALID_UTF: invalid bytes are skipped instead of failing the match, and
        // no per-call UTF check rescans the subject (which would make splitting quadratic).
        const uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
        pcre2_code *code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kPattern), PCRE2_ZERO_TERMINATED,
                                         options, &errorCode, &errorOffset, nullptr);
        if (!code)
            return makeError("cannot compile GPT-2's pre-tokenizer pattern at offset " +
                             std::to_string(errorOffset) + ": " + pcre2Message(errorCode) +
                             " (is libpcre2-8 built with Unicode support?)");
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // optional: pcre2_match interprets otherwise
        std::unique_ptr<Gpt2PreTokenizer> pre(new Gpt2PreTokenizer);
        pre->m_code = code;
        return pre;
    }();
    if (!compiled)
        return Error{compiled.error()};
    return static_cast<const Gpt2PreTokenizer *>(compiled.value().get());
}

Status Gpt2PreTokenizer::split(std::string_view text,
                               std::vector<std::pair<std::size_t, std::size_t>> &spans) const
{
    spans.clear();
    auto *code = static_cast<const pcre2_code *>(m_code);
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> match(
        pcre2_match_data_create_from_pattern(code, nullptr), &pcre2_match_data_free);
    if (!match)
        return makeError("out of memory in the pre-tokenizer");
    const auto *subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    const std::size_t n = text.size();
    std::size_t pos = 0;
    while (pos < n) {
        const int rc = pcre2_match(code, subject, n, pos, 0, match.get(), nullptr);
        if (rc == PCRE2_ERROR_NOMATCH) {
            spans.emplace_back(pos, n); // trailing bytes the pattern skipped (invalid UTF-8)
            break;
        }
        if (rc < 0)
            return makeError("pre-tokenizer failed at byte " + std::to_string(pos) + ": " +
                             pcre2Message(rc));
        const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match.get());
        const std::size_t begin = ovector[0];
        std::size_t end = ovector[1];
        if (begin > pos)
            spans.emplace_back(pos, begin);
        if (end <= begin) // no alternative matches empty; guard against looping anyway
            end = begin + 1;
        spans.emplace_back(begin, end);
        pos = end;
    }
    return {};
}

} // namespace lmwb::core
