// ctest-labels: unit
// Sampler stages against hand-computed probability tables (llama.cpp test-sampling style),
// then the chain: order, greedy, seeding, empirical frequencies, edge cases.
#include "sample/sampler.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace lmwb::core;

Q_DECLARE_METATYPE(std::vector<int32_t>)
Q_DECLARE_METATYPE(std::vector<float>)
Q_DECLARE_METATYPE(std::vector<double>)

namespace {

constexpr float kTol = 1e-5f;
const float kInf = std::numeric_limits<float>::infinity();

// Candidates with logit log(p), sorted by logit as the stages expect.
std::vector<Candidate> fromProbs(const std::vector<float> &probs)
{
    std::vector<Candidate> c;
    for (std::size_t i = 0; i < probs.size(); ++i)
        c.push_back({static_cast<int32_t>(i), std::log(probs[i]), 0.0f});
    std::sort(c.begin(), c.end(), [](const Candidate &a, const Candidate &b) {
        return a.logit != b.logit ? a.logit > b.logit : a.id < b.id;
    });
    softmax(c);
    return c;
}

std::vector<Candidate> fromLogits(const std::vector<float> &logits)
{
    std::vector<Candidate> c;
    for (std::size_t i = 0; i < logits.size(); ++i)
        c.push_back({static_cast<int32_t>(i), logits[i], 0.0f});
    std::sort(c.begin(), c.end(), [](const Candidate &a, const Candidate &b) {
        return a.logit != b.logit ? a.logit > b.logit : a.id < b.id;
    });
    softmax(c);
    return c;
}

std::vector<float> logsOf(const std::vector<float> &probs)
{
    std::vector<float> l;
    for (float p : probs)
        l.push_back(std::log(p));
    return l;
}

// Survivors, in order, with their probabilities.
bool matches(const std::vector<Candidate> &c, const std::vector<int32_t> &ids,
             const std::vector<float> &probs)
{
    bool ok = c.size() == ids.size();
    for (std::size_t i = 0; ok && i < c.size(); ++i)
        ok = c[i].id == ids[i] && std::abs(c[i].prob - probs[i]) < kTol;
    if (!ok) {
        QString got;
        for (const Candidate &x : c)
            got += QStringLiteral("(%1, %2) ").arg(x.id).arg(double(x.prob), 0, 'f', 6);
        qWarning("got %s", qPrintable(got));
    }
    return ok;
}

double uniformFromSeed(uint64_t seed)
{
    std::mt19937_64 rng(seed);
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// The chain through the public stage functions, the way the header describes it.
int32_t referenceSample(const std::vector<float> &logits, const std::vector<int32_t> &history,
                        const SamplerSettings &s, uint64_t seed, float *prob)
{
    std::vector<Candidate> c = fromLogits(logits);
    for (SamplerStage stage : s.order) {
        switch (stage) {
        case SamplerStage::Penalties: applyPenalties(c, history, s); break;
        case SamplerStage::Temperature: applyTemperature(c, s.temperature); break;
        case SamplerStage::TopK: applyTopK(c, s.topK); break;
        case SamplerStage::TopP: applyTopP(c, s.topP); break;
        case SamplerStage::MinP: applyMinP(c, s.minP); break;
        case SamplerStage::Typical: applyTypical(c, s.typicalP); break;
        }
    }
    double total = 0;
    for (const Candidate &x : c)
        total += x.prob;
    const double target = uniformFromSeed(seed) * total;
    double cumulative = 0;
    for (const Candidate &x : c) {
        cumulative += x.prob;
        if (target < cumulative) {
            *prob = x.prob;
            return x.id;
        }
    }
    *prob = c.back().prob;
    return c.back().id;
}

std::vector<float> randomLogits(std::mt19937 &rng, std::size_t n)
{
    std::normal_distribution<float> normal(0.0f, 3.0f);
    std::vector<float> l(n);
    for (float &x : l)
        x = normal(rng);
    return l;
}

} // namespace

class TestSampler : public QObject {
    Q_OBJECT

private slots:
    void stageNames()
    {
        QCOMPARE(samplerStageName(SamplerStage::Penalties), "penalties");
        QCOMPARE(samplerStageName(SamplerStage::Temperature), "temperature");
        QCOMPARE(samplerStageName(SamplerStage::TopK), "top_k");
        QCOMPARE(samplerStageName(SamplerStage::TopP), "top_p");
        QCOMPARE(samplerStageName(SamplerStage::MinP), "min_p");
        QCOMPARE(samplerStageName(SamplerStage::Typical), "typical");
    }

