#include "wizardgoalpage.h"

#include "trainingwizard.h"

#include "config/runconfig.h"
#include "data/promptpairs.h"

#include <algorithm>

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace lmwb::widgets {

namespace {

struct RunInfo {
    QString problem;     // empty when the run can be continued
    QString description; // shown under the list
    bool finished = false; // a fine base to fine-tune from, nothing left to continue
};

// The step of a run's latest checkpoint: the "latest" pointer, else the highest
// checkpoints/step-N; -1 when there is none.
qint64 latestCheckpointStep(const QString &runDir)
{
    static const QRegularExpression stepName(QStringLiteral("^step-(\\d+)$"));
    QFile latest(runDir + QStringLiteral("/latest"));
    if (latest.open(QIODevice::ReadOnly)) {
        const QString name = QString::fromUtf8(latest.readAll()).trimmed();
        const auto m = stepName.match(QFileInfo(name).fileName());
        if (m.hasMatch() && QFileInfo(runDir + QStringLiteral("/checkpoints/") + QFileInfo(name).fileName()).isDir())
            return m.captured(1).toLongLong();
    }
    qint64 best = -1;
    const QDir ckpts(runDir + QStringLiteral("/checkpoints"));
    for (const QString &d : ckpts.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto m = stepName.match(d);
        if (m.hasMatch())
            best = std::max(best, m.captured(1).toLongLong());
    }
    return best;
}

RunInfo inspectRun(const QString &runDir)
{
    RunInfo info;
    if (runDir.isEmpty()) {
        info.problem = WizardGoalPage::tr("Choose the run to continue.");
        return info;
    }
    const QString cfgPath = QDir(runDir).filePath(QStringLiteral("config.json"));
    if (!QFileInfo::exists(cfgPath)) {
        info.problem = WizardGoalPage::tr("%1 is not a run directory: it has no config.json.")
                           .arg(QDir::toNativeSeparators(runDir));
        return info;
    }
    auto cfg = core::readRunConfigFile(cfgPath.toStdString());
    if (!cfg) {
        info.problem = WizardGoalPage::tr("The run's config.json cannot be read: %1")
                           .arg(QString::fromStdString(cfg.error()));
        return info;
    }
    const auto &m = cfg->model;
    const qint64 step = latestCheckpointStep(runDir);
    info.description = WizardGoalPage::tr("%1, %2 layers × %3 heads × %4 wide, context %5 · %6 tokenizer")
                           .arg(QString::fromStdString(core::archName(m.arch)).toUpper())
                           .arg(m.nLayer)
                           .arg(m.nHead)
                           .arg(m.nEmbd)
                           .arg(m.blockSize)
                           .arg(QString::fromStdString(core::tokenizerKindName(cfg->tokenizer.kind)));
    if (step < 0) {
        info.problem = WizardGoalPage::tr("This run has no checkpoint yet (no checkpoints/step-N folder), "
                                          "so there is nothing to continue from.");
        return info;
    }
    info.description += QLatin1Char('\n') + WizardGoalPage::tr("Last checkpoint: step %1 of %2.")
                                                .arg(step)
                                                .arg(cfg->training.maxSteps);
    info.finished = step >= cfg->training.maxSteps;
    if (info.finished)
        info.problem = WizardGoalPage::tr("This run is finished (step %1 of training.max_steps = %2). "
                                          "To train longer, start a new run.")
                           .arg(step)
                           .arg(cfg->training.maxSteps);
    return info;
}

} // namespace

WizardGoalPage::WizardGoalPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("What would you like to do?"));
    setSubTitle(tr("Train a new language model from scratch, continue a run you started before, or fine-tune a "
                   "trained or imported model."));

    m_pretrain = new QRadioButton(tr("Pretrain a new model from scratch"), this);
    m_pretrain->setObjectName(QStringLiteral("pretrainRadio"));
    wizardui::setTip(m_pretrain, tr("Start with random weights and learn from a text corpus you choose on the "
                                    "next pages. The usual choice for a first experiment."));
    m_resume = new QRadioButton(tr("Continue an existing run"), this);
    m_resume->setObjectName(QStringLiteral("resumeRadio"));
    wizardui::setTip(m_resume, tr("Pick up a run from its latest checkpoint with its own settings, in the same "
                                  "run directory; the loss curve continues exactly where it stopped."));
    m_fineTune = new QRadioButton(tr("Fine-tune a trained or imported model"), this);
    m_fineTune->setObjectName(QStringLiteral("fineTuneRadio"));
    wizardui::setTip(m_fineTune, tr("A new run that starts from the weights of the run chosen above (for example "
                                    "GPT-2 opened with File ▸ Open Hugging Face Model Folder…). The model keeps its "
                                    "own architecture and tokenizer (training.init_from); the Train tab shows the "
                                    "base model's loss as a reference line."));
    auto *group = new QButtonGroup(this);
    group->addButton(m_pretrain);
    group->addButton(m_resume);
    group->addButton(m_fineTune);
    m_pretrain->setChecked(true);

    m_onText = new QRadioButton(tr("on new text (continued pretraining)"), this);
    m_onText->setObjectName(QStringLiteral("fineTuneTextRadio"));
    wizardui::setTip(m_onText, tr("Learn from plain text you choose next, the same way the model was pretrained."));
    m_onPairs = new QRadioButton(tr("on prompt/response pairs (JSONL)"), this);
    m_onPairs->setObjectName(QStringLiteral("fineTunePairsRadio"));
    wizardui::setTip(m_onPairs, tr("Learn to answer: each line of a JSONL file is one example, and the loss counts "
                                   "only the response tokens (data.format \"pairs\"). LoRA and freezing are on "
                                   "the Training page."));
    auto *kind = new QButtonGroup(this);
    kind->addButton(m_onText);
    kind->addButton(m_onPairs);
    m_onText->setChecked(true);

    m_runCombo = new QComboBox(this);
    m_runCombo->setObjectName(QStringLiteral("resumeRunCombo"));
    m_runCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runCombo->setMinimumContentsLength(30);
    wizardui::setTip(m_runCombo, tr("The runs of the workspace folder (folders with a config.json). The run "
                                    "continues from its latest checkpoint up to its training.max_steps."));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("resumeBrowseButton"));
    wizardui::setTip(m_browse, tr("Choose a run directory anywhere on disk (it holds config.json and checkpoints/)."));
    m_runInfo = new QLabel(this);
    m_runInfo->setObjectName(QStringLiteral("resumeRunInfo"));
    m_runInfo->setWordWrap(true);
    m_error = wizardui::makeErrorLabel(QStringLiteral("goalErrorLabel"), this);

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runCombo, 1);
    runRow->addWidget(m_browse);

    auto describe = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setWordWrap(true);
        l->setStyleSheet(QStringLiteral("QLabel { color: #555555; }")); // quieter, still readable projected
        l->setContentsMargins(28, 0, 0, 0);
        return l;
    };
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pretrain);
    layout->addWidget(describe(tr("Choose a corpus, a tokenizer and a model size on the next pages; the weights "
                                  "start random and the loss starts at about ln(vocabulary size).")));
    layout->addSpacing(12);
    layout->addWidget(m_resume);
    layout->addWidget(describe(tr("Pick up a run of the workspace (newest first) from its latest checkpoint, with "
                                  "its own settings, up to its planned number of steps.")));
    auto *indent = new QVBoxLayout;
    indent->setContentsMargins(28, 0, 0, 0);
    indent->addLayout(runRow);
    indent->addWidget(m_runInfo);
    layout->addLayout(indent);
    layout->addSpacing(12);
    layout->addWidget(m_fineTune);
    layout->addWidget(describe(tr("Start from the chosen run's weights (an imported GPT-2 too); its architecture "
                                  "and tokenizer stay, so the tokenizer and model pages are skipped.")));
    auto *kindBox = new QVBoxLayout;
    kindBox->setContentsMargins(28, 0, 0, 0);
    kindBox->addWidget(m_onText);
    kindBox->addWidget(m_onPairs);
    // The template the pairs are trained with, as core fills it in.
    const QString explanation = tr("One JSON object a line: {\"prompt\": …, \"completion\": …}, or Alpaca's "
                                   "{\"instruction\": …, \"input\": …, \"output\": …}. The model reads the prompt "
                                   "and learns the completion (the loss counts the response tokens only). An Alpaca "
                                   "record becomes this prompt, with its output as the response:");
    m_pairsHelp = describe(QStringLiteral("<p>%1</p><pre style=\"white-space: pre-wrap\">%2</pre>")
                               .arg(explanation.toHtmlEscaped(),
                                    QString::fromStdString(core::alpacaTemplate()).trimmed().toHtmlEscaped()));
    m_pairsHelp->setTextFormat(Qt::RichText);
    m_pairsHelp->setObjectName(QStringLiteral("pairsTemplateLabel"));
    m_pairsHelp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    kindBox->addWidget(m_pairsHelp);
    layout->addLayout(kindBox);
    layout->addStretch(1);
    layout->addWidget(m_error);

    connect(m_pretrain, &QRadioButton::toggled, this, &WizardGoalPage::updateState);
    connect(m_resume, &QRadioButton::toggled, this, &WizardGoalPage::updateState);
    connect(m_fineTune, &QRadioButton::toggled, this, &WizardGoalPage::updateState);
    connect(m_onPairs, &QRadioButton::toggled, this, &WizardGoalPage::updateState);
    connect(m_runCombo, &QComboBox::currentIndexChanged, this, &WizardGoalPage::updateState);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Run directory to continue"), m_workspace);
        if (!dir.isEmpty())
            setResumeRunDir(dir);
    });
    updateState();
}

