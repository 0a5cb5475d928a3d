#include "session/teachworker.h"

#include "model/introspection.h"
#include "model/languagemodel.h"

#include <QThread>

#include <algorithm>

namespace lmwb::app {

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

// A piece as a class can see it: line breaks, tabs and spaces as visible marks.
QString visible(const std::string &piece)
{
    QString s = QString::fromStdString(piece);
    s.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
    s.replace(QLatin1Char('\t'), QStringLiteral("⇥"));
    s.replace(QLatin1Char(' '), QStringLiteral("␣"));
    return s;
}

template <typename T>
QVector<T> qv(const std::vector<T> &v)
{
    return QVector<T>(v.begin(), v.end());
}

QVector<qint64> shape(const std::vector<int64_t> &s)
{
    QVector<qint64> out;
    for (auto d : s)
        out << qint64(d);
    return out;
}

widgets::TeachBlock convert(const core::BlockInfo &b)
{
    widgets::TeachBlock t;
    t.name = qs(b.name);
    t.kind = qs(b.kind);
    t.layer = b.layer;
    t.parameters = b.parameters;
    for (const auto &p : b.params) {
        t.paramNames << qs(p.name);
        t.paramShapes << shape(p.shape);
    }
    t.activationShape = shape(b.activationShape);
    t.histMin = b.weights.min;
    t.histMax = b.weights.max;
    for (auto c : b.weights.counts)
        t.histCounts << qint64(c);
    t.activation = qv(b.activation);
    t.note = qs(b.note);
    return t;
}

void fillTrace(widgets::TeachSnapshot &s, const core::AttentionTrace &t)
{
    s.hasTrace = true;
    s.layer = t.layer;
    s.head = t.head;
    s.headSize = t.headSize;
    s.scale = t.scale;
    s.q = qv(t.q);
    for (const auto &r : t.k)
        s.k << qv(r);
    for (const auto &r : t.v)
        s.v << qv(r);
    s.scores = qv(t.scores);
    s.scaled = qv(t.scaled);
    s.masked = qv(t.masked);
    s.probs = qv(t.probs);
    s.output = qv(t.output);
    s.captured = qv(t.captured);
    s.concat = qv(t.concat);
    s.projected = qv(t.projected);
    s.mlpIn = qv(t.mlpIn);
    s.mlpHidden = qv(t.mlpHidden);
    s.mlpActivated = qv(t.mlpActivated);
    s.mlpOut = qv(t.mlpOut);
}

} // namespace

TeachWorker::TeachWorker(QObject *parent) : QObject(parent) { widgets::registerTeachTypes(); }

TeachWorker::~TeachWorker() = default;

void TeachWorker::load(const QString &path)
{
    try {
        auto m = core::LanguageModel::load(path.toStdString());
        if (!m) {
            emit loaded({}, {}, qs(m.error()));
            return;
        }
        m_model = std::make_unique<core::LanguageModel>(std::move(*m));
        const auto &c = m_model->config();
        const QString desc = c.arch == core::Arch::Gpt
                                 ? tr("GPT: %1 layers, %2 heads, width %3, context %4, %5 tokens, %6 parameters")
                                       .arg(c.nLayer).arg(c.nHead).arg(c.nEmbd).arg(c.blockSize).arg(c.vocabSize)
                                       .arg(m_model->parameterCount())
                                 : tr("LSTM: %1 layers, width %2, %3 tokens, %4 parameters")
                                       .arg(c.nLayer).arg(c.nEmbd).arg(c.vocabSize).arg(m_model->parameterCount());
        emit loaded(qs(m_model->checkpointDir()), desc, {});
    } catch (const std::exception &e) {
        emit loaded({}, {}, qs(e.what()));
    }
}

void TeachWorker::inspect(int requestId, const QString &prompt, int token, int layer, int head)
{
    widgets::TeachSnapshot s;
    s.requestId = requestId;
    try {
        if (!m_model) {
            s.error = tr("No model is loaded: train a run, or open one, then load its latest checkpoint.");
            emit inspected(s);
            return;
        }
        const auto &c = m_model->config();
        if (prompt.isEmpty()) {
            s.error = tr("Type a prompt to send through the model.");
            emit inspected(s);
            return;
        }
        auto enc = m_model->tokenizer()->encode(prompt.toStdString());
        if (!enc) {
            s.error = tr("The prompt cannot be encoded by this model's tokenizer: %1").arg(qs(enc.error()));
            emit inspected(s);
            return;
        }
        const auto &ids = enc->ids;
        if (c.arch == core::Arch::Gpt && int64_t(ids.size()) > c.blockSize) {
            s.error = tr("The prompt has %1 tokens, more than the model's context of %2; shorten it.")
                          .arg(ids.size())
                          .arg(c.blockSize);
            emit inspected(s);
            return;
        }
        const int T = int(ids.size());
        const int sel = token < 0 || token >= T ? T - 1 : token;
        auto anatomy = core::inspectModel(*m_model, ids, sel);
        if (!anatomy) {
            s.error = qs(anatomy.error());
            emit inspected(s);
            return;
        }
        s.checkpoint = qs(m_model->checkpointDir());
        s.step = m_model->step();
        s.lstm = c.arch == core::Arch::Lstm;
        s.nLayer = c.nLayer;
        s.nHead = c.nHead;
        s.nEmbd = c.nEmbd;
        s.blockSize = c.blockSize;
        s.vocabSize = c.vocabSize;
        s.parameterCount = anatomy->parameterCount;
        for (const auto &t : anatomy->tokens)
            s.tokens << visible(t);
        s.selectedToken = sel;
        for (const auto &b : anatomy->blocks)
            s.blocks << convert(b);
        const auto &probs = anatomy->blocks.back().activation; // softmax at the selected token
        std::vector<int> order(probs.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        const std::size_t top = std::min<std::size_t>(5, order.size());
        std::partial_sort(order.begin(), order.begin() + top, order.end(),
                          [&](int a, int b) { return probs[a] > probs[b]; });
        for (std::size_t i = 0; i < top; ++i) {
            s.nextPieces << visible(m_model->tokenizer()->piece(order[i]));
            s.nextProbs << probs[order[i]];
        }
        if (!s.lstm) {
            auto trace = core::traceAttention(*m_model, ids, qBound(0, layer, c.nLayer - 1), qBound(0, head, c.nHead - 1),
                                              sel);
            if (trace)
                fillTrace(s, *trace);
            else
                s.traceError = qs(trace.error());
            auto lens = core::logitLens(*m_model, ids, sel, 5);
            if (lens) {
                for (const auto &st : lens->steps) {
                    widgets::TeachLensStep l;
                    l.name = qs(st.name);
                    for (const auto &p : st.topPieces)
                        l.topPieces << visible(p);
                    l.topProbs = qv(st.topProbs);
                    s.lens << l;
                }
            }
        }
    } catch (const std::exception &e) {
        s = {};
        s.requestId = requestId;
        s.error = qs(e.what());
    }
    emit inspected(s);
}

} // namespace lmwb::app
