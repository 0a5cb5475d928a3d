#include "samplerpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>

namespace lmwb::widgets {

namespace {

QDoubleSpinBox *doubleSpin(double lo, double hi, double step, int decimals, const QString &name)
{
    auto *s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setObjectName(name);
    return s;
}

QSpinBox *intSpin(int lo, int hi, const QString &name)
{
    auto *s = new QSpinBox;
    s->setRange(lo, hi);
    s->setObjectName(name);
    return s;
}

} // namespace

QString SamplerPanel::stageTitle(const QString &name)
{
    if (name == QLatin1String("penalties"))
        return tr("Penalties");
    if (name == QLatin1String("temperature"))
        return tr("Temperature");
    if (name == QLatin1String("top_k"))
        return tr("Top-k");
    if (name == QLatin1String("top_p"))
        return tr("Top-p");
    if (name == QLatin1String("min_p"))
        return tr("Min-p");
    if (name == QLatin1String("typical"))
        return tr("Typical-p");
    return name;
}

SamplerPanel::SamplerPanel(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    auto *presetRow = new QHBoxLayout;
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(tr("Custom"), QString());
    m_preset->addItem(tr("Greedy"), QStringLiteral("greedy"));
    m_preset->addItem(tr("Balanced"), QStringLiteral("balanced"));
    m_preset->addItem(tr("Creative"), QStringLiteral("creative"));
    auto *resetButton = new QPushButton(tr("Reset"));
    resetButton->setObjectName(QStringLiteral("resetButton"));
    presetRow->addWidget(new QLabel(tr("Preset:")));
    presetRow->addWidget(m_preset, 1);
    presetRow->addWidget(resetButton);
    outer->addLayout(presetRow);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_temperature = doubleSpin(0.0, 5.0, 0.05, 2, QStringLiteral("temperatureSpin"));
    m_temperature->setToolTip(tr("Divides the logits; 0 means greedy (always the most likely token)."));
    m_topK = intSpin(0, 10'000'000, QStringLiteral("topKSpin"));
    m_topK->setSpecialValueText(tr("off"));
    m_topK->setToolTip(tr("Keep only the k most likely tokens; 0 turns it off."));
    m_topP = doubleSpin(0.01, 1.0, 0.01, 3, QStringLiteral("topPSpin"));
    m_topP->setToolTip(tr("Keep the smallest set of tokens whose probabilities add up to p; 1 turns it off."));
    m_minP = doubleSpin(0.0, 1.0, 0.01, 3, QStringLiteral("minPSpin"));
    m_minP->setToolTip(tr("Drop tokens less likely than p times the most likely one; 0 turns it off."));
    m_typical = doubleSpin(0.01, 1.0, 0.01, 3, QStringLiteral("typicalSpin"));
    m_typical->setToolTip(tr("Locally typical sampling: keep the tokens whose surprise is closest to the "
                             "entropy, up to mass p; 1 turns it off."));
    m_repetition = doubleSpin(0.05, 10.0, 0.05, 2, QStringLiteral("repetitionSpin"));
    m_repetition->setToolTip(tr("Divides a positive logit (multiplies a negative one) of every token seen "
                                "in the last 64; 1 turns it off."));
    m_presence = doubleSpin(-10.0, 10.0, 0.05, 2, QStringLiteral("presenceSpin"));
    m_presence->setToolTip(tr("Subtracted once from the logit of every token seen in the last 64."));
    m_frequency = doubleSpin(-10.0, 10.0, 0.05, 2, QStringLiteral("frequencySpin"));
    m_frequency->setToolTip(tr("Subtracted from a token's logit once per time it was seen in the last 64."));
    m_maxNew = intSpin(1, 100'000, QStringLiteral("maxNewSpin"));
    m_stops = new QLineEdit;
    m_stops->setObjectName(QStringLiteral("stopEdit"));
    m_stops->setPlaceholderText(tr("e.g. \\n\\n, THE END"));
    m_stops->setToolTip(tr("Generation ends when the output ends with one of these. Separate them with commas; "
                           "write \\n for a newline, \\t for a tab, \\, for a comma, \\\\ for a backslash."));
    m_seed = intSpin(0, INT_MAX, QStringLiteral("seedSpin"));
    m_fixedSeed = new QCheckBox(tr("Fixed seed"));
    m_fixedSeed->setObjectName(QStringLiteral("fixedSeedCheck"));
    m_fixedSeed->setToolTip(tr("Use this seed every time (the same settings give the same text). Unticked, "
                               "every Generate draws a new seed and shows it here."));
    m_context = new QComboBox;
    m_context->setObjectName(QStringLiteral("contextCombo"));
    m_context->addItem(tr("Shift (cached)"));
    m_context->addItem(tr("Exact crop (slow)"));
    m_context->setToolTip(tr("Past the context length: Shift keeps the last tokens (Keep) and continues with the "
                             "KV cache; Exact crop recomputes the last block_size tokens for every token, as "
                             "nanoGPT's sample.py."));
    m_keep = intSpin(0, 1'000'000, QStringLiteral("keepSpin"));
    m_keep->setSpecialValueText(tr("half the context"));
    m_keep->setToolTip(tr("Shift: how many tokens stay when the window is full."));
    m_bf16 = new QCheckBox(tr("bf16 weights (faster)"));
    m_bf16->setObjectName(QStringLiteral("bf16Check"));
    m_bf16->setToolTip(tr("Generate on a bfloat16 copy of the weights: a cached token reads half the bytes. The "
                          "probabilities then differ from fp32 by bf16's rounding, so the text can differ too. GPT "
                          "models only."));
    auto *contextRow = new QHBoxLayout;
    contextRow->addWidget(m_context, 1);
    contextRow->addWidget(new QLabel(tr("Keep:")));
    contextRow->addWidget(m_keep, 1);

    form->addRow(tr("Temperature:"), m_temperature);
    form->addRow(tr("Top-k:"), m_topK);
    form->addRow(tr("Top-p:"), m_topP);
    form->addRow(tr("Min-p:"), m_minP);
    form->addRow(tr("Typical-p:"), m_typical);
    form->addRow(tr("Repetition penalty:"), m_repetition);
    form->addRow(tr("Presence penalty:"), m_presence);
    form->addRow(tr("Frequency penalty:"), m_frequency);
    form->addRow(tr("Max new tokens:"), m_maxNew);
    form->addRow(tr("Stop strings:"), m_stops);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(QString(), m_fixedSeed);
    form->addRow(tr("Context:"), contextRow);
    form->addRow(QString(), m_bf16);
    outer->addLayout(form);

    outer->addWidget(new QLabel(tr("Sampler chain (top runs first; untick to skip):")));
    auto *orderRow = new QHBoxLayout;
    m_order = new QListWidget;
    m_order->setObjectName(QStringLiteral("orderList"));
    m_order->setDragDropMode(QAbstractItemView::InternalMove);
    m_order->setMaximumHeight(140);
    auto *buttons = new QVBoxLayout;
    auto *up = new QPushButton(tr("Up"));
    up->setObjectName(QStringLiteral("stageUpButton"));
    auto *down = new QPushButton(tr("Down"));
    down->setObjectName(QStringLiteral("stageDownButton"));
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch();
    orderRow->addWidget(m_order, 1);
    orderRow->addLayout(buttons);
    outer->addLayout(orderRow);
    outer->addStretch();

    reset();

    auto markCustom = [this] {
        if (m_updating)
            return;
        m_preset->blockSignals(true);
        m_preset->setCurrentIndex(0);
        m_preset->blockSignals(false);
        emit changed();
    };
    for (auto *s : {m_temperature, m_topP, m_minP, m_typical, m_repetition, m_presence, m_frequency})
        connect(s, &QDoubleSpinBox::valueChanged, this, markCustom);
    connect(m_topK, &QSpinBox::valueChanged, this, markCustom);
    for (auto *s : {m_maxNew, m_seed, m_keep})
        connect(s, &QSpinBox::valueChanged, this, [this] {
            if (!m_updating)
                emit changed();
        });
    connect(m_stops, &QLineEdit::textChanged, this, [this] {
        if (!m_updating)
            emit changed();
    });
    for (auto *c : {m_fixedSeed, m_bf16})
        connect(c, &QCheckBox::toggled, this, [this] {
            if (!m_updating)
                emit changed();
        });
    connect(m_context, &QComboBox::currentIndexChanged, this, [this] {
        m_keep->setEnabled(m_context->currentIndex() == 0);
        if (!m_updating)
            emit changed();
    });
    connect(m_order->model(), &QAbstractItemModel::rowsMoved, this, markCustom);
    connect(m_order, &QListWidget::itemChanged, this, markCustom);
    connect(m_preset, &QComboBox::activated, this, [this](int i) {
        const QString name = m_preset->itemData(i).toString();
        if (!name.isEmpty())
            applyPreset(name);
    });
    connect(resetButton, &QPushButton::clicked, this, &SamplerPanel::reset);
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
}

void SamplerPanel::addStageItem(const QString &name, bool enabled)
{
    auto *item = new QListWidgetItem(stageTitle(name));
    item->setData(Qt::UserRole, name);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
    item->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
    m_order->addItem(item);
}

void SamplerPanel::moveCurrent(int delta)
{
    const int row = m_order->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_order->count())
        return;
    QListWidgetItem *item = m_order->takeItem(row);
    m_order->insertItem(to, item);
    m_order->setCurrentRow(to);
    if (!m_updating) {
        m_preset->setCurrentIndex(0);
        emit changed();
    }
}

PlaygroundSettings SamplerPanel::settings() const
{
    PlaygroundSettings s;
    s.temperature = m_temperature->value();
    s.topK = m_topK->value();
    s.topP = m_topP->value();
    s.minP = m_minP->value();
    s.typicalP = m_typical->value();
    s.repetitionPenalty = m_repetition->value();
    s.presencePenalty = m_presence->value();
    s.frequencyPenalty = m_frequency->value();
    s.maxNewTokens = m_maxNew->value();
    s.stopStrings = parseStopStrings(m_stops->text());
    s.seed = static_cast<quint64>(m_seed->value());
    s.fixedSeed = m_fixedSeed->isChecked();
    s.order.clear();
    for (int i = 0; i < m_order->count(); ++i)
        if (m_order->item(i)->checkState() == Qt::Checked)
            s.order << m_order->item(i)->data(Qt::UserRole).toString();
    s.cropContext = m_context->currentIndex() == 1;
    s.keepTokens = m_keep->value();
    s.bf16 = m_bf16->isChecked();
    return s;
}

void SamplerPanel::setSettings(const PlaygroundSettings &s)
{
    m_updating = true;
    m_temperature->setValue(s.temperature);
    m_topK->setValue(s.topK);
    m_topP->setValue(s.topP);
    m_minP->setValue(s.minP);
    m_typical->setValue(s.typicalP);
    m_repetition->setValue(s.repetitionPenalty);
    m_presence->setValue(s.presencePenalty);
    m_frequency->setValue(s.frequencyPenalty);
    m_maxNew->setValue(s.maxNewTokens);
    m_stops->setText(formatStopStrings(s.stopStrings));
    m_seed->setValue(static_cast<int>(std::min<quint64>(s.seed, INT_MAX)));
    m_fixedSeed->setChecked(s.fixedSeed);
    m_context->setCurrentIndex(s.cropContext ? 1 : 0);
    m_keep->setValue(s.keepTokens);
    m_keep->setEnabled(!s.cropContext);
    m_bf16->setChecked(s.bf16);
    m_order->clear();
    for (const QString &name : s.order)
        addStageItem(name, true);
    for (const QString &name : PlaygroundSettings::allStages())
        if (!s.order.contains(name))
            addStageItem(name, false);
    m_updating = false;
    emit changed();
}

void SamplerPanel::applyPreset(const QString &name)
{
    PlaygroundSettings s = settings();
    const PlaygroundSettings p = PlaygroundSettings::preset(name);
    s.temperature = p.temperature;
    s.topK = p.topK;
    s.topP = p.topP;
    s.minP = p.minP;
    s.typicalP = p.typicalP;
    s.repetitionPenalty = p.repetitionPenalty;
    s.presencePenalty = p.presencePenalty;
    s.frequencyPenalty = p.frequencyPenalty;
    setSettings(s);
    m_preset->setCurrentIndex(m_preset->findData(name));
}

void SamplerPanel::reset()
{
    setSettings(PlaygroundSettings());
    m_preset->setCurrentIndex(m_preset->findData(QStringLiteral("balanced")));
}

void SamplerPanel::setSeed(quint64 seed)
{
    m_updating = true;
    m_seed->setValue(static_cast<int>(std::min<quint64>(seed, INT_MAX)));
    m_updating = false;
}

QStringList SamplerPanel::parseStopStrings(const QString &text)
{
    // Split at unescaped commas, trim the literal spaces around each part, then unescape.
    QStringList raw;
    QString cur;
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\\') && i + 1 < text.size()) {
            cur += text[i];
            cur += text[++i];
        } else if (text[i] == QLatin1Char(',')) {
            raw << cur;
            cur.clear();
        } else {
            cur += text[i];
        }
    }
    raw << cur;
    QStringList out;
    for (const QString &part : raw) {
        const QString t = part.trimmed();
        QString s;
        for (int i = 0; i < t.size(); ++i) {
            const QChar c = t[i];
            if (c == QLatin1Char('\\') && i + 1 < t.size()) {
                const QChar n = t[++i];
                if (n == QLatin1Char('n'))
                    s += QLatin1Char('\n');
                else if (n == QLatin1Char('t'))
                    s += QLatin1Char('\t');
                else if (n == QLatin1Char(',') || n == QLatin1Char('\\'))
                    s += n;
                else
                    s += c, s += n;
            } else {
                s += c;
            }
        }
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

QString SamplerPanel::formatStopStrings(const QStringList &stops)
{
    QStringList parts;
    for (QString s : stops) {
        s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        s.replace(QLatin1Char(','), QStringLiteral("\\,"));
        s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        s.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
        parts << s;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace lmwb::widgets
