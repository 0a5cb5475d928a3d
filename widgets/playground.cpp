#include "playground.h"

#include "distributionview.h"
#include "runhistory.h"
#include "runscanner.h"
#include "samplerpanel.h"
#include "outputtokenview.h"

#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace lmwb::widgets {

// ---------------------------------------------------------------------------------------
// PlaygroundPane

PlaygroundPane::PlaygroundPane(int index, QWidget *parent) : QWidget(parent), m_index(index)
{
    setObjectName(QStringLiteral("playgroundPane%1").arg(index));
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_checkpoint = new QComboBox;
    m_checkpoint->setObjectName(QStringLiteral("checkpointCombo"));
    m_checkpoint->setMinimumContentsLength(24);
    m_checkpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_checkpoint->setToolTip(tr("A run of the workspace (its latest checkpoint), one of its checkpoints, or a "
                                "folder you chose."));
    auto *browse = new QPushButton(tr("Folder…"));
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setToolTip(tr("Choose a checkpoint or run folder (an imported model, too)."));
    row->addWidget(new QLabel(index == 0 ? tr("Model A:") : tr("Model B:")));
    row->addWidget(m_checkpoint, 1);
    row->addWidget(browse);
    l->addLayout(row);

    auto *split = new QSplitter(Qt::Horizontal);
    m_sampler = new SamplerPanel;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_sampler);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(360);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_output = new OutputTokenView;
    split->addWidget(scroll);
    split->addWidget(m_output);
    split->setStretchFactor(1, 1);
    l->addWidget(split, 1);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("paneStatus"));
    m_status->setWordWrap(true);
    l->addWidget(m_status);

    connect(browse, &QPushButton::clicked, this, [this] {
        if (!qEnvironmentVariableIsEmpty("LMWB_NO_DIALOGS"))
            return;
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a checkpoint or run folder"),
                                                              checkpoint());
        if (!dir.isEmpty())
            setCheckpoint(dir);
    });
    connect(m_output, &OutputTokenView::tokenClicked, this, [this](int i) { emit tokenClicked(m_index, i); });
}

QString PlaygroundPane::checkpoint() const { return m_checkpoint->currentData().toString(); }

void PlaygroundPane::setCheckpoint(const QString &path)
{
    int i = m_checkpoint->findData(path);
    if (i < 0) {
        m_checkpoint->addItem(QDir::toNativeSeparators(path), path);
        i = m_checkpoint->count() - 1;
    }
    m_checkpoint->setCurrentIndex(i);
}

void PlaygroundPane::setCheckpointChoices(const QList<QPair<QString, QString>> &choices)
{
    const QString current = checkpoint();
    m_checkpoint->clear();
    for (const auto &[label, path] : choices)
        m_checkpoint->addItem(label, path);
    if (!current.isEmpty())
        setCheckpoint(current);
}

void PlaygroundPane::start(const QString &prompt)
{
    m_prompt = prompt;
    m_tokens.clear();
    m_output->setSelectedToken(-1);
    m_output->setContent(prompt, {});
    setStatus(QString());
}

void PlaygroundPane::appendToken(const PlaygroundToken &t)
{
    m_tokens << t;
    m_output->appendToken(m_tokens.size() - 1, t);
}

void PlaygroundPane::truncate(int tokens)
{
    m_tokens.resize(std::clamp(tokens, 0, int(m_tokens.size())));
    m_output->setContent(m_prompt, m_tokens);
}

QString PlaygroundPane::text() const
{
    QString s = m_prompt;
    for (const auto &t : m_tokens)
        s += t.text;
    return s;
}

void PlaygroundPane::setStatus(const QString &text) { m_status->setText(text); }
QString PlaygroundPane::status() const { return m_status->text(); }

// ---------------------------------------------------------------------------------------
// Playground

