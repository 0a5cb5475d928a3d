// ctest-labels: torch e2e
// Hugging Face GPT-2 import and export. The test writes its own HF-layout fixture (random
// weights under GPT-2's names and shapes, Conv1D [in, out], the attn.bias mask buffers,
// config.json, a small vocab.json + merges.txt), then checks the imported model's logits
// against a reference forward written here from plain tensor operations, `lmwb score`
// against the same reference within 1e-3, bad directories against their messages, and
// export -> import against identical logits.

#include "io/checkpoint_p.h"
#include "io/hfgpt2.h"
#include "model/languagemodel.h"
#include "model/network_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace lmwb::core;
namespace fs = std::filesystem;

namespace {

constexpr int L = 2, H = 2, C = 16, P = 24; // layers, heads, width, positions

struct Fixture {
    std::map<std::string, torch::Tensor> w; // HF names without prefix, HF layout (Conv1D (in, out))
    int64_t V = 0;
    bool untied = false;
};

void writeText(const std::string &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A byte-level BPE vocabulary for the fixture: trained here, then written in GPT-2's two
// files only (no tokenizer.json of ours, as in a Hugging Face download).
TokenizerPtr writeTokenizer(const std::string &dir)
{
    auto tok = trainTokenizer({TokenizerKind::ByteBpe, 270}, "the cat sat on the mat. the dog ate the hat! 12 34 56\n");
    if (!tok)
        qFatal("%s", tok.error().c_str());
    QTemporaryDir tmp;
    if (Status s = (*tok)->save(tmp.path().toStdString()); !s)
        qFatal("%s", s.error().c_str());
    fs::copy_file(tmp.path().toStdString() + "/vocab.json", dir + "/vocab.json", fs::copy_options::overwrite_existing);
    fs::copy_file(tmp.path().toStdString() + "/merges.txt", dir + "/merges.txt", fs::copy_options::overwrite_existing);
    return *tok;
}

nlohmann::json hfConfig(int64_t V)
{
    return {{"architectures", {"GPT2LMHeadModel"}}, {"model_type", "gpt2"}, {"activation_function", "gelu_new"},
            {"n_layer", L}, {"n_head", H}, {"n_embd", C}, {"n_positions", P}, {"n_ctx", P}, {"vocab_size", V},
            {"layer_norm_epsilon", 1e-5}, {"n_inner", nullptr}, {"attn_pdrop", 0.1}, {"embd_pdrop", 0.1},
            {"resid_pdrop", 0.1}, {"bos_token_id", 50256}, {"transformers_version", "4.40.0"}};
}

// Random weights in GPT-2's names and shapes; lm_head: "none", "tied" (a copy of wte) or
// "untied" (its own values). prefix: "transformer." or "".
Fixture writeFixture(const std::string &dir, const std::string &prefix, const std::string &lmHead, uint64_t seed = 7)
{
    fs::create_directories(dir);
    auto tok = writeTokenizer(dir);
    Fixture f;
    f.V = tok->vocabSize();
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    auto rnd = [&](std::vector<int64_t> shape, double std) { return torch::randn(shape, gen) * std; };
    f.w["wte.weight"] = rnd({f.V, C}, 0.3);
    f.w["wpe.weight"] = rnd({P, C}, 0.1);
    for (int l = 0; l < L; ++l) {
        const std::string h = "h." + std::to_string(l) + ".";
        f.w[h + "ln_1.weight"] = 1.0 + rnd({C}, 0.1);
        f.w[h + "ln_1.bias"] = rnd({C}, 0.1);
        f.w[h + "attn.c_attn.weight"] = rnd({C, 3 * C}, 0.3); // Conv1D: (in, out)
        f.w[h + "attn.c_attn.bias"] = rnd({3 * C}, 0.1);
        f.w[h + "attn.c_proj.weight"] = rnd({C, C}, 0.3);
        f.w[h + "attn.c_proj.bias"] = rnd({C}, 0.1);
        f.w[h + "ln_2.weight"] = 1.0 + rnd({C}, 0.1);
        f.w[h + "ln_2.bias"] = rnd({C}, 0.1);
        f.w[h + "mlp.c_fc.weight"] = rnd({C, 4 * C}, 0.3);
        f.w[h + "mlp.c_fc.bias"] = rnd({4 * C}, 0.1);
        f.w[h + "mlp.c_proj.weight"] = rnd({4 * C, C}, 0.3);
        f.w[h + "mlp.c_proj.bias"] = rnd({C}, 0.1);
    }
    f.w["ln_f.weight"] = 1.0 + rnd({C}, 0.1);
    f.w["ln_f.bias"] = rnd({C}, 0.1);
    std::vector<std::pair<std::string, torch::Tensor>> file;
    for (auto &[n, t] : f.w)
        file.emplace_back(prefix + n, t);
    for (int l = 0; l < L; ++l) { // the mask buffers GPT-2 checkpoints carry
        file.emplace_back(prefix + "h." + std::to_string(l) + ".attn.bias", torch::ones({1, 1, P, P}).tril());
        file.emplace_back(prefix + "h." + std::to_string(l) + ".attn.masked_bias", torch::tensor(-1e4));
    }
    if (lmHead == "tied") {
        file.emplace_back("lm_head.weight", f.w["wte.weight"].clone());
    } else if (lmHead == "untied") {
        f.w["lm_head.weight"] = rnd({f.V, C}, 0.3);
        file.emplace_back("lm_head.weight", f.w["lm_head.weight"]);
        f.untied = true;
    }
    if (Status s = saveTensors(dir + "/model.safetensors", file, {{"format", "pt"}}); !s)
        qFatal("%s", s.error().c_str());
    writeText(dir + "/config.json", hfConfig(f.V).dump(2));
    return f;
}

// The reference: GPT-2's forward pass from plain tensor operations in float64, written from
// the paper and Hugging Face's modeling_gpt2 semantics (Conv1D: y = x W + b), not from our
// modules.
torch::Tensor layerNorm(const torch::Tensor &x, const torch::Tensor &g, const torch::Tensor &b)
{
    auto mean = x.mean(-1, true);
    auto var = (x - mean).pow(2).mean(-1, true);
    return (x - mean) / torch::sqrt(var + 1e-5) * g + b;
}

torch::Tensor geluNew(const torch::Tensor &x)
{
    return 0.5 * x * (1.0 + torch::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x.pow(3))));
}

