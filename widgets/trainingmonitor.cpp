#include "trainingmonitor.h"

#include "metricchart.h"
#include "runhistory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lmwb::widgets {

namespace {

constexpr int kMaxSamples = 200;
constexpr int kMaxSampleChars = 600;

QString csvNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', QLocale::FloatingPointShortest) : QString();
}

QString formatParameters(qint64 n)
{
    const QLocale locale;
    if (n >= 1'000'000)
        return TrainingMonitor::tr("%1 M parameters").arg(locale.toString(n / 1e6, 'f', n < 10'000'000 ? 2 : 1));
    if (n >= 10'000)
        return TrainingMonitor::tr("%1 K parameters").arg(locale.toString(n / 1e3, 'f', 0));
    return TrainingMonitor::tr("%n parameter(s)", nullptr, int(n));
}

QString formatLoss(double v) { return std::isfinite(v) ? QLocale().toString(v, 'f', 3) : QStringLiteral("–"); }

// A short name for a base model path: the folder's name, or RUN/step-N for a checkpoint.
QString baseModelName(const QString &path)
{
    const QFileInfo info(QDir::cleanPath(path));
    const QString name = info.fileName();
    const QDir parent = info.dir();
    if (name.startsWith(QLatin1String("step-")) && parent.dirName() == QLatin1String("checkpoints"))
        return QFileInfo(parent.absolutePath()).dir().dirName() + QLatin1Char('/') + name;
    return name;
}

} // namespace

TrainingMonitor::TrainingMonitor(QWidget *parent) : QWidget(parent)
{
    QFont f = font();
    if (f.pointSizeF() > 0 && f.pointSizeF() < 11)
        f.setPointSizeF(11);
    setFont(f);
    buildUi();
    setSmoothing(m_smoothing);
    setXAxis(XAxis::Step);
    setLogY(false);
    updateHeader();
    updateStatus();
    updateButtons();
    refresh();
}

TrainingMonitor::~TrainingMonitor() = default;

void TrainingMonitor::buildUi()
{
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(buildCharts());
    split->addWidget(buildSamples());
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({560, 170});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildHeaderRow());
    layout->addLayout(buildButtonRow());
    layout->addWidget(split, 1);
}

// Which run, and where it stands.
QLayout *TrainingMonitor::buildHeaderRow()
{
    m_header = new QLabel;
    QFont headerFont = font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.3);
    m_header->setFont(headerFont);
    m_header->setTextFormat(Qt::RichText);
    m_status = new QLabel;
    m_status->setFont(headerFont);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_status->setToolTip(tr("The current step, the latest smoothed train loss and the latest validation loss "
                            "(with the best one so far)."));
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_status);
    return headerRow;
}

// The buttons that steer the run, and the exports.
QLayout *TrainingMonitor::buildButtonRow()
{
    auto button = [this](const QString &name, const QString &text, QStyle::StandardPixmap icon, const QString &tip) {
        auto *b = new QPushButton(style()->standardIcon(icon), text);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_pause = button(QStringLiteral("pauseButton"), tr("Pause"), QStyle::SP_MediaPause,
                     tr("Pause training after the current optimizer step, or resume a paused run."));
    m_step = button(QStringLiteral("stepButton"), tr("Step"), QStyle::SP_MediaSkipForward,
                    tr("While paused: run exactly one optimizer step and pause again, to watch one update."));
    m_stop = button(QStringLiteral("stopButton"), tr("Stop"), QStyle::SP_MediaStop,
                    tr("End the run after the current step and save a checkpoint. You can resume it later."));
    m_save = button(QStringLiteral("saveButton"), tr("Save now"), QStyle::SP_DialogSaveButton,
                    tr("Write a checkpoint of the model and optimizer now, without stopping."));
    m_sample = button(QStringLiteral("sampleButton"), tr("Sample now"), QStyle::SP_FileDialogContentsView,
                      tr("Generate a short text with the model as it is now; it appears under the chart."));
    m_exportPng = button(QStringLiteral("exportPngButton"), tr("Export PNG…"), QStyle::SP_DialogSaveButton,
                         tr("Save the loss chart, as it is shown, as a PNG image."));
    m_exportCsv = button(QStringLiteral("exportCsvButton"), tr("Export CSV…"), QStyle::SP_DialogSaveButton,
                         tr("Save every step's metrics (loss, smoothed loss, learning rate, gradient norm, "
                            "throughput, val loss) as a CSV file for a spreadsheet or a notebook."));
    connect(m_pause, &QPushButton::clicked, this, &TrainingMonitor::onPauseClicked);
    connect(m_step, &QPushButton::clicked, this, &TrainingMonitor::stepRequested);
    connect(m_stop, &QPushButton::clicked, this, &TrainingMonitor::stopRequested);
    connect(m_save, &QPushButton::clicked, this, &TrainingMonitor::saveRequested);
    connect(m_sample, &QPushButton::clicked, this, &TrainingMonitor::sampleRequested);
    connect(m_exportPng, &QPushButton::clicked, this, &TrainingMonitor::onExportPng);
    connect(m_exportCsv, &QPushButton::clicked, this, &TrainingMonitor::onExportCsv);
    auto *buttonRow = new QHBoxLayout;
    for (QPushButton *b : {m_pause, m_step, m_stop})
        buttonRow->addWidget(b);
    buttonRow->addSpacing(24);
    buttonRow->addWidget(m_save);
    buttonRow->addWidget(m_sample);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_exportPng);
    buttonRow->addWidget(m_exportCsv);
    return buttonRow;
}

