#include "wizardtrainingpage.h"

#include "trainingwizard.h"
#include "wizardmodelpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QGridLayout>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <optional>

namespace lmwb::widgets {

namespace {

// "1e-3", "0.001" and, in a locale that writes it so, "0,001".
std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double c = QLocale::c().toDouble(text.trimmed(), &ok);
    if (ok)
        return c;
    const double local = QLocale().toDouble(text.trimmed(), &ok);
    if (ok)
        return local;
    return std::nullopt;
}

QSpinBox *makeSpin(QWidget *parent, const char *name, int min, int max, int value, int step = 1)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QLatin1String(name));
    s->setRange(min, max);
    s->setSingleStep(step);
    s->setValue(value);
    s->setGroupSeparatorShown(true);
    return s;
}

} // namespace

WizardTrainingPage::WizardTrainingPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Training"));
    setSubTitle(tr("How long and how fast to learn. The defaults are nanoGPT's settings for a CPU."));

    const core::TrainingConfig d; // core's defaults
    constexpr int kMax = 1'000'000'000;
    m_stepsSpin = makeSpin(this, "maxStepsSpin", 1, kMax, static_cast<int>(d.maxSteps), 100);
    m_batchSpin = makeSpin(this, "batchSizeSpin", 1, 65536, d.batchSize);
    m_lrEdit = new QLineEdit(QStringLiteral("1e-3"), this);
    m_lrEdit->setObjectName(QStringLiteral("learningRateEdit"));
    m_minLrEdit = new QLineEdit(QStringLiteral("1e-4"), this);
    m_minLrEdit->setObjectName(QStringLiteral("minLrEdit"));
    m_warmupSpin = makeSpin(this, "warmupStepsSpin", 0, kMax, static_cast<int>(d.warmupSteps), 10);
    m_decaySpin = makeSpin(this, "lrDecayStepsSpin", 1, kMax, static_cast<int>(d.lrDecaySteps), 100);
    m_weightDecaySpin = new QDoubleSpinBox(this);
    m_weightDecaySpin->setObjectName(QStringLiteral("weightDecaySpin"));
    m_weightDecaySpin->setRange(0.0, 10.0);
    m_weightDecaySpin->setDecimals(3);
    m_weightDecaySpin->setSingleStep(0.01);
    m_weightDecaySpin->setValue(d.weightDecay);
    m_gradClipSpin = new QDoubleSpinBox(this);
    m_gradClipSpin->setObjectName(QStringLiteral("gradClipSpin"));
    m_gradClipSpin->setRange(0.0, 1e6);
    m_gradClipSpin->setDecimals(2);
    m_gradClipSpin->setSingleStep(0.1);
    m_gradClipSpin->setValue(d.gradClip);
    m_precisionCombo = new QComboBox(this);
    m_precisionCombo->setObjectName(QStringLiteral("precisionCombo"));
    m_precisionCombo->addItem(tr("fp32 (exact, the reference)"), QStringLiteral("fp32"));
    m_precisionCombo->addItem(tr("bf16 (much faster on CPUs with AMX)"), QStringLiteral("bf16"));
    m_threadsSpin = makeSpin(this, "threadsSpin", 0, 1024, d.threads);
    m_threadsSpin->setSpecialValueText(tr("all cores (%1)").arg(QThread::idealThreadCount()));
    m_evalIntervalSpin = makeSpin(this, "evalIntervalSpin", 1, kMax, static_cast<int>(d.evalInterval), 50);
    m_evalStepsSpin = makeSpin(this, "evalStepsSpin", 1, 100000, d.evalSteps);
    m_checkpointSpin = makeSpin(this, "checkpointIntervalSpin", 1, kMax, static_cast<int>(d.checkpointInterval), 100);
    m_seedSpin = makeSpin(this, "seedSpin", 0, std::numeric_limits<int>::max(), static_cast<int>(d.seed));
    m_seedSpin->setGroupSeparatorShown(false);
    m_processesSpin = makeSpin(this, "processesSpin", 1, 1024, 1);
    m_torchrunEdit = new QLineEdit(this);
    m_torchrunEdit->setObjectName(QStringLiteral("torchrunEdit"));
    m_torchrunEdit->setReadOnly(true);
    m_torchrunEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *left = new QFormLayout;
    auto *right = new QFormLayout;
    auto row = [this](QFormLayout *form, const QString &text, QWidget *field, const QString &tip) {
        auto *label = new QLabel(text, this);
        form->addRow(label, field);
        wizardui::setTip(field, tip, label);
    };
    row(left, tr("Steps:"), m_stepsSpin,
        tr("training.max_steps: optimizer steps to run. 2,000 trains the nanoGPT CPU model in a few minutes; "
           "watch the validation loss to decide whether more helps."));
    row(left, tr("Batch size:"), m_batchSpin,
        tr("training.batch_size: sequences per step. Bigger gives smoother gradients but slower steps; 12 on a "
           "CPU, 64 on a GPU."));
    row(left, tr("Learning rate:"), m_lrEdit,
        tr("training.learning_rate: the peak step size of AdamW, reached after the warmup. 1e-3 for small "
           "models; 6e-4 for GPT-2 sized ones. Too high and the loss jumps or becomes NaN."));
    row(left, tr("Minimum learning rate:"), m_minLrEdit,
        tr("training.min_lr: where the cosine decay ends, usually a tenth of the learning rate. Must not be "
           "above it."));
    row(left, tr("Warmup steps:"), m_warmupSpin,
        tr("training.warmup_steps: the learning rate rises linearly from almost 0 over these steps, which keeps "
           "the first updates of a random model from being too large. About 5 % of the steps."));
    row(left, tr("Decay steps:"), m_decaySpin,
        tr("training.lr_decay_steps: the step where the cosine decay reaches the minimum learning rate. Usually "
           "equal to the steps (it follows them until you change it)."));
    row(left, tr("Weight decay:"), m_weightDecaySpin,
        tr("training.weight_decay: AdamW's pull of the weight matrices towards zero, a regulariser. 0.1 as in "
           "GPT-2 and nanoGPT; 0 turns it off."));
    row(left, tr("Gradient clip:"), m_gradClipSpin,
        tr("training.grad_clip: the gradient is scaled down when its norm exceeds this, which tames loss "
           "spikes. 1.0 is standard; 0 turns clipping off."));
    row(right, tr("Precision:"), m_precisionCombo,
        tr("training.precision: fp32 computes in 32-bit floats. bf16 autocasts matrix products to bfloat16, "
           "several times faster on CPUs with AMX and on modern GPUs, with a slightly noisier loss."));
    row(right, tr("Threads:"), m_threadsSpin,
        tr("training.threads: CPU threads for the maths. 0 uses all cores; leave one free if the window feels "
           "slow while training."));
    row(right, tr("Evaluate every:"), m_evalIntervalSpin,
        tr("training.eval_interval: steps between measurements of the train and validation loss (and a "
           "generated sample). 250 for 2,000 steps."));
    row(right, tr("Evaluation batches:"), m_evalStepsSpin,
        tr("training.eval_steps: batches averaged for each loss measurement. More is steadier but slower; 20 "
           "is a good start."));
    row(right, tr("Checkpoint every:"), m_checkpointSpin,
        tr("training.checkpoint_interval: steps between saved checkpoints (one is always saved at the end). "
           "A run can be continued from any of them."));
    row(right, tr("Seed:"), m_seedSpin,
        tr("training.seed: fixes the random initialisation, the batches and dropout, so the same settings give "
           "the same curve. Change it to see how much runs vary."));

    row(right, tr("Processes on this machine:"), m_processesSpin,
        tr("Data-parallel training: this many processes each train on their share of every batch (batch size "
           "rows each) and average their gradients, as `lmwb train --nproc N`. Give each one thread or more; "
           "on 2 cores, 2 processes x 1 thread. The window itself trains in one process; the command on the summary "
           "page and the torchrun line below use this number."));
    auto *clusterLabel = new QLabel(tr("On a cluster:"), this);
    auto *cluster = new QFormLayout;
    cluster->addRow(clusterLabel, m_torchrunEdit);
    wizardui::setTip(m_torchrunEdit,
                     tr("The same run on several machines with PyTorch's torchrun: run this on every machine, with "
                        "--node_rank 0 on the first (MASTER_HOST) and 1, 2, ... on the others, and the run folder "
                        "on a shared disk. torchrun 1.13 needs the underscore spellings and --redirects 1 --tee 1."),
                     clusterLabel);

    auto *forms = new QHBoxLayout;
    forms->addLayout(left, 1);
    forms->addSpacing(24);
    forms->addLayout(right, 1);

    // --- fine-tuning: what trains ---
    m_fineTuneGroup = new QGroupBox(tr("Fine-tuning: what trains"), this);
    m_fineTuneGroup->setObjectName(QStringLiteral("fineTuneGroup"));
    m_freezeEmbeddingsBox = new QCheckBox(tr("Freeze the embeddings"), m_fineTuneGroup);
    m_freezeEmbeddingsBox->setObjectName(QStringLiteral("freezeEmbeddingsBox"));
    m_freezeEmbeddingsBox->setToolTip(tr("training.freeze_embeddings: the token and position tables (wte, wpe, and "
                                         "so a tied output layer) keep their pretrained values."));
    m_freezeLayersSpin = makeSpin(m_fineTuneGroup, "freezeLayersSpin", 0, 96, 0);
    auto *freezeLayersLabel = new QLabel(tr("Freeze the first layers:"), m_fineTuneGroup);
    wizardui::setTip(m_freezeLayersSpin, tr("training.freeze_layers: blocks h.0 … h.N-1 keep their pretrained "
                                            "weights; the lower layers hold the most general features."),
                     freezeLayersLabel);
    m_loraBox = new QCheckBox(tr("LoRA adapters"), m_fineTuneGroup);
    m_loraBox->setObjectName(QStringLiteral("loraBox"));
    m_loraBox->setToolTip(tr("training.lora (Hu et al. 2021): every weight of the model stays frozen and a small "
                             "update W + alpha/r · B·A is learned on the chosen projections, a fraction of the "
                             "parameters. Checkpoints hold the merged weights, so generation, the Attention tab "
                             "and Export to Hugging Face see the tuned model."));
    m_loraRankSpin = makeSpin(m_fineTuneGroup, "loraRankSpin", 1, 1024, 8);
    auto *rankLabel = new QLabel(tr("Rank r:"), m_fineTuneGroup);
    wizardui::setTip(m_loraRankSpin, tr("training.lora.rank: the inner size of B·A. 4 to 16 is typical; more "
                                        "is closer to full fine-tuning."), rankLabel);
    m_loraAlphaSpin = new QDoubleSpinBox(m_fineTuneGroup);
    m_loraAlphaSpin->setObjectName(QStringLiteral("loraAlphaSpin"));
    m_loraAlphaSpin->setRange(0.01, 1e6);
    m_loraAlphaSpin->setDecimals(2);
    m_loraAlphaSpin->setValue(16.0);
    auto *alphaLabel = new QLabel(tr("Alpha:"), m_fineTuneGroup);
    wizardui::setTip(m_loraAlphaSpin, tr("training.lora.alpha: the update is scaled by alpha / r, so the "
                                         "learning rate need not change with the rank."), alphaLabel);
    auto *targetsLabel = new QLabel(tr("On:"), m_fineTuneGroup);
    auto *targets = new QHBoxLayout;
    const core::LoraConfig loraDefaults;
    for (const auto &name : core::loraTargetNames()) {
        auto *box = new QCheckBox(QString::fromStdString(name), m_fineTuneGroup);
        box->setObjectName(QStringLiteral("loraTarget_") + QString::fromStdString(name).replace(QLatin1Char('.'), QLatin1Char('_')));
        box->setChecked(std::find(loraDefaults.targets.begin(), loraDefaults.targets.end(), name) != loraDefaults.targets.end());
        box->setToolTip(tr("training.lora.targets: an adapter on %1 of every unfrozen layer.").arg(QString::fromStdString(name)));
        targets->addWidget(box);
        m_loraTargetBoxes << box;
    }
    targets->addStretch(1);
    m_trainableLabel = new QLabel(m_fineTuneGroup);
    m_trainableLabel->setObjectName(QStringLiteral("trainableParametersLabel"));
    auto *ft = new QGridLayout(m_fineTuneGroup);
    ft->addWidget(m_freezeEmbeddingsBox, 0, 0);
    ft->addWidget(freezeLayersLabel, 0, 1);
    ft->addWidget(m_freezeLayersSpin, 0, 2);
    ft->addWidget(m_loraBox, 1, 0);
    ft->addWidget(rankLabel, 1, 1);
    ft->addWidget(m_loraRankSpin, 1, 2);
    ft->addWidget(alphaLabel, 1, 3);
    ft->addWidget(m_loraAlphaSpin, 1, 4);
    ft->addWidget(targetsLabel, 2, 1);
    ft->addLayout(targets, 2, 2, 1, 4);
    ft->addWidget(m_trainableLabel, 3, 0, 1, 6);
    ft->setColumnStretch(5, 1);
    m_fineTuneGroup->setVisible(false);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("lrPlot"));
    m_plot->setMinimumHeight(170);
    m_plot->setToolTip(tr("The learning rate at each step: linear warmup, then cosine decay to the minimum "
                          "(nanoGPT's schedule, computed by the same function the trainer uses)."));
    m_plot->addGraph();
    m_plot->graph(0)->setPen(QPen(QColor(0x1c, 0x7e, 0xd6), 2.5));
    m_plot->graph(0)->setBrush(QColor(0x1c, 0x7e, 0xd6, 40));
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("learning rate"));
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_plot->yAxis->setNumberPrecision(2);
    QFont axisFont = font();
    m_plot->xAxis->setLabelFont(axisFont);
    m_plot->yAxis->setLabelFont(axisFont);
    m_plot->xAxis->setTickLabelFont(axisFont);
    m_plot->yAxis->setTickLabelFont(axisFont);

    m_error = wizardui::makeErrorLabel(QStringLiteral("trainingErrorLabel"), this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(forms);
    layout->addWidget(m_fineTuneGroup);
    layout->addLayout(cluster);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_error);

    connect(m_stepsSpin, &QSpinBox::valueChanged, this, [this](int steps) {
        if (m_decayFollowsSteps) {
            m_settingDecay = true;
            m_decaySpin->setValue(steps);
            m_settingDecay = false;
        }
        fieldsChanged();
    });
    connect(m_decaySpin, &QSpinBox::valueChanged, this, [this](int steps) {
        if (!m_settingDecay)
            m_decayFollowsSteps = steps == m_stepsSpin->value();
        fieldsChanged();
    });
    for (QSpinBox *s : {m_batchSpin, m_warmupSpin, m_threadsSpin, m_evalIntervalSpin, m_evalStepsSpin,
                        m_checkpointSpin, m_seedSpin, m_processesSpin})
        connect(s, &QSpinBox::valueChanged, this, &WizardTrainingPage::fieldsChanged);
    for (QDoubleSpinBox *s : {m_weightDecaySpin, m_gradClipSpin})
        connect(s, &QDoubleSpinBox::valueChanged, this, &WizardTrainingPage::fieldsChanged);
    for (QLineEdit *e : {m_lrEdit, m_minLrEdit})
        connect(e, &QLineEdit::textChanged, this, &WizardTrainingPage::fieldsChanged);
    connect(m_precisionCombo, &QComboBox::currentIndexChanged, this, &WizardTrainingPage::fieldsChanged);
    for (QCheckBox *b : m_loraTargetBoxes)
        connect(b, &QCheckBox::toggled, this, &WizardTrainingPage::fieldsChanged);
    for (QCheckBox *b : {m_freezeEmbeddingsBox, m_loraBox})
        connect(b, &QCheckBox::toggled, this, &WizardTrainingPage::fieldsChanged);
    for (QSpinBox *s : {m_freezeLayersSpin, m_loraRankSpin})
        connect(s, &QSpinBox::valueChanged, this, &WizardTrainingPage::fieldsChanged);
    connect(m_loraAlphaSpin, &QDoubleSpinBox::valueChanged, this, &WizardTrainingPage::fieldsChanged);

    updatePlot();
    updateTorchrun();
}

