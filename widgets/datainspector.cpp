#include "datainspector.h"

#include "comparepanel.h"
#include "datasetpanel.h"
#include "inspectorjobs.h"
#include "inspectorstate.h"
#include "tokenizerpanel.h"
#include "tokenizertrainpanel.h"
#include "trainingwizard.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lmwb::widgets {

DataInspector::DataInspector(QWidget *parent)
    : QWidget(parent), m_state(new InspectorState(this)), m_job(std::make_unique<wizardui::BackgroundJob>(this))
{
    setObjectName(QStringLiteral("dataInspector"));
    m_dataset = new DatasetPanel(m_state, this);
    m_tokenizer = new TokenizerPanel(m_state, this);
    m_compare = new ComparePanel(m_state, this);
    m_train = new TokenizerTrainPanel(m_state, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->addTab(m_dataset, tr("Dataset"));
    m_tabs->addTab(m_tokenizer, tr("Tokenizer"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_tabs->addTab(m_train, tr("Train a tokenizer"));
    auto *open = new QPushButton(tr("Open tokenizer…"), this);
    open->setObjectName(QStringLiteral("openTokenizerButton"));
    open->setToolTip(tr("Open a saved tokenizer folder (tokenizer.json, or GPT-2's vocab.json and merges.txt)."));
    m_tabs->setCornerWidget(open);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a tokenizer folder"));
        if (!dir.isEmpty())
            openTokenizer(dir);
    });
    connect(m_train, &TokenizerTrainPanel::useInNewRunRequested, this, &DataInspector::useInNewRunRequested);
    connect(this, &DataInspector::failed, m_dataset, &DatasetPanel::showError);
}

DataInspector::~DataInspector() { m_job->stop(); }

void DataInspector::setWorkspace(const QString &dir) { m_train->setWorkspace(dir); }

void DataInspector::openTokenizer(const QString &dir, const QString &name)
{
    const QString label = name.isEmpty() ? QFileInfo(dir).fileName() : name;
    m_job->start([this, dir, label](const std::atomic_bool &) -> wizardui::BackgroundJob::Deliver {
        auto tok = std::make_shared<core::Result<core::TokenizerPtr>>(core::loadTokenizer(dir.toStdString()));
        return [this, tok, dir, label] {
            if (!*tok) {
                m_lastError = tr("Cannot open the tokenizer %1: %2").arg(dir, QString::fromStdString(tok->error()));
                emit failed(m_lastError);
                return;
            }
            m_state->addTokenizer({label, dir, **tok});
            emit tokenizerOpened(label);
        };
    });
}

void DataInspector::setRun(const QString &runDir)
{
    m_pendingRun = runDir;
    if (isVisible()) {
        m_pendingRun.clear();
        loadRun(runDir);
    }
}

void DataInspector::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_pendingRun.isEmpty()) {
        const QString run = m_pendingRun;
        m_pendingRun.clear();
        loadRun(run);
    }
}

void DataInspector::loadRun(const QString &runDir)
{
    const RunData run = readRunData(runDir);
    if (!run.error.isEmpty()) {
        m_lastError = run.error;
        emit failed(run.error);
        return;
    }
    const QString name = QFileInfo(runDir).fileName();
    m_state->setRunConfig(run.config);
    // The run's own tokenizer (its folder or its checkpoint's); a char run without one
    // gets the char tokenizer of its corpus, which is what the trainer builds.
    QString tokName;
    if (!run.tokenizerDir.isEmpty()) {
        tokName = tr("%1 · run %2").arg(QString::fromStdString(core::tokenizerKindName(run.config.tokenizer.kind)), name);
        openTokenizer(run.tokenizerDir, tokName);
    }
    m_dataset->loadData(run.config.data, name, run.config.training.seed, tokName);
}

} // namespace lmwb::widgets
