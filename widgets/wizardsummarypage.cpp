#include "wizardsummarypage.h"

#include "wizardtrainingpage.h"

#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardgoalpage.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QVBoxLayout>

namespace lmwb::widgets {

namespace {

// POSIX shell quoting, only where needed.
QString shellQuote(const QString &arg)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:=@%+-]+$"));
    if (safe.match(arg).hasMatch())
        return arg;
    QString q = arg;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

bool holdsRun(const QString &dir)
{
    return QFileInfo::exists(dir + QStringLiteral("/metrics.jsonl")) ||
           QFileInfo::exists(dir + QStringLiteral("/checkpoints"));
}

} // namespace

WizardSummaryPage::WizardSummaryPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Everything this run will use. The same file trains from the command line."));
    setFinalPage(true);

    const QFont mono = wizardui::monospaceFont(this, 0.95);
    m_configEdit = new QPlainTextEdit(this);
    m_configEdit->setObjectName(QStringLiteral("configEdit"));
    m_configEdit->setReadOnly(true);
    m_configEdit->setFont(mono);
    m_configEdit->setToolTip(tr("The run configuration as JSON, nanoGPT's names. Go back to change a value."));
    m_saveButton = new QPushButton(tr("Save…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveConfigButton"));
    m_saveButton->setToolTip(tr("Save the configuration as a JSON file (a trained tokenizer is saved next to "
                                "it) to train later with lmwb train, on this or another machine."));
    m_copyButton = new QPushButton(tr("Copy"), this);
    m_copyButton->setObjectName(QStringLiteral("copyConfigButton"));
    m_copyButton->setToolTip(tr("Copy the configuration to the clipboard."));
    m_savedLabel = new QLabel(this);
    m_savedLabel->setObjectName(QStringLiteral("savedConfigLabel"));

    m_runDirEdit = new QLineEdit(this);
    m_runDirEdit->setObjectName(QStringLiteral("runDirEdit"));
    m_browseButton = new QPushButton(tr("Browse…"), this);
    m_browseButton->setObjectName(QStringLiteral("browseRunDirButton"));
    m_browseButton->setToolTip(tr("Choose the folder for the run."));
    m_commandEdit = new QLineEdit(this);
    m_commandEdit->setObjectName(QStringLiteral("commandLineEdit"));
    m_commandEdit->setReadOnly(true);
    m_commandEdit->setFont(mono);
    m_error = wizardui::makeErrorLabel(QStringLiteral("summaryErrorLabel"), this);

    auto *configButtons = new QHBoxLayout;
    configButtons->addWidget(m_saveButton);
    configButtons->addWidget(m_copyButton);
    configButtons->addWidget(m_savedLabel, 1);
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_runDirEdit, 1);
    dirRow->addWidget(m_browseButton);
    auto *form = new QFormLayout;
    auto *dirLabel = new QLabel(tr("Run directory:"), this);
    auto *commandLabel = new QLabel(tr("Command line:"), this);
    form->addRow(dirLabel, dirRow);
    form->addRow(commandLabel, m_commandEdit);
    wizardui::setTip(m_runDirEdit,
                     tr("Where the run writes its metrics, samples and checkpoints. A new folder in the workspace "
                        "by default; it must not hold another run."),
                     dirLabel);
    wizardui::setTip(m_commandEdit,
                     tr("The same training without the window, e.g. on a server: save the configuration first, "
                        "then run this command."),
                     commandLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_configEdit, 1);
    layout->addLayout(configButtons);
    layout->addLayout(form);
    layout->addWidget(m_error);

    connect(m_runDirEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_settingRunDir)
            m_runDirEdited = true;
        refresh();
    });
    connect(m_browseButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Run directory"), runDirectory());
        if (!dir.isEmpty())
            m_runDirEdit->setText(QDir::toNativeSeparators(dir));
    });
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_configEdit->toPlainText()); });
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString start = m_savedConfigPath.isEmpty() ? QDir::home().filePath(QStringLiteral("config.json"))
                                                          : m_savedConfigPath;
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save the run configuration"), start, tr("JSON (*.json)"));
        if (!path.isEmpty())
            saveConfigTo(path);
    });
}

QString WizardSummaryPage::runDirectory() const { return QDir::fromNativeSeparators(m_runDirEdit->text().trimmed()); }

void WizardSummaryPage::setRunDirectory(const QString &dir)
{
    m_runDirEdit->setText(QDir::toNativeSeparators(dir));
    m_runDirEdited = true;
}

