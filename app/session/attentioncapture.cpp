#include "session/attentioncapture.h"

#include <QCoreApplication>

namespace lmwb::app {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("lmwb::app::AttentionCapture", text); }
} // namespace

widgets::AttentionSnapshot snapshotFromMaps(const core::AttentionMaps &maps, const core::Tokenizer &tokenizer,
                                            const std::vector<int32_t> &ids)
{
    widgets::AttentionSnapshot s;
    s.nLayer = maps.nLayer;
    s.nHead = maps.nHead;
    s.T = int(maps.T);
    s.weights = QVector<float>(maps.values.begin(), maps.values.end());
    for (auto id : ids) {
        s.ids.push_back(id);
        s.pieces.push_back(QByteArray::fromStdString(tokenizer.pieceBytes(id)));
    }
    return s;
}

widgets::AttentionSnapshot captureAttention(const core::LanguageModel &model, const std::string &prompt, qint64 step)
{
    widgets::AttentionSnapshot s;
    s.step = step;
    s.source = QString::fromStdString(model.checkpointDir());
    const core::ModelConfig &c = model.config();
    if (c.arch != core::Arch::Gpt) {
        s.error = tr("this is an LSTM, which has no attention");
        return s;
    }
    if (prompt.empty()) {
        s.error = tr("the prompt is empty");
        return s;
    }
    auto enc = model.tokenizer()->encode(prompt);
    if (!enc) {
        s.error = QString::fromStdString(enc.error());
        return s;
    }
    std::vector<int32_t> ids = enc->ids;
    QString note;
    if (int64_t(ids.size()) > c.blockSize) {
        note = tr("The prompt has %1 tokens; only the first %2 (the model's context length) are shown.")
                   .arg(qsizetype(ids.size()))
                   .arg(c.blockSize);
        ids.resize(std::size_t(c.blockSize));
    }
    auto maps = model.attention(ids);
    if (!maps) {
        s.error = QString::fromStdString(maps.error());
        return s;
    }
    widgets::AttentionSnapshot out = snapshotFromMaps(*maps, *model.tokenizer(), ids);
    out.step = step;
    out.source = s.source;
    out.note = note;
    return out;
}

} // namespace lmwb::app
