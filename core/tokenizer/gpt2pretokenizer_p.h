#pragma once
// Internal to core/tokenizer: GPT-2's pre-tokenizer, the regex that cuts text into the
// pieces BPE works inside (words with their leading space, numbers, punctuation runs,
// whitespace), compiled once with PCRE2 (UTF + UCP, JIT where available).
//
//   auto pre = Gpt2PreTokenizer::instance();
//   std::vector<std::pair<size_t, size_t>> spans;
//   Status s = (*pre)->split("Hello world", spans);   // [0,5) [5,11)
//
// Thread-safe: the compiled pattern is shared, match data is per call.

#include "util/result.h"

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace lmwb::core {

class Gpt2PreTokenizer {
public:
    static Result<const Gpt2PreTokenizer *> instance();

    // Byte ranges of the pre-tokens; they cover text contiguously. Bytes that are not
    // valid UTF-8 (which the pattern never matches) become pre-tokens of their own.
    Status split(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>> &spans) const;

    ~Gpt2PreTokenizer();
    Gpt2PreTokenizer(const Gpt2PreTokenizer &) = delete;
    Gpt2PreTokenizer &operator=(const Gpt2PreTokenizer &) = delete;

private:
    Gpt2PreTokenizer() = default;
    void *m_code = nullptr; // pcre2_code_8 *
};

} // namespace lmwb::core
