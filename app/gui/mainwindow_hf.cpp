// The main window's Hugging Face parts: File > Open Hugging Face Model Folder… and the run
// browser's "Export to Hugging Face Format…". The conversion runs in HfController's worker.

#include "gui/hfcontroller.h"
#include "gui/mainwindow.h"

#include "runbrowser.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

namespace lmwb::app {

void MainWindow::connectHf()
{
    m_hf = new HfController(this);
    connect(m_browser, &widgets::RunBrowser::exportRequested, this, &MainWindow::exportRunDialog);
    connect(m_hf, &HfController::imported, this, [this](const QString &runDir) {
        statusBar()->showMessage(tr("Imported as %1").arg(QDir::toNativeSeparators(runDir)), 8000);
        m_browser->refresh();
        openRun(runDir);
    });
    connect(m_hf, &HfController::exported, this, [this](const QString &outDir) {
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(outDir)), 8000);
    });
    connect(m_hf, &HfController::failed, this, [this](const QString &message) {
        m_lastError = message;
        statusBar()->clearMessage();
        if (isVisible())
            QMessageBox::warning(this, tr("Hugging Face model"), message);
    });
}

void MainWindow::importHfFolder(const QString &hfDir)
{
    QDir().mkpath(m_workspace);
    statusBar()->showMessage(tr("Importing %1…").arg(QDir::toNativeSeparators(hfDir)));
    m_hf->importFolder(hfDir, m_workspace);
}

void MainWindow::exportRunToHf(const QString &runDir, const QString &outDir)
{
    statusBar()->showMessage(tr("Exporting %1…").arg(QDir::toNativeSeparators(runDir)));
    m_hf->exportRun(runDir, outDir);
}

void MainWindow::openHfFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open a Hugging Face GPT-2 folder (config.json, model.safetensors, vocab.json, merges.txt)"));
    if (dir.isEmpty())
        return;
    if (!QFileInfo::exists(dir + "/config.json") || !QFileInfo::exists(dir + "/model.safetensors")) {
        QMessageBox::warning(this, tr("Open Hugging Face model"),
                             tr("%1 is not a Hugging Face model folder: it needs config.json and model.safetensors "
                                "(pytorch_model.bin is never read).")
                                 .arg(QDir::toNativeSeparators(dir)));
        return;
    }
    importHfFolder(dir);
}

void MainWindow::exportRunDialog(const QString &runDir)
{
    const QString out = QFileDialog::getSaveFileName(this, tr("Export to a Hugging Face GPT-2 folder"),
                                                     runDir + "-hf");
    if (!out.isEmpty())
        exportRunToHf(runDir, out);
}

} // namespace lmwb::app