// Smoothing, log scale and x axis, right above the chart they change.
QLayout *TrainingMonitor::buildChartControls()
{
    auto *smoothingLabel = new QLabel(tr("Smoothing"));
    m_smoothingSlider = new QSlider(Qt::Horizontal);
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setMinimumWidth(140);
    m_smoothingValue = new QLabel;
    m_smoothingValue->setMinimumWidth(m_smoothingValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00 ")));
    const QString smoothingTip =
        tr("How much to smooth the train loss curve (TensorBoard's debiased exponential moving average). "
           "0 shows the raw values; 0.6 averages over the last few steps; 0.99 over about a hundred. "
           "The raw curve stays visible, faint.");
    for (QWidget *w : {static_cast<QWidget *>(smoothingLabel), static_cast<QWidget *>(m_smoothingSlider),
                       static_cast<QWidget *>(m_smoothingValue)})
        w->setToolTip(smoothingTip);
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });

    m_logYBox = new QCheckBox(tr("Log scale"));
    m_logYBox->setToolTip(tr("Show the loss on a logarithmic axis: late, small improvements become visible "
                             "next to the big drop at the start."));
    connect(m_logYBox, &QCheckBox::toggled, this, &TrainingMonitor::setLogY);

    auto *xAxisLabel = new QLabel(tr("x axis"));
    m_xAxisBox = new QComboBox;
    m_xAxisBox->addItem(tr("step"), int(XAxis::Step));
    m_xAxisBox->addItem(tr("tokens seen"), int(XAxis::Tokens));
    m_xAxisBox->addItem(tr("wall time (s)"), int(XAxis::WallTime));
    const QString xTip = tr("What the charts' horizontal axis counts: optimizer steps, training tokens seen "
                            "(compares runs with different batch sizes) or seconds of training (compares speed).");
    xAxisLabel->setToolTip(xTip);
    m_xAxisBox->setToolTip(xTip);
    connect(m_xAxisBox, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { setXAxis(XAxis(m_xAxisBox->itemData(index).toInt())); });

    auto *controlRow = new QHBoxLayout;
    controlRow->addWidget(smoothingLabel);
    controlRow->addWidget(m_smoothingSlider);
    controlRow->addWidget(m_smoothingValue);
    controlRow->addSpacing(16);
    controlRow->addWidget(m_logYBox);
    controlRow->addSpacing(16);
    controlRow->addWidget(xAxisLabel);
    controlRow->addWidget(m_xAxisBox);
    controlRow->addStretch(1);
    return controlRow;
}

