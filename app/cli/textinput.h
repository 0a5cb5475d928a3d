#pragma once
// --text / --text-file (and --prompt / --prompt-file) for the headless commands.

#include "cli/args.h"

#include "data/corpus.h"
#include "util/utf8.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lmwb::app {

// The text of --NAME or --NAME-file; nullopt with `error` set when neither or both are
// given, the file is unreadable, or the text is not UTF-8.
inline std::optional<std::string> textOption(const Args &a, const std::string &name, bool required, std::string &error)
{
    const auto inlineText = a.value(name);
    const auto file = a.value(name + "-file");
    if (inlineText && file) {
        error = "give --" + name + " or --" + name + "-file, not both";
        return std::nullopt;
    }
    if (file) {
        auto t = core::readUtf8File(*file);
        if (!t) {
            error = t.error();
            return std::nullopt;
        }
        return *t;
    }
    if (inlineText) {
        if (auto bad = core::firstInvalidUtf8(*inlineText)) {
            error = "--" + name + " is not valid UTF-8 (byte " + std::to_string(*bad) + ")";
            return std::nullopt;
        }
        return *inlineText;
    }
    if (required)
        error = "--" + name + " TEXT (or --" + name + "-file PATH) is required";
    return required ? std::nullopt : std::optional<std::string>(std::string());
}

// JSON text that survives pieces that end inside a UTF-8 sequence.
inline std::string dumpJson(const nlohmann::json &j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace lmwb::app
