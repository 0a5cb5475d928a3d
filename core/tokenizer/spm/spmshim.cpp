// liblmwb_spm.so: sentencepiece behind the C interface of spmshim.h. Everything here is
// hidden (CXX_VISIBILITY_PRESET hidden) except the LMWB_SPM_API functions.

#include "spmshim.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Exported by libsentencepiece but declared only in its private common.h.
namespace sentencepiece::logging {
void SetMinLogLevel(int v);
}

struct spm_model {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

void writeError(char *err, std::size_t errLen, std::string_view message)
{
    if (!err || errLen == 0)
        return;
    const std::size_t n = std::min(errLen - 1, message.size());
    std::memcpy(err, message.data(), n);
    err[n] = '\0';
}

void quietLogs()
{
    // INFO=0 ... ERROR=2. The trainer logs every EM step at INFO; keep stderr clean
    // unless someone debugging asks for it.
    const char *verbose = std::getenv("LMWB_SPM_VERBOSE");
    sentencepiece::logging::SetMinLogLevel(verbose && *verbose ? 0 : 2);
}

// The training text as sentences: one per '\n'-separated line, empty lines skipped
// (the trainer skips them too).
class LineIterator : public sentencepiece::SentenceIterator {
public:
    explicit LineIterator(std::string_view text) : m_text(text) { Next(); }

    bool done() const override { return m_done; }
    void Next() override
    {
        while (m_pos < m_text.size()) {
            std::size_t end = m_text.find('\n', m_pos);
            if (end == std::string_view::npos)
                end = m_text.size();
            const std::string_view line = m_text.substr(m_pos, end - m_pos);
            m_pos = end + 1;
            if (!line.empty()) {
                m_line.assign(line.data(), line.size());
                return;
            }
        }
        m_done = true;
    }
    const std::string &value() const override { return m_line; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::string m_line;
    bool m_done = false;
};

std::mutex s_trainMutex; // the trainer keeps some global state (log level, RNG seed)

} // namespace

extern "C" {

int spm_shim_version(void) { return LMWB_SPM_SHIM_VERSION; }

int spm_train(const char *const *keys, const char *const *values, size_t count, const char *text,
              size_t textLen, spm_sink sink, void *ctx, char *err, size_t errLen)
{
    try {
        std::lock_guard<std::mutex> lock(s_trainMutex);
        quietLogs();
        std::unordered_map<std::string, std::string> kwargs;
        for (std::size_t i = 0; i < count; ++i)
            kwargs[keys[i]] = values[i];
        LineIterator lines(std::string_view(text, textLen));
        std::string model;
        const auto status = sentencepiece::SentencePieceTrainer::Train(kwargs, &lines, &model);
        if (!status.ok()) {
            writeError(err, errLen, status.ToString());
            return 1;
        }
        sink(ctx, model.data(), model.size());
        return 0;
    } catch (const std::exception &e) {
        writeError(err, errLen, std::string("sentencepiece training failed: ") + e.what());
    } catch (...) {
        writeError(err, errLen, "sentencepiece training failed with an unknown exception");
    }
    return 1;
}

spm_model *spm_load(const char *data, size_t len, char *err, size_t errLen)
{
    try {
        quietLogs();
        auto *model = new spm_model;
        const auto status = model->processor.LoadFromSerializedProto(std::string_view(data, len));
        if (!status.ok()) {
            writeError(err, errLen, status.ToString());
            delete model;
            return nullptr;
        }
        return model;
    } catch (const std::exception &e) {
        writeError(err, errLen, std::string("cannot load the sentencepiece model: ") + e.what());
    } catch (...) {
        writeError(err, errLen, "cannot load the sentencepiece model (unknown exception)");
    }
    return nullptr;
}

void spm_free(spm_model *model) { delete model; }

int spm_encode(const spm_model *model, const char *text, size_t len, int32_t *ids,
               uint32_t *begins, uint32_t *ends, size_t capacity, size_t *count, char *err,
               size_t errLen)
{
    try {
        sentencepiece::ImmutableSentencePieceText spt;
        const auto status = model->processor.Encode(std::string_view(text, len), spt.mutable_proto());
        if (!status.ok()) {
            writeError(err, errLen, status.ToString());
            return 1;
        }
        const std::size_t n = spt.pieces_size();
        *count = n;
        if (n > capacity) {
            writeError(err, errLen, "output buffer too small");
            return 2;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const auto piece = spt.pieces(static_cast<int>(i));
            ids[i] = static_cast<int32_t>(piece.id());
            begins[i] = piece.begin();
            ends[i] = piece.end();
        }
        return 0;
    } catch (const std::exception &e) {
        writeError(err, errLen, std::string("sentencepiece encoding failed: ") + e.what());
    } catch (...) {
        writeError(err, errLen, "sentencepiece encoding failed (unknown exception)");
    }
    return 1;
}

int spm_decode(const spm_model *model, const int32_t *ids, size_t count, spm_sink sink, void *ctx,
               char *err, size_t errLen)
{
    try {
        std::vector<int> v(ids, ids + count);
        std::string out;
        const auto status = model->processor.Decode(v, &out);
        if (!status.ok()) {
            writeError(err, errLen, status.ToString());
            return 1;
        }
        sink(ctx, out.data(), out.size());
        return 0;
    } catch (const std::exception &e) {
        writeError(err, errLen, std::string("sentencepiece decoding failed: ") + e.what());
    } catch (...) {
        writeError(err, errLen, "sentencepiece decoding failed (unknown exception)");
    }
    return 1;
}

int32_t spm_vocab_size(const spm_model *model) { return model->processor.GetPieceSize(); }

int spm_id_to_piece(const spm_model *model, int32_t id, spm_sink sink, void *ctx)
{
    if (id < 0 || id >= model->processor.GetPieceSize())
        return -1;
    const std::string &piece = model->processor.IdToPiece(id);
    sink(ctx, piece.data(), piece.size());
    return 0;
}

int32_t spm_piece_to_id(const spm_model *model, const char *piece, size_t len)
{
    return model->processor.PieceToId(std::string_view(piece, len));
}

int spm_piece_type(const spm_model *model, int32_t id)
{
    const auto &p = model->processor;
    if (id < 0 || id >= p.GetPieceSize())
        return -1;
    if (p.IsByte(id))
        return SPM_PIECE_BYTE;
    if (p.IsUnknown(id))
        return SPM_PIECE_UNKNOWN;
    if (p.IsControl(id))
        return SPM_PIECE_CONTROL;
    if (p.IsUnused(id))
        return SPM_PIECE_UNUSED;
    // sentencepiece has no IsUserDefined(); user-defined pieces count as normal here.
    return SPM_PIECE_NORMAL;
}

int spm_is_byte(const spm_model *model, int32_t id)
{
    return spm_piece_type(model, id) == SPM_PIECE_BYTE ? 1 : 0;
}

} // extern "C"
