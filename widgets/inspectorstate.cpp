#include "inspectorstate.h"

#include <QSignalBlocker>

namespace lmwb::widgets {

void InspectorState::setCorpus(std::shared_ptr<const std::string> text, const core::DataConfig &data,
                               const QString &name)
{
    m_text = std::move(text);
    m_data = data;
    m_name = name;
    emit corpusChanged();
}

int InspectorState::addTokenizer(const NamedTokenizer &tokenizer)
{
    int i = indexOf(tokenizer.name);
    if (i >= 0)
        m_tokenizers[i] = tokenizer;
    else {
        m_tokenizers << tokenizer;
        i = static_cast<int>(m_tokenizers.size()) - 1;
    }
    emit tokenizersChanged();
    return i;
}

core::TokenizerPtr InspectorState::tokenizer(int index) const
{
    return index >= 0 && index < m_tokenizers.size() ? m_tokenizers[index].tokenizer : nullptr;
}

int InspectorState::indexOf(const QString &name) const
{
    for (int i = 0; i < m_tokenizers.size(); ++i)
        if (m_tokenizers[i].name == name)
            return i;
    return -1;
}

void InspectorState::setRunConfig(const core::RunConfig &config)
{
    m_run = config;
    emit runConfigChanged();
}

void InspectorState::fillCombo(QComboBox *combo) const
{
    const QString current = combo->currentText();
    QSignalBlocker block(combo);
    combo->clear();
    for (const auto &t : m_tokenizers)
        combo->addItem(t.name, t.dir);
    const int keep = combo->findText(current);
    combo->setCurrentIndex(keep >= 0 ? keep : (combo->count() > 0 ? 0 : -1));
    block.unblock();
    if (combo->currentText() != current)
        emit combo->currentIndexChanged(combo->currentIndex());
}

} // namespace lmwb::widgets
