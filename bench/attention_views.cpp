// The Attention tab at GPT-2 small's shape: a 12-layer x 12-head model (n_embd 768,
// random init) on a 256-token prompt. Times, as medians over repeats:
//   forward   one plain forward pass (the reference in the same run: figures on a loaded
//             machine are only meaningful as ratios to it)
//   compute   the attention capture of every layer and head, into a snapshot
//   draw      every view of the explorer made and painted: the 144-tile grid, the heatmap,
//             the head view with all 12 heads, the statistics table
// and the responsiveness of the window while the capture runs on a worker thread: the
// largest gap between 5 ms timer ticks on the GUI thread.
//
//   QT_QPA_PLATFORM=offscreen lmwb-bench-attention [REPEATS]

#include "attentionexplorer.h"
#include "attentiongrid.h"
#include "attentionheadview.h"
#include "attentionheatmap.h"
#include "attentionstatstable.h"
#include "session/attentioncapture.h"

#include "engine/runtime.h"
#include "model/languagemodel.h"
#include "tokenizer/chartokenizer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lmwb;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : (v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]));
}

template <typename F>
double timeMs(F f)
{
    QElapsedTimer t;
    t.start();
    f();
    return t.nsecsElapsed() / 1e6;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    std::string text;
    const std::string line = "To be, or not to be, that is the question: whether 'tis nobler in the mind to suffer\n";
    while (text.size() < 256)
        text += line;
    text.resize(256);
    auto tok = core::CharTokenizer::train(text);
    core::ModelConfig c;
    c.nLayer = 12;
    c.nHead = 12;
    c.nEmbd = 768;
    c.blockSize = 256;
    c.vocabSize = (*tok)->vocabSize();
    auto model = core::LanguageModel::create(c, 1, *tok);
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().c_str());
        return 1;
    }
    const auto ids = (*tok)->encode(text)->ids;

    widgets::AttentionExplorer explorer;
    explorer.resize(1400, 900);
    explorer.show();
    widgets::AttentionSnapshot s;
    std::vector<double> forward, compute, draw, grid, heatmap, headview, stats, fill;
    for (int r = 0; r < repeats + 1; ++r) { // the first round warms up
        const double f = timeMs([&] { (void)model->logits(ids); });
        const double cpt = timeMs([&] { s = app::captureAttention(*model, text, 0); });
        double g = 0, h = 0, hv = 0, st = 0, fl = 0;
        const double d = timeMs([&] {
            fl = timeMs([&] { explorer.showSnapshot(s); }); // renders the tiles, fills the heatmap, the table
            explorer.setView(widgets::AttentionExplorer::GridView);
            g = timeMs([&] { explorer.grid()->grab(); });
            explorer.openHead(5, 7);
            h = timeMs([&] { explorer.heatmap()->grab(); });
            explorer.setView(widgets::AttentionExplorer::HeadView);
            hv = timeMs([&] { explorer.headView()->grab(); });
            explorer.setView(widgets::AttentionExplorer::StatsView);
            st = timeMs([&] { explorer.statsTable()->grab(); });
        });
        if (r == 0)
            continue;
        forward.push_back(f);
        compute.push_back(cpt);
        draw.push_back(d);
        grid.push_back(g);
        heatmap.push_back(h);
        headview.push_back(hv);
        stats.push_back(st);
        fill.push_back(fl);
    }
    if (!s.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error));
        return 1;
    }

    // Responsiveness: the capture on a worker thread while the GUI thread ticks.
    double maxGap = 0;
    {
        QThread worker;
        worker.start();
        QObject ctx;
        ctx.moveToThread(&worker);
        bool done = false;
        QElapsedTimer since;
        since.start();
        QTimer tick;
        tick.setInterval(5);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            maxGap = std::max(maxGap, since.nsecsElapsed() / 1e6);
            since.restart();
        });
        tick.start();
        QMetaObject::invokeMethod(&ctx, [&] {
            for (int i = 0; i < repeats; ++i)
                (void)app::captureAttention(*model, text, 0);
            QMetaObject::invokeMethod(&app, [&] { done = true; }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
        while (!done)
            app.processEvents(QEventLoop::WaitForMoreEvents);
        tick.stop();
        worker.quit();
        worker.wait();
    }

    const double total = median(compute) + median(draw);
    std::printf("attention views, 12 layers x 12 heads, n_embd 768, 256 tokens, %d repeats, %d torch threads\n",
                repeats, core::threadCount());
    std::printf("  forward (reference)  %8.1f ms\n", median(forward));
    std::printf("  compute              %8.1f ms  (%.2fx forward)\n", median(compute), median(compute) / median(forward));
    std::printf("  draw all views       %8.1f ms  (%.2fx forward)\n", median(draw), median(draw) / median(forward));
    std::printf("    snapshot into the views %.1f ms; paint: grid %.1f ms, heatmap %.1f ms, head view %.1f ms, "
                "table %.1f ms\n",
                median(fill), median(grid), median(heatmap), median(headview), median(stats));
    std::printf("  compute + draw       %8.1f ms  (%.2fx forward)\n", total, total / median(forward));
    std::printf("  GUI thread's longest gap between 5 ms ticks while the worker computes: %.1f ms\n", maxGap);
    return 0;
}