Playground::Playground(QWidget *parent) : QWidget(parent)
{
    registerPlaygroundTypes();
    setObjectName(QStringLiteral("playground"));
    auto *l = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_prompt = new QPlainTextEdit;
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setPlaceholderText(tr("Prompt: the text the model continues"));
    m_prompt->setMaximumHeight(90);
    auto *buttons = new QVBoxLayout;
    m_generate = new QPushButton(tr("Generate"));
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setDefault(true);
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_compare = new QCheckBox(tr("Compare"));
    m_compare->setObjectName(QStringLiteral("compareCheck"));
    m_compare->setToolTip(tr("Two panes side by side: two checkpoints or two sampler settings on the same prompt "
                             "and seed (pane A's seed is used for both). When pane A holds a fine-tuned model, "
                             "pane B starts with the model it was fine-tuned from."));
    buttons->addWidget(m_generate);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_compare);
    top->addWidget(m_prompt, 1);
    top->addLayout(buttons);
    l->addLayout(top);

    auto *vsplit = new QSplitter(Qt::Vertical);
    m_panesSplitter = new QSplitter(Qt::Horizontal);
    for (int i = 0; i < 2; ++i) {
        m_panes[i] = new PlaygroundPane(i);
        m_panesSplitter->addWidget(m_panes[i]);
        connect(m_panes[i], &PlaygroundPane::tokenClicked, this, &Playground::selectToken);
    }
    m_panes[1]->setVisible(false);
    vsplit->addWidget(m_panesSplitter);

    auto *bottom = new QWidget;
    auto *bl = new QHBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    m_distribution = new DistributionView;
    auto *altBox = new QVBoxLayout;
    auto *altLabel = new QLabel(tr("Alternatives (click to branch):"));
    m_alternatives = new QListWidget;
    m_alternatives->setObjectName(QStringLiteral("alternativesList"));
    m_alternatives->setMaximumWidth(240);
    altBox->addWidget(altLabel);
    altBox->addWidget(m_alternatives, 1);
    bl->addWidget(m_distribution, 1);
    bl->addLayout(altBox);
    vsplit->addWidget(bottom);
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 2);
    l->addWidget(vsplit, 1);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("playgroundStatus"));
    m_status->setWordWrap(true);
    l->addWidget(m_status);

    connect(m_generate, &QPushButton::clicked, this, &Playground::generate);
    connect(m_stop, &QPushButton::clicked, this, &Playground::stop);
    connect(m_compare, &QCheckBox::toggled, this, [this](bool on) {
        m_panes[1]->setVisible(on);
        // Base against fine-tuned: the second pane takes pane A's base model.
        const QString base = on ? baseModelOf(m_panes[0]->checkpoint()) : QString();
        if (!base.isEmpty()) {
            m_panes[1]->setCheckpoint(base);
            m_panes[1]->setStatus(tr("The base model of pane A's fine-tuned run."));
        }
    });
    connect(m_distribution, &DistributionView::candidateClicked, this, [this](int id) {
        if (m_selIndex >= 0)
            branch(m_selPane, m_selIndex, id);
    });
    connect(m_alternatives, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (m_selIndex >= 0)
            branch(m_selPane, m_selIndex, item->data(Qt::UserRole).toInt());
    });
    setGenerating(false);
}

bool Playground::compareMode() const { return m_compare->isChecked(); }

QString Playground::baseModelOf(const QString &checkpoint)
{
    // A run directory and each of its checkpoints hold the run's config.json.
    const QString base = initFromOfRun(checkpoint);
    return base.isEmpty() ? QString() : QDir::cleanPath(base);
}
void Playground::setCompareMode(bool on) { m_compare->setChecked(on); }

void Playground::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    refreshCheckpoints();
}

