#include "comparepanel.h"

#include "inspectorstate.h"
#include "tokenizerpanel.h"
#include "tokenview.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace lmwb::widgets {

ComparePanel::ComparePanel(InspectorState *state, QWidget *parent) : QWidget(parent), m_state(state)
{
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("compareTextEdit"));
    m_edit->setPlainText(QStringLiteral("床前明月光，疑是地上霜。举头望明月，低头思故乡。\n"
                                        "To be, or not to be, that is the question."));
    m_edit->setMaximumHeight(100);
    auto *grid = new QGridLayout;
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    for (int i = 0; i < kColumns; ++i) {
        Column &c = m_columns[i];
        c.combo = new QComboBox(this);
        c.combo->setObjectName(QStringLiteral("compareCombo%1").arg(i));
        c.combo->setMinimumContentsLength(18);
        c.counts = new QLabel(this);
        c.counts->setObjectName(QStringLiteral("compareCounts%1").arg(i));
        c.counts->setWordWrap(true);
        c.view = new TokenView(this);
        c.view->setObjectName(QStringLiteral("compareView%1").arg(i));
        c.view->setFont(big);
        auto *scroll = new QScrollArea(this);
        scroll->setWidgetResizable(true);
        scroll->setWidget(c.view);
        grid->addWidget(c.combo, 0, i);
        grid->addWidget(c.counts, 1, i);
        grid->addWidget(scroll, 2, i);
        grid->setColumnStretch(i, 1);
        connect(c.combo, &QComboBox::currentIndexChanged, this, [this, i] { refreshColumn(m_columns[i]); });
    }
    grid->setRowStretch(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The same text through two or three tokenizers:"), this));
    layout->addWidget(m_edit);
    layout->addLayout(grid, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &ComparePanel::refresh);
    connect(m_edit, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_state, &InspectorState::tokenizersChanged, this, [this] {
        const QString none = tr("(none)");
        for (int i = 0; i < kColumns; ++i) {
            QComboBox *combo = m_columns[i].combo;
            const QString current = combo->currentText();
            QSignalBlocker block(combo);
            combo->clear();
            combo->addItem(none);
            for (const auto &t : m_state->tokenizers())
                combo->addItem(t.name);
            int keep = current == none ? -1 : combo->findText(current);
            if (keep < 0) // column i starts on the i-th tokenizer
                keep = i + 1 < combo->count() ? i + 1 : 0;
            combo->setCurrentIndex(keep);
        }
        refresh();
    });
}

void ComparePanel::setText(const QString &text)
{
    m_edit->setPlainText(text);
    refresh();
}

void ComparePanel::selectTokenizer(int column, const QString &name)
{
    QComboBox *combo = m_columns[column].combo;
    const int i = combo->findText(name);
    combo->setCurrentIndex(i >= 0 ? i : 0);
    refreshColumn(m_columns[column]);
}

void ComparePanel::refresh()
{
    m_debounce->stop();
    for (Column &c : m_columns)
        refreshColumn(c);
}

void ComparePanel::refreshColumn(Column &c)
{
    c.result = {};
    const auto tok = m_state->tokenizer(m_state->indexOf(c.combo->currentText()));
    if (!tok) {
        c.view->clear();
        c.counts->clear();
        return;
    }
    const QString text = m_edit->toPlainText().left(20000);
    const std::string utf8 = text.toStdString();
    auto enc = tok->encode(utf8);
    if (!enc) {
        c.view->clear();
        c.counts->setText(tr("Cannot encode this text: %1").arg(QString::fromStdString(enc.error())));
        return;
    }
    c.result = countText(utf8, static_cast<qint64>(enc->ids.size()));
    c.counts->setText(tr("%1 tokens (vocabulary %2) · %3 characters/token · %4 bytes/token")
                          .arg(c.result.tokens)
                          .arg(tok->vocabSize())
                          .arg(QLocale().toString(c.result.charsPerToken, 'f', 2),
                               QLocale().toString(c.result.bytesPerToken, 'f', 2)));
    c.view->setText(text, tokenSpans(utf8, *enc, *tok));
}

} // namespace lmwb::widgets
