#pragma once
// Shared by the training tests: twenty prompt/response pairs a tiny model can learn, and a
// run directory's metrics and files read back for bitwise comparisons.

#include "data/promptpairs.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace lmwb::testing {

// "say cat 1:" -> " cat.", ... "say owl 4:" -> " owl owl owl owl.": five words, 1..4 times.
inline std::vector<core::PromptPair> twentyPairs()
{
    std::vector<core::PromptPair> out;
    const std::string words[] = {"cat", "dog", "sun", "sea", "owl"};
    for (int i = 0; i < 20; ++i) {
        const std::string w = words[i % 5];
        const int n = 1 + i / 5;
        std::string c;
        for (int k = 0; k < n; ++k)
            c += (k ? " " : "") + w;
        out.push_back({"say " + w + " " + std::to_string(n) + ":", " " + c + ".", 0, {}});
    }
    return out;
}

// metrics.jsonl without the wall-clock fields, which differ between any two runs.
inline std::vector<nlohmann::json> metricsWithoutTimes(const std::string &run)
{
    std::vector<nlohmann::json> out;
    std::ifstream in(run + "/metrics.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        j.erase("ms_per_step");
        j.erase("tokens_per_second");
        out.push_back(j);
    }
    return out;
}

inline std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace lmwb::testing
