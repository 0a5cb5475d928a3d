// ctest-labels: torch
// Attention capture for the Attention tab: LanguageModel::attention equals softmax(QK^T)
// computed by hand from c_attn's weights (with biases, every layer), rows are
// distributions, the future is masked, a later token leaves earlier rows alone, and
// probing the trainer's live model between steps leaves the run exactly as unprobed.

#include "model/languagemodel.h"
#include "model/network_p.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lmwb::core;

namespace {

ModelConfig tinyGpt()
{
    ModelConfig c;
    c.nLayer = 2;
    c.nHead = 3;
    c.nEmbd = 24;
    c.blockSize = 10;
    c.vocabSize = 13;
    c.bias = true;
    c.attention = "fused"; // the capture must take the explicit path whatever the setting
    return c;
}

RunConfig tinyRun()
{
    RunConfig c;
    c.data.format = "synthetic";
    c.data.syntheticExamples = 2000;
    c.model.nLayer = 2;
    c.model.nHead = 2;
    c.model.nEmbd = 32;
    c.model.blockSize = 16;
    c.model.dropout = 0.1; // the probe must not draw from the dropout RNG
    c.training.maxSteps = 12;
    c.training.batchSize = 4;
    c.training.evalInterval = 6;
    c.training.evalSteps = 2;
    c.training.checkpointInterval = 1000;
    c.training.warmupSteps = 2;
    c.training.lrDecaySteps = 12;
    c.training.threads = 1;
    return c;
}

std::vector<std::string> lossLines(const std::string &run)
{
    // metrics.jsonl without the timings, which differ between runs
    std::vector<std::string> out;
    std::ifstream in(run + "/metrics.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        for (const char *timing : {"ms_per_step", "tokens_per_second", "wall_seconds", "elapsed_seconds"})
            j.erase(timing);
        out.push_back(j.dump());
    }
    return out;
}

} // namespace

