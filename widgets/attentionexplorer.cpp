#include "attentionexplorer.h"

#include "attentiongrid.h"
#include "attentionheadview.h"
#include "attentionheatmap.h"
#include "attentionjson.h"
#include "attentionstatstable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lmwb::widgets {

namespace {
constexpr int kSampleChars = 64; // a validation sample short enough to read in the views

struct ModelShape {
    bool lstm = false;
    int blockSize = 0;
};

ModelShape shapeOf(const QByteArray &configJson)
{
    const QJsonObject model = QJsonDocument::fromJson(configJson).object().value(QStringLiteral("model")).toObject();
    return {model.value(QStringLiteral("arch")).toString() == QStringLiteral("lstm"),
            model.value(QStringLiteral("block_size")).toInt()};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

QVector<CheckpointRef> listCheckpoints(const QString &path)
{
    QVector<CheckpointRef> out;
    const QDir dir(path);
    auto stepOf = [](const QString &name) {
        bool ok = false;
        const qint64 s = name.startsWith(QStringLiteral("step-")) ? name.mid(5).toLongLong(&ok) : 0;
        return ok ? s : qint64(-1);
    };
    if (dir.exists(QStringLiteral("model.safetensors"))) {
        qint64 step = stepOf(dir.dirName());
        const QJsonObject st = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("trainer_state.json")))).object();
        if (st.contains(QStringLiteral("step")))
            step = st.value(QStringLiteral("step")).toInteger();
        out.push_back({step, dir.absolutePath()});
        return out;
    }
    const QDir ckpts(dir.filePath(QStringLiteral("checkpoints")));
    for (const QString &name : ckpts.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const qint64 step = stepOf(name);
        if (step >= 0 && QFileInfo::exists(ckpts.filePath(name + QStringLiteral("/model.safetensors"))))
            out.push_back({step, ckpts.absoluteFilePath(name)});
    }
    std::sort(out.begin(), out.end(), [](const CheckpointRef &a, const CheckpointRef &b) { return a.step < b.step; });
    return out;
}

AttentionExplorer::AttentionExplorer(QWidget *parent) : QWidget(parent)
{
    registerAttentionTypes();
    buildUi();
    showNotePage(tr("Open a run (double-click it in the Runs list) or start one to see its attention."));
}

