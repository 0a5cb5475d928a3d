#pragma once
// A training batch as the model sees it: per row, the input tokens and below them the
// target tokens (the same tokens shifted by one), as coloured pieces lined up in columns
// so that each target sits under the input it follows.
//
//   view->setBatch(drawTrainingBatch(...), *tokenizer);

#include "inspectorjobs.h"

#include <QScrollArea>
#include <QVector>

class QVBoxLayout;

namespace lmwb::widgets {

class TokenView;

class BatchView : public QScrollArea {
    Q_OBJECT

public:
    static constexpr int kMaxRows = 16; // rows beyond these are not drawn

    explicit BatchView(QWidget *parent = nullptr);

    void setBatch(const TrainingBatch &batch, const core::Tokenizer &tok);
    void clear();
    // Input and target views, two per shown row.
    QVector<TokenView *> views() const { return m_views; }

private:
    QVBoxLayout *m_rows = nullptr;
    QVector<QWidget *> m_rowWidgets;
    QVector<TokenView *> m_views;
};

} // namespace lmwb::widgets
