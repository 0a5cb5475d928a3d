#include "outputtokenview.h"

#include "distributionview.h"

#include <QTextCursor>
#include <QScrollBar>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace lmwb::widgets {

OutputTokenView::OutputTokenView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setObjectName(QStringLiteral("tokenView"));
    QFont f(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    setFont(f);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        bool ok = false;
        const int i = url.path().toInt(&ok);
        if (url.scheme() == QLatin1String("tok") && ok)
            emit tokenClicked(i);
    });
}

QColor OutputTokenView::colourFor(float prob)
{
    const double p = std::clamp(double(prob), 0.0, 1.0);
    // red (0) .. green (1); the square root spreads the small probabilities of a large
    // vocabulary over more of the scale.
    return QColor::fromHsvF(0.33 * std::sqrt(p), 0.45, 1.0);
}

QString OutputTokenView::tooltipFor(const PlaygroundToken &t)
{
    QString s = tr("\"%1\": p = %2 (model: %3)%4")
                    .arg(DistributionView::displayText(t.text))
                    .arg(double(t.prob), 0, 'f', 3)
                    .arg(double(t.rawProb), 0, 'f', 3)
                    .arg(t.forced ? tr(", chosen by you") : QString());
    const QVector<PlaygroundCandidate> &alts = t.stages.isEmpty() ? t.top : t.stages.back().candidates;
    s += QLatin1Char('\n') + tr("Alternatives:");
    int shown = 0;
    for (const auto &c : alts) {
        if (shown >= 8)
            break;
        s += QStringLiteral("\n  %1  %2").arg(DistributionView::displayText(c.text), -6).arg(double(c.prob), 0, 'f', 3);
        ++shown;
    }
    return s;
}

void OutputTokenView::setContent(const QString &prompt, const QVector<PlaygroundToken> &tokens)
{
    m_prompt = prompt;
    m_tokens.clear();
    clear();
    QTextCursor cur(document());
    QTextCharFormat f;
    f.setForeground(QColor(90, 90, 90));
    f.setFontWeight(QFont::Bold);
    cur.insertText(prompt, f);
    for (int i = 0; i < tokens.size(); ++i)
        appendToken(i, tokens[i]);
}

void OutputTokenView::appendToken(int index, const PlaygroundToken &t)
{
    if (index != m_tokens.size())
        return;
    m_tokens << t;
    QTextCursor cur(document());
    cur.movePosition(QTextCursor::End);
    QTextCharFormat f;
    f.setAnchor(true);
    f.setAnchorHref(QStringLiteral("tok:%1").arg(index));
    f.setBackground(colourFor(t.prob));
    f.setForeground(Qt::black);
    f.setToolTip(tooltipFor(t));
    if (t.forced)
        f.setFontUnderline(true);
    if (index == m_selected) {
        f.setFontWeight(QFont::Bold);
        f.setFontUnderline(true);
    }
    cur.insertText(t.text, f);
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->maximum());
}

void OutputTokenView::setSelectedToken(int index)
{
    if (index == m_selected)
        return;
    m_selected = index;
    const QVector<PlaygroundToken> tokens = m_tokens;
    const int scroll = verticalScrollBar()->value();
    setContent(m_prompt, tokens);
    verticalScrollBar()->setValue(scroll);
}

} // namespace lmwb::widgets
