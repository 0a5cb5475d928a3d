#pragma once
// Plain C interface of liblmwb_spm.so, the only library that links sentencepiece.
// lmwb_base opens it with dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) so that the
// protobuf-lite inside libsentencepiece never meets libtorch's libprotobuf (DESIGN §6).
//
//   char err[512];
//   spm_model *m = spm_load(bytes, size, err, sizeof err);   // serialized ModelProto
//   spm_encode(m, text, len, ids, begins, ends, cap, &n, err, sizeof err);
//   spm_free(m);
//
// Only plain types cross this boundary. Functions returning int give 0 on success and
// write a NUL-terminated message into err (truncated to errLen) on failure. Strings come
// back through a sink callback that must copy the bytes before returning.

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define LMWB_SPM_API __attribute__((visibility("default")))
#else
#define LMWB_SPM_API
#endif

#define LMWB_SPM_SHIM_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

typedef struct spm_model spm_model;
typedef void (*spm_sink)(void *ctx, const char *data, size_t len);

enum spm_piece_kind {
    SPM_PIECE_NORMAL = 0,
    SPM_PIECE_UNKNOWN = 1,
    SPM_PIECE_CONTROL = 2,
    SPM_PIECE_USER_DEFINED = 3,
    SPM_PIECE_BYTE = 4,
    SPM_PIECE_UNUSED = 5
};

// LMWB_SPM_SHIM_VERSION of the library; the loader refuses a different one.
LMWB_SPM_API int spm_shim_version(void);

// Trains a model. keys/values are sentencepiece trainer flags without "--" (count of
// each); text holds the training sentences separated by '\n'. The serialized model
// goes to sink.
LMWB_SPM_API int spm_train(const char *const *keys, const char *const *values, size_t count,
                           const char *text, size_t textLen, spm_sink sink, void *ctx,
                           char *err, size_t errLen);

// Loads a serialized model (the bytes of a .model file). NULL on failure.
LMWB_SPM_API spm_model *spm_load(const char *data, size_t len, char *err, size_t errLen);
LMWB_SPM_API void spm_free(spm_model *model);

// Encodes text; one id and one byte range [begin, end) of text per piece. Fails with
// *count set to the number of pieces needed when capacity is too small.
LMWB_SPM_API int spm_encode(const spm_model *model, const char *text, size_t len,
                            int32_t *ids, uint32_t *begins, uint32_t *ends, size_t capacity,
                            size_t *count, char *err, size_t errLen);
// sentencepiece's own decoding (it turns invalid byte sequences into U+FFFD).
LMWB_SPM_API int spm_decode(const spm_model *model, const int32_t *ids, size_t count,
                            spm_sink sink, void *ctx, char *err, size_t errLen);

LMWB_SPM_API int32_t spm_vocab_size(const spm_model *model);
// The piece of id through sink; -1 when id is out of range.
LMWB_SPM_API int spm_id_to_piece(const spm_model *model, int32_t id, spm_sink sink, void *ctx);
// The id of piece, or the unknown id when it is not in the vocabulary.
LMWB_SPM_API int32_t spm_piece_to_id(const spm_model *model, const char *piece, size_t len);
// One of spm_piece_kind; -1 when id is out of range.
LMWB_SPM_API int spm_piece_type(const spm_model *model, int32_t id);
LMWB_SPM_API int spm_is_byte(const spm_model *model, int32_t id);

#ifdef __cplusplus
}
#endif
