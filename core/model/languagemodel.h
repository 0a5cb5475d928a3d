#pragma once
// A trained or freshly initialised model with its tokenizer, behind plain value types.
//
//   Result<LanguageModel> m = LanguageModel::load("runs/shakespeare");   // run or checkpoint dir
//   Result<Logits> out = m->logits(ids);            // out->at(t, v)
//   Result<AttentionMaps> att = m->attention(ids);  // att->at(layer, head, query, key)
//
// All tensor work happens inside; nothing here includes torch. Not thread-safe: use one
// LanguageModel from one thread (the Session's worker).

#include "config/runconfig.h"
#include "tokenizer/tokenizer.h"
#include "util/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lmwb::core {

class Network;

struct Logits {
    int64_t T = 0, V = 0;
    std::vector<float> values; // row-major (T, V)
    float at(int64_t t, int64_t v) const { return values[static_cast<std::size_t>(t * V + v)]; }
    std::vector<float> row(int64_t t) const
    {
        return {values.begin() + t * V, values.begin() + (t + 1) * V};
    }
};

struct AttentionMaps {
    int nLayer = 0, nHead = 0;
    int64_t T = 0;
    std::vector<float> values; // (nLayer, nHead, T, T), row = query, column = key
    float at(int l, int h, int64_t q, int64_t k) const
    {
        return values[static_cast<std::size_t>(((static_cast<int64_t>(l) * nHead + h) * T + q) * T + k)];
    }
};

class LanguageModel {
public:
    // A new model with GPT-2 initialisation (config.vocabSize must be set).
    static Result<LanguageModel> create(const ModelConfig &config, uint64_t seed, TokenizerPtr tokenizer = {});
    // A checkpoint directory, a run directory (its latest checkpoint) or a Hugging Face
    // GPT-2 directory (config.json, model.safetensors, vocab.json + merges.txt).
    static Result<LanguageModel> load(const std::string &path);

    const ModelConfig &config() const;
    const TokenizerPtr &tokenizer() const;
    const std::string &checkpointDir() const; // empty for a new model
    int64_t step() const;                     // the training step of the checkpoint
    int64_t parameterCount(bool includePositions = true) const;

    // ids must be non-empty, < vocabSize, and at most block_size long for GPT.
    Result<Logits> logits(const std::vector<int32_t> &ids) const;
    // GPT only: the attention probabilities of every layer and head.
    Result<AttentionMaps> attention(const std::vector<int32_t> &ids) const;

    std::shared_ptr<Network> network() const; // for core's own use (trainer, generator)

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

// The checkpoint directory that a path names: itself when it holds model.safetensors,
// else a run directory's latest checkpoint. The error says what is missing.
Result<std::string> resolveCheckpointDir(const std::string &path);

} // namespace lmwb::core