// The loss chart with its controls, and the small charts in a column beside it.
QWidget *TrainingMonitor::buildCharts()
{
    m_loss = new LossChart;
    m_loss->setToolTip(tr("Cross-entropy loss in nats per token: lower is better. Train loss is measured on "
                          "each training batch; val loss on text the model never trains on. The dashed line "
                          "is the loss of guessing uniformly among all tokens."));
    m_lr = new MetricChart(tr("learning rate"), okabeIto(OkabeIto::BluishGreen));
    m_lr->setToolTip(tr("The optimizer's step size: warmup, then cosine decay."));
    m_gradNorm = new MetricChart(tr("gradient norm"), okabeIto(OkabeIto::ReddishPurple));
    m_gradNorm->setToolTip(tr("Length of the gradient before clipping. Spikes mean unstable training."));
    m_throughput = new MetricChart(tr("tokens per second"), okabeIto(OkabeIto::Orange));
    m_throughput->setToolTip(tr("Training speed: tokens processed per second of wall time."));

    auto *mainColumn = new QWidget;
    auto *mainLayout = new QVBoxLayout(mainColumn);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addLayout(buildChartControls());
    mainLayout->addWidget(m_loss, 1);
    auto *smallColumn = new QWidget;
    auto *smallLayout = new QVBoxLayout(smallColumn);
    smallLayout->setContentsMargins(0, 0, 0, 0);
    for (MetricChart *c : {m_lr, m_gradNorm, m_throughput})
        smallLayout->addWidget(c, 1);
    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(mainColumn);
    charts->addWidget(smallColumn);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 1);
    charts->setChildrenCollapsible(false);
    charts->setSizes({850, 330});
    return charts;
}

// The generated samples, newest on top: the step, and what the model wrote then.
QWidget *TrainingMonitor::buildSamples()
{
    auto *samplesBox = new QGroupBox(tr("Samples (newest first)"));
    samplesBox->setToolTip(tr("Text the model generated at each evaluation: watch it turn from noise into words."));
    m_samples = new QTableWidget(0, 2);
    m_samples->setHorizontalHeaderLabels({tr("step"), tr("generated text")});
    m_samples->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_samples->horizontalHeader()->setStretchLastSection(true);
    m_samples->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_samples->horizontalHeader()->hide();
    m_samples->verticalHeader()->hide();
    m_samples->setWordWrap(true);
    m_samples->setShowGrid(false);
    m_samples->setAlternatingRowColors(true);
    m_samples->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_samples->setSelectionMode(QAbstractItemView::NoSelection);
    m_samples->setFocusPolicy(Qt::NoFocus);
    m_samples->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_samples->setToolTip(samplesBox->toolTip());
    auto *samplesLayout = new QVBoxLayout(samplesBox);
    samplesLayout->setContentsMargins(6, 6, 6, 6);
    samplesLayout->addWidget(m_samples);
    return samplesBox;
}

// --- the data ---------------------------------------------------------------------------

void TrainingMonitor::clearData()
{
    m_steps.clear();
    m_evals.clear();
    m_smoothed.clear();
    m_ema = DebiasedEma(m_smoothing);
    m_lastRawWall = m_wallOffset = 0.0;
    for (QCPGraph *g : {m_loss->rawGraph(), m_loss->smoothedGraph(), m_loss->valGraph(), m_lr->series(),
                        m_gradNorm->series(), m_throughput->series()})
        g->data()->clear();
    m_samples->setRowCount(0);
    m_loadError.clear();
    m_baseFrom.clear();
    m_loss->setBaseLoss(qQNaN(), {});
}

double TrainingMonitor::monotonicWall(double seconds)
{
    if (!std::isfinite(seconds))
        return m_lastRawWall + m_wallOffset;
    if (seconds + 1e-9 < m_lastRawWall) // a new session of the run restarted its clock
        m_wallOffset += m_lastRawWall;
    m_lastRawWall = seconds;
    return seconds + m_wallOffset;
}

double TrainingMonitor::key(const StepPoint &p) const
{
    switch (m_xAxis) {
    case XAxis::Tokens: return double(p.tokensSeen);
    case XAxis::WallTime: return p.wallSeconds;
    case XAxis::Step: break;
    }
    return double(p.step);
}

double TrainingMonitor::key(const EvalPoint &p) const
{
    switch (m_xAxis) {
    case XAxis::Tokens: return double(p.tokensSeen);
    case XAxis::WallTime: return p.wallSeconds;
    case XAxis::Step: break;
    }
    return double(p.step);
}

