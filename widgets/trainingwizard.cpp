#include "trainingwizard.h"

#include "wizarddatapage.h"
#include "wizardgoalpage.h"
#include "wizardmodelpage.h"
#include "wizardsummarypage.h"
#include "wizardtokenizerpage.h"
#include "wizardtrainingpage.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QMetaMethod>
#include <QTemporaryDir>
#include <QThread>

namespace lmwb::widgets {

TrainingWizard::TrainingWizard(QWidget *parent)
    : QWizard(parent),
      m_workspace(QDir::home().filePath(QStringLiteral("lmwb-runs"))),
      m_scratch(std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("lmwb-wizard-XXXXXX"))))
{
    setWindowTitle(tr("New training run"));
    setObjectName(QStringLiteral("trainingWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::NoDefaultButton, true); // Enter in a field must not start a run
    // Readable on a projector: nothing smaller than 11 pt. Set before the pages exist so
    // that the fonts they derive (bold results, monospace previews) scale with it.
    QFont f = font();
    if (f.pointSizeF() > 0 && f.pointSizeF() < 11)
        f.setPointSizeF(11);
    setFont(f);
    resize(1000, 760);

    m_goal = new WizardGoalPage(this);
    m_data = new WizardDataPage(this);
    m_tokenizer = new WizardTokenizerPage(this);
    m_model = new WizardModelPage(this);
    m_training = new WizardTrainingPage(this);
    m_summary = new WizardSummaryPage(this);
    setPage(GoalPageId, m_goal);
    setPage(DataPageId, m_data);
    setPage(TokenizerPageId, m_tokenizer);
    setPage(ModelPageId, m_model);
    setPage(TrainingPageId, m_training);
    setPage(SummaryPageId, m_summary);
    setStartId(GoalPageId);
    setButtonText(QWizard::FinishButton, tr("Start training"));
    m_goal->setWorkspace(m_workspace);

    // A new corpus invalidates the trained tokenizer; the batch size changes the model
    // page's memory estimate and step time (pages before the model page refresh it through
    // initializePage when the user comes forward again).
    connect(m_data, &WizardDataPage::corpusChanged, m_tokenizer, &WizardTokenizerPage::initializePage);
    connect(m_training, &WizardTrainingPage::settingsChanged, m_model, &WizardModelPage::updateFigures);
    connect(m_goal, &WizardGoalPage::goalChanged, this, &TrainingWizard::goalChanged);
    // QDialog emits accepted() only after QWizard::done() validated the last page.
    connect(this, &QDialog::accepted, this, [this] {
        if (isResume())
            emit resumeRequested(resumeRunDir());
        else
            emit startRequested(configJson(), runDirectory());
    });
}

TrainingWizard::~TrainingWizard() = default;

void TrainingWizard::setWorkspace(const QString &dir)
{
    m_workspace = QDir::cleanPath(dir);
    m_goal->setWorkspace(m_workspace);
    m_summary->proposeRunDirectory();
}

QString TrainingWizard::workspace() const { return m_workspace; }

QString TrainingWizard::scratchDirectory() const { return m_scratch->path(); }

QString TrainingWizard::trainedTokenizerDir() const { return m_tokenizer->trainedDirectory(); }

core::RunConfig TrainingWizard::runConfigWithTokenizerPath(const QString &tokenizerPath) const
{
    core::RunConfig c;
    c.data = m_data->dataConfig();
    c.tokenizer = m_tokenizer->tokenizerConfig();
    c.tokenizer.path = tokenizerPath.toStdString();
    c.model = m_model->modelConfig();
    c.training = m_training->trainingConfig();
    if (m_goal->isFineTune()) {
        // The base's model and tokenizer, as the trainer will take them (it reads them from
        // init_from again, so the config shows what will run rather than unused page values).
        c.training.initFrom = m_goal->fineTuneFrom().toStdString();
        auto base = core::readRunConfigFile(QDir(m_goal->fineTuneFrom()).filePath(QStringLiteral("config.json")).toStdString());
        if (base) {
            c.model = base->model;
            c.tokenizer = base->tokenizer;
            c.tokenizer.path.clear();
        }
    }
    return c;
}

bool TrainingWizard::isFineTune() const { return m_goal->isFineTune(); }

bool TrainingWizard::isPairs() const { return m_goal->isPairs(); }

core::ModelConfig TrainingWizard::baseModelConfig() const
{
    auto base = core::readRunConfigFile(QDir(m_goal->fineTuneFrom()).filePath(QStringLiteral("config.json")).toStdString());
    return base ? base->model : core::ModelConfig();
}

void TrainingWizard::goalChanged()
{
    m_data->setPairsMode(m_goal->isPairs());
    // The base can change while fine-tuning stays chosen: its shape sets the page's limits.
    if (m_goal->isFineTune() || m_training->isFineTuning())
        m_training->setFineTuning(m_goal->isFineTune(), m_goal->isFineTune() ? baseModelConfig() : core::ModelConfig());
}

core::RunConfig TrainingWizard::runConfig() const
{
    QString path = trainedTokenizerDir();
    if (!path.isEmpty() && !runDirectory().isEmpty())
        path = QDir(runDirectory()).filePath(QStringLiteral("tokenizer"));
    return runConfigWithTokenizerPath(path);
}

QString TrainingWizard::configJson() const { return QString::fromStdString(core::toJson(runConfig())); }

QString TrainingWizard::timingConfigJson() const
{
    core::RunConfig c = runConfigWithTokenizerPath(trainedTokenizerDir());
    c.model.vocabSize = m_tokenizer->vocabSize();
    return QString::fromStdString(core::toJson(c));
}

QString TrainingWizard::runDirectory() const { return m_summary->runDirectory(); }

void TrainingWizard::setRunDirectory(const QString &dir) { m_summary->setRunDirectory(dir); }

bool TrainingWizard::isResume() const { return m_goal->isResume(); }

QString TrainingWizard::resumeRunDir() const { return m_goal->resumeRunDir(); }

bool TrainingWizard::hasTokenizerBackend() const
{
    return isSignalConnected(QMetaMethod::fromSignal(&TrainingWizard::tokenizerRequested));
}

bool TrainingWizard::hasStepTimingBackend() const
{
    return isSignalConnected(QMetaMethod::fromSignal(&TrainingWizard::stepTimingRequested));
}

void TrainingWizard::requestTokenizer(int requestId, const QString &configJson, const QString &outDir)
{
    emit tokenizerRequested(requestId, configJson, outDir);
}

void TrainingWizard::requestStepTiming(int requestId, const QString &configJson)
{
    emit stepTimingRequested(requestId, configJson);
}

void TrainingWizard::onTokenizerProgress(int requestId, double fraction)
{
    m_tokenizer->onTokenizerProgress(requestId, fraction);
}

void TrainingWizard::onTokenizerTrained(int requestId, int vocabSize, double charsPerToken,
                                        const QString &previewPieces, const QString &error)
{
    m_tokenizer->onTokenizerTrained(requestId, vocabSize, charsPerToken, previewPieces, error);
}

void TrainingWizard::onStepTimed(int requestId, double msPerStep, qint64 parameters, const QString &error)
{
    m_model->onStepTimed(requestId, msPerStep, parameters, error);
}

core::Status TrainingWizard::prepareRunDirectory(const QString &runDir) const
{
    const QString trained = trainedTokenizerDir();
    if (trained.isEmpty() || isFineTune()) // a fine-tuning run keeps its base model's tokenizer
        return {};
    const QString error = wizardui::copyDirectory(trained, QDir(runDir).filePath(QStringLiteral("tokenizer")));
    if (!error.isEmpty())
        return core::makeError(error.toStdString());
    return {};
}

// ---- wizardui ----

namespace wizardui {

QLabel *makeErrorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Colour by style sheet, weight by a font that sets only the weight: a style-sheet font
    // would freeze the size, and presentation mode could no longer enlarge it.
    label->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    QFont bold;
    bold.setBold(true);
    label->setFont(bold);
    label->setVisible(false);
    return label;
}

void showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

QString coreProblem(const core::RunConfig &config)
{
    auto parsed = core::parseRunConfig(core::toJson(config));
    return parsed ? QString() : QString::fromStdString(parsed.error());
}

core::RunConfig baselineConfig()
{
    core::RunConfig c;
    c.data.format = "synthetic";
    c.data.train.clear();
    return c;
}

void setTip(QWidget *field, const QString &tip, QWidget *label)
{
    field->setToolTip(tip);
    if (label) {
        label->setToolTip(tip);
        if (auto *l = qobject_cast<QLabel *>(label))
            l->setBuddy(field);
    }
}

QString shortCount(double n)
{
    const QLocale loc;
    struct Unit {
        double scale;
        const char *suffix;
    };
    for (const Unit u : {Unit{1e12, "T"}, Unit{1e9, "G"}, Unit{1e6, "M"}, Unit{1e3, "k"}}) {
        if (n >= u.scale) {
            const double v = n / u.scale;
            return loc.toString(v, 'f', v < 10 ? 2 : (v < 100 ? 1 : 0)) + QLatin1Char(' ') + QLatin1String(u.suffix);
        }
    }
    return loc.toString(n, 'f', 0);
}

QFont monospaceFont(const QWidget *reference, double scale)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const double size = reference->font().pointSizeF();
    if (size > 0)
        mono.setPointSizeF(size * scale);
    return mono;
}

QString copyDirectory(const QString &src, const QString &dst)
{
    const QDir from(src);
    if (!from.exists())
        return QObject::tr("The tokenizer folder %1 is missing; train the tokenizer again.").arg(QDir::toNativeSeparators(src));
    if (!QDir().mkpath(dst))
        return QObject::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dst));
    QDirIterator it(src, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(dst).filePath(from.relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::remove(target);
        if (!QFile::copy(file, target))
            return QObject::tr("Cannot copy %1 to %2.").arg(QDir::toNativeSeparators(file), QDir::toNativeSeparators(target));
    }
    return {};
}

