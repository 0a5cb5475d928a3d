#include "model/introspection.h"

#include "model/network_p.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace lmwb::core {

int64_t TensorShape::numel() const
{
    int64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

namespace {

std::vector<float> toVector(const torch::Tensor &t)
{
    auto c = t.detach().to(torch::kFloat32).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

std::vector<int64_t> shapeOf(const torch::Tensor &t, bool dropBatch)
{
    auto s = t.sizes().vec();
    if (dropBatch && !s.empty())
        s.erase(s.begin());
    return s;
}

Status checkInput(const LanguageModel &model, const std::vector<int32_t> &ids)
{
    return checkModelInput(ids, model.config(), "the prompt");
}

torch::Tensor idsTensor(const std::vector<int32_t> &ids)
{
    return torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong).unsqueeze(0); // (1, T)
}

std::vector<std::string> pieces(const LanguageModel &model, const std::vector<int32_t> &ids)
{
    std::vector<std::string> out;
    for (auto id : ids)
        out.push_back(model.tokenizer() ? model.tokenizer()->piece(id) : std::to_string(id));
    return out;
}

// The block a parameter belongs to, from its GPT-2 / LSTM name; empty when unknown.
std::string blockOf(const std::string &param, Arch arch)
{
    auto starts = [&](const char *p) { return param.rfind(p, 0) == 0; };
    if (starts("wte.") || starts("wpe.") || starts("ln_f.") || starts("lm_head."))
        return param.substr(0, param.find('.'));
    if (arch == Arch::Gpt && starts("h.")) {
        // h.<i>.<ln_1|attn|ln_2|mlp>.…
        const auto second = param.find('.', 2);
        const auto third = param.find('.', second + 1);
        if (second == std::string::npos || third == std::string::npos)
            return {};
        return param.substr(0, third);
    }
    if (arch == Arch::Lstm && starts("lstm.")) {
        const auto l = param.rfind("_l");
        if (l == std::string::npos)
            return {};
        return "lstm." + param.substr(l + 2);
    }
    return {};
}

WeightHistogram histogram(const std::vector<torch::Tensor> &params, int bins)
{
    WeightHistogram h;
    if (params.empty())
        return h;
    std::vector<torch::Tensor> flat;
    for (const auto &p : params)
        flat.push_back(p.detach().to(torch::kFloat32).reshape({-1}));
    auto all = torch::cat(flat);
    h.min = all.min().item<float>();
    h.max = all.max().item<float>();
    h.counts.assign(static_cast<std::size_t>(std::max(bins, 1)), 0);
    const float width = (h.max - h.min) / static_cast<float>(h.counts.size());
    auto values = toVector(all);
    for (float v : values) {
        std::size_t b = width > 0 ? static_cast<std::size_t>((v - h.min) / width) : 0;
        h.counts[std::min(b, h.counts.size() - 1)]++;
    }
    return h;
}

// The residual stream of a GPT, block by block: calls emit(name, kind, layer, output (1, T, ·)).
template <typename Emit>
torch::Tensor gptForward(GPTImpl &g, const torch::Tensor &idx, Emit &&emit)
{
    const int64_t T = idx.size(1);
    auto tok = g.wte(idx);                                      // (1, T, C)
    auto pos = g.wpe(torch::arange(T, torch::kLong)).unsqueeze(0); // (1, T, C)
    emit("wte", "embedding", -1, tok);
    emit("wpe", "position", -1, pos);
    auto x = tok + pos;
    emit("embed", "add", -1, x);
    for (size_t i = 0; i < g.h->size(); ++i) {
        auto b = g.h->ptr<BlockImpl>(i);
        const int layer = static_cast<int>(i);
        const std::string p = "h." + std::to_string(i) + ".";
        auto a = b->ln_1(x);
        emit(p + "ln_1", "layernorm", layer, a);
        auto att = b->attn->forward(a, nullptr, nullptr);
        emit(p + "attn", "attention", layer, att);
        x = x + att;
        emit(p + "add_1", "add", layer, x);
        auto m = b->ln_2(x);
        emit(p + "ln_2", "layernorm", layer, m);
        auto mo = b->mlp(m);
        emit(p + "mlp", "mlp", layer, mo);
        x = x + mo;
        emit(p + "add_2", "add", layer, x);
    }
    auto f = g.ln_f(x);
    emit("ln_f", "layernorm", -1, f);
    auto logits = torch::matmul(f, g.wte->weight.t()); // tied lm_head: (1, T, V)
    emit("lm_head", "unembedding", -1, logits);
    return logits;
}

// The LSTM layer by layer, written out from the gate equations (Hochreiter & Schmidhuber
// 1997; PyTorch's gate order i, f, g, o) so each layer's output can be shown.
template <typename Emit>
torch::Tensor lstmForward(LSTMLMImpl &m, const torch::Tensor &idx, Emit &&emit)
{
    auto x = m.wte(idx); // (1, T, C)
    emit("wte", "embedding", -1, x);
    auto params = m.lstm->named_parameters();
    const int64_t T = idx.size(1), H = m.config.nEmbd;
    for (int l = 0; l < m.config.nLayer; ++l) {
        const std::string s = std::to_string(l);
        auto wih = params["weight_ih_l" + s], whh = params["weight_hh_l" + s];
        auto bih = params["bias_ih_l" + s], bhh = params["bias_hh_l" + s];
        auto h = torch::zeros({H}), c = torch::zeros({H});
        std::vector<torch::Tensor> outs;
        for (int64_t t = 0; t < T; ++t) {
            auto gates = torch::mv(wih, x[0][t]) + bih + torch::mv(whh, h) + bhh; // (4H)
            auto ch = gates.chunk(4);
            auto i = torch::sigmoid(ch[0]), f = torch::sigmoid(ch[1]);
            auto g = torch::tanh(ch[2]), o = torch::sigmoid(ch[3]);
            c = f * c + i * g;
            h = o * torch::tanh(c);
            outs.push_back(h);
        }
        x = torch::stack(outs).unsqueeze(0); // (1, T, H)
        emit("lstm." + s, "lstm", l, x);
    }
    auto f = m.ln_f(x);
    emit("ln_f", "layernorm", -1, f);
    auto logits = m.lm_head(f);
    emit("lm_head", "unembedding", -1, logits);
    return logits;
}

} // namespace

Result<ModelAnatomy> inspectModel(const LanguageModel &model, const std::vector<int32_t> &ids, int selectedToken,
                                  int histogramBins)
{
    if (Status s = checkInput(model, ids); !s)
        return makeError(s.error());
    const int64_t T = static_cast<int64_t>(ids.size());
    if (selectedToken < 0 || selectedToken >= T)
        return makeError("token " + std::to_string(selectedToken) + " is not in the prompt of " + std::to_string(T) +
                         " tokens");
    try {
        torch::NoGradGuard noGrad;
        auto net = model.network();
        net->module().eval();
        const Arch arch = net->config().arch;

        ModelAnatomy a;
        a.config = net->config();
        a.parameterCount = net->parameterCount();
        a.tokens = pieces(model, ids);
        a.selectedToken = selectedToken;

        BlockInfo tokens;
        tokens.name = "tokens";
        tokens.kind = "tokens";
        tokens.activationShape = {T};
        tokens.activation = {static_cast<float>(ids[static_cast<std::size_t>(selectedToken)])};
        a.blocks.push_back(tokens);

        auto emit = [&](const std::string &name, const char *kind, int layer, const torch::Tensor &out) {
            BlockInfo b;
            b.name = name;
            b.kind = kind;
            b.layer = layer;
            b.activationShape = shapeOf(out, true);
            b.activation = toVector(out[0][selectedToken]);
            a.blocks.push_back(std::move(b));
        };
        auto idx = idsTensor(ids);
        torch::Tensor logits =
            arch == Arch::Gpt ? gptForward(*net->gpt, idx, emit) : lstmForward(*net->lstm, idx, emit);
        BlockInfo soft;
        soft.name = "softmax";
        soft.kind = "softmax";
        soft.activationShape = shapeOf(logits, true);
        soft.activation = toVector(torch::softmax(logits[0][selectedToken], -1));
        a.blocks.push_back(soft);

        // Each parameter to its block; every one must land somewhere, so the blocks sum to the total.
        std::map<std::string, std::vector<torch::Tensor>> owned;
        for (auto &[name, p] : net->namedParameters()) {
            const std::string block = blockOf(name, arch);
            auto it = std::find_if(a.blocks.begin(), a.blocks.end(), [&](const BlockInfo &b) { return b.name == block; });
            if (it == a.blocks.end())
                return makeError("parameter " + name + " belongs to no block of the diagram");
            it->params.push_back({name, p.sizes().vec()});
            it->parameters += p.numel();
            owned[block].push_back(p);
        }
        for (auto &b : a.blocks) {
            b.weights = histogram(owned[b.name], histogramBins);
            if (arch == Arch::Gpt && b.name == "lm_head")
                b.note = "tied to wte";
        }
        return a;
    } catch (const std::exception &e) {
        return makeError(std::string("cannot inspect the model: ") + e.what());
    }
}

Result<AttentionTrace> traceAttention(const LanguageModel &model, const std::vector<int32_t> &ids, int layer, int head,
                                      int query)
{
    const auto &c = model.config();
    if (c.arch != Arch::Gpt)
        return makeError("an LSTM has no attention to trace");
    if (Status s = checkInput(model, ids); !s)
        return makeError(s.error());
    const int64_t T = static_cast<int64_t>(ids.size());
    if (layer < 0 || layer >= c.nLayer)
        return makeError("layer " + std::to_string(layer) + " does not exist; the model has " +
                         std::to_string(c.nLayer));
    if (head < 0 || head >= c.nHead)
        return makeError("head " + std::to_string(head) + " does not exist; the model has " + std::to_string(c.nHead));
    if (query < 0 || query >= T)
        return makeError("token " + std::to_string(query) + " is not in the prompt of " + std::to_string(T) + " tokens");
    try {
        torch::NoGradGuard noGrad;
        auto net = model.network();
        net->module().eval();
        auto &g = *net->gpt;
        const int64_t C = c.nEmbd, hs = C / c.nHead;

        // The residual stream entering the layer.
        auto x = g.wte(idsTensor(ids)) + g.wpe(torch::arange(T, torch::kLong)).unsqueeze(0); // (1, T, C)
        for (int i = 0; i < layer; ++i)
            x = g.h->ptr<BlockImpl>(static_cast<size_t>(i))->forward(x, nullptr, nullptr);
        auto b = g.h->ptr<BlockImpl>(static_cast<size_t>(layer));
        auto a = b->ln_1(x)[0];                 // (T, C)
        auto qkv = b->attn->c_attn(a);          // (T, 3C)
        auto Q = qkv.narrow(1, 0, C);     // (T, C) each
        auto K = qkv.narrow(1, C, C);
        auto V = qkv.narrow(1, 2 * C, C);

        AttentionTrace tr;
        tr.layer = layer;
        tr.head = head;
        tr.query = query;
        tr.headSize = static_cast<int>(hs);
        tr.scale = 1.0 / std::sqrt(static_cast<double>(hs));
        tr.tokens = pieces(model, ids);

        // One head's row: softmax(q k^T / sqrt(d_k)) with keys after the query masked, then . V.
        auto headRow = [&](int64_t h, AttentionTrace *out) {
            auto q = Q[query].narrow(0, h * hs, hs);  // (hs)
            auto k = K.narrow(1, h * hs, hs);         // (T, hs)
            auto v = V.narrow(1, h * hs, hs);         // (T, hs)
            auto scores = torch::mv(k, q);            // (T)
            auto scaled = scores * tr.scale;
            auto masked = scaled.clone();
            if (query + 1 < T)
                masked.narrow(0, query + 1, T - query - 1).fill_(-std::numeric_limits<float>::infinity());
            auto probs = torch::softmax(masked, 0);
            auto y = torch::mv(v.t(), probs);         // (hs)
            if (out) {
                out->q = toVector(q);
                for (int64_t j = 0; j < T; ++j) {
                    out->k.push_back(toVector(k[j]));
                    out->v.push_back(toVector(v[j]));
                }
                out->scores = toVector(scores);
                out->scaled = toVector(scaled);
                out->masked = toVector(masked);
                out->probs = toVector(probs);
                out->output = toVector(y);
            }
            return y;
        };
        std::vector<torch::Tensor> heads;
        for (int64_t h = 0; h < c.nHead; ++h)
            heads.push_back(headRow(h, h == head ? &tr : nullptr));
        auto concat = torch::cat(heads);             // (C)
        auto projected = b->attn->c_proj(concat);     // (C)
        tr.concat = toVector(concat);
        tr.projected = toVector(projected);

        // The same layer's MLP at the same token, on the stream after the attention's residual add.
        auto x1 = x + b->attn->forward(b->ln_1(x), nullptr, nullptr);
        auto m = b->ln_2(x1)[0][query];               // (C)
        auto hidden = b->mlp->c_fc(m);                // (4C)
        auto act = torch::gelu(hidden);
        tr.mlpIn = toVector(m);
        tr.mlpHidden = toVector(hidden);
        tr.mlpActivated = toVector(act);
        tr.mlpOut = toVector(b->mlp->c_proj(act));

        auto captured = model.attention(ids);
        if (!captured)
            return makeError(captured.error());
        for (int64_t j = 0; j < T; ++j)
            tr.captured.push_back(captured->at(layer, head, query, j));
        return tr;
    } catch (const std::exception &e) {
        return makeError(std::string("cannot trace the attention: ") + e.what());
    }
}

Result<LogitLens> logitLens(const LanguageModel &model, const std::vector<int32_t> &ids, int position, int topK)
{
    const auto &c = model.config();
    if (c.arch != Arch::Gpt)
        return makeError("the logit lens reads a transformer's residual stream; an LSTM has none");
    if (Status s = checkInput(model, ids); !s)
        return makeError(s.error());
    const int64_t T = static_cast<int64_t>(ids.size());
    if (position < 0 || position >= T)
        return makeError("token " + std::to_string(position) + " is not in the prompt of " + std::to_string(T) +
                         " tokens");
    if (topK < 1)
        return makeError("the logit lens needs at least one top token");
    try {
        torch::NoGradGuard noGrad;
        auto net = model.network();
        net->module().eval();
        auto &g = *net->gpt;
        LogitLens lens;
        lens.position = position;
        lens.tokens = pieces(model, ids);
        auto read = [&](const std::string &name, const torch::Tensor &stream) {
            // The residual stream at this depth, read as if it were the last layer's.
            auto logits = torch::matmul(g.ln_f(stream[0][position]), g.wte->weight.t()); // (V)
            auto probs = torch::softmax(logits, -1);
            auto top = probs.topk(std::min<int64_t>(topK, probs.size(0)));
            LensStep s;
            s.name = name;
            s.probs = toVector(probs);
            s.topProbs = toVector(std::get<0>(top));
            auto idsTop = std::get<1>(top);
            for (int64_t i = 0; i < idsTop.size(0); ++i) {
                const auto id = static_cast<int32_t>(idsTop[i].item<int64_t>());
                s.topIds.push_back(id);
                s.topPieces.push_back(model.tokenizer() ? model.tokenizer()->piece(id) : std::to_string(id));
            }
            lens.steps.push_back(std::move(s));
        };
        auto x = g.wte(idsTensor(ids)) + g.wpe(torch::arange(T, torch::kLong)).unsqueeze(0);
        read("embeddings", x);
        for (size_t i = 0; i < g.h->size(); ++i) {
            x = g.h->ptr<BlockImpl>(i)->forward(x, nullptr, nullptr);
            read("h." + std::to_string(i), x);
        }
        return lens;
    } catch (const std::exception &e) {
        return makeError(std::string("cannot compute the logit lens: ") + e.what());
    }
}

} // namespace lmwb::core
