#include "wizardmodelpage.h"

#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardtokenizerpage.h"
#include "wizardtrainingpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace lmwb::widgets {

qint64 modelParameterCount(const core::ModelConfig &m, qint64 V)
{
    const qint64 C = m.nEmbd, L = m.nLayer, T = m.blockSize;
    if (m.arch == core::Arch::Lstm) {
        const qint64 perLayer = 4 * C * (C + C) + 8 * C; // W_ih, W_hh (4C x C each), b_ih, b_hh
        return V * C + L * perLayer + C + (m.bias ? C : 0) + C * V + V;
    }
    // wte, wpe; per block ln_1, ln_2, c_attn, c_proj, mlp.c_fc, mlp.c_proj; ln_f. lm_head is wte.
    qint64 n = V * C + T * C + L * (2 * C + 3 * C * C + C * C + 8 * C * C) + C;
    if (m.bias)
        n += L * (2 * C + 3 * C + C + 4 * C + C) + C;
    return n;
}

double modelTrainingMemoryBytes(const core::ModelConfig &m, qint64 V, int B)
{
    const double params = static_cast<double>(modelParameterCount(m, V));
    const double activations = static_cast<double>(B) * m.blockSize * m.nEmbd * m.nLayer * 16.0;
    return params * 4.0 * 4.0 + activations * 4.0;
}

double modelTrainingFlopsPerToken(const core::ModelConfig &m, qint64 V)
{
    const double n = static_cast<double>(modelParameterCount(m, V));
    if (m.arch == core::Arch::Lstm)
        return 6.0 * n;
    return 6.0 * n + 12.0 * m.nLayer * m.nEmbd * static_cast<double>(m.blockSize);
}

core::ModelConfig WizardModelPage::presetConfig(Preset preset)
{
    core::ModelConfig m;
    switch (preset) {
    case Tiny:
        m.nLayer = 2, m.nHead = 2, m.nEmbd = 64, m.blockSize = 32, m.dropout = 0.0;
        break;
    case NanoGptCpu: // nanoGPT README, "I only have a macbook": shakespeare_char on a CPU
        m.nLayer = 4, m.nHead = 4, m.nEmbd = 128, m.blockSize = 64, m.dropout = 0.0;
        break;
    case BabyGpt: // nanoGPT config/train_shakespeare_char.py
    case Custom:
        m.nLayer = 6, m.nHead = 6, m.nEmbd = 384, m.blockSize = 256, m.dropout = 0.2;
        break;
    }
    m.bias = false;
    return m;
}

