#include "batchview.h"

#include "tokenview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace lmwb::widgets {

BatchView::BatchView(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("batchView"));
    setWidgetResizable(true);
    auto *rows = new QWidget;
    m_rows = new QVBoxLayout(rows);
    m_rows->addStretch(1);
    setWidget(rows);
}

void BatchView::clear()
{
    for (QWidget *w : m_rowWidgets)
        w->deleteLater();
    m_rowWidgets.clear();
    m_views.clear();
}

void BatchView::setBatch(const TrainingBatch &b, const core::Tokenizer &tok)
{
    clear();
    if (!b.error.isEmpty())
        return;
    auto labelOf = [&](int64_t id) { return tokenLabel(QByteArray::fromStdString(tok.pieceBytes(int32_t(id)))); };
    auto boxes = [&](const std::vector<int64_t> &v, int row, bool targets) {
        QVector<TokenBox> out;
        for (int t = 0; t < b.blockSize; ++t) {
            const auto id = static_cast<int32_t>(v[static_cast<std::size_t>(row) * b.blockSize + t]);
            const QByteArray raw = QByteArray::fromStdString(tok.pieceBytes(id));
            TokenBox box;
            box.label = tokenLabel(raw);
            box.colour = pieceColour(t + (targets ? 1 : 0));
            box.toolTip = tr("%1 %2 · id %3 · bytes %4 · piece %5")
                              .arg(targets ? tr("target") : tr("input"))
                              .arg(t)
                              .arg(id)
                              .arg(hexBytes(raw), tokenLabel(QByteArray::fromStdString(tok.piece(id))));
            out << box;
        }
        return out;
    };
    // One column per position: an input box and its target box get the same width.
    const QFontMetrics fm(font());
    const int shown = std::min(b.batchSize, kMaxRows);
    for (int row = 0; row < shown; ++row) {
        std::vector<int> widths(static_cast<std::size_t>(b.blockSize));
        for (int t = 0; t < b.blockSize; ++t) {
            const std::size_t i = static_cast<std::size_t>(row) * b.blockSize + t;
            widths[static_cast<std::size_t>(t)] =
                std::max(fm.horizontalAdvance(labelOf(b.x[i])), fm.horizontalAdvance(labelOf(b.y[i]))) + 6;
        }
        auto *w = new QWidget;
        auto *l = new QVBoxLayout(w);
        l->setContentsMargins(0, 4, 0, 4);
        auto *caption = new QLabel(tr("Row %1 · tokens %2–%3 of the train split")
                                       .arg(row)
                                       .arg(b.starts[row])
                                       .arg(b.starts[row] + b.blockSize));
        QFont bold = caption->font();
        bold.setBold(true);
        caption->setFont(bold);
        l->addWidget(caption);
        for (bool targets : {false, true}) {
            auto *line = new QHBoxLayout;
            auto *tag = new QLabel(targets ? tr("target") : tr("input"));
            tag->setMinimumWidth(60);
            line->addWidget(tag, 0, Qt::AlignTop);
            auto *view = new TokenView;
            view->setObjectName(targets ? QStringLiteral("batchTargets%1").arg(row) : QStringLiteral("batchInputs%1").arg(row));
            QVector<TokenBox> bx = boxes(targets ? b.y : b.x, row, targets);
            for (int t = 0; t < bx.size(); ++t)
                bx[t].minWidth = widths[static_cast<std::size_t>(t)];
            view->setBoxes(bx);
            line->addWidget(view, 1);
            l->addLayout(line);
            m_views << view;
        }
        m_rows->insertWidget(m_rows->count() - 1, w);
        m_rowWidgets << w;
    }
}

} // namespace lmwb::widgets