void TrainingMonitor::appendSteps(const QVector<StepPoint> &steps)
{
    const int n = steps.size();
    QVector<double> keys(n), raw(n), smooth(n), lr(n), grad(n), tps(n);
    for (int i = 0; i < n; ++i) {
        StepPoint p = steps[i];
        p.wallSeconds = monotonicWall(p.wallSeconds);
        m_steps.append(p);
        m_smoothed.append(m_ema.add(p.trainLoss));
        keys[i] = key(p);
        raw[i] = p.trainLoss;
        smooth[i] = m_smoothed.last();
        lr[i] = p.lr;
        grad[i] = p.gradNorm;
        tps[i] = p.tokensPerSecond;
    }
    m_loss->rawGraph()->addData(keys, raw, true);
    m_loss->smoothedGraph()->addData(keys, smooth, true);
    m_lr->series()->addData(keys, lr, true);
    m_gradNorm->series()->addData(keys, grad, true);
    m_throughput->series()->addData(keys, tps, true);
}

void TrainingMonitor::appendEval(const EvalPoint &eval)
{
    EvalPoint e = eval;
    // An eval happens right after its step: if the sender left its position on the token
    // and time axes empty, it is the last step's.
    const bool fromLastStep = !m_steps.isEmpty() && m_steps.last().step <= e.step;
    if (e.tokensSeen == 0 && e.step > 0 && fromLastStep)
        e.tokensSeen = m_steps.last().tokensSeen;
    if (e.wallSeconds == 0.0 && e.step > 0 && fromLastStep)
        e.wallSeconds = m_steps.last().wallSeconds;
    else
        e.wallSeconds = monotonicWall(e.wallSeconds);
    m_evals.append(e);
    m_loss->valGraph()->addData(key(e), e.valLoss);
    // A fine-tuning run's eval at step 0 measures the base model before any update: its
    // reference line (the val loss, or the train loss when there is no validation split).
    if (e.step == 0 && !m_baseFrom.isEmpty())
        m_loss->setBaseLoss(std::isfinite(e.valLoss) ? e.valLoss : e.trainLoss, baseModelName(m_baseFrom));
}

void TrainingMonitor::rebuildGraphs()
{
    const int n = m_steps.size();
    QVector<double> keys(n), raw(n), lr(n), grad(n), tps(n);
    for (int i = 0; i < n; ++i) {
        const StepPoint &p = m_steps[i];
        keys[i] = key(p);
        raw[i] = p.trainLoss;
        lr[i] = p.lr;
        grad[i] = p.gradNorm;
        tps[i] = p.tokensPerSecond;
    }
    m_loss->rawGraph()->setData(keys, raw);
    m_loss->smoothedGraph()->setData(keys, m_smoothed);
    m_lr->series()->setData(keys, lr);
    m_gradNorm->series()->setData(keys, grad);
    m_throughput->series()->setData(keys, tps);
    QVector<double> evalKeys, val;
    for (const EvalPoint &e : std::as_const(m_evals)) {
        evalKeys << key(e);
        val << e.valLoss;
    }
    m_loss->valGraph()->setData(evalKeys, val);
    for (int i = 0; i < m_overlays.size(); ++i)
        fillOverlay(i);
}

void TrainingMonitor::fillOverlay(int index)
{
    const Overlay &o = m_overlays[index];
    QVector<double> keys, losses, evalKeys, val;
    for (const StepPoint &p : o.steps) {
        keys << key(p);
        losses << p.trainLoss;
    }
    for (const EvalPoint &e : o.evals) {
        evalKeys << key(e);
        val << e.valLoss;
    }
    const LossChart::Overlay &graphs = m_loss->overlays().at(index);
    graphs.train->setData(keys, debiasedEma(losses, m_smoothing));
    graphs.val->setData(evalKeys, val);
}

void TrainingMonitor::loadHistory(const QString &runDir, qint64 upToStep)
{
    const RunHistory h = readRunHistory(runDir, upToStep);
    appendSteps(h.steps);
    for (const EvalPoint &e : h.evals)
        appendEval(e);
    for (const auto &[step, text] : h.samples)
        addSample(step, text);
}

// --- slots ------------------------------------------------------------------------------

