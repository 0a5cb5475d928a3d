#include "blockdetails.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace lmwb::widgets {

namespace {

QString dims(const QVector<qint64> &s)
{
    QStringList parts;
    for (auto d : s)
        parts << QString::number(d);
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

QString blockExplanation(const TeachBlock &b)
{
    const QString k = b.kind;
    if (k == QLatin1String("tokens"))
        return BlockDetails::tr("The prompt cut into tokens; each is an integer id into the vocabulary.");
    if (k == QLatin1String("embedding"))
        return BlockDetails::tr("Looks up one learned vector per token id: row id of wte.");
    if (k == QLatin1String("position"))
        return BlockDetails::tr("Looks up one learned vector per position 0, 1, 2, … so the model knows the order.");
    if (k == QLatin1String("add") && b.layer < 0)
        return BlockDetails::tr("Token and position vectors are added: this sum starts the residual stream.");
    if (k == QLatin1String("add"))
        return BlockDetails::tr("Residual connection: the block's output is added to its input, x + f(x).");
    if (k == QLatin1String("layernorm"))
        return BlockDetails::tr("LayerNorm: each token's vector is shifted to mean 0 and scaled to variance 1, "
                                "then multiplied by a learned gain.");
    if (k == QLatin1String("attention"))
        return BlockDetails::tr("Each token builds a query, compares it with every earlier token's key, and takes "
                                "the softmax-weighted average of their values; the heads are concatenated and "
                                "projected by W^O.");
    if (k == QLatin1String("mlp"))
        return BlockDetails::tr("A two-layer network applied to each token on its own: widen 4×, GELU, narrow back.");
    if (k == QLatin1String("lstm"))
        return BlockDetails::tr("A recurrent layer: reads the tokens one after another and carries a memory cell "
                                "from each to the next through input, forget and output gates.");
    if (k == QLatin1String("unembedding"))
        return BlockDetails::tr("Turns each vector into one score (logit) per vocabulary token.");
    if (k == QLatin1String("softmax"))
        return BlockDetails::tr("Softmax turns the scores into probabilities that sum to 1: the next-token "
                                "distribution.");
    return {};
}

BlockDetails::BlockDetails(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("blockDetails"));
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("blockTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_facts = new QLabel;
    m_facts->setObjectName(QStringLiteral("blockFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_params = new QTableWidget(0, 3);
    m_params->setObjectName(QStringLiteral("blockParamTable"));
    m_params->setHorizontalHeaderLabels({tr("Parameter"), tr("Shape"), tr("Count")});
    m_params->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_params->verticalHeader()->hide();
    m_params->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_params->setMaximumHeight(140);

    m_hist = new QCustomPlot;
    m_hist->setObjectName(QStringLiteral("blockHistogram"));
    m_hist->setMinimumHeight(150);
    m_bars = new QCPBars(m_hist->xAxis, m_hist->yAxis);
    m_bars->setBrush(QColor(0x3c, 0x78, 0xd8, 160));
    m_bars->setPen(Qt::NoPen);
    m_hist->xAxis->setLabel(tr("weight value"));
    m_hist->yAxis->setLabel(tr("count"));

    m_heat = new QCustomPlot;
    m_heat->setObjectName(QStringLiteral("blockHeatmap"));
    m_heat->setMinimumHeight(120);
    m_map = new QCPColorMap(m_heat->xAxis, m_heat->yAxis);
    m_map->setInterpolate(false);
    m_map->setGradient(QCPColorGradient::gpPolar);
    auto *scale = new QCPColorScale(m_heat);
    m_heat->plotLayout()->addElement(0, 1, scale);
    m_map->setColorScale(scale);
    m_heat->yAxis->setRangeReversed(true);
    QSharedPointer<QCPAxisTickerFixed> rows(new QCPAxisTickerFixed);
    rows->setTickStep(1.0);
    rows->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_heat->yAxis->setTicker(rows);
    QSharedPointer<QCPAxisTickerFixed> columns(new QCPAxisTickerFixed);
    columns->setTickStep(1.0);
    columns->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_heat->xAxis->setTicker(columns);
    m_heat->yAxis->setLabel(tr("row"));

    auto *l = new QVBoxLayout(this);
    l->addWidget(m_title);
    l->addWidget(m_facts);
    l->addWidget(m_params);
    l->addWidget(new QLabel(tr("Weights of this block")));
    l->addWidget(m_hist, 1);
    auto *heatLabel = new QLabel(tr("Output vector of the selected token"));
    heatLabel->setObjectName(QStringLiteral("blockHeatmapLabel"));
    l->addWidget(heatLabel);
    l->addWidget(m_heat, 1);
    setBlock({}, -1);
}

void BlockDetails::setBlock(const TeachSnapshot &s, int index)
{
    m_params->setRowCount(0);
    m_bars->data()->clear();
    m_map->data()->clear();
    m_cells = 0;
    if (index < 0 || index >= s.blocks.size()) {
        m_title->setText(tr("<b>Click a block of the diagram</b>"));
        m_facts->setText(tr("Its parameters, the shapes for this prompt, its weights and the selected token's "
                            "vector appear here."));
        m_hist->replot();
        m_heat->replot();
        return;
    }
    const TeachBlock &b = s.blocks[index];
    m_title->setText(QStringLiteral("<b>%1</b>").arg(b.name.toHtmlEscaped()));
    QString facts = blockExplanation(b).toHtmlEscaped();
    facts += QStringLiteral("<br>") + tr("Parameters: <b>%1</b> of %2 in the model (%3%)")
                                          .arg(QLocale().toString(b.parameters), QLocale().toString(s.parameterCount))
                                          .arg(s.parameterCount ? 100.0 * b.parameters / s.parameterCount : 0.0, 0, 'f', 1);
    facts += QStringLiteral("<br>") + tr("Output for this prompt: %1; at token %2 “%3”")
                                          .arg(dims(b.activationShape))
                                          .arg(s.selectedToken)
                                          .arg(s.tokens.value(s.selectedToken).toHtmlEscaped());
    if (!b.note.isEmpty())
        facts += QStringLiteral("<br>") + tr("The unembedding reuses wte (tied weights), so it adds no parameters.");
    m_facts->setText(facts);
    for (int i = 0; i < b.paramNames.size(); ++i) {
        qint64 n = 1;
        for (auto d : b.paramShapes[i])
            n *= d;
        m_params->insertRow(i);
        m_params->setItem(i, 0, new QTableWidgetItem(b.paramNames[i]));
        m_params->setItem(i, 1, new QTableWidgetItem(dims(b.paramShapes[i])));
        m_params->setItem(i, 2, new QTableWidgetItem(QLocale().toString(n)));
    }
    m_params->setVisible(!b.paramNames.isEmpty());

    if (!b.histCounts.isEmpty()) {
        const double width = (b.histMax - b.histMin) / b.histCounts.size();
        QVector<double> keys, values;
        double top = 0;
        for (int i = 0; i < b.histCounts.size(); ++i) {
            keys << b.histMin + (i + 0.5) * width;
            values << double(b.histCounts[i]);
            top = qMax(top, values.last());
        }
        m_bars->setWidth(width > 0 ? width : 1.0);
        m_bars->setData(keys, values, true);
        m_hist->xAxis->setRange(b.histMin - width, b.histMax + width);
        m_hist->yAxis->setRange(0, top * 1.1 + 1);
    }
    m_hist->replot();

    const int n = b.activation.size();
    if (n >= 2) {
        // At least two rows: QCPColorMap draws nothing for a one-row grid.
        const int cols = n <= 64 ? (n + 1) / 2 : 32, rows = (n + cols - 1) / cols;
        m_map->data()->setSize(cols, rows);
        m_map->data()->setRange(QCPRange(0, cols - 1), QCPRange(0, rows - 1));
        double peak = 1e-9;
        for (float v : b.activation)
            peak = qMax(peak, double(std::abs(v)));
        for (int i = 0; i < n; ++i)
            m_map->data()->setCell(i % cols, i / cols, b.activation[i]);
        for (int i = n; i < cols * rows; ++i)
            m_map->data()->setCell(i % cols, i / cols, 0.0);
        const bool probs = b.kind == QLatin1String("softmax");
        m_map->setGradient(probs ? QCPColorGradient::gpHot : QCPColorGradient::gpPolar);
        m_map->setDataRange(probs ? QCPRange(0, peak) : QCPRange(-peak, peak));
        m_heat->xAxis->setRange(-0.5, cols - 0.5);
        m_heat->yAxis->setRange(-0.5, rows - 0.5);
        m_heat->xAxis->setLabel(tr("dimension (row × %1 + column)").arg(cols));
        m_cells = n;
    }
    m_heat->replot();
}

QString BlockDetails::summaryText() const { return m_title->text() + QLatin1Char('\n') + m_facts->text(); }
int BlockDetails::histogramBinCount() const { return m_bars->data()->size(); }
int BlockDetails::heatmapCellCount() const { return m_cells; }

} // namespace lmwb::widgets
