#pragma once
// Wizard page 4: the model. Presets or custom sizes, GPT or LSTM, with live figures: the
// exact parameter count, a training memory estimate, training FLOPs per token, and the
// time of one training step measured by the host (TrainingWizard::stepTimingRequested,
// sent 400 ms after the last change).
//
// Notation: V vocabulary, T context (block_size), C width (n_embd), L layers, B batch.

#include "config/runconfig.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace lmwb::widgets {

// Parameters of the model core builds (nanoGPT's GPT with tied lm_head and learned
// positions, or the LSTM baseline), counted from the shapes.
//   GPT:  V*C + T*C + L*(2C + 3C² + C² + 8C²) + C,   with bias + L*(2C + 3C + C + 4C + C) + C
//   LSTM: V*C + L*(4C*(C + C) + 8C) + C (+C bias) + C*V + V
qint64 modelParameterCount(const core::ModelConfig &model, qint64 vocabSize);
// Bytes to train: 4 bytes × parameters × 4 (weights, gradients, two Adam moments) plus
// activations ≈ B*T*C*L*16 floats. An estimate, not a measurement.
double modelTrainingMemoryBytes(const core::ModelConfig &model, qint64 vocabSize, int batchSize);
// Training FLOPs per token, 6N + 12*L*C*T (PaLM appendix B, nanoGPT's estimate_mfu); 6N for
// the LSTM, which has no attention.
double modelTrainingFlopsPerToken(const core::ModelConfig &model, qint64 vocabSize);

class WizardModelPage : public QWizardPage {
    Q_OBJECT

public:
    enum Preset { Tiny, NanoGptCpu, BabyGpt, Custom };

    explicit WizardModelPage(QWidget *parent = nullptr);

    void applyPreset(Preset preset);
    Preset preset() const;
    static core::ModelConfig presetConfig(Preset preset);

    core::ModelConfig modelConfig() const;
    qint64 parameterCount() const;
    int lastStepTimingRequest() const { return m_stepRequest; }

    QString problem() const;
    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;
    void cleanupPage() override {}

public slots:
    void onStepTimed(int requestId, double msPerStep, qint64 parameters, const QString &error);
    // Recomputes the figures and the problem; the wizard calls it when the batch size
    // changes on the training page.
    void updateFigures();

private:
    void fieldsChanged();
    void requestStepTiming();
    qint64 vocabSize() const;
    int batchSize() const;

    QComboBox *m_presetCombo = nullptr;
    QComboBox *m_archCombo = nullptr;
    QSpinBox *m_layerSpin = nullptr;
    QSpinBox *m_headSpin = nullptr;
    QSpinBox *m_embdSpin = nullptr;
    QSpinBox *m_blockSpin = nullptr;
    QDoubleSpinBox *m_dropoutSpin = nullptr;
    QCheckBox *m_biasCheck = nullptr;
    QLabel *m_params = nullptr;
    QLabel *m_memory = nullptr;
    QLabel *m_flops = nullptr;
    QLabel *m_stepTime = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_debounce = nullptr;
    bool m_applyingPreset = false;
    int m_stepRequest = 0;
    QString m_timedKey; // the config of the last request, to skip repeats
};

} // namespace lmwb::widgets
