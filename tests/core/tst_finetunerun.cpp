// ctest-labels: torch e2e
// Fine-tuning through the Trainer, as the wizard and `lmwb train` run it: data.format "pairs"
// (loss on the response tokens only, the last val_fraction of the pairs held out), the eval
// at step 0 equal to the base model's loss computed independently here, training.lora with
// the base weights bitwise unchanged and checkpoints that hold the merged weights, resume of
// a LoRA run bitwise equal to an uninterrupted one, freezing, and bad settings named by key.

#include "data/promptpairs.h"
#include "io/checkpoint_p.h"
#include "model/languagemodel.h"
#include "model/network_p.h"
#include "train/finetune.h"
#include "train/trainer.h"

#include "runfixtures.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace lmwb::core;
using nlohmann::json;
using lmwb::testing::metricsWithoutTimes;
using lmwb::testing::readAll;
using lmwb::testing::twentyPairs;

namespace {

// A tiny GPT base saved as a checkpoint in dir/base, and the pairs as dir/pairs.jsonl with
// the bad lines given (1-based line number -> text) put in front of those lines.
struct Fixture {
    QTemporaryDir tmp;
    std::vector<PromptPair> pairs = twentyPairs();
    std::optional<LanguageModel> base;
    std::string baseDir, jsonl;

    explicit Fixture(const std::map<int, std::string> &badLines = {}, Arch arch = Arch::Gpt)
    {
        std::string text;
        for (const auto &p : pairs)
            text += p.prompt + p.completion + "\n";
        auto tok = trainTokenizer({TokenizerKind::Char, 0}, text);
        ModelConfig mc;
        mc.arch = arch;
        mc.nLayer = 2;
        mc.nHead = 2;
        mc.nEmbd = 32;
        mc.blockSize = 48;
        mc.vocabSize = (*tok)->vocabSize();
        base = *LanguageModel::create(mc, 11, *tok);
        baseDir = tmp.filePath("base").toStdString();
        if (Status saved = saveModelCheckpoint(*base, baseDir, baseDir); !saved)
            qFatal("cannot write the base checkpoint: %s", saved.error().c_str());
        jsonl = tmp.filePath("pairs.jsonl").toStdString();
        std::ofstream out(jsonl);
        int line = 1;
        for (const auto &p : pairs) {
            while (badLines.count(line))
                out << badLines.at(line++) << "\n";
            out << json{{"prompt", p.prompt}, {"completion", p.completion}}.dump() << "\n";
            ++line;
        }
    }

    RunConfig config(int64_t steps) const
    {
        RunConfig c;
        c.data.format = "pairs";
        c.data.train = {jsonl};
        c.data.valFraction = 0.2; // the last 4 pairs
        c.training.initFrom = baseDir;
        c.training.maxSteps = steps;
        c.training.batchSize = 4;
        c.training.learningRate = 1e-2;
        c.training.minLr = 1e-3;
        c.training.warmupSteps = 0;
        c.training.lrDecaySteps = steps;
        c.training.weightDecay = 0.0;
        c.training.evalInterval = 1000;
        c.training.evalSteps = 2; // 8 training pairs in each eval
        c.training.checkpointInterval = 1000;
        c.training.threads = 1;
        return c;
    }
    std::string run(const char *name) const { return tmp.filePath(name).toStdString(); }
};

// Mean negative log-likelihood of the completion tokens of pairs [from, to) under model,
// written from the model's logits: the reference for the trainer's masked loss.
double responseLoss(const LanguageModel &m, const std::vector<PromptPair> &pairs, std::size_t from, std::size_t to)
{
    double sum = 0.0;
    int64_t n = 0;
    for (std::size_t i = from; i < to; ++i) {
        const auto prompt = m.tokenizer()->encode(pairs[i].prompt)->ids;
        const auto completion = m.tokenizer()->encode(pairs[i].completion)->ids;
        std::vector<int32_t> all = prompt;
        all.insert(all.end(), completion.begin(), completion.end());
        const std::vector<int32_t> input(all.begin(), all.end() - 1);
        auto logits = m.logits(input);
        const int64_t V = logits->V;
        for (std::size_t t = prompt.size() - 1; t < input.size(); ++t) {
            const float *row = logits->values.data() + t * static_cast<std::size_t>(V);
            double mx = row[0], z = 0.0;
            for (int64_t v = 0; v < V; ++v)
                mx = std::max<double>(mx, row[v]);
            for (int64_t v = 0; v < V; ++v)
                z += std::exp(row[v] - mx);
            sum -= row[all[t + 1]] - mx - std::log(z);
            ++n;
        }
    }
    return sum / static_cast<double>(n);
}

std::map<std::string, torch::Tensor> tensorsOf(const LanguageModel &m)
{
    std::map<std::string, torch::Tensor> out;
    for (auto &[n, p] : m.network()->namedParameters())
        out[n] = p.detach().clone();
    return out;
}

} // namespace

