#pragma once
// Internal to core/tokenizer: reading and writing the tokenizer's files, with errors that
// name the path. Not a public header (it includes nlohmann/json, which lmwb_base links
// privately).
//
//   auto json = readJsonFile(dir + "/tokenizer.json");
//   if (!json) return Error{json.error()};
//   Status s = writeFileAtomically(dir + "/vocab.json", text);

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace lmwb::core {

std::string joinPath(const std::string &dir, const std::string &name);

Result<std::string> readFile(const std::string &path);
Result<nlohmann::json> readJsonFile(const std::string &path);

// Creates dir (and its parents) when missing.
Status makeDirectory(const std::string &dir);
// Writes to path + ".tmp" and renames it over path, so a crash never leaves half a file.
Status writeFileAtomically(const std::string &path, std::string_view bytes);

// Renders a code point for messages: "U+00E9 'é'" (control characters without the quote).
std::string describeCodePoint(char32_t cp);

} // namespace lmwb::core
