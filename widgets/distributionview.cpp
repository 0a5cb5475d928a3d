#include "distributionview.h"

#include "samplerpanel.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

namespace lmwb::widgets {

namespace {

constexpr int kColumns = 10;

float probIn(const QVector<PlaygroundCandidate> &c, int id)
{
    for (const auto &x : c)
        if (x.id == id)
            return x.prob;
    return 0.0f;
}

QColor seriesColour(int i, int n)
{
    if (i == 0)
        return QColor(120, 120, 120);
    return QColor::fromHsvF(0.58 - 0.5 * (i - 1) / std::max(1, n - 1), 0.65, 0.85);
}

} // namespace

QString DistributionView::displayText(const QString &piece)
{
    QString s = piece;
    s.replace(QLatin1Char('\n'), QStringLiteral("↵"));
    s.replace(QLatin1Char('\t'), QStringLiteral("⇥"));
    s.replace(QLatin1Char(' '), QStringLiteral("␣"));
    return s.isEmpty() ? QStringLiteral("∅") : s;
}

DistributionView::DistributionView(QWidget *parent) : QWidget(parent)
{
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("distributionTitle"));
    m_title->setWordWrap(true);
    m_plot = new QCustomPlot;
    m_plot->setObjectName(QStringLiteral("distributionPlot"));
    m_plot->setMinimumHeight(220);
    m_plot->yAxis->setLabel(tr("probability"));
    m_plot->yAxis->setRange(0, 1);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    // The legend beside the bars, not over them.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(0, 1, m_plot->legend);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->legend->setMargins(QMargins(6, 4, 6, 4));
    m_plot->setInteractions(QCP::iSelectPlottables);
    l->addWidget(m_title);
    l->addWidget(m_plot, 1);
    connect(m_plot, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable *, int dataIndex, QMouseEvent *) {
        if (dataIndex >= 0 && dataIndex < m_ids.size())
            emit candidateClicked(m_ids[dataIndex]);
    });
    clear();
}

void DistributionView::clear()
{
    m_ids.clear();
    m_plot->clearPlottables();
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_title->setText(tr("Click a token of the output to see the distribution it was drawn from."));
    m_plot->replot();
}

int DistributionView::seriesCount() const { return m_plot->plottableCount(); }

double DistributionView::shownProb(int series, int column) const
{
    auto *bars = qobject_cast<QCPBars *>(m_plot->plottable(series));
    if (!bars || column < 0 || column >= bars->data()->size())
        return -1.0;
    return (bars->data()->constBegin() + column)->value;
}

void DistributionView::showToken(const PlaygroundToken &t, int index)
{
    m_plot->clearPlottables();
    m_ids.clear();
    for (const auto &c : t.top) {
        if (m_ids.size() >= kColumns)
            break;
        m_ids << c.id;
    }
    if (!m_ids.contains(t.id)) {
        if (m_ids.size() >= kColumns)
            m_ids.removeLast();
        m_ids << t.id;
    }
    QString chosenText = t.text;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < m_ids.size(); ++i) {
        QString label;
        for (const auto &c : t.top)
            if (c.id == m_ids[i])
                label = c.text;
        for (const auto &s : t.stages)
            for (const auto &c : s.candidates)
                if (label.isEmpty() && c.id == m_ids[i])
                    label = c.text;
        if (m_ids[i] == t.id && label.isEmpty())
            label = chosenText;
        label = displayText(label);
        if (m_ids[i] == t.id)
            label = QStringLiteral("▶%1").arg(label);
        ticker->addTick(i, label);
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, m_ids.size() - 0.4);

    const int n = 1 + t.stages.size();
    auto *group = new QCPBarsGroup(m_plot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    const double width = 0.8 / n;
    for (int s = 0; s < n; ++s) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(s == 0 ? tr("model") : tr("after %1 (%n left)", nullptr, t.stages[s - 1].survivors)
                                                   .arg(SamplerPanel::stageTitle(t.stages[s - 1].name)));
        const QColor c = seriesColour(s, n);
        bars->setBrush(c);
        bars->setPen(QPen(c.darker(130)));
        bars->setWidth(width);
        bars->setBarsGroup(group);
        QVector<double> keys, values;
        for (int i = 0; i < m_ids.size(); ++i) {
            keys << i;
            values << (s == 0 ? probIn(t.top, m_ids[i]) : probIn(t.stages[s - 1].candidates, m_ids[i]));
        }
        bars->setData(keys, values, true);
    }
    double top = 0.0;
    for (int s = 0; s < n; ++s) {
        bool found = false;
        top = std::max(top, m_plot->plottable(s)->getValueRange(found).upper);
    }
    m_plot->yAxis->setRange(0, std::min(1.0, std::max(0.05, top * 1.15)));
    m_title->setText(
        tr("Token %1: \"%2\", drawn with p = %3 (the model gave it %4). Click a bar to branch from here with "
           "that token.")
            .arg(index + 1)
            .arg(displayText(t.text).toHtmlEscaped())
            .arg(double(t.prob), 0, 'f', 3)
            .arg(double(t.rawProb), 0, 'f', 3));
    m_plot->replot(QCustomPlot::rpQueuedReplot); // coalesces while tokens stream in
}

} // namespace lmwb::widgets