    void softmaxTable()
    {
        std::vector<Candidate> c = fromProbs({0.1f, 0.2f, 0.3f, 0.4f});
        QVERIFY(matches(c, {3, 2, 1, 0}, {0.4f, 0.3f, 0.2f, 0.1f}));
        // Large logits must not overflow.
        c = fromLogits({1000.0f, 1000.0f, 999.0f});
        QVERIFY(matches(c, {0, 1, 2}, {0.422319f, 0.422319f, 0.155362f}));
    }

    void topK_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<std::vector<int32_t>>("ids");
        QTest::addColumn<std::vector<float>>("probs");
        QTest::addRow("k=1") << 1 << std::vector<int32_t>{3} << std::vector<float>{1.0f};
        QTest::addRow("k=3") << 3 << std::vector<int32_t>{3, 2, 1}
                             << std::vector<float>{0.444444f, 0.333333f, 0.222222f};
        QTest::addRow("k=4") << 4 << std::vector<int32_t>{3, 2, 1, 0}
                             << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
        QTest::addRow("k=0 off") << 0 << std::vector<int32_t>{3, 2, 1, 0}
                                 << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
        QTest::addRow("k>vocab") << 10 << std::vector<int32_t>{3, 2, 1, 0}
                                 << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
    }
    void topK()
    {
        QFETCH(int, k);
        QFETCH(std::vector<int32_t>, ids);
        QFETCH(std::vector<float>, probs);
        std::vector<Candidate> c = fromProbs({0.1f, 0.2f, 0.3f, 0.4f});
        applyTopK(c, k);
        QVERIFY(matches(c, ids, probs));
    }

    void topP_data()
    {
        QTest::addColumn<float>("p");
        QTest::addColumn<std::vector<int32_t>>("ids");
        QTest::addColumn<std::vector<float>>("probs");
        QTest::addRow("p=0 keeps one") << 0.0f << std::vector<int32_t>{3} << std::vector<float>{1.0f};
        QTest::addRow("p=0.3") << 0.3f << std::vector<int32_t>{3} << std::vector<float>{1.0f};
        QTest::addRow("p=0.65") << 0.65f << std::vector<int32_t>{3, 2}
                                << std::vector<float>{0.571429f, 0.428571f};
        QTest::addRow("p=0.75") << 0.75f << std::vector<int32_t>{3, 2, 1}
                                << std::vector<float>{0.444444f, 0.333333f, 0.222222f};
        QTest::addRow("p=0.95") << 0.95f << std::vector<int32_t>{3, 2, 1, 0}
                                << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
        QTest::addRow("p=1 off") << 1.0f << std::vector<int32_t>{3, 2, 1, 0}
                                 << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
    }
    void topP()
    {
        QFETCH(float, p);
        QFETCH(std::vector<int32_t>, ids);
        QFETCH(std::vector<float>, probs);
        std::vector<Candidate> c = fromProbs({0.1f, 0.2f, 0.3f, 0.4f});
        applyTopP(c, p);
        QVERIFY(matches(c, ids, probs));
    }

