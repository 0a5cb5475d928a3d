#include "teachtab.h"

#include "architectureview.h"
#include "blockdetails.h"
#include "formulapanel.h"
#include "logitlensview.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace lmwb::widgets {

TeachTab::TeachTab(QWidget *parent) : QWidget(parent)
{
    registerTeachTypes();
    setObjectName(QStringLiteral("teachTab"));
    m_model = new QLabel(tr("No model loaded."));
    m_model->setObjectName(QStringLiteral("teachModelLabel"));
    m_load = new QPushButton(tr("Load latest checkpoint"));
    m_load->setObjectName(QStringLiteral("teachLoadButton"));
    m_load->setToolTip(tr("Load the newest checkpoint of the current run (the one training, or the one opened)."));
    connect(m_load, &QPushButton::clicked, this, &TeachTab::loadRequested);

    m_prompt = new QLineEdit;
    m_prompt->setObjectName(QStringLiteral("teachPrompt"));
    m_prompt->setPlaceholderText(tr("A prompt to send through the model"));
    m_token = new QComboBox;
    m_token->setObjectName(QStringLiteral("teachToken"));
    m_token->setToolTip(tr("The token whose vectors, attention row and next-token reading are shown."));
    m_layer = new QSpinBox;
    m_layer->setObjectName(QStringLiteral("teachLayer"));
    m_layer->setRange(0, 0);
    m_head = new QSpinBox;
    m_head->setObjectName(QStringLiteral("teachHead"));
    m_head->setRange(0, 0);
    m_head->setProperty("lmwbAdvanced", true);
    auto *headLabel = new QLabel(tr("Head"));
    headLabel->setProperty("lmwbAdvanced", true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_model, 1);
    top->addWidget(m_load);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Prompt")));
    controls->addWidget(m_prompt, 3);
    controls->addWidget(new QLabel(tr("Token")));
    controls->addWidget(m_token, 1);
    controls->addWidget(new QLabel(tr("Layer")));
    controls->addWidget(m_layer);
    controls->addWidget(headLabel);
    controls->addWidget(m_head);

    m_back = new QPushButton(tr("◀ Back"));
    m_back->setObjectName(QStringLiteral("teachStepBack"));
    m_next = new QPushButton(tr("Next block ▶"));
    m_next->setObjectName(QStringLiteral("teachStepNext"));
    m_stepLabel = new QLabel(tr("Step through one forward pass, block by block."));
    m_stepLabel->setObjectName(QStringLiteral("teachStepLabel"));
    m_stepLabel->setWordWrap(true);
    connect(m_back, &QPushButton::clicked, this, &TeachTab::stepBack);
    connect(m_next, &QPushButton::clicked, this, &TeachTab::stepNext);
    auto *stepRow = new QHBoxLayout;
    stepRow->addWidget(m_back);
    stepRow->addWidget(m_next);
    stepRow->addWidget(m_stepLabel, 1);

    m_arch = new ArchitectureView;
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("architectureScroll"));
    scroll->setWidget(m_arch);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(470);
    m_details = new BlockDetails;
    m_formulas = new FormulaPanel;
    m_lens = new LogitLensView;
    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("teachViews"));
    m_views->addTab(m_details, tr("Block"));
    m_views->addTab(m_formulas, tr("Formulas"));
    m_views->addTab(m_lens, tr("Logit lens"));
    auto *split = new QSplitter;
    split->addWidget(scroll);
    split->addWidget(m_views);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("teachStatus"));
    m_status->setWordWrap(true);

    auto *l = new QVBoxLayout(this);
    l->addLayout(top);
    l->addLayout(controls);
    l->addLayout(stepRow);
    l->addWidget(split, 1);
    l->addWidget(m_status);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &TeachTab::requestNow);
    connect(m_prompt, &QLineEdit::textChanged, this, [this] {
        m_wantedToken = -1;
        scheduleRequest();
    });
    connect(m_token, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        m_wantedToken = i;
        scheduleRequest();
    });
    connect(m_layer, qOverload<int>(&QSpinBox::valueChanged), this, [this](int v) {
        m_arch->setLayer(v);
        scheduleRequest();
    });
    connect(m_head, qOverload<int>(&QSpinBox::valueChanged), this, &TeachTab::scheduleRequest);
    connect(m_arch, &ArchitectureView::blockClicked, this, [this](int b) {
        m_step = b;
        showBlock(b);
        m_views->setCurrentWidget(m_details);
    });
    connect(m_lens, &LogitLensView::stepChanged, this, [this](int row) {
        const int b = m_snap.blockIndex(row == 0 ? QStringLiteral("embed") : QStringLiteral("h.%1.add_2").arg(row - 1));
        if (b >= 0) {
            m_step = b;
            m_arch->selectBlock(b);
            m_details->setBlock(m_snap, b);
        }
    });
    m_prompt->setText(QStringLiteral("12+34="));
}

