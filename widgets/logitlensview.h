#pragma once
// The logit lens (nostalgebraist 2020): the residual stream after the embeddings and after
// each transformer layer, read through the final LayerNorm and the unembedding as if the
// model stopped there: the top next tokens at each depth. Back/Next step through the
// layers; the last row is the model's own prediction.

#include "teachtypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace lmwb::widgets {

class LogitLensView : public QWidget {
    Q_OBJECT
public:
    explicit LogitLensView(QWidget *parent = nullptr);

    void setSnapshot(const TeachSnapshot &snapshot);
    int currentStep() const { return m_current; }
    int stepCount() const;
    void setCurrentStep(int step);
    QTableWidget *table() const { return m_table; }

signals:
    // step 0 = the embeddings, step i = after layer i - 1.
    void stepChanged(int step);

private:
    void updateRow();
    QTableWidget *m_table = nullptr;
    QLabel *m_caption = nullptr;
    QPushButton *m_back = nullptr, *m_next = nullptr;
    int m_current = 0;
};

} // namespace lmwb::widgets
