// ctest-labels: gui
// The Attention tab's views on hand-made snapshots: the heatmap holds the snapshot's
// values in the right cells with the future masked, hover names both tokens; the grid has
// layers x heads tiles and a click opens one; the head view overlays the chosen heads;
// the statistics find a previous-token head; the JSON export is the CLI's document; an
// LSTM run gets a note; a dragged slider keeps one request in flight.

#include "attentionexplorer.h"
#include "attentiongrid.h"
#include "attentionheadview.h"
#include "attentionheatmap.h"
#include "attentionjson.h"
#include "attentionstatstable.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

using namespace lmwb::widgets;

namespace {

// Layer 0 head 0 looks at the previous token; every other head has distinct weights
// proportional to 1 + k + 7 l + 3 h over the keys it can see.
AttentionSnapshot makeSnapshot(int L, int H, int T)
{
    AttentionSnapshot s;
    s.nLayer = L;
    s.nHead = H;
    s.T = T;
    s.step = 42;
    const char *words[] = {"The", " cat", " sat", "\n", " on", " the", " mat", "."};
    for (int i = 0; i < T; ++i) {
        s.pieces.push_back(QByteArray(words[i % 8]));
        s.ids.push_back(i % 8);
    }
    s.weights.resize(qsizetype(L) * H * T * T);
    for (int l = 0; l < L; ++l)
        for (int h = 0; h < H; ++h)
            for (int q = 0; q < T; ++q) {
                float *row = s.weights.data() + ((qsizetype(l) * H + h) * T + q) * T;
                if (l == 0 && h == 0) {
                    row[q == 0 ? 0 : q - 1] = 1.0f;
                    continue;
                }
                double z = 0;
                for (int k = 0; k <= q; ++k)
                    z += 1 + k + 7 * l + 3 * h;
                for (int k = 0; k <= q; ++k)
                    row[k] = float((1 + k + 7 * l + 3 * h) / z);
            }
    return s;
}

} // namespace

class TestAttentionViews : public QObject {
    Q_OBJECT

private slots:
    void heatmapShowsTheSnapshotInTheRightCells()
    {
        AttentionExplorer e;
        e.resize(1100, 800);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        const auto s = makeSnapshot(2, 3, 8);
        e.showSnapshot(s);
        QVERIFY(!e.isShowingNote());
        e.openHead(1, 2);
        QCOMPARE(e.views()->currentIndex(), int(AttentionExplorer::HeatmapView));
        AttentionHeatmap *h = e.heatmap();
        QCOMPARE(h->size(), 8);
        for (int q = 0; q < 8; ++q)
            for (int k = 0; k < 8; ++k) {
                if (k > q)
                    QVERIFY2(std::isnan(h->cellValue(q, k)), "the future must be masked");
                else
                    QCOMPARE(float(h->cellValue(q, k)), s.at(1, 2, q, k));
            }
        QCOMPARE(h->rangeUpper(), 1.0);

        // Hovering cell (query 5, key 2) names both tokens and the weight.
        h->plot()->replot();
        const QPoint cell(int(h->plot()->xAxis->coordToPixel(2)), int(h->plot()->yAxis->coordToPixel(5)));
        const QString tip = h->toolTipAt(cell);
        QVERIFY2(tip.contains(QStringLiteral("␣the")) && tip.contains(QStringLiteral("␣sat")), qPrintable(tip));
        QVERIFY2(tip.contains(QString::number(s.at(1, 2, 5, 2), 'f', 4)), qPrintable(tip));
        const QPoint future(int(h->plot()->xAxis->coordToPixel(6)), int(h->plot()->yAxis->coordToPixel(1)));
        QVERIFY(h->toolTipAt(future).contains(QStringLiteral("cannot see")));

        // The mean of a layer's heads, and auto contrast.
        e.openHead(1, 3);
        const auto avg = s.layerAverage(1);
        for (int q = 0; q < 8; ++q)
            for (int k = 0; k <= q; ++k)
                QVERIFY(std::abs(h->cellValue(q, k) - avg[q * 8 + k]) < 1e-6);
        h->setAutoContrast(true);
        QCOMPARE(float(h->rangeUpper()), *std::max_element(avg.begin(), avg.end()));
    }