void Playground::refreshCheckpoints()
{
    QList<QPair<QString, QString>> choices;
    if (!m_workspace.isEmpty()) {
        QCollator collator;
        collator.setNumericMode(true);
        for (const RunInfo &run : scanWorkspace(m_workspace)) {
            if (run.latestCheckpoint.isEmpty())
                continue;
            choices.append({tr("%1 (latest: %2)").arg(run.name, run.latestCheckpoint), run.path});
            QDir ckpts(QDir(run.path).filePath(QStringLiteral("checkpoints")));
            QStringList names = ckpts.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
            std::sort(names.begin(), names.end(),
                      [&](const QString &a, const QString &b) { return collator.compare(a, b) > 0; });
            for (const QString &n : names)
                if (QFileInfo::exists(ckpts.filePath(n + QStringLiteral("/model.safetensors"))))
                    choices.append({QStringLiteral("%1 / %2").arg(run.name, n), ckpts.filePath(n)});
        }
    }
    for (auto *p : m_panes)
        p->setCheckpointChoices(choices);
}

PlaygroundRequest Playground::request(int pane, quint64 seed) const
{
    PlaygroundRequest r;
    r.pane = pane;
    r.checkpoint = m_panes[pane]->checkpoint();
    r.prompt = m_prompt->toPlainText();
    r.settings = m_panes[pane]->sampler()->settings();
    r.settings.seed = seed;
    return r;
}

void Playground::generate()
{
    if (m_generating)
        return;
    m_lastError.clear();
    QVector<PlaygroundRequest> requests;
    const int panes = compareMode() ? 2 : 1;
    PlaygroundSettings a = m_panes[0]->sampler()->settings();
    quint64 seed = a.seed;
    if (!a.fixedSeed) {
        seed = QRandomGenerator::global()->bounded(INT_MAX);
        m_panes[0]->sampler()->setSeed(seed);
    }
    for (int i = 0; i < panes; ++i) {
        if (m_panes[i]->checkpoint().isEmpty()) {
            m_lastError = tr("Choose a checkpoint for model %1 first (a run of the workspace or a folder).")
                              .arg(i == 0 ? QStringLiteral("A") : QStringLiteral("B"));
            m_status->setText(m_lastError);
            return;
        }
        m_panes[i]->sampler()->setSeed(seed);
        requests << request(i, seed);
        m_panes[i]->start(requests.back().prompt);
    }
    m_follow = true;
    m_selPane = 0;
    m_selIndex = -1;
    m_distribution->clear();
    m_alternatives->clear();
    ++m_serial;
    setGenerating(true);
    m_status->setText(tr("Generating with seed %1…").arg(seed));
    emit generateRequested(m_serial, requests);
}

void Playground::stop()
{
    if (m_generating)
        emit stopRequested(m_serial);
}

void Playground::branch(int pane, int index, int id)
{
    if (m_generating || pane < 0 || pane > 1)
        return;
    PlaygroundPane *p = m_panes[pane];
    if (index < 0 || index >= p->tokens().size())
        return;
    PlaygroundToken chosen = p->tokens()[index];
    const QVector<PlaygroundCandidate> &final = chosen.stages.isEmpty() ? chosen.top : chosen.stages.back().candidates;
    chosen.prob = 0.0f;
    bool named = false;
    for (const auto &c : chosen.top)
        if (c.id == id) {
            chosen.rawProb = c.prob;
            chosen.text = c.text;
            named = true;
        }
    for (const auto &c : final)
        if (c.id == id) {
            chosen.prob = c.prob;
            chosen.text = c.text;
            named = true;
        }
    if (!named)
        return; // not a candidate of that step
    chosen.id = id;
    chosen.forced = true;
    PlaygroundRequest r = request(pane, p->sampler()->settings().seed);
    r.prompt = p->prompt();
    for (int i = 0; i < index; ++i)
        r.forcedIds << p->tokens()[i].id;
    r.forcedIds << id;
    r.settings.maxNewTokens = std::max(1, r.settings.maxNewTokens - index - 1);
    p->truncate(index);
    p->appendToken(chosen);
    m_follow = false;
    selectToken(pane, index);
    ++m_serial;
    setGenerating(true);
    m_status->setText(tr("Branching from token %1 with \"%2\"…")
                          .arg(index + 1)
                          .arg(DistributionView::displayText(chosen.text)));
    emit generateRequested(m_serial, {r});
}