QString TeachTab::statusText() const { return m_status->text(); }

void TeachTab::setPrompt(const QString &prompt) { m_prompt->setText(prompt); }

void TeachTab::setSelectedToken(int token)
{
    m_wantedToken = token;
    scheduleRequest();
}

void TeachTab::setLayer(int layer) { m_layer->setValue(layer); }
void TeachTab::setHead(int head) { m_head->setValue(head); }

void TeachTab::scheduleRequest()
{
    if (hasModel())
        m_debounce->start();
}

void TeachTab::requestNow()
{
    m_debounce->stop();
    if (!hasModel())
        return;
    m_status->setText(tr("Computing…"));
    emit inspectRequested(++m_requestId, m_prompt->text(), m_wantedToken, m_layer->value(), m_head->value());
}

void TeachTab::setModel(const QString &checkpoint, const QString &description, const QString &error)
{
    if (!error.isEmpty()) {
        m_status->setText(tr("Could not load the model: %1").arg(error));
        return;
    }
    m_checkpoint = checkpoint;
    m_model->setText(tr("<b>%1</b> — %2").arg(QFileInfo(checkpoint).fileName().toHtmlEscaped(), description.toHtmlEscaped()));
    m_snap = {};
    m_step = -1;
    requestNow();
}

void TeachTab::setSnapshot(const TeachSnapshot &snapshot)
{
    if (snapshot.requestId != m_requestId)
        return; // an older request; a newer one is on its way
    if (!snapshot.error.isEmpty()) {
        m_status->setText(snapshot.error);
        emit snapshotShown();
        return;
    }
    const bool newModel = snapshot.blocks.size() != m_snap.blocks.size();
    m_snap = snapshot;
    {
        const QSignalBlocker b1(m_layer), b2(m_head);
        m_layer->setRange(0, qMax(0, snapshot.nLayer - 1));
        m_head->setRange(0, qMax(0, snapshot.nHead - 1));
        m_layer->setEnabled(!snapshot.lstm);
        m_head->setEnabled(!snapshot.lstm);
        if (snapshot.hasTrace) {
            m_layer->setValue(snapshot.layer);
            m_head->setValue(snapshot.head);
        }
    }
    // What the views show now, for lessons to check ({"object": "teachTab", "property": "shownLayer", ...}).
    setProperty("shownLayer", snapshot.hasTrace ? snapshot.layer : -1);
    setProperty("shownHead", snapshot.hasTrace ? snapshot.head : -1);
    setProperty("shownToken", snapshot.selectedToken);
    setProperty("shownPrompt", m_prompt->text());
    refillTokens();
    m_arch->setSnapshot(snapshot);
    if (!snapshot.lstm)
        m_arch->setLayer(m_layer->value());
    m_formulas->setSnapshot(snapshot);
    m_lens->setSnapshot(snapshot);
    if (newModel)
        m_step = -1;
    if (m_step >= 0)
        showBlock(m_step);
    else
        m_details->setBlock(snapshot, -1);
    m_status->setText(tr("Step %1 of training · %2 tokens · %3 parameters")
                          .arg(snapshot.step)
                          .arg(snapshot.tokens.size())
                          .arg(snapshot.parameterCount));
    m_back->setEnabled(true);
    m_next->setEnabled(true);
    emit snapshotShown();
}

void TeachTab::refillTokens()
{
    const QSignalBlocker b(m_token);
    m_token->clear();
    for (int i = 0; i < m_snap.tokens.size(); ++i)
        m_token->addItem(QStringLiteral("%1: %2").arg(i).arg(m_snap.tokens[i]));
    m_token->setCurrentIndex(m_snap.selectedToken);
}

void TeachTab::stepTo(int block)
{
    if (m_snap.blocks.isEmpty())
        return;
    m_step = qBound(0, block, int(m_snap.blocks.size()) - 1);
    showBlock(m_step);
}

void TeachTab::showBlock(int index)
{
    if (index < 0 || index >= m_snap.blocks.size())
        return;
    const TeachBlock &b = m_snap.blocks[index];
    m_arch->selectBlock(index);
    m_details->setBlock(m_snap, index);
    m_stepLabel->setText(tr("Step %1 of %2: <b>%3</b> — %4")
                             .arg(index + 1)
                             .arg(m_snap.blocks.size())
                             .arg(b.name.toHtmlEscaped(), blockExplanation(b).toHtmlEscaped()));
    if (b.kind == QLatin1String("add") && !m_snap.lens.isEmpty()) {
        const int row = b.layer < 0 ? 0 : (b.name.endsWith(QLatin1String("add_2")) ? b.layer + 1 : -1);
        if (row >= 0) {
            const QSignalBlocker blocker(m_lens);
            m_lens->setCurrentStep(row);
        }
    }
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index < m_snap.blocks.size() - 1);
}

} // namespace lmwb::widgets