    void gridHasLayersTimesHeadsTilesAndOpensOne()
    {
        AttentionExplorer e;
        e.resize(1100, 800);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        const auto s = makeSnapshot(3, 4, 6);
        e.showSnapshot(s);
        e.setView(AttentionExplorer::GridView);
        AttentionGrid *g = e.grid();
        QCOMPARE(g->tileCount(), 12);
        QCOMPARE(g->layers(), 3);
        QCOMPARE(g->heads(), 4);
        const QImage &tile = g->tileImage(2, 1);
        QCOMPARE(tile.size(), QSize(6, 6));
        QCOMPARE(tile.pixel(1, 4), attentionColor(s.at(2, 1, 4, 1))); // (x = key, y = query)
        QCOMPARE(tile.pixel(4, 1), maskedColor());
        QTRY_VERIFY(g->tileRect(2, 1).width() > 10);
        QTest::mouseClick(g, Qt::LeftButton, {}, g->tileRect(2, 1).center());
        QCOMPARE(e.views()->currentIndex(), int(AttentionExplorer::HeatmapView));
        QCOMPARE(float(e.heatmap()->cellValue(4, 1)), s.at(2, 1, 4, 1));
        // Repainting the grid is blitting the tiles made once per snapshot.
        const QImage shot = g->grab().toImage();
        QVERIFY(!shot.isNull());
    }

    void headViewOverlaysTheChosenHeads()
    {
        AttentionHeadView v;
        v.resize(700, 600);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const auto s = makeSnapshot(1, 3, 8);
        v.setSnapshot(s);
        QCOMPARE(v.selectedHeads(), QVector<bool>(3, true));
        v.canvas()->grab();
        const int all = v.canvas()->linesDrawn();
        v.setHeadSelected(1, false);
        v.setHeadSelected(2, false);
        v.canvas()->grab();
        const int one = v.canvas()->linesDrawn();
        // head 0 of layer 0 is the previous-token head: one line per query
        QCOMPARE(one, 8);
        QVERIFY(all > one);
        QCOMPARE(headColor(0) == headColor(1), false);
        // hovering query 5 on the left shows only its lines: heads 0 and 1 now, 1 + 6 of them
        v.setHeadSelected(1, true);
        AttentionHeadCanvas *c = v.canvas();
        const int y = 6 + 5 * c->rowHeight() + c->rowHeight() / 2;
        QTest::mouseMove(c, QPoint(40, y));
        QTRY_COMPARE(c->hoveredToken(), 5);
        c->grab();
        QCOMPARE(c->linesDrawn(), 1 + 6);
    }

    void statisticsFindThePreviousTokenHead()
    {
        const auto s = makeSnapshot(2, 2, 8);
        const auto stats = computeHeadStats(s);
        QCOMPARE(stats.size(), 4);
        QCOMPARE(stats[0].previousToken, 1.0);
        QCOMPARE(stats[0].entropy, 0.0);
        QVERIFY(std::abs(stats[0].meanDistance - 7.0 / 8.0) < 1e-9);
        QVERIFY(stats[1].previousToken < 0.5);
        QVERIFY(stats[1].entropy > 0.5);

        AttentionStatsTable t;
        t.resize(700, 400);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        t.setSnapshot(s);
        QCOMPARE(t.rowCount(), 4);
        t.sortByColumn(AttentionStatsTable::Previous, Qt::DescendingOrder);
        QCOMPARE(t.value(0, AttentionStatsTable::Layer), 0.0);
        QCOMPARE(t.value(0, AttentionStatsTable::Head), 0.0);
        QCOMPARE(t.item(0, AttentionStatsTable::Previous)->text(), QStringLiteral("1.000"));
        t.sortByColumn(AttentionStatsTable::Entropy, Qt::DescendingOrder);
        for (int r = 0; r + 1 < t.rowCount(); ++r)
            QVERIFY(t.value(r, AttentionStatsTable::Entropy) >= t.value(r + 1, AttentionStatsTable::Entropy));
        QCOMPARE(t.value(3, AttentionStatsTable::Entropy), 0.0); // the previous-token head is the most focused
        QSignalSpy activated(&t, &AttentionStatsTable::headActivated);
        QTest::mouseClick(t.viewport(), Qt::LeftButton, {}, t.visualItemRect(t.item(3, 0)).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toInt(), 0); // the row's head, wherever sorting put it
        QCOMPARE(activated.first().at(1).toInt(), 0);
    }

