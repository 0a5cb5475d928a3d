#pragma once
// The Attention tab: a prompt (typed, or a sample of the validation text), a slider over
// the run's saved checkpoints, and the views of its attention: the grid of every layer and
// head, the selected head (or the mean of a layer's heads) as a heatmap, the head view,
// and per-head statistics. While a run trains, "Live" follows a probe prompt through the
// model as it learns. Export the current view as PNG and the matrices as JSON.
//
// The explorer owns the interaction state; the work is elsewhere. It asks by signals
// (computeRequested, sampleRequested: an AttentionWorker; probeChanged: the Session) and
// hears back through onComputed / onTextSampled / onProbed. At most one request is in
// flight: while the slider is dragged only the latest position is computed next.
//
//   connect(explorer, &AttentionExplorer::computeRequested, worker, &AttentionWorker::compute);
//   connect(worker, &AttentionWorker::computed, explorer, &AttentionExplorer::onComputed);
//   explorer->openRun(runDir);

#include "attentiontypes.h"

#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace lmwb::widgets {

class AttentionGrid;
class AttentionHeatmap;
class AttentionHeadView;
class AttentionStatsTable;

struct CheckpointRef {
    qint64 step = 0;
    QString dir;
};
// The saved checkpoints of a run directory, by step; a checkpoint directory gives itself.
QVector<CheckpointRef> listCheckpoints(const QString &runOrCheckpointDir);

class AttentionExplorer : public QWidget {
    Q_OBJECT
public:
    enum View { GridView, HeatmapView, HeadView, StatsView };
    explicit AttentionExplorer(QWidget *parent = nullptr);

    // Shows a run (its checkpoints on the slider, the latest selected) or one checkpoint.
    void openRun(const QString &runOrCheckpointDir);
    // The run that trains now (configJson: its config), and whether it is running.
    void setLiveRun(const QString &runDir, const QString &configJson);
    void setLiveRunning(bool running);
    // A new checkpoint of the shown run: the slider gains it.
    void refreshCheckpoints();

    void setPrompt(const QString &text);
    QString prompt() const;
    void openHead(int layer, int head); // head == nHead: the mean over the layer's heads
    void setView(View v);
    void setFollowLive(bool on);
    bool followLive() const;

    const AttentionSnapshot &snapshot() const { return m_snapshot; }
    QVector<CheckpointRef> checkpoints() const { return m_checkpoints; }
    QString note() const;
    bool isShowingNote() const; // the LSTM / no-model page instead of the views
    bool busy() const { return m_inFlight >= 0; }

    bool exportPng(const QString &path);
    bool exportJson(const QString &path);

    AttentionGrid *grid() const { return m_grid; }
    AttentionHeatmap *heatmap() const { return m_heatmap; }
    AttentionHeadView *headView() const { return m_headView; }
    AttentionStatsTable *statsTable() const { return m_stats; }
    QSlider *checkpointSlider() const { return m_slider; }
    QTabWidget *views() const { return m_views; }

public slots:
    void onComputed(int requestId, const lmwb::widgets::AttentionSnapshot &s);
    void onTextSampled(int requestId, const QString &text, const QString &error);
    void onProbed(const lmwb::widgets::AttentionSnapshot &s);
    // Shows s directly (tests, the screenshot tool); an error only goes to the note.
    void showSnapshot(const lmwb::widgets::AttentionSnapshot &s) { display(s); }

signals:
    void computeRequested(int requestId, const QString &checkpointDir, const QString &prompt);
    void sampleRequested(int requestId, const QString &runOrCheckpointDir, int maxChars);
    // everySteps == 0 turns the probe off.
    void probeChanged(const QString &prompt, int everySteps);
    void snapshotShown();

private:
    void buildUi();
    void request();
    void requestSample();
    void sendProbe();
    void display(const AttentionSnapshot &s);
    void updateHeatmap();
    void updateSliderLabel();
    void showNotePage(const QString &text);
    void exportPngDialog();
    void exportJsonDialog();
    QString currentCheckpointDir() const;

    QString m_runDir;
    bool m_lstm = false;
    int m_blockSize = 0;
    QVector<CheckpointRef> m_checkpoints;
    QString m_liveRunDir;
    bool m_liveLstm = false;
    bool m_liveRunning = false;
    AttentionSnapshot m_snapshot;

    int m_nextId = 1;
    int m_inFlight = -1;    // the request being computed
    bool m_pending = false; // a newer one waits for it
    int m_sampleId = -1;
    bool m_sampleForProbe = false;

    QLabel *m_source;
    QLineEdit *m_prompt;
    QPushButton *m_showButton, *m_sampleButton;
    QSlider *m_slider;
    QLabel *m_stepLabel;
    QCheckBox *m_follow;
    QSpinBox *m_every;
    QComboBox *m_layer, *m_head;
    QCheckBox *m_autoContrast;
    QPushButton *m_pngButton, *m_jsonButton;
    QLabel *m_note;
    QStackedWidget *m_stack;
    QLabel *m_emptyNote;
    QTabWidget *m_views;
    AttentionGrid *m_grid;
    AttentionHeatmap *m_heatmap;
    AttentionHeadView *m_headView;
    AttentionStatsTable *m_stats;
};

} // namespace lmwb::widgets
