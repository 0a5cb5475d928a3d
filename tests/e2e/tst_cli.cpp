// ctest-labels: e2e
// The real lmwb binary, headless: train 50 steps on the built-in corpus, then generate,
// score, tokenize, tokenizer-train and attention on the result; bad usage exits 2 with
// one line on stderr and no stack trace.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
};

Run lmwb(const QStringList &args, int timeoutMs = 240000)
{
    QProcess p;
    p.setProgram(qEnvironmentVariable("LMWB_BINARY"));
    p.setArguments(args);
    p.start();
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject json(const QByteArray &bytes)
{
    QJsonParseError e;
    auto doc = QJsonDocument::fromJson(bytes, &e);
    if (doc.isNull())
        qWarning() << "not JSON:" << e.errorString() << bytes.left(300);
    return doc.object();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_run;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("LMWB_BINARY")), "LMWB_BINARY must name the built lmwb");
        QVERIFY(m_dir.isValid());
    }

    void trainFiftySteps()
    {
        const QString cfg = m_dir.filePath("run.json");
        QFile f(cfg);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"data": {"format": "synthetic"}, "tokenizer": {"kind": "char"},
                   "model": {"n_layer": 2, "n_head": 2, "n_embd": 48, "block_size": 32},
                   "training": {"max_steps": 50, "batch_size": 16, "learning_rate": 0.003, "min_lr": 0.0003,
                                "warmup_steps": 5, "lr_decay_steps": 50, "eval_interval": 25, "eval_steps": 5,
                                "checkpoint_interval": 25, "threads": 2}})");
        f.close();
        m_run = m_dir.filePath("run");
        Run r = lmwb({"train", cfg, "--out", m_run});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("done at step 50"));
        QVERIFY(QFile::exists(m_run + "/checkpoints/step-25/model.safetensors"));
        QVERIFY(QFile::exists(m_run + "/checkpoints/step-50/model.safetensors"));
        QFile metrics(m_run + "/metrics.jsonl");
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        QList<double> val;
        int steps = 0;
        for (const QByteArray &line : metrics.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            auto o = json(line);
            if (o.value("eval").toBool())
                val << o.value("val_loss").toDouble();
            else
                ++steps;
        }
        QCOMPARE(steps, 50);
        QCOMPARE(val.size(), 3);
        QVERIFY2(val.last() < val.first() - 0.2, qPrintable(QString("%1 -> %2").arg(val.first()).arg(val.last())));
        // an existing run is not overwritten
        Run again = lmwb({"train", cfg, "--out", m_run});
        QCOMPARE(again.code, 2);
        QVERIFY(again.err.contains("--resume"));
    }

    void generate()
    {
        Run r = lmwb({"generate", m_run, "--prompt", "12+3", "--max-new-tokens", "20", "--temperature", "0.8",
                      "--top-k", "5", "--top-p", "0.9", "--min-p", "0.01", "--repetition-penalty", "1.1", "--seed",
                      "7", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        auto o = json(r.out);
        QCOMPARE(o.value("prompt").toString(), QString("12+3"));
        const auto tokens = o.value("tokens").toArray();
        QCOMPARE(tokens.size(), 20);
        QString text = "12+3";
        for (const auto &t : tokens) {
            const auto tok = t.toObject();
            QVERIFY(tok.contains("id") && tok.contains("piece"));
            const double p = tok.value("prob").toDouble();
            QVERIFY(p > 0.0 && p <= 1.0);
            text += tok.value("piece").toString();
        }
        QCOMPARE(o.value("text").toString(), text);
        QVERIFY(o.value("tokens_per_second").toDouble() > 0);
        // same seed, same text
        Run again = lmwb({"generate", m_run, "--prompt", "12+3", "--max-new-tokens", "20", "--temperature", "0.8",
                          "--top-k", "5", "--top-p", "0.9", "--min-p", "0.01", "--repetition-penalty", "1.1",
                          "--seed", "7", "--json"});
        QCOMPARE(json(again.out).value("text").toString(), text);
        // far past the context (block 32): the cache and --no-cache give the same text, with
        // either window policy
        for (const QString &policy : {QStringLiteral("shift"), QStringLiteral("crop")}) {
            const QStringList args{"generate", m_run, "--prompt", "12+3", "--max-new-tokens", "80", "--seed", "3",
                                   "--context", policy, "--keep-tokens", "10", "--json"};
            Run cached = lmwb(args), uncached = lmwb(args + QStringList{"--no-cache"});
            QVERIFY2(cached.code == 0 && uncached.code == 0, cached.err.constData());
            QCOMPARE(json(cached.out).value("text").toString(), json(uncached.out).value("text").toString());
        }
        Run badKeep = lmwb({"generate", m_run, "--prompt", "1", "--keep-tokens", "32"});
        QCOMPARE(badKeep.code, 2);
        QVERIFY2(badKeep.err.contains("keep_tokens"), badKeep.err.constData());
    }

    void score()
    {
        Run r = lmwb({"score", m_run, "--text", "12+34=46", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        auto o = json(r.out);
        QCOMPARE(o.value("ids").toArray().size(), 8);
        const auto lp = o.value("logprobs").toArray();
        QCOMPARE(lp.size(), 7);
        double sum = 0;
        for (const auto &v : lp) {
            QVERIFY(v.toDouble() <= 0.0);
            sum -= v.toDouble();
        }
        QVERIFY(std::abs(o.value("mean_nll").toDouble() - sum / 7) < 1e-6);
        QVERIFY(std::abs(o.value("perplexity").toDouble() - std::exp(sum / 7)) < 1e-4);
    }

    void tokenize()
    {
        Run r = lmwb({"tokenize", m_run, "--text", "1+22=23", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        auto o = json(r.out);
        QCOMPARE(o.value("ids").toArray().size(), 7);
        QCOMPARE(o.value("pieces").toArray().at(1).toString(), QString("+"));
        QCOMPARE(o.value("offsets").toArray().at(2).toArray().at(0).toInt(), 2);
        Run bad = lmwb({"tokenize", m_run, "--text", "hello"});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("U+0068"));
    }

    void attention()
    {
        Run r = lmwb({"attention", m_run, "--text", "1+2=3", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        auto o = json(r.out);
        QCOMPARE(o.value("n_layer").toInt(), 2);
        QCOMPARE(o.value("n_head").toInt(), 2);
        const auto rows = o.value("attention").toArray().at(1).toArray().at(0).toArray();
        QCOMPARE(rows.size(), 5);
        double sum = 0;
        for (const auto &v : rows.at(2).toArray())
            sum += v.toDouble();
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
    }

    void tokenizerTrainAndUse_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addRow("bpe") << "bpe";
        QTest::addRow("spm-unigram") << "spm-unigram";
    }
    void tokenizerTrainAndUse()
    {
        QFETCH(QString, kind);
        const QString corpus = m_dir.filePath("mixed.txt");
        QFile f(corpus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QStringList words = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "床前明月光",
                                   "疑是地上霜", "举头望明月", "低头思故乡", "🦊", "naïve", "café", "zebra", "quilt"};
        for (int i = 0; i < 400; ++i) {
            QStringList line;
            for (int k = 0; k < 9; ++k)
                line << words[(i * 7 + k * k * 3 + i / 5) % words.size()];
            f.write((QString("line %1: ").arg(i) + line.join(' ') + "\n").toUtf8());
        }
        f.close();
        const QString out = m_dir.filePath("tok-" + kind);
        Run r = lmwb({"tokenizer-train", "--kind", kind, "--vocab-size", "320", "--out", out, corpus, "--quiet"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString text = QStringLiteral("the fox 明月 🦊 line 7");
        Run t = lmwb({"tokenize", out, "--text", text, "--json"});
        QVERIFY2(t.code == 0, t.err.constData());
        const auto o = json(t.out);
        const auto offsets = o.value("offsets").toArray();
        QVERIFY(!offsets.isEmpty());
        QCOMPARE(offsets.last().toArray().at(1).toInt(), int(text.toUtf8().size()));
    }

    void badUsageExitsTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown command") << QStringList{"fly"} << "unknown command";
        QTest::addRow("unknown option") << QStringList{"train", "x.json", "--out", "y", "--bogus"} << "unknown option";
        QTest::addRow("missing config") << QStringList{"train", "/nonexistent.json", "--out", "/tmp/x"} << "/nonexistent.json";
        QTest::addRow("missing ckpt") << QStringList{"generate", "/nonexistent", "--prompt", "a"} << "/nonexistent";
        QTest::addRow("bad number") << QStringList{"generate", "x", "--temperature", "hot"} << "--temperature";
        QTest::addRow("bad context") << QStringList{"generate", "x", "--context", "slide"} << "--context";
        QTest::addRow("bad precision") << QStringList{"generate", "x", "--precision", "fp8"} << "--precision";
        QTest::addRow("no text") << QStringList{"score", "x"} << "--text";
        QTest::addRow("bad kind") << QStringList{"tokenizer-train", "--kind", "words", "--out", "x", "y"} << "kind";
        QTest::addRow("no out") << QStringList{"train", "x.json"} << "--out";
    }
    void badUsageExitsTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        Run r = lmwb(args);
        QCOMPARE(r.code, 2);
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QVERIFY2(lines.first().contains(expected.toUtf8()), r.err.constData());
        if (expected != "unknown command") // that one prints the usage after its reason
            QCOMPARE(lines.size(), 1);
        QVERIFY(!r.err.contains("frame #"));
    }

    void badConfigNamesTheKey()
    {
        const QString cfg = m_dir.filePath("bad.json");
        QFile f(cfg);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"data": {"format": "synthetic"}, "training": {"learning_rat": 0.1}})");
        f.close();
        Run r = lmwb({"train", cfg, "--out", m_dir.filePath("never")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("training.learning_rat"), r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath("never")));
    }

    void nonUtf8CorpusIsReported()
    {
        const QString corpus = m_dir.filePath("latin1.txt");
        QFile f(corpus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("abc\xe9t\xe9\n");
        f.close();
        Run r = lmwb({"tokenizer-train", "--kind", "char", "--out", m_dir.filePath("t"), corpus});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("byte 3"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