    void tokensAreEscaped()
    {
        QCOMPARE(displayToken(QStringLiteral(" a\n\t")), QStringLiteral("␣a↵⇥"));
        QCOMPARE(displayToken(QString()), QStringLiteral("∅"));
        QCOMPARE(displayToken(QStringLiteral("\x01")), QStringLiteral("\\x01"));
    }

    void jsonIsTheCliDocument()
    {
        const auto s = makeSnapshot(2, 2, 5);
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(attentionJson(s))).object();
        QCOMPARE(o.value("n_layer").toInt(), 2);
        QCOMPARE(o.value("n_head").toInt(), 2);
        QCOMPARE(o.value("tokens").toArray().at(1).toString(), QStringLiteral(" cat"));
        QCOMPARE(o.value("ids").toArray().size(), 5);
        const auto rows = o.value("attention").toArray().at(1).toArray().at(0).toArray();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(float(rows.at(3).toArray().at(2).toDouble()), s.at(1, 0, 3, 2));

        QTemporaryDir dir;
        AttentionExplorer e;
        QVERIFY(!e.exportJson(dir.filePath("none.json"))); // nothing to export yet
        e.showSnapshot(s);
        QVERIFY(e.exportJson(dir.filePath("a.json")));
        QFile f(dir.filePath("a.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed(), QByteArray::fromStdString(attentionJson(s)));
        QVERIFY(e.exportPng(dir.filePath("a.png")));
        QVERIFY(!QImage(dir.filePath("a.png")).isNull());
    }

    void lstmRunShowsANote()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("checkpoints/step-5");
        QFile cfg(dir.filePath("config.json"));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(R"({"model": {"arch": "lstm", "n_layer": 2}})");
        cfg.close();
        QFile w(dir.filePath("checkpoints/step-5/model.safetensors"));
        QVERIFY(w.open(QIODevice::WriteOnly));
        w.close();
        AttentionExplorer e;
        QSignalSpy requests(&e, &AttentionExplorer::computeRequested);
        e.setPrompt("hello");
        e.openRun(dir.path());
        QVERIFY(e.isShowingNote());
        QVERIFY2(e.note().contains("LSTM") && e.note().contains("no attention"), qPrintable(e.note()));
        QCOMPARE(requests.size(), 0);
    }

    void draggedSliderKeepsOneRequestInFlight()
    {
        QTemporaryDir dir;
        for (int step : {10, 20, 30}) {
            const QString d = QStringLiteral("checkpoints/step-%1").arg(step);
            QDir(dir.path()).mkpath(d);
            QFile w(dir.filePath(d + "/model.safetensors"));
            QVERIFY(w.open(QIODevice::WriteOnly));
        }
        AttentionExplorer e;
        QSignalSpy requests(&e, &AttentionExplorer::computeRequested);
        e.setPrompt("abc");
        e.openRun(dir.path());
        QCOMPARE(e.checkpoints().size(), 3);
        QCOMPARE(requests.size(), 1);
        QVERIFY(requests.at(0).at(1).toString().endsWith("step-30")); // the latest first
        e.checkpointSlider()->setValue(1);
        e.checkpointSlider()->setValue(0);
        QCOMPARE(requests.size(), 1); // still computing the first
        auto answer = makeSnapshot(1, 1, 3);
        e.onComputed(requests.at(0).at(0).toInt(), answer);
        QCOMPARE(requests.size(), 2);
        QVERIFY(requests.at(1).at(1).toString().endsWith("step-10")); // only where the slider is now
        e.onComputed(requests.at(0).at(0).toInt(), answer); // a stale duplicate is ignored
        QCOMPARE(requests.size(), 2);
    }
};

QTEST_MAIN(TestAttentionViews)
#include "tst_attentionviews.moc"
