#include "gui/archcomparison.h"

#include "gui/mainwindow.h"
#include "session/session.h"
#include "trainingmonitor.h"
#include "trainingtypes.h"

#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace lmwb::app {

qint64 lstmParameters(int width, int vocabSize, int nLayer, bool bias)
{
    const qint64 C = width, V = vocabSize;
    // wte + per layer (W_ih, W_hh, b_ih, b_hh) + ln_f + lm_head (weight and bias)
    return V * C + nLayer * (8 * C * C + 8 * C) + C * (bias ? 2 : 1) + C * V + V;
}

int lstmWidthFor(qint64 parameters, int vocabSize, int nLayer, bool bias)
{
    // 8L C² + (8L + 2V + 1 (+1)) C + V = P, then the better of the two integers around the root.
    const double a = 8.0 * nLayer, b = 8.0 * nLayer + 2.0 * vocabSize + (bias ? 2 : 1), c = vocabSize - double(parameters);
    const double root = (-b + std::sqrt(b * b - 4 * a * c)) / (2 * a);
    int best = std::max(1, int(std::floor(root)));
    if (std::llabs(lstmParameters(best + 1, vocabSize, nLayer, bias) - parameters) <
        std::llabs(lstmParameters(best, vocabSize, nLayer, bias) - parameters))
        ++best;
    return best;
}

ArchComparison::ArchComparison(MainWindow *window) : QObject(window), m_window(window)
{
    connect(window->session(), &Session::runStarted, this, &ArchComparison::onRunStarted);
    connect(window->session(), &Session::finished, this, &ArchComparison::onFinished);
    connect(window->session(), &Session::failed, this, [this](const QString &) { m_phase = Phase::Idle; });
}

QJsonObject ArchComparison::defaultConfig(int steps)
{
    const QString json = QStringLiteral(
        R"({"data": {"format": "synthetic"}, "tokenizer": {"kind": "char"},
            "model": {"arch": "gpt", "n_layer": 2, "n_head": 4, "n_embd": 64, "block_size": 32},
            "training": {"max_steps": %1, "batch_size": 16, "learning_rate": 0.002, "min_lr": 0.0002,
                         "warmup_steps": 50, "lr_decay_steps": %1, "eval_interval": %2, "eval_steps": 10,
                         "checkpoint_interval": %1}})")
                             .arg(steps)
                             .arg(std::max(10, steps / 6));
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

void ArchComparison::start(const QJsonObject &gptConfig, const QString &workspace)
{
    m_config = gptConfig;
    QJsonObject model = m_config.value(QStringLiteral("model")).toObject();
    model[QStringLiteral("arch")] = QStringLiteral("gpt");
    m_config[QStringLiteral("model")] = model;
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    m_gptRun = QDir(workspace).filePath(QStringLiteral("compare-%1-gpt").arg(stamp));
    m_lstmRun = QDir(workspace).filePath(QStringLiteral("compare-%1-lstm").arg(stamp));
    m_phase = Phase::Gpt;
    m_window->startTraining(QString::fromUtf8(QJsonDocument(m_config).toJson()), m_gptRun);
}

void ArchComparison::onRunStarted(const widgets::RunDescription &run)
{
    if (m_phase == Phase::Gpt && run.runDir == m_gptRun) {
        m_gptParams = run.parameters;
        m_vocab = run.vocabSize;
    }
}

void ArchComparison::onFinished(const QString &runDir)
{
    if (m_phase == Phase::Gpt && runDir == m_gptRun) {
        QJsonObject cfg = m_config;
        QJsonObject model = cfg.value(QStringLiteral("model")).toObject();
        const int layers = model.value(QStringLiteral("n_layer")).toInt(2);
        const bool bias = model.value(QStringLiteral("bias")).toBool(false);
        const int width = lstmWidthFor(m_gptParams, m_vocab, layers, bias);
        m_lstmParams = lstmParameters(width, m_vocab, layers, bias);
        model[QStringLiteral("arch")] = QStringLiteral("lstm");
        model[QStringLiteral("n_embd")] = width;
        model.remove(QStringLiteral("n_head"));
        cfg[QStringLiteral("model")] = model;
        m_phase = Phase::Lstm;
        m_window->statusBar()->showMessage(
            tr("The GPT is trained (%1 parameters); now an LSTM of width %2 (%3 parameters) on the same data.")
                .arg(m_gptParams)
                .arg(width)
                .arg(m_lstmParams),
            8000);
        // Queued: the Session is still finishing the GPT run's slot.
        QMetaObject::invokeMethod(
            this, [this, cfg] { m_window->startTraining(QString::fromUtf8(QJsonDocument(cfg).toJson()), m_lstmRun); },
            Qt::QueuedConnection);
        return;
    }
    if (m_phase == Phase::Lstm && runDir == m_lstmRun) {
        m_phase = Phase::Idle;
        m_window->monitor()->clearOverlays();
        m_window->monitor()->addOverlay(m_gptRun);
        showResult();
        emit done(m_gptRun, m_lstmRun);
    }
}

namespace {
struct RunResult {
    double valLoss = NAN;
    QString sample;
};

RunResult readResult(const QString &runDir)
{
    RunResult r;
    QFile m(QDir(runDir).filePath(QStringLiteral("metrics.jsonl")));
    if (m.open(QIODevice::ReadOnly))
        while (!m.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(m.readLine()).object();
            if (o.value(QStringLiteral("eval")).toBool())
                r.valLoss = o.value(QStringLiteral("val_loss")).toDouble(NAN);
        }
    QFile s(QDir(runDir).filePath(QStringLiteral("samples.jsonl")));
    if (s.open(QIODevice::ReadOnly))
        while (!s.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(s.readLine()).object();
            if (o.contains(QStringLiteral("text")))
                r.sample = o.value(QStringLiteral("text")).toString();
        }
    return r;
}
} // namespace

void ArchComparison::showResult()
{
    const RunResult g = readResult(m_gptRun), l = readResult(m_lstmRun);
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("archCompareDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Transformer against LSTM"));
    auto *text = new QTextBrowser;
    text->setObjectName(QStringLiteral("archCompareText"));
    auto row = [](const QString &name, qint64 params, const RunResult &r) {
        return QStringLiteral("<tr><td><b>%1</b></td><td align='right'>%2</td><td align='right'>%3</td>"
                              "<td><pre>%4</pre></td></tr>")
            .arg(name, QLocale().toString(params), QString::number(r.valLoss, 'f', 3), r.sample.left(300).toHtmlEscaped());
    };
    text->setHtml(QStringLiteral("<p>%1</p><table border='1' cellspacing='0' cellpadding='4'><tr><th>%2</th><th>%3</th>"
                                 "<th>%4</th><th>%5</th></tr>%6%7</table>")
                      .arg(tr("Both trained on the same corpus with the same schedule; the Train tab overlays "
                              "their loss curves."),
                           tr("Model"), tr("Parameters"), tr("Final val loss"), tr("Last sample"),
                           row(tr("GPT"), m_gptParams, g), row(tr("LSTM"), m_lstmParams, l)));
    auto *lay = new QVBoxLayout(dialog);
    lay->addWidget(text);
    dialog->resize(760, 420);
    dialog->show();
}

} // namespace lmwb::app
