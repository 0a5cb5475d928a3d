#pragma once
// The Teach tab: the loaded model's architecture as a clickable data-flow diagram, the
// details of the chosen block, the formulas with the numbers of the chosen head and token,
// the logit lens, and a step-through of one forward pass block by block. It only shows:
// the window sends its requests to a TeachWorker and hands back the snapshots.
//
//   connect(tab, &TeachTab::inspectRequested, worker, &TeachWorker::inspect, Qt::QueuedConnection);
//   connect(worker, &TeachWorker::inspected, tab, &TeachTab::setSnapshot);

#include "teachtypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace lmwb::widgets {

class ArchitectureView;
class BlockDetails;
class FormulaPanel;
class LogitLensView;

class TeachTab : public QWidget {
    Q_OBJECT
public:
    explicit TeachTab(QWidget *parent = nullptr);

    ArchitectureView *architecture() const { return m_arch; }
    BlockDetails *details() const { return m_details; }
    FormulaPanel *formulas() const { return m_formulas; }
    LogitLensView *lens() const { return m_lens; }
    QTabWidget *views() const { return m_views; }
    QLineEdit *promptEdit() const { return m_prompt; }
    const TeachSnapshot &snapshot() const { return m_snap; }
    bool hasModel() const { return !m_checkpoint.isEmpty(); }
    QString checkpoint() const { return m_checkpoint; }
    QString statusText() const;

    void setPrompt(const QString &prompt);
    void setSelectedToken(int token); // -1 = last
    void setLayer(int layer);
    void setHead(int head);
    // The step-through of one forward pass: block index, Back/Next.
    int stepIndex() const { return m_step; }
    void stepTo(int block);
    void stepNext() { stepTo(m_step + 1); }
    void stepBack() { stepTo(m_step - 1); }
    void requestNow(); // send the current prompt / token / layer / head at once

public slots:
    void setModel(const QString &checkpoint, const QString &description, const QString &error);
    void setSnapshot(const lmwb::widgets::TeachSnapshot &snapshot);

signals:
    void loadRequested();
    void inspectRequested(int requestId, const QString &prompt, int token, int layer, int head);
    void snapshotShown(); // after a snapshot has been laid out (tests, lessons)

private:
    void scheduleRequest();
    void showBlock(int index);
    void refillTokens();

    ArchitectureView *m_arch = nullptr;
    BlockDetails *m_details = nullptr;
    FormulaPanel *m_formulas = nullptr;
    LogitLensView *m_lens = nullptr;
    QTabWidget *m_views = nullptr;
    QLabel *m_model = nullptr, *m_status = nullptr, *m_stepLabel = nullptr;
    QLineEdit *m_prompt = nullptr;
    QComboBox *m_token = nullptr;
    QSpinBox *m_layer = nullptr, *m_head = nullptr;
    QPushButton *m_load = nullptr, *m_back = nullptr, *m_next = nullptr;
    QTimer *m_debounce = nullptr;
    TeachSnapshot m_snap;
    QString m_checkpoint;
    int m_requestId = 0;
    int m_wantedToken = -1;
    int m_step = -1;
};

} // namespace lmwb::widgets