    void minP_data()
    {
        QTest::addColumn<float>("p");
        QTest::addColumn<std::vector<int32_t>>("ids");
        QTest::addColumn<std::vector<float>>("probs");
        QTest::addRow("p=0 off") << 0.0f << std::vector<int32_t>{3, 2, 1, 0}
                                 << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
        QTest::addRow("p=0.2") << 0.2f << std::vector<int32_t>{3, 2, 1, 0}
                               << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
        QTest::addRow("p=0.3") << 0.3f << std::vector<int32_t>{3, 2, 1}
                               << std::vector<float>{0.444444f, 0.333333f, 0.222222f};
        QTest::addRow("p=0.6") << 0.6f << std::vector<int32_t>{3, 2}
                               << std::vector<float>{0.571429f, 0.428571f};
        QTest::addRow("p=0.76") << 0.76f << std::vector<int32_t>{3} << std::vector<float>{1.0f};
        QTest::addRow("p=2 keeps one") << 2.0f << std::vector<int32_t>{3} << std::vector<float>{1.0f};
    }
    void minP()
    {
        QFETCH(float, p);
        QFETCH(std::vector<int32_t>, ids);
        QFETCH(std::vector<float>, probs);
        std::vector<Candidate> c = fromProbs({0.1f, 0.2f, 0.3f, 0.4f});
        applyMinP(c, p);
        QVERIFY(matches(c, ids, probs));
    }

    // Entropy of {0.1, 0.2, 0.3, 0.4} is 1.279854; |-log p - H| is 0.363563 (0.4), 0.075881
    // (0.3), 0.329584 (0.2), 1.022731 (0.1), so the typical order is ids 2, 1, 3, 0.
    void typical_data()
    {
        QTest::addColumn<std::vector<float>>("input");
        QTest::addColumn<float>("p");
        QTest::addColumn<std::vector<int32_t>>("ids");
        QTest::addColumn<std::vector<float>>("probs");
        const std::vector<float> p4{0.1f, 0.2f, 0.3f, 0.4f};
        QTest::addRow("p=0.2 drops the argmax")
            << p4 << 0.2f << std::vector<int32_t>{2} << std::vector<float>{1.0f};
        QTest::addRow("p=0.45") << p4 << 0.45f << std::vector<int32_t>{2, 1}
                                << std::vector<float>{0.6f, 0.4f};
        QTest::addRow("p=0.85") << p4 << 0.85f << std::vector<int32_t>{3, 2, 1}
                                << std::vector<float>{0.444444f, 0.333333f, 0.222222f};
        QTest::addRow("p=1 off") << p4 << 1.0f << std::vector<int32_t>{3, 2, 1, 0}
                                 << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
        // llama.cpp's test-sampling.cpp cases.
        QTest::addRow("peaked") << std::vector<float>{0.97f, 0.01f, 0.01f, 0.01f} << 0.5f
                                << std::vector<int32_t>{0} << std::vector<float>{1.0f};
        QTest::addRow("flat tail") << std::vector<float>{0.4f, 0.2f, 0.2f, 0.2f} << 0.5f
                                   << std::vector<int32_t>{1, 2, 3}
                                   << std::vector<float>{0.333333f, 0.333333f, 0.333333f};
        QTest::addRow("p=0 keeps one") << p4 << 0.0f << std::vector<int32_t>{2}
                                       << std::vector<float>{1.0f};
    }
    void typical()
    {
        QFETCH(std::vector<float>, input);
        QFETCH(float, p);
        QFETCH(std::vector<int32_t>, ids);
        QFETCH(std::vector<float>, probs);
        std::vector<Candidate> c = fromProbs(input);
        applyTypical(c, p);
        QVERIFY(matches(c, ids, probs));
    }

    void temperature_data()
    {
        QTest::addColumn<float>("t");
        QTest::addColumn<std::vector<int32_t>>("ids");
        QTest::addColumn<std::vector<float>>("probs");
        QTest::addRow("t=1") << 1.0f << std::vector<int32_t>{3, 2, 1, 0}
                             << std::vector<float>{0.4f, 0.3f, 0.2f, 0.1f};
        QTest::addRow("t=0.5") << 0.5f << std::vector<int32_t>{3, 2, 1, 0}
                               << std::vector<float>{0.533333f, 0.3f, 0.133333f, 0.033333f};
        QTest::addRow("t=2") << 2.0f << std::vector<int32_t>{3, 2, 1, 0}
                             << std::vector<float>{0.325401f, 0.281805f, 0.230093f, 0.162700f};
        QTest::addRow("t=0 greedy") << 0.0f << std::vector<int32_t>{3} << std::vector<float>{1.0f};
    }
    void temperature()
    {
        QFETCH(float, t);
        QFETCH(std::vector<int32_t>, ids);
        QFETCH(std::vector<float>, probs);
        std::vector<Candidate> c = fromProbs({0.1f, 0.2f, 0.3f, 0.4f});
        applyTemperature(c, t);
        QVERIFY(matches(c, ids, probs));
    }

