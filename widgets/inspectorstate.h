#pragma once
// What the inspector's views share: the corpus as training sees it and the tokenizers
// that are open (the run's, a char tokenizer of the corpus, ones trained or opened here).
// Lives on the GUI thread; views read it and listen to its signals.

#include "config/runconfig.h"
#include "tokenizer/tokenizer.h"

#include <QComboBox>
#include <QObject>
#include <QString>
#include <QVector>

#include <memory>
#include <string>

namespace lmwb::widgets {

struct NamedTokenizer {
    QString name; // "bpe 512 · tang300"
    QString dir;  // where it is saved; empty for one made in memory (char of the corpus)
    core::TokenizerPtr tokenizer;
};

class InspectorState : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    void setCorpus(std::shared_ptr<const std::string> text, const core::DataConfig &data, const QString &name);
    std::shared_ptr<const std::string> corpusText() const { return m_text; }
    const core::DataConfig &dataConfig() const { return m_data; }
    QString corpusName() const { return m_name; }

    // Adds a tokenizer (one with the same name is replaced); returns its index.
    int addTokenizer(const NamedTokenizer &tokenizer);
    const QVector<NamedTokenizer> &tokenizers() const { return m_tokenizers; }
    core::TokenizerPtr tokenizer(int index) const;
    int indexOf(const QString &name) const;

    // The training settings the batch view starts from (a run's config, or the defaults).
    const core::RunConfig &runConfig() const { return m_run; }
    void setRunConfig(const core::RunConfig &config);

    // Fills combo with the tokenizers, keeping its selection by name when it can.
    void fillCombo(QComboBox *combo) const;

signals:
    void corpusChanged();
    void tokenizersChanged();
    void runConfigChanged();

private:
    std::shared_ptr<const std::string> m_text;
    core::DataConfig m_data;
    QString m_name;
    QVector<NamedTokenizer> m_tokenizers;
    core::RunConfig m_run;
};

} // namespace lmwb::widgets