void WizardGoalPage::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    refreshRuns();
}

void WizardGoalPage::refreshRuns()
{
    const QString current = resumeRunDir();
    QSignalBlocker block(m_runCombo);
    m_runCombo->clear();
    QDir ws(m_workspace);
    for (const QString &name : ws.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time)) {
        const QString dir = ws.filePath(name);
        if (QFileInfo::exists(dir + QStringLiteral("/config.json")))
            m_runCombo->addItem(name, dir);
    }
    const int i = m_runCombo->findData(current);
    if (i >= 0)
        m_runCombo->setCurrentIndex(i);
    block.unblock();
    updateState();
}

bool WizardGoalPage::isResume() const { return m_resume->isChecked(); }

QString WizardGoalPage::resumeRunDir() const { return m_runCombo->currentData().toString(); }

void WizardGoalPage::setResumeRunDir(const QString &dir)
{
    const QString clean = QDir::cleanPath(dir);
    int i = m_runCombo->findData(clean);
    if (i < 0) {
        m_runCombo->addItem(QDir::toNativeSeparators(clean), clean);
        i = m_runCombo->count() - 1;
    }
    m_runCombo->setCurrentIndex(i);
    m_resume->setChecked(true);
    updateState();
}

void WizardGoalPage::setResume(bool resume) { (resume ? m_resume : m_pretrain)->setChecked(true); }

