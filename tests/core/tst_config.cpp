// ctest-labels: unit
// The run configuration: strict parsing (errors name the key), round trip, LR schedule.

#include "config/runconfig.h"

#include <QtTest>

#include <cmath>

using namespace lmwb::core;

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void defaultsMatchNanoGptCpuConfig()
    {
        auto c = parseRunConfig(R"({"data": {"train": ["x.txt"]}})");
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().c_str());
        QCOMPARE(c->model.nLayer, 4);
        QCOMPARE(c->model.nHead, 4);
        QCOMPARE(c->model.nEmbd, 128);
        QCOMPARE(c->model.blockSize, 64);
        QCOMPARE(c->training.batchSize, 12);
        QCOMPARE(c->training.learningRate, 1e-3);
        QCOMPARE(c->training.minLr, 1e-4);
        QCOMPARE(c->training.beta2, 0.99);
        QCOMPARE(c->training.warmupSteps, int64_t(100));
        QCOMPARE(c->data.valFraction, 0.1);
        QCOMPARE(c->training.device, std::string("auto"));
        QCOMPARE(c->training.distTimeout, 30.0);
    }

    void roundTrip()
    {
        const char *json = R"({
          "data": {"train": ["/tmp/corpus.txt"], "format": "fortune", "val_fraction": 0.2},
          "tokenizer": {"kind": "spm-unigram", "vocab_size": 2000, "character_coverage": 0.9995},
          "model": {"arch": "lstm", "n_layer": 2, "n_head": 1, "n_embd": 96, "block_size": 32, "dropout": 0.1, "bias": true},
          "training": {"max_steps": 77, "batch_size": 3, "learning_rate": 0.003, "min_lr": 0.0003, "seed": 42,
                       "precision": "bf16", "threads": 1, "gradient_accumulation_steps": 2,
                       "device": "cpu", "dist_timeout": 7.5}
        })";
        auto a = parseRunConfig(json);
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().c_str());
        auto b = parseRunConfig(toJson(*a));
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().c_str());
        QCOMPARE(toJson(*a), toJson(*b));
        QCOMPARE(b->model.arch, Arch::Lstm);
        QCOMPARE(b->tokenizer.kind, TokenizerKind::SpmUnigram);
        QCOMPARE(b->tokenizer.vocabSize, 2000);
        QCOMPARE(b->training.precision, std::string("bf16"));
        QCOMPARE(b->training.gradientAccumulationSteps, 2);
        QCOMPARE(b->data.format, std::string("fortune"));
        QCOMPARE(b->training.seed, uint64_t(42));
        QCOMPARE(b->training.device, std::string("cpu"));
        QCOMPARE(b->training.distTimeout, 7.5);
    }

    void relativePathsResolveAgainstTheConfigFolder()
    {
        auto c = parseRunConfig(R"({"data": {"train": ["data/a.txt"]}})", "/home/u/proj");
        QVERIFY(c.ok());
        QCOMPARE(c->data.train.at(0), std::string("/home/u/proj/data/a.txt"));
    }

    void errorsNameTheKey_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        const QString ok = R"("data": {"train": ["x"]})";
        QTest::addRow("not json") << "{" << "not valid JSON";
        QTest::addRow("not object") << "[1,2]" << "must be a JSON object";
        QTest::addRow("unknown section") << R"({"data": {"train": ["x"]}, "modle": {}})" << "unknown key 'modle'";
        QTest::addRow("unknown data key") << R"({"data": {"trian": ["x"]}})" << "unknown key 'data.trian'";
        QTest::addRow("unknown model key") << "{" + ok + R"(, "model": {"n_layers": 2}})" << "unknown key 'model.n_layers'";
        QTest::addRow("unknown training key") << "{" + ok + R"(, "training": {"lr": 0.1}})" << "unknown key 'training.lr'";
        QTest::addRow("wrong type") << "{" + ok + R"(, "model": {"n_layer": "four"}})" << "model.n_layer must be an integer";
        QTest::addRow("out of range") << "{" + ok + R"(, "training": {"learning_rate": -1}})" << "training.learning_rate must be > 0";
        QTest::addRow("zero batch") << "{" + ok + R"(, "training": {"batch_size": 0}})" << "training.batch_size must be between 1";
        QTest::addRow("bad kind") << "{" + ok + R"(, "tokenizer": {"kind": "word"}})" << "tokenizer.kind must be one of";
        QTest::addRow("bad precision") << "{" + ok + R"(, "training": {"precision": "fp16"}})" << "training.precision must be one of";
        QTest::addRow("bad device") << "{" + ok + R"(, "training": {"device": "gpu"}})" << "training.device must be one of";
        QTest::addRow("device not string") << "{" + ok + R"(, "training": {"device": 1}})" << "training.device must be one of";
        QTest::addRow("dist timeout zero") << "{" + ok + R"(, "training": {"dist_timeout": 0}})" << "training.dist_timeout must be >= 1";
        QTest::addRow("dist timeout text") << "{" + ok + R"(, "training": {"dist_timeout": "30s"}})" << "training.dist_timeout must be a number";
        QTest::addRow("heads divide width") << "{" + ok + R"(, "model": {"n_head": 3, "n_embd": 128}})" << "divisible by model.n_head";
        QTest::addRow("min_lr above lr") << "{" + ok + R"(, "training": {"min_lr": 0.1}})" << "min_lr must not exceed";
        QTest::addRow("no data") << R"({"data": {}})" << "data.train lists no file";
        QTest::addRow("synthetic with files") << R"({"data": {"format": "synthetic", "train": ["x"]}})" << "must be empty";
        QTest::addRow("bool as number") << "{" + ok + R"(, "model": {"bias": 1}})" << "model.bias must be true or false";
        QTest::addRow("bpe needs vocab") << "{" + ok + R"(, "tokenizer": {"kind": "bpe"}})" << "at least 256";
        QTest::addRow("section not object") << R"({"data": [1]})" << "data must be a JSON object";
        QTest::addRow("val fraction") << R"({"data": {"train": ["x"], "val_fraction": 0.9}})" << "data.val_fraction must be";
    }

    void errorsNameTheKey()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        auto c = parseRunConfig(json.toStdString());
        QVERIFY(!c.ok());
        QVERIFY2(QString::fromStdString(c.error()).contains(expected), c.error().c_str());
    }

    void missingFileIsNamed()
    {
        auto c = readRunConfigFile("/nonexistent/run.json");
        QVERIFY(!c.ok());
        QVERIFY(QString::fromStdString(c.error()).contains("/nonexistent/run.json"));
    }

    void learningRateSchedule_data()
    {
        QTest::addColumn<qint64>("step");
        QTest::addColumn<double>("expected");
        // lr 1e-3, min 1e-4, warmup 100, decay to 2000 (nanoGPT's get_lr by hand)
        QTest::addRow("first") << qint64(0) << 1e-3 * 1 / 101;
        QTest::addRow("warmup mid") << qint64(49) << 1e-3 * 50 / 101;
        QTest::addRow("warmup last") << qint64(99) << 1e-3 * 100 / 101;
        QTest::addRow("peak") << qint64(100) << 1e-3;
        QTest::addRow("half") << qint64(1050) << 1e-4 + 0.5 * (1e-3 - 1e-4);
        QTest::addRow("quarter") << qint64(575) << 1e-4 + 0.5 * (1 + std::cos(M_PI * 0.25)) * 9e-4;
        QTest::addRow("end") << qint64(2000) << 1e-4;
        QTest::addRow("after") << qint64(5000) << 1e-4;
    }

    void learningRateSchedule()
    {
        QFETCH(qint64, step);
        QFETCH(double, expected);
        TrainingConfig t;
        QVERIFY(std::abs(learningRateAt(t, step) - expected) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