WizardModelPage::WizardModelPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Model"));
    setSubTitle(tr("The size and kind of the network. Start small: a tiny model trains in minutes on a CPU."));

    auto label = [this](const QString &text) { return new QLabel(text, this); };

    m_presetCombo = new QComboBox(this);
    m_presetCombo->setObjectName(QStringLiteral("modelPresetCombo"));
    m_presetCombo->addItem(tr("Tiny (2 layers, 2 heads, 64 wide, context 32)"), Tiny);
    m_presetCombo->addItem(tr("nanoGPT CPU (4 × 4 × 128, context 64)"), NanoGptCpu);
    m_presetCombo->addItem(tr("Baby GPT (6 × 6 × 384, context 256, dropout 0.2)"), BabyGpt);
    m_presetCombo->addItem(tr("Custom"), Custom);
    auto *presetLabel = label(tr("Preset:"));
    wizardui::setTip(m_presetCombo,
                     tr("Known-good sizes. Tiny learns the addition corpus in minutes. nanoGPT CPU is the "
                        "configuration nanoGPT suggests for a laptop. Baby GPT is nanoGPT's "
                        "shakespeare_char model, about 10.7 M parameters: slow without a GPU. Changing a "
                        "field below switches to Custom."),
                     presetLabel);

    m_archCombo = new QComboBox(this);
    m_archCombo->setObjectName(QStringLiteral("archCombo"));
    m_archCombo->addItem(tr("GPT (transformer)"), QStringLiteral("gpt"));
    m_archCombo->addItem(tr("LSTM (recurrent baseline)"), QStringLiteral("lstm"));
    auto *archLabel = label(tr("Architecture:"));
    wizardui::setTip(m_archCombo,
                     tr("model.arch. GPT: the decoder-only transformer of GPT-2 and nanoGPT. LSTM: the "
                        "recurrent network that came before; train both on the same data to compare curves."),
                     archLabel);

    m_layerSpin = new QSpinBox(this);
    m_layerSpin->setObjectName(QStringLiteral("nLayerSpin"));
    m_layerSpin->setRange(1, 96);
    auto *layerLabel = label(tr("Layers:"));
    wizardui::setTip(m_layerSpin, tr("model.n_layer: transformer blocks (or LSTM layers) stacked on each other. "
                                     "2–6 for a CPU; GPT-2 small has 12."),
                     layerLabel);
    m_headSpin = new QSpinBox(this);
    m_headSpin->setObjectName(QStringLiteral("nHeadSpin"));
    m_headSpin->setRange(1, 128);
    auto *headLabel = label(tr("Attention heads:"));
    wizardui::setTip(m_headSpin, tr("model.n_head: attention heads per layer, each looking at the text in its "
                                    "own way. Must divide the width; each head gets width / heads dimensions "
                                    "(64 in GPT-2). GPT only."),
                     headLabel);
    m_embdSpin = new QSpinBox(this);
    m_embdSpin->setObjectName(QStringLiteral("nEmbdSpin"));
    m_embdSpin->setRange(1, 16384);
    m_embdSpin->setSingleStep(16);
    auto *embdLabel = label(tr("Width:"));
    wizardui::setTip(m_embdSpin, tr("model.n_embd: the size of the vector that stands for each token. Parameters "
                                    "grow with its square. 64–384 on a CPU; GPT-2 small has 768."),
                     embdLabel);
    m_blockSpin = new QSpinBox(this);
    m_blockSpin->setObjectName(QStringLiteral("blockSizeSpin"));
    m_blockSpin->setRange(1, 32768);
    m_blockSpin->setSingleStep(16);
    auto *blockLabel = label(tr("Context length:"));
    wizardui::setTip(m_blockSpin, tr("model.block_size: how many tokens the model sees at once. Longer context "
                                     "remembers more but costs more per step (attention grows with its "
                                     "square). 32–256 here; GPT-2 has 1024."),
                     blockLabel);
    m_dropoutSpin = new QDoubleSpinBox(this);
    m_dropoutSpin->setObjectName(QStringLiteral("dropoutSpin"));
    m_dropoutSpin->setRange(0.0, 0.9);
    m_dropoutSpin->setSingleStep(0.05);
    m_dropoutSpin->setDecimals(2);
    auto *dropoutLabel = label(tr("Dropout:"));
    wizardui::setTip(m_dropoutSpin, tr("model.dropout: the share of activations zeroed at random while "
                                       "training, against overfitting. 0 for small models and short runs; 0.2 "
                                       "when the validation loss rises while the train loss falls."),
                     dropoutLabel);
    m_biasCheck = new QCheckBox(tr("Bias in linear layers and LayerNorm"), this);
    m_biasCheck->setObjectName(QStringLiteral("biasCheck"));
    wizardui::setTip(m_biasCheck, tr("model.bias: add bias vectors, as GPT-2 does. Off (nanoGPT's default) is a "
                                     "little faster and usually as good."));

    for (QAbstractSpinBox *s : std::initializer_list<QAbstractSpinBox *>{m_layerSpin, m_headSpin, m_embdSpin, m_blockSpin, m_dropoutSpin})
        s->setMinimumWidth(140);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(presetLabel, m_presetCombo);
    form->addRow(archLabel, m_archCombo);
    form->addRow(layerLabel, m_layerSpin);
    form->addRow(headLabel, m_headSpin);
    form->addRow(embdLabel, m_embdSpin);
    form->addRow(blockLabel, m_blockSpin);
    form->addRow(dropoutLabel, m_dropoutSpin);
    form->addRow(QString(), m_biasCheck);

    auto *figures = new QGroupBox(tr("What this model costs"), this);
    QFont figureFont = font();
    figureFont.setPointSizeF(figureFont.pointSizeF() * 1.1);
    figures->setFont(figureFont);
    auto figure = [figures](const char *name, const QString &tip) {
        auto *l = new QLabel(figures);
        QFont bold = l->font();
        bold.setBold(true);
        l->setFont(bold);
        l->setObjectName(QLatin1String(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        l->setToolTip(tip);
        return l;
    };
    m_params = figure("parameterCountLabel", tr("Counted exactly from the layer shapes, position embeddings "
                                                "included; the output layer shares the embedding (GPT)."));
    m_memory = figure("memoryLabel", tr("An estimate: weights, gradients and the two Adam moments (4 bytes "
                                        "each per parameter) plus the activations of one batch."));
    m_flops = figure("flopsLabel", tr("Floating-point operations to train on one token: 6 N + 12 L C T, as in "
                                      "the PaLM paper and nanoGPT."));
    m_stepTime = figure("stepTimeLabel", tr("One optimizer step of this model at the chosen batch size, measured "
                                            "by actually running one in the background."));
    auto *grid = new QGridLayout(figures);
    grid->addWidget(new QLabel(tr("Parameters:"), figures), 0, 0);
    grid->addWidget(m_params, 0, 1);
    grid->addWidget(new QLabel(tr("Memory to train:"), figures), 1, 0);
    grid->addWidget(m_memory, 1, 1);
    grid->addWidget(new QLabel(tr("FLOPs per token:"), figures), 2, 0);
    grid->addWidget(m_flops, 2, 1);
    grid->addWidget(new QLabel(tr("One training step:"), figures), 3, 0);
    grid->addWidget(m_stepTime, 3, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(4, 1);
    grid->setVerticalSpacing(14);

    m_error = wizardui::makeErrorLabel(QStringLiteral("modelErrorLabel"), this);

    auto *columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addSpacing(16);
    columns->addWidget(figures, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addStretch(1);
    layout->addWidget(m_error);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    connect(m_debounce, &QTimer::timeout, this, &WizardModelPage::requestStepTiming);

    applyPreset(NanoGptCpu);

    connect(m_presetCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_applyingPreset && preset() != Custom)
            applyPreset(preset());
    });
    connect(m_archCombo, &QComboBox::currentIndexChanged, this, &WizardModelPage::fieldsChanged);
    for (QSpinBox *s : {m_layerSpin, m_headSpin, m_embdSpin, m_blockSpin})
        connect(s, &QSpinBox::valueChanged, this, &WizardModelPage::fieldsChanged);
    connect(m_dropoutSpin, &QDoubleSpinBox::valueChanged, this, &WizardModelPage::fieldsChanged);
    connect(m_biasCheck, &QCheckBox::toggled, this, &WizardModelPage::fieldsChanged);
}

void WizardModelPage::applyPreset(Preset p)
{
    const core::ModelConfig m = presetConfig(p);
    m_applyingPreset = true;
    m_presetCombo->setCurrentIndex(m_presetCombo->findData(p));
    m_layerSpin->setValue(m.nLayer);
    m_headSpin->setValue(m.nHead);
    m_embdSpin->setValue(m.nEmbd);
    m_blockSpin->setValue(m.blockSize);
    m_dropoutSpin->setValue(m.dropout);
    m_biasCheck->setChecked(m.bias);
    m_applyingPreset = false;
    fieldsChanged();
}

WizardModelPage::Preset WizardModelPage::preset() const
{
    return static_cast<Preset>(m_presetCombo->currentData().toInt());
}

core::ModelConfig WizardModelPage::modelConfig() const
{
    core::ModelConfig m;
    m.arch = m_archCombo->currentData().toString() == QLatin1String("lstm") ? core::Arch::Lstm : core::Arch::Gpt;
    m.nLayer = m_layerSpin->value();
    m.nHead = m_headSpin->value();
    m.nEmbd = m_embdSpin->value();
    m.blockSize = m_blockSpin->value();
    m.dropout = m_dropoutSpin->value();
    m.bias = m_biasCheck->isChecked();
    return m;
}

qint64 WizardModelPage::vocabSize() const
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    return w ? w->tokenizerPage()->vocabSize() : 0;
}