void AttentionExplorer::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *row1 = new QHBoxLayout;
    m_source = new QLabel;
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row1->addWidget(m_source);
    m_prompt = new QLineEdit;
    m_prompt->setObjectName(QStringLiteral("attentionPrompt"));
    m_prompt->setPlaceholderText(tr("Type a prompt, or leave it empty for a sample of the validation text"));
    row1->addWidget(m_prompt, 1);
    m_showButton = new QPushButton(tr("Show"));
    m_sampleButton = new QPushButton(tr("Sample validation text"));
    m_sampleButton->setToolTip(tr("Replace the prompt by a random passage of the run's validation text."));
    row1->addWidget(m_showButton);
    row1->addWidget(m_sampleButton);
    layout->addLayout(row1);

    auto *row2 = new QHBoxLayout;
    row2->addWidget(new QLabel(tr("Checkpoint:")));
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setObjectName(QStringLiteral("checkpointSlider"));
    m_slider->setToolTip(tr("Scrub through the run's saved checkpoints."));
    m_slider->setEnabled(false);
    row2->addWidget(m_slider, 1);
    m_stepLabel = new QLabel;
    m_stepLabel->setMinimumWidth(160);
    row2->addWidget(m_stepLabel);
    m_follow = new QCheckBox(tr("Live: probe the training run every"));
    m_follow->setToolTip(tr("While a run trains, compute the prompt's attention from the model as it learns."));
    m_follow->setEnabled(false);
    row2->addWidget(m_follow);
    m_every = new QSpinBox;
    m_every->setRange(1, 1000000);
    m_every->setValue(25);
    m_every->setSuffix(tr(" steps"));
    row2->addWidget(m_every);
    layout->addLayout(row2);

    auto *row3 = new QHBoxLayout;
    row3->addWidget(new QLabel(tr("Layer")));
    m_layer = new QComboBox;
    row3->addWidget(m_layer);
    row3->addWidget(new QLabel(tr("Head")));
    m_head = new QComboBox;
    row3->addWidget(m_head);
    m_autoContrast = new QCheckBox(tr("Auto contrast"));
    m_autoContrast->setToolTip(tr("Stretch the colours to the largest weight shown instead of the fixed 0 to 1."));
    row3->addWidget(m_autoContrast);
    row3->addStretch();
    m_pngButton = new QPushButton(tr("Export PNG…"));
    m_jsonButton = new QPushButton(tr("Export JSON…"));
    m_jsonButton->setToolTip(tr("Every layer and head, the same document as lmwb attention --json."));
    row3->addWidget(m_pngButton);
    row3->addWidget(m_jsonButton);
    layout->addLayout(row3);

    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("attentionNote"));
    layout->addWidget(m_note);

    m_stack = new QStackedWidget;
    m_views = new QTabWidget;
    m_grid = new AttentionGrid;
    m_heatmap = new AttentionHeatmap;
    m_headView = new AttentionHeadView;
    m_stats = new AttentionStatsTable;
    m_views->addTab(m_grid, tr("All heads"));
    m_views->addTab(m_heatmap, tr("Heatmap"));
    m_views->addTab(m_headView, tr("Head view"));
    m_views->addTab(m_stats, tr("Statistics"));
    m_stack->addWidget(m_views);
    m_emptyNote = new QLabel;
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setObjectName(QStringLiteral("attentionEmptyNote"));
    m_emptyNote->setMargin(40);
    m_stack->addWidget(m_emptyNote);
    layout->addWidget(m_stack, 1);

    connect(m_showButton, &QPushButton::clicked, this, [this] { followLive() ? sendProbe() : request(); });
    connect(m_prompt, &QLineEdit::returnPressed, m_showButton, &QPushButton::click);
    connect(m_sampleButton, &QPushButton::clicked, this, [this] {
        m_prompt->clear();
        followLive() ? sendProbe() : request();
    });
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        updateSliderLabel();
        setFollowLive(false);
        request();
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        sendProbe();
        if (!on && !m_checkpoints.isEmpty())
            request();
    });
    connect(m_every, &QSpinBox::valueChanged, this, [this] {
        if (followLive())
            sendProbe();
    });
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this](int l) {
        if (l < 0)
            return;
        m_headView->setLayer(l);
        updateHeatmap();
    });
    connect(m_head, &QComboBox::currentIndexChanged, this, [this] { updateHeatmap(); });
    connect(m_autoContrast, &QCheckBox::toggled, this, [this](bool on) {
        m_heatmap->setAutoContrast(on);
        m_grid->setAutoContrast(on);
    });
    connect(m_grid, &AttentionGrid::headActivated, this, [this](int l, int h) { openHead(l, h); });
    connect(m_stats, &AttentionStatsTable::headActivated, this, [this](int l, int h) { openHead(l, h); });
    connect(m_pngButton, &QPushButton::clicked, this, &AttentionExplorer::exportPngDialog);
    connect(m_jsonButton, &QPushButton::clicked, this, &AttentionExplorer::exportJsonDialog);
}

void AttentionExplorer::openRun(const QString &path)
{
    m_runDir = path;
    m_checkpoints = listCheckpoints(path);
    QByteArray cfg = readFile(QDir(path).filePath(QStringLiteral("config.json")));
    if (cfg.isEmpty() && !m_checkpoints.isEmpty())
        cfg = readFile(QDir(m_checkpoints.back().dir).filePath(QStringLiteral("config.json")));
    const ModelShape shape = shapeOf(cfg);
    m_lstm = shape.lstm;
    m_blockSize = shape.blockSize;
    m_source->setText(tr("Run: %1").arg(QDir(path).dirName()));
    m_source->setToolTip(path);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, int(m_checkpoints.size()) - 1));
        m_slider->setValue(m_slider->maximum());
        m_slider->setEnabled(m_checkpoints.size() > 1 && !m_lstm);
    }
    updateSliderLabel();
    if (m_lstm) {
        showNotePage(tr("%1 is an LSTM run. A recurrent network carries the past in its hidden state and has no "
                        "attention weights to show; train a GPT to see attention here.")
                         .arg(QDir(path).dirName()));
        return;
    }
    if (m_checkpoints.isEmpty()) {
        showNotePage(path == m_liveRunDir
                         ? tr("No checkpoint of this run yet. Tick “Live” to watch the attention while it trains.")
                         : tr("%1 has no saved checkpoint to show.").arg(QDir(path).dirName()));
        return;
    }
    request();
}

