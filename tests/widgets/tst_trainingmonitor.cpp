// ctest-labels: gui
// The live training monitor, offscreen: TensorBoard's smoothing against hand-computed
// values, the charts fed with synthetic progress, the buttons per training state, the x
// axis and log-y switches, CSV/PNG export, loading and overlaying run directories, and a
// screenshot (/tmp/monitor.png) at projector size.

#include "metricchart.h"
#include "smoothing.h"
#include "trainingmonitor.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QTableWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace lmwb::widgets;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double Inf = std::numeric_limits<double>::infinity();

// TensorBoard's smoothing written out literally (vz_line_chart2), the reference.
QVector<double> tensorBoardReference(const QVector<double> &ys, double w)
{
    QVector<double> out;
    double last = 0;
    int numAccum = 0;
    for (double y : ys) {
        if (!std::isfinite(y)) {
            out << NaN;
            continue;
        }
        last = last * w + (1 - w) * y;
        ++numAccum;
        const double debias = w == 1 ? 1 : 1 - std::pow(w, numAccum);
        out << last / debias;
    }
    return out;
}

bool sameValues(const QVector<double> &a, const QVector<double> &b, double tol)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i]))
            return false;
        if (!std::isnan(a[i]) && std::abs(a[i] - b[i]) > tol)
            return false;
    }
    return true;
}

// A plausible run: loss falls from ln(65) towards 1.4 with deterministic noise, warmup then
// cosine learning rate, 12x64 tokens a step at 20 ms.
StepPoint syntheticStep(qint64 step)
{
    StepPoint p;
    p.step = step;
    p.trainLoss = 1.4 + (std::log(65.0) - 1.4) * std::exp(-step / 120.0) + 0.08 * std::sin(step * 1.7);
    const double warm = std::min(1.0, step / 50.0);
    p.lr = 1e-3 * warm * (0.55 + 0.45 * std::cos(M_PI * std::min(1.0, step / 600.0)));
    p.gradNorm = 0.6 + 1.5 * std::exp(-step / 60.0) + 0.1 * std::cos(step * 0.9);
    p.msPerStep = 20.0 + 2.0 * std::sin(step * 0.3);
    p.tokensPerSecond = 768 * 1000.0 / p.msPerStep;
    p.tokensSeen = 768 * step;
    p.wallSeconds = 0.02 * step;
    return p;
}

EvalPoint syntheticEval(qint64 step)
{
    EvalPoint e;
    e.step = step;
    e.trainLoss = syntheticStep(step).trainLoss;
    e.valLoss = 1.55 + (std::log(65.0) - 1.55) * std::exp(-step / 120.0);
    e.tokensSeen = 768 * step;
    e.wallSeconds = 0.02 * step;
    return e;
}

RunDescription synthRun(const QString &dir = QStringLiteral("/runs/shakespeare-char"))
{
    RunDescription r;
    r.runDir = dir;
    r.maxSteps = 600;
    r.parameters = 801'024;
    r.vocabSize = 65;
    r.corpus = QStringLiteral("tinyshakespeare.txt");
    return r;
}

// Feeds steps 1..last in batches (as the Session's 20 Hz progress does), an eval every
// `evalEvery` steps and at step 0.
void feed(TrainingMonitor &m, qint64 last, qint64 evalEvery = 50, int batch = 7)
{
    m.addEval(syntheticEval(0));
    QVector<StepPoint> pending;
    for (qint64 s = 1; s <= last; ++s) {
        pending << syntheticStep(s);
        if (pending.size() == batch || s % evalEvery == 0 || s == last) {
            m.addSteps(pending);
            pending.clear();
        }
        if (s % evalEvery == 0)
            m.addEval(syntheticEval(s));
    }
}

QVector<double> keysOf(const QCPGraph *g)
{
    QVector<double> k;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        k << it->key;
    return k;
}

QVector<double> valuesOf(const QCPGraph *g)
{
    QVector<double> v;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        v << it->value;
    return v;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(text);
}

