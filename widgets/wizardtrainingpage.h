#pragma once
// Wizard page 5: the optimisation settings, with a plot of the learning-rate schedule
// (core::learningRateAt: linear warmup, cosine decay to min_lr) that follows every edit.
// When fine-tuning, a group chooses what trains: frozen embeddings, the first N layers
// frozen, LoRA adapters (rank, alpha, projections), with the count of trainable parameters.

#include "config/runconfig.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace lmwb::widgets {

class WizardTrainingPage : public QWizardPage {
    Q_OBJECT

public:
    explicit WizardTrainingPage(QWidget *parent = nullptr);

    // The fields as a config; a learning rate that is not a number leaves the default
    // (problem() reports it).
    core::TrainingConfig trainingConfig() const;
    QCustomPlot *schedulePlot() const { return m_plot; }
    // Data parallelism: processes to start on this machine (`lmwb train --nproc N`), and the
    // torchrun command that runs the same on a cluster.
    int processes() const;
    QString torchrunCommand() const;
    // Fine-tuning shows the group for freezing and LoRA; base is the model being tuned
    // (layers, width and vocabulary for the counts). Off: those settings are left out.
    void setFineTuning(bool on, const core::ModelConfig &base);
    bool isFineTuning() const { return m_fineTuning; }
    // What trains: all parameters, or the unfrozen ones and LoRA's A and B (analytic count,
    // the same as the trainer's).
    qint64 trainableParameters() const;
    QGroupBox *fineTuneGroup() const { return m_fineTuneGroup; }

    QString problem() const;
    bool isComplete() const override;
    bool validatePage() override;
    void cleanupPage() override {}

signals:
    void settingsChanged();

private:
    void fieldsChanged();
    void updatePlot();
    void updateTorchrun();
    void updateFineTuneFigures();

    QSpinBox *m_stepsSpin = nullptr;
    QSpinBox *m_batchSpin = nullptr;
    QLineEdit *m_lrEdit = nullptr;
    QLineEdit *m_minLrEdit = nullptr;
    QSpinBox *m_warmupSpin = nullptr;
    QSpinBox *m_decaySpin = nullptr;
    QDoubleSpinBox *m_weightDecaySpin = nullptr;
    QDoubleSpinBox *m_gradClipSpin = nullptr;
    QComboBox *m_precisionCombo = nullptr;
    QSpinBox *m_threadsSpin = nullptr;
    QSpinBox *m_evalIntervalSpin = nullptr;
    QSpinBox *m_evalStepsSpin = nullptr;
    QSpinBox *m_checkpointSpin = nullptr;
    QSpinBox *m_seedSpin = nullptr;
    QSpinBox *m_processesSpin = nullptr;
    QLineEdit *m_torchrunEdit = nullptr;
    QCustomPlot *m_plot = nullptr;
    QGroupBox *m_fineTuneGroup = nullptr;
    QCheckBox *m_freezeEmbeddingsBox = nullptr;
    QSpinBox *m_freezeLayersSpin = nullptr;
    QCheckBox *m_loraBox = nullptr;
    QSpinBox *m_loraRankSpin = nullptr;
    QDoubleSpinBox *m_loraAlphaSpin = nullptr;
    QVector<QCheckBox *> m_loraTargetBoxes; // in core::loraTargetNames() order
    QLabel *m_trainableLabel = nullptr;
    bool m_fineTuning = false;
    core::ModelConfig m_base;
    QLabel *m_error = nullptr;
    bool m_decayFollowsSteps = true; // until the user sets decay steps of their own
    bool m_settingDecay = false;
};

} // namespace lmwb::widgets
