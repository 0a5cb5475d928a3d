// Export half of io/hfgpt2.h: our GPT in the Hugging Face GPT-2 layout.

#include "io/hfgpt2.h"

#include "io/checkpoint_p.h"
#include "io/hfgpt2_p.h"
#include "model/network_p.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace lmwb::core {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char *kExportReadme = R"(# GPT-2-layout export from LM Workbench

This folder is a Hugging Face GPT-2 model: `config.json` and `model.safetensors`
(`transformer.`-prefixed GPT-2 names, Conv1D weights stored [in, out]).

    from transformers import GPT2LMHeadModel
    model = GPT2LMHeadModel.from_pretrained("THIS_FOLDER")

Tokenizer:
%TOKENIZER%

`lmwb import-hf THIS_FOLDER --out CKPT` (or any `lmwb` command given this folder as CKPT)
reads it back with identical logits.
)";

std::string tokenizerNote(TokenizerKind kind)
{
    switch (kind) {
    case TokenizerKind::ByteBpe:
        return "byte-level BPE in GPT-2's format, `vocab.json` + `merges.txt`:\n\n"
               "    from transformers import GPT2TokenizerFast\n"
               "    tok = GPT2TokenizerFast(vocab_file=\"THIS_FOLDER/vocab.json\", merges_file=\"THIS_FOLDER/merges.txt\")\n\n"
               "No special token is added: the vocabulary is the one trained in LM Workbench.";
    case TokenizerKind::SpmBpe:
    case TokenizerKind::SpmUnigram:
        return "sentencepiece, `tokenizer.model`:\n\n"
               "    import sentencepiece as spm\n"
               "    sp = spm.SentencePieceProcessor(model_file=\"THIS_FOLDER/tokenizer.model\")\n"
               "    ids = sp.encode(text)   # the ids this model was trained on";
    case TokenizerKind::Char:
        return "character-level (nanoGPT's): `lmwb_tokenizer/tokenizer.json` lists the vocabulary; the\n"
               "id of a character is its index in that list (sorted code points). In Python:\n\n"
               "    import json\n"
               "    chars = json.load(open(\"THIS_FOLDER/lmwb_tokenizer/tokenizer.json\"))[\"chars\"]\n"
               "    stoi = {c: i for i, c in enumerate(chars)}\n"
               "    ids = [stoi[c] for c in text]";
    }
    return {};
}

} // namespace

Status exportHfGpt2(const LanguageModel &model, const std::string &outDir)
{
    const ModelConfig &mc = model.config();
    if (mc.arch != Arch::Gpt)
        return makeError("only GPT models can be exported in the GPT-2 layout (this one is an LSTM)");
    if (!model.tokenizer())
        return makeError("the model has no tokenizer to export");
    if (Status s = checkFreshOutput(outDir); !s)
        return s;
    try {
        torch::NoGradGuard noGrad;
        auto net = model.network();
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (auto &[name, p] : net->namedParameters()) {
            const std::string hfName = name == "lm_head.weight" ? name : "transformer." + name;
            tensors.emplace_back(hfName, isConv1DWeight(name) ? p.detach().t().contiguous() : p.detach());
            if (!mc.bias && name.size() > 7 && name.compare(name.size() - 7, 7, ".weight") == 0 && name != "wte.weight" &&
                name != "wpe.weight" && name != "lm_head.weight") {
                // Hugging Face's GPT-2 always has biases: a model without them exports zeros.
                tensors.emplace_back("transformer." + name.substr(0, name.size() - 7) + ".bias",
                                     torch::zeros({p.size(0)}, p.options())); // Linear (out, in), LayerNorm (C)
            }
        }
        json cfg = {{"architectures", {"GPT2LMHeadModel"}},
                    {"model_type", "gpt2"},
                    {"activation_function", mc.activation == "gelu_tanh" ? "gelu_new" : "gelu"},
                    {"n_layer", mc.nLayer},
                    {"n_head", mc.nHead},
                    {"n_embd", mc.nEmbd},
                    {"n_positions", mc.blockSize},
                    {"n_ctx", mc.blockSize},
                    {"n_inner", nullptr},
                    {"vocab_size", mc.vocabSize},
                    {"layer_norm_epsilon", 1e-5},
                    {"initializer_range", 0.02},
                    {"attn_pdrop", mc.dropout},
                    {"embd_pdrop", mc.dropout},
                    {"resid_pdrop", mc.dropout},
                    {"scale_attn_weights", true},
                    {"tie_word_embeddings", mc.tieEmbeddings},
                    {"torch_dtype", "float32"},
                    {"lmwb_bias", mc.bias}};
        const TokenizerPtr &tok = model.tokenizer();
        return writeDirectoryAtomically(outDir, [&](const std::string &tmp) -> Status {
            if (Status s = saveTensors(tmp + "/model.safetensors", tensors, {{"format", "pt"}}); !s)
                return s;
            if (Status s = writeText(tmp + "/config.json", cfg.dump(2) + "\n"); !s)
                return s;
            const std::string ours = tmp + "/lmwb_tokenizer";
            if (Status s = tok->save(ours); !s)
                return s;
            std::error_code ec;
            std::vector<std::string> copies;
            if (tok->kind() == TokenizerKind::ByteBpe)
                copies = {"vocab.json", "merges.txt"};
            else if (tok->kind() != TokenizerKind::Char)
                copies = {"tokenizer.model"};
            for (const auto &f : copies) {
                fs::copy_file(ours + "/" + f, tmp + "/" + f, ec);
                if (ec)
                    return makeError("cannot write " + tmp + "/" + f + ": " + ec.message());
            }
            std::string readme = kExportReadme;
            readme.replace(readme.find("%TOKENIZER%"), 11, tokenizerNote(tok->kind()));
            return writeText(tmp + "/README.md", readme);
        });
    } catch (const std::exception &e) {
        return makeError(std::string("export failed: ") + e.what());
    }
}

Status exportHfGpt2(const std::string &ckpt, const std::string &outDir)
{
    auto m = LanguageModel::load(ckpt);
    if (!m)
        return makeError(m.error());
    return exportHfGpt2(*m, outDir);
}

} // namespace lmwb::core
