#pragma once
// Wizard page 6: the run's JSON config (read-only; save it, copy it), the run directory
// and the equivalent command line. Finish reads "Start training".

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lmwb::widgets {

class WizardSummaryPage : public QWizardPage {
    Q_OBJECT

public:
    explicit WizardSummaryPage(QWidget *parent = nullptr);

    QString runDirectory() const;
    void setRunDirectory(const QString &dir);
    // A fresh default (WORKSPACE/<corpus>-<yyyyMMdd-hhmmss>) unless the user typed one.
    void proposeRunDirectory();
    QString commandLine() const;
    QString configText() const;

    // Writes the config to path; a trained tokenizer is copied next to it
    // (<name>-tokenizer/) and tokenizer.path names that folder relative to the file, so
    // that `lmwb train path --out DIR` works after the wizard is gone.
    bool saveConfigTo(const QString &path);

    QString problem() const;
    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;
    void cleanupPage() override {}

private:
    void refresh();

    QPlainTextEdit *m_configEdit = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLineEdit *m_runDirEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLineEdit *m_commandEdit = nullptr;
    QLabel *m_savedLabel = nullptr;
    QLabel *m_error = nullptr;
    QString m_savedConfigPath;
    bool m_runDirEdited = false;
    bool m_settingRunDir = false;
    bool m_showingResume = false;
};

} // namespace lmwb::widgets