    // Logits {2, 1, -1, 0.5}, history {0, 0, 2}: id 0 seen twice, id 2 once.
    void penalties_data()
    {
        QTest::addColumn<float>("repetition");
        QTest::addColumn<float>("presence");
        QTest::addColumn<float>("frequency");
        QTest::addColumn<int>("lastN");
        QTest::addColumn<std::vector<int32_t>>("ids");
        QTest::addColumn<std::vector<float>>("probs");
        // Logits become {1, 1, -2, 0.5}: 2/2 and -1*2, once per distinct token.
        QTest::addRow("repetition 2") << 2.0f << 0.0f << 0.0f << 64 << std::vector<int32_t>{0, 1, 3, 2}
                                      << std::vector<float>{0.376461f, 0.376461f, 0.228335f, 0.018743f};
        // {2 - 0.5 - 2*0.25, 1, -1 - 0.5 - 0.25, 0.5} = {1, 1, -1.75, 0.5}.
        QTest::addRow("presence+frequency")
            << 1.0f << 0.5f << 0.25f << 64 << std::vector<int32_t>{0, 1, 3, 2}
            << std::vector<float>{0.374468f, 0.374468f, 0.227126f, 0.023939f};
        // {2/2 - 0.5 - 0.5, 1, -2 - 0.5 - 0.25, 0.5} = {0, 1, -2.75, 0.5}.
        QTest::addRow("all three") << 2.0f << 0.5f << 0.25f << 64 << std::vector<int32_t>{1, 3, 0, 2}
                                   << std::vector<float>{0.500519f, 0.303580f, 0.184130f, 0.011771f};
        // Only the last id (2) counts: {2, 1, -2, 0.5}.
        QTest::addRow("last 1") << 2.0f << 0.0f << 0.0f << 1 << std::vector<int32_t>{0, 1, 3, 2}
                                << std::vector<float>{0.621378f, 0.228592f, 0.138648f, 0.011381f};
        QTest::addRow("last 0 is off")
            << 2.0f << 0.5f << 0.25f << 0 << std::vector<int32_t>{0, 1, 3, 2}
            << std::vector<float>{0.609460f, 0.224208f, 0.135989f, 0.030343f};
        QTest::addRow("last -1 is all")
            << 2.0f << 0.5f << 0.25f << -1 << std::vector<int32_t>{1, 3, 0, 2}
            << std::vector<float>{0.500519f, 0.303580f, 0.184130f, 0.011771f};
    }
    void penalties()
    {
        QFETCH(float, repetition);
        QFETCH(float, presence);
        QFETCH(float, frequency);
        QFETCH(int, lastN);
        QFETCH(std::vector<int32_t>, ids);
        QFETCH(std::vector<float>, probs);
        SamplerSettings s;
        s.repetitionPenalty = repetition;
        s.presencePenalty = presence;
        s.frequencyPenalty = frequency;
        s.penaltyLastN = lastN;
        std::vector<Candidate> c = fromLogits({2.0f, 1.0f, -1.0f, 0.5f});
        applyPenalties(c, {0, 0, 2}, s);
        QVERIFY(matches(c, ids, probs));
    }