int WizardModelPage::batchSize() const
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    return w ? w->trainingPage()->trainingConfig().batchSize : core::TrainingConfig().batchSize;
}

qint64 WizardModelPage::parameterCount() const { return modelParameterCount(modelConfig(), vocabSize()); }

void WizardModelPage::fieldsChanged()
{
    if (m_applyingPreset)
        return;
    // The preset combo follows the fields: a preset when they match one, else Custom.
    const core::ModelConfig m = modelConfig();
    Preset match = Custom;
    for (Preset p : {Tiny, NanoGptCpu, BabyGpt}) {
        const auto c = presetConfig(p);
        if (c.nLayer == m.nLayer && c.nHead == m.nHead && c.nEmbd == m.nEmbd && c.blockSize == m.blockSize &&
            c.dropout == m.dropout && c.bias == m.bias)
            match = p;
    }
    {
        const QSignalBlocker block(m_presetCombo);
        m_presetCombo->setCurrentIndex(m_presetCombo->findData(match));
    }
    m_headSpin->setEnabled(m.arch == core::Arch::Gpt);
    updateFigures();
}

void WizardModelPage::initializePage() { updateFigures(); }

void WizardModelPage::updateFigures()
{
    const core::ModelConfig m = modelConfig();
    const qint64 V = vocabSize();
    const QLocale loc;
    const QString problemText = problem();
    if (V <= 0) {
        const QString unknown = tr("— (choose the data and the tokenizer first)");
        m_params->setText(unknown);
        m_memory->setText(unknown);
        m_flops->setText(unknown);
    } else {
        const qint64 n = modelParameterCount(m, V);
        m_params->setText(tr("%1 (%2) with a vocabulary of %3").arg(loc.toString(n), wizardui::shortCount(n), loc.toString(V)));
        const int B = batchSize();
        m_memory->setText(tr("≈ %1 at batch size %2 (estimate)")
                              .arg(loc.formattedDataSize(static_cast<qint64>(modelTrainingMemoryBytes(m, V, B))))
                              .arg(B));
        m_flops->setText(tr("%1 for training").arg(wizardui::shortCount(modelTrainingFlopsPerToken(m, V))));
    }
    wizardui::showProblem(m_error, problemText);
    emit completeChanged();

    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w || !w->hasStepTimingBackend()) {
        m_stepTime->setText(tr("—"));
        m_stepTime->setToolTip(tr("Measured by the training engine; not connected here."));
        return;
    }
    if (!problemText.isEmpty() || V <= 0) {
        m_debounce->stop();
        m_stepTime->setText(tr("—"));
        return;
    }
    const QString key = w->timingConfigJson();
    if (key != m_timedKey) {
        m_stepTime->setText(tr("measuring…"));
        m_debounce->start(); // restarts: the request goes 400 ms after the last change
    }
}