class TestFinetuneRun : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { torch::set_num_threads(1); }

    void stepZeroIsTheBaseModelsResponseLoss()
    {
        Fixture f;
        auto t = Trainer::create(f.config(10), f.run("run"));
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        const auto sum = (*t)->summary();
        QCOMPARE(sum.trainExamples, int64_t(16));
        QCOMPARE(sum.valExamples, int64_t(4));
        QCOMPARE(sum.trainableParameters, sum.parameters); // nothing frozen
        const EvalMetrics e = (*t)->evaluate();
        // The eval counts the response tokens only: exactly the base model's loss on them.
        QVERIFY(std::abs(e.valLoss - responseLoss(*f.base, f.pairs, 16, 20)) < 1e-5);
        QVERIFY(std::abs(e.trainLoss - responseLoss(*f.base, f.pairs, 0, 8)) < 1e-5);
    }

    void pairsTrainingLowersTheResponseLoss()
    {
        Fixture f;
        auto cfg = f.config(60);
        auto t = Trainer::create(cfg, f.run("run"));
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        const double before = (*t)->evaluate().trainLoss;
        QVERIFY((*t)->run({}).ok());
        const double after = (*t)->evaluate().trainLoss;
        QVERIFY2(after < 0.5 * before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        // The checkpoint answers a training prompt with its completion (greedy).
        auto tuned = LanguageModel::load(f.run("run"));
        QVERIFY2(tuned.ok(), tuned.ok() ? "" : tuned.error().c_str());
        QVERIFY(responseLoss(*tuned, f.pairs, 0, 16) < 0.5 * responseLoss(*f.base, f.pairs, 0, 16));
        // The samples answer the first validation prompt (pair 17: "say dog 4:").
        const std::string samples = readAll(f.run("run") + "/samples.jsonl");
        QVERIFY2(samples.find("\"text\":\"say dog 4:") != std::string::npos, samples.c_str());
    }

    void badLinesAreNamedAndTheRestLoads()
    {
        Fixture f({{3, "{\"prompt\": \"no completion\"}"}, {6, "not json at all"}});
        auto t = Trainer::create(f.config(2), f.run("run"));
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        QCOMPARE((*t)->summary().trainExamples + (*t)->summary().valExamples, int64_t(20));
        std::vector<std::string> messages;
        TrainerCallbacks cb;
        cb.onMessage = [&](const std::string &m) { messages.push_back(m); };
        QVERIFY((*t)->advance(cb).ok());
        QCOMPARE(messages.size(), std::size_t(2));
        QVERIFY2(messages[0].find("pairs.jsonl line 3") != std::string::npos &&
                     messages[0].find("completion") != std::string::npos,
                 messages[0].c_str());
        QVERIFY2(messages[1].find("line 6: not valid JSON") != std::string::npos, messages[1].c_str());
        // A pair whose prompt fills the context is skipped with its line, not fatal.
        Fixture g({{2, json{{"prompt", std::string(60, 'a')}, {"completion", " cat."}}.dump()}});
        auto u = Trainer::create(g.config(2), g.run("run"));
        QVERIFY2(u.ok(), u.ok() ? "" : u.error().c_str());
        QCOMPARE((*u)->summary().dataNotes.size(), std::size_t(1));
        QVERIFY2((*u)->summary().dataNotes[0].find("line 2") != std::string::npos &&
                     (*u)->summary().dataNotes[0].find("context") != std::string::npos,
                 (*u)->summary().dataNotes[0].c_str());
    }

    void loraKeepsTheBaseAndCheckpointsTheMergedWeights()
    {
        Fixture f;
        auto cfg = f.config(12);
        cfg.training.lora.rank = 2;
        cfg.training.lora.alpha = 4.0;
        cfg.training.lora.targets = {"c_attn", "mlp.c_proj"};
        auto t = Trainer::create(cfg, f.run("run"));
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        const auto sum = (*t)->summary();
        // r (in + out) per adapted projection and layer: c_attn 32 -> 96, mlp.c_proj 128 -> 32.
        QCOMPARE(sum.trainableParameters, int64_t(2 * (2 * (32 + 96) + 2 * (128 + 32))));
        QVERIFY((*t)->run({}).ok());

        const auto before = tensorsOf(*f.base);
        auto tuned = LanguageModel::load(f.run("run"));
        QVERIFY2(tuned.ok(), tuned.ok() ? "" : tuned.error().c_str());
        auto state = loadTensors(f.run("run") + "/checkpoints/step-12/trainer_state.safetensors");
        QVERIFY2(state.ok(), state.ok() ? "" : state.error().c_str());
        int adapted = 0;
        for (const auto &[name, w] : tensorsOf(*tuned)) {
            const std::string layer = name.substr(0, name.size() - std::string(".weight").size());
            auto A = state->find("lora." + layer + ".A");
            if (A == state->end()) {
                QVERIFY2(torch::equal(w, before.at(name)), name.c_str()); // untouched, bitwise
                continue;
            }
            ++adapted;
            const auto &W0 = state->at("lora." + layer + ".base");
            const auto &B = state->at("lora." + layer + ".B");
            QVERIFY2(torch::equal(W0, before.at(name)), name.c_str()); // the base, bitwise
            QVERIFY(!torch::equal(w, W0));                              // the adapter learned
            // The checkpoint's weight is W0 + alpha/r * B A, computed here on its own.
            QVERIFY2(torch::allclose(w, W0 + B.matmul(A->second) * (4.0 / 2), 0, 1e-6), name.c_str());
        }
        QCOMPARE(adapted, 4);
        // The model loaded from the checkpoint is the one the trainer trained (its forward adds
        // the low-rank path, x W^T + s (x A^T) B^T: the same numbers up to rounding).
        const auto ids = f.base->tokenizer()->encode("say owl 2:")->ids;
        const auto merged = tuned->logits(ids)->values, live = (*t)->model().logits(ids)->values;
        QCOMPARE(merged.size(), live.size());
        for (std::size_t i = 0; i < merged.size(); ++i)
            QVERIFY2(std::abs(merged[i] - live[i]) < 1e-5, qPrintable(QString::number(merged[i] - live[i])));
        // The trainer's model keeps W frozen: its registered weights are the base's, bitwise,
        // and no gradient was ever computed for them (the low-rank path carries the update).
        for (const auto &[name, w] : tensorsOf((*t)->model()))
            QVERIFY2(torch::equal(w, before.at(name)), name.c_str());
        for (const auto &[name, p] : (*t)->model().network()->namedParameters())
            QVERIFY2(!p.grad().defined(), name.c_str());
    }

    void loraResumeIsBitwiseEqualToAnUninterruptedRun()
    {
        Fixture f;
        auto cfg = f.config(12);
        cfg.model.dropout = 0.1; // the RNG state is part of what resume restores
        cfg.training.lora.rank = 2;
        cfg.training.evalInterval = 4;
        cfg.training.checkpointInterval = 6;
        {
            auto whole = Trainer::create(cfg, f.run("whole"));
            QVERIFY2(whole.ok(), whole.ok() ? "" : whole.error().c_str());
            QVERIFY((*whole)->run({}).ok());
        }
        {
            auto first = Trainer::create(cfg, f.run("split"));
            QVERIFY((*first)->run({}, 6).ok());
        }
        auto second = Trainer::resume(f.run("split"));
        QVERIFY2(second.ok(), second.ok() ? "" : second.error().c_str());
        QCOMPARE((*second)->step(), int64_t(6));
        QVERIFY((*second)->run({}).ok());
        QCOMPARE(metricsWithoutTimes(f.run("split")), metricsWithoutTimes(f.run("whole")));
        for (const char *file : {"model.safetensors", "trainer_state.safetensors"})
            QVERIFY2(readAll(f.run("split") + "/checkpoints/step-12/" + file) ==
                         readAll(f.run("whole") + "/checkpoints/step-12/" + file),
                     file);
    }

    void freezingKeepsFrozenWeights()
    {
        Fixture f;
        auto cfg = f.config(8);
        cfg.training.freezeEmbeddings = true;
        cfg.training.freezeLayers = 1;
        auto t = Trainer::create(cfg, f.run("run"));
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        QVERIFY((*t)->run({}).ok());
        const auto before = tensorsOf(*f.base);
        int64_t trainable = 0;
        for (const auto &[name, w] : tensorsOf((*t)->model())) {
            const bool frozen = name == "wte.weight" || name == "wpe.weight" || name.rfind("h.0.", 0) == 0;
            QVERIFY2(torch::equal(w, before.at(name)) == frozen, name.c_str());
            if (!frozen)
                trainable += w.numel();
        }
        QCOMPARE((*t)->summary().trainableParameters, trainable);
    }

    void badSettingsNameTheKey()
    {
        Fixture f;
        auto cfg = f.config(2);
        cfg.training.freezeLayers = 3; // the base has 2 layers
        auto t = Trainer::create(cfg, f.run("a"));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().find("training.freeze_layers") != std::string::npos, t.error().c_str());

        cfg = f.config(2);
        cfg.training.freezeEmbeddings = true;
        cfg.training.freezeLayers = 2;
        t = Trainer::create(cfg, f.run("b"));
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        QCOMPARE((*t)->summary().trainableParameters, int64_t(32)); // ln_f's gain is all that trains

        Fixture lstmBase({}, Arch::Lstm);
        cfg = lstmBase.config(2);
        cfg.training.freezeLayers = 1;
        t = Trainer::create(cfg, lstmBase.run("b2"));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().find("training.freeze_layers") != std::string::npos, t.error().c_str());

        Fixture lstm({}, Arch::Lstm);
        cfg = lstm.config(2);
        cfg.training.lora.rank = 2;
        t = Trainer::create(cfg, lstm.run("c"));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().find("training.lora") != std::string::npos && t.error().find("LSTM") != std::string::npos,
                 t.error().c_str());

        {
            std::ofstream bad(f.tmp.filePath("latin1.jsonl").toStdString(), std::ios::binary);
            bad << "{\"prompt\": \"caf\xe9\", \"completion\": \" ok\"}\n";
        }
        cfg = f.config(2);
        cfg.data.train = {f.tmp.filePath("latin1.jsonl").toStdString()};
        t = Trainer::create(cfg, f.run("e"));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().find("latin1.jsonl") != std::string::npos && t.error().find("UTF-8") != std::string::npos &&
                     t.error().find("15") != std::string::npos, // the offset of the bad byte
                 t.error().c_str());

        cfg = f.config(2);
        cfg.data.valFraction = 0.5;
        cfg.data.train = {f.tmp.filePath("missing.jsonl").toStdString()};
        t = Trainer::create(cfg, f.run("d"));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().find("missing.jsonl") != std::string::npos, t.error().c_str());
    }

    void configKeysRoundTripAndAreChecked()
    {
        Fixture f;
        auto cfg = f.config(5);
        cfg.training.lora.rank = 4;
        cfg.training.lora.targets = {"c_fc"};
        cfg.training.freezeLayers = 1;
        cfg.training.freezeEmbeddings = true;
        auto back = parseRunConfig(toJson(cfg));
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
        QCOMPARE(back->data.format, std::string("pairs"));
        QCOMPARE(back->training.lora.rank, 4);
        QCOMPARE(back->training.lora.targets, std::vector<std::string>{"c_fc"});
        QCOMPARE(back->training.freezeLayers, 1);
        QVERIFY(back->training.freezeEmbeddings);
        // A run without fine-tuning writes none of the new keys.
        QVERIFY(toJson(RunConfig{}).find("lora") == std::string::npos);
        struct Bad {
            const char *training;
            const char *named;
        };
        for (const Bad &b : {Bad{R"("lora": {"alpha": 8})", "training.lora.rank is required"},
                             Bad{R"("lora": {"rank": 4, "targets": ["q_proj"]})", "q_proj"},
                             Bad{R"("lora": {"rank": 4, "targets": []})", "training.lora.targets"},
                             Bad{R"("lora": {"rank": 4, "dropout": 0.1})", "training.lora.dropout"},
                             Bad{R"("lora": 8)", "training.lora must be an object"},
                             Bad{R"("freeze_layers": -1)", "training.freeze_layers"},
                             Bad{R"("freeze_embeddings": "yes")", "training.freeze_embeddings"}}) {
            const std::string text = std::string(R"({"data": {"format": "synthetic", "train": []}, "training": {)") +
                                     b.training + "}}";
            auto r = parseRunConfig(text);
            QVERIFY2(!r.ok(), b.training);
            QVERIFY2(r.error().find(b.named) != std::string::npos, r.error().c_str());
        }
    }

    void trainCommandFineTunesOnPairs()
    {
        Fixture f({{4, "{\"instruction\": \"no output\"}"}});
        auto cfg = f.config(6);
        cfg.training.lora.rank = 2;
        cfg.training.evalInterval = 3;
        {
            std::ofstream out(f.tmp.filePath("run.json").toStdString());
            out << toJson(cfg);
        }
        QProcess p;
        p.start(qEnvironmentVariable("LMWB_BINARY"), {"train", f.tmp.filePath("run.json"), "--out", f.tmp.filePath("run")});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray out = p.readAllStandardOutput(), err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, err.constData());
        QVERIFY2(out.contains("pairs: 16 train / 4 val prompt/response pairs"), out.constData());
        QVERIFY2(out.contains("fine-tuning") && out.contains("LoRA"), out.constData());
        QVERIFY2(err.contains("pairs.jsonl line 4") && err.contains("output"), err.constData());
        // The run is an ordinary checkpoint for every other command.
        p.start(qEnvironmentVariable("LMWB_BINARY"),
                {"generate", f.tmp.filePath("run"), "--prompt", "say sun 3:", "--max-new-tokens", "5", "--json"});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }
};

QTEST_GUILESS_MAIN(TestFinetuneRun)
#include "tst_finetunerun.moc"
