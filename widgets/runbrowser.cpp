#include "runbrowser.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QFontDatabase>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lmwb::widgets {

namespace {
enum Column { ColName, ColModel, ColBest, ColSteps, ColDate };
constexpr int PathRole = Qt::UserRole;
} // namespace

RunBrowser::RunBrowser(QWidget *parent) : QWidget(parent)
{
    m_tree = new QTreeWidget;
    m_tree->setHeaderLabels({tr("Run"), tr("Model"), tr("Best val loss"), tr("Steps"), tr("Date")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(ColDate, Qt::DescendingOrder);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setToolTip(tr("Every run under the workspace folder. Double-click to open one; select several and "
                          "press Compare to overlay their loss curves."));
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &RunBrowser::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { emit openRequested(item->data(ColName, PathRole).toString()); });

    // Right-click on a run: export it in the Hugging Face GPT-2 layout.
    m_exportAction = new QAction(tr("Export to Hugging Face Format…"), m_tree);
    m_exportAction->setToolTip(tr("Write the run's latest checkpoint as a Hugging Face GPT-2 folder "
                                  "(model.safetensors, config.json, tokenizer files)."));
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addAction(m_exportAction);
    connect(m_exportAction, &QAction::triggered, this, [this] {
        const auto runs = selectedRuns();
        if (!runs.isEmpty())
            emit exportRequested(runs.first());
    });

    m_open = new QPushButton(tr("Open"));
    m_open->setToolTip(tr("Show the selected run's curves, samples and configuration in the Train tab."));
    m_rename = new QPushButton(tr("Rename…"));
    m_rename->setToolTip(tr("Rename the selected run's folder."));
    m_delete = new QPushButton(tr("Delete…"));
    m_delete->setToolTip(tr("Delete the selected runs and all their checkpoints (asks first)."));
    m_compare = new QPushButton(tr("Compare"));
    m_compare->setToolTip(tr("Overlay the loss curves of the selected runs on one chart."));
    connect(m_open, &QPushButton::clicked, this, [this] {
        const auto runs = selectedRuns();
        if (!runs.isEmpty())
            emit openRequested(runs.first());
    });
    connect(m_rename, &QPushButton::clicked, this, &RunBrowser::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &RunBrowser::deleteSelected);
    connect(m_compare, &QPushButton::clicked, this, [this] { emit compareRequested(selectedRuns()); });

    m_info = new QLabel;
    m_info->setWordWrap(true);
    m_config = new QPlainTextEdit;
    m_config->setReadOnly(true);
    m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_config->setPlaceholderText(tr("Select a run to see its configuration."));
    m_config->setToolTip(tr("The selected run's config.json: the same file `lmwb train` reads."));
    auto *buttons = new QHBoxLayout;
    for (auto *b : {m_open, m_rename, m_delete, m_compare})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_tree);
    split->addWidget(m_config);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_info);
    updateButtons();
}

void RunBrowser::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    refresh();
}

void RunBrowser::refresh()
{
    const QStringList keep = selectedRuns();
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    const auto runs = scanWorkspace(m_workspace);
    for (const auto &r : runs) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(ColName, r.name);
        item->setData(ColName, PathRole, r.path);
        item->setToolTip(ColName, r.path);
        item->setText(ColModel, r.error.isEmpty() ? r.summary : r.error);
        if (std::isfinite(r.bestValLoss))
            item->setData(ColBest, Qt::DisplayRole, QString::number(r.bestValLoss, 'f', 4));
        else
            item->setText(ColBest, QStringLiteral("–"));
        item->setData(ColSteps, Qt::DisplayRole, r.maxSteps > 0 ? QStringLiteral("%1 / %2").arg(r.steps).arg(r.maxSteps)
                                                                 : QString::number(r.steps));
        item->setText(ColDate, r.modified.toString(QStringLiteral("yyyy-MM-dd hh:mm")));
        if (keep.contains(r.path))
            item->setSelected(true);
    }
    m_tree->setSortingEnabled(true);
    m_info->setText(tr("%n run(s) in %1", nullptr, int(runs.size())).arg(QDir::toNativeSeparators(m_workspace)));
    updateButtons();
}