void TrainingMonitor::setRun(const RunDescription &run)
{
    clearData();
    m_run = run;
    m_baseFrom = initFromOfConfig(run.configJson.toUtf8());
    m_loss->setUniformLoss(run.vocabSize > 1 ? std::log(double(run.vocabSize)) : qQNaN());
    if (run.step > 0 && !run.runDir.isEmpty())
        loadHistory(run.runDir, run.step);
    updateHeader();
    updateStatus();
    scheduleRefresh();
}

void TrainingMonitor::addSteps(const QVector<StepPoint> &steps)
{
    if (steps.isEmpty())
        return;
    appendSteps(steps);
    updateStatus();
    scheduleRefresh();
}

void TrainingMonitor::addEval(const EvalPoint &eval)
{
    appendEval(eval);
    updateStatus();
    scheduleRefresh();
}

void TrainingMonitor::addSample(qint64 step, const QString &text)
{
    QString shown = text.trimmed();
    if (shown.size() > kMaxSampleChars)
        shown = shown.left(kMaxSampleChars) + QChar(0x2026);
    auto *stepItem = new QTableWidgetItem(QLocale().toString(step));
    stepItem->setData(Qt::UserRole, step);
    stepItem->setTextAlignment(Qt::AlignRight | Qt::AlignTop);
    stepItem->setForeground(QColor(0x55, 0x55, 0x55));
    stepItem->setToolTip(tr("Generated after step %1").arg(QLocale().toString(step)));
    auto *textItem = new QTableWidgetItem(shown);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    textItem->setFont(mono);
    textItem->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
    textItem->setToolTip(text);
    m_samples->insertRow(0);
    m_samples->setItem(0, 0, stepItem);
    m_samples->setItem(0, 1, textItem);
    m_samples->resizeRowToContents(0);
    while (m_samples->rowCount() > kMaxSamples)
        m_samples->removeRow(m_samples->rowCount() - 1);
}

void TrainingMonitor::setState(TrainingState state)
{
    m_state = state;
    updateButtons();
}

bool TrainingMonitor::loadRun(const QString &runDir)
{
    clearData();
    const RunHistory h = readRunHistory(runDir, std::numeric_limits<qint64>::max());
    m_run = RunDescription();
    m_run.runDir = runDir;
    m_run.vocabSize = h.vocabSize;
    m_run.maxSteps = h.maxSteps;
    m_run.corpus = h.corpus;
    m_run.step = h.steps.isEmpty() ? 0 : h.steps.last().step;
    m_baseFrom = h.initFrom;
    m_loss->setUniformLoss(h.vocabSize > 1 ? std::log(double(h.vocabSize)) : qQNaN());
    appendSteps(h.steps);
    for (const EvalPoint &e : h.evals)
        appendEval(e);
    for (const auto &[step, text] : h.samples)
        addSample(step, text);
    if (!h.error.isEmpty())
        m_loadError = tr("Cannot read this run's metrics: %1").arg(h.error);
    updateHeader();
    updateStatus();
    scheduleRefresh();
    return h.error.isEmpty();
}

bool TrainingMonitor::addOverlay(const QString &runDir)
{
    const RunHistory h = readRunHistory(runDir, std::numeric_limits<qint64>::max());
    if (!h.error.isEmpty() || (h.steps.isEmpty() && h.evals.isEmpty()))
        return false;
    m_overlays.append({h.steps, h.evals});
    m_loss->addOverlay(QFileInfo(QDir::cleanPath(runDir)).fileName());
    fillOverlay(m_overlays.size() - 1);
    scheduleRefresh();
    return true;
}

void TrainingMonitor::clearOverlays()
{
    m_overlays.clear();
    m_loss->clearOverlays();
    scheduleRefresh();
}

// --- controls ---------------------------------------------------------------------------

void TrainingMonitor::setSmoothing(double weight)
{
    m_smoothing = std::clamp(std::isfinite(weight) ? weight : 0.0, 0.0, 0.99);
    {
        const QSignalBlocker block(m_smoothingSlider);
        m_smoothingSlider->setValue(int(std::lround(m_smoothing * 100)));
    }
    m_smoothingValue->setText(QLocale().toString(m_smoothing, 'f', 2));
    m_ema = DebiasedEma(m_smoothing);
    for (int i = 0; i < m_steps.size(); ++i)
        m_smoothed[i] = m_ema.add(m_steps[i].trainLoss);
    QVector<double> keys;
    keys.reserve(m_steps.size());
    for (const StepPoint &p : std::as_const(m_steps))
        keys << key(p);
    m_loss->smoothedGraph()->setData(keys, m_smoothed, true);
    for (int i = 0; i < m_overlays.size(); ++i)
        fillOverlay(i);
    updateStatus();
    scheduleRefresh();
}

