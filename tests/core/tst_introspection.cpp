// ctest-labels: torch
// The teaching introspection: the blocks of the diagram own every parameter exactly once
// (they sum to the model's count) and report the shapes of the prompt's activations; the
// step-by-step forward pass gives the model's own output; the attention row recomputed from
// the weights equals the captured one; the logit lens at the last layer is the model's own
// next-token distribution.

#include "model/introspection.h"
#include "model/network_p.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using namespace lmwb::core;

namespace {

ModelConfig config(Arch arch, int layers, int heads, int width, bool bias, int vocab = 13, int block = 16)
{
    ModelConfig c;
    c.arch = arch;
    c.nLayer = layers;
    c.nHead = heads;
    c.nEmbd = width;
    c.blockSize = block;
    c.bias = bias;
    c.vocabSize = vocab;
    return c;
}

// Random init gives almost uniform attention; sharpen it so a wrong step would show.
void sharpen(const LanguageModel &m)
{
    torch::NoGradGuard g;
    for (auto &[name, p] : m.network()->namedParameters())
        if (name.find("c_attn.weight") != std::string::npos)
            p.mul_(60.0);
}

std::vector<float> softmax(std::vector<float> v)
{
    const float mx = *std::max_element(v.begin(), v.end());
    double sum = 0;
    for (auto &x : v)
        sum += (x = std::exp(x - mx));
    for (auto &x : v)
        x = static_cast<float>(x / sum);
    return v;
}

const BlockInfo *block(const ModelAnatomy &a, const std::string &name)
{
    for (const auto &b : a.blocks)
        if (b.name == name)
            return &b;
    return nullptr;
}

const std::vector<int32_t> kPrompt = {1, 5, 2, 7, 3, 3, 9};

} // namespace

Q_DECLARE_METATYPE(lmwb::core::ModelConfig)