void WizardModelPage::requestStepTiming()
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w || !w->hasStepTimingBackend() || !problem().isEmpty())
        return;
    m_timedKey = w->timingConfigJson();
    m_stepRequest += 1;
    m_stepTime->setText(tr("measuring…"));
    w->requestStepTiming(m_stepRequest, m_timedKey);
}

void WizardModelPage::onStepTimed(int requestId, double msPerStep, qint64 parameters, const QString &error)
{
    if (requestId != m_stepRequest)
        return; // an answer for fields that have changed since
    if (!error.isEmpty()) {
        m_stepTime->setText(tr("could not measure: %1").arg(error));
        return;
    }
    QString text = tr("%1 ms per step at batch size %2 (measured)")
                       .arg(QLocale().toString(msPerStep, 'f', msPerStep < 10 ? 2 : 1))
                       .arg(batchSize());
    if (parameters > 0 && parameters != parameterCount())
        text += QLatin1Char(' ') + tr("(the engine counted %1 parameters)").arg(QLocale().toString(parameters));
    m_stepTime->setText(text);
}

QString WizardModelPage::problem() const
{
    core::RunConfig cfg = wizardui::baselineConfig();
    cfg.model = modelConfig();
    if (QString p = wizardui::coreProblem(cfg); !p.isEmpty())
        return p;
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w)
        return {};
    const CorpusStats &corpus = w->dataPage()->corpus();
    if (!corpus.loaded)
        return {};
    // TokenDataset needs block_size + 1 tokens in the train split, and in the validation
    // split when there is one. Tokens are estimated from characters per token.
    const double cpt = std::max(1.0, w->tokenizerPage()->charsPerToken());
    const double f = w->dataPage()->dataConfig().valFraction;
    const auto trainChars = static_cast<qint64>(std::floor(static_cast<double>(corpus.characters) * (1.0 - f)));
    const qint64 valChars = corpus.characters - trainChars;
    const qint64 need = static_cast<qint64>(m_blockSpin->value()) + 1;
    const qint64 shortest = f > 0.0 ? std::min(trainChars, valChars) : trainChars;
    if (static_cast<double>(shortest) / cpt < static_cast<double>(need)) {
        const QString part = f > 0.0 && valChars < trainChars ? tr("validation split") : tr("train split");
        return tr("The corpus is too short for model.block_size = %1: its %2 has %3 characters, and it needs at "
                  "least block_size + 1 = %4 tokens. Use a shorter context or more text.")
            .arg(m_blockSpin->value())
            .arg(part)
            .arg(shortest)
            .arg(need);
    }
    return {};
}

bool WizardModelPage::isComplete() const { return problem().isEmpty(); }

bool WizardModelPage::validatePage()
{
    wizardui::showProblem(m_error, problem());
    return problem().isEmpty();
}

} // namespace lmwb::widgets
