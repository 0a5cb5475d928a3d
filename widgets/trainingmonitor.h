#pragma once
// The Train tab: the live loss chart, the small charts, the run's generated samples and the
// buttons that steer the Session.
//
//   auto *monitor = new TrainingMonitor;
//   connect(session, &Session::runStarted, monitor, &TrainingMonitor::setRun);
//   connect(session, &Session::progressed, monitor, &TrainingMonitor::addSteps); // <= ~20/s
//   connect(session, &Session::evaluated, monitor, &TrainingMonitor::addEval);
//   connect(session, &Session::sampled, monitor, &TrainingMonitor::addSample);
//   connect(session, &Session::stateChanged, monitor, &TrainingMonitor::setState);
//   connect(monitor, &TrainingMonitor::pauseRequested, session, &Session::pause);  // queued
//   ... resumeRequested/resume, stopRequested/stop, stepRequested/step,
//       saveRequested/saveNow, sampleRequested/sampleNow
//
//   monitor->loadRun(runDir);            // a finished run, from metrics.jsonl and samples.jsonl
//   monitor->addOverlay(otherRunDir);    // compare: another run's loss in another colour
//
// GUI thread only. Data is appended as it arrives (QCPGraph::addData(..., true)); axis
// fitting and replots are queued (rpQueuedReplot) and skipped while the tab is hidden,
// then done once in showEvent, so a hidden monitor costs the trainer next to nothing.
//
// A fine-tuning run (training.init_from in its config) shows its base model's loss, the eval
// at step 0, as a dotted reference line labelled with the base model's name.
//
// Wall time on the x axis is made monotonic: when a resumed session restarts its clock at
// zero, its times continue from where the previous session's ended.

#include "smoothing.h"
#include "trainingtypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLayout;
class QPushButton;
class QSlider;
class QTableWidget;

namespace lmwb::widgets {

class LossChart;
class MetricChart;

class TrainingMonitor : public QWidget {
    Q_OBJECT
public:
    enum class XAxis { Step, Tokens, WallTime };
    Q_ENUM(XAxis)

    explicit TrainingMonitor(QWidget *parent = nullptr);
    ~TrainingMonitor() override;

    // Chart controls (the slider, the check box and the combo box call these too).
    void setSmoothing(double weight); // 0 .. 0.99, TensorBoard's debiased EMA
    double smoothing() const { return m_smoothing; }
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_xAxis; }
    void setLogY(bool on);
    bool logY() const;

    // Export; false when the path cannot be written. The PNG is the loss chart as shown
    // (1200x700 while hidden); the CSV is written atomically (QSaveFile).
    bool exportPng(const QString &path);
    // step,tokens,wall_seconds,train_loss,smoothed_loss,lr,grad_norm,tokens_per_second,val_loss
    // One row per step; val_loss only on eval steps; an eval without a step of its own (the
    // eval at step 0) gets a row with only step, tokens, wall_seconds and val_loss. NaN is
    // an empty field; numbers are written in their shortest exact form.
    bool exportCsv(const QString &path) const;

    // For tests and the screenshot script.
    QCustomPlot *lossChart() const;
    QCustomPlot *learningRateChart() const;
    QCustomPlot *gradNormChart() const;
    QCustomPlot *throughputChart() const;
    LossChart *lossChartView() const { return m_loss; }
    QTableWidget *samplesView() const { return m_samples; } // rows: step, text; newest first
    int trainPointCount() const;
    int evalPointCount() const;
    QVector<double> smoothedLosses() const { return m_smoothed; }
    double uniformLoss() const; // ln(vocabulary size), NaN when unknown
    double baseLoss() const;    // a fine-tuning run's loss at step 0 (its base model), else NaN
    TrainingState state() const { return m_state; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *stepButton() const { return m_step; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *sampleButton() const { return m_sample; }

public slots:
    // Clears the charts and the samples (overlays stay, to compare the new run with them)
    // and shows "run — N parameters — corpus"; the ln(V) line uses run.vocabSize. When
    // the run is resumed (run.step > 0), the run's own metrics.jsonl and samples.jsonl up
    // to run.step are shown first, so the curve continues instead of starting over.
    void setRun(const lmwb::widgets::RunDescription &run);
    void addSteps(const QVector<lmwb::widgets::StepPoint> &steps);
    void addEval(const lmwb::widgets::EvalPoint &eval);
    void addSample(qint64 step, const QString &text); // newest on top
    void setState(lmwb::widgets::TrainingState state);
    // A finished run from its directory; false (and a message on the chart) if it has no
    // readable metrics.jsonl.
    bool loadRun(const QString &runDir);
    // Another run's loss curves laid over this one's, named after its directory.
    bool addOverlay(const QString &runDir);
    void clearOverlays();

signals:
    void pauseRequested();
    void resumeRequested();
    void stopRequested();
    void stepRequested();
    void saveRequested();
    void sampleRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Overlay {
        QVector<StepPoint> steps;
        QVector<EvalPoint> evals;
    };

    void buildUi();
    QLayout *buildHeaderRow();
    QLayout *buildButtonRow();
    QLayout *buildChartControls();
    QWidget *buildCharts();
    QWidget *buildSamples();
    void clearData();
    void appendSteps(const QVector<StepPoint> &steps);
    void appendEval(const EvalPoint &eval);
    void loadHistory(const QString &runDir, qint64 upToStep);
    double monotonicWall(double seconds);
    double key(const StepPoint &p) const;
    double key(const EvalPoint &p) const;
    void rebuildGraphs();    // every graph from the stored points (x axis or smoothing changed)
    void fillOverlay(int index);
    void scheduleRefresh();  // fit ranges and queue a replot, or remember to when shown
    void refresh();
    void updateHeader();
    void updateStatus();
    void updateButtons();
    void onPauseClicked();
    void onExportPng();
    void onExportCsv();

    LossChart *m_loss = nullptr;
    MetricChart *m_lr = nullptr;
    MetricChart *m_gradNorm = nullptr;
    MetricChart *m_throughput = nullptr;
    QTableWidget *m_samples = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_smoothingValue = nullptr;
    QSlider *m_smoothingSlider = nullptr;
    QCheckBox *m_logYBox = nullptr;
    QComboBox *m_xAxisBox = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_step = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_sample = nullptr;
    QPushButton *m_exportPng = nullptr;
    QPushButton *m_exportCsv = nullptr;

    RunDescription m_run;
    QVector<StepPoint> m_steps; // wallSeconds already made monotonic
    QVector<EvalPoint> m_evals;
    QVector<double> m_smoothed; // one per m_steps
    DebiasedEma m_ema{0.6};     // kept, so that appending stays O(new points)
    QVector<Overlay> m_overlays;
    double m_lastRawWall = 0.0;
    double m_wallOffset = 0.0;
    double m_smoothing = 0.6;
    XAxis m_xAxis = XAxis::Step;
    TrainingState m_state = TrainingState::Idle;
    QString m_loadError;  // shown on the chart when loadRun() could not read the run
    QString m_baseFrom;   // training.init_from of a fine-tuning run, else empty
    bool m_dirty = false; // data changed while hidden
};

} // namespace lmwb::widgets
