#include "attentionstatstable.h"

#include <QHeaderView>

namespace lmwb::widgets {

namespace {
QTableWidgetItem *number(double v, int decimals)
{
    auto *item = new QTableWidgetItem;
    // The display role holds the number, so sorting is numeric; the text is rounded.
    item->setData(Qt::DisplayRole, decimals < 0 ? QVariant(int(v)) : QVariant(QString::number(v, 'f', decimals).toDouble()));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}
} // namespace

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
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSortIndicator(Layer, Qt::AscendingOrder);
    setSortingEnabled(true);
    connect(this, &QTableWidget::cellClicked, this, [this](int row, int) {
        emit headActivated(item(row, Layer)->data(Qt::DisplayRole).toInt(), item(row, Head)->data(Qt::DisplayRole).toInt());
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
        if (h.sameToken < 0) {
            auto *none = new QTableWidgetItem(QStringLiteral("—"));
            none->setData(Qt::UserRole, -1.0);
            none->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            none->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            setItem(r, Same, none);
        } else {
            setItem(r, Same, number(h.sameToken, 3));
        }
    }
    setSortingEnabled(true);
    if (sortColumn >= 0 && sortColumn < ColumnCount)
        sortByColumn(sortColumn, order);
}

} // namespace lmwb::widgets