void AttentionExplorer::refreshCheckpoints()
{
    if (m_runDir.isEmpty())
        return;
    const bool atEnd = m_slider->value() == m_slider->maximum();
    const bool hadNone = m_checkpoints.isEmpty();
    m_checkpoints = listCheckpoints(m_runDir);
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(0, int(m_checkpoints.size()) - 1));
    if (atEnd)
        m_slider->setValue(m_slider->maximum());
    m_slider->setEnabled(m_checkpoints.size() > 1 && !m_lstm);
    updateSliderLabel();
    if (hadNone && !m_checkpoints.isEmpty() && !followLive() && !m_lstm)
        request();
}

void AttentionExplorer::setLiveRun(const QString &runDir, const QString &configJson)
{
    m_liveRunDir = runDir;
    m_liveLstm = shapeOf(configJson.toUtf8()).lstm;
}

void AttentionExplorer::setLiveRunning(bool running)
{
    if (running == m_liveRunning)
        return;
    m_liveRunning = running;
    m_follow->setEnabled(running);
    if (running && followLive())
        sendProbe();
}

void AttentionExplorer::setPrompt(const QString &text) { m_prompt->setText(text); }
QString AttentionExplorer::prompt() const { return m_prompt->text(); }
bool AttentionExplorer::followLive() const { return m_follow->isChecked(); }
void AttentionExplorer::setFollowLive(bool on) { m_follow->setChecked(on); }
QString AttentionExplorer::note() const { return isShowingNote() ? m_emptyNote->text() : m_note->text(); }
bool AttentionExplorer::isShowingNote() const { return m_stack->currentWidget() == m_emptyNote; }
void AttentionExplorer::setView(View v) { m_views->setCurrentIndex(int(v)); }

QString AttentionExplorer::currentCheckpointDir() const
{
    const int i = m_slider->value();
    return i >= 0 && i < m_checkpoints.size() ? m_checkpoints[i].dir : QString();
}

void AttentionExplorer::updateSliderLabel()
{
    if (m_checkpoints.isEmpty()) {
        m_stepLabel->setText(tr("no checkpoint"));
        return;
    }
    const int i = m_slider->value();
    m_stepLabel->setText(tr("step %1 (%2 of %3)").arg(m_checkpoints[i].step).arg(i + 1).arg(m_checkpoints.size()));
}

void AttentionExplorer::request()
{
    const QString dir = currentCheckpointDir();
    if (m_lstm || dir.isEmpty())
        return;
    if (m_prompt->text().isEmpty()) {
        m_sampleForProbe = false;
        requestSample();
        return;
    }
    if (m_inFlight >= 0) {
        m_pending = true; // sent when the current one is answered, with the latest settings
        return;
    }
    m_inFlight = m_nextId++;
    emit computeRequested(m_inFlight, dir, m_prompt->text());
}

void AttentionExplorer::requestSample()
{
    const QString dir = m_sampleForProbe ? m_liveRunDir : (m_checkpoints.isEmpty() ? m_runDir : currentCheckpointDir());
    if (dir.isEmpty())
        return;
    m_sampleId = m_nextId++;
    m_note->setText(tr("Drawing a sample of the validation text…"));
    emit sampleRequested(m_sampleId, dir, kSampleChars);
}

void AttentionExplorer::onTextSampled(int requestId, const QString &text, const QString &error)
{
    if (requestId != m_sampleId)
        return;
    m_sampleId = -1;
    if (!error.isEmpty() || text.isEmpty()) {
        m_note->setText(tr("Cannot draw from the validation text: %1").arg(error.isEmpty() ? tr("it is empty") : error));
        return;
    }
    m_prompt->setText(text);
    if (m_sampleForProbe)
        sendProbe();
    else
        request();
}

void AttentionExplorer::sendProbe()
{
    if (!followLive() || !m_liveRunning) {
        emit probeChanged(QString(), 0);
        return;
    }
    if (m_liveLstm) {
        emit probeChanged(QString(), 0);
        showNotePage(tr("The training run is an LSTM: a recurrent network has no attention weights to follow."));
        return;
    }
    if (m_prompt->text().isEmpty()) {
        m_sampleForProbe = true;
        requestSample();
        return;
    }
    m_note->setText(tr("Live: the probe is computed every %1 steps from the model as it trains.").arg(m_every->value()));
    emit probeChanged(m_prompt->text(), m_every->value());
}

void AttentionExplorer::onComputed(int requestId, const AttentionSnapshot &s)
{
    if (requestId != m_inFlight)
        return; // a stale answer
    m_inFlight = -1;
    if (m_pending) {
        m_pending = false;
        request();
    }
    if (followLive())
        return; // the live probe has the screen
    display(s);
}

