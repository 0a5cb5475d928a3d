// ctest-labels: gui
// The Playground on a tiny model trained in the test: the worker (same seed same text,
// temperature 0 = the argmax path, stop strings, Stop within one token, the branch
// continues from the chosen token) and the real tab of the main window offscreen (prompt,
// Generate, streaming output, clicking a token shows its distribution, clicking an
// alternative branches, Stop, presets, Reset, the chain order, Compare with the same seed).

#include "distributionview.h"
#include "gui/mainwindow.h"
#include "playground.h"
#include "samplerpanel.h"
#include "session/playgroundworker.h"
#include "outputtokenview.h"

#include "engine/generator.h"
#include "model/languagemodel.h"
#include "train/trainer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QToolTip>
#include <QtTest>

#include <qcustomplot.h>

#include <atomic>

using namespace lmwb;
using widgets::PlaygroundRequest;
using widgets::PlaygroundToken;

namespace {

core::RunConfig tinyRun()
{
    core::RunConfig c;
    c.data.format = "synthetic";
    c.data.syntheticExamples = 2000;
    c.model.nLayer = 1;
    c.model.nHead = 2;
    c.model.nEmbd = 32;
    c.model.blockSize = 16;
    c.training.maxSteps = 60;
    c.training.batchSize = 8;
    c.training.evalInterval = 1000;
    c.training.evalSteps = 1;
    c.training.checkpointInterval = 1000;
    c.training.warmupSteps = 5;
    c.training.lrDecaySteps = 60;
    c.training.learningRate = 5e-3;
    c.training.minLr = 5e-4;
    c.training.threads = 1;
    return c;
}

struct Collected {
    QVector<PlaygroundToken> tokens;
    QString reason, error;
    QString text() const
    {
        QString s;
        for (const auto &t : tokens)
            s += t.text;
        return s;
    }
};

// Runs the worker synchronously on this thread.
Collected run(app::PlaygroundWorker &w, const PlaygroundRequest &r, int serial)
{
    Collected c;
    auto a = QObject::connect(&w, &app::PlaygroundWorker::token, [&](int, int, const PlaygroundToken &t) { c.tokens << t; });
    auto b = QObject::connect(&w, &app::PlaygroundWorker::paneFinished,
                              [&](int, int, const QString &why, double) { c.reason = why; });
    auto d = QObject::connect(&w, &app::PlaygroundWorker::failed, [&](int, int, const QString &e) { c.error = e; });
    w.generate(serial, {r});
    QObject::disconnect(a);
    QObject::disconnect(b);
    QObject::disconnect(d);
    return c;
}

} // namespace

class TestPlayground : public QObject {
    Q_OBJECT

    QTemporaryDir m_ws;
    QString m_run;

    PlaygroundRequest baseRequest(int maxNew = 40) const
    {
        PlaygroundRequest r;
        r.checkpoint = m_run;
        r.prompt = QStringLiteral("12+");
        r.settings.maxNewTokens = maxNew;
        return r;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("lmwb-tests"));
        qputenv("LMWB_NO_DIALOGS", "1");
        m_run = m_ws.filePath(QStringLiteral("tiny"));
        auto t = core::Trainer::create(tinyRun(), m_run.toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        QVERIFY((*t)->run({}).ok());
    }

    void workerSameSeedSameText()
    {
        app::PlaygroundWorker w;
        auto r = baseRequest();
        r.settings.temperature = 1.0;
        const Collected a = run(w, r, 1), b = run(w, r, 2);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QCOMPARE(a.tokens.size(), 40);
        QCOMPARE(a.text(), b.text());
        r.settings.seed = 999;
        QVERIFY(run(w, r, 3).text() != a.text());
        // every token carries its distribution: raw top and one snapshot per stage
        QCOMPARE(a.tokens[0].stages.size(), r.settings.order.size());
        QVERIFY(!a.tokens[0].top.isEmpty());
    }

    void workerGreedyFollowsArgmax()
    {
        app::PlaygroundWorker w;
        auto r = baseRequest();
        r.settings = widgets::PlaygroundSettings::preset(QStringLiteral("greedy"));
        r.settings.maxNewTokens = 30;
        const Collected c = run(w, r, 1);
        QCOMPARE(c.tokens.size(), 30);
        for (const auto &t : c.tokens) {
            QCOMPARE(t.prob, 1.0f);
            QCOMPARE(t.id, t.top[0].id); // the most likely of the raw distribution
        }
    }

