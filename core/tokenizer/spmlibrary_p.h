#pragma once
// Internal to core/tokenizer: finds and opens liblmwb_spm.so (the sentencepiece shim) once
// per process, with dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) so that sentencepiece's
// embedded protobuf-lite and libtorch's libprotobuf never resolve to each other (DESIGN §6).
//
//   auto api = spmLibrary();
//   if (!api) return Error{api.error()};   // names every path tried
//   spm_model *m = (*api)->load(bytes, size, err, sizeof err);
//
// Search order: $LMWB_SPM_SHIM (alone, when set); <exe dir>/../lib/liblmwb_spm.so;
// <exe dir>/../lib/lmwb/liblmwb_spm.so; the install path; the build tree's path.

#include "tokenizer/spm/spmshim.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace lmwb::core {

struct SpmLibrary {
    std::string path;
    int (*shimVersion)();
    decltype(&spm_train) train;
    decltype(&spm_load) load;
    decltype(&spm_free) free;
    decltype(&spm_encode) encode;
    decltype(&spm_decode) decode;
    decltype(&spm_vocab_size) vocabSize;
    decltype(&spm_id_to_piece) idToPiece;
    decltype(&spm_piece_to_id) pieceToId;
    decltype(&spm_piece_type) pieceType;
};

Result<const SpmLibrary *> spmLibrary();

// The candidate paths in search order (for messages and tests).
std::vector<std::string> spmLibraryCandidates();

} // namespace lmwb::core
