#pragma once
// From a model and a prompt to an AttentionSnapshot, the one conversion the attention
// worker, the Session's live probe and `lmwb attention` share. Torch-free (core's public
// LanguageModel). Call it on the thread that owns the model.
//
//   widgets::AttentionSnapshot s = captureAttention(model, "To be, or not", model.step());
//   if (!s.error.isEmpty()) show(s.error);

#include "attentiontypes.h"

#include "model/languagemodel.h"

#include <string>
#include <vector>

namespace lmwb::app {

// The snapshot of maps computed for ids (pieces from the model's tokenizer).
widgets::AttentionSnapshot snapshotFromMaps(const core::AttentionMaps &maps, const core::Tokenizer &tokenizer,
                                            const std::vector<int32_t> &ids);

// Encodes prompt, keeps the first block_size tokens (and says so in the note), and
// captures every layer and head. Failures (an LSTM, an empty prompt) come back in error.
widgets::AttentionSnapshot captureAttention(const core::LanguageModel &model, const std::string &prompt, qint64 step);

} // namespace lmwb::app