torch::Tensor reference(const Fixture &f, const std::vector<int32_t> &ids)
{
    auto w = [&](const std::string &n) { return f.w.at(n).to(torch::kFloat64); };
    const int64_t T = static_cast<int64_t>(ids.size());
    const int64_t hs = C / H;
    auto idx = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()));
    auto x = w("wte.weight").index_select(0, idx) + w("wpe.weight").slice(0, 0, T); // (T, C)
    auto future = torch::ones({T, T}).triu(1).to(torch::kBool);
    for (int l = 0; l < L; ++l) {
        const std::string h = "h." + std::to_string(l) + ".";
        auto a = layerNorm(x, w(h + "ln_1.weight"), w(h + "ln_1.bias"));
        auto qkv = a.matmul(w(h + "attn.c_attn.weight")) + w(h + "attn.c_attn.bias"); // (T, 3C)
        std::vector<torch::Tensor> heads;
        for (int hd = 0; hd < H; ++hd) {
            auto q = qkv.slice(1, hd * hs, (hd + 1) * hs);
            auto k = qkv.slice(1, C + hd * hs, C + (hd + 1) * hs);
            auto v = qkv.slice(1, 2 * C + hd * hs, 2 * C + (hd + 1) * hs);
            auto s = q.matmul(k.t()) / std::sqrt(static_cast<double>(hs));
            s = s.masked_fill(future, -1e30);
            heads.push_back(torch::softmax(s, -1).matmul(v)); // (T, hs)
        }
        x = x + torch::cat(heads, 1).matmul(w(h + "attn.c_proj.weight")) + w(h + "attn.c_proj.bias");
        auto m = layerNorm(x, w(h + "ln_2.weight"), w(h + "ln_2.bias"));
        m = geluNew(m.matmul(w(h + "mlp.c_fc.weight")) + w(h + "mlp.c_fc.bias"));
        x = x + m.matmul(w(h + "mlp.c_proj.weight")) + w(h + "mlp.c_proj.bias");
    }
    x = layerNorm(x, w("ln_f.weight"), w("ln_f.bias"));
    return x.matmul((f.untied ? w("lm_head.weight") : w("wte.weight")).t()); // (T, V)
}

