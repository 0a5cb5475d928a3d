#pragma once
// Hugging Face GPT-2 directories in and out (DESIGN §4): config.json, model.safetensors in
// GPT-2's names and Conv1D layout, vocab.json + merges.txt.
//
//   if (isHfGpt2Directory(dir)) auto m = loadHfGpt2(dir);     // what LanguageModel::load does
//   importHfGpt2("gpt2/", "ckpt/");                 // our checkpoint (asRun: a run directory)
//   exportHfGpt2(*model, "out/");                   // loads in transformers' GPT2LMHeadModel
//
// Import: the tensors may carry a "transformer." prefix; Conv1D weights (c_attn, c_proj,
// c_fc) are stored [in, out] and are transposed to our Linear's [out, in]; the attention
// mask buffers (attn.bias, attn.masked_bias) are ignored; an lm_head.weight equal to wte is
// the tied head, a different one becomes an untied head. Unknown tensors, missing tensors,
// wrong shapes and config keys that are missing or describe another architecture are
// errors that name the file and the key.

#include "config/runconfig.h"
#include "model/languagemodel.h"
#include "util/result.h"

#include <string>

namespace lmwb::core {

// A directory with model.safetensors whose config.json is a Hugging Face config (top-level
// n_layer / model_type), not ours (a "model" section).
bool isHfGpt2Directory(const std::string &dir);

// The architecture a Hugging Face GPT-2 config.json describes (bias on; activation from
// activation_function; block_size from n_positions or n_ctx).
Result<ModelConfig> readHfGpt2Config(const std::string &configJsonPath);

// Loads a Hugging Face GPT-2 directory (weights read once, copied once into the model).
Result<LanguageModel> loadHfGpt2(const std::string &dir);

// Converts a Hugging Face GPT-2 directory into our checkpoint directory at out, or with
// asRun into a run directory (checkpoints/step-0, latest, config.json) that the run browser
// lists. Written to a temporary sibling and renamed into place; an existing non-empty out
// is refused (never replaced).
Status importHfGpt2(const std::string &hfDir, const std::string &out, bool asRun = false);

// Writes a GPT model in the Hugging Face layout: model.safetensors ("transformer."-prefixed
// names, Conv1D weights [in, out], zero biases for a model without bias), config.json
// (n_ctx, n_positions, ...), the tokenizer (vocab.json + merges.txt for byte-level BPE,
// tokenizer.model for sentencepiece, our files in lmwb_tokenizer/ for every kind) and a
// README.md on how to load it. An existing non-empty outDir is refused.
Status exportHfGpt2(const LanguageModel &model, const std::string &outDir);
// The same for a checkpoint or run directory.
Status exportHfGpt2(const std::string &ckpt, const std::string &outDir);

} // namespace lmwb::core
