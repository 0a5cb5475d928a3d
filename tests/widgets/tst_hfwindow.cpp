// ctest-labels: gui
// Hugging Face folders in the window, offscreen: File > Open Hugging Face Model Folder…'s
// import lands in the workspace as a run the browser lists and the window opens; the run
// browser's context-menu action asks to export the selected run, and the export writes a
// folder that loads back with the same logits. The fixture folder is written through the
// public API (a small model exported with exportHfGpt2).

#include "gui/hfcontroller.h"
#include "gui/mainwindow.h"
#include "io/hfgpt2.h"
#include "model/languagemodel.h"
#include "runbrowser.h"

#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace lmwb;

class TestHfWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("lmwb-tests");
        qputenv("LMWB_NO_DIALOGS", "1");
    }

    void importListsTheRunAndExportRoundTrips()
    {
        QTemporaryDir tmp;
        const QString hf = tmp.filePath("tiny-gpt2"), ws = tmp.filePath("ws");
        auto tok = core::trainTokenizer({core::TokenizerKind::ByteBpe, 262}, "the cat sat on the mat. hello world, hello there\n");
        QVERIFY(tok.ok());
        core::ModelConfig mc;
        mc.nLayer = 1;
        mc.nHead = 2;
        mc.nEmbd = 8;
        mc.blockSize = 16;
        mc.bias = true;
        mc.activation = "gelu_tanh";
        mc.vocabSize = (*tok)->vocabSize();
        auto model = core::LanguageModel::create(mc, 5, *tok);
        QVERIFY(model.ok());
        QVERIFY(core::exportHfGpt2(*model, hf.toStdString()).ok());

        app::MainWindow w;
        w.setWorkspace(ws);
        QVERIFY(w.findChild<QAction *>("openHfFolderAction"));
        QSignalSpy imported(w.hf(), &app::HfController::imported);
        w.importHfFolder(hf);
        QVERIFY(imported.wait(60000));
        const QString runDir = imported.at(0).at(0).toString();
        QCOMPARE(QFileInfo(runDir).fileName(), QString("tiny-gpt2"));
        QTRY_COMPARE(w.runBrowser()->tree()->topLevelItemCount(), 1);
        QCOMPARE(w.currentRun(), runDir);
        QCOMPARE(app::HfController::runDirFor(hf, ws), ws + "/tiny-gpt2-2"); // a second import gets its own

        // The browser's context-menu action asks for the selected run.
        w.runBrowser()->selectRun(runDir);
        QSignalSpy asked(w.runBrowser(), &widgets::RunBrowser::exportRequested);
        QVERIFY(w.runBrowser()->tree()->actions().contains(w.runBrowser()->exportAction()));
        QVERIFY(w.runBrowser()->exportAction()->isEnabled());
        // (the window's handler opens a file dialog; trigger the signal on a bare browser instead)
        widgets::RunBrowser bare;
        bare.setWorkspace(ws);
        bare.selectRun(runDir);
        QSignalSpy bareAsked(&bare, &widgets::RunBrowser::exportRequested);
        bare.exportAction()->trigger();
        QCOMPARE(bareAsked.count(), 1);
        QCOMPARE(bareAsked.at(0).at(0).toString(), runDir);

        QSignalSpy exported(w.hf(), &app::HfController::exported);
        const QString out = tmp.filePath("out-hf");
        w.exportRunToHf(runDir, out);
        QVERIFY(exported.wait(60000));
        auto back = core::LanguageModel::load(out.toStdString());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
        const std::vector<int32_t> ids = (*tok)->encode("the cat")->ids; // at most 7 tokens
        QCOMPARE(back->logits(ids)->values, model->logits(ids)->values);

        // A folder that is not a model: the error comes back, nothing is listed.
        QSignalSpy failed(w.hf(), &app::HfController::failed);
        QDir().mkpath(tmp.filePath("empty"));
        w.importHfFolder(tmp.filePath("empty"));
        QVERIFY(failed.wait(60000));
        QVERIFY(w.lastError().contains("empty"));
        w.runBrowser()->refresh();
        QCOMPARE(w.runBrowser()->tree()->topLevelItemCount(), 1);
    }
};

QTEST_MAIN(TestHfWindow)
#include "tst_hfwindow.moc"
