// ctest-labels: gui
// Teaching mode, offscreen, on tiny trained runs: the architecture view reports the shapes
// and parameter counts of several configurations (they sum to the model's total) and its
// blocks are clickable; the formula panel's softmax row is the captured attention row;
// presentation mode changes the fonts of every view and hides advanced controls; a
// classroom profile locks controls; lessons parse and report their problems; the LSTM is
// sized to the transformer's parameter count. (Lessons that train: tst_lessons.)

#include "architectureview.h"
#include "blockdetails.h"
#include "config/runconfig.h"
#include "formulapanel.h"
#include "gui/archcomparison.h"
#include "gui/mainwindow.h"
#include "gui/teaching.h"
#include "lessonpanel.h"
#include "lessonrunner.h"
#include "logitlensview.h"
#include "presentationmode.h"
#include "session/teachworker.h"
#include "teachtab.h"
#include "train/trainer.h"
#include "trainingmonitor.h"

#include <QDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QTextBrowser>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

using namespace lmwb;

namespace {

QString runConfig(const QString &arch, int layers, int heads, int width, bool bias, int steps)
{
    return QString(R"({"data": {"format": "synthetic", "synthetic_examples": 2000}, "tokenizer": {"kind": "char"},
        "model": {"arch": "%1", "n_layer": %2, "n_head": %3, "n_embd": %4, "block_size": 16, "bias": %5},
        "training": {"max_steps": %6, "batch_size": 8, "learning_rate": 0.003, "min_lr": 0.0003, "warmup_steps": 2,
                     "lr_decay_steps": %6, "eval_interval": %6, "eval_steps": 1, "checkpoint_interval": %6,
                     "threads": 1}})")
        .arg(arch)
        .arg(layers)
        .arg(heads)
        .arg(width)
        .arg(bias ? "true" : "false")
        .arg(steps);
}

bool train(const QString &json, const QString &dir)
{
    auto cfg = core::parseRunConfig(json.toStdString());
    if (!cfg)
        return false;
    auto t = core::Trainer::create(*cfg, dir.toStdString());
    if (!t)
        return false;
    while (!(*t)->finished())
        if (!(*t)->advance({}))
            return false;
    return true;
}

widgets::TeachSnapshot inspect(const QString &run, const QString &prompt, int token, int layer, int head)
{
    app::TeachWorker worker;
    widgets::TeachSnapshot out;
    QObject::connect(&worker, &app::TeachWorker::inspected, [&](const widgets::TeachSnapshot &s) { out = s; });
    QString error;
    QObject::connect(&worker, &app::TeachWorker::loaded,
                     [&](const QString &, const QString &, const QString &e) { error = e; });
    worker.load(run);
    if (!error.isEmpty()) {
        out.error = error;
        return out;
    }
    worker.inspect(7, prompt, token, layer, head);
    return out;
}

QString dims(std::initializer_list<int> d)
{
    QStringList p;
    for (int x : d)
        p << QString::number(x);
    return "(" + p.join(", ") + ")";
}

} // namespace

