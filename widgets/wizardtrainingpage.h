#pragma once
// Wizard page 5: the optimisation settings, with a plot of the learning-rate schedule
// (core::learningRateAt: linear warmup, cosine decay to min_lr) that follows every edit.

#include "config/runconfig.h"

#include <QWizardPage>

class QComboBox;
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
    QLabel *m_error = nullptr;
    bool m_decayFollowsSteps = true; // until the user sets decay steps of their own
    bool m_settingDecay = false;
};

} // namespace lmwb::widgets