    void penaltiesLookOnlyAtTheWindow()
    {
        SamplerSettings s;
        s.presencePenalty = 1.0f;
        s.penaltyLastN = 2;
        std::vector<Candidate> c = fromLogits({0.0f, 0.0f, 0.0f});
        applyPenalties(c, {0, 1, 1, 2, 7}, s); // window {2, 7}: 7 is not a candidate
        QCOMPARE(c.back().id, 2);
        QCOMPARE(c.back().logit, -1.0f);
        QCOMPARE(c[0].logit, 0.0f);
        QCOMPARE(c[1].logit, 0.0f);
    }

    void orderMatters()
    {
        SamplerSettings s;
        s.presencePenalty = 1.0f;
        s.temperature = 0.5f;
        s.order = {SamplerStage::Penalties, SamplerStage::Temperature};
        const std::vector<float> logits = logsOf({0.1f, 0.2f, 0.3f, 0.4f});
        SampleResult a = Sampler(s, 1).sample(logits, {3}, true);
        // (log 0.4 - 1) / 0.5 for id 3.
        QVERIFY(matches(a.stages.back().candidates, {2, 1, 3, 0},
                        {0.556746f, 0.247443f, 0.133951f, 0.061861f}));
        s.order = {SamplerStage::Temperature, SamplerStage::Penalties};
        SampleResult b = Sampler(s, 1).sample(logits, {3}, true);
        // log 0.4 / 0.5 - 1 for id 3.
        QVERIFY(matches(b.stages.back().candidates, {2, 3, 1, 0},
                        {0.452578f, 0.295990f, 0.201146f, 0.050286f}));

        // top-k 2 then top-p 0.5 leaves one; top-p 0.5 then top-k 2 leaves two.
        SamplerSettings f;
        f.topK = 2;
        f.topP = 0.5f;
        f.order = {SamplerStage::TopK, SamplerStage::TopP};
        SampleResult c = Sampler(f, 1).sample(logits, {}, true);
        QCOMPARE(c.stages.size(), std::size_t(2));
        QCOMPARE(c.stages[0].stage, SamplerStage::TopK);
        QVERIFY(matches(c.stages[0].candidates, {3, 2}, {0.571429f, 0.428571f}));
        QVERIFY(matches(c.stages[1].candidates, {3}, {1.0f}));
        QCOMPARE(c.id, 3);
        QCOMPARE(c.prob, 1.0f);
        f.order = {SamplerStage::TopP, SamplerStage::TopK};
        SampleResult d = Sampler(f, 1).sample(logits, {}, true);
        QCOMPARE(d.stages[0].stage, SamplerStage::TopP);
        QVERIFY(matches(d.stages[1].candidates, {3, 2}, {0.571429f, 0.428571f}));
        QCOMPARE(d.stages[1].survivors, std::size_t(2));
    }

    void stagesAreRecorded()
    {
        SamplerSettings s;
        s.topK = 30;
        s.topP = 0.9f;
        std::mt19937 rng(5);
        const std::vector<float> logits = randomLogits(rng, 100);
        SampleResult r = Sampler(s, 3).sample(logits, {}, true);
        QCOMPARE(r.stages.size(), s.order.size());
        for (std::size_t i = 0; i < s.order.size(); ++i)
            QCOMPARE(r.stages[i].stage, s.order[i]);
        QCOMPARE(r.stages[0].survivors, std::size_t(100));
        QCOMPARE(r.stages[2].survivors, std::size_t(30));
        QVERIFY(r.stages[3].survivors < 30);
        for (const StageSnapshot &snap : r.stages) {
            QCOMPARE(snap.candidates.size(), std::min<std::size_t>(20, snap.survivors));
            for (std::size_t i = 1; i < snap.candidates.size(); ++i)
                QVERIFY(snap.candidates[i - 1].prob >= snap.candidates[i].prob);
        }
        QVERIFY(Sampler(s, 3).sample(logits, {}, false).stages.empty());
    }

