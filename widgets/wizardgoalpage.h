#pragma once
// Wizard page 1: pretrain a new model, continue a run of the workspace, or fine-tune one.
// Continuing goes straight to the summary (resume semantics: the run's own config, its latest
// checkpoint). Fine-tuning starts a new run from the chosen run's weights, on new text
// (continued pretraining) or on prompt/response pairs from JSONL; the wizard then skips the
// tokenizer and model pages, which the base model decides.

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace lmwb::widgets {

class WizardGoalPage : public QWizardPage {
    Q_OBJECT

public:
    explicit WizardGoalPage(QWidget *parent = nullptr);

    void setWorkspace(const QString &dir);
    bool isResume() const;
    QString resumeRunDir() const;
    // Continued pretraining: start a new run from the selected run's (or imported model's)
    // weights, architecture and tokenizer (training.init_from).
    bool isFineTune() const;
    QString fineTuneFrom() const;
    void setFineTune(bool fineTune);
    // Fine-tuning on prompt/response pairs (data.format "pairs") rather than on plain text.
    bool isPairs() const;
    void setPairs(bool pairs); // also selects fine-tuning
    // Selects "continue" with this run (added to the list when it is not in it).
    void setResumeRunDir(const QString &dir);
    void setResume(bool resume);

    // Empty when the page is fine, else what is wrong (also shown on the page).
    QString problem() const;

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

signals:
    // The goal or the kind of fine-tuning changed.
    void goalChanged();

private:
    void refreshRuns();
    void updateState();

    QString m_workspace;
    QRadioButton *m_pretrain = nullptr;
    QRadioButton *m_resume = nullptr;
    QRadioButton *m_fineTune = nullptr;
    QRadioButton *m_onText = nullptr;
    QRadioButton *m_onPairs = nullptr;
    QComboBox *m_runCombo = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_runInfo = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_pairsHelp = nullptr;
};

} // namespace lmwb::widgets
