// Byte-level BPE training (Sennrich et al. 2016, "Neural Machine Translation of Rare
// Words with Subword Units", on GPT-2's byte alphabet).
//
// Words are the distinct pre-tokens with their counts. The counts of adjacent symbol
// pairs are kept up to date incrementally: a merge only visits the words that contain
// the merged pair (found through a pair -> words index) and only changes the counts of
// the pairs next to each occurrence. The best pair comes from a max-heap with lazy
// deletion: an entry whose count no longer matches the current count is stale.

#include "tokenizer/bytebpe.h"

#include "tokenizer/gpt2pretokenizer_p.h"
#include "util/utf8.h"

#include <algorithm>
#include <queue>
#include <string_view>
#include <unordered_map>

namespace lmwb::core {

namespace {

struct Word {
    std::vector<int32_t> symbols;
    int64_t count = 0;
};

struct Candidate {
    int64_t count;
    uint64_t pair;
};

int32_t leftOf(uint64_t pair) { return static_cast<int32_t>(pair >> 32); }
int32_t rightOf(uint64_t pair) { return static_cast<int32_t>(pair & 0xFFFFFFFFu); }

class Trainer {
public:
    // tokenBytes grows as merges are made; the heap's order reads it.
    explicit Trainer(const std::vector<std::string> &tokenBytes) : m_heap(Order{&tokenBytes}) {}

    void addWord(std::string_view bytes, int64_t count, const std::array<int32_t, 256> &byteId)
    {
        Word w;
        w.count = count;
        w.symbols.reserve(bytes.size());
        for (unsigned char b : bytes)
            w.symbols.push_back(byteId[b]);
        const auto index = static_cast<int32_t>(m_words.size());
        for (std::size_t i = 0; i + 1 < w.symbols.size(); ++i) {
            const uint64_t p = bpePairKey(w.symbols[i], w.symbols[i + 1]);
            m_pairCount[p] += count;
            auto &list = m_where[p];
            if (list.empty() || list.back() != index)
                list.push_back(index);
        }
        m_words.push_back(std::move(w));
    }

    void buildHeap()
    {
        for (const auto &[pair, count] : m_pairCount)
            m_heap.push({count, pair});
    }

    // The pair to merge next: highest count, ties to the lexicographically smallest
    // (left bytes, right bytes). False when no pair is left.
    bool best(uint64_t &pair)
    {
        while (!m_heap.empty()) {
            const Candidate top = m_heap.top();
            auto it = m_pairCount.find(top.pair);
            if (it == m_pairCount.end() || it->second != top.count || top.count <= 0) {
                m_heap.pop();
                continue;
            }
            pair = top.pair;
            return true;
        }
        return false;
    }

    // Replaces every occurrence of pair by the symbol merged and updates the counts.
    void merge(uint64_t pair, int32_t merged)
    {
        const int32_t a = leftOf(pair), b = rightOf(pair);
        auto node = m_where.extract(pair);
        m_pairCount.erase(pair);
        if (node.empty())
            return;
        std::vector<int32_t> &words = node.mapped();
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        m_touched.clear();
        for (int32_t index : words)
            mergeInWord(index, a, b, merged, pair);
        std::sort(m_touched.begin(), m_touched.end());
        m_touched.erase(std::unique(m_touched.begin(), m_touched.end()), m_touched.end());
        for (uint64_t p : m_touched) {
            if (p == pair)
                continue;
            auto it = m_pairCount.find(p);
            if (it == m_pairCount.end())
                continue;
            if (it->second > 0)
                m_heap.push({it->second, p});
            else
                m_pairCount.erase(it);
        }
    }

private:
    struct Order { // "less important than", for std::priority_queue (a max-heap)
        const std::vector<std::string> *bytes;
        bool operator()(const Candidate &x, const Candidate &y) const
        {
            if (x.count != y.count)
                return x.count < y.count;
            const std::string &xl = (*bytes)[leftOf(x.pair)], &yl = (*bytes)[leftOf(y.pair)];
            if (int c = xl.compare(yl); c != 0)
                return c > 0;
            return (*bytes)[rightOf(x.pair)] > (*bytes)[rightOf(y.pair)];
        }
    };

    void add(uint64_t p, int64_t delta, int32_t word)
    {
        m_pairCount[p] += delta;
        m_touched.push_back(p);
        if (delta > 0) {
            auto &list = m_where[p];
            if (list.empty() || list.back() != word)
                list.push_back(word);
        }
    }

