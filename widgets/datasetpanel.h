#pragma once
// The inspector's dataset view: the files of the run's corpus or of chosen files and
// folders (size, characters, lines, distinct characters, an encoding check with byte
// offsets), a paged preview, a histogram of line or document lengths in tokens, where the
// train/validation split falls, and "what the model sees": a training batch drawn exactly
// as the trainer draws it, as token pieces. Reading and tokenizing run on a worker thread
// with a progress bar; the window keeps working meanwhile.

#include "inspectorjobs.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QVBoxLayout;
class QCustomPlot;

namespace lmwb::widgets {

class BatchView;
class InspectorState;
class TokenView;
namespace wizardui {
class BackgroundJob;
}

class DatasetPanel : public QWidget {
    Q_OBJECT

public:
    explicit DatasetPanel(InspectorState *state, QWidget *parent = nullptr);
    ~DatasetPanel() override;

    // Reads data on the worker thread; name labels it ("tang300", "run-1"). The corpus is
    // then tokenized with preferredTokenizer (by name) or, when that is empty, with the
    // char tokenizer of the corpus ("char · NAME").
    void loadData(const core::DataConfig &data, const QString &name, uint64_t seed = 1337,
                  const QString &preferredTokenizer = {});
    bool isBusy() const;
    const DatasetReport &report() const { return m_report; }
    const TokenReport &tokens() const { return m_tokens; }
    const TrainingBatch &batch() const { return m_batch; }
    // Input and target rows of the batch view, two per batch row.
    QVector<TokenView *> batchViews() const;

    // Tokenize with the tokenizer of this name as soon as it is there (a run's own).
    void setPreferredTokenizer(const QString &name);
    QString tokenizerName() const;

    // A problem from outside (a run that cannot be read), in the view's error line.
    void showError(const QString &error);

    void setPreviewPage(int page);
    int previewPageCount() const;
    void setBatchSettings(int blockSize, int batchSize, uint64_t seed, int batchNumber);
    // Tokenizes the corpus with the selected tokenizer (then draws a batch).
    void tokenize();
    void drawBatch();

signals:
    void loaded();         // report() is up to date (check its error)
    void tokenized();      // tokens() is up to date
    void batchDrawn();     // batch() is up to date

private:
    void chooseSource();
    void openFiles(bool folder);
    void showReport();
    void showTokens();
    void showBatch();
    void setBusy(const QString &what);
    void onProgress(int request, double fraction);

    InspectorState *m_state;
    QComboBox *m_source = nullptr;
    QComboBox *m_format = nullptr;
    QPushButton *m_filesButton = nullptr, *m_folderButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_files = nullptr;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QSpinBox *m_page = nullptr;
    QLabel *m_pageLabel = nullptr;
    QComboBox *m_tokenizer = nullptr;
    QComboBox *m_unit = nullptr;
    QCustomPlot *m_histogram = nullptr;
    QLabel *m_split = nullptr;
    QSpinBox *m_blockSize = nullptr, *m_batchSize = nullptr, *m_batchNumber = nullptr;
    QLineEdit *m_seed = nullptr; // training.seed is 64-bit, more than a spin box holds
    QLabel *m_batchInfo = nullptr;
    BatchView *m_batchView = nullptr;

    QString m_preferred;
    QString m_idleText; // the status line between jobs
    std::vector<std::size_t> m_pageStarts; // byte offset of each preview page
    DatasetReport m_report;
    TokenReport m_tokens;
    TrainingBatch m_batch;
    core::TokenizerPtr m_tokensTokenizer; // the tokenizer of m_tokens
    int m_request = 0;
    bool m_busy = false;
    bool m_loading = false; // a loadData job is in flight (it tokenizes when it is done)
    std::unique_ptr<wizardui::BackgroundJob> m_job;
};

} // namespace lmwb::widgets
