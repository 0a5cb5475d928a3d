#pragma once
// A look inside one forward pass, for teaching: the blocks of the loaded model with their
// parameters and the activations of a prompt, one attention row recomputed step by step
// from the weights, and the logit lens (each layer's residual stream read through ln_f and
// the unembedding).
//
//   Result<ModelAnatomy> a = inspectModel(model, ids, /*token=*/3);   // a->blocks[i].parameters
//   Result<AttentionTrace> t = traceAttention(model, ids, layer, head, query);  // t->probs
//   Result<LogitLens> lens = logitLens(model, ids, position, /*topK=*/5);
//
// Plain value types, no torch. Call from the thread that owns the model (the TeachWorker).

#include "model/languagemodel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmwb::core {

struct TensorShape {
    std::string name;            // "h.0.attn.c_attn.weight"
    std::vector<int64_t> shape;  // (3C, C)
    int64_t numel() const;
};

struct WeightHistogram {
    float min = 0.0f, max = 0.0f;
    std::vector<int64_t> counts; // equal-width bins over [min, max]
};

// One box of the data-flow diagram. The blocks of a model, in order, follow the data:
// GPT: tokens, wte, wpe, embed (sum), then per layer h.i.ln_1, h.i.attn, h.i.add_1,
// h.i.ln_2, h.i.mlp, h.i.add_2, then ln_f, lm_head, softmax.
// LSTM: tokens, wte, lstm.i per layer, ln_f, lm_head, softmax.
struct BlockInfo {
    std::string name;      // "h.0.attn"
    std::string kind;      // tokens, embedding, position, add, layernorm, attention, mlp, lstm, unembedding, softmax
    int layer = -1;        // the transformer / LSTM layer, -1 outside the stack
    int64_t parameters = 0; // parameters owned by this block (lm_head is tied to wte: 0)
    std::vector<TensorShape> params;
    std::vector<int64_t> activationShape; // the block's output for the prompt, e.g. (T, C)
    WeightHistogram weights;               // all of the block's weights together
    std::vector<float> activation;         // the output vector at the selected token
    std::string note;                      // "tied to wte", ...
};

struct ModelAnatomy {
    ModelConfig config;
    int64_t parameterCount = 0;      // the model's own count (sum of blocks[i].parameters)
    std::vector<std::string> tokens; // the prompt's pieces
    int selectedToken = 0;
    std::vector<BlockInfo> blocks;
};

// ids: the prompt (as for LanguageModel::logits); selectedToken in [0, T).
Result<ModelAnatomy> inspectModel(const LanguageModel &model, const std::vector<int32_t> &ids, int selectedToken,
                                  int histogramBins = 40);

// One row of one head's attention, recomputed from the weights: q = ln_1(x) W_q, k, v for
// every key, scores q.k, scaled by 1/sqrt(d_k), the causal mask, the softmax and the
// weighted sum of the values; plus MultiHead = Concat(head_1..head_h) W^O and the MLP of
// the same layer at the same token.
struct AttentionTrace {
    int layer = 0, head = 0, query = 0;
    int headSize = 0;          // d_k
    double scale = 1.0;        // 1 / sqrt(d_k)
    std::vector<std::string> tokens;
    std::vector<float> q;                 // (d_k)
    std::vector<std::vector<float>> k, v; // (T, d_k)
    std::vector<float> scores;            // (T) q.k_j
    std::vector<float> scaled;            // (T) scores * scale
    std::vector<float> masked;            // (T) -inf for keys after the query
    std::vector<float> probs;             // (T) softmax(masked)
    std::vector<float> output;            // (d_k) sum_j probs_j v_j
    std::vector<float> captured;          // (T) the model's own attention row (LanguageModel::attention)
    std::vector<float> concat;            // (C) every head's output at the query, concatenated
    std::vector<float> projected;         // (C) concat W^O (+ b), the attention block's output
    std::vector<float> mlpIn;             // (C) ln_2 at the query
    std::vector<float> mlpHidden;         // (4C) c_fc, before GELU
    std::vector<float> mlpActivated;      // (4C) GELU
    std::vector<float> mlpOut;            // (C) c_proj
};

Result<AttentionTrace> traceAttention(const LanguageModel &model, const std::vector<int32_t> &ids, int layer, int head,
                                      int query);

struct LensStep {
    std::string name;                   // "embeddings", "h.0", ..., the residual stream after it
    std::vector<int32_t> topIds;
    std::vector<std::string> topPieces;
    std::vector<float> topProbs;
    std::vector<float> probs;           // (V) the whole distribution
};

struct LogitLens {
    int position = 0;                   // the token whose next token is read
    std::vector<std::string> tokens;
    std::vector<LensStep> steps;        // embeddings, then one per layer (the last = the model's output)
};

// GPT only.
Result<LogitLens> logitLens(const LanguageModel &model, const std::vector<int32_t> &ids, int position, int topK = 5);

} // namespace lmwb::core
