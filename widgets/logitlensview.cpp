#include "logitlensview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lmwb::widgets {

LogitLensView::LogitLensView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("logitLensView"));
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("logitLensCaption"));
    m_caption->setWordWrap(true);
    m_table = new QTableWidget(0, 6);
    m_table->setObjectName(QStringLiteral("logitLensTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_back = new QPushButton(tr("◀ Back"));
    m_back->setObjectName(QStringLiteral("logitLensBack"));
    m_next = new QPushButton(tr("Next ▶"));
    m_next->setObjectName(QStringLiteral("logitLensNext"));
    connect(m_back, &QPushButton::clicked, this, [this] { setCurrentStep(m_current - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setCurrentStep(m_current + 1); });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) { setCurrentStep(row); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addStretch();
    auto *l = new QVBoxLayout(this);
    l->addWidget(m_caption);
    l->addWidget(m_table, 1);
    l->addLayout(buttons);
    setSnapshot({});
}

int LogitLensView::stepCount() const { return m_table->rowCount(); }

void LogitLensView::setSnapshot(const TeachSnapshot &s)
{
    m_table->setRowCount(0);
    QStringList headers{tr("Read after")};
    for (int i = 1; i <= 5; ++i)
        headers << tr("#%1").arg(i);
    m_table->setHorizontalHeaderLabels(headers);
    if (s.lens.isEmpty()) {
        m_caption->setText(s.lstm ? tr("The logit lens reads a transformer's residual stream; an LSTM has none.")
                                  : tr("Load a model and type a prompt to read its residual stream layer by layer."));
        updateRow();
        return;
    }
    m_caption->setText(tr("What the model would predict after “%1” if it stopped after each layer: the residual "
                          "stream through ln_f and the unembedding. The last row is its real prediction.")
                           .arg(s.tokens.value(s.selectedToken).toHtmlEscaped()));
    for (int r = 0; r < s.lens.size(); ++r) {
        const auto &step = s.lens[r];
        m_table->insertRow(r);
        const QString name = step.name == QLatin1String("embeddings") ? tr("embeddings")
                                                                      : tr("layer %1").arg(step.name.mid(2));
        m_table->setItem(r, 0, new QTableWidgetItem(name));
        for (int i = 0; i < step.topPieces.size() && i < 5; ++i) {
            auto *item = new QTableWidgetItem(
                QStringLiteral("%1  %2%").arg(step.topPieces[i]).arg(100.0 * step.topProbs[i], 0, 'f', 1));
            m_table->setItem(r, i + 1, item);
        }
    }
    m_current = qBound(0, m_current, m_table->rowCount() - 1);
    updateRow();
}

void LogitLensView::setCurrentStep(int step)
{
    if (m_table->rowCount() == 0)
        return;
    step = qBound(0, step, m_table->rowCount() - 1);
    const bool changed = step != m_current;
    m_current = step;
    updateRow();
    if (changed)
        emit stepChanged(step);
}

void LogitLensView::updateRow()
{
    const int n = m_table->rowCount();
    m_back->setEnabled(n > 0 && m_current > 0);
    m_next->setEnabled(n > 0 && m_current < n - 1);
    if (n > 0)
        m_table->selectRow(m_current);
}

} // namespace lmwb::widgets
