#pragma once
// What one block of the architecture view holds: its parameter tensors and their count,
// the shape of its output for the current prompt, a histogram of its weights and the
// activation vector of the selected token as a small heatmap.

#include "teachtypes.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPColorMap;
class QLabel;
class QTableWidget;

namespace lmwb::widgets {

class BlockDetails : public QWidget {
    Q_OBJECT
public:
    explicit BlockDetails(QWidget *parent = nullptr);

    void setBlock(const TeachSnapshot &snapshot, int index);
    QString summaryText() const; // the header and facts, as shown
    int histogramBinCount() const;
    int heatmapCellCount() const;

private:
    QLabel *m_title = nullptr, *m_facts = nullptr;
    QTableWidget *m_params = nullptr;
    QCustomPlot *m_hist = nullptr, *m_heat = nullptr;
    QCPBars *m_bars = nullptr;
    QCPColorMap *m_map = nullptr;
    int m_cells = 0;
};

// One sentence on what a kind of block does, for the details and the step-through.
QString blockExplanation(const TeachBlock &block);

} // namespace lmwb::widgets