void AttentionExplorer::onProbed(const AttentionSnapshot &s)
{
    if (followLive())
        display(s);
}

void AttentionExplorer::showNotePage(const QString &text)
{
    m_emptyNote->setText(text);
    m_stack->setCurrentWidget(m_emptyNote);
}

void AttentionExplorer::display(const AttentionSnapshot &s)
{
    if (!s.error.isEmpty()) {
        m_note->setText(tr("No attention: %1").arg(s.error));
        return;
    }
    if (!s.isValid())
        return;
    const bool newShape = s.nLayer != m_snapshot.nLayer || s.nHead != m_snapshot.nHead;
    m_snapshot = s;
    m_stack->setCurrentWidget(m_views);
    if (newShape) {
        const QSignalBlocker bl(m_layer), bh(m_head);
        m_layer->clear();
        m_head->clear();
        for (int l = 0; l < s.nLayer; ++l)
            m_layer->addItem(tr("%1").arg(l));
        for (int h = 0; h < s.nHead; ++h)
            m_head->addItem(tr("%1").arg(h));
        m_head->addItem(tr("mean of the heads"));
    }
    m_grid->setSnapshot(s);
    m_headView->setSnapshot(s);
    m_headView->setLayer(m_layer->currentIndex());
    m_stats->setSnapshot(s);
    updateHeatmap();
    QString where = s.live ? tr("live, step %1").arg(s.step) : tr("checkpoint of step %1").arg(s.step);
    QString text = tr("%1 tokens, %2 layers × %3 heads, %4.").arg(s.T).arg(s.nLayer).arg(s.nHead).arg(where);
    if (!s.note.isEmpty())
        text += QLatin1Char(' ') + s.note;
    m_note->setText(text);
    emit snapshotShown();
}

void AttentionExplorer::updateHeatmap()
{
    const AttentionSnapshot &s = m_snapshot;
    if (!s.isValid()) {
        m_heatmap->clear();
        return;
    }
    const int l = std::clamp(m_layer->currentIndex(), 0, s.nLayer - 1);
    const int h = std::clamp(m_head->currentIndex(), 0, s.nHead);
    QStringList tokens;
    for (int i = 0; i < s.T; ++i)
        tokens << s.token(i);
    if (h == s.nHead) {
        m_heatmap->setMatrix(tokens, s.T, s.layerAverage(l), tr("layer %1, mean of its %2 heads").arg(l).arg(s.nHead));
        m_grid->setSelected(-1, -1);
    } else {
        m_heatmap->setMatrix(tokens, s.T, s.headMatrix(l, h), tr("layer %1, head %2").arg(l).arg(h));
        m_grid->setSelected(l, h);
    }
}

void AttentionExplorer::openHead(int layer, int head)
{
    if (!m_snapshot.isValid())
        return;
    m_layer->setCurrentIndex(std::clamp(layer, 0, m_snapshot.nLayer - 1));
    m_head->setCurrentIndex(std::clamp(head, 0, m_snapshot.nHead));
    updateHeatmap();
    setView(HeatmapView);
}

bool AttentionExplorer::exportPng(const QString &path)
{
    QWidget *w = m_views->currentWidget() == m_headView ? static_cast<QWidget *>(m_headView->canvas())
                                                        : m_views->currentWidget();
    if (isShowingNote())
        w = m_emptyNote;
    const bool ok = w->grab().save(path, "PNG");
    m_note->setText(ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path));
    return ok;
}

bool AttentionExplorer::exportJson(const QString &path)
{
    if (!m_snapshot.isValid()) {
        m_note->setText(tr("There is no attention to export yet."));
        return false;
    }
    QSaveFile f(path);
    const std::string doc = attentionJson(m_snapshot);
    const bool ok = f.open(QIODevice::WriteOnly) && f.write(doc.data(), qint64(doc.size())) == qint64(doc.size()) &&
                    f.write("\n", 1) == 1 && f.commit();
    m_note->setText(ok ? tr("Saved %1").arg(path) : tr("Could not write %1: %2").arg(path, f.errorString()));
    return ok;
}

void AttentionExplorer::exportPngDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the view as PNG"), QStringLiteral("attention.png"),
                                                      tr("PNG images (*.png)"));
    if (!path.isEmpty())
        exportPng(path);
}

void AttentionExplorer::exportJsonDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the attention as JSON"),
                                                      QStringLiteral("attention.json"), tr("JSON (*.json)"));
    if (!path.isEmpty())
        exportJson(path);
}

} // namespace lmwb::widgets