    void mergeInWord(int32_t index, int32_t a, int32_t b, int32_t merged, uint64_t pair)
    {
        Word &w = m_words[index];
        std::vector<int32_t> &s = w.symbols;
        const std::size_t n = s.size();
        const int64_t f = w.count;
        std::size_t i = 0, j = 0; // read and write positions, in place
        while (i < n) {
            if (i + 1 < n && s[i] == a && s[i + 1] == b) {
                // The pairs around this occurrence change: (prev, a) -> (prev, merged) and
                // (b, next) -> (merged, next). prev is the symbol already written, which
                // may itself be a merge made a moment ago; its pair was counted then.
                if (j > 0) {
                    add(bpePairKey(s[j - 1], a), -f, index);
                    add(bpePairKey(s[j - 1], merged), f, index);
                }
                if (i + 2 < n) {
                    const uint64_t right = bpePairKey(b, s[i + 2]);
                    if (right != pair)
                        add(right, -f, index);
                    add(bpePairKey(merged, s[i + 2]), f, index);
                }
                s[j++] = merged;
                i += 2;
            } else {
                s[j++] = s[i++];
            }
        }
        s.resize(j);
    }

    std::vector<Word> m_words;
    std::unordered_map<uint64_t, int64_t> m_pairCount;
    std::unordered_map<uint64_t, std::vector<int32_t>> m_where; // may list words that lost the pair
    std::priority_queue<Candidate, std::vector<Candidate>, Order> m_heap;
    std::vector<uint64_t> m_touched;
};

} // namespace

Result<TokenizerPtr> ByteBpeTokenizer::train(std::string_view text, int32_t vocabSize,
                                             const ProgressFn &progress)
{
    if (vocabSize < 256)
        return makeError("vocab size " + std::to_string(vocabSize) +
                         " is too small for byte-level BPE: it needs the 256 byte tokens; use 256 or more");
    if (progress && !progress(0.0))
        return makeError("cancelled");
    auto pre = Gpt2PreTokenizer::instance();
    if (!pre)
        return Error{pre.error()};
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    if (Status s = (*pre)->split(text, spans); !s)
        return Error{s.error()};
    std::unordered_map<std::string_view, int64_t> wordCounts;
    wordCounts.reserve(spans.size() / 4 + 16);
    for (const auto &[begin, end] : spans)
        ++wordCounts[text.substr(begin, end - begin)];
    // Words in a fixed order so that everything downstream is deterministic.
    std::vector<std::pair<std::string_view, int64_t>> sorted(wordCounts.begin(), wordCounts.end());
    std::sort(sorted.begin(), sorted.end());

    const auto &order = byteTokenOrder();
    const auto &codePoint = byteToCodePoint();
    std::vector<std::string> tokens(256), tokenBytes(256);
    std::array<int32_t, 256> byteId{};
    for (int id = 0; id < 256; ++id) {
        const uint8_t b = order[id];
        appendUtf8(tokens[id], codePoint[b]);
        tokenBytes[id] = std::string(1, static_cast<char>(b));
        byteId[b] = id;
    }
    std::unordered_map<std::string, int32_t> idOfBytes;
    for (int id = 0; id < 256; ++id)
        idOfBytes.emplace(tokenBytes[id], id);

    Trainer trainer(tokenBytes);
    for (const auto &[word, count] : sorted)
        trainer.addWord(word, count, byteId);
    trainer.buildHeap();

    std::vector<Merge> merges;
    const int32_t wanted = vocabSize - 256;
    const int32_t reportEvery = std::max(1, wanted / 200);
    while (static_cast<int32_t>(tokens.size()) < vocabSize) {
        uint64_t pair = 0;
        if (!trainer.best(pair))
            return makeError("vocab size " + std::to_string(vocabSize) + " is more than this text can give: " +
                             "byte-level BPE ran out of pairs to merge at " + std::to_string(tokens.size()) +
                             " tokens; use a vocab size of at most " + std::to_string(tokens.size()) +
                             " or train on more text");
        const int32_t left = static_cast<int32_t>(pair >> 32), right = static_cast<int32_t>(pair & 0xFFFFFFFFu);
        std::string bytes = tokenBytes[left] + tokenBytes[right];
        // Different merge orders can spell the same bytes ("a"+"bc", "ab"+"c"); such a
        // merge reuses the token, as vocab.json cannot hold a string twice.
        auto [it, isNew] = idOfBytes.emplace(bytes, static_cast<int32_t>(tokens.size()));
        if (isNew) {
            tokens.push_back(tokens[left] + tokens[right]);
            tokenBytes.push_back(std::move(bytes));
        }
        merges.push_back({left, right, it->second});
        trainer.merge(pair, it->second);
        const auto done = static_cast<int32_t>(tokens.size()) - 256;
        if (progress && merges.size() % static_cast<std::size_t>(reportEvery) == 0 && !progress(double(done) / wanted))
            return makeError("cancelled");
    }
    if (progress && !progress(1.0))
        return makeError("cancelled");
    auto tok = create(std::move(tokens), std::move(merges));
    if (!tok)
        return Error{tok.error()};
    return TokenizerPtr(std::move(tok.value()));
}

} // namespace lmwb::core