std::vector<int32_t> encodeIds(const LanguageModel &m, const std::string &text)
{
    auto e = m.tokenizer()->encode(text);
    return e ? e->ids : std::vector<int32_t>{};
}

double maxDiff(const Logits &a, const torch::Tensor &ref)
{
    auto t = torch::from_blob(const_cast<float *>(a.values.data()), {a.T, a.V}).to(torch::kFloat64);
    return (t - ref).abs().max().item<double>();
}

struct Run {
    int code = -1;
    QByteArray out, err;
};

Run runLmwb(const QStringList &args)
{
    QProcess p;
    p.setProgram(qEnvironmentVariable("LMWB_BINARY"));
    p.setArguments(args);
    p.start();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

const std::string kText = "the cat ate the hat! 12 34";

} // namespace

class TestHfGpt2 : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { torch::set_num_threads(1); }

    void importMatchesReference_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("lmHead");
        QTest::newRow("prefixed, no lm_head") << "transformer." << "none";
        QTest::newRow("plain names, no lm_head") << "" << "none";
        QTest::newRow("lm_head = wte (tied, saved twice)") << "transformer." << "tied";
        QTest::newRow("untied lm_head") << "transformer." << "untied";
    }
    void importMatchesReference()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, lmHead);
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/gpt2";
        Fixture f = writeFixture(dir, prefix.toStdString(), lmHead.toStdString());
        QVERIFY(isHfGpt2Directory(dir));
        auto m = LanguageModel::load(dir); // what every CLI command taking a CKPT does
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        QCOMPARE(m->config().nLayer, L);
        QCOMPARE(m->config().blockSize, P);
        QCOMPARE(m->config().activation, std::string("gelu_tanh"));
        QCOMPARE(m->config().tieEmbeddings, lmHead != "untied");
        QCOMPARE(m->tokenizer()->vocabSize(), static_cast<int32_t>(f.V));
        auto ids = encodeIds(*m, kText);
        QVERIFY(ids.size() > 5);
        auto logits = m->logits(ids);
        QVERIFY2(logits.ok(), logits.ok() ? "" : logits.error().c_str());
        const double d = maxDiff(*logits, reference(f, ids));
        QVERIFY2(d < 1e-4, qPrintable(QString("max |logit - reference| = %1").arg(d)));
        // The full context too (positions up to n_positions - 1).
        std::vector<int32_t> full(P);
        for (int i = 0; i < P; ++i)
            full[i] = static_cast<int32_t>((i * 37) % f.V);
        auto lf = m->logits(full);
        QVERIFY(lf.ok());
        QVERIFY(maxDiff(*lf, reference(f, full)) < 1e-4);
    }

    void attentionOfAnImportUpToItsContext()
    {
        // The Attention tab and `lmwb attention` read an imported GPT-2 through the same
        // LanguageModel::attention: every layer and head, rows of probabilities, causal,
        // up to n_positions tokens and no further.
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/gpt2";
        Fixture f = writeFixture(dir, "transformer.", "none");
        auto m = LanguageModel::load(dir);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        std::vector<int32_t> full(P);
        for (int i = 0; i < P; ++i)
            full[i] = static_cast<int32_t>((i * 37) % f.V);
        auto att = m->attention(full);
        QVERIFY2(att.ok(), att.ok() ? "" : att.error().c_str());
        QCOMPARE(att->nLayer, L);
        QCOMPARE(att->nHead, H);
        QCOMPARE(att->T, static_cast<int64_t>(P));
        for (int l = 0; l < L; ++l)
            for (int h = 0; h < H; ++h)
                for (int64_t q = 0; q < P; ++q) {
                    double sum = 0;
                    for (int64_t k = 0; k < P; ++k) {
                        if (k > q)
                            QCOMPARE(att->at(l, h, q, k), 0.0f);
                        sum += att->at(l, h, q, k);
                    }
                    QVERIFY(std::abs(sum - 1.0) < 1e-5);
                }
        full.push_back(1);
        auto tooLong = m->attention(full);
        QVERIFY(!tooLong.ok());
        QVERIFY2(QString::fromStdString(tooLong.error()).contains(QString::number(P)), tooLong.error().c_str());
    }

    void scoreCommandMatchesReference()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/gpt2";
        Fixture f = writeFixture(dir, "", "none");
        Run r = runLmwb({"score", QString::fromStdString(dir), "--text", QString::fromStdString(kText), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray idsJson = o["ids"].toArray(), lps = o["logprobs"].toArray();
        std::vector<int32_t> ids;
        for (const auto &v : idsJson)
            ids.push_back(v.toInt());
        auto m = LanguageModel::load(dir);
        QVERIFY(m.ok());
        QCOMPARE(ids, encodeIds(*m, kText));
        QCOMPARE(lps.size(), static_cast<qsizetype>(ids.size() - 1));
        auto logp = torch::log_softmax(reference(f, ids), -1);
        double worst = 0;
        for (std::size_t i = 0; i + 1 < ids.size(); ++i)
            worst = std::max(worst, std::abs(lps[static_cast<int>(i)].toDouble() - logp[i][ids[i + 1]].item<double>()));
        QVERIFY2(worst < 1e-3, qPrintable(QString("max |logprob - reference| = %1").arg(worst)));
    }

    void importHfCommandWritesOurCheckpoint()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/gpt2";
        writeFixture(dir, "transformer.", "untied");
        const QString ckpt = tmp.path() + "/ckpt", run = tmp.path() + "/run";
        Run r = runLmwb({"import-hf", QString::fromStdString(dir), "--out", ckpt});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFile::exists(ckpt + "/model.safetensors"));
        QVERIFY(!isHfGpt2Directory(ckpt.toStdString())); // ours: config.json with a "model" section
        auto hf = LanguageModel::load(dir);
        auto ours = LanguageModel::load(ckpt.toStdString());
        QVERIFY2(ours.ok(), ours.ok() ? "" : ours.error().c_str());
        auto ids = encodeIds(*hf, kText);
        QCOMPARE(ours->logits(ids)->values, hf->logits(ids)->values);
        // As a run directory (what the window's File > Open Hugging Face model folder does).
        QVERIFY(importHfGpt2(dir, run.toStdString(), true).ok());
        QVERIFY(QFile::exists(run + "/latest") && QFile::exists(run + "/config.json"));
        auto asRun = LanguageModel::load(run.toStdString());
        QVERIFY(asRun.ok());
        QCOMPARE(asRun->logits(ids)->values, hf->logits(ids)->values);
        // Bad usage; an existing output is never replaced
        QCOMPARE(runLmwb({"import-hf", QString::fromStdString(dir)}).code, 2);
        Run again = runLmwb({"import-hf", QString::fromStdString(dir), "--out", ckpt});
        QCOMPARE(again.code, 2);
        QVERIFY2(again.err.contains("already exists"), again.err.constData());
        QVERIFY(QFile::exists(ckpt + "/model.safetensors"));
        Run bad = runLmwb({"import-hf", tmp.path() + "/nothing", "--out", tmp.path() + "/x"});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("nothing"));
    }

    void badDirectoriesAreNamed_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing n_layer") << "no-n_layer" << "\"n_layer\" is missing";
        QTest::newRow("no context length") << "no-positions" << "n_positions";
        QTest::newRow("other model_type") << "model_type" << "only \"gpt2\"";
        QTest::newRow("activation") << "activation" << "activation_function";
        QTest::newRow("layer_norm_epsilon") << "eps" << "layer_norm_epsilon";
        QTest::newRow("wrong shape") << "shape" << "h.1.mlp.c_fc.weight";
        QTest::newRow("missing tensor") << "missing" << "ln_f.bias";
        QTest::newRow("unknown tensor") << "unknown" << "score.weight";
        QTest::newRow("vocab mismatch") << "vocab" << "vocab_size";
        QTest::newRow("no tokenizer") << "no-tokenizer" << "vocab.json";
        QTest::newRow("pickle only") << "pickle" << "pytorch_model.bin";
    }
    void badDirectoriesAreNamed()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/gpt2";
        Fixture f = writeFixture(dir, "", "none");
        auto cfg = hfConfig(f.V);
        auto tensorsWith = [&](const std::function<void(std::vector<std::pair<std::string, torch::Tensor>> &)> &edit) {
            std::vector<std::pair<std::string, torch::Tensor>> file(f.w.begin(), f.w.end());
            edit(file);
            QVERIFY(saveTensors(dir + "/model.safetensors", file).ok());
        };
        if (what == "no-n_layer")
            cfg.erase("n_layer");
        else if (what == "no-positions")
            cfg.erase("n_positions"), cfg.erase("n_ctx");
        else if (what == "model_type")
            cfg["model_type"] = "llama";
        else if (what == "activation")
            cfg["activation_function"] = "relu";
        else if (what == "eps")
            cfg["layer_norm_epsilon"] = 1e-6;
        else if (what == "vocab")
            cfg["vocab_size"] = f.V + 1;
        else if (what == "shape")
            tensorsWith([](auto &file) {
                for (auto &[n, t] : file)
                    if (n == "h.1.mlp.c_fc.weight")
                        t = t.t().contiguous(); // (out, in): the wrong layout
            });
        else if (what == "missing")
            tensorsWith([](auto &file) {
                file.erase(std::remove_if(file.begin(), file.end(), [](auto &p) { return p.first == "ln_f.bias"; }),
                           file.end());
            });
        else if (what == "unknown")
            tensorsWith([](auto &file) { file.emplace_back("score.weight", torch::zeros({2, C})); });
        else if (what == "no-tokenizer")
            fs::remove(dir + "/vocab.json");
        else if (what == "pickle") {
            fs::remove(dir + "/model.safetensors");
            writeText(dir + "/pytorch_model.bin", "PK");
        }
        writeText(dir + "/config.json", cfg.dump());
        auto m = LanguageModel::load(dir);
        QVERIFY(!m.ok());
        QVERIFY2(QString::fromStdString(m.error()).contains(message), m.error().c_str());
    }

    void exportThenImportGivesIdenticalLogits_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("bias");
        QTest::newRow("char, no bias (nanoGPT default)") << "char" << false;
        QTest::newRow("bpe, bias") << "bpe" << true;
        QTest::newRow("bpe, no bias") << "bpe" << false;
    }
    void exportThenImportGivesIdenticalLogits()
    {
        QFETCH(QString, kind);
        QFETCH(bool, bias);
        QTemporaryDir tmp;
        const std::string text = "the cat sat on the mat. the dog ate the hat!\n";
        auto tok = trainTokenizer({kind == "char" ? TokenizerKind::Char : TokenizerKind::ByteBpe, 265}, text);
        QVERIFY(tok.ok());
        ModelConfig mc;
        mc.nLayer = 2;
        mc.nHead = 2;
        mc.nEmbd = 16;
        mc.blockSize = 16;
        mc.bias = bias;
        mc.vocabSize = (*tok)->vocabSize();
        auto m = LanguageModel::create(mc, 3, *tok);
        QVERIFY(m.ok());
        {
            torch::NoGradGuard g; // non-trivial biases and norms, so a dropped tensor would show
            for (auto &[n, p] : m->network()->namedParameters())
                if (p.dim() == 1)
                    p.normal_(bias ? 0.0 : 1.0, 0.2);
        }
        const std::string out = tmp.path().toStdString() + "/export";
        Status s = exportHfGpt2(*m, out);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().c_str());
        QVERIFY(isHfGpt2Directory(out));
        QVERIFY(fs::exists(out + "/README.md"));
        QCOMPARE(fs::exists(out + "/vocab.json"), kind == "bpe");
        // HF layout: prefixed names, Conv1D (in, out), always biases, n_ctx in the config.
        auto st = SafeTensors::readFile(out + "/model.safetensors");
        QVERIFY(st.ok());
        QCOMPARE(st->metadata().at("format"), std::string("pt"));
        const TensorEntry *fc = st->find("transformer.h.0.mlp.c_fc.weight");
        QVERIFY(fc);
        QCOMPARE(fc->shape, (std::vector<int64_t>{16, 64}));
        QVERIFY(st->find("transformer.h.1.attn.c_attn.bias"));
        QVERIFY(st->find("transformer.ln_f.bias"));
        QVERIFY(!st->find("lm_head.weight"));
        std::ifstream cin(out + "/config.json");
        auto cfg = nlohmann::json::parse(cin);
        QCOMPARE(cfg["n_ctx"].get<int>(), 16);
        QCOMPARE(cfg["n_positions"].get<int>(), 16);
        QCOMPARE(cfg["model_type"].get<std::string>(), std::string("gpt2"));
        QCOMPARE(cfg["activation_function"].get<std::string>(), std::string("gelu"));

        auto back = LanguageModel::load(out);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
        QCOMPARE(back->config().bias, bias);
        auto ids = m->tokenizer()->encode("the hat sat")->ids;
        QCOMPARE(back->tokenizer()->encode("the hat sat")->ids, ids);
        QCOMPARE(back->logits(ids)->values, m->logits(ids)->values); // bitwise
        // The CLI, from a checkpoint written by import-hf
        const QString ckpt = tmp.path() + "/ckpt", again = tmp.path() + "/again";
        QCOMPARE(runLmwb({"import-hf", QString::fromStdString(out), "--out", ckpt}).code, 0);
        Run r = runLmwb({"export-hf", ckpt, "--out", again});
        QVERIFY2(r.code == 0, r.err.constData());
        auto twice = LanguageModel::load(again.toStdString());
        QVERIFY(twice.ok());
        QCOMPARE(twice->logits(ids)->values, m->logits(ids)->values);
    }

    void exportOfAnImportKeepsGpt2sHead()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/gpt2", out = tmp.path().toStdString() + "/out";
        writeFixture(dir, "", "untied");
        auto m = LanguageModel::load(dir);
        QVERIFY(m.ok());
        QVERIFY(exportHfGpt2(*m, out).ok());
        auto st = SafeTensors::readFile(out + "/model.safetensors");
        QVERIFY(st->find("lm_head.weight"));
        std::ifstream cin(out + "/config.json");
        auto cfg = nlohmann::json::parse(cin);
        QCOMPARE(cfg["activation_function"].get<std::string>(), std::string("gelu_new"));
        QCOMPARE(cfg["tie_word_embeddings"].get<bool>(), false);
        auto back = LanguageModel::load(out);
        QVERIFY(back.ok());
        auto ids = encodeIds(*m, kText);
        QCOMPARE(back->logits(ids)->values, m->logits(ids)->values);
    }
};

QTEST_GUILESS_MAIN(TestHfGpt2)
#include "tst_hfgpt2.moc"
