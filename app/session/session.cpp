#include "session/session.h"

#include "session/attentioncapture.h"

#include "config/runconfig.h"
#include "data/corpus.h"
#include "engine/runtime.h"
#include "model/languagemodel.h"
#include "tokenizer/tokenizer.h"
#include "train/steptiming.h"
#include "train/trainer.h"
#include "util/utf8.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

#include <cmath>

namespace lmwb::app {

using widgets::TrainingState;

namespace {
constexpr qint64 kEmitIntervalMs = 50; // at most ~20 progress signals a second

QString qs(const std::string &s) { return QString::fromStdString(s); }

double lastWallSeconds(const QString &runDir)
{
    // A resumed run continues the wall-clock axis from where metrics.jsonl stopped.
    QFile f(QDir(runDir).filePath(QStringLiteral("metrics.jsonl")));
    if (!f.open(QIODevice::ReadOnly))
        return 0.0;
    double total = 0.0;
    while (!f.atEnd()) {
        const auto o = QJsonDocument::fromJson(f.readLine()).object();
        total += o.value(QStringLiteral("ms_per_step")).toDouble() / 1000.0;
    }
    return total;
}
} // namespace

Session::Session(QObject *parent) : QObject(parent)
{
    widgets::registerTrainingTypes();
    widgets::registerAttentionTypes();
}

Session::~Session() = default;

void Session::setState(TrainingState s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

void Session::started()
{
    const auto sum = m_trainer->summary();
    widgets::RunDescription d;
    d.runDir = qs(m_trainer->runDir());
    d.configJson = qs(core::toJson(m_trainer->config()));
    d.step = m_trainer->step();
    d.maxSteps = m_trainer->config().training.maxSteps;
    d.parameters = sum.parameters;
    d.trainableParameters = sum.trainableParameters;
    d.vocabSize = sum.vocabSize;
    d.trainTokens = sum.trainTokens;
    d.valTokens = sum.valTokens;
    d.corpus = qs(sum.corpusDescription);
    d.threads = sum.threads;
    m_wallOffset = d.step > 0 ? lastWallSeconds(d.runDir) : 0.0;
    m_wall.start();
    m_sinceEmit.start();
    emit runStarted(d);
}

bool Session::busy()
{
    if (m_trainer && (m_state == TrainingState::Running || m_state == TrainingState::Paused)) {
        emit failed(tr("A run is already in progress; stop it first."));
        return true;
    }
    return false;
}

void Session::begin(const std::function<core::Result<std::unique_ptr<core::Trainer>>()> &make)
{
    setState(TrainingState::Preparing);
    try {
        auto t = make();
        if (!t) {
            setState(TrainingState::Failed);
            emit failed(qs(t.error()));
            return;
        }
        m_trainer = std::move(*t);
    } catch (const std::exception &e) {
        setState(TrainingState::Failed);
        emit failed(qs(e.what()));
        return;
    }
    started();
    if (m_trainer->finished()) { // a resumed run that is already complete
        finishRun();
        return;
    }
    setState(TrainingState::Running);
    scheduleStep();
}

void Session::startTraining(const QString &configJson, const QString &runDir)
{
    if (busy())
        return;
    begin([&]() -> core::Result<std::unique_ptr<core::Trainer>> {
        auto cfg = core::parseRunConfig(configJson.toStdString());
        if (!cfg)
            return core::makeError(cfg.error());
        return core::Trainer::create(*cfg, runDir.toStdString());
    });
}

void Session::resumeTraining(const QString &runDir, qint64 maxSteps)
{
    if (busy())
        return;
    begin([&] { return core::Trainer::resume(runDir.toStdString(), maxSteps); });
}

void Session::scheduleStep()
{
    if (m_stepScheduled)
        return;
    m_stepScheduled = true;
    // Queued to ourselves: the commands the window queued meanwhile run before the next step.
    QMetaObject::invokeMethod(this, &Session::runOneStep, Qt::QueuedConnection);
}

void Session::runOneStep()
{
    m_stepScheduled = false;
    if (m_state != TrainingState::Running || !m_trainer)
        return;
    if (!advanceOnce())
        return;
    probeAttention(true);
    if (m_trainer->finished()) {
        finishRun();
        return;
    }
    scheduleStep();
}

bool Session::advanceOnce()
{
    core::TrainerCallbacks cb;
    cb.onStep = [this](const core::StepMetrics &m) {
        widgets::StepPoint p;
        p.step = m.step;
        p.trainLoss = m.trainLoss;
        p.lr = m.lr;
        p.gradNorm = m.gradNorm;
        p.msPerStep = m.msPerStep;
        p.tokensPerSecond = m.tokensPerSecond;
        p.tokensSeen = m.tokensSeen;
        p.wallSeconds = m_wallOffset + m_wall.elapsed() / 1000.0;
        p.skipped = m.skipped;
        m_pending.push_back(p);
        flushProgress(false);
    };
    cb.onEval = [this](const core::EvalMetrics &e) {
        flushProgress(true);
        widgets::EvalPoint p;
        p.step = e.step;
        p.trainLoss = e.trainLoss;
        p.valLoss = e.valLoss;
        p.bestValLoss = e.bestValLoss;
        p.wallSeconds = m_wallOffset + m_wall.elapsed() / 1000.0;
        p.tokensSeen = e.step * m_trainer->config().training.batchSize * m_trainer->config().model.blockSize *
                       m_trainer->config().training.gradientAccumulationSteps;
        emit evaluated(p);
    };
    cb.onSample = [this](int64_t step, const std::string &text) { emit sampled(step, qs(text)); };
    cb.onCheckpoint = [this](int64_t step, const std::string &dir) { emit checkpointSaved(step, qs(dir)); };
    cb.onMessage = [this](const std::string &m) { emit message(qs(m)); };
    try {
        core::Status s = m_trainer->advance(cb);
        if (!s) {
            flushProgress(true);
            setState(TrainingState::Failed);
            emit failed(qs(s.error()));
            return false;
        }
    } catch (const std::exception &e) {
        flushProgress(true);
        setState(TrainingState::Failed);
        emit failed(qs(e.what()));
        return false;
    }
    return true;
}

void Session::flushProgress(bool force)
{
    if (m_pending.isEmpty())
        return;
    if (!force && m_sinceEmit.isValid() && m_sinceEmit.elapsed() < kEmitIntervalMs)
        return;
    emit progressed(m_pending);
    m_pending.clear();
    m_sinceEmit.restart();
}

void Session::finishRun()
{
    flushProgress(true);
    setState(TrainingState::Finished);
    emit finished(qs(m_trainer->runDir()));
}

void Session::pause()
{
    if (m_state != TrainingState::Running)
        return;
    flushProgress(true);
    setState(TrainingState::Paused);
}

void Session::resume()
{
    if (m_state != TrainingState::Paused)
        return;
    setState(TrainingState::Running);
    scheduleStep();
}

void Session::step()
{
    if (m_state != TrainingState::Paused || !m_trainer)
        return;
    if (advanceOnce()) {
        flushProgress(true);
        probeAttention(true);
        if (m_trainer->finished())
            finishRun();
    }
}

void Session::stop()
{
    if (!m_trainer || (m_state != TrainingState::Running && m_state != TrainingState::Paused))
        return;
    setState(TrainingState::Stopping);
    flushProgress(true);
    saveNow();
    setState(TrainingState::Idle);
    emit finished(qs(m_trainer->runDir()));
}

void Session::saveNow()
{
    if (!m_trainer)
        return;
    core::TrainerCallbacks cb;
    cb.onCheckpoint = [this](int64_t step, const std::string &dir) { emit checkpointSaved(step, qs(dir)); };
    try {
        core::Status s = m_trainer->saveCheckpoint(cb);
        if (!s)
            emit failed(qs(s.error()));
    } catch (const std::exception &e) {
        emit failed(qs(e.what()));
    }
}

void Session::sampleNow()
{
    if (!m_trainer)
        return;
    try {
        auto s = m_trainer->sample();
        if (s)
            emit sampled(m_trainer->step(), qs(*s));
        else
            emit failed(qs(s.error()));
    } catch (const std::exception &e) {
        emit failed(qs(e.what()));
    }
}

void Session::shutdown()
{
    if (m_trainer && (m_state == TrainingState::Running || m_state == TrainingState::Paused))
        stop();
    m_trainer.reset();
}

void Session::setAttentionProbe(const QString &prompt, int everySteps)
{
    m_probePrompt = prompt.toStdString();
    m_probeEvery = prompt.isEmpty() ? 0 : std::max(0, everySteps);
    probeAttention(false);
}

void Session::probeAttention(bool due)
{
    if (m_probeEvery <= 0 || !m_trainer || (due && m_trainer->step() % m_probeEvery != 0))
        return;
    // The trainer's own model, between two steps: an eval-mode forward without gradients
    // (Trainer::advance puts it back in train mode), so the run goes on as if unprobed.
    widgets::AttentionSnapshot s;
    try {
        s = captureAttention(m_trainer->model(), m_probePrompt, m_trainer->step());
    } catch (const std::exception &e) {
        s.error = qs(e.what());
    }
    s.live = true;
    s.source = qs(m_trainer->runDir());
    emit attentionProbed(s);
}

void Session::measureStep(int requestId, const QString &configJson)
{
    if (m_state == TrainingState::Running) {
        // Timing a step while a run trains would slow the run and give a wrong figure.
        emit stepTimed(requestId, 0.0, 0, tr("not measured while a run is training"));
        return;
    }
    try {
        auto cfg = core::parseRunConfig(configJson.toStdString());
        if (!cfg) {
            emit stepTimed(requestId, 0.0, 0, qs(cfg.error()));
            return;
        }
        core::setThreadCount(cfg->training.threads);
        auto t = core::measureTrainingStep(cfg->model, cfg->training, cfg->model.vocabSize);
        if (!t)
            emit stepTimed(requestId, 0.0, 0, qs(t.error()));
        else
            emit stepTimed(requestId, t->msPerStep, t->parameters, QString());
    } catch (const std::exception &e) {
        emit stepTimed(requestId, 0.0, 0, qs(e.what()));
    }
}

void Session::trainTokenizer(int requestId, const QString &configJson, const QString &outDir)
{
    try {
        auto cfg = core::parseRunConfig(configJson.toStdString());
        if (!cfg) {
            emit tokenizerTrained(requestId, 0, 0.0, {}, qs(cfg.error()));
            return;
        }
        auto corpus = core::loadCorpus(cfg->data, cfg->training.seed);
        if (!corpus) {
            emit tokenizerTrained(requestId, 0, 0.0, {}, qs(corpus.error()));
            return;
        }
        core::TokenizerSpec spec{cfg->tokenizer.kind, cfg->tokenizer.vocabSize, cfg->tokenizer.characterCoverage};
        auto tok = core::trainTokenizer(spec, corpus->text, [&](double f) {
            emit tokenizerProgress(requestId, f);
            return true;
        });
        if (!tok) {
            emit tokenizerTrained(requestId, 0, 0.0, {}, qs(tok.error()));
            return;
        }
        if (core::Status s = (*tok)->save(outDir.toStdString()); !s) {
            emit tokenizerTrained(requestId, 0, 0.0, {}, qs(s.error()));
            return;
        }
        auto enc = (*tok)->encode(corpus->text);
        const double cpt = enc && !enc->ids.empty()
                               ? static_cast<double>(core::countCodePoints(corpus->text)) / enc->ids.size()
                               : 0.0;
        QStringList pieces;
        if (enc)
            for (std::size_t i = 0; i < enc->ids.size() && i < 24; ++i)
                pieces << qs((*tok)->piece(enc->ids[i]));
        emit tokenizerTrained(requestId, (*tok)->vocabSize(), cpt, pieces.join(QStringLiteral(" | ")), QString());
    } catch (const std::exception &e) {
        emit tokenizerTrained(requestId, 0, 0.0, {}, qs(e.what()));
    }
}

} // namespace lmwb::app
