// ctest-labels: torch e2e
// Fine-tuning on prompt/response pairs: JSONL of both shapes with bad lines reported by
// number while the rest loads; the loss counts response tokens only; 20 pairs' loss falls;
// LoRA leaves the base weights bitwise unchanged and its merged model gives the adapter's
// outputs (and survives a Hugging Face export); freezing keeps frozen weights as they were.

#include "data/promptpairs.h"
#include "io/hfgpt2.h"
#include "model/network_p.h"
#include "train/finetune.h"
#include "train/trainer.h"

#include "runfixtures.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace lmwb::core;
using lmwb::testing::twentyPairs;

namespace {

LanguageModel tinyModel(const std::vector<PromptPair> &pairs)
{
    std::string text;
    for (const auto &p : pairs)
        text += p.prompt + p.completion + "\n";
    auto tok = trainTokenizer({TokenizerKind::Char, 0}, text);
    ModelConfig mc;
    mc.nLayer = 2;
    mc.nHead = 2;
    mc.nEmbd = 32;
    mc.blockSize = 48;
    mc.vocabSize = (*tok)->vocabSize();
    return *LanguageModel::create(mc, 11, *tok);
}

std::vector<torch::Tensor> snapshot(const LanguageModel &m)
{
    std::vector<torch::Tensor> out;
    for (auto &[n, p] : m.network()->namedParameters())
        out.push_back(p.detach().clone());
    return out;
}

bool sameBits(const std::vector<torch::Tensor> &a, const LanguageModel &m, const std::string &only = {})
{
    auto ps = m.network()->namedParameters();
    for (std::size_t i = 0; i < ps.size(); ++i)
        if ((only.empty() || ps[i].first.rfind(only, 0) == 0) && !torch::equal(a[i], ps[i].second))
            return false;
    return true;
}

} // namespace