int WizardTrainingPage::processes() const { return m_processesSpin->value(); }

QString WizardTrainingPage::torchrunCommand() const
{
    // torchrun 1.13 (Debian) knows only the underscore flags, and under Python 3.11 starts
    // only with --redirects/--tee; 2.x accepts these spellings too (DESIGN §6).
    return QStringLiteral("torchrun --no_python --nnodes 2 --node_rank 0 --nproc_per_node %1 "
                          "--master_addr MASTER_HOST --master_port 29500 --redirects 1 --tee 1 "
                          "lmwb train run.json --out RUN_DIR")
        .arg(processes());
}

void WizardTrainingPage::updateTorchrun()
{
    m_torchrunEdit->setText(torchrunCommand());
    m_torchrunEdit->setCursorPosition(0); // show where it starts
}

core::TrainingConfig WizardTrainingPage::trainingConfig() const
{
    core::TrainingConfig t;
    t.maxSteps = m_stepsSpin->value();
    t.batchSize = m_batchSpin->value();
    if (auto lr = parseNumber(m_lrEdit->text()))
        t.learningRate = *lr;
    if (auto minLr = parseNumber(m_minLrEdit->text()))
        t.minLr = *minLr;
    t.warmupSteps = m_warmupSpin->value();
    t.lrDecaySteps = m_decaySpin->value();
    t.weightDecay = m_weightDecaySpin->value();
    t.gradClip = m_gradClipSpin->value();
    t.precision = m_precisionCombo->currentData().toString().toStdString();
    t.threads = m_threadsSpin->value();
    t.evalInterval = m_evalIntervalSpin->value();
    t.evalSteps = m_evalStepsSpin->value();
    t.checkpointInterval = m_checkpointSpin->value();
    t.seed = static_cast<uint64_t>(m_seedSpin->value());
    if (m_fineTuning) {
        t.freezeEmbeddings = m_freezeEmbeddingsBox->isChecked();
        t.freezeLayers = m_freezeLayersSpin->value();
        if (m_loraBox->isChecked()) {
            t.lora.rank = m_loraRankSpin->value();
            t.lora.alpha = m_loraAlphaSpin->value();
            t.lora.targets.clear();
            for (int i = 0; i < m_loraTargetBoxes.size(); ++i)
                if (m_loraTargetBoxes[i]->isChecked())
                    t.lora.targets.push_back(core::loraTargetNames()[static_cast<std::size_t>(i)]);
        }
    }
    return t;
}

