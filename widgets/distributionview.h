#pragma once
// The distribution behind one generated token: the top candidates of the model's raw
// distribution as grouped bars, one bar per stage of the sampler chain (before = "model",
// then after each stage), so what each stage cuts or sharpens is visible. Clicking a bar
// asks to branch with that candidate.

#include "playgroundtypes.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace lmwb::widgets {

class DistributionView : public QWidget {
    Q_OBJECT
public:
    explicit DistributionView(QWidget *parent = nullptr);

    void showToken(const PlaygroundToken &token, int index);
    void clear();

    QCustomPlot *plot() const { return m_plot; }
    QVector<int> shownIds() const { return m_ids; }
    // prob of candidate column `column` in series `series` (0 = the raw distribution).
    double shownProb(int series, int column) const;
    int seriesCount() const;
    static QString displayText(const QString &piece); // newline, tab, space made visible

signals:
    void candidateClicked(int id);

private:
    QCustomPlot *m_plot = nullptr;
    QLabel *m_title = nullptr;
    QVector<int> m_ids;
};

} // namespace lmwb::widgets
