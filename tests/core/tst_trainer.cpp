// ctest-labels: torch
// The training loop: loss falls, resume is bitwise equal to an uninterrupted run,
// non-finite steps are skipped and then stop the run with the last checkpoint intact,
// bad checkpoints are refused with a reason.

#include "engine/generator.h"
#include "model/languagemodel.h"
#include "train/trainer.h"

#include "runfixtures.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lmwb::core;
using nlohmann::json;
using lmwb::testing::metricsWithoutTimes;
using lmwb::testing::readAll;

namespace {

RunConfig tinyRun(int64_t steps)
{
    RunConfig c;
    c.data.format = "synthetic";
    c.data.syntheticExamples = 3000;
    c.model.nLayer = 2;
    c.model.nHead = 2;
    c.model.nEmbd = 32;
    c.model.blockSize = 32;
    c.model.dropout = 0.1; // dropout makes the RNG state part of what resume must restore
    c.training.maxSteps = steps;
    c.training.batchSize = 8;
    c.training.evalInterval = 10;
    c.training.evalSteps = 3;
    c.training.checkpointInterval = 1000;
    c.training.warmupSteps = 5;
    c.training.lrDecaySteps = steps;
    c.training.learningRate = 3e-3;
    c.training.minLr = 3e-4;
    c.training.threads = 1;
    return c;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    void lossFallsAndFilesAppear()
    {
        QTemporaryDir dir;
        const std::string run = dir.filePath("run").toStdString();
        auto t = Trainer::create(tinyRun(60), run);
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        std::vector<EvalMetrics> evals;
        std::vector<std::string> samples;
        TrainerCallbacks cb;
        cb.onEval = [&](const EvalMetrics &e) { evals.push_back(e); };
        cb.onSample = [&](int64_t, const std::string &s) { samples.push_back(s); };
        QVERIFY((*t)->run(cb).ok());
        QCOMPARE((*t)->step(), int64_t(60));
        QCOMPARE(evals.front().step, int64_t(0));
        QCOMPARE(evals.back().step, int64_t(60));
        QCOMPARE(int(evals.size()), 7); // 0, 10, ..., 60
        QVERIFY2(evals.back().valLoss < evals.front().valLoss - 0.2,
                 qPrintable(QString("%1 -> %2").arg(evals.front().valLoss).arg(evals.back().valLoss)));
        QCOMPARE(int(samples.size()), 6);
        QVERIFY(QFile::exists(QString::fromStdString(run + "/checkpoints/step-60/model.safetensors")));
        QCOMPARE(QString::fromStdString(readAll(run + "/latest")).trimmed(), QString("step-60"));
        auto m = LanguageModel::load(run);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        QCOMPARE(m->step(), int64_t(60));
        // what the run says its val loss is, the loaded model reproduces on the same text
        auto s = score(*m, "12+34=46\n5+5=10\n");
        QVERIFY(s.ok());
        QVERIFY(s->meanNll < std::log(13.0));
    }

    void resumeIsBitwiseEqual()
    {
        QTemporaryDir dir;
        const std::string a = dir.filePath("a").toStdString(), b = dir.filePath("b").toStdString();
        {
            auto t = Trainer::create(tinyRun(40), a);
            QVERIFY(t.ok());
            QVERIFY((*t)->run({}).ok());
        }
        {
            auto t = Trainer::create(tinyRun(40), b);
            QVERIFY(t.ok());
            QVERIFY((*t)->run({}, 20).ok());
            QCOMPARE((*t)->step(), int64_t(20));
        }
        {
            auto t = Trainer::resume(b);
            QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
            QCOMPARE((*t)->step(), int64_t(20));
            QVERIFY((*t)->run({}).ok());
        }
        QVERIFY(readAll(a + "/checkpoints/step-40/model.safetensors") ==
                readAll(b + "/checkpoints/step-40/model.safetensors"));
        QVERIFY(readAll(a + "/checkpoints/step-40/trainer_state.safetensors") ==
                readAll(b + "/checkpoints/step-40/trainer_state.safetensors"));
        QCOMPARE(metricsWithoutTimes(a), metricsWithoutTimes(b));
    }

    void nonFiniteStepsAreSkippedThenStop()
    {
        QTemporaryDir dir;
        const std::string run = dir.filePath("nan").toStdString();
        RunConfig c = tinyRun(40);
        c.training.checkpointInterval = 10;
        c.training.maxBadSteps = 3;
        auto t = Trainer::create(c, run);
        QVERIFY(t.ok());
        QVERIFY((*t)->run({}, 10).ok());
        const std::string good = readAll(run + "/checkpoints/step-10/model.safetensors");
        (*t)->injectNonFiniteLossFrom(12);
        std::vector<StepMetrics> steps;
        TrainerCallbacks cb;
        cb.onStep = [&](const StepMetrics &m) { steps.push_back(m); };
        Status s = (*t)->run(cb);
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error()).contains("learning_rate"), s.error().c_str());
        QCOMPARE(int(steps.size()), 5); // 11, 12 fine? 11 fine, 12..14 skipped
        QVERIFY(!steps[0].skipped);
        QVERIFY(steps[2].skipped && steps[3].skipped && steps[4].skipped);
        QVERIFY(!QFile::exists(QString::fromStdString(run + "/checkpoints/step-15")));
        QCOMPARE(readAll(run + "/checkpoints/step-10/model.safetensors"), good);
        // NaN goes to metrics.jsonl as null
        bool sawNull = false;
        std::ifstream in(run + "/metrics.jsonl");
        std::string line;
        while (std::getline(in, line)) {
            auto j = json::parse(line);
            if (j.value("skipped", false)) {
                QVERIFY(j["train_loss"].is_null());
                sawNull = true;
            }
        }
        QVERIFY(sawNull);
        QVERIFY(LanguageModel::load(run).ok());
    }

    void existingRunIsNotOverwritten()
    {
        QTemporaryDir dir;
        const std::string run = dir.filePath("r").toStdString();
        {
            auto t = Trainer::create(tinyRun(5), run);
            QVERIFY(t.ok());
            QVERIFY((*t)->run({}).ok());
        }
        auto again = Trainer::create(tinyRun(5), run);
        QVERIFY(!again.ok());
        QVERIFY(QString::fromStdString(again.error()).contains("--resume"));
    }

    void badCheckpointsAreRefused()
    {
        QTemporaryDir dir;
        const std::string run = dir.filePath("r").toStdString();
        {
            auto t = Trainer::create(tinyRun(5), run);
            QVERIFY(t.ok());
            QVERIFY((*t)->run({}).ok());
        }
        const std::string ckpt = run + "/checkpoints/step-5";
        // truncated weights
        const std::string weights = readAll(ckpt + "/model.safetensors");
        std::ofstream(ckpt + "/model.safetensors", std::ios::binary) << weights.substr(0, weights.size() / 2);
        auto m = LanguageModel::load(run);
        QVERIFY(!m.ok());
        QVERIFY2(QString::fromStdString(m.error()).contains("model.safetensors"), m.error().c_str());
        std::ofstream(ckpt + "/model.safetensors", std::ios::binary) << weights;
        QVERIFY(LanguageModel::load(run).ok());
        // a tokenizer that does not fit the model
        const std::string tok = readAll(ckpt + "/tokenizer.json");
        auto j = json::parse(tok);
        std::ofstream(ckpt + "/tokenizer.json") << R"({"kind": "char", "chars": ["a", "b"]})";
        m = LanguageModel::load(run);
        QVERIFY(!m.ok());
        QVERIFY2(QString::fromStdString(m.error()).contains("tokenizer"), m.error().c_str());
        std::ofstream(ckpt + "/tokenizer.json") << tok;
        // no checkpoint at all
        QVERIFY(!LanguageModel::load(dir.filePath("nothing").toStdString()).ok());
    }

    void generationIsSeededAndGreedyFollowsArgmax()
    {
        QTemporaryDir dir;
        const std::string run = dir.filePath("g").toStdString();
        auto t = Trainer::create(tinyRun(20), run);
        QVERIFY(t.ok());
        QVERIFY((*t)->run({}).ok());
        auto m = LanguageModel::load(run);
        QVERIFY(m.ok());
        GenerationSettings g;
        g.maxNewTokens = 40;
        g.sampler.temperature = 0.9f;
        auto a = generate(*m, "12+", g), b = generate(*m, "12+", g);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->text, b->text);
        g.seed = 99;
        auto c = generate(*m, "12+", g);
        QVERIFY(c->text != a->text);
        // greedy: every token is the argmax of the model's logits for its context (crop
        // policy: the last block_size tokens)
        g.sampler.temperature = 0.0f;
        g.context = ContextPolicy::Crop;
        auto greedy = generate(*m, "3+4=", g);
        QVERIFY(greedy.ok());
        std::vector<int32_t> ctx = greedy->promptIds;
        for (const auto &tok : greedy->tokens) {
            std::vector<int32_t> window(ctx.end() - std::min<std::size_t>(ctx.size(), 32), ctx.end());
            auto l = m->logits(window);
            auto row = l->row(l->T - 1);
            QCOMPARE(tok.id, int32_t(std::max_element(row.begin(), row.end()) - row.begin()));
            ctx.push_back(tok.id);
        }
        // cached and uncached give the same tokens, also past the context length
        g.sampler.temperature = 0.8f;
        g.maxNewTokens = 70;
        auto cached = generate(*m, "1+1=", g);
        g.useCache = false;
        auto uncached = generate(*m, "1+1=", g);
        QCOMPARE(cached->text, uncached->text);
        // stop strings end the output right after the stop string
        g.stopStrings = {"\n"};
        auto stopped = generate(*m, "1+1=", g);
        QCOMPARE(stopped->stopReason, std::string("stop_string"));
        QVERIFY(stopped->text.back() == '\n');
        QCOMPARE(std::count(stopped->text.begin(), stopped->text.end(), '\n'), 1l);
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