void WizardTrainingPage::setFineTuning(bool on, const core::ModelConfig &base)
{
    m_fineTuning = on;
    m_base = base;
    m_fineTuneGroup->setVisible(on);
    const bool gpt = base.arch == core::Arch::Gpt;
    m_freezeLayersSpin->setMaximum(gpt ? base.nLayer : 0);
    m_freezeLayersSpin->setEnabled(gpt);
    m_loraBox->setEnabled(gpt);
    if (!gpt)
        m_loraBox->setChecked(false);
    fieldsChanged();
}

qint64 WizardTrainingPage::trainableParameters() const
{
    const core::ModelConfig &m = m_base;
    const qint64 total = modelParameterCount(m, m.vocabSize);
    if (!m_fineTuning)
        return total;
    const core::TrainingConfig t = trainingConfig();
    const qint64 C = m.nEmbd;
    if (t.lora.rank > 0) {
        // r (in + out) for each adapted projection of each unfrozen layer.
        qint64 perLayer = 0;
        for (const auto &name : t.lora.targets) {
            const qint64 in = name == "mlp.c_proj" ? 4 * C : C;
            const qint64 out = name == "c_attn" ? 3 * C : name == "c_fc" ? 4 * C : C;
            perLayer += t.lora.rank * (in + out);
        }
        return perLayer * std::max(0, m.nLayer - t.freezeLayers);
    }
    qint64 frozen = 0;
    if (t.freezeEmbeddings)
        frozen += qint64(m.vocabSize) * C + (m.arch == core::Arch::Gpt ? qint64(m.blockSize) * C : 0);
    if (t.freezeLayers > 0 && m.nLayer > 0) {
        core::ModelConfig none = m;
        none.nLayer = 0;
        const qint64 perBlock = (total - modelParameterCount(none, m.vocabSize)) / m.nLayer;
        frozen += perBlock * t.freezeLayers;
    }
    return total - frozen;
}