void TrainingMonitor::setXAxis(XAxis axis)
{
    m_xAxis = axis;
    {
        const QSignalBlocker block(m_xAxisBox);
        m_xAxisBox->setCurrentIndex(m_xAxisBox->findData(int(axis)));
    }
    m_loss->xAxis->setLabel(m_xAxisBox->currentText());
    rebuildGraphs();
    scheduleRefresh();
}

void TrainingMonitor::setLogY(bool on)
{
    {
        const QSignalBlocker block(m_logYBox);
        m_logYBox->setChecked(on);
    }
    m_loss->setLogY(on);
    scheduleRefresh();
}

bool TrainingMonitor::logY() const { return m_loss->logY(); }

void TrainingMonitor::onPauseClicked()
{
    if (m_state == TrainingState::Paused)
        emit resumeRequested();
    else
        emit pauseRequested();
}

void TrainingMonitor::updateButtons()
{
    const bool running = m_state == TrainingState::Running;
    const bool paused = m_state == TrainingState::Paused;
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_pause->setEnabled(running || paused);
    m_step->setEnabled(paused);
    for (QPushButton *b : {m_stop, m_save, m_sample})
        b->setEnabled(running || paused);
}

void TrainingMonitor::updateHeader()
{
    if (m_run.runDir.isEmpty()) {
        m_header->setText(tr("No run yet: start one from the training wizard, or open one from the run browser."));
        m_header->setToolTip(QString());
        return;
    }
    QStringList parts{QStringLiteral("<b>%1</b>").arg(QFileInfo(QDir::cleanPath(m_run.runDir)).fileName().toHtmlEscaped())};
    if (m_run.parameters > 0)
        parts << formatParameters(m_run.parameters).toHtmlEscaped();
    if (m_run.trainableParameters > 0 && m_run.trainableParameters < m_run.parameters)
        parts << tr("%1 train (%2 %)")
                     .arg(QLocale().toString(m_run.trainableParameters),
                          QLocale().toString(100.0 * double(m_run.trainableParameters) / double(m_run.parameters), 'f', 1))
                     .toHtmlEscaped();
    if (!m_run.corpus.isEmpty())
        parts << m_run.corpus.toHtmlEscaped();
    if (!m_baseFrom.isEmpty())
        parts << tr("fine-tuned from %1").arg(baseModelName(m_baseFrom)).toHtmlEscaped();
    m_header->setText(parts.join(QStringLiteral(" &mdash; ")));
    m_header->setToolTip(tr("Run directory: %1").arg(QDir::toNativeSeparators(m_run.runDir)));
}

void TrainingMonitor::updateStatus()
{
    QStringList parts;
    const QLocale locale;
    if (!m_steps.isEmpty()) {
        const qint64 step = m_steps.last().step;
        parts << (m_run.maxSteps > 0 ? tr("step %1 of %2").arg(locale.toString(step), locale.toString(m_run.maxSteps))
                                     : tr("step %1").arg(locale.toString(step)));
        double latest = qQNaN();
        for (int i = m_smoothed.size() - 1; i >= 0 && !std::isfinite(latest); --i)
            latest = m_smoothed[i];
        parts << tr("train %1").arg(formatLoss(latest));
    }
    if (!m_evals.isEmpty()) {
        double best = qQNaN();
        for (const EvalPoint &e : std::as_const(m_evals))
            if (std::isfinite(e.valLoss) && !(best <= e.valLoss))
                best = e.valLoss;
        parts << tr("val %1 (best %2)").arg(formatLoss(m_evals.last().valLoss), formatLoss(best));
    }
    if (std::isfinite(m_loss->baseLoss()))
        parts << tr("base model %1").arg(formatLoss(m_loss->baseLoss()));
    m_status->setText(parts.join(QStringLiteral("   ")));
}

// --- drawing ----------------------------------------------------------------------------

