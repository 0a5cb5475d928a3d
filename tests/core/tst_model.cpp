// ctest-labels: torch
// GPT and LSTM: causality, attention probabilities against a hand computation from Q and
// K, the KV cache against the uncached forward, fused against explicit attention,
// parameter counts, and losses that fall on a small corpus.

#include "model/languagemodel.h"
#include "model/network_p.h"

#include <QtTest>

#include <cmath>

using namespace lmwb::core;

namespace {

ModelConfig tinyGpt(int vocab = 11)
{
    ModelConfig c;
    c.nLayer = 2;
    c.nHead = 2;
    c.nEmbd = 16;
    c.blockSize = 12;
    c.vocabSize = vocab;
    return c;
}

torch::Tensor ids(std::vector<int64_t> v) { return torch::tensor(v, torch::kLong).unsqueeze(0); }

} // namespace

class TestModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { torch::set_num_threads(1); }

    void gpt2ParameterNames()
    {
        auto net = Network::create(tinyGpt(), 1);
        QStringList names;
        for (auto &[n, p] : net->namedParameters())
            names << QString::fromStdString(n);
        const QStringList expected = {"wte.weight",          "wpe.weight",          "h.0.ln_1.weight",
                                      "h.0.attn.c_attn.weight", "h.0.attn.c_proj.weight", "h.0.ln_2.weight",
                                      "h.0.mlp.c_fc.weight", "h.0.mlp.c_proj.weight"};
        for (const auto &e : expected)
            QVERIFY2(names.contains(e), qPrintable(e + " missing from " + names.join(',')));
        QVERIFY(!names.contains("lm_head.weight")); // tied to wte
        QVERIFY(names.contains("ln_f.weight"));
        QVERIFY(!names.contains("ln_f.bias")); // bias: false
    }

    void parameterCountMatchesTheFormula()
    {
        // nanoGPT CPU config: 4 layers, 4 heads, 128 wide, block 64, 65 characters, no bias.
        ModelConfig c;
        c.vocabSize = 65;
        auto net = Network::create(c, 1);
        const int64_t C = 128, L = 4;
        const int64_t perBlock = 2 * C + 3 * C * C + C * C + 4 * C * C + 4 * C * C;
        const int64_t expected = 65 * C + 64 * C + L * perBlock + C;
        QCOMPARE(net->parameterCount(), expected);
        QCOMPARE(net->parameterCount(false), expected - 64 * C); // nanoGPT reports 0.80M
        QCOMPARE(net->parameterCount(false), int64_t(795904));
    }

    void initialisationFollowsGpt2()
    {
        ModelConfig c = tinyGpt(50);
        c.nEmbd = 64;
        c.nLayer = 8;
        auto net = Network::create(c, 3);
        auto &g = *net->gpt;
        QVERIFY(std::abs(g.wte->weight.std().item<double>() - 0.02) < 0.002);
        auto proj = g.h->ptr<BlockImpl>(0)->mlp->c_proj->weight;
        QVERIFY(std::abs(proj.std().item<double>() - 0.02 / std::sqrt(16.0)) < 0.001);
        QCOMPARE(g.ln_f->weight.sum().item<double>(), 64.0);
        // same seed, same weights
        auto again = Network::create(c, 3);
        QVERIFY(torch::equal(again->gpt->wte->weight, g.wte->weight));
    }

    void causality_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addRow("gpt") << "gpt";
        QTest::addRow("lstm") << "lstm";
    }
    void causality()
    {
        QFETCH(QString, arch);
        ModelConfig c = tinyGpt();
        c.arch = arch == "lstm" ? Arch::Lstm : Arch::Gpt;
        auto net = Network::create(c, 5);
        torch::NoGradGuard ng;
        net->module().eval();
        auto a = net->forward(ids({1, 2, 3, 4, 5, 6, 7, 8}));
        for (int t = 0; t < 7; ++t) {
            std::vector<int64_t> changed = {1, 2, 3, 4, 5, 6, 7, 8};
            changed[t + 1] = 10; // change token t+1
            auto b = net->forward(ids(changed));
            QVERIFY2(torch::equal(a.slice(1, 0, t + 1), b.slice(1, 0, t + 1)),
                     qPrintable(QString("positions <= %1 changed").arg(t)));
            QVERIFY(!torch::allclose(a.slice(1, t + 1, t + 2), b.slice(1, t + 1, t + 2)));
        }
    }

    void attentionEqualsAHandComputation()
    {
        auto net = Network::create(tinyGpt(), 7);
        torch::NoGradGuard ng;
        net->module().eval();
        auto x = ids({3, 1, 4, 1, 5, 9, 2});
        std::vector<torch::Tensor> probs;
        net->forward(x, &probs);
        QCOMPARE(int(probs.size()), 2);
        // Layer 0 by hand: the residual stream entering block 0 is wte + wpe.
        auto &g = *net->gpt;
        const int64_t T = 7, C = 16, nh = 2, hs = 8;
        auto h0 = g.wte->weight.index_select(0, x[0]) + g.wpe->weight.slice(0, 0, T); // (T, C)
        auto blk = g.h->ptr<BlockImpl>(0);
        auto ln = torch::layer_norm(h0, {C}, blk->ln_1->weight, {}, 1e-5);
        auto qkv = torch::matmul(ln, blk->attn->c_attn->weight.t()); // (T, 3C)
        for (int64_t head = 0; head < nh; ++head) {
            auto q = qkv.slice(1, head * hs, (head + 1) * hs);
            auto k = qkv.slice(1, C + head * hs, C + (head + 1) * hs);
            for (int64_t i = 0; i < T; ++i) {
                // softmax over j <= i of q_i . k_j / sqrt(hs), written out
                std::vector<double> s(i + 1);
                double mx = -1e30;
                for (int64_t j = 0; j <= i; ++j) {
                    s[j] = (q[i] * k[j]).sum().item<double>() / std::sqrt(double(hs));
                    mx = std::max(mx, s[j]);
                }
                double z = 0;
                for (auto &v : s)
                    z += (v = std::exp(v - mx));
                for (int64_t j = 0; j < T; ++j) {
                    const double expected = j <= i ? s[j] / z : 0.0;
                    const double got = probs[0][0][head][i][j].item<double>();
                    QVERIFY2(std::abs(got - expected) < 1e-5,
                             qPrintable(QString("head %1 row %2 col %3: %4 vs %5").arg(head).arg(i).arg(j).arg(got).arg(expected)));
                }
            }
        }
    }

    void attentionRowsAreDistributions()
    {
        auto m = LanguageModel::create(tinyGpt(), 9);
        QVERIFY(m.ok());
        auto att = m->attention({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        QVERIFY(att.ok());
        QCOMPARE(att->nLayer, 2);
        QCOMPARE(att->nHead, 2);
        for (int l = 0; l < 2; ++l)
            for (int h = 0; h < 2; ++h)
                for (int64_t q = 0; q < att->T; ++q) {
                    double sum = 0;
                    for (int64_t k = 0; k < att->T; ++k) {
                        if (k > q)
                            QCOMPARE(att->at(l, h, q, k), 0.0f);
                        sum += att->at(l, h, q, k);
                    }
                    QVERIFY(std::abs(sum - 1.0) < 1e-5);
                }
        // changing a later token leaves earlier rows unchanged
        auto other = m->attention({1, 2, 3, 4, 5, 6, 7, 8, 9, 0});
        for (int64_t q = 0; q < 9; ++q)
            for (int64_t k = 0; k <= q; ++k)
                QCOMPARE(other->at(1, 1, q, k), att->at(1, 1, q, k));
    }

    void fusedEqualsExplicit()
    {
        ModelConfig a = tinyGpt();
        a.attention = "explicit";
        ModelConfig b = a;
        b.attention = "fused";
        auto na = Network::create(a, 11), nb = Network::create(b, 11);
        torch::NoGradGuard ng;
        auto x = ids({1, 2, 3, 4, 5, 6});
        QVERIFY(torch::allclose(na->forward(x), nb->forward(x), 1e-5, 1e-6));
    }

    void kvCacheEqualsUncached()
    {
        auto net = Network::create(tinyGpt(), 13);
        torch::NoGradGuard ng;
        net->module().eval();
        std::vector<int64_t> seq = {4, 8, 1, 5, 10, 9, 7, 3};
        auto full = net->forward(ids(seq));
        KVCache cache;
        auto pre = net->forward(ids({seq.begin(), seq.begin() + 3}), nullptr, &cache);
        QVERIFY(torch::allclose(pre, full.slice(1, 0, 3), 1e-5, 1e-6));
        for (std::size_t t = 3; t < seq.size(); ++t) {
            auto step = net->forward(ids({seq[t]}), nullptr, &cache);
            QVERIFY(torch::allclose(step.squeeze(1), full.select(1, t), 1e-4, 1e-5));
        }
        QCOMPARE(cache.length(), int64_t(seq.size()));
    }

    void tooLongInputIsAnError()
    {
        auto m = LanguageModel::create(tinyGpt(), 1);
        auto r = m->logits(std::vector<int32_t>(13, 1));
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error()).contains("context of 12"));
        QVERIFY(!m->logits({99}).ok());
        QVERIFY(!m->logits({}).ok());
    }

    void lossFalls_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addRow("gpt") << "gpt";
        QTest::addRow("lstm") << "lstm";
    }
    void lossFalls()
    {
        // A repeating pattern is learnable by both in a few dozen steps.
        QFETCH(QString, arch);
        ModelConfig c = tinyGpt(8);
        c.arch = arch == "lstm" ? Arch::Lstm : Arch::Gpt;
        c.nEmbd = 32;
        auto net = Network::create(c, 21);
        torch::optim::AdamW opt(net->module().parameters(), torch::optim::AdamWOptions(3e-3));
        std::vector<int64_t> pattern;
        for (int i = 0; i < 13; ++i)
            for (int k : {0, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1})
                pattern.push_back(k);
        auto data = torch::tensor(pattern, torch::kLong);
        double first = 0, last = 0;
        for (int step = 0; step < 60; ++step) {
            std::vector<torch::Tensor> xs, ys;
            for (int b = 0; b < 8; ++b) {
                const int64_t s = (step * 7 + b * 5) % (data.size(0) - 13);
                xs.push_back(data.slice(0, s, s + 12));
                ys.push_back(data.slice(0, s + 1, s + 13));
            }
            auto logits = net->forward(torch::stack(xs));
            auto loss = torch::nn::functional::cross_entropy(logits.view({-1, 8}), torch::stack(ys).view({-1}));
            opt.zero_grad();
            loss.backward();
            opt.step();
            if (step == 0)
                first = loss.item<double>();
            last = loss.item<double>();
        }
        QVERIFY2(first > 1.8, qPrintable(QString::number(first))); // ~ln 8 = 2.08 at the start
        QVERIFY2(last < first * 0.5, qPrintable(QString("%1 -> %2").arg(first).arg(last)));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
