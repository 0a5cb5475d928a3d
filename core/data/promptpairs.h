#pragma once
// Prompt/response pairs for fine-tuning, from JSONL: one JSON object a line, either
// {"prompt": ..., "completion": ...} or Alpaca's {"instruction": ..., "input": ..., "output": ...}.
//
//   Result<PromptPairs> p = readPromptPairs("pairs.jsonl");
//   for (auto &issue : p->issues) warn(issue.line, issue.message);   // the rest still loads
//   Result<PairExample> ex = encodePair(tok, p->pairs[0], blockSize);  // targets -1 on the prompt
//
// A line that is not valid JSON, not an object, or lacks its fields (or has them with
// non-string values) is reported with its 1-based line number and skipped; blank lines are
// ignored. Alpaca records become prompts through alpacaTemplate() (shown in the wizard).

#include "tokenizer/tokenizer.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmwb::core {

struct PromptPair {
    std::string prompt;     // the text the model is given (for Alpaca: the filled template)
    std::string completion; // the text it learns to produce
    int64_t line = 0;       // where it came from (1-based; 0 when made in code)
    std::string source;
};

struct JsonlIssue {
    int64_t line = 0;
    std::string message;
    std::string source;     // the file (or the source name given to parsePromptPairs)
};

struct PromptPairs {
    std::vector<PromptPair> pairs;
    std::vector<JsonlIssue> issues;
};

// Alpaca's template (Taori et al. 2023), with {instruction} and {input}; records without
// input use alpacaTemplateNoInput().
const std::string &alpacaTemplate();
const std::string &alpacaTemplateNoInput();

// How many of n pairs the validation split holds: the last round(n * valFraction), at least
// one when valFraction > 0 (the trainer, and the wizard's count, use this).
int64_t validationPairs(int64_t n, double valFraction);

// Parses JSONL text. Fails only when no line gives a pair (the message names the first issue).
Result<PromptPairs> parsePromptPairs(const std::string &jsonl, const std::string &source = "the JSONL");
Result<PromptPairs> readPromptPairs(const std::string &path);

// One training example: ids = prompt + completion tokens (cut to blockSize + 1), targets
// shifted by one with -1 wherever the next token belongs to the prompt, so the loss counts
// the response only. Fails when the prompt leaves no response token inside the context.
struct PairExample {
    std::vector<int32_t> input;   // (T)
    std::vector<int32_t> targets; // (T), -1 = ignored
};
Result<PairExample> encodePair(const Tokenizer &tokenizer, const PromptPair &pair, int blockSize);

} // namespace lmwb::core