class TestAttention : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { torch::set_num_threads(1); }

    void probabilitiesEqualAHandReferenceFromQK()
    {
        auto m = LanguageModel::create(tinyGpt(), 5);
        QVERIFY(m.ok());
        const std::vector<int32_t> prompt = {3, 1, 4, 1, 5, 9, 2, 6};
        auto att = m->attention(prompt);
        QVERIFY2(att.ok(), att.ok() ? "" : att.error().c_str());
        QCOMPARE(att->nLayer, 2);
        QCOMPARE(att->nHead, 3);
        QCOMPARE(att->T, int64_t(8));

        torch::NoGradGuard ng;
        auto &g = *m->network()->gpt;
        const int64_t T = 8, C = 24, nh = 3, hs = 8;
        auto idx = torch::tensor(std::vector<int64_t>(prompt.begin(), prompt.end()), torch::kLong);
        auto x = g.wte->weight.index_select(0, idx) + g.wpe->weight.slice(0, 0, T); // (T, C)
        auto future = torch::ones({T, T}, torch::kBool).triu(1);
        for (int layer = 0; layer < 2; ++layer) {
            auto blk = g.h->ptr<BlockImpl>(layer);
            auto ln = torch::layer_norm(x, {C}, blk->ln_1->weight, blk->ln_1->bias, 1e-5);
            auto qkv = torch::matmul(ln, blk->attn->c_attn->weight.t()) + blk->attn->c_attn->bias; // (T, 3C)
            for (int64_t head = 0; head < nh; ++head) {
                auto q = qkv.slice(1, head * hs, (head + 1) * hs);              // (T, hs)
                auto k = qkv.slice(1, C + head * hs, C + (head + 1) * hs);      // (T, hs)
                auto scores = torch::matmul(q, k.t()) / std::sqrt(double(hs)); // (T, T)
                auto ref = torch::softmax(scores.masked_fill(future, -INFINITY), 1);
                for (int64_t i = 0; i < T; ++i)
                    for (int64_t j = 0; j < T; ++j) {
                        const double want = ref[i][j].item<double>();
                        const double got = att->at(layer, int(head), i, j);
                        QVERIFY2(std::abs(got - want) < 1e-5, qPrintable(QString("layer %1 head %2 (%3,%4): %5 vs %6")
                                                                            .arg(layer).arg(head).arg(i).arg(j)
                                                                            .arg(got).arg(want)));
                    }
            }
            x = blk->forward(x.unsqueeze(0), nullptr, nullptr).squeeze(0); // into the next layer
        }
    }

    void rowsAreCausalDistributions()
    {
        auto m = LanguageModel::create(tinyGpt(), 8);
        QVERIFY(m.ok());
        const std::vector<int32_t> a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        auto att = m->attention(a);
        QVERIFY(att.ok());
        for (int l = 0; l < att->nLayer; ++l)
            for (int h = 0; h < att->nHead; ++h)
                for (int64_t q = 0; q < att->T; ++q) {
                    double sum = 0;
                    for (int64_t k = 0; k < att->T; ++k) {
                        if (k > q)
                            QCOMPARE(att->at(l, h, q, k), 0.0f);
                        sum += att->at(l, h, q, k);
                    }
                    QVERIFY2(std::abs(sum - 1.0) < 1e-5, qPrintable(QString("row %1 sums to %2").arg(q).arg(sum)));
                }
        for (std::size_t t = 1; t < a.size(); ++t) {
            auto b = a;
            b[t] = 12; // change token t: rows < t stay, row t moves
            auto other = m->attention(b);
            QVERIFY(other.ok());
            bool rowTMoved = false;
            for (int l = 0; l < att->nLayer; ++l)
                for (int h = 0; h < att->nHead; ++h) {
                    for (int64_t q = 0; q < int64_t(t); ++q)
                        for (int64_t k = 0; k <= q; ++k)
                            QCOMPARE(other->at(l, h, q, k), att->at(l, h, q, k));
                    for (int64_t k = 0; k <= int64_t(t); ++k)
                        rowTMoved |= other->at(l, h, t, k) != att->at(l, h, t, k);
                }
            QVERIFY(rowTMoved);
        }
    }

    void refusesWhatItCannotShow()
    {
        auto m = LanguageModel::create(tinyGpt(), 1);
        QVERIFY(m.ok());
        auto tooLong = m->attention(std::vector<int32_t>(11, 1));
        QVERIFY(!tooLong.ok());
        QVERIFY(QString::fromStdString(tooLong.error()).contains("context of 10"));
        ModelConfig lstm = tinyGpt();
        lstm.arch = Arch::Lstm;
        auto l = LanguageModel::create(lstm, 1);
        QVERIFY(l.ok());
        auto none = l->attention({1, 2});
        QVERIFY(!none.ok());
        QVERIFY(QString::fromStdString(none.error()).contains("LSTM"));
    }

    void probingTheLiveModelLeavesTrainingUnchanged()
    {
        QTemporaryDir dir;
        const std::string plain = dir.filePath("plain").toStdString(), probed = dir.filePath("probed").toStdString();
        // One after the other: the trainer seeds torch's global generator when it is made.
        auto a = Trainer::create(tinyRun(), plain);
        QVERIFY(a.ok());
        QVERIFY((*a)->run({}).ok());
        auto b = Trainer::create(tinyRun(), probed);
        QVERIFY(b.ok());
        const std::vector<int32_t> probe = {1, 2, 3, 4, 5};
        std::vector<float> first, last;
        while (!(*b)->finished()) {
            QVERIFY((*b)->advance({}).ok());
            auto att = (*b)->model().attention(probe); // between two steps, as the Session does
            QVERIFY(att.ok());
            if (first.empty())
                first = att->values;
            last = att->values;
        }
        const auto p = lossLines(probed), q = lossLines(plain);
        QCOMPARE(p.size(), q.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            QCOMPARE(QString::fromStdString(p[i]), QString::fromStdString(q[i]));
        QVERIFY(first != last); // the probe saw the model change
    }
};

QTEST_GUILESS_MAIN(TestAttention)
#include "tst_attention.moc"