void WizardSummaryPage::proposeRunDirectory()
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w || m_runDirEdited)
        return;
    const QString name = w->dataPage()->corpusName() + QLatin1Char('-') +
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    m_settingRunDir = true;
    m_runDirEdit->setText(QDir::toNativeSeparators(QDir(w->workspace()).filePath(name)));
    m_settingRunDir = false;
}

void WizardSummaryPage::initializePage()
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    const bool resume = w && w->isResume();
    m_runDirEdit->setReadOnly(resume);
    m_browseButton->setEnabled(!resume);
    m_saveButton->setEnabled(!resume);
    if (resume) {
        m_showingResume = true;
        m_settingRunDir = true;
        m_runDirEdit->setText(QDir::toNativeSeparators(w->resumeRunDir()));
        m_settingRunDir = false;
    } else {
        if (m_showingResume) // the field holds the resumed run, not a choice for a new one
            m_runDirEdited = false;
        m_showingResume = false;
        proposeRunDirectory();
    }
    refresh();
}

QString WizardSummaryPage::configText() const { return m_configEdit->toPlainText(); }

QString WizardSummaryPage::commandLine() const { return m_commandEdit->text(); }

void WizardSummaryPage::refresh()
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w)
        return;
    const QString dir = runDirectory();
    if (w->isResume()) {
        QFile f(QDir(dir).filePath(QStringLiteral("config.json")));
        m_configEdit->setPlainText(f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString());
        m_commandEdit->setText(QStringLiteral("lmwb train --resume %1").arg(shellQuote(dir)));
    } else {
        const int scroll = m_configEdit->verticalScrollBar()->value();
        m_configEdit->setPlainText(w->configJson());
        m_configEdit->verticalScrollBar()->setValue(scroll);
        const QString config = m_savedConfigPath.isEmpty() ? QStringLiteral("CONFIG.json") : m_savedConfigPath;
        m_commandEdit->setText(QStringLiteral("lmwb train %1 --out %2").arg(shellQuote(config), shellQuote(dir)));
    }
    if (const int n = w->trainingPage()->processes(); n > 1) // data-parallel ranks (issue 9)
        m_commandEdit->setText(m_commandEdit->text() + QStringLiteral(" --nproc %1").arg(n));
    wizardui::showProblem(m_error, problem());
    emit completeChanged();
}

bool WizardSummaryPage::saveConfigTo(const QString &path)
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w)
        return false;
    const QFileInfo info(path);
    QString tokenizerPath;
    const QString trained = w->trainedTokenizerDir();
    if (!trained.isEmpty()) {
        tokenizerPath = info.completeBaseName() + QStringLiteral("-tokenizer");
        const QString error = wizardui::copyDirectory(trained, info.dir().filePath(tokenizerPath));
        if (!error.isEmpty()) {
            wizardui::showProblem(m_error, error);
            return false;
        }
    }
    QFile f(path);
    const std::string json = core::toJson(w->runConfigWithTokenizerPath(tokenizerPath)) + "\n";
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(json.data(), static_cast<qint64>(json.size())) != static_cast<qint64>(json.size())) {
        wizardui::showProblem(m_error, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
        return false;
    }
    m_savedConfigPath = info.absoluteFilePath();
    m_savedLabel->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(m_savedConfigPath)));
    refresh();
    return true;
}

QString WizardSummaryPage::problem() const
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w)
        return {};
    if (w->isResume())
        return w->goalPage()->problem();
    const QString dir = runDirectory();
    if (dir.isEmpty())
        return tr("Choose a run directory.");
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return tr("%1 is a file; the run directory must be a folder.").arg(QDir::toNativeSeparators(dir));
    if (holdsRun(dir))
        return tr("%1 already holds a run: choose another folder, or continue that run (first page).")
            .arg(QDir::toNativeSeparators(dir));
    return wizardui::coreProblem(w->runConfig());
}

bool WizardSummaryPage::isComplete() const { return problem().isEmpty(); }

bool WizardSummaryPage::validatePage()
{
    QString p = problem();
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (p.isEmpty() && w && !w->isResume()) {
        if (core::Status s = w->prepareRunDirectory(runDirectory()); !s)
            p = QString::fromStdString(s.error());
    }
    wizardui::showProblem(m_error, p);
    return p.isEmpty();
}

} // namespace lmwb::widgets