bool WizardGoalPage::isFineTune() const { return m_fineTune->isChecked(); }

QString WizardGoalPage::fineTuneFrom() const { return isFineTune() ? resumeRunDir() : QString(); }

void WizardGoalPage::setFineTune(bool fineTune)
{
    (fineTune ? m_fineTune : m_pretrain)->setChecked(true);
    updateState();
}

bool WizardGoalPage::isPairs() const { return isFineTune() && m_onPairs->isChecked(); }

void WizardGoalPage::setPairs(bool pairs)
{
    if (pairs)
        m_fineTune->setChecked(true);
    (pairs ? m_onPairs : m_onText)->setChecked(true);
    updateState();
}

QString WizardGoalPage::problem() const
{
    if (!isResume() && !isFineTune())
        return {};
    const RunInfo info = inspectRun(resumeRunDir());
    return isFineTune() && info.finished ? QString() : info.problem;
}

void WizardGoalPage::updateState()
{
    const bool resume = isResume() || isFineTune(); // both pick a run from the list
    m_runCombo->setEnabled(resume);
    m_browse->setEnabled(resume);
    m_onText->setEnabled(isFineTune());
    m_onPairs->setEnabled(isFineTune());
    m_pairsHelp->setVisible(isPairs());
    if (resume) {
        const RunInfo info = inspectRun(resumeRunDir());
        m_runInfo->setText(info.description);
        wizardui::showProblem(m_error, problem());
    } else {
        m_runInfo->setText(m_runCombo->count() == 0 ? tr("No runs in the workspace yet.") : QString());
        wizardui::showProblem(m_error, {});
    }
    emit completeChanged();
    emit goalChanged();
}

bool WizardGoalPage::isComplete() const { return problem().isEmpty(); }

bool WizardGoalPage::validatePage()
{
    updateState();
    return problem().isEmpty();
}

int WizardGoalPage::nextId() const
{
    return isResume() ? TrainingWizard::SummaryPageId : TrainingWizard::DataPageId;
}

} // namespace lmwb::widgets