void WizardTrainingPage::updateFineTuneFigures()
{
    if (!m_fineTuning)
        return;
    const bool lora = m_loraBox->isChecked();
    m_loraRankSpin->setEnabled(lora);
    m_loraAlphaSpin->setEnabled(lora);
    for (QCheckBox *b : m_loraTargetBoxes)
        b->setEnabled(lora);
    const qint64 total = modelParameterCount(m_base, m_base.vocabSize);
    const qint64 trainable = trainableParameters();
    const QLocale loc;
    m_trainableLabel->setText(
        tr("Trains %1 of the model's %2 parameters (%3 %).")
            .arg(loc.toString(trainable), loc.toString(total),
                 loc.toString(total > 0 ? 100.0 * double(trainable) / double(total) : 0.0, 'f',
                              total > 0 && 100.0 * double(trainable) / double(total) < 1 ? 2 : 1)));
}

void WizardTrainingPage::fieldsChanged()
{
    updateFineTuneFigures();
    updatePlot();
    updateTorchrun();
    wizardui::showProblem(m_error, problem());
    emit completeChanged();
    emit settingsChanged();
}

void WizardTrainingPage::updatePlot()
{
    const core::TrainingConfig t = trainingConfig();
    // Integer steps spread over the run, plus the corners of the schedule.
    constexpr int kPoints = 400;
    QVector<double> keys, values;
    std::vector<int64_t> steps;
    for (int i = 0; i <= kPoints; ++i)
        steps.push_back(t.maxSteps * i / kPoints);
    for (int64_t corner : {t.warmupSteps - 1, t.warmupSteps, t.lrDecaySteps})
        if (corner >= 0 && corner <= t.maxSteps)
            steps.push_back(corner);
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    for (int64_t s : steps) {
        keys << static_cast<double>(s);
        values << core::learningRateAt(t, s);
    }
    m_plot->graph(0)->setData(keys, values, true);
    m_plot->xAxis->setRange(0, std::max<double>(1.0, static_cast<double>(t.maxSteps)));
    const double top = *std::max_element(values.begin(), values.end());
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString WizardTrainingPage::problem() const
{
    if (!parseNumber(m_lrEdit->text()))
        return tr("training.learning_rate: “%1” is not a number; write it like 1e-3 or 0.001.").arg(m_lrEdit->text());
    if (!parseNumber(m_minLrEdit->text()))
        return tr("training.min_lr: “%1” is not a number; write it like 1e-4 or 0.0001.").arg(m_minLrEdit->text());
    core::RunConfig cfg = wizardui::baselineConfig();
    cfg.training = trainingConfig();
    if (m_fineTuning) {
        if (m_loraBox->isChecked() && cfg.training.lora.targets.empty())
            return tr("training.lora.targets: tick at least one projection for the LoRA adapters.");
        cfg.model = m_base;
        cfg.training.initFrom = "base"; // the checks that need the base model's shape
        if (cfg.training.freezeLayers > m_base.nLayer)
            return tr("training.freeze_layers (%1) is more than the model's %2 layers.")
                .arg(cfg.training.freezeLayers)
                .arg(m_base.nLayer);
    }
    return wizardui::coreProblem(cfg);
}

bool WizardTrainingPage::isComplete() const { return problem().isEmpty(); }

bool WizardTrainingPage::validatePage()
{
    wizardui::showProblem(m_error, problem());
    return problem().isEmpty();
}

} // namespace lmwb::widgets
