#include "session/attentionworker.h"

#include "config/runconfig.h"
#include "data/corpus.h"
#include "model/languagemodel.h"
#include "session/attentioncapture.h"
#include "util/utf8.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace lmwb::app {

AttentionWorker::AttentionWorker(QObject *parent) : QObject(parent) { widgets::registerAttentionTypes(); }

AttentionWorker::~AttentionWorker() = default;

void AttentionWorker::compute(int requestId, const QString &checkpointDir, const QString &prompt)
{
    widgets::AttentionSnapshot s;
    try {
        if (!m_model || m_modelDir != checkpointDir) {
            m_model.reset();
            auto m = core::LanguageModel::load(checkpointDir.toStdString());
            if (!m) {
                s.error = QString::fromStdString(m.error());
                emit computed(requestId, s);
                return;
            }
            m_model = std::make_unique<core::LanguageModel>(std::move(*m));
            m_modelDir = checkpointDir;
        }
        s = captureAttention(*m_model, prompt.toStdString(), m_model->step());
    } catch (const std::exception &e) { // no exception leaves a slot
        s = {};
        s.error = QString::fromUtf8(e.what());
    }
    emit computed(requestId, s);
}

void AttentionWorker::sampleText(int requestId, const QString &dir, int maxChars)
{
    try {
        if (m_corpusDir != dir || m_validation.empty()) {
            const QString cfgPath = QDir(dir).filePath(QStringLiteral("config.json"));
            if (!QFileInfo::exists(cfgPath)) {
                emit textSampled(requestId, {}, tr("%1 has no config.json to find the corpus by").arg(dir));
                return;
            }
            auto cfg = core::readRunConfigFile(cfgPath.toStdString());
            if (!cfg) {
                emit textSampled(requestId, {}, QString::fromStdString(cfg.error()));
                return;
            }
            auto corpus = core::loadCorpus(cfg->data, cfg->training.seed);
            if (!corpus) {
                emit textSampled(requestId, {}, QString::fromStdString(corpus.error()));
                return;
            }
            // The validation split is the last val_fraction of the tokens; by bytes it is
            // close enough to draw a passage from.
            const std::string &text = corpus->text;
            const double frac = cfg->data.valFraction > 0.0 ? cfg->data.valFraction : 1.0;
            std::size_t start = std::size_t(std::floor(double(text.size()) * (1.0 - frac)));
            while (start < text.size() && core::utf8SequenceLength(static_cast<unsigned char>(text[start])) == 0)
                ++start;
            m_validation = text.substr(start);
            m_corpusDir = dir;
        }
        const std::u32string cps = core::decodeUtf8(m_validation);
        if (cps.empty()) {
            emit textSampled(requestId, {}, tr("the validation text is empty"));
            return;
        }
        // Start at the beginning of a random line, so the passage reads naturally.
        std::size_t at = std::uniform_int_distribution<std::size_t>(0, cps.size() - 1)(m_rng);
        const std::size_t nl = cps.find(U'\n', at);
        at = (nl != std::u32string::npos && nl + 1 < cps.size()) ? nl + 1 : 0;
        const std::string passage = core::encodeUtf8(std::u32string_view(cps).substr(at, std::size_t(std::max(1, maxChars))));
        emit textSampled(requestId, QString::fromStdString(passage), {});
    } catch (const std::exception &e) {
        emit textSampled(requestId, {}, QString::fromUtf8(e.what()));
    }
}

} // namespace lmwb::app