// A finished run as the trainer writes it (DESIGN §4), NaN as null, with a resume that
// rewrote step 3 (the first step 3 and its eval are stale).
void writeRunDir(const QString &dir)
{
    writeFile(dir + "/config.json", R"({"data": {"train": ["corpus.txt"], "format": "text"},
        "tokenizer": {"kind": "char"},
        "model": {"arch": "gpt", "n_layer": 2, "n_head": 2, "n_embd": 32, "block_size": 16, "vocab_size": 65},
        "training": {"max_steps": 4}})");
    writeFile(dir + "/metrics.jsonl",
              R"({"step": 0, "eval": true, "train_loss": 4.2, "val_loss": 4.25})" "\n"
              R"({"step": 1, "train_loss": 4.0, "lr": 0.001, "grad_norm": 2.5, "ms_per_step": 50, "tokens_per_second": 10000, "tokens": 500})" "\n"
              R"({"step": 2, "train_loss": null, "lr": 0.001, "grad_norm": null, "ms_per_step": 50, "tokens_per_second": 10000, "tokens": 1000, "skipped": true})" "\n"
              R"({"step": 3, "train_loss": 9.9, "lr": 0.001, "grad_norm": 1.0, "ms_per_step": 50, "tokens_per_second": 10000, "tokens": 1500})" "\n"
              R"({"step": 3, "eval": true, "train_loss": 9.8, "val_loss": 9.7})" "\n"
              R"({"step": 3, "train_loss": 3.5, "lr": 0.0008, "grad_norm": 1.5, "ms_per_step": 100, "tokens_per_second": 5000, "tokens": 1500})" "\n"
              R"({"step": 4, "train_loss": 3.25, "lr": 0.0005, "grad_norm": 1.25, "ms_per_step": 50, "tokens_per_second": 10000, "tokens": 2000})" "\n"
              R"({"step": 4, "eval": true, "train_loss": 3.2, "val_loss": 3.3})" "\n");
    writeFile(dir + "/samples.jsonl", R"({"step": 0, "text": "xq!zv"})" "\n"
                                      R"({"step": 4, "text": "To be or"})" "\n");
}

} // namespace

class TestTrainingMonitor : public QObject {
    Q_OBJECT

private slots:
    void smoothingMatchesTensorBoard_data()
    {
        QTest::addColumn<QVector<double>>("values");
        QTest::addColumn<double>("weight");
        QTest::addColumn<QVector<double>>("expected");
        // Worked by hand from last = last*w + (1-w)*y; smoothed = last / (1 - w^n).
        QTest::newRow("w=0 is the raw curve") << QVector<double>{3, 1, 2} << 0.0 << QVector<double>{3, 1, 2};
        QTest::newRow("w=0.5") << QVector<double>{1, 2, 3} << 0.5 << QVector<double>{1, 5.0 / 3, 17.0 / 7};
        // 0.4*4 / 0.4 = 4; (1.6*0.6 + 0.8) / 0.64 = 2.75; (1.76*0.6 + 1.2) / 0.784 = 2.256/0.784
        QTest::newRow("w=0.6 (default)") << QVector<double>{4, 2, 3} << 0.6 << QVector<double>{4, 2.75, 2.256 / 0.784};
        QTest::newRow("w=0.6, NaN skipped") << QVector<double>{4, NaN, 2} << 0.6 << QVector<double>{4, NaN, 2.75};
        QTest::newRow("leading NaN, w=0.5") << QVector<double>{NaN, 1, 3} << 0.5 << QVector<double>{NaN, 1, 7.0 / 3};
        QTest::newRow("inf is skipped too") << QVector<double>{Inf, 2, -Inf} << 0.5 << QVector<double>{NaN, 2, NaN};
        QTest::newRow("w=0.9, a drop to 0") << QVector<double>{10, 0} << 0.9 << QVector<double>{10, 0.9 / 0.19};
        QTest::newRow("constant stays constant") << QVector<double>{2, 2, 2, 2} << 0.99 << QVector<double>{2, 2, 2, 2};
        QTest::newRow("empty") << QVector<double>{} << 0.6 << QVector<double>{};
    }

    void smoothingMatchesTensorBoard()
    {
        QFETCH(QVector<double>, values);
        QFETCH(double, weight);
        QFETCH(QVector<double>, expected);
        const QVector<double> got = debiasedEma(values, weight);
        QVERIFY2(sameValues(got, expected, 1e-12), qPrintable(QString("got %1").arg([&] {
                     QStringList s;
                     for (double v : got)
                         s << QString::number(v, 'g', 17);
                     return s.join(", ");
                 }())));
        QVERIFY(sameValues(got, tensorBoardReference(values, weight), 1e-12));
    }