    void rawDistribution()
    {
        SamplerSettings s;
        s.temperature = 0.7f;
        s.topK = 2;
        s.repetitionPenalty = 1.5f;
        std::vector<float> logits = logsOf({0.05f, 0.1f, 0.15f, 0.3f, 0.4f});
        SampleResult r = Sampler(s, 9).sample(logits, {4}, false);
        const float raw[] = {0.05f, 0.1f, 0.15f, 0.3f, 0.4f};
        QVERIFY(std::abs(r.rawProb - raw[r.id]) < kTol);
        QCOMPARE(r.top.size(), std::size_t(5));
        QVERIFY(matches(r.top, {4, 3, 2, 1, 0}, {0.4f, 0.3f, 0.15f, 0.1f, 0.05f}));

        std::mt19937 rng(1);
        logits = randomLogits(rng, 1000);
        r = Sampler(s, 9).sample(logits, {}, false);
        QCOMPARE(r.top.size(), std::size_t(20));
        QCOMPARE(r.top[0].id, int32_t(std::max_element(logits.begin(), logits.end()) - logits.begin()));
        QCOMPARE(r.top[0].logit, *std::max_element(logits.begin(), logits.end()));
    }

    void greedyIsArgmax()
    {
        SamplerSettings s;
        s.temperature = 0.0f;
        s.topK = 5;
        s.typicalP = 0.2f; // greedy ignores the filters, even one that would drop the argmax
        std::mt19937 rng(7);
        Sampler sampler(s, 1);
        for (int trial = 0; trial < 50; ++trial) {
            const std::vector<float> logits = randomLogits(rng, 500);
            SampleResult r = sampler.sample(logits, {}, trial % 2 == 0);
            QCOMPARE(r.id, int32_t(std::max_element(logits.begin(), logits.end()) - logits.begin()));
            QCOMPARE(r.prob, 1.0f);
        }
        // The argmax is taken after the penalties.
        s.repetitionPenalty = 10.0f;
        SampleResult r = Sampler(s, 1).sample({3.0f, 2.5f, 1.0f}, {0}, true);
        QCOMPARE(r.id, 1);
        QCOMPARE(r.prob, 1.0f);
        QCOMPARE(r.stages.size(), s.order.size());
        QCOMPARE(r.stages.back().survivors, std::size_t(1));
        QCOMPARE(r.stages.back().candidates.front().id, 1);
    }

    void drawUsesTheTop53Bits()
    {
        // Four equal candidates: the draw picks id floor(4u).
        SamplerSettings s;
        for (uint64_t seed = 0; seed < 64; ++seed) {
            Sampler sampler(s, seed);
            SampleResult r = sampler.sample({0.0f, 0.0f, 0.0f, 0.0f}, {});
            QCOMPARE(r.id, int32_t(std::floor(uniformFromSeed(seed) * 4.0)));
            QVERIFY(std::abs(r.prob - 0.25f) < kTol);
        }
    }

    void seeding()
    {
        SamplerSettings s;
        std::mt19937 rng(11);
        const std::vector<float> logits = randomLogits(rng, 64);
        auto draws = [&](Sampler &sampler) {
            std::vector<int32_t> ids;
            for (int i = 0; i < 200; ++i)
                ids.push_back(sampler.sample(logits, {}).id);
            return ids;
        };
        Sampler a(s, 42), b(s, 42), c(s, 43);
        const std::vector<int32_t> first = draws(a);
        QCOMPARE(draws(b), first);
        QVERIFY(draws(c) != first);
        a.reseed(42);
        QCOMPARE(draws(a), first);
    }

    void frequenciesMatchProbabilities_data()
    {
        QTest::addColumn<int>("topK");
        QTest::addColumn<std::vector<double>>("expected");
        QTest::addRow("full") << 0 << std::vector<double>{0.1, 0.2, 0.3, 0.4};
        QTest::addRow("top-2") << 2 << std::vector<double>{0.0, 0.0, 3.0 / 7.0, 4.0 / 7.0};
    }
    void frequenciesMatchProbabilities()
    {
        QFETCH(int, topK);
        QFETCH(std::vector<double>, expected);
        SamplerSettings s;
        s.topK = topK;
        Sampler sampler(s, 2024);
        const std::vector<float> logits = logsOf({0.1f, 0.2f, 0.3f, 0.4f});
        const int n = 200000;
        std::vector<int> counts(4, 0);
        for (int i = 0; i < n; ++i)
            ++counts[static_cast<std::size_t>(sampler.sample(logits, {}).id)];
        // One standard deviation is at most sqrt(0.25 / n) = 0.0011.
        for (std::size_t i = 0; i < 4; ++i)
            QVERIFY2(std::abs(counts[i] / double(n) - expected[i]) < 0.006,
                     qPrintable(QStringLiteral("id %1: %2").arg(i).arg(counts[i] / double(n))));
    }

