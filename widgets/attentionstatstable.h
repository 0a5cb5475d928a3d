#pragma once
// Per-head statistics of a snapshot in a sortable table (click a header to sort), so a
// student can hunt for heads that do something: low entropy, a previous-token head, one
// that looks back at earlier copies of the current token. Activating a row emits
// headActivated(layer, head).

#include "attentiontypes.h"

#include <QTableWidget>

namespace lmwb::widgets {

class AttentionStatsTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Layer, Head, Entropy, Distance, Previous, First, Self, Same, ColumnCount };
    explicit AttentionStatsTable(QWidget *parent = nullptr);
    void setSnapshot(const AttentionSnapshot &s);
    // The number in a cell (layer and head included), whatever its text.
    double value(int row, int column) const;

signals:
    void headActivated(int layer, int head);
};

} // namespace lmwb::widgets