    void workerStopStrings()
    {
        app::PlaygroundWorker w;
        auto r = baseRequest(60);
        const Collected free = run(w, r, 1);
        const QString stop = free.text().mid(10, 2);
        r.settings.stopStrings = {stop};
        const Collected stopped = run(w, r, 2);
        QCOMPARE(stopped.reason, QStringLiteral("stop_string"));
        const int at = free.text().indexOf(stop);
        QCOMPARE(stopped.text(), free.text().left(at + stop.size()));
    }

    void workerBadInputIsNamed()
    {
        app::PlaygroundWorker w;
        auto r = baseRequest();
        r.checkpoint = m_ws.filePath(QStringLiteral("nothing-here"));
        QVERIFY(run(w, r, 1).error.contains(QStringLiteral("nothing-here")));
        r = baseRequest();
        r.settings.order = {QStringLiteral("top_k"), QStringLiteral("top_k")};
        QVERIFY(run(w, r, 2).error.contains(QStringLiteral("twice")));
        r = baseRequest();
        r.prompt = QStringLiteral("12+é"); // not in the synthetic vocabulary
        QVERIFY(run(w, r, 3).error.contains(QStringLiteral("prompt")));
    }

    void workerStopsWithinOneToken()
    {
        // Stop requested from inside the token callback (the worker's thread): not one more.
        {
            app::PlaygroundWorker w;
            int seen = 0;
            connect(&w, &app::PlaygroundWorker::token, &w, [&](int serial, int, const PlaygroundToken &) {
                if (++seen == 3)
                    w.requestStop(serial);
            }, Qt::DirectConnection);
            const Collected c = run(w, baseRequest(500), 7);
            QCOMPARE(c.tokens.size(), 3);
            QCOMPARE(c.reason, QStringLiteral("cancelled"));
        }
        // Stop from the GUI thread while the worker streams on its own thread: at most the
        // token being computed follows.
        QThread thread;
        auto *w = new app::PlaygroundWorker;
        w->moveToThread(&thread);
        connect(&thread, &QThread::finished, w, &QObject::deleteLater);
        thread.start();
        QSignalSpy finished(w, &app::PlaygroundWorker::finished);
        QSignalSpy failed(w, &app::PlaygroundWorker::failed);
        QSignalSpy paneDone(w, &app::PlaygroundWorker::paneFinished);
        std::atomic<int> atStop{-1};
        connect(w, &app::PlaygroundWorker::token, this, [&](int serial, int, const PlaygroundToken &) {
            if (atStop.load() < 0) {
                w->requestStop(serial); // first the flag, then the count: what follows is after Stop
                atStop = w->tokensEmitted();
            }
        });
        auto r = baseRequest(100000);
        QMetaObject::invokeMethod(w, "generate", Qt::QueuedConnection, Q_ARG(int, 1),
                                  Q_ARG(QVector<lmwb::widgets::PlaygroundRequest>, {r}));
        const bool done = finished.wait(30000);
        const int emitted = w->tokensEmitted();
        thread.quit();
        thread.wait();
        QVERIFY(done);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][2].toString()));
        QVERIFY2(atStop.load() >= 1, qPrintable(QStringLiteral("emitted %1, %2").arg(emitted).arg(paneDone.isEmpty() ? QString() : paneDone[0][2].toString())));
        QVERIFY2(emitted - atStop.load() <= 1,
                 qPrintable(QStringLiteral("%1 tokens after Stop").arg(emitted - atStop.load())));
    }

    void workerBranchContinuesFromTheChosenToken()
    {
        app::PlaygroundWorker w;
        auto r = baseRequest(30);
        r.settings.temperature = 1.0;
        const Collected orig = run(w, r, 1);
        const PlaygroundToken &at = orig.tokens[5];
        int alt = -1;
        for (const auto &c : at.top)
            if (c.id != at.id) {
                alt = c.id;
                break;
            }
        QVERIFY(alt >= 0);
        auto b = r;
        for (int i = 0; i < 5; ++i)
            b.forcedIds << orig.tokens[i].id;
        b.forcedIds << alt;
        const Collected branch = run(w, b, 2);
        QVERIFY(!branch.tokens.isEmpty());
        // the same as generating from prompt + prefix + choice directly
        auto m = core::LanguageModel::load(m_run.toStdString());
        auto enc = m->tokenizer()->encode("12+");
        std::vector<int32_t> ids = enc->ids;
        for (int id : b.forcedIds)
            ids.push_back(id);
        core::GenerationSettings g;
        g.sampler.temperature = 1.0f;
        g.sampler.topK = 40;
        g.sampler.topP = 0.95f;
        g.sampler.minP = 0.05f;
        g.sampler.repetitionPenalty = 1.1f;
        g.maxNewTokens = 30;
        g.seed = r.settings.seed;
        auto direct = core::generateFromIds(*m, ids, g);
        QVERIFY(direct.ok());
        QCOMPARE(branch.tokens.size(), int(direct->tokens.size()));
        for (int i = 0; i < branch.tokens.size(); ++i)
            QCOMPARE(branch.tokens[i].id, direct->tokens[size_t(i)].id);
    }

    void compareStartsWithTheBaseModel()
    {
        // A run fine-tuned from the tiny run: Compare puts the tiny run into pane B.
        const QString tuned = m_ws.filePath(QStringLiteral("tuned"));
        auto cfg = tinyRun();
        cfg.training.initFrom = m_run.toStdString();
        cfg.training.maxSteps = 3;
        auto t = core::Trainer::create(cfg, tuned.toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        QVERIFY((*t)->run({}).ok());
        QCOMPARE(widgets::Playground::baseModelOf(tuned), m_run);
        QCOMPARE(widgets::Playground::baseModelOf(tuned + "/checkpoints/step-3"), m_run);
        QVERIFY(widgets::Playground::baseModelOf(m_run).isEmpty());

        app::MainWindow window;
        window.setWorkspace(m_ws.path());
        window.show();
        widgets::Playground *pg = window.playground();
        window.tabs()->setCurrentWidget(pg);
        pg->pane(0)->setCheckpoint(tuned);
        auto *compare = pg->findChild<QCheckBox *>(QStringLiteral("compareCheck"));
        QTest::mouseClick(compare, Qt::LeftButton, {}, QPoint(8, compare->height() / 2));
        QVERIFY(pg->compareMode());
        QCOMPARE(pg->pane(1)->checkpoint(), m_run);
        QVERIFY(pg->pane(1)->status().contains("base model"));
        QVERIFY(pg->pane(1)->isVisible());
        QFile::remove(tuned + "/config.json"); // later tests list the workspace's runs
        QDir(tuned).removeRecursively();
    }

    void theRealPlaygroundTab()
    {
        app::MainWindow window;
        window.setWorkspace(m_ws.path());
        window.resize(1400, 900);
        window.show();
        widgets::Playground *pg = window.playground();
        window.tabs()->setCurrentWidget(pg);
        widgets::PlaygroundPane *a = pg->pane(0);
        QComboBox *ckpt = a->checkpointCombo();
        QVERIFY(ckpt->count() >= 2); // the run (latest) and its checkpoint
        QCOMPARE(ckpt->currentData().toString(), m_run);

        // presets, Reset and the chain order
        widgets::SamplerPanel *sp = a->sampler();
        auto *preset = sp->findChild<QComboBox *>(QStringLiteral("presetCombo"));
        preset->setCurrentIndex(preset->findData(QStringLiteral("greedy")));
        emit preset->activated(preset->currentIndex());
        QCOMPARE(sp->settings().temperature, 0.0);
        QTest::mouseClick(sp->findChild<QPushButton *>(QStringLiteral("resetButton")), Qt::LeftButton);
        QVERIFY(sp->settings() == widgets::PlaygroundSettings());
        auto *order = sp->findChild<QListWidget *>(QStringLiteral("orderList"));
        order->setCurrentRow(2); // top_k
        QTest::mouseClick(sp->findChild<QPushButton *>(QStringLiteral("stageUpButton")), Qt::LeftButton);
        QCOMPARE(sp->settings().order.mid(0, 3),
                 QStringList({QStringLiteral("penalties"), QStringLiteral("top_k"), QStringLiteral("temperature")}));
        QCOMPARE(preset->currentIndex(), 0); // Custom now
        sp->reset();

        // Generate: the output streams in, coloured, with the distribution of the last token
        auto *maxNew = sp->findChild<QSpinBox *>(QStringLiteral("maxNewSpin"));
        maxNew->setValue(25);
        auto *temp = sp->findChild<QDoubleSpinBox *>(QStringLiteral("temperatureSpin"));
        temp->setValue(1.0);
        pg->promptEdit()->clear();
        QTest::keyClicks(pg->promptEdit(), QStringLiteral("3+4="));
        auto *gen = pg->findChild<QPushButton *>(QStringLiteral("generateButton"));
        QTest::mouseClick(gen, Qt::LeftButton);
        QVERIFY(pg->isGenerating());
        QVERIFY(QTest::qWaitFor([&] { return !pg->isGenerating(); }, 30000));
        QVERIFY2(pg->lastError().isEmpty(), qPrintable(pg->lastError()));
        QCOMPARE(a->tokens().size(), 25);
        QVERIFY(a->output()->toPlainText().startsWith(QStringLiteral("3+4=")));
        QCOMPARE(a->output()->toPlainText(), a->text());
        const QString first = a->text();
        QVERIFY(pg->distribution()->seriesCount() == 1 + sp->settings().order.size());

        // click an output token (the first visible one from the 4th on): its distribution
        // and alternatives show
        widgets::OutputTokenView *view = a->output();
        int k = 3;
        while (k < a->tokens().size() - 1 && a->tokens()[k].text.trimmed().isEmpty())
            ++k;
        int pos = 4;
        for (int i = 0; i < k; ++i)
            pos += a->tokens()[i].text.size();
        QTextCursor cur(view->document());
        cur.setPosition(pos + 1); // just after the token's first character
        const QPoint at = view->cursorRect(cur).center() - QPoint(3, 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(QTest::qWaitFor([&] { return pg->selectedToken() == qMakePair(0, k); }, 3000));
        QVERIFY(pg->distribution()->shownIds().contains(a->tokens()[k].id));
        QVERIFY(widgets::OutputTokenView::tooltipFor(a->tokens()[k]).contains(QStringLiteral("Alternatives")));
        // hovering it shows that list
        QHelpEvent hover(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(view->viewport(), &hover);
        QVERIFY(QTest::qWaitFor([] { return QToolTip::isVisible(); }, 3000));
        QCOMPARE(QToolTip::text(), widgets::OutputTokenView::tooltipFor(a->tokens()[k]));
        QToolTip::hideText();

        // click an alternative: the output branches from token 4 with it
        QListWidget *alts = pg->alternatives();
        QVERIFY(alts->count() >= 2);
        int row = -1;
        for (int i = 0; i < alts->count(); ++i)
            if (alts->item(i)->data(Qt::UserRole).toInt() != a->tokens()[k].id) {
                row = i;
                break;
            }
        QVERIFY(row >= 0);
        const int altId = alts->item(row)->data(Qt::UserRole).toInt();
        const auto prefix = a->tokens().mid(0, k);
        QTest::mouseClick(alts->viewport(), Qt::LeftButton, {}, alts->visualItemRect(alts->item(row)).center());
        QVERIFY(QTest::qWaitFor([&] { return !pg->isGenerating(); }, 30000));
        QVERIFY(a->tokens().size() > k + 1);
        for (int i = 0; i < k; ++i)
            QCOMPARE(a->tokens()[i].id, prefix[i].id);
        QCOMPARE(a->tokens()[k].id, altId);
        QVERIFY(a->tokens()[k].forced);
        QCOMPARE(a->output()->toPlainText(), a->text());

        // the same seed gives the same text again
        QTest::mouseClick(gen, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !pg->isGenerating(); }, 30000));
        QCOMPARE(a->text(), first);

        // Compare: pane B with the same checkpoint and settings gives the same text; greedy differs
        pg->setCompareMode(true);
        widgets::PlaygroundPane *b = pg->pane(1);
        QVERIFY(b->isVisible());
        b->setCheckpoint(m_run);
        b->sampler()->setSettings(sp->settings());
        QTest::mouseClick(gen, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !pg->isGenerating(); }, 30000));
        QCOMPARE(b->text(), a->text());
        b->sampler()->applyPreset(QStringLiteral("greedy"));
        QTest::mouseClick(gen, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !pg->isGenerating(); }, 30000));
        QCOMPARE(a->text(), first);
        for (const auto &t : b->tokens())
            QCOMPARE(t.prob, 1.0f);
        pg->setCompareMode(false);

        // Stop: a long generation ends within a token of the click
        maxNew->setValue(100000);
        QTest::mouseClick(gen, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return a->tokens().size() >= 5; }, 30000));
        QTest::mouseClick(pg->findChild<QPushButton *>(QStringLiteral("stopButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !pg->isGenerating(); }, 30000));
        QVERIFY(a->tokens().size() < 100000);
        QVERIFY2(a->status().contains(QStringLiteral("stopped")), qPrintable(a->status()));

        // no checkpoint: a clear message, nothing sent
        a->checkpointCombo()->setCurrentIndex(-1);
        const int serial = pg->serial();
        pg->generate();
        QCOMPARE(pg->serial(), serial);
        QVERIFY(pg->lastError().contains(QStringLiteral("checkpoint")));
    }

    void stopStringParsing()
    {
        using widgets::SamplerPanel;
        QCOMPARE(SamplerPanel::parseStopStrings(QStringLiteral("\\n\\n, THE END ,a\\,b")),
                 QStringList({QStringLiteral("\n\n"), QStringLiteral("THE END"), QStringLiteral("a,b")}));
        const QStringList s = {QStringLiteral("x,y"), QStringLiteral("\n"), QStringLiteral("a\\b")};
        QCOMPARE(SamplerPanel::parseStopStrings(SamplerPanel::formatStopStrings(s)), s);
    }
};

QTEST_MAIN(TestPlayground)
#include "tst_playground.moc"
