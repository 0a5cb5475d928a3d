#include "attentionstatstable.h"

#include <QHeaderView>

namespace lmwb::widgets {

namespace {
// Shows a number with fixed decimals and sorts by its value (Qt::UserRole).
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(double v, const QString &text) : QTableWidgetItem(text)
    {
        setData(Qt::UserRole, v);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

QTableWidgetItem *number(double v, int decimals)
{
    return new NumberItem(v, decimals < 0 ? QString::number(int(v)) : QString::number(v, 'f', decimals));
}
} // namespace

double AttentionStatsTable::value(int row, int column) const
{
    const QTableWidgetItem *i = item(row, column);
    return i ? i->data(Qt::UserRole).toDouble() : qQNaN();
}

AttentionStatsTable::AttentionStatsTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("layer"), tr("head"), tr("entropy"), tr("mean distance"), tr("previous token"),
                               tr("first token"), tr("self"), tr("same token")});
    const QStringList tips = {
        {},
        {},
        tr("Mean over the queries of −Σ p ln p, in nats: 0 looks at one token, ln(t) spreads evenly."),
        tr("Mean over the queries of how far back the weight lies, in tokens."),
        tr("Mean weight on the token just before the query."),
        tr("Mean weight on the first token (a common resting place for heads with nothing to do)."),
        tr("Mean weight of a query on itself."),
        tr("Mean weight on earlier copies of the query's own token, over the queries that have one (— if none)."),
    };
    for (int c = 0; c < ColumnCount; ++c)
        horizontalHeaderItem(c)->setToolTip(tips[c]);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSortIndicator(Layer, Qt::AscendingOrder);
    setSortingEnabled(true);
    connect(this, &QTableWidget::cellClicked, this, [this](int row, int) {
        emit headActivated(int(value(row, Layer)), int(value(row, Head)));
    });
}

void AttentionStatsTable::setSnapshot(const AttentionSnapshot &s)
{
    const int sortColumn = horizontalHeader()->sortIndicatorSection();
    const Qt::SortOrder order = horizontalHeader()->sortIndicatorOrder();
    setSortingEnabled(false);
    const auto stats = computeHeadStats(s);
    setRowCount(int(stats.size()));
    for (int r = 0; r < stats.size(); ++r) {
        const HeadStats &h = stats[r];
        setItem(r, Layer, number(h.layer, -1));
        setItem(r, Head, number(h.head, -1));
        setItem(r, Entropy, number(h.entropy, 3));
        setItem(r, Distance, number(h.meanDistance, 2));
        setItem(r, Previous, number(h.previousToken, 3));
        setItem(r, First, number(h.firstToken, 3));
        setItem(r, Self, number(h.selfToken, 3));
        // no query has an earlier copy of its token: a dash, sorted below every score
        setItem(r, Same, h.sameToken < 0 ? new NumberItem(-1.0, QStringLiteral("—")) : number(h.sameToken, 3));
    }
    setSortingEnabled(true);
    resizeColumnsToContents(); // once: ResizeToContents would measure every row per cell set
    if (sortColumn >= 0 && sortColumn < ColumnCount)
        sortByColumn(sortColumn, order);
}

} // namespace lmwb::widgets