void Playground::selectToken(int pane, int index)
{
    if (pane < 0 || pane > 1 || index < 0 || index >= m_panes[pane]->tokens().size())
        return;
    m_follow = m_generating && index == m_panes[pane]->tokens().size() - 1;
    m_selPane = pane;
    m_selIndex = index;
    for (auto *p : m_panes)
        p->output()->setSelectedToken(p->index() == pane ? index : -1);
    m_distribution->showToken(m_panes[pane]->tokens()[index], index);
    showAlternatives();
}

void Playground::showAlternatives()
{
    m_alternatives->clear();
    if (m_selIndex < 0)
        return;
    const PlaygroundToken &t = m_panes[m_selPane]->tokens()[m_selIndex];
    const QVector<PlaygroundCandidate> &final = t.stages.isEmpty() ? t.top : t.stages.back().candidates;
    QVector<PlaygroundCandidate> list = final;
    for (const auto &c : t.top) // also what the chain cut, with its probability after it (0)
        if (std::none_of(list.begin(), list.end(), [&](const PlaygroundCandidate &x) { return x.id == c.id; }))
            list.push_back({c.id, c.text, 0.0f});
    for (const auto &c : list) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1   %2").arg(DistributionView::displayText(c.text), -8).arg(double(c.prob), 0, 'f', 3));
        item->setData(Qt::UserRole, c.id);
        item->setBackground(OutputTokenView::colourFor(c.prob));
        if (c.id == t.id)
            item->setText(item->text() + QStringLiteral("  ◀"));
        m_alternatives->addItem(item);
    }
}

void Playground::setGenerating(bool on)
{
    m_generating = on;
    m_generate->setEnabled(!on);
    m_stop->setEnabled(on);
    m_alternatives->setEnabled(!on);
}

void Playground::onPaneStarted(int serial, int pane, const QString &modelDescription, int)
{
    if (serial != m_serial || pane < 0 || pane > 1)
        return;
    m_panes[pane]->setStatus(modelDescription);
}

void Playground::onToken(int serial, int pane, const PlaygroundToken &token)
{
    if (serial != m_serial || pane < 0 || pane > 1)
        return;
    m_panes[pane]->appendToken(token);
    if (m_follow) {
        m_selPane = pane;
        m_selIndex = m_panes[pane]->tokens().size() - 1;
        m_distribution->showToken(token, m_selIndex);
    }
}

void Playground::onPaneFinished(int serial, int pane, const QString &stopReason, double tokensPerSecond)
{
    if (serial != m_serial || pane < 0 || pane > 1)
        return;
    QString why = stopReason;
    if (stopReason == QLatin1String("max_new_tokens"))
        why = tr("reached the maximum of new tokens");
    else if (stopReason == QLatin1String("stop_string"))
        why = tr("hit a stop string");
    else if (stopReason == QLatin1String("cancelled"))
        why = tr("stopped");
    PlaygroundPane *p = m_panes[pane];
    const QString desc = p->status();
    p->setStatus(tr("%1 — %n token(s), %2 tokens/s, %3", nullptr, int(p->tokens().size()))
                     .arg(desc)
                     .arg(tokensPerSecond, 0, 'f', 1)
                     .arg(why));
}

void Playground::onFailed(int serial, int pane, const QString &error)
{
    if (serial != m_serial)
        return;
    m_lastError = error;
    if (pane >= 0 && pane <= 1)
        m_panes[pane]->setStatus(error);
    m_status->setText(error);
}

void Playground::onFinished(int serial)
{
    if (serial != m_serial)
        return;
    setGenerating(false);
    if (m_lastError.isEmpty())
        m_status->setText(tr("Done. Click a token to see its distribution; click an alternative to branch."));
    if (m_selIndex >= 0 && m_selIndex < m_panes[m_selPane]->tokens().size())
        selectToken(m_selPane, m_selIndex);
}

} // namespace lmwb::widgets