void TrainingMonitor::scheduleRefresh()
{
    if (isVisible())
        refresh();
    else
        m_dirty = true; // showEvent catches up
}

void TrainingMonitor::refresh()
{
    m_dirty = false;
    const bool empty = m_steps.isEmpty() && m_evals.isEmpty() && m_overlays.isEmpty();
    if (!m_loadError.isEmpty())
        m_loss->setPlaceholder(m_loadError);
    else if (empty)
        m_loss->setPlaceholder(m_run.runDir.isEmpty() ? tr("Waiting for a run") : tr("Waiting for the first step…"));
    else
        m_loss->setPlaceholder(QString());
    const bool knownLength = m_xAxis == XAxis::Step && m_run.maxSteps > 0;
    m_loss->fitRanges(QCPRange(0, knownLength ? double(m_run.maxSteps) : 1.0));
    const QCPRange keys = m_loss->xAxis->range();
    for (MetricChart *c : {m_lr, m_gradNorm, m_throughput}) {
        c->fitRanges(keys);
        c->replot(QCustomPlot::rpQueuedReplot);
    }
    m_loss->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingMonitor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

// --- export -----------------------------------------------------------------------------

bool TrainingMonitor::exportPng(const QString &path)
{
    refresh();
    // A hidden chart has no size of its own; export it at slide size.
    const bool shown = m_loss->isVisible();
    return m_loss->savePng(path, shown ? m_loss->width() : 1200, shown ? m_loss->height() : 700);
}

bool TrainingMonitor::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QByteArray out = "step,tokens,wall_seconds,train_loss,smoothed_loss,lr,grad_norm,tokens_per_second,val_loss\n";
    auto evalRow = [&out](const EvalPoint &e) {
        out += QByteArray::number(e.step) + ',' + QByteArray::number(e.tokensSeen) + ',' +
               csvNumber(e.wallSeconds).toUtf8() + ",,,,,," + csvNumber(e.valLoss).toUtf8() + '\n';
    };
    int j = 0;
    for (int i = 0; i < m_steps.size(); ++i) {
        const StepPoint &p = m_steps[i];
        while (j < m_evals.size() && m_evals[j].step < p.step)
            evalRow(m_evals[j++]);
        QString val;
        if (j < m_evals.size() && m_evals[j].step == p.step)
            val = csvNumber(m_evals[j++].valLoss);
        const QStringList fields{QString::number(p.step),          QString::number(p.tokensSeen),
                                 csvNumber(p.wallSeconds),         csvNumber(p.trainLoss),
                                 csvNumber(m_smoothed[i]),         csvNumber(p.lr),
                                 csvNumber(p.gradNorm),            csvNumber(p.tokensPerSecond),
                                 val};
        out += fields.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    while (j < m_evals.size())
        evalRow(m_evals[j++]);
    file.write(out);
    return file.commit();
}

void TrainingMonitor::onExportPng()
{
    const QString start = QDir(m_run.runDir.isEmpty() ? QDir::homePath() : m_run.runDir).filePath(QStringLiteral("loss.png"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the loss chart"), start, tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1. Choose a folder you can write to.").arg(QDir::toNativeSeparators(path)));
}

void TrainingMonitor::onExportCsv()
{
    const QString start = QDir(m_run.runDir.isEmpty() ? QDir::homePath() : m_run.runDir).filePath(QStringLiteral("metrics.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the metrics"), start, tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path))
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1. Choose a folder you can write to.").arg(QDir::toNativeSeparators(path)));
}

QCustomPlot *TrainingMonitor::lossChart() const { return m_loss; }
QCustomPlot *TrainingMonitor::learningRateChart() const { return m_lr; }
QCustomPlot *TrainingMonitor::gradNormChart() const { return m_gradNorm; }
QCustomPlot *TrainingMonitor::throughputChart() const { return m_throughput; }
int TrainingMonitor::trainPointCount() const { return m_loss->rawGraph()->dataCount(); }
int TrainingMonitor::evalPointCount() const { return m_loss->valGraph()->dataCount(); }
double TrainingMonitor::uniformLoss() const { return m_loss->uniformLoss(); }

double TrainingMonitor::baseLoss() const { return m_loss->baseLoss(); }

} // namespace lmwb::widgets