class TestFinetune : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { torch::set_num_threads(1); }

    void jsonlReportsBadLinesAndLoadsTheRest()
    {
        const std::string text = "{\"prompt\": \"Hi\", \"completion\": \" there\"}\n"
                                 "\n"
                                 "{\"prompt\": \"broken\"\n"                              // 3: not JSON
                                 "{\"prompt\": \"x\"}\n"                                  // 4: no completion
                                 "{\"instruction\": \"Add\", \"input\": \"2 3\", \"output\": \"5\"}\n"
                                 "[1, 2]\n"                                               // 6: not an object
                                 "{\"instruction\": \"Greet\", \"output\": \"Hello\"}\r\n"
                                 "{\"prompt\": 3, \"completion\": \"a\"}\n"               // 8: not a string
                                 "{\"text\": \"plain\"}\n";                               // 9: neither shape
        auto p = parsePromptPairs(text, "pairs.jsonl");
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().c_str());
        QCOMPARE(p->pairs.size(), std::size_t(3));
        QCOMPARE(p->pairs[0].prompt, std::string("Hi"));
        QCOMPARE(p->pairs[0].completion, std::string(" there"));
        QVERIFY(p->pairs[1].prompt.find("### Instruction:\nAdd\n\n### Input:\n2 3\n\n### Response:\n") != std::string::npos);
        QCOMPARE(p->pairs[1].completion, std::string("5"));
        QVERIFY(p->pairs[2].prompt.find("### Input") == std::string::npos);
        std::vector<int64_t> lines;
        for (const auto &i : p->issues)
            lines.push_back(i.line);
        QCOMPARE(lines, (std::vector<int64_t>{3, 4, 6, 8, 9}));
        QVERIFY(p->issues[1].message.find("completion") != std::string::npos);
        auto none = parsePromptPairs("nope\n", "x.jsonl");
        QVERIFY(!none.ok());
        QVERIFY(none.error().find("line 1") != std::string::npos);
    }

    void promptTargetsAreIgnored()
    {
        auto tok = trainTokenizer({TokenizerKind::Char, 0}, "abcd:xyz");
        auto ex = encodePair(**tok, {"ab:", "xyz", 0, {}}, 16);
        QVERIFY(ex.ok());
        // ids a b : x y z -> input a b : x y, targets (b) (:) x y z with the prompt's -1
        QCOMPARE(ex->input.size(), std::size_t(5));
        QCOMPARE(ex->targets[0], -1);
        QCOMPARE(ex->targets[1], -1);
        QCOMPARE(ex->targets[2], (*tok)->encode("x")->ids[0]);
        QCOMPARE(ex->targets[4], (*tok)->encode("z")->ids[0]);
        QVERIFY(!encodePair(**tok, {"abcd:abcd:", "x", 0, {}}, 4).ok()); // no response token in the context
    }

    void fullFineTuningLowersThePairsLoss()
    {
        auto pairs = twentyPairs();
        auto base = tinyModel(pairs);
        const auto before = snapshot(base);
        FinetuneSettings s;
        s.batchSize = 8;
        s.learningRate = 3e-3;
        auto ft = Finetuner::create(base, pairs, s);
        QVERIFY2(ft.ok(), ft.ok() ? "" : ft.error().c_str());
        const double l0 = (*ft)->loss();
        for (int i = 0; i < 60; ++i)
            QVERIFY((*ft)->step().ok());
        const double l1 = (*ft)->loss();
        QVERIFY2(l1 < 0.6 * l0, qPrintable(QString("loss %1 -> %2").arg(l0).arg(l1)));
        QVERIFY(sameBits(before, base)); // the base model itself is never touched
        QVERIFY(!sameBits(before, (*ft)->model()));
    }

    void loraKeepsBaseWeightsAndMergesToTheAdapter()
    {
        auto pairs = twentyPairs();
        auto base = tinyModel(pairs);
        {
            // Embeddings of a pretrained size: with LoRA they stay frozen, and GPT-2's init
            // (std 0.02) caps the tied head's logits near zero.
            torch::NoGradGuard g;
            base.network()->gpt->wte->weight.mul_(15.0);
        }
        const auto before = snapshot(base);
        FinetuneSettings s;
        s.batchSize = 8;
        s.learningRate = 1e-2;
        s.lora.rank = 4;
        s.lora.alpha = 8;
        s.lora.targets = {"c_attn", "attn.c_proj", "c_fc", "mlp.c_proj"};
        auto ft = Finetuner::create(base, pairs, s);
        QVERIFY2(ft.ok(), ft.ok() ? "" : ft.error().c_str());
        QCOMPARE((*ft)->trainableParameters(), int64_t(2 * (4 * (32 + 96) + 4 * (32 + 32) + 4 * (32 + 128) + 4 * (128 + 32))));
        const double l0 = (*ft)->loss();
        for (int i = 0; i < 100; ++i)
            QVERIFY((*ft)->step().ok());
        const double l1 = (*ft)->loss();
        QVERIFY2(l1 < 0.8 * l0, qPrintable(QString("loss %1 -> %2").arg(l0).arg(l1)));
        QVERIFY(sameBits(before, (*ft)->model())); // frozen base weights: bitwise the same
        QVERIFY(sameBits(before, base));

        auto merged = (*ft)->merged();
        QVERIFY(merged.ok());
        QVERIFY(!sameBits(before, *merged, "h.0.attn.c_attn"));
        QVERIFY(sameBits(before, *merged, "wte")); // no adapter there
        auto ids = base.tokenizer()->encode("say owl 3: owl owl")->ids;
        auto adapter = (*ft)->logits(ids), plain = (*ft)->model().logits(ids), mergedLogits = merged->logits(ids);
        double worst = 0, moved = 0;
        for (std::size_t i = 0; i < adapter->values.size(); ++i) {
            worst = std::max(worst, double(std::abs(adapter->values[i] - mergedLogits->values[i])));
            moved = std::max(moved, double(std::abs(adapter->values[i] - plain->values[i])));
        }
        QVERIFY2(worst < 1e-5, qPrintable(QString("merged vs adapter %1").arg(worst)));
        QVERIFY(moved > 1e-2); // the adapter did change the outputs
        // Merge on export: the Hugging Face folder gives the adapter's outputs too.
        QTemporaryDir tmp;
        QVERIFY(exportHfGpt2(*merged, tmp.filePath("hf").toStdString()).ok());
        auto back = LanguageModel::load(tmp.filePath("hf").toStdString());
        QVERIFY(back.ok());
        QCOMPARE(back->logits(ids)->values, mergedLogits->values);
    }

    void freezingKeepsFrozenWeights()
    {
        auto pairs = twentyPairs();
        auto base = tinyModel(pairs);
        const auto before = snapshot(base);
        FinetuneSettings s;
        s.freezeEmbeddings = true;
        s.freezeLayers = 1;
        auto ft = Finetuner::create(base, pairs, s);
        QVERIFY(ft.ok());
        for (int i = 0; i < 5; ++i)
            QVERIFY((*ft)->step().ok());
        QVERIFY(sameBits(before, (*ft)->model(), "wte"));
        QVERIFY(sameBits(before, (*ft)->model(), "wpe"));
        QVERIFY(sameBits(before, (*ft)->model(), "h.0."));
        QVERIFY(!sameBits(before, (*ft)->model(), "h.1."));
        s.freezeLayers = 3;
        QVERIFY(!Finetuner::create(base, pairs, s).ok()); // more layers than the model has
    }

    void continuedPretrainingStartsFromTheCheckpoint()
    {
        // training.init_from: the run starts from the given model's weights, architecture and
        // tokenizer (here the synthetic additions, whose characters the char tokenizer knows).
        QTemporaryDir tmp;
        auto tok = trainTokenizer({TokenizerKind::Char, 0}, "0123456789+=\n");
        ModelConfig mc;
        mc.nLayer = 1;
        mc.nHead = 2;
        mc.nEmbd = 16;
        mc.blockSize = 16;
        mc.vocabSize = (*tok)->vocabSize();
        auto base = LanguageModel::create(mc, 21, *tok);
        const std::string ckpt = tmp.filePath("base").toStdString();
        QVERIFY(saveModelCheckpoint(*base, ckpt, ckpt).ok());
        auto cfg = parseRunConfig(R"({"data": {"format": "synthetic", "synthetic_examples": 300},
                                      "tokenizer": {"kind": "char"}, "model": {"n_layer": 4, "n_embd": 64},
                                      "training": {"max_steps": 3, "batch_size": 2, "eval_interval": 100,
                                                   "eval_steps": 1, "init_from": "base"}})",
                                  tmp.path().toStdString());
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : cfg.error().c_str());
        QCOMPARE(cfg->training.initFrom, ckpt);
        auto t = Trainer::create(*cfg, tmp.filePath("run").toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        QCOMPARE((*t)->config().model.nLayer, 1); // the model's architecture, not the section's
        const std::vector<int32_t> ids = (*tok)->encode("12+34=")->ids;
        QCOMPARE((*t)->model().logits(ids)->values, base->logits(ids)->values);
        QVERIFY((*t)->advance({}).ok());
        QVERIFY((*t)->model().logits(ids)->values != base->logits(ids)->values);
        auto bad = *cfg;
        bad.training.initFrom = tmp.filePath("nothing").toStdString();
        auto refused = Trainer::create(bad, tmp.filePath("run2").toStdString());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().find("init_from") != std::string::npos);
    }

    void finetuneCommandReportsBadLinesAndWritesTheMergedModel()
    {
        QTemporaryDir tmp;
        auto pairs = twentyPairs();
        auto base = tinyModel(pairs);
        const std::string ckpt = tmp.filePath("base").toStdString();
        QVERIFY(saveModelCheckpoint(base, ckpt, ckpt).ok());
        {
            std::ofstream jl(tmp.filePath("pairs.jsonl").toStdString());
            for (std::size_t i = 0; i < pairs.size(); ++i) {
                if (i == 2)
                    jl << "{\"prompt\": \"no completion\"}\n"; // line 3
                jl << nlohmann::json{{"prompt", pairs[i].prompt}, {"completion", pairs[i].completion}}.dump() << "\n";
            }
            std::ofstream cfg(tmp.filePath("ft.json").toStdString());
            cfg << R"({"init_from": "base", "pairs": "pairs.jsonl", "steps": 20, "batch_size": 4,
                      "learning_rate": 0.01, "lora": {"rank": 2, "targets": ["c_attn"]}})";
        }
        QProcess p;
        p.start(qEnvironmentVariable("LMWB_BINARY"),
                {"finetune", tmp.filePath("ft.json"), "--out", tmp.filePath("tuned"), "--quiet"});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray err = p.readAllStandardError(), out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("pairs.jsonl:3: skipped") && err.contains("completion"), err.constData());
        QVERIFY(out.contains("response loss"));
        auto tuned = LanguageModel::load(tmp.filePath("tuned").toStdString());
        QVERIFY2(tuned.ok(), tuned.ok() ? "" : tuned.error().c_str());
        QVERIFY(!sameBits(snapshot(base), *tuned, "h.0.attn.c_attn"));
        {
            std::ofstream cfg(tmp.filePath("bad.json").toStdString());
            cfg << R"({"init_from": "base", "pairs": "pairs.jsonl", "lora": {"rank": 2, "targets": ["q_proj"]}})";
        }
        p.start(qEnvironmentVariable("LMWB_BINARY"), {"finetune", tmp.filePath("bad.json"), "--out", tmp.filePath("x")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("q_proj"));
    }

    void configIsStrict()
    {
        auto c = parseFinetuneConfig(R"({"init_from": "base", "pairs": "p.jsonl", "steps": 30,
                                         "lora": {"rank": 8, "alpha": 16, "targets": ["c_attn"]}})",
                                     "/data");
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().c_str());
        QCOMPARE(c->initFrom, std::string("/data/base"));
        QCOMPARE(c->settings.steps, int64_t(30));
        QCOMPARE(c->settings.lora.rank, 8);
        QVERIFY(parseFinetuneConfig(R"({"init_from": "b", "pairs": "p", "stepz": 3})").error().find("stepz") !=
                std::string::npos);
        QVERIFY(parseFinetuneConfig(R"({"pairs": "p"})").error().find("init_from") != std::string::npos);
        QVERIFY(parseFinetuneConfig(R"({"init_from": "b", "pairs": "p", "lora": {"targets": ["q_proj"]}})")
                    .error()
                    .find("q_proj") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestFinetune)
#include "tst_finetune.moc"