BackgroundJob::BackgroundJob(QObject *owner) : m_owner(owner) {}

BackgroundJob::~BackgroundJob() { stop(); }

void BackgroundJob::start(Job job)
{
    m_pending = std::move(job);
    if (m_thread) {
        m_cancel->store(true); // the newest job starts when this one returns
        return;
    }
    launch();
}

void BackgroundJob::cancel()
{
    m_pending.reset();
    if (m_cancel)
        m_cancel->store(true);
}

void BackgroundJob::stop()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

void BackgroundJob::launch()
{
    Job job = std::move(*m_pending);
    m_pending.reset();
    auto cancel = std::make_shared<std::atomic_bool>(false);
    auto deliver = std::make_shared<Deliver>();
    m_cancel = cancel;
    m_thread = QThread::create([job = std::move(job), cancel, deliver] { *deliver = job(*cancel); });
    QThread *thread = m_thread;
    // Queued to the owner's thread: finished is emitted on the worker.
    QObject::connect(thread, &QThread::finished, m_owner, [this, thread, cancel, deliver] {
        if (thread != m_thread)
            return;
        thread->deleteLater();
        m_thread = nullptr;
        if (m_pending)
            launch();
        else if (!cancel->load() && *deliver)
            (*deliver)();
    }, Qt::QueuedConnection);
    m_thread->start();
}

} // namespace wizardui

} // namespace lmwb::widgets
