#pragma once
// Wizard page 2: the corpus. Files or a folder (buttons, or drag and drop onto the page),
// or one of core::sampleCorpora(). The corpus is read on a worker thread through
// core::loadCorpus (the same reader as training, so a file that is not UTF-8 shows core's
// message with its byte offset); the page shows size, characters, the first lines and the
// train/validation split. Prompt/response pairs (JSONL, data.format "pairs") show as pairs,
// with the lines that were skipped and why; fine-tuning on pairs locks the page to them.

#include "config/runconfig.h"
#include "data/corpus.h"

#include <QWizardPage>

#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace lmwb::widgets {

namespace wizardui {
class BackgroundJob;
}

// What the page knows about the chosen corpus once it has been read.
struct CorpusStats {
    int generation = 0;                      // increases with every change of the choice
    bool loaded = false;                     // read without error
    QString error;                           // core's message when reading failed
    std::shared_ptr<const std::string> text; // the corpus as training sees it (UTF-8)
    qint64 bytes = 0;                        // bytes read from disk (text size for synthetic)
    qint64 characters = 0;                   // Unicode code points of text
    int distinctCharacters = 0;              // the vocabulary of a char tokenizer
    QString preview;                         // the first lines (pairs: the first pairs)
    QString description;                     // core's description
    qint64 pairs = 0;                        // format "pairs": the pairs read
    QStringList notes;                       // format "pairs": skipped lines, "FILE line N: why"
};

class WizardDataPage : public QWizardPage {
    Q_OBJECT

public:
    explicit WizardDataPage(QWidget *parent = nullptr);
    ~WizardDataPage() override;

    // Choose a sample corpus by core id ("synthetic", "fortunes", "tang300", ...).
    bool selectSample(const QString &id);
    // Use these files and folders (replaces the list).
    void setFiles(const QStringList &paths);
    void addPaths(const QStringList &paths);
    void setValFraction(double fraction);
    // Fine-tuning on prompt/response pairs: files only, format "pairs".
    void setPairsMode(bool on);
    bool pairsMode() const { return m_pairsMode; }

    core::DataConfig dataConfig() const;
    const CorpusStats &corpus() const { return m_stats; }
    bool isLoading() const;
    // A short name for the run directory: the sample id or the first file's base name.
    QString corpusName() const;

    QString problem() const;
    bool isComplete() const override;
    bool validatePage() override;
    void cleanupPage() override {}
    // Fine-tuning skips the tokenizer and model pages (the base model decides both).
    int nextId() const override;

signals:
    // The corpus was read (or failed to be read): corpus() is up to date.
    void corpusChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void reload();
    void updateSplit();
    void updateModeWidgets();
    void showStats();
    const core::SampleCorpus *currentSample() const;

    QRadioButton *m_sampleRadio = nullptr;
    QRadioButton *m_filesRadio = nullptr;
    QComboBox *m_sampleCombo = nullptr;
    QWidget *m_syntheticBox = nullptr;
    QSpinBox *m_examplesSpin = nullptr;
    QSpinBox *m_digitsSpin = nullptr;
    QWidget *m_filesBox = nullptr;
    QListWidget *m_fileList = nullptr;
    QPushButton *m_addFiles = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_removeFile = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QDoubleSpinBox *m_valSpin = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_split = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_previewLabel = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_error = nullptr;

    std::vector<core::SampleCorpus> m_samples;
    CorpusStats m_stats;
    bool m_pairsMode = false;
    int m_generation = 0;
    std::unique_ptr<wizardui::BackgroundJob> m_job;
};

} // namespace lmwb::widgets
