#pragma once
// Internal to core/io/hfgpt2*.cpp: what the import and export halves share.

#include "util/result.h"

#include <string>

namespace lmwb::core {

// Hugging Face's GPT-2 uses Conv1D for c_attn, c_proj and c_fc: weight (in, out), the
// transpose of our Linear's (out, in).
bool isConv1DWeight(const std::string &name);
Status writeText(const std::string &path, const std::string &text);
// Never replace what is there: a folder that exists and is not empty is refused.
Status checkFreshOutput(const std::string &out);

} // namespace lmwb::core