class TestTeach : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString gptRun() const { return m_dir.filePath("gpt"); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("lmwb-tests-teach");
        qputenv("LMWB_NO_DIALOGS", "1");
        qputenv("LMWB_LESSONS_DIR", m_dir.filePath("no-user-lessons").toUtf8());
        QVERIFY(train(runConfig("gpt", 2, 2, 32, false, 30), m_dir.filePath("gpt")));
        QVERIFY(train(runConfig("gpt", 3, 4, 48, true, 5), m_dir.filePath("gpt-bias")));
        QVERIFY(train(runConfig("lstm", 2, 1, 24, false, 5), m_dir.filePath("lstm")));
    }

    void architectureReportsShapesAndCounts_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<bool>("lstm");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("width");
        QTest::newRow("gpt 2x2x32") << "gpt" << false << 2 << 2 << 32;
        QTest::newRow("gpt 3x4x48 bias") << "gpt-bias" << false << 3 << 4 << 48;
        QTest::newRow("lstm 2x24") << "lstm" << true << 2 << 1 << 24;
    }

    void architectureReportsShapesAndCounts()
    {
        QFETCH(QString, run);
        QFETCH(bool, lstm);
        QFETCH(int, layers);
        QFETCH(int, heads);
        QFETCH(int, width);
        const auto s = inspect(m_dir.filePath(run), "12+34=", -1, layers - 1, heads - 1);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.lstm, lstm);
        QCOMPARE(s.nLayer, layers);
        QCOMPARE(s.tokens.size(), 6);
        QCOMPARE(s.selectedToken, 5);
        qint64 sum = 0;
        for (const auto &b : s.blocks) {
            sum += b.parameters;
            qint64 fromShapes = 0;
            for (const auto &shape : b.paramShapes) {
                qint64 n = 1;
                for (auto d : shape)
                    n *= d;
                fromShapes += n;
            }
            QCOMPARE(fromShapes, b.parameters);
        }
        QCOMPARE(sum, s.parameterCount);
        QVERIFY(s.parameterCount > 0);

        widgets::TeachTab tab;
        tab.resize(1400, 900);
        tab.show();
        tab.setModel(m_dir.filePath(run), "test", {});
        // the tab asked for a snapshot (request 1); answer it with ours
        auto answer = s;
        answer.requestId = 1;
        tab.setSnapshot(answer);
        auto *view = tab.architecture();
        const int V = s.vocabSize, C = width;
        QVERIFY2(view->blockText("wte").contains(dims({6, C})), qPrintable(view->blockText("wte")));
        QVERIFY(view->blockText("wte").contains(QLocale().toString(qint64(V) * C)));
        QVERIFY(view->blockText("lm_head").contains(dims({6, V})));
        const QString middle = lstm ? QString("lstm.%1").arg(layers - 1) : QString("h.%1.attn").arg(layers - 1);
        const QString text = view->blockText(middle);
        QVERIFY2(text.contains(dims({6, C})), qPrintable(text));
        if (!lstm) {
            QVERIFY2(text.contains(QString("%1 heads").arg(heads)), qPrintable(text));
            QVERIFY(view->blockText(QString("h.%1.mlp").arg(layers - 1)).contains(QString::number(4 * C)));
            QVERIFY(!view->blockRect("wpe").isEmpty());
        } else {
            QVERIFY(view->blockRect("wpe").isEmpty()); // no positions in an LSTM
            for (int l = 0; l < layers; ++l)
                QVERIFY(!view->blockRect(QString("lstm.%1").arg(l)).isEmpty());
        }

        // Clicking a block shows its parameters, weights and the selected token's vector.
        QSignalSpy clicked(view, &widgets::ArchitectureView::blockClicked);
        const QRect r = view->blockRect(middle);
        QVERIFY(!r.isEmpty());
        QTest::mouseClick(view, Qt::LeftButton, {}, r.center());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().toInt(), s.blockIndex(middle));
        QCOMPARE(view->selectedBlock(), s.blockIndex(middle));
        QVERIFY(tab.details()->summaryText().contains(middle));
        QCOMPARE(tab.details()->histogramBinCount(), 40);
        QCOMPARE(tab.details()->heatmapCellCount(), C);
        QCOMPARE(tab.details()->findChild<QTableWidget *>("blockParamTable")->rowCount(),
                 s.blocks[s.blockIndex(middle)].paramNames.size());

        // LMWB_TEACH_GRAB_DIR: a picture of each configuration's tab, to look at.
        if (const QString grabs = qEnvironmentVariable("LMWB_TEACH_GRAB_DIR"); !grabs.isEmpty()) {
            QTest::qWait(100); // let the layouts settle
            tab.grab().save(grabs + "/" + run + ".png");
        }

        // Step through the forward pass.
        tab.stepTo(0);
        QCOMPARE(view->selectedBlock(), 0);
        for (int i = 1; i < s.blocks.size(); ++i)
            tab.stepNext();
        QCOMPARE(tab.stepIndex(), int(s.blocks.size()) - 1);
        QCOMPARE(s.blocks[tab.stepIndex()].kind, QString("softmax"));
    }

    void formulaRowIsTheCapturedRow()
    {
        for (int query : {0, 3, 5}) {
            for (int head : {0, 1}) {
                const auto s = inspect(gptRun(), "12+34=", query, 1, head);
                QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
                QVERIFY(s.hasTrace);
                QCOMPARE(s.head, head);
                widgets::FormulaPanel panel;
                panel.setSnapshot(s);
                const QStringList shown = panel.shownSoftmaxRow();
                QCOMPARE(shown.size(), s.captured.size());
                double sum = 0;
                for (int j = 0; j < shown.size(); ++j) {
                    bool ok = false;
                    const double p = shown[j].toDouble(&ok);
                    QVERIFY(ok);
                    QVERIFY2(std::abs(p - s.captured[j]) <= 0.5e-4 + 1e-7,
                             qPrintable(QString("query %1 head %2 key %3: shown %4, captured %5")
                                            .arg(query).arg(head).arg(j).arg(shown[j]).arg(s.captured[j])));
                    if (j > query)
                        QCOMPARE(shown[j], QString("0.0000"));
                    sum += s.probs[j];
                }
                QVERIFY(std::abs(sum - 1.0) < 1e-5);
                QVERIFY(panel.html().contains("softmax(QK<sup>T</sup> / √d<sub>k</sub>) V"));
                QVERIFY(panel.html().contains("Concat(head<sub>1</sub>"));
                QVERIFY(panel.html().contains("GELU"));
                QVERIFY(panel.html().contains("ReLU"));
            }
        }
        // The logit lens view: one row per depth, Back/Next step through them.
        const auto s = inspect(gptRun(), "12+34=", -1, 0, 0);
        QCOMPARE(s.lens.size(), 3); // embeddings + 2 layers
        QCOMPARE(s.lens.last().topPieces.first(), s.nextPieces.first());
        widgets::LogitLensView lens;
        lens.setSnapshot(s);
        QCOMPARE(lens.stepCount(), 3);
        QSignalSpy changed(&lens, &widgets::LogitLensView::stepChanged);
        QTest::mouseClick(lens.findChild<QPushButton *>("logitLensNext"), Qt::LeftButton);
        QCOMPARE(lens.currentStep(), 1);
        QCOMPARE(changed.size(), 1);
    }

    void presentationModeChangesEveryView()
    {
        app::MainWindow window;
        window.setWorkspace(m_dir.filePath("ws-presentation"));
        window.resize(1200, 800);
        window.show();
        auto *tabs = window.tabs();
        QVERIFY(tabs->count() >= 5);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Every widget of every tab (and each chart's axis fonts), by identity: the fonts the class sees.
        using Fonts = QMap<QString, double>;
        auto fonts = [&] {
            Fonts out;
            const int current = tabs->currentIndex();
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i); // each view as the class sees it
                QCoreApplication::processEvents();
                auto key = [](QObject *o, const char *what) {
                    return QString("%1 %2 %3 %4").arg(o->metaObject()->className(), o->objectName(), what)
                        .arg(quintptr(o), 0, 16);
                };
                out[key(tabs->widget(i), "")] = tabs->widget(i)->font().pointSizeF();
                for (QWidget *w : tabs->widget(i)->findChildren<QWidget *>())
                    out[key(w, "")] = w->font().pointSizeF();
                for (auto *plot : tabs->widget(i)->findChildren<QCustomPlot *>()) {
                    out[key(plot, "x ticks")] = plot->xAxis->tickLabelFont().pointSizeF();
                    out[key(plot, "y label")] = plot->yAxis->labelFont().pointSizeF();
                }
            }
            tabs->setCurrentIndex(current);
            return out;
        };
        fonts(); // showing each tab once creates what it creates lazily
        const Fonts before = fonts();
        auto *head = window.findChild<QSpinBox *>("teachHead");
        QVERIFY(head);
        tabs->setCurrentWidget(window.teaching()->tab());
        QVERIFY(head->isVisible());
        const QColor windowColor = window.palette().color(QPalette::Window);

        QTest::keyClick(&window, Qt::Key_F11);
        QVERIFY(window.teaching()->presentation()->isActive());
        QVERIFY(window.teaching()->presentationAction()->isChecked());
        const Fonts during = fonts();
        QVERIFY(before.size() > 100);
        int compared = 0;
        for (auto it = before.begin(); it != before.end(); ++it) {
            if (!during.contains(it.key()) || it.value() <= 0) // pixel-sized fonts report -1
                continue;
            ++compared;
            QVERIFY2(during[it.key()] >= 1.4 * it.value(),
                     qPrintable(QString("font of %1: %2 -> %3").arg(it.key()).arg(it.value()).arg(during[it.key()])));
        }
        QVERIFY(compared > 100);
        QVERIFY(!head->isVisible()); // advanced
        QCOMPARE(window.palette().color(QPalette::Window), QColor(0, 0, 0));
        QVERIFY(windowColor != QColor(0, 0, 0));

        QTest::keyClick(&window, Qt::Key_F11);
        QVERIFY(!window.teaching()->presentation()->isActive());
        const Fonts after = fonts();
        for (auto it = before.begin(); it != before.end(); ++it)
            if (after.contains(it.key()))
                QCOMPARE(after[it.key()], it.value());
        QVERIFY(head->isVisible());
        QCOMPARE(window.palette().color(QPalette::Window), windowColor);
    }

    void classroomProfileLocksControls()
    {
        app::MainWindow window;
        window.setWorkspace(m_dir.filePath("ws-profile"));
        window.show();
        auto *p = window.teaching()->presentation();
        QString e = p->applyProfileJson(R"({"lock": ["teachPrompt", "nLayerSpin"], "colour": 1})", "class.json");
        QVERIFY2(e.contains("class.json") && e.contains("colour"), qPrintable(e));
        QVERIFY(p->applyProfileJson(R"({"font_size": 200})", "class.json").contains("font_size"));
        QVERIFY(p->applyProfileJson("{nope", "class.json").contains("not valid JSON"));
        QVERIFY(window.findChild<QLineEdit *>("teachPrompt")->isEnabled()); // nothing applied on error

        QCOMPARE(p->applyProfileJson(R"({"lock": ["teachPrompt", "nLayerSpin"], "presentation": true, "font_size": 24})",
                                     "class.json"),
                 QString());
        QVERIFY(!window.findChild<QLineEdit *>("teachPrompt")->isEnabled());
        QVERIFY(p->isActive());
        QCOMPARE(QApplication::font().pointSizeF(), 24.0);
        // a control that appears later (as the wizard's pages do) is locked when it shows
        QSpinBox later;
        later.setObjectName("nLayerSpin");
        QVERIFY(later.isEnabled());
        later.show();
        QTRY_VERIFY(!later.isEnabled());
        later.hide();
        // a lesson cannot change a locked control
        widgets::LessonRunner runner(&window);
        widgets::LessonStep step;
        step.actions = QJsonDocument::fromJson(R"([{"set": "teachPrompt", "value": "x"}])").array();
        QVERIFY(runner.runActions(step).join("").contains("locked"));
        p->setActive(false);
        p->clearLocks();
        QVERIFY(window.findChild<QLineEdit *>("teachPrompt")->isEnabled());
    }

    void lessonsParseAndReportProblems()
    {
        QStringList problems;
        const auto lessons = widgets::loadLessons({":/lessons"}, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        QCOMPARE(lessons.size(), 3);
        for (const auto &l : lessons) {
            QVERIFY(!l.title("en").isEmpty());
            QVERIFY2(l.title("zh_CN") != l.title("en"), qPrintable(l.id));
            for (const auto &s : l.steps) {
                QVERIFY(!s.text("en").isEmpty());
                QVERIFY2(s.text("zh_CN") != s.text("en"), qPrintable(l.id + ": " + s.title("en")));
                QVERIFY2(s.title("zh_CN") != s.title("en") || s.title("en") == "The logit lens",
                         qPrintable(l.id + ": " + s.title("en")));
            }
        }
        widgets::Lesson l;
        QString error;
        QVERIFY(!widgets::parseLesson("{\"id\": \"x\", \"title\": \"t\"}", "mine.json", &l, &error));
        QVERIFY2(error.contains("mine.json") && error.contains("steps"), qPrintable(error));
        QVERIFY(!widgets::parseLesson(R"({"id": "x", "title": "t", "steps": [{"title": "a"}]})", "mine.json", &l, &error));
        QVERIFY2(error.contains("step 1"), qPrintable(error));
        // A teacher's lesson in the user folder is listed after the built-in ones.
        QTemporaryDir user;
        QFile f(user.filePath("my.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"id": "mine", "title": {"en": "Mine", "zh_CN": "我的"}, "steps": [{"title": "a", "text": "b", "text_zh_CN": "乙"}]})");
        f.close();
        const auto all = widgets::loadLessons({":/lessons", user.path()}, &problems);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.last().title("zh_CN"), QString("我的"));
        QCOMPARE(all.last().steps[0].text("zh_CN"), QString("乙"));
        QCOMPARE(all.last().steps[0].text("en"), QString("b"));
    }

    void lstmWidthMatchesTheParameterCount()
    {
        for (qint64 p : {20000LL, 105000LL, 800000LL}) {
            const int w = app::lstmWidthFor(p, 13, 2);
            const qint64 got = app::lstmParameters(w, 13, 2);
            QVERIFY2(std::abs(double(got - p)) / p < 0.03, qPrintable(QString("%1 -> width %2, %3").arg(p).arg(w).arg(got)));
            QVERIFY(std::llabs(app::lstmParameters(w + 1, 13, 2) - p) >= std::llabs(got - p));
            QVERIFY(std::llabs(app::lstmParameters(w - 1, 13, 2) - p) >= std::llabs(got - p));
        }
        // the formula is the model's own count
        const auto s = inspect(m_dir.filePath("lstm"), "1+2=", -1, 0, 0);
        QCOMPARE(app::lstmParameters(24, s.vocabSize, 2), s.parameterCount);
    }

};

QTEST_MAIN(TestTeach)
#include "tst_teach.moc"
