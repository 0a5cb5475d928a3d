#pragma once
// The "Data & Tokenizer" tab: see what the model sees (issue 5).
//
//   auto *inspector = new DataInspector;
//   inspector->setWorkspace(dir);
//   inspector->setRun(runDir);        // its corpus, tokenizer and batch settings
//   connect(inspector, &DataInspector::useInNewRunRequested, ...);  // open the wizard
//
// Four views over one shared InspectorState: the dataset, a tokenizer, a comparison of
// two or three tokenizers, and training a tokenizer here. Everything slow (reading,
// tokenizing a corpus, training) runs on worker threads; torch is never involved.

#include <QString>
#include <QWidget>

#include <memory>

class QTabWidget;

namespace lmwb::widgets {

class ComparePanel;
class DatasetPanel;
class InspectorState;
class TokenizerPanel;
class TokenizerTrainPanel;
namespace wizardui {
class BackgroundJob;
}

class DataInspector : public QWidget {
    Q_OBJECT

public:
    explicit DataInspector(QWidget *parent = nullptr);
    ~DataInspector() override;

    void setWorkspace(const QString &dir);
    // Shows the run's corpus with its tokenizer and batch settings: now when the tab is
    // visible, else when it is first shown (reading a corpus is not free while training).
    void setRun(const QString &runDir);
    // Opens a saved tokenizer folder (on a worker thread); it joins the tokenizer lists.
    void openTokenizer(const QString &dir, const QString &name = {});

    InspectorState *state() const { return m_state; }
    DatasetPanel *datasetPanel() const { return m_dataset; }
    TokenizerPanel *tokenizerPanel() const { return m_tokenizer; }
    ComparePanel *comparePanel() const { return m_compare; }
    TokenizerTrainPanel *trainPanel() const { return m_train; }
    QTabWidget *tabs() const { return m_tabs; }
    QString lastError() const { return m_lastError; }

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void useInNewRunRequested(const QString &tokenizerDir);
    void tokenizerOpened(const QString &name);
    void failed(const QString &error);

private:
    void loadRun(const QString &runDir);

    InspectorState *m_state = nullptr;
    QString m_pendingRun;
    QTabWidget *m_tabs = nullptr;
    DatasetPanel *m_dataset = nullptr;
    TokenizerPanel *m_tokenizer = nullptr;
    ComparePanel *m_compare = nullptr;
    TokenizerTrainPanel *m_train = nullptr;
    QString m_lastError;
    std::unique_ptr<wizardui::BackgroundJob> m_job;
};

} // namespace lmwb::widgets
