// ctest-labels: torch
// Generation on a tiny GPT: the same seed gives the same text, temperature 0 follows the
// argmax path of the window policy, the KV-cached path gives the tokens of the uncached
// one under both context policies (also far past block_size), stop strings end the text
// at the right place, the stages are recorded, and bad settings are refused by name.

#include "engine/generator.h"
#include "model/languagemodel.h"
#include "tokenizer/chartokenizer.h"

#include <QtTest>

#include <algorithm>

using namespace lmwb::core;

Q_DECLARE_METATYPE(lmwb::core::ContextPolicy)

namespace {

constexpr int kBlock = 16;

LanguageModel tinyModel(uint64_t seed = 7)
{
    auto tok = CharTokenizer::train("abcdefghij klmnop\n");
    ModelConfig c;
    c.nLayer = 2;
    c.nHead = 2;
    c.nEmbd = 32;
    c.blockSize = kBlock;
    c.vocabSize = (*tok)->vocabSize();
    auto m = LanguageModel::create(c, seed, *tok);
    return std::move(*m);
}

std::vector<int32_t> idsOf(const GenerationResult &r)
{
    std::vector<int32_t> v;
    for (const auto &t : r.tokens)
        v.push_back(t.id);
    return v;
}

int32_t argmax(const std::vector<float> &row)
{
    return static_cast<int32_t>(std::max_element(row.begin(), row.end()) - row.begin());
}

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameText()
    {
        auto m = tinyModel();
        GenerationSettings g;
        g.maxNewTokens = 60;
        g.sampler.temperature = 0.9f;
        auto a = generate(m, "abc", g), b = generate(m, "abc", g);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->text, b->text);
        QCOMPARE(a->tokens.size(), std::size_t(60));
        g.seed = 4242;
        auto c = generate(m, "abc", g);
        QVERIFY(c->text != a->text);
    }

    void bf16FollowsTheFp32Distribution()
    {
        // Generation on the bf16 copy: every token's model probability is fp32's for the same
        // context up to bf16 rounding, and the model's own (fp32) weights are untouched.
        auto m = tinyModel(5);
        auto before = m.logits({1, 2, 3});
        QVERIFY(before.ok());
        GenerationSettings g;
        g.maxNewTokens = 12; // prompt + 12 stays inside the context of 16
        g.sampler.temperature = 1.0f;
        g.precision = GenerationPrecision::Bf16;
        auto r = generate(m, "abc", g);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
        QCOMPARE(r->tokens.size(), std::size_t(12));
        std::vector<int32_t> context = r->promptIds;
        for (const auto &t : r->tokens) {
            auto l = m.logits(context);
            QVERIFY(l.ok());
            const auto row = l->row(l->T - 1);
            const float mx = *std::max_element(row.begin(), row.end());
            double z = 0;
            for (float v : row)
                z += std::exp(v - mx);
            const double p = std::exp(row[static_cast<std::size_t>(t.id)] - mx) / z;
            QVERIFY2(std::abs(p - t.rawProb) < 0.02, qPrintable(QString("fp32 %1, bf16 %2").arg(p).arg(t.rawProb)));
            context.push_back(t.id);
        }
        auto after = m.logits({1, 2, 3});
        QCOMPARE(after->values, before->values);
    }

    void greedyFollowsTheArgmaxPath_data()
    {
        QTest::addColumn<ContextPolicy>("policy");
        QTest::addColumn<int>("keep");
        QTest::addRow("shift, keep block/2") << ContextPolicy::Shift << 0;
        QTest::addRow("shift, keep 5") << ContextPolicy::Shift << 5;
        QTest::addRow("crop") << ContextPolicy::Crop << 0;
    }
    void greedyFollowsTheArgmaxPath()
    {
        QFETCH(ContextPolicy, policy);
        QFETCH(int, keep);
        auto m = tinyModel();
        GenerationSettings g;
        g.maxNewTokens = 3 * kBlock;
        g.sampler.temperature = 0.0f;
        g.context = policy;
        g.keepTokens = keep;
        for (bool cache : {false, true}) {
            g.useCache = cache;
            auto r = generate(m, "ab", g);
            QVERIFY(r.ok());
            // Replays the policy of generator.h by hand with full forward passes.
            std::vector<int32_t> ctx = r->promptIds;
            const std::size_t keepN = keep > 0 ? keep : kBlock / 2;
            std::size_t start = 0;
            for (const auto &tok : r->tokens) {
                if (policy == ContextPolicy::Crop)
                    start = ctx.size() > kBlock ? ctx.size() - kBlock : 0;
                else if (ctx.size() - start > kBlock)
                    start = ctx.size() - keepN;
                auto l = m.logits({ctx.begin() + static_cast<std::ptrdiff_t>(start), ctx.end()});
                QVERIFY(l.ok());
                QCOMPARE(tok.id, argmax(l->row(l->T - 1)));
                QCOMPARE(tok.prob, 1.0f);
                ctx.push_back(tok.id);
            }
        }
    }

    void cachedEqualsUncached_data()
    {
        QTest::addColumn<ContextPolicy>("policy");
        QTest::addColumn<int>("keep");
        QTest::addColumn<float>("temperature");
        QTest::addRow("shift, keep block/2, T 0.8") << ContextPolicy::Shift << 0 << 0.8f;
        QTest::addRow("shift, keep 1, T 1") << ContextPolicy::Shift << 1 << 1.0f;
        QTest::addRow("shift, keep 15, T 1.2") << ContextPolicy::Shift << 15 << 1.2f;
        QTest::addRow("shift, greedy") << ContextPolicy::Shift << 0 << 0.0f;
        QTest::addRow("crop, T 0.8") << ContextPolicy::Crop << 0 << 0.8f;
    }
    void cachedEqualsUncached()
    {
        QFETCH(ContextPolicy, policy);
        QFETCH(int, keep);
        QFETCH(float, temperature);
        auto m = tinyModel(11);
        GenerationSettings g;
        g.maxNewTokens = 6 * kBlock; // far past the context: several shifts
        g.sampler.temperature = temperature;
        g.sampler.topK = 8;
        g.context = policy;
        g.keepTokens = keep;
        g.seed = 5;
        auto cached = generate(m, "abc", g);
        g.useCache = false;
        auto uncached = generate(m, "abc", g);
        QVERIFY(cached.ok() && uncached.ok());
        QCOMPARE(idsOf(*cached), idsOf(*uncached));
        QCOMPARE(cached->text, uncached->text);
        if (policy == ContextPolicy::Shift) {
            QVERIFY(cached->windowShifts > 0);
            QCOMPARE(cached->windowShifts, uncached->windowShifts);
        }
    }

    void shiftAndCropAgreeWithinTheContext()
    {
        // The policies only part ways once the text is longer than block_size.
        auto m = tinyModel(3);
        GenerationSettings g;
        g.maxNewTokens = kBlock - 3;
        g.sampler.temperature = 0.0f;
        auto shift = generate(m, "abc", g);
        g.context = ContextPolicy::Crop;
        auto crop = generate(m, "abc", g);
        QCOMPARE(idsOf(*shift), idsOf(*crop));
        QCOMPARE(shift->windowShifts, 0);
    }

    void stopStringsEndTheTextAtTheRightPlace()
    {
        auto m = tinyModel();
        GenerationSettings g;
        g.maxNewTokens = 80;
        g.sampler.temperature = 1.0f;
        auto free = generate(m, "ab", g);
        QVERIFY(free.ok());
        const std::string cont = free->text.substr(free->prompt.size());
        // A two-character stop string taken from the middle of the free text.
        const std::string stop = cont.substr(20, 2);
        const std::size_t at = cont.find(stop);
        g.stopStrings = {"zz-not-there", stop};
        auto stopped = generate(m, "ab", g);
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->stopReason, std::string("stop_string"));
        QCOMPARE(stopped->text, free->prompt + cont.substr(0, at + stop.size()));
        // A stop string that is in the prompt only does not stop anything.
        g.stopStrings = {"ab"};
        g.maxNewTokens = 1;
        auto notInPrompt = generate(m, "ab", g);
        QCOMPARE(notInPrompt->stopReason, std::string("max_new_tokens"));
    }

    void callbackCancels()
    {
        auto m = tinyModel();
        GenerationSettings g;
        g.maxNewTokens = 50;
        int seen = 0;
        auto r = generate(m, "ab", g, [&](const GeneratedToken &) { return ++seen < 4; });
        QVERIFY(r.ok());
        QCOMPARE(r->tokens.size(), std::size_t(4));
        QCOMPARE(r->stopReason, std::string("cancelled"));
    }

    void recordsEveryStage()
    {
        auto m = tinyModel();
        GenerationSettings g;
        g.maxNewTokens = 5;
        g.sampler.topK = 4;
        g.sampler.temperature = 0.7f;
        g.sampler.order = {SamplerStage::TopK, SamplerStage::Temperature, SamplerStage::TopP};
        g.recordStages = true;
        auto r = generate(m, "ab", g);
        QVERIFY(r.ok());
        for (const auto &t : r->tokens) {
            QCOMPARE(t.stages.size(), std::size_t(3));
            QCOMPARE(t.stages[0].stage, SamplerStage::TopK);
            QCOMPARE(t.stages[0].survivors, std::size_t(4));
            const auto &last = t.stages.back().candidates;
            QVERIFY(std::any_of(last.begin(), last.end(), [&](const Candidate &c) { return c.id == t.id; }));
            QVERIFY(!t.top.empty());
        }
        g.recordStages = false;
        auto plain = generate(m, "ab", g);
        QVERIFY(plain->tokens[0].stages.empty());
        QCOMPARE(idsOf(*plain), idsOf(*r)); // recording does not change the draw
    }

    void badSettingsAreRefusedByName_data()
    {
        QTest::addColumn<int>("keep");
        QTest::addColumn<float>("topP");
        QTest::addColumn<bool>("twice");
        QTest::addColumn<QString>("named");
        QTest::addRow("keep = block") << kBlock << 1.0f << false << "keep_tokens";
        QTest::addRow("keep < 0") << -1 << 1.0f << false << "keep_tokens";
        QTest::addRow("top_p 0") << 0 << 0.0f << false << "top_p";
        QTest::addRow("stage twice") << 0 << 1.0f << true << "twice";
    }
    void badSettingsAreRefusedByName()
    {
        QFETCH(int, keep);
        QFETCH(float, topP);
        QFETCH(bool, twice);
        QFETCH(QString, named);
        auto m = tinyModel();
        GenerationSettings g;
        g.keepTokens = keep;
        g.sampler.topP = topP;
        if (twice)
            g.sampler.order = {SamplerStage::TopK, SamplerStage::TopK};
        auto r = generate(m, "ab", g);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(named), r.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
