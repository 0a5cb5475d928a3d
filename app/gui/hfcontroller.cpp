#include "gui/hfcontroller.h"

#include "io/hfgpt2.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace lmwb::app {

void HfWorker::importFolder(const QString &hfDir, const QString &runDir)
{
    if (core::Status s = core::importHfGpt2(hfDir.toStdString(), runDir.toStdString(), true); !s)
        emit failed(QCoreApplication::translate("HfController", "Could not import %1: %2")
                        .arg(hfDir, QString::fromStdString(s.error())));
    else
        emit imported(runDir);
}

void HfWorker::exportRun(const QString &runDir, const QString &outDir)
{
    if (core::Status s = core::exportHfGpt2(runDir.toStdString(), outDir.toStdString()); !s)
        emit failed(QCoreApplication::translate("HfController", "Could not export %1: %2")
                        .arg(runDir, QString::fromStdString(s.error())));
    else
        emit exported(outDir);
}

HfController::HfController(QObject *parent) : QObject(parent)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("lmwb-hf"));
    m_worker = new HfWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued: the worker's signals arrive on this (the GUI) thread.
    connect(m_worker, &HfWorker::imported, this, [this](const QString &d) {
        m_busy = false;
        emit imported(d);
    });
    connect(m_worker, &HfWorker::exported, this, [this](const QString &d) {
        m_busy = false;
        emit exported(d);
    });
    connect(m_worker, &HfWorker::failed, this, [this](const QString &m) {
        m_busy = false;
        emit failed(m);
    });
    m_thread->start();
}

HfController::~HfController()
{
    m_thread->quit();
    m_thread->wait();
}

QString HfController::runDirFor(const QString &hfDir, const QString &workspace)
{
    QString base = QFileInfo(QDir::cleanPath(hfDir)).fileName();
    if (base.isEmpty())
        base = QStringLiteral("hf-model");
    QDir ws(workspace);
    QString name = base;
    for (int i = 2; ws.exists(name); ++i)
        name = QStringLiteral("%1-%2").arg(base).arg(i);
    return ws.filePath(name);
}

void HfController::importFolder(const QString &hfDir, const QString &workspace)
{
    m_busy = true;
    const QString runDir = runDirFor(hfDir, workspace);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, hfDir, runDir] { w->importFolder(hfDir, runDir); },
                              Qt::QueuedConnection);
}

void HfController::exportRun(const QString &runDir, const QString &outDir)
{
    m_busy = true;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, runDir, outDir] { w->exportRun(runDir, outDir); },
                              Qt::QueuedConnection);
}

} // namespace lmwb::app