    void chainMatchesThePublicStages()
    {
        // sample() sorts lazily and partially; it must agree with the plain stage functions.
        std::mt19937 rng(3);
        const std::vector<SamplerSettings> configs = [] {
            std::vector<SamplerSettings> v(4);
            v[0].topK = 40; v[0].temperature = 0.8f; v[0].topP = 0.95f;
            v[0].repetitionPenalty = 1.3f; v[0].presencePenalty = 0.2f;
            v[1].minP = 0.05f; v[1].frequencyPenalty = 0.5f; v[1].temperature = 1.5f;
            v[2].typicalP = 0.7f; v[2].topK = 100; v[2].repetitionPenalty = 1.1f;
            v[2].order = {SamplerStage::TopK, SamplerStage::Temperature, SamplerStage::Typical,
                          SamplerStage::Penalties};
            v[3].topK = 10; v[3].minP = 0.1f;
            v[3].order = {SamplerStage::Temperature, SamplerStage::TopK, SamplerStage::Penalties,
                          SamplerStage::MinP};
            v[3].repetitionPenalty = 3.0f; v[3].temperature = 0.6f;
            return v;
        }();
        for (const SamplerSettings &s : configs) {
            for (uint64_t seed = 0; seed < 20; ++seed) {
                const std::vector<float> logits = randomLogits(rng, 2000);
                std::vector<int32_t> history;
                for (int i = 0; i < 100; ++i)
                    history.push_back(static_cast<int32_t>(rng() % 2000));
                float expectedProb = 0;
                const int32_t expected = referenceSample(logits, history, s, seed, &expectedProb);
                Sampler sampler(s, seed);
                SampleResult r = sampler.sample(logits, history, seed % 2 == 0);
                QCOMPARE(r.id, expected);
                QVERIFY(std::abs(r.prob - expectedProb) < kTol);
            }
        }
    }

    void edgeCases()
    {
        SamplerSettings s;
        // All -inf but one.
        std::vector<float> logits(10, -kInf);
        logits[6] = -3.0f;
        Sampler sampler(s, 1);
        for (int i = 0; i < 100; ++i) {
            SampleResult r = sampler.sample(logits, {});
            QCOMPARE(r.id, 6);
            QCOMPARE(r.prob, 1.0f);
            QCOMPARE(r.rawProb, 1.0f);
        }
        std::vector<Candidate> c = fromLogits(logits);
        QVERIFY(matches({c.begin(), c.begin() + 2}, {6, 0}, {1.0f, 0.0f}));
        applyTypical(c, 0.5f);
        QVERIFY(matches(c, {6}, {1.0f}));

        // A single candidate.
        SampleResult one = sampler.sample({0.3f}, {}, true);
        QCOMPARE(one.id, 0);
        QCOMPARE(one.prob, 1.0f);

        // A NaN logit is never drawn.
        logits = {0.0f, std::numeric_limits<float>::quiet_NaN(), 0.0f};
        for (int i = 0; i < 100; ++i)
            QVERIFY(sampler.sample(logits, {}).id != 1);

        // No logits: nothing to draw.
        QCOMPARE(sampler.sample({}, {}).id, -1);

        // Stages on an empty list do nothing.
        std::vector<Candidate> empty;
        softmax(empty);
        applyTopK(empty, 3);
        applyTopP(empty, 0.5f);
        applyMinP(empty, 0.5f);
        applyTypical(empty, 0.5f);
        QVERIFY(empty.empty());
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
