#pragma once
// The training wizard: goal, data, tokenizer, model, training, summary (issue 3).
//
//   TrainingWizard wizard(this);
//   wizard.setWorkspace(workspaceDir);
//   connect(&wizard, &TrainingWizard::startRequested, session, &Session::startTraining);
//   connect(&wizard, &TrainingWizard::resumeRequested, session, &Session::resumeTraining);
//   // optional backends; answer through the public slots below with the same requestId:
//   connect(&wizard, &TrainingWizard::stepTimingRequested, session, &Session::timeStep);
//   wizard.open();
//
// configJson() is exactly what core::parseRunConfig accepts and `lmwb train` reads. Every
// page checks its fields through core::validate/parseRunConfig, so a message on a page
// names the config key, and a wrong field blocks Next with a red label on that page.
//
// Tokenizers are trained into a temporary folder the wizard owns; Start copies the trained
// one into RUN_DIR/tokenizer, and the started config's tokenizer.path points there. When no
// one is connected to tokenizerRequested the wizard trains on its own worker thread
// (core::trainTokenizer is torch-free); a host that connects trains it instead and answers
// with onTokenizerProgress/onTokenizerTrained. Step timing needs torch, so without a
// connection to stepTimingRequested the model page shows "—".

#include "config/runconfig.h"

#include <QString>
#include <QWizard>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QFont;
class QLabel;
class QTemporaryDir;
class QThread;

namespace lmwb::widgets {

class WizardGoalPage;
class WizardDataPage;
class WizardTokenizerPage;
class WizardModelPage;
class WizardTrainingPage;
class WizardSummaryPage;

class TrainingWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { GoalPageId, DataPageId, TokenizerPageId, ModelPageId, TrainingPageId, SummaryPageId };

    explicit TrainingWizard(QWidget *parent = nullptr);
    ~TrainingWizard() override;

    // The folder that holds the runs (default ~/lmwb-runs): the continue goal lists its
    // runs, and the default run directory is WORKSPACE/<corpus>-<yyyyMMdd-hhmmss>.
    void setWorkspace(const QString &dir);
    QString workspace() const;

    // The configuration Start will run (tokenizer.path = RUN_DIR/tokenizer when a trained
    // tokenizer is used). A continued run uses its own config.json instead.
    QString configJson() const;
    core::RunConfig runConfig() const;
    QString runDirectory() const;
    void setRunDirectory(const QString &dir);

    bool isResume() const;
    QString resumeRunDir() const;
    // Fine-tuning (training.init_from): the goal page's choice; the model and tokenizer are
    // the base's, so the tokenizer and model pages are skipped. isPairs: on JSONL pairs.
    bool isFineTune() const;
    bool isPairs() const;
    // The model being fine-tuned, from its config.json (defaults when it cannot be read:
    // the goal page says why).
    core::ModelConfig baseModelConfig() const;

    WizardGoalPage *goalPage() const { return m_goal; }
    WizardDataPage *dataPage() const { return m_data; }
    WizardTokenizerPage *tokenizerPage() const { return m_tokenizer; }
    WizardModelPage *modelPage() const { return m_model; }
    WizardTrainingPage *trainingPage() const { return m_training; }
    WizardSummaryPage *summaryPage() const { return m_summary; }

    // --- used by the pages ---
    // A folder for trained tokenizers that lives as long as the wizard.
    QString scratchDirectory() const;
    // The config with the tokenizer where it is now (the scratch folder) and
    // model.vocab_size set: what a step-timing backend needs.
    QString timingConfigJson() const;
    // The config with tokenizer.path replaced (empty: none).
    core::RunConfig runConfigWithTokenizerPath(const QString &tokenizerPath) const;
    // The folder of the trained tokenizer in the scratch folder; empty for char.
    QString trainedTokenizerDir() const;
    bool hasTokenizerBackend() const;
    bool hasStepTimingBackend() const;
    void requestTokenizer(int requestId, const QString &configJson, const QString &outDir);
    void requestStepTiming(int requestId, const QString &configJson);
    // Copies the trained tokenizer into runDir/tokenizer; the message says what failed.
    core::Status prepareRunDirectory(const QString &runDir) const;

signals:
    void startRequested(const QString &configJson, const QString &runDir);
    void resumeRequested(const QString &runDir);
    // configJson is the whole run config (data and tokenizer sections say what to train);
    // the host trains, saves with Tokenizer::save(outDir) and answers with the slots.
    void tokenizerRequested(int requestId, const QString &configJson, const QString &outDir);
    // configJson has model.vocab_size set; answer with onStepTimed.
    void stepTimingRequested(int requestId, const QString &configJson);

public slots:
    void onTokenizerProgress(int requestId, double fraction);
    // previewPieces: the pieces of the preview sentence joined by U+001F.
    void onTokenizerTrained(int requestId, int vocabSize, double charsPerToken, const QString &previewPieces,
                            const QString &error);
    void onStepTimed(int requestId, double msPerStep, qint64 parameters, const QString &error);

private:
    void goalChanged();

    WizardGoalPage *m_goal = nullptr;
    WizardDataPage *m_data = nullptr;
    WizardTokenizerPage *m_tokenizer = nullptr;
    WizardModelPage *m_model = nullptr;
    WizardTrainingPage *m_training = nullptr;
    WizardSummaryPage *m_summary = nullptr;
    QString m_workspace;
    std::unique_ptr<QTemporaryDir> m_scratch;
};

// ---- shared by the pages ----

namespace wizardui {

// A red, bold, word-wrapped label that is hidden while it has nothing to say.
QLabel *makeErrorLabel(const QString &objectName, QWidget *parent);
void showProblem(QLabel *label, const QString &problem);
// The first problem core finds in config (parseRunConfig of its JSON, then validate),
// empty when there is none. Messages name the key ("model.n_head ...").
QString coreProblem(const core::RunConfig &config);
// A config that passes core's checks, for a page to put its own section into.
core::RunConfig baselineConfig();
// Tooltip on the field and on its form label.
void setTip(QWidget *field, const QString &tip, QWidget *label = nullptr);
// "1.2 M", "10.7 M", "804 k"
QString shortCount(double n);
// The system's fixed-width font at the size of reference's font (times scale): the
// default fixed font is smaller than the wizard's projector-sized text.
QFont monospaceFont(const QWidget *reference, double scale = 1.0);
// Copies the files of src into dst (created; existing files replaced), recursively.
// Returns the error, empty on success.
QString copyDirectory(const QString &src, const QString &dst);

// Runs one job at a time on a worker thread. start() while a job runs cancels it and runs
// the newest job when it ends (jobs in between are dropped). A job returns the function
// that delivers its result on the owner's (GUI) thread; a cancelled job's result is
// dropped. stop() cancels and waits; the owner calls it in its destructor so that a
// job never posts to a destroyed object.
class BackgroundJob {
public:
    using Deliver = std::function<void()>;
    using Job = std::function<Deliver(const std::atomic_bool &cancelled)>;

    explicit BackgroundJob(QObject *owner);
    ~BackgroundJob();
    void start(Job job);
    // Cancels the running job (its result is dropped) without waiting for it.
    void cancel();
    void stop();
    bool busy() const { return m_thread != nullptr || m_pending.has_value(); }

private:
    void launch();

    QObject *m_owner;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::optional<Job> m_pending;
};

} // namespace wizardui

} // namespace lmwb::widgets
