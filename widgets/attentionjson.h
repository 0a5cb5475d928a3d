#pragma once
// The one writer of the attention document that `lmwb attention --json` prints and the
// Attention tab exports:
//   {"tokens": [piece bytes...], "ids": [...], "n_layer": L, "n_head": H,
//    "attention": [L][H][T query][T key]}
// Torch-free; pieces that end inside a UTF-8 sequence are written with U+FFFD.

#include "attentiontypes.h"

#include <string>

namespace lmwb::widgets {

std::string attentionJson(const AttentionSnapshot &snapshot);

} // namespace lmwb::widgets