QStringList RunBrowser::selectedRuns() const
{
    QStringList out;
    for (auto *item : m_tree->selectedItems())
        out << item->data(ColName, PathRole).toString();
    return out;
}

void RunBrowser::selectRun(const QString &path)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        auto *item = m_tree->topLevelItem(i);
        const bool match = QDir::cleanPath(item->data(ColName, PathRole).toString()) == QDir::cleanPath(path);
        item->setSelected(match);
        if (match)
            m_tree->setCurrentItem(item);
    }
}

void RunBrowser::updateButtons()
{
    const int n = int(m_tree->selectedItems().size());
    if (n == 1) {
        const auto info = readRunInfo(m_tree->selectedItems().first()->data(ColName, PathRole).toString());
        m_config->setPlainText(info.error.isEmpty() ? info.configJson : info.error);
    } else {
        m_config->clear();
    }
    m_open->setEnabled(n == 1);
    m_rename->setEnabled(n == 1);
    m_delete->setEnabled(n >= 1);
    m_compare->setEnabled(n >= 2);
    m_exportAction->setEnabled(n == 1);
}

bool RunBrowser::renameRun(const QString &path, const QString &newName, QString *error)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    static const QRegularExpression plain(QStringLiteral("^[^/\\\\:*?\"<>|]+$"));
    if (newName.trimmed().isEmpty() || !plain.match(newName).hasMatch() || newName == "." || newName == "..")
        return fail(tr("“%1” is not a valid folder name.").arg(newName));
    if (QDir::cleanPath(path) == QDir::cleanPath(m_busy))
        return fail(tr("This run is being trained; stop it before renaming it."));
    QDir parent = QFileInfo(path).dir();
    const QString target = parent.filePath(newName);
    if (QFileInfo::exists(target))
        return fail(tr("A run named “%1” already exists.").arg(newName));
    if (!QDir().rename(path, target))
        return fail(tr("Could not rename %1.").arg(path));
    emit runRenamed(path, target);
    refresh();
    selectRun(target);
    return true;
}

bool RunBrowser::deleteRun(const QString &path, QString *error)
{
    if (QDir::cleanPath(path) == QDir::cleanPath(m_busy)) {
        if (error)
            *error = tr("This run is being trained; stop it before deleting it.");
        return false;
    }
    if (!isRunDirectory(path)) {
        // Never remove a folder that does not look like a run (a mistyped workspace...).
        if (error)
            *error = tr("%1 is not a run directory.").arg(path);
        return false;
    }
    if (!QDir(path).removeRecursively()) {
        if (error)
            *error = tr("Could not delete all of %1.").arg(path);
        refresh();
        return false;
    }
    emit runDeleted(path);
    refresh();
    return true;
}

void RunBrowser::renameSelected()
{
    const auto runs = selectedRuns();
    if (runs.size() != 1)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename run"), tr("New name:"), QLineEdit::Normal,
                                               QFileInfo(runs.first()).fileName(), &ok);
    if (!ok)
        return;
    QString error;
    if (!renameRun(runs.first(), name, &error))
        QMessageBox::warning(this, tr("Rename run"), error);
}

void RunBrowser::deleteSelected()
{
    const auto runs = selectedRuns();
    if (runs.isEmpty())
        return;
    if (m_confirm) {
        QStringList names;
        for (const auto &r : runs)
            names << QFileInfo(r).fileName();
        const auto answer = QMessageBox::question(
            this, tr("Delete runs"),
            tr("Delete %n run(s) and all their checkpoints? This cannot be undone.\n\n%1", nullptr, int(runs.size()))
                .arg(names.join(QLatin1Char('\n'))),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    for (const auto &r : runs) {
        QString error;
        if (!deleteRun(r, &error))
            QMessageBox::warning(this, tr("Delete runs"), error);
    }
}

} // namespace lmwb::widgets
