#pragma once
// The run browser: every run directory under the workspace folder, with its model, best
// val loss, steps and date; open, rename, delete (with confirmation) and compare.
//
//   RunBrowser b;  b.setWorkspace(dir);
//   connect(&b, &RunBrowser::openRequested, ...);     // a run to show in the monitor
//   connect(&b, &RunBrowser::compareRequested, ...);  // several runs to overlay

#include "runscanner.h"

#include <QWidget>

class QTreeWidget;
class QPushButton;
class QLabel;
class QPlainTextEdit;
class QAction;

namespace lmwb::widgets {

class RunBrowser : public QWidget {
    Q_OBJECT
public:
    explicit RunBrowser(QWidget *parent = nullptr);

    void setWorkspace(const QString &dir);
    QString workspace() const { return m_workspace; }
    QStringList selectedRuns() const;
    void selectRun(const QString &path);
    QTreeWidget *tree() const { return m_tree; }
    QPlainTextEdit *configView() const { return m_config; } // the selected run's config.json
    // The tree's context menu entry "Export to Hugging Face format…" (emits exportRequested).
    QAction *exportAction() const { return m_exportAction; }

    // Without a dialog, for tests and scripts. Refuse a name that exists or is not a plain
    // folder name, and a run that is being trained (setBusyRun).
    bool renameRun(const QString &path, const QString &newName, QString *error = nullptr);
    bool deleteRun(const QString &path, QString *error = nullptr);
    void setBusyRun(const QString &path) { m_busy = path; }

    // Asks before deleting; tests set this to answer for the user.
    void setConfirmDeletes(bool confirm) { m_confirm = confirm; }

public slots:
    void refresh();

signals:
    void openRequested(const QString &runDir);
    void compareRequested(const QStringList &runDirs);
    void runRenamed(const QString &from, const QString &to);
    void runDeleted(const QString &runDir);
    void exportRequested(const QString &runDir); // the window asks where to, then exports

private:
    void renameSelected();
    void deleteSelected();
    void updateButtons();

    QString m_workspace;
    QString m_busy;
    bool m_confirm = true;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_info = nullptr;
    QPlainTextEdit *m_config = nullptr;
    QPushButton *m_open = nullptr, *m_rename = nullptr, *m_delete = nullptr, *m_compare = nullptr;
    QAction *m_exportAction = nullptr;
};

} // namespace lmwb::widgets
