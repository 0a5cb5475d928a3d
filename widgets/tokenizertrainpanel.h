#pragma once
// Train a tokenizer on the inspector's corpus: sentencepiece (BPE or unigram, vocabulary
// size, character coverage) or byte-level BPE, on a worker thread with progress; save it
// to a folder, add it to the inspector's tokenizers, and hand it to a new run. A sweep
// trains one tokenizer per vocabulary size (256 … 8k) and plots the compression.

#include "tokenizer/tokenizer.h"

#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace lmwb::widgets {

class InspectorState;
namespace wizardui {
class BackgroundJob;
}

struct SweepPoint {
    int vocabSize = 0;       // requested
    int actualVocab = 0;     // what the tokenizer got (0: failed)
    double charsPerToken = 0.0;
    double bytesPerToken = 0.0;
    QString error;
};

class TokenizerTrainPanel : public QWidget {
    Q_OBJECT

public:
    explicit TokenizerTrainPanel(InspectorState *state, QWidget *parent = nullptr);
    ~TokenizerTrainPanel() override;

    void setSpec(const core::TokenizerSpec &spec);
    core::TokenizerSpec spec() const;
    void setOutputDirectory(const QString &dir);
    QString outputDirectory() const;
    // Where new tokenizers go by default: WORKSPACE/tokenizers/<kind>-<vocab>-<corpus>.
    void setWorkspace(const QString &dir);

    void train();
    void sweep();
    bool isBusy() const;
    QString trainedDirectory() const { return m_trainedDir; }
    QString lastError() const { return m_lastError; }
    const QVector<SweepPoint> &sweepPoints() const { return m_sweep; }
    // Vocabulary sizes of the sweep ("256, 512, 1024" in the field).
    void setSweepSizes(const QVector<int> &sizes);

signals:
    void trained(const QString &dir);
    void trainingFailed(const QString &error);
    void sweepFinished();
    // "Use in new run": the host opens the training wizard with this tokenizer.
    void useInNewRunRequested(const QString &dir);

private:
    void proposeDirectory();
    void onProgress(int request, double fraction);
    void showSweep();

    InspectorState *m_state;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_vocab = nullptr;
    QDoubleSpinBox *m_coverage = nullptr;
    QLineEdit *m_dir = nullptr;
    QPushButton *m_trainButton = nullptr, *m_useButton = nullptr, *m_sweepButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_error = nullptr;
    QLineEdit *m_sweepSizes = nullptr;
    QCustomPlot *m_plot = nullptr;
    QString m_workspace;
    bool m_dirEdited = false;
    QString m_trainedDir;
    QString m_lastError;
    QVector<SweepPoint> m_sweep;
    int m_request = 0;
    std::unique_ptr<wizardui::BackgroundJob> m_job;
};

} // namespace lmwb::widgets
