#pragma once
// The workbench window: the run browser (every run under the workspace folder) with the
// selected run's metrics chart and configuration.

#include <QMainWindow>

class QTreeWidget;
class QPlainTextEdit;
class QLabel;
class QTabWidget;

namespace lmwb::widgets {
class LossPlot;
}

namespace lmwb::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    QString workspace() const { return m_workspace; }
    void setWorkspace(const QString &dir);
    void refreshRuns();
    void selectRun(const QString &path);

    QTreeWidget *runList() const { return m_runs; }
    widgets::LossPlot *lossPlot() const { return m_plot; }
    QPlainTextEdit *configView() const { return m_config; }

    static QString defaultWorkspace();

private:
    void showSelectedRun();
    void chooseWorkspace();
    void about();

    QString m_workspace;
    QTreeWidget *m_runs = nullptr;
    QTabWidget *m_tabs = nullptr;
    widgets::LossPlot *m_plot = nullptr;
    QPlainTextEdit *m_config = nullptr;
    QLabel *m_runTitle = nullptr;
};

} // namespace lmwb::app