    void smoothingMatchesReferenceOnALongCurve()
    {
        QVector<double> ys;
        for (int s = 1; s <= 5000; ++s)
            ys << (s % 997 == 0 ? NaN : syntheticStep(s).trainLoss);
        for (double w : {0.0, 0.3, 0.6, 0.9, 0.99})
            QVERIFY2(sameValues(debiasedEma(ys, w), tensorBoardReference(ys, w), 1e-9), qPrintable(QString::number(w)));
    }

    void plotsSyntheticProgress()
    {
        TrainingMonitor m;
        m.setRun(synthRun());
        QCOMPARE(m.trainPointCount(), 0);
        feed(m, 200);
        QCOMPARE(m.trainPointCount(), 200);
        QCOMPARE(m.evalPointCount(), 5); // 0, 50, 100, 150, 200

        LossChart *chart = m.lossChartView();
        const QVector<double> keys = keysOf(chart->rawGraph());
        const QVector<double> raw = valuesOf(chart->rawGraph());
        QVector<double> expectedLoss;
        for (int s = 1; s <= 200; ++s) {
            QCOMPARE(keys[s - 1], double(s));
            expectedLoss << syntheticStep(s).trainLoss;
        }
        QCOMPARE(raw, expectedLoss);
        QCOMPARE(m.smoothedLosses(), debiasedEma(expectedLoss, 0.6));
        QCOMPARE(valuesOf(chart->smoothedGraph()), debiasedEma(expectedLoss, 0.6));
        QCOMPARE(keysOf(chart->valGraph()), (QVector<double>{0, 50, 100, 150, 200}));
        QCOMPARE(valuesOf(chart->valGraph())[2], syntheticEval(100).valLoss);
        QCOMPARE(valuesOf(m.learningRateChart()->graph(0))[99], syntheticStep(100).lr);
        QCOMPARE(valuesOf(m.gradNormChart()->graph(0))[9], syntheticStep(10).gradNorm);
        QCOMPARE(valuesOf(m.throughputChart()->graph(0))[0], syntheticStep(1).tokensPerSecond);

        // The uniform-guess reference at ln(65) = 4.17 nats.
        QCOMPARE(m.uniformLoss(), std::log(65.0));
        QVERIFY(chart->uniformLine()->visible());
        QCOMPARE(chart->uniformLine()->point1->coords().y(), std::log(65.0));
        QCOMPARE(chart->uniformLine()->point2->coords().y(), std::log(65.0));
        QVERIFY(chart->uniformLabel()->text().contains("uniform guess"));

        // A skipped step is a gap in both curves, and the smoothing carries on past it.
        StepPoint bad = syntheticStep(201);
        bad.trainLoss = NaN;
        bad.skipped = true;
        m.addSteps({bad, syntheticStep(202)});
        QVERIFY(std::isnan(m.smoothedLosses()[200]));
        QVERIFY(std::isfinite(m.smoothedLosses()[201]));
        expectedLoss << NaN << syntheticStep(202).trainLoss;
        QVERIFY(sameValues(m.smoothedLosses(), tensorBoardReference(expectedLoss, 0.6), 1e-12));

        // A new run starts from a clean chart and its own vocabulary.
        RunDescription other = synthRun("/runs/gpt2-bpe");
        other.vocabSize = 50257;
        m.setRun(other);
        QCOMPARE(m.trainPointCount(), 0);
        QCOMPARE(m.evalPointCount(), 0);
        QCOMPARE(m.uniformLoss(), std::log(50257.0));
    }

    void headerNamesTheRun()
    {
        TrainingMonitor m;
        m.setRun(synthRun());
        const auto labels = m.findChildren<QLabel *>();
        const auto header = std::find_if(labels.begin(), labels.end(),
                                         [](QLabel *l) { return l->text().contains("shakespeare-char"); });
        QVERIFY(header != labels.end());
        QVERIFY((*header)->text().contains("801 K parameters"));
        QVERIFY((*header)->text().contains("tinyshakespeare.txt"));
    }

