#include "formulapanel.h"

#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace lmwb::widgets {

namespace {

QString num(double v, int decimals = FormulaPanel::kDecimals)
{
    if (std::isinf(v))
        return v < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
    return QString::number(v, 'f', decimals);
}

// The first few entries of a vector, "[0.12, -0.40, …]  (64 numbers)".
QString vec(const QVector<float> &v, int shown = 6, bool count = true)
{
    QStringList parts;
    for (int i = 0; i < qMin(shown, v.size()); ++i)
        parts << num(v[i], 3);
    QString s = QStringLiteral("[") + parts.join(QStringLiteral(", "));
    if (v.size() > shown)
        s += QStringLiteral(", …");
    s += QStringLiteral("]");
    if (count && v.size() > shown)
        s += QStringLiteral(" <small>(%1)</small>").arg(FormulaPanel::tr("%n numbers", nullptr, v.size()));
    return s;
}

QString tok(const QString &t) { return QStringLiteral("“%1”").arg(t.toHtmlEscaped()); }

} // namespace

FormulaPanel::FormulaPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("formulaPanel"));
    m_view = new QTextBrowser;
    m_view->setObjectName(QStringLiteral("formulaText"));
    m_view->setOpenLinks(false);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_view);
    setSnapshot({});
}

void FormulaPanel::setSnapshot(const TeachSnapshot &s)
{
    m_shownProbs.clear();
    QString h;
    if (!s.error.isEmpty() || s.blocks.isEmpty()) {
        h = QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(tr("Formulas with live numbers"),
                     tr("Load a model and type a prompt: the formulas below fill with its numbers."));
    } else if (s.lstm) {
        h = QStringLiteral("<h3>%1</h3>").arg(tr("LSTM, one step"));
        h += QStringLiteral("<p>i = σ(W<sub>ii</sub>x + b<sub>ii</sub> + W<sub>hi</sub>h + b<sub>hi</sub>), "
                            "f = σ(W<sub>if</sub>x + … ), g = tanh(W<sub>ig</sub>x + … ), o = σ(W<sub>io</sub>x + … )<br>"
                            "c′ = f ⊙ c + i ⊙ g,&nbsp;&nbsp; h′ = o ⊙ tanh(c′)</p>");
        h += QStringLiteral("<p>%1</p>").arg(tr("An LSTM has no attention: everything it knows about earlier "
                                                "tokens must pass through the vector h, one step at a time."));
    } else if (!s.hasTrace) {
        h = QStringLiteral("<p>%1</p>").arg(s.traceError.toHtmlEscaped());
    } else {
        const int T = s.probs.size();
        const int q = s.selectedToken;
        h += QStringLiteral("<h3>%1</h3>").arg(tr("Scaled dot-product attention"));
        h += QStringLiteral("<p style='font-size:large'>Attention(Q, K, V) = softmax(QK<sup>T</sup> / √d<sub>k</sub>) V</p>");
        h += QStringLiteral("<p>") +
             tr("Layer %1, head %2 of %3, query token %4 %5. d<sub>k</sub> = %6, so 1/√d<sub>k</sub> = %7.")
                 .arg(s.layer)
                 .arg(s.head)
                 .arg(s.nHead)
                 .arg(q)
                 .arg(tok(s.tokens.value(q)))
                 .arg(s.headSize)
                 .arg(num(s.scale)) +
             QStringLiteral("</p>");
        h += QStringLiteral("<p>q = ln_1(x) W<sub>Q</sub> = %1; k<sub>j</sub> = ln_1(x<sub>j</sub>) W<sub>K</sub>, "
                            "v<sub>j</sub> = ln_1(x<sub>j</sub>) W<sub>V</sub></p>")
                 .arg(vec(s.q));
        h += QStringLiteral("<table border='1' cellspacing='0' cellpadding='3'><tr><th>j</th><th>%1</th><th>k<sub>j</sub></th>"
                            "<th>q·k<sub>j</sub></th><th>÷√d<sub>k</sub></th><th>%2</th><th>softmax</th><th>%3</th></tr>")
                 .arg(tr("key token"), tr("masked"), tr("captured"));
        for (int j = 0; j < T; ++j) {
            const QString p = num(s.probs[j]);
            m_shownProbs << p;
            const bool future = j > q;
            h += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td align='right'>%5</td><td align='right'>%6</td>"
                                "<td align='right'>%7</td><td align='right'><b>%8</b></td><td align='right'>%9</td></tr>")
                     .arg(future ? QStringLiteral(" style='color:gray'") : QString())
                     .arg(j)
                     .arg(tok(s.tokens.value(j)))
                     .arg(vec(s.k.value(j), 3, false))
                     .arg(num(s.scores[j]))
                     .arg(num(s.scaled[j]))
                     .arg(num(s.masked[j]))
                     .arg(p)
                     .arg(num(s.captured.value(j)));
        }
        h += QStringLiteral("</table>");
        h += QStringLiteral("<p>") +
             tr("Keys after the query are masked to −∞ (a causal model cannot look ahead), so their softmax is 0. "
                "The softmax column is the heatmap's row %1; the last column is the row the model itself "
                "produced.")
                 .arg(q) +
             QStringLiteral("</p>");
        QStringList terms;
        for (int j = 0; j <= qMin(q, 3); ++j)
            terms << QStringLiteral("%1·v<sub>%2</sub>").arg(num(s.probs[j], 3)).arg(j);
        h += QStringLiteral("<p>head<sub>%1</sub> = Σ<sub>j</sub> softmax<sub>j</sub> v<sub>j</sub> = %2%3 = %4</p>")
                 .arg(s.head)
                 .arg(terms.join(QStringLiteral(" + ")))
                 .arg(q > 3 ? QStringLiteral(" + …") : QString())
                 .arg(vec(s.output));

        h += QStringLiteral("<h3>%1</h3>").arg(tr("Multi-head attention"));
        h += QStringLiteral("<p style='font-size:large'>MultiHead(Q, K, V) = Concat(head<sub>1</sub>, …, head<sub>h</sub>) W<sup>O</sup></p>");
        h += QStringLiteral("<p>") +
             tr("%1 heads of %2 numbers each are laid side by side into %3 numbers, then mixed by W<sup>O</sup> "
                "(c_proj, %3×%3):")
                 .arg(s.nHead)
                 .arg(s.headSize)
                 .arg(s.nEmbd) +
             QStringLiteral("<br>Concat = %1<br>Concat · W<sup>O</sup> = %2</p>").arg(vec(s.concat), vec(s.projected));

        h += QStringLiteral("<h3>%1</h3>").arg(tr("The MLP (feed-forward network)"));
        h += QStringLiteral("<p style='font-size:large'>MLP(x) = GELU(x W<sub>1</sub> + b<sub>1</sub>) W<sub>2</sub> + b<sub>2</sub>,"
                            "&nbsp;&nbsp; GELU(u) = u · Φ(u)</p>");
        const int mlp = s.blockIndex(QStringLiteral("h.%1.mlp").arg(s.layer));
        const bool bias = mlp >= 0 && s.blocks[mlp].paramNames.contains(QStringLiteral("h.%1.mlp.c_fc.bias").arg(s.layer));
        h += QStringLiteral("<p>x = ln_2(…) = %1<br>u = x W<sub>1</sub>%5 = %2<br>GELU(u) = %3<br>MLP(x) = %4</p>")
                 .arg(vec(s.mlpIn), vec(s.mlpHidden), vec(s.mlpActivated), vec(s.mlpOut),
                      bias ? QStringLiteral(" + b<sub>1</sub>") : QStringLiteral(" <small>(%1)</small>").arg(tr("this model has no biases")));
        h += QStringLiteral("<p><i>%1</i></p>")
                 .arg(tr("Older texts, and the original Transformer (Vaswani et al. 2017), write FFN(x) = max(0, xW₁ + b₁)W₂ + b₂ "
                         "with ReLU. GPT-2 and this model use GELU, a smooth ReLU that lets small negative "
                         "values through: GELU(−0.5) ≈ −0.154 where ReLU gives 0."));
    }
    m_html = h;
    m_view->setHtml(h);
}

} // namespace lmwb::widgets
