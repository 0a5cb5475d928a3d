#include "data/promptpairs.h"

#include "data/corpus.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace lmwb::core {

using nlohmann::json;

const std::string &alpacaTemplate()
{
    static const std::string t = "Below is an instruction that describes a task, paired with an input that provides "
                                 "further context. Write a response that appropriately completes the request.\n\n"
                                 "### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:\n";
    return t;
}

const std::string &alpacaTemplateNoInput()
{
    static const std::string t = "Below is an instruction that describes a task. Write a response that appropriately "
                                 "completes the request.\n\n### Instruction:\n{instruction}\n\n### Response:\n";
    return t;
}

namespace {

std::string fill(std::string t, const std::string &key, const std::string &value)
{
    const std::string mark = "{" + key + "}";
    if (auto at = t.find(mark); at != std::string::npos)
        t.replace(at, mark.size(), value);
    return t;
}

// The string field key of o, or an error naming it.
Result<std::string> field(const json &o, const char *key)
{
    auto it = o.find(key);
    if (it == o.end())
        return makeError(std::string("no \"") + key + "\" field");
    if (!it->is_string())
        return makeError(std::string("\"") + key + "\" must be a string, got " + it->dump());
    return it->get<std::string>();
}

Result<PromptPair> pairOf(const json &o)
{
    if (o.contains("prompt") || o.contains("completion")) {
        auto p = field(o, "prompt");
        if (!p)
            return makeError(p.error());
        auto c = field(o, "completion");
        if (!c)
            return makeError(c.error());
        return PromptPair{*p, *c, 0, {}};
    }
    if (o.contains("instruction") || o.contains("output")) {
        auto ins = field(o, "instruction");
        if (!ins)
            return makeError(ins.error());
        auto out = field(o, "output");
        if (!out)
            return makeError(out.error());
        std::string input;
        if (o.contains("input")) {
            auto in = field(o, "input");
            if (!in)
                return makeError(in.error());
            input = *in;
        }
        std::string prompt = input.empty() ? fill(alpacaTemplateNoInput(), "instruction", *ins)
                                           : fill(fill(alpacaTemplate(), "instruction", *ins), "input", input);
        return PromptPair{prompt, *out, 0, {}};
    }
    return makeError("expected {\"prompt\", \"completion\"} or {\"instruction\", \"input\", \"output\"}");
}

} // namespace

int64_t validationPairs(int64_t n, double valFraction)
{
    if (valFraction <= 0 || n <= 0)
        return 0;
    return std::max<int64_t>(1, std::llround(static_cast<double>(n) * valFraction));
}

Result<PromptPairs> parsePromptPairs(const std::string &text, const std::string &source)
{
    PromptPairs out;
    std::size_t pos = 0;
    int64_t line = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string l = text.substr(pos, end - pos);
        pos = end + 1;
        ++line;
        if (!l.empty() && l.back() == '\r')
            l.pop_back();
        if (l.find_first_not_of(" \t") == std::string::npos)
            continue;
        json j = json::parse(l, nullptr, false);
        if (j.is_discarded()) {
            out.issues.push_back({line, "not valid JSON", source});
            continue;
        }
        if (!j.is_object()) {
            out.issues.push_back({line, "not a JSON object", source});
            continue;
        }
        auto p = pairOf(j);
        if (!p) {
            out.issues.push_back({line, p.error(), source});
            continue;
        }
        p->line = line;
        p->source = source;
        out.pairs.push_back(std::move(*p));
    }
    if (out.pairs.empty()) {
        if (out.issues.empty())
            return makeError(source + " has no prompt/response pairs");
        return makeError(source + " has no usable pair; line " + std::to_string(out.issues[0].line) + ": " +
                         out.issues[0].message);
    }
    return out;
}

Result<PromptPairs> readPromptPairs(const std::string &path)
{
    auto text = readUtf8File(path); // names the offset of a byte that is not UTF-8
    if (!text)
        return makeError(text.error());
    return parsePromptPairs(*text, path);
}

Result<PairExample> encodePair(const Tokenizer &tok, const PromptPair &pair, int blockSize)
{
    auto p = tok.encode(pair.prompt);
    if (!p)
        return makeError("prompt: " + p.error());
    auto c = tok.encode(pair.completion);
    if (!c)
        return makeError("completion: " + c.error());
    if (c->ids.empty())
        return makeError("the completion is empty");
    std::vector<int32_t> all = p->ids;
    all.insert(all.end(), c->ids.begin(), c->ids.end());
    const std::size_t promptLen = p->ids.size();
    if (all.size() > static_cast<std::size_t>(blockSize) + 1)
        all.resize(static_cast<std::size_t>(blockSize) + 1);
    if (all.size() <= promptLen || all.size() < 2)
        return makeError("the prompt (" + std::to_string(promptLen) + " tokens) leaves no response token inside the " +
                         "context of " + std::to_string(blockSize));
    PairExample ex;
    ex.input.assign(all.begin(), all.end() - 1);
    ex.targets.assign(all.begin() + 1, all.end());
    // target t predicts token t + 1: a prompt token when t + 1 < promptLen
    for (std::size_t t = 0; t < ex.targets.size() && t + 1 < promptLen; ++t)
        ex.targets[t] = -1;
    return ex;
}

} // namespace lmwb::core
