#pragma once
// UTF-8 helpers shared by the tokenizers and the corpus readers.
//
//   if (auto bad = firstInvalidUtf8(bytes)) report(*bad);   // byte offset
//   for (char32_t c : decodeUtf8(text)) ...

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lmwb::core {

// Byte offset of the first byte that does not start or continue a valid UTF-8
// sequence (overlongs, surrogates and code points above U+10FFFF are invalid),
// or nullopt when the whole string is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);

// Length in bytes of the sequence that starts with lead byte c (1..4), 0 if c
// is not a lead byte. Assumes valid UTF-8 after the lead.
int utf8SequenceLength(unsigned char c);

// Decodes valid UTF-8 (call firstInvalidUtf8 first) into code points.
std::u32string decodeUtf8(std::string_view text);
// Decodes into code points with the byte offset where each one begins.
void decodeUtf8WithOffsets(std::string_view text, std::u32string &codePoints,
                           std::vector<std::size_t> &offsets);

void appendUtf8(std::string &out, char32_t codePoint);
std::string encodeUtf8(std::u32string_view codePoints);

// Number of code points in valid UTF-8.
std::size_t countCodePoints(std::string_view text);

} // namespace lmwb::core
