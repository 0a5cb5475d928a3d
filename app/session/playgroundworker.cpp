#include "session/playgroundworker.h"

#include "engine/generator.h"
#include "model/languagemodel.h"
#include "util/utf8.h"

#include <QCoreApplication>

#include <exception>
#include <optional>

namespace lmwb::app {

using widgets::PlaygroundCandidate;
using widgets::PlaygroundRequest;
using widgets::PlaygroundSettings;
using widgets::PlaygroundStage;
using widgets::PlaygroundToken;

namespace {

std::optional<core::SamplerStage> stageOf(const QString &name)
{
    for (auto s : {core::SamplerStage::Penalties, core::SamplerStage::Temperature, core::SamplerStage::TopK,
                   core::SamplerStage::TopP, core::SamplerStage::MinP, core::SamplerStage::Typical})
        if (name == QLatin1String(core::samplerStageName(s)))
            return s;
    return std::nullopt;
}

core::GenerationSettings toCore(const PlaygroundSettings &p, QString &error)
{
    core::GenerationSettings g;
    g.sampler.temperature = static_cast<float>(p.temperature);
    g.sampler.topK = p.topK;
    g.sampler.topP = static_cast<float>(p.topP);
    g.sampler.minP = static_cast<float>(p.minP);
    g.sampler.typicalP = static_cast<float>(p.typicalP);
    g.sampler.repetitionPenalty = static_cast<float>(p.repetitionPenalty);
    g.sampler.presencePenalty = static_cast<float>(p.presencePenalty);
    g.sampler.frequencyPenalty = static_cast<float>(p.frequencyPenalty);
    g.sampler.order.clear();
    for (const QString &name : p.order) {
        auto s = stageOf(name);
        if (!s) {
            error = QCoreApplication::translate("PlaygroundWorker", "Unknown sampler stage \"%1\".").arg(name);
            return g;
        }
        g.sampler.order.push_back(*s);
    }
    g.maxNewTokens = p.maxNewTokens;
    g.seed = p.seed;
    for (const QString &s : p.stopStrings)
        if (!s.isEmpty())
            g.stopStrings.push_back(s.toStdString());
    g.context = p.cropContext ? core::ContextPolicy::Crop : core::ContextPolicy::Shift;
    g.keepTokens = p.keepTokens;
    g.precision = p.bf16 ? core::GenerationPrecision::Bf16 : core::GenerationPrecision::Fp32;
    g.recordStages = true;
    return g;
}

QString text(const std::string &bytes) { return QString::fromUtf8(bytes.data(), static_cast<int>(bytes.size())); }

QVector<PlaygroundCandidate> candidates(const core::Tokenizer &tok, const std::vector<core::Candidate> &c)
{
    QVector<PlaygroundCandidate> out;
    out.reserve(static_cast<int>(c.size()));
    for (const auto &x : c)
        out.push_back({x.id, text(tok.piece(x.id)), x.prob});
    return out;
}

// The bytes of `pending` that end in a complete UTF-8 sequence; the rest stays pending.
std::string takeComplete(std::string &pending)
{
    std::size_t end = pending.size();
    // Look back at most 3 bytes for the lead of an unfinished sequence.
    for (std::size_t back = 1; back <= 3 && back <= pending.size(); ++back) {
        const auto c = static_cast<unsigned char>(pending[pending.size() - back]);
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte
        const int len = core::utf8SequenceLength(c);
        if (len > static_cast<int>(back))
            end = pending.size() - back;
        break;
    }
    std::string out = pending.substr(0, end);
    pending.erase(0, end);
    return out;
}

} // namespace

PlaygroundWorker::PlaygroundWorker(QObject *parent) : QObject(parent) { widgets::registerPlaygroundTypes(); }

PlaygroundWorker::~PlaygroundWorker() = default;

void PlaygroundWorker::requestStop(int serial)
{
    int cur = m_stopSerial.load();
    while (cur < serial && !m_stopSerial.compare_exchange_weak(cur, serial)) {
    }
}

void PlaygroundWorker::unloadModels() { m_models.clear(); }

core::LanguageModel *PlaygroundWorker::model(const QString &path, QString &error)
{
    auto dir = core::resolveCheckpointDir(path.toStdString());
    if (!dir) {
        error = QString::fromStdString(dir.error());
        return nullptr;
    }
    const QString key = QString::fromStdString(*dir);
    auto found = m_models.find(key);
    if (found != m_models.end())
        return found->second.get();
    auto m = core::LanguageModel::load(*dir);
    if (!m) {
        error = QString::fromStdString(m.error());
        return nullptr;
    }
    if (m_models.size() >= 4)
        m_models.clear(); // two panes, a few switches: keep memory bounded
    auto &slot = m_models[key];
    slot = std::make_unique<core::LanguageModel>(std::move(*m));
    return slot.get();
}

void PlaygroundWorker::generate(int serial, const QVector<PlaygroundRequest> &requests)
{
    for (const PlaygroundRequest &r : requests) {
        if (m_stopSerial.load() >= serial)
            break;
        if (!runOne(serial, r))
            break;
    }
    emit finished(serial);
}

bool PlaygroundWorker::runOne(int serial, const PlaygroundRequest &request)
{
    try {
        QString error;
        if (request.checkpoint.isEmpty()) {
            emit failed(serial, request.pane, tr("Choose a checkpoint first."));
            return true;
        }
        core::LanguageModel *m = model(request.checkpoint, error);
        if (!m) {
            emit failed(serial, request.pane, tr("Cannot load %1: %2").arg(request.checkpoint, error));
            return true;
        }
        core::GenerationSettings g = toCore(request.settings, error);
        if (!error.isEmpty()) {
            emit failed(serial, request.pane, error);
            return true;
        }
        if (auto bad = core::validateGenerationSettings(g, m->config()); !bad.empty()) {
            emit failed(serial, request.pane, QString::fromStdString(bad));
            return true;
        }
        const auto &tok = *m->tokenizer();
        const std::string prompt = request.prompt.isEmpty() ? std::string("\n") : request.prompt.toStdString();
        auto enc = tok.encode(prompt);
        if (!enc) {
            emit failed(serial, request.pane, tr("Cannot encode the prompt: %1").arg(QString::fromStdString(enc.error())));
            return true;
        }
        std::vector<int32_t> ids = enc->ids;
        for (int id : request.forcedIds) {
            if (id < 0 || id >= m->config().vocabSize) {
                emit failed(serial, request.pane, tr("Token id %1 is outside the vocabulary.").arg(id));
                return true;
            }
            ids.push_back(id);
        }
        if (ids.empty()) {
            emit failed(serial, request.pane, tr("The prompt has no tokens."));
            return true;
        }
        const auto &c = m->config();
        const QString description = c.arch == core::Arch::Gpt
                                        ? tr("GPT %1×%2×%3, block %4, step %5")
                                              .arg(c.nLayer)
                                              .arg(c.nHead)
                                              .arg(c.nEmbd)
                                              .arg(c.blockSize)
                                              .arg(m->step())
                                        : tr("LSTM %1×%2, step %3").arg(c.nLayer).arg(c.nEmbd).arg(m->step());
        emit paneStarted(serial, request.pane, description, c.blockSize);
        std::string pending;
        auto r = core::generateFromIds(*m, ids, g, [&](const core::GeneratedToken &t) {
            PlaygroundToken out;
            out.id = t.id;
            pending += t.piece;
            out.text = text(takeComplete(pending));
            out.prob = t.prob;
            out.rawProb = t.rawProb;
            out.top = candidates(tok, t.top);
            for (const auto &s : t.stages)
                out.stages.push_back({QString::fromLatin1(core::samplerStageName(s.stage)), candidates(tok, s.candidates),
                                      static_cast<int>(s.survivors)});
            m_emitted.fetch_add(1);
            emit token(serial, request.pane, out);
            return m_stopSerial.load() < serial;
        });
        if (!r) {
            emit failed(serial, request.pane, QString::fromStdString(r.error()));
            return true;
        }
        emit paneFinished(serial, request.pane, QString::fromStdString(r->stopReason), r->tokensPerSecond);
        return r->stopReason != "cancelled";
    } catch (const std::exception &e) {
        emit failed(serial, request.pane, tr("Generation failed: %1").arg(QString::fromLocal8Bit(e.what())));
        return true;
    }
}

} // namespace lmwb::app