class TestIntrospection : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { torch::set_num_threads(1); }

    void blocksSumToTheModel_data()
    {
        QTest::addColumn<ModelConfig>("cfg");
        QTest::newRow("gpt 1x1x8") << config(Arch::Gpt, 1, 1, 8, false);
        QTest::newRow("gpt 2x2x16 bias") << config(Arch::Gpt, 2, 2, 16, true);
        QTest::newRow("gpt 3x4x32") << config(Arch::Gpt, 3, 4, 32, false, 65, 24);
        QTest::newRow("lstm 1x16") << config(Arch::Lstm, 1, 1, 16, false);
        QTest::newRow("lstm 2x24 bias") << config(Arch::Lstm, 2, 1, 24, true);
    }

    void blocksSumToTheModel()
    {
        QFETCH(ModelConfig, cfg);
        auto m = LanguageModel::create(cfg, 3);
        QVERIFY2(m, m ? "" : m.error().c_str());
        auto a = inspectModel(*m, kPrompt, 4);
        QVERIFY2(a, a ? "" : a.error().c_str());
        const int64_t T = static_cast<int64_t>(kPrompt.size()), C = cfg.nEmbd, V = cfg.vocabSize;
        int64_t sum = 0, sumShapes = 0;
        for (const auto &b : a->blocks) {
            sum += b.parameters;
            for (const auto &p : b.params)
                sumShapes += p.numel();
            if (b.parameters > 0) {
                int64_t inHist = 0;
                for (auto n : b.weights.counts)
                    inHist += n;
                QCOMPARE(inHist, b.parameters); // every weight is in the histogram
            }
        }
        QCOMPARE(sum, m->parameterCount());
        QCOMPARE(sumShapes, m->parameterCount());
        QCOMPARE(a->parameterCount, m->parameterCount());

        QVERIFY(block(*a, "wte"));
        QCOMPARE(block(*a, "wte")->params.at(0).shape, (std::vector<int64_t>{V, C}));
        QCOMPARE(block(*a, "lm_head")->activationShape, (std::vector<int64_t>{T, V}));
        QCOMPARE(block(*a, "softmax")->activation.size(), std::size_t(V));
        const int layers = cfg.nLayer;
        if (cfg.arch == Arch::Gpt) {
            // tokens, wte, wpe, embed, 6 per layer, ln_f, lm_head, softmax
            QCOMPARE(int(a->blocks.size()), 4 + 6 * layers + 3);
            QCOMPARE(block(*a, "wpe")->params.at(0).shape, (std::vector<int64_t>{cfg.blockSize, C}));
            for (int l = 0; l < layers; ++l) {
                const std::string p = "h." + std::to_string(l) + ".";
                const auto *att = block(*a, p + "attn");
                QVERIFY(att);
                QCOMPARE(att->params.at(0).name, p + "attn.c_attn.weight");
                QCOMPARE(att->params.at(0).shape, (std::vector<int64_t>{3 * C, C}));
                QCOMPARE(att->parameters, 4 * C * C + (cfg.bias ? 4 * C : 0));
                QCOMPARE(att->activationShape, (std::vector<int64_t>{T, C}));
                QCOMPARE(att->activation.size(), std::size_t(C));
                QCOMPARE(block(*a, p + "mlp")->parameters, 8 * C * C + (cfg.bias ? 5 * C : 0));
                QCOMPARE(block(*a, p + "add_2")->parameters, int64_t(0));
            }
            QCOMPARE(block(*a, "lm_head")->parameters, int64_t(0)); // tied
        } else {
            QCOMPARE(int(a->blocks.size()), 2 + layers + 3);
            for (int l = 0; l < layers; ++l) {
                const auto *b = block(*a, "lstm." + std::to_string(l));
                QVERIFY(b);
                QCOMPARE(b->parameters, 8 * C * C + 8 * C);
                QCOMPARE(b->activationShape, (std::vector<int64_t>{T, C}));
            }
            QCOMPARE(block(*a, "lm_head")->parameters, C * V + V);
        }

        // The step-by-step pass ends where the model's own forward does.
        auto logits = m->logits(kPrompt);
        QVERIFY(logits);
        const auto expected = softmax(logits->row(4));
        const auto &got = block(*a, "softmax")->activation;
        for (int64_t v = 0; v < V; ++v)
            QVERIFY2(std::abs(got[v] - expected[v]) < 1e-5f, qPrintable(QString("token %1").arg(v)));
    }

    void attentionRowFromTheWeights()
    {
        auto m = LanguageModel::create(config(Arch::Gpt, 2, 2, 16, true), 5);
        QVERIFY(m);
        sharpen(*m);
        auto a = inspectModel(*m, kPrompt, 5);
        QVERIFY(a);
        for (int layer = 0; layer < 2; ++layer) {
            for (int head = 0; head < 2; ++head) {
                auto t = traceAttention(*m, kPrompt, layer, head, 5);
                QVERIFY2(t, t ? "" : t.error().c_str());
                QCOMPARE(t->headSize, 8);
                QCOMPARE(t->probs.size(), kPrompt.size());
                QCOMPARE(t->captured.size(), kPrompt.size());
                double maxProb = 0;
                for (std::size_t j = 0; j < kPrompt.size(); ++j) {
                    QVERIFY2(std::abs(t->probs[j] - t->captured[j]) < 1e-5f,
                             qPrintable(QString("layer %1 head %2 key %3: %4 vs %5")
                                            .arg(layer).arg(head).arg(j).arg(t->probs[j]).arg(t->captured[j])));
                    QVERIFY(std::abs(t->scaled[j] - t->scores[j] * t->scale) < 1e-5);
                    if (j > 5) {
                        QVERIFY(std::isinf(t->masked[j]) && t->masked[j] < 0);
                        QCOMPARE(t->probs[j], 0.0f);
                    }
                    maxProb = std::max<double>(maxProb, t->probs[j]);
                }
                QVERIFY2(maxProb > 0.3, qPrintable(QString("sharpened attention should not be uniform: %1").arg(maxProb)));
                // the weighted sum of the values, by hand
                for (int d = 0; d < t->headSize; ++d) {
                    double y = 0;
                    for (std::size_t j = 0; j < kPrompt.size(); ++j)
                        y += t->probs[j] * t->v[j][d];
                    QVERIFY(std::abs(y - t->output[d]) < 1e-5);
                    QVERIFY(std::abs(t->concat[head * 8 + d] - t->output[d]) < 1e-6);
                }
                // Concat(heads) W^O is the attention block's output at this token.
                const auto &attOut = block(*a, "h." + std::to_string(layer) + ".attn")->activation;
                for (int d = 0; d < 16; ++d)
                    QVERIFY(std::abs(attOut[d] - t->projected[d]) < 1e-4);
                const auto &mlpOut = block(*a, "h." + std::to_string(layer) + ".mlp")->activation;
                QCOMPARE(t->mlpHidden.size(), std::size_t(64));
                for (int d = 0; d < 16; ++d)
                    QVERIFY(std::abs(mlpOut[d] - t->mlpOut[d]) < 1e-4);
            }
        }
    }

    void logitLensEndsAtTheModel()
    {
        auto m = LanguageModel::create(config(Arch::Gpt, 3, 2, 16, false), 9);
        QVERIFY(m);
        sharpen(*m);
        auto logits = m->logits(kPrompt);
        QVERIFY(logits);
        for (int pos : {0, 3, 6}) {
            auto lens = logitLens(*m, kPrompt, pos, 4);
            QVERIFY2(lens, lens ? "" : lens.error().c_str());
            QCOMPARE(int(lens->steps.size()), 4); // embeddings + 3 layers
            QCOMPARE(lens->steps.front().name, std::string("embeddings"));
            const auto expected = softmax(logits->row(pos));
            const auto &last = lens->steps.back();
            for (std::size_t v = 0; v < expected.size(); ++v)
                QVERIFY(std::abs(last.probs[v] - expected[v]) < 1e-5f);
            const auto best = std::max_element(expected.begin(), expected.end()) - expected.begin();
            QCOMPARE(last.topIds.at(0), int32_t(best));
            QCOMPARE(last.topIds.size(), std::size_t(4));
            QVERIFY(last.topProbs[0] >= last.topProbs[1]);
            // an earlier layer reads a different distribution (the check can fail)
            double diff = 0;
            for (std::size_t v = 0; v < expected.size(); ++v)
                diff += std::abs(lens->steps[0].probs[v] - expected[v]);
            QVERIFY(diff > 1e-3);
        }
    }

    void badRequestsAreNamed()
    {
        auto m = LanguageModel::create(config(Arch::Gpt, 1, 2, 8, false), 1);
        QVERIFY(m);
        QVERIFY(QString::fromStdString(traceAttention(*m, kPrompt, 3, 0, 0).error()).contains("layer 3"));
        QVERIFY(QString::fromStdString(traceAttention(*m, kPrompt, 0, 2, 0).error()).contains("head 2"));
        QVERIFY(QString::fromStdString(traceAttention(*m, kPrompt, 0, 0, 7).error()).contains("token 7"));
        QVERIFY(QString::fromStdString(inspectModel(*m, {}, 0).error()).contains("no tokens"));
        QVERIFY(QString::fromStdString(inspectModel(*m, {99}, 0).error()).contains("99"));
        QVERIFY(!logitLens(*m, kPrompt, 0, 0));
        auto lstm = LanguageModel::create(config(Arch::Lstm, 1, 1, 8, false), 1);
        QVERIFY(lstm);
        QVERIFY(QString::fromStdString(logitLens(*lstm, kPrompt, 0).error()).contains("LSTM"));
        QVERIFY(QString::fromStdString(traceAttention(*lstm, kPrompt, 0, 0, 0).error()).contains("LSTM"));
    }
};

QTEST_GUILESS_MAIN(TestIntrospection)
#include "tst_introspection.moc"
