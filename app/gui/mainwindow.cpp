#include "gui/mainwindow.h"

#include "lossplot.h"
#include "runscanner.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lmwb::app {

namespace {
enum Column { ColName, ColSteps, ColBest, ColDate, ColSummary };
}

QString MainWindow::defaultWorkspace()
{
    if (const QByteArray env = qgetenv("LMWB_WORKSPACE"); !env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::HomeLocation)).filePath(QStringLiteral("lmwb-runs"));
}

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("LM Workbench"));
    resize(1200, 760);

    m_runs = new QTreeWidget;
    m_runs->setHeaderLabels({tr("Run"), tr("Steps"), tr("Best val loss"), tr("Date"), tr("Model")});
    m_runs->setRootIsDecorated(false);
    m_runs->setSortingEnabled(true);
    m_runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runs->setToolTip(tr("Every run directory under the workspace folder. Select one to see its curves and configuration."));
    connect(m_runs, &QTreeWidget::itemSelectionChanged, this, &MainWindow::showSelectedRun);

    m_plot = new widgets::LossPlot;
    m_config = new QPlainTextEdit;
    m_config->setReadOnly(true);
    m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_runTitle = new QLabel(tr("No run selected"));
    QFont titleFont = m_runTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_runTitle->setFont(titleFont);

    m_tabs = new QTabWidget;
    m_tabs->addTab(m_plot, tr("Metrics"));
    m_tabs->addTab(m_config, tr("Configuration"));

    auto *right = new QWidget;
    auto *rl = new QVBoxLayout(right);
    rl->addWidget(m_runTitle);
    rl->addWidget(m_tabs, 1);

    auto *split = new QSplitter;
    split->addWidget(m_runs);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({420, 780});
    setCentralWidget(split);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("Open &Workspace..."), this, &MainWindow::chooseWorkspace);
    open->setShortcut(QKeySequence::Open);
    QAction *refresh = file->addAction(tr("&Refresh"), this, &MainWindow::refreshRuns);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LM Workbench"), this, &MainWindow::about);

    QSettings settings;
    setWorkspace(settings.value(QStringLiteral("workspace"), defaultWorkspace()).toString());
}

void MainWindow::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    QDir().mkpath(dir);
    QSettings().setValue(QStringLiteral("workspace"), dir);
    refreshRuns();
}

void MainWindow::refreshRuns()
{
    const QString current = m_runs->currentItem() ? m_runs->currentItem()->data(ColName, Qt::UserRole).toString() : QString();
    m_runs->clear();
    const auto runs = widgets::scanWorkspace(m_workspace);
    for (const auto &r : runs) {
        auto *item = new QTreeWidgetItem(m_runs);
        item->setText(ColName, r.name);
        item->setData(ColName, Qt::UserRole, r.path);
        item->setData(ColSteps, Qt::DisplayRole, r.steps);
        item->setText(ColBest, std::isfinite(r.bestValLoss) ? QString::number(r.bestValLoss, 'f', 4) : QStringLiteral("–"));
        item->setText(ColDate, QLocale().toString(r.modified, QLocale::ShortFormat));
        item->setText(ColSummary, r.error.isEmpty() ? r.summary : r.error);
        item->setToolTip(ColName, r.path);
    }
    statusBar()->showMessage(tr("%n run(s) in %1", nullptr, static_cast<int>(runs.size())).arg(m_workspace));
    if (!current.isEmpty())
        selectRun(current);
}

void MainWindow::selectRun(const QString &path)
{
    for (int i = 0; i < m_runs->topLevelItemCount(); ++i) {
        auto *item = m_runs->topLevelItem(i);
        if (item->data(ColName, Qt::UserRole).toString() == path) {
            m_runs->setCurrentItem(item);
            return;
        }
    }
}

void MainWindow::showSelectedRun()
{
    auto *item = m_runs->currentItem();
    if (!item) {
        m_runTitle->setText(tr("No run selected"));
        m_plot->clear();
        m_config->clear();
        return;
    }
    const QString path = item->data(ColName, Qt::UserRole).toString();
    const auto info = widgets::readRunInfo(path);
    m_runTitle->setText(tr("%1 — step %2 of %3").arg(info.name).arg(info.steps).arg(info.maxSteps));
    m_config->setPlainText(info.error.isEmpty() ? info.configJson : info.error);
    m_plot->setMetrics(widgets::readMetrics(path));
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the workspace folder"), m_workspace);
    if (!dir.isEmpty())
        setWorkspace(dir);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About LM Workbench"),
                       tr("<h3>LM Workbench %1</h3><p>Train small language models from scratch on your own "
                          "computer and look inside them while they learn.</p><p>Built with Qt, LibTorch, "
                          "QCustomPlot and sentencepiece. Licensed under the GNU GPL, version 3 or later.</p>")
                           .arg(QStringLiteral(LMWB_VERSION)));
}

} // namespace lmwb::app