    void replotsWaitUntilShown()
    {
        TrainingMonitor m;
        m.setRun(synthRun());
        feed(m, 100);
        // Hidden: the data is there, the axes were not refitted.
        QCOMPARE(m.trainPointCount(), 100);
        QCOMPARE(m.lossChart()->xAxis->range().upper, 1.0); // as built, before any run
        m.resize(1200, 800);
        m.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m));
        const QCPRange x = m.lossChart()->xAxis->range();
        QVERIFY(x.contains(0) && x.contains(100) && x.upper < 105);
        QCOMPARE(m.learningRateChart()->xAxis->range(), x); // the small charts share the x range
        const QCPRange y = m.lossChart()->yAxis->range();
        QVERIFY(y.contains(std::log(65.0)));
        QVERIFY(y.contains(syntheticStep(100).trainLoss));
        // Visible: new data refits at once.
        m.addSteps({syntheticStep(101)});
        QVERIFY(m.lossChart()->xAxis->range().contains(101));
        m.hide();
        m.setRun(synthRun());
        m.show();
        QCOMPARE(m.lossChart()->xAxis->range().upper, 600.0); // an empty run spans max_steps
    }

    void buttonsFollowTheState_data()
    {
        QTest::addColumn<TrainingState>("state");
        QTest::addColumn<QString>("pauseLabel");
        QTest::addColumn<bool>("pause");
        QTest::addColumn<bool>("step");
        QTest::addColumn<bool>("others"); // stop, save, sample
        QTest::newRow("idle") << TrainingState::Idle << "Pause" << false << false << false;
        QTest::newRow("preparing") << TrainingState::Preparing << "Pause" << false << false << false;
        QTest::newRow("running") << TrainingState::Running << "Pause" << true << false << true;
        QTest::newRow("paused") << TrainingState::Paused << "Resume" << true << true << true;
        QTest::newRow("stopping") << TrainingState::Stopping << "Pause" << false << false << false;
        QTest::newRow("finished") << TrainingState::Finished << "Pause" << false << false << false;
        QTest::newRow("failed") << TrainingState::Failed << "Pause" << false << false << false;
    }

    void buttonsFollowTheState()
    {
        QFETCH(TrainingState, state);
        QFETCH(QString, pauseLabel);
        QFETCH(bool, pause);
        QFETCH(bool, step);
        QFETCH(bool, others);
        TrainingMonitor m;
        m.setState(TrainingState::Paused); // from a different state, so every change is made
        m.setState(TrainingState::Running);
        m.setState(state);
        auto *pauseButton = m.findChild<QPushButton *>("pauseButton");
        QVERIFY(pauseButton);
        QCOMPARE(pauseButton, m.pauseButton());
        QCOMPARE(pauseButton->text(), pauseLabel);
        QCOMPARE(pauseButton->isEnabled(), pause);
        QCOMPARE(m.findChild<QPushButton *>("stepButton")->isEnabled(), step);
        for (const char *name : {"stopButton", "saveButton", "sampleButton"})
            QCOMPARE(m.findChild<QPushButton *>(name)->isEnabled(), others);
    }

    void buttonsEmitTheirSignals()
    {
        TrainingMonitor m;
        QSignalSpy pause(&m, &TrainingMonitor::pauseRequested), resume(&m, &TrainingMonitor::resumeRequested),
            stop(&m, &TrainingMonitor::stopRequested), step(&m, &TrainingMonitor::stepRequested),
            save(&m, &TrainingMonitor::saveRequested), sample(&m, &TrainingMonitor::sampleRequested);
        m.setState(TrainingState::Running);
        QTest::mouseClick(m.pauseButton(), Qt::LeftButton);
        QCOMPARE(pause.count(), 1);
        QCOMPARE(resume.count(), 0);
        QTest::mouseClick(m.stepButton(), Qt::LeftButton); // disabled while running
        QCOMPARE(step.count(), 0);
        m.setState(TrainingState::Paused);
        QTest::mouseClick(m.pauseButton(), Qt::LeftButton);
        QCOMPARE(resume.count(), 1);
        QCOMPARE(pause.count(), 1);
        QTest::mouseClick(m.stepButton(), Qt::LeftButton);
        QTest::mouseClick(m.stopButton(), Qt::LeftButton);
        QTest::mouseClick(m.saveButton(), Qt::LeftButton);
        QTest::mouseClick(m.sampleButton(), Qt::LeftButton);
        QCOMPARE(step.count(), 1);
        QCOMPARE(stop.count(), 1);
        QCOMPARE(save.count(), 1);
        QCOMPARE(sample.count(), 1);
        m.setState(TrainingState::Idle);
        QTest::mouseClick(m.stopButton(), Qt::LeftButton);
        QCOMPARE(stop.count(), 1);
    }

    void everyControlExplainsItself()
    {
        TrainingMonitor m;
        int controls = 0;
        for (QWidget *w : m.findChildren<QWidget *>()) {
            if (!qobject_cast<QAbstractButton *>(w) && !qobject_cast<QSlider *>(w) && !qobject_cast<QComboBox *>(w))
                continue;
            if (QByteArray(w->metaObject()->className()) == "QTableCornerButton") // Qt's, hidden with the headers
                continue;
            ++controls;
            QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName() + " " + w->metaObject()->className()));
        }
        QVERIFY(controls >= 10); // 7 buttons, slider, check box, combo box
        QVERIFY(m.lossChart()->xAxis->tickLabelFont().pointSizeF() >= 11);
        QCOMPARE(m.lossChart()->yAxis->label(), QString("loss (nats/token)"));
        QCOMPARE(m.lossChart()->xAxis->label(), QString("step"));
    }

    void xAxisSwitchChangesKeys()
    {
        TrainingMonitor m;
        m.setRun(synthRun());
        feed(m, 100);
        LossChart *chart = m.lossChartView();

        m.setXAxis(TrainingMonitor::XAxis::Tokens);
        QCOMPARE(chart->xAxis->label(), QString("tokens seen"));
        QCOMPARE(keysOf(chart->rawGraph())[9], 768.0 * 10);
        QCOMPARE(keysOf(chart->smoothedGraph())[9], 768.0 * 10);
        QCOMPARE(keysOf(chart->valGraph())[1], 768.0 * 50);
        QCOMPARE(keysOf(m.learningRateChart()->graph(0))[9], 768.0 * 10);
        QCOMPARE(valuesOf(chart->rawGraph())[9], syntheticStep(10).trainLoss); // values unchanged

        m.setXAxis(TrainingMonitor::XAxis::WallTime);
        QCOMPARE(chart->xAxis->label(), QString("wall time (s)"));
        QCOMPARE(keysOf(chart->rawGraph())[9], 0.02 * 10);
        QCOMPARE(keysOf(m.throughputChart()->graph(0))[99], 0.02 * 100);
        QCOMPARE(keysOf(chart->valGraph())[2], 0.02 * 100);

        // Data arriving later uses the chosen axis, too.
        m.addSteps({syntheticStep(101)});
        QCOMPARE(keysOf(chart->rawGraph()).last(), 0.02 * 101);

        // The combo box drives the same switch.
        auto *combo = m.findChild<QComboBox *>();
        QVERIFY(combo);
        combo->setCurrentIndex(0);
        emit combo->activated(0);
        QCOMPARE(m.xAxis(), TrainingMonitor::XAxis::Step);
        QCOMPARE(keysOf(chart->rawGraph())[9], 10.0);
    }

    void wallTimeContinuesAcrossARestartedClock()
    {
        TrainingMonitor m;
        m.setXAxis(TrainingMonitor::XAxis::WallTime);
        StepPoint a = syntheticStep(1), b = syntheticStep(2), c = syntheticStep(3);
        a.wallSeconds = 10;
        b.wallSeconds = 11;
        c.wallSeconds = 0.5; // a resumed session starts its clock again
        m.addSteps({a, b});
        m.addSteps({c});
        QCOMPARE(keysOf(m.lossChartView()->rawGraph()), (QVector<double>{10, 11, 11.5}));
    }

    void logYSwitchesTheTicker()
    {
        TrainingMonitor m;
        m.setRun(synthRun());
        feed(m, 50);
        QCPAxis *y = m.lossChart()->yAxis;
        QCOMPARE(y->scaleType(), QCPAxis::stLinear);
        QVERIFY(!y->ticker().dynamicCast<QCPAxisTickerLog>());
        m.setLogY(true);
        QVERIFY(m.logY());
        QCOMPARE(y->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(y->ticker().dynamicCast<QCPAxisTickerLog>());
        QVERIFY(m.findChild<QCheckBox *>()->isChecked());
        m.findChild<QCheckBox *>()->click();
        QVERIFY(!m.logY());
        QCOMPARE(y->scaleType(), QCPAxis::stLinear);
        QVERIFY(!y->ticker().dynamicCast<QCPAxisTickerLog>());
    }

    void smoothingSliderResmooths()
    {
        TrainingMonitor m;
        feed(m, 80);
        QVector<double> raw = valuesOf(m.lossChartView()->rawGraph());
        QCOMPARE(m.smoothing(), 0.6);
        auto *slider = m.findChild<QSlider *>();
        QCOMPARE(slider->value(), 60);
        m.setSmoothing(0.0);
        QCOMPARE(slider->value(), 0);
        QCOMPARE(m.smoothedLosses(), raw);
        QCOMPARE(valuesOf(m.lossChartView()->smoothedGraph()), raw);
        slider->setValue(90);
        QCOMPARE(m.smoothing(), 0.9);
        QCOMPARE(valuesOf(m.lossChartView()->smoothedGraph()), debiasedEma(raw, 0.9));
        // Appending continues the same average as smoothing the whole curve at once.
        m.addSteps({syntheticStep(81), syntheticStep(82)});
        raw << syntheticStep(81).trainLoss << syntheticStep(82).trainLoss;
        QVERIFY(sameValues(m.smoothedLosses(), debiasedEma(raw, 0.9), 1e-12));
    }

    void samplesNewestOnTop()
    {
        TrainingMonitor m;
        m.addSample(50, "hte qiuck");
        m.addSample(100, "the quick brown");
        QTableWidget *table = m.samplesView();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QString("100"));
        QCOMPARE(table->item(0, 1)->text(), QString("the quick brown"));
        QCOMPARE(table->item(1, 0)->text(), QString("50"));
        QCOMPARE(table->item(1, 1)->text(), QString("hte qiuck"));
        m.setRun(synthRun());
        QCOMPARE(table->rowCount(), 0);
    }

    void csvExport()
    {
        TrainingMonitor m;
        m.setSmoothing(0.5);
        auto step = [](qint64 s, double loss, double lr, double grad, double tps, double wall) {
            StepPoint p;
            p.step = s;
            p.trainLoss = loss;
            p.lr = lr;
            p.gradNorm = grad;
            p.tokensPerSecond = tps;
            p.tokensSeen = 512 * s;
            p.wallSeconds = wall;
            return p;
        };
        EvalPoint e0;
        e0.valLoss = 4.25;
        m.addEval(e0);
        m.addSteps({step(1, 4, 0.001, 2.5, 10000, 0.25), step(2, NaN, 0.001, NaN, 9000, 0.5)});
        EvalPoint e2;
        e2.step = 2;
        e2.valLoss = 3.75;
        e2.tokensSeen = 1024;
        e2.wallSeconds = 0.5;
        m.addEval(e2);
        m.addSteps({step(3, 2, 0.0005, 1.5, 11000, 0.75)});

        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.csv");
        QVERIFY(m.exportCsv(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        // smoothed at w = 0.5: 4, (NaN), (0.5*2 + 1) / 0.75 = 2.6666…
        const QStringList expected{
            "step,tokens,wall_seconds,train_loss,smoothed_loss,lr,grad_norm,tokens_per_second,val_loss",
            "0,0,0,,,,,,4.25",
            "1,512,0.25,4,4,0.001,2.5,10000,",
            "2,1024,0.5,,,0.001,,9000,3.75",
            "3,1536,0.75,2,2.6666666666666665,5e-04,1.5,11000,",
        };
        QCOMPARE(lines, expected);
        QVERIFY(!m.exportCsv(dir.filePath("no/such/dir/metrics.csv")));
    }

    void pngExport()
    {
        TrainingMonitor m;
        m.setRun(synthRun());
        feed(m, 120);
        QTemporaryDir dir;
        const QString path = dir.filePath("loss.png");
        QVERIFY(m.exportPng(path));
        const QImage img(path);
        QVERIFY(!img.isNull());
        QVERIFY(img.width() >= 1200 && img.height() >= 700);
    }

    void loadRunReproducesItsPoints()
    {
        QTemporaryDir ws;
        const QString dir = ws.filePath("tiny-run");
        writeRunDir(dir);
        TrainingMonitor m;
        QVERIFY(m.loadRun(dir));
        LossChart *chart = m.lossChartView();
        QCOMPARE(m.trainPointCount(), 4); // the resume's step 3 replaced the first one
        QCOMPARE(m.evalPointCount(), 2);
        QCOMPARE(keysOf(chart->rawGraph()), (QVector<double>{1, 2, 3, 4}));
        const QVector<double> loss = valuesOf(chart->rawGraph());
        QVERIFY(sameValues(loss, {4.0, NaN, 3.5, 3.25}, 0));
        QVERIFY(sameValues(m.smoothedLosses(), debiasedEma(loss, 0.6), 0));
        QCOMPARE(keysOf(chart->valGraph()), (QVector<double>{0, 4}));
        QCOMPARE(valuesOf(chart->valGraph()), (QVector<double>{4.25, 3.3}));
        QCOMPARE(valuesOf(m.learningRateChart()->graph(0)), (QVector<double>{0.001, 0.001, 0.0008, 0.0005}));
        QVERIFY(sameValues(valuesOf(m.gradNormChart()->graph(0)), {2.5, NaN, 1.5, 1.25}, 0));
        QCOMPARE(m.uniformLoss(), std::log(65.0));

        m.setXAxis(TrainingMonitor::XAxis::Tokens);
        QCOMPARE(keysOf(chart->rawGraph()), (QVector<double>{500, 1000, 1500, 2000}));
        QCOMPARE(keysOf(chart->valGraph()), (QVector<double>{0, 2000}));
        m.setXAxis(TrainingMonitor::XAxis::WallTime); // the running sum of ms_per_step
        QVERIFY(sameValues(keysOf(chart->rawGraph()), {0.05, 0.1, 0.2, 0.25}, 1e-12));

        QCOMPARE(m.samplesView()->rowCount(), 2);
        QCOMPARE(m.samplesView()->item(0, 1)->text(), QString("To be or"));
        QCOMPARE(m.samplesView()->item(1, 0)->text(), QString("0"));

        QVERIFY(!m.loadRun(ws.filePath("missing")));
        QCOMPARE(m.trainPointCount(), 0);
    }

    void fineTuningRunShowsItsBaseModelsLoss()
    {
        // A live fine-tuning run: the eval at step 0 is the base model's, drawn as a line.
        RunDescription run = synthRun(QStringLiteral("/runs/gpt2-pairs"));
        run.configJson = QStringLiteral(R"({"training": {"init_from": "/ws/gpt2-base/checkpoints/step-500"}})");
        run.trainableParameters = 24'576;
        TrainingMonitor m;
        m.resize(900, 600);
        m.show();
        m.setRun(run);
        LossChart *chart = m.lossChartView();
        QVERIFY(!chart->baseLine()->visible());
        EvalPoint first = syntheticEval(0);
        first.valLoss = 3.25;
        m.addEval(first);
        QCOMPARE(m.baseLoss(), 3.25);
        QVERIFY(chart->baseLine()->visible());
        QCOMPARE(chart->baseLine()->point1->coords().y(), 3.25);
        QCOMPARE(chart->baseLabel()->text(), QString("base model gpt2-base/step-500: 3.250"));
        const auto labels = m.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](QLabel *l) { return l->text().contains("fine-tuned from gpt2-base/step-500"); }));
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) { return l->text().contains("base model 3.250"); }));
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
            return l->text().contains(QStringLiteral("%1 train (3.1 %)").arg(QLocale().toString(24576)));
        }));
        // Later evals do not move it, and the y range keeps it in view.
        EvalPoint later = syntheticEval(50);
        later.valLoss = 1.5;
        m.addSteps({syntheticStep(50)});
        m.addEval(later);
        QCOMPARE(m.baseLoss(), 3.25);
        QVERIFY(chart->yAxis->range().contains(3.25));
        // A run that is not a fine-tuning run has no such line, even with an eval at step 0.
        m.setRun(synthRun());
        m.addEval(syntheticEval(0));
        QVERIFY(!chart->baseLine()->visible());
        QVERIFY(std::isnan(m.baseLoss()));

        // From disk: the run's config.json names its base.
        QTemporaryDir ws;
        const QString dir = ws.filePath("tuned");
        writeRunDir(dir);
        writeFile(dir + "/config.json", R"({"data": {"train": ["pairs.jsonl"], "format": "pairs"},
                                            "model": {"vocab_size": 65},
                                            "training": {"max_steps": 4, "init_from": "/ws/gpt2"}})");
        QVERIFY(m.loadRun(dir));
        QCOMPARE(m.baseLoss(), 4.25); // metrics.jsonl's eval at step 0
        QCOMPARE(chart->baseLabel()->text(), QString("base model gpt2: 4.250"));
    }

    void resumedRunShowsItsHistory()
    {
        QTemporaryDir ws;
        const QString dir = ws.filePath("tiny-run");
        writeRunDir(dir);
        TrainingMonitor m;
        RunDescription run = synthRun(dir);
        run.step = 3; // resuming from the step-3 checkpoint
        m.setRun(run);
        QCOMPARE(keysOf(m.lossChartView()->rawGraph()), (QVector<double>{1, 2, 3}));
        QCOMPARE(m.evalPointCount(), 1);
        m.addSteps({syntheticStep(4)});
        QCOMPARE(m.trainPointCount(), 4);
    }

    void overlaysOtherRuns()
    {
        QTemporaryDir ws;
        writeRunDir(ws.filePath("baseline-lstm"));
        TrainingMonitor m;
        m.setRun(synthRun());
        feed(m, 40);
        QCustomPlot *plot = m.lossChart();
        const int graphs = plot->graphCount();
        const int legendItems = plot->legend->itemCount();
        QVERIFY(m.addOverlay(ws.filePath("baseline-lstm")));
        QCOMPARE(plot->graphCount(), graphs + 2);
        QCOMPARE(plot->legend->itemCount(), legendItems + 1);
        const LossChart::Overlay o = m.lossChartView()->overlays().value(0);
        QCOMPARE(o.name, QString("baseline-lstm"));
        QVERIFY(plot->legend->hasItemWithPlottable(o.train));
        QVERIFY(o.train->pen().color() != m.lossChartView()->smoothedGraph()->pen().color());
        QVERIFY(sameValues(valuesOf(o.train), debiasedEma({4.0, NaN, 3.5, 3.25}, 0.6), 0));
        QCOMPARE(valuesOf(o.val), (QVector<double>{4.25, 3.3}));
        m.setXAxis(TrainingMonitor::XAxis::Tokens);
        QCOMPARE(keysOf(o.train), (QVector<double>{500, 1000, 1500, 2000}));
        QVERIFY(!m.addOverlay(ws.filePath("missing")));
        m.clearOverlays();
        QCOMPARE(plot->graphCount(), graphs);
        QCOMPARE(plot->legend->itemCount(), legendItems);
    }

    // A look at the real thing: 1200x800, a run 450 steps into 600, a baseline overlaid.
    void screenshot()
    {
        QTemporaryDir ws;
        writeRunDir(ws.filePath("baseline-lstm"));
        TrainingMonitor m;
        m.resize(1200, 800);
        m.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m));
        m.setRun(synthRun());
        m.setState(TrainingState::Running);
        QTest::qWait(20);
        QVERIFY(m.grab().save(QDir::temp().filePath("monitor-empty.png")));
        feed(m, 450, 50, 5);
        m.addSample(0, "xQ!vz;,mMe\nK&pLr");
        m.addSample(200, "Thee so whe tho my lord,\nAnd fare the with sor.");
        m.addSample(400, "KING HENRY: What say you, my lord?\nGLOUCESTER: I shall not be so.");
        QTest::qWait(50);
        const QImage shot = m.grab().toImage();
        const QString path = QDir::temp().filePath("monitor.png");
        QVERIFY(shot.save(path));
        qInfo("screenshot: %s", qPrintable(path));
        m.setLogY(true);
        m.setXAxis(TrainingMonitor::XAxis::Tokens);
        QVERIFY(m.addOverlay(ws.filePath("baseline-lstm")));
        QTest::qWait(50);
        QVERIFY(m.grab().save(QDir::temp().filePath("monitor-log.png")));

        // The smoothed curve was drawn: plenty of pixels in its blue.
        const QColor blue = okabeIto(OkabeIto::Blue);
        int bluePixels = 0;
        for (int y = 0; y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x) {
                const QColor c = shot.pixelColor(x, y);
                bluePixels += std::abs(c.red() - blue.red()) + std::abs(c.green() - blue.green()) +
                                  std::abs(c.blue() - blue.blue()) < 40;
            }
        QVERIFY2(bluePixels > 500, qPrintable(QString::number(bluePixels)));
    }
};

QTEST_MAIN(TestTrainingMonitor)
#include "tst_trainingmonitor.moc"
