#pragma once
// Wizard page 3: the tokenizer. Char needs no training (its vocabulary is the corpus's
// distinct characters). Byte-level BPE and sentencepiece are trained on the page, on a
// worker thread or by the host (TrainingWizard::tokenizerRequested), with a progress bar;
// the page then shows the vocabulary size, characters per token and the first sentence
// cut into coloured pieces. Next waits until the tokenizer for the current settings and
// corpus has been trained.

#include "config/runconfig.h"

#include <QWizardPage>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace lmwb::widgets {

namespace wizardui {
class BackgroundJob;
}

class WizardTokenizerPage : public QWizardPage {
    Q_OBJECT

public:
    explicit WizardTokenizerPage(QWidget *parent = nullptr);
    ~WizardTokenizerPage() override;

    void setKind(core::TokenizerKind kind);
    core::TokenizerKind kind() const;
    void setVocabSize(int vocabSize);
    // kind, vocab_size and character_coverage; path is left to the wizard.
    core::TokenizerConfig tokenizerConfig() const;

    // The vocabulary the model gets: the corpus's distinct characters for char, the
    // trained tokenizer's size otherwise (the requested size until it is trained).
    int vocabSize() const;
    // Characters per token of the trained tokenizer (1 for char, 0 when unknown).
    double charsPerToken() const;
    bool isTrained() const;
    bool isTraining() const { return m_pendingRequest != 0; }
    // Where the trained tokenizer was saved (empty for char or when untrained).
    QString trainedDirectory() const;

    // Uses a tokenizer saved elsewhere (the inspector's "Use in new run") instead of
    // training one here, for as long as kind and size stay as they are; another corpus
    // keeps it. Returns false and shows core's message when dir holds no tokenizer.
    bool useSavedTokenizer(const QString &dir);
    QString savedTokenizerDirectory() const { return m_savedDir; }

    QString problem() const;
    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;
    void cleanupPage() override {}

    // Renders pieces (joined by U+001F) as coloured spans.
    static QString piecesHtml(const QString &joinedPieces);

public slots:
    void train();
    void onTokenizerProgress(int requestId, double fraction);
    void onTokenizerTrained(int requestId, int vocabSize, double charsPerToken, const QString &previewPieces,
                            const QString &error);

signals:
    // A training answer (result or error) has been shown.
    void trainingFinished();

private:
    QString settingsKey() const;
    QString tokenizerKey() const; // settingsKey() without the corpus
    bool usesSavedTokenizer() const;
    void settingsChanged();
    void showCharResult();

    QComboBox *m_kindCombo = nullptr;
    QSpinBox *m_vocabSpin = nullptr;
    QDoubleSpinBox *m_coverageSpin = nullptr;
    QPushButton *m_trainButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_error = nullptr;

    int m_lastRequest = 0;
    int m_pendingRequest = 0;     // 0 = none in flight
    QString m_pendingKey;
    QString m_pendingDir;
    QString m_trainedKey;         // settingsKey() of the trained tokenizer
    QString m_trainedDir;
    int m_trainedVocab = 0;
    double m_trainedCharsPerToken = 0.0;
    QString m_trainError;
    QString m_savedDir;           // useSavedTokenizer()
    QString m_savedKey;           // tokenizerKey() it was saved with
    int m_savedVocab = 0;
    std::unique_ptr<wizardui::BackgroundJob> m_job;
};

} // namespace lmwb::widgets
