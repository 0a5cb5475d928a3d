#pragma once
// Every control of the sampler chain and the generation: temperature (0 = greedy), top-k,
// top-p, min-p, typical-p, repetition / presence / frequency penalties, maximum new tokens,
// stop strings, seed with "fixed seed", the context policy, and the order of the chain
// (drag the stages, or Up / Down; untick one to leave it out). Presets Greedy, Balanced,
// Creative set the sampler knobs; Reset sets everything back to the defaults.

#include "playgroundtypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace lmwb::widgets {

class SamplerPanel : public QWidget {
    Q_OBJECT
public:
    explicit SamplerPanel(QWidget *parent = nullptr);

    PlaygroundSettings settings() const;
    void setSettings(const PlaygroundSettings &s);
    void applyPreset(const QString &name); // "greedy", "balanced", "creative"
    void reset();
    void setSeed(quint64 seed); // shows the seed a free-seed run used

    // Stop strings: comma separated; \n, \t, \, and \\ are escapes.
    static QStringList parseStopStrings(const QString &text);
    static QString formatStopStrings(const QStringList &stops);
    static QString stageTitle(const QString &name);

signals:
    void changed();

private:
    void addStageItem(const QString &name, bool enabled);
    void moveCurrent(int delta);

    QComboBox *m_preset = nullptr;
    QDoubleSpinBox *m_temperature = nullptr, *m_topP = nullptr, *m_minP = nullptr, *m_typical = nullptr,
                   *m_repetition = nullptr, *m_presence = nullptr, *m_frequency = nullptr;
    QSpinBox *m_topK = nullptr, *m_maxNew = nullptr, *m_seed = nullptr, *m_keep = nullptr;
    QLineEdit *m_stops = nullptr;
    QCheckBox *m_fixedSeed = nullptr, *m_bf16 = nullptr;
    QComboBox *m_context = nullptr;
    QListWidget *m_order = nullptr;
    bool m_updating = false;
};

} // namespace lmwb::widgets
