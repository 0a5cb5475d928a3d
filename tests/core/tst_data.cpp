// ctest-labels: unit
// Corpus readers, fortune clean-up, UTF-8 checks, splits and seeded batches.

#include "data/corpus.h"
#include "data/dataset.h"
#include "util/utf8.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <regex>

using namespace lmwb::core;

namespace {
std::string writeFile(const QTemporaryDir &dir, const std::string &name, const std::string &bytes)
{
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}
} // namespace

class TestData : public QObject {
    Q_OBJECT

private slots:
    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("offset"); // -1 = valid
        QTest::addRow("ascii") << QByteArray("hello") << -1;
        QTest::addRow("chinese") << QByteArray("床前明月光") << -1;
        QTest::addRow("emoji") << QByteArray("ok 👍🏽 👨‍👩‍👧") << -1;
        QTest::addRow("latin1 byte") << QByteArray("caf\xe9 au lait") << 3;
        QTest::addRow("truncated") << QByteArray("ab\xe5\xba") << 2;
        QTest::addRow("overlong") << QByteArray("x\xc0\xaf") << 1;
        QTest::addRow("surrogate") << QByteArray("xy\xed\xa0\x80") << 2;
        QTest::addRow("lone continuation") << QByteArray("abc\x80") << 3;
        QTest::addRow("above max") << QByteArray("\xf4\x90\x80\x80") << 0;
    }
    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, offset);
        auto bad = firstInvalidUtf8(std::string_view(bytes.constData(), bytes.size()));
        if (offset < 0)
            QVERIFY(!bad);
        else
            QCOMPARE(int(bad.value_or(999)), offset);
    }

    void nonUtf8FileReportsTheOffset()
    {
        QTemporaryDir dir;
        const auto path = writeFile(dir, "latin1.txt", "first line\nna\xefve\n");
        auto r = readUtf8File(path);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains("byte 13"), r.error().c_str());
        QVERIFY(QString::fromStdString(r.error()).contains(QString::fromStdString(path)));
        DataConfig d;
        d.train = {path};
        QVERIFY(!loadCorpus(d).ok());
    }

    void missingFileIsNamed()
    {
        DataConfig d;
        d.train = {"/nonexistent/corpus.txt"};
        auto c = loadCorpus(d);
        QVERIFY(!c.ok());
        QVERIFY(QString::fromStdString(c.error()).contains("/nonexistent/corpus.txt"));
    }

    void fortuneCleanup()
    {
        const std::string raw = "\x1b[32m《静夜思》\x1b[m\n\x1b[33m作者：李白\x1b[m\n床前明月光\n%\nSecond entry\nline two\n%\n";
        const std::string clean = cleanFortuneText(raw);
        QCOMPARE(QString::fromStdString(clean), QString::fromUtf8("《静夜思》\n作者：李白\n床前明月光\n\nSecond entry\nline two\n"));
        QVERIFY(clean.find('\x1b') == std::string::npos);
        QVERIFY(clean.find('%') == std::string::npos);
    }

    void realChineseFortunesHaveNoEscapes()
    {
        const std::string path = "/usr/share/games/fortunes/tang300";
        if (!std::ifstream(path))
            QSKIP("fortunes-zh is not installed");
        DataConfig d;
        d.format = "fortune";
        d.train = {path};
        auto c = loadCorpus(d);
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().c_str());
        QVERIFY(c->text.size() > 50000);
        QVERIFY(c->text.find('\x1b') == std::string::npos);
        QVERIFY(c->text.find("\n%\n") == std::string::npos);
        QVERIFY(!firstInvalidUtf8(c->text));
        QVERIFY(c->text.find("床前明月光") != std::string::npos);
    }

    void folderIsReadRecursivelyInOrder()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("sub");
        writeFile(dir, "b.txt", "bbb\n");
        writeFile(dir, "a.txt", "aaa");
        writeFile(dir, "sub/c.txt", "ccc\n");
        writeFile(dir, ".hidden", "hidden\n");
        DataConfig d;
        d.train = {dir.path().toStdString()};
        auto c = loadCorpus(d);
        QVERIFY(c.ok());
        QCOMPARE(c->text, std::string("aaa\nbbb\nccc\n"));
        QCOMPARE(c->sources.size(), std::size_t(3));
    }

    void syntheticCorpusIsArithmetic()
    {
        const std::string text = syntheticAdditionCorpus(500, 2, 7);
        QCOMPARE(text, syntheticAdditionCorpus(500, 2, 7));
        QVERIFY(text != syntheticAdditionCorpus(500, 2, 8));
        std::regex line(R"((\d{1,2})\+(\d{1,2})=(\d{1,3}))");
        std::istringstream in(text);
        std::string l;
        int n = 0;
        while (std::getline(in, l)) {
            std::smatch m;
            QVERIFY2(std::regex_match(l, m, line), l.c_str());
            QCOMPARE(std::stoi(m[1]) + std::stoi(m[2]), std::stoi(m[3]));
            ++n;
        }
        QCOMPARE(n, 500);
        DataConfig d;
        d.format = "synthetic";
        auto c = loadCorpus(d);
        QVERIFY(c.ok());
        QVERIFY(c->text.size() > 100000);
    }

    void splitIsTheLastTenPercent()
    {
        std::vector<int32_t> ids(1000);
        for (int i = 0; i < 1000; ++i)
            ids[i] = i;
        auto ds = TokenDataset::create(ids, 0.1, 16);
        QVERIFY(ds.ok());
        QCOMPARE(ds->train().size(), std::size_t(900));
        QCOMPARE(ds->val().size(), std::size_t(100));
        QCOMPARE(ds->train().back(), 899);
        QCOMPARE(ds->val().front(), 900);
    }

    void shortCorpusIsRefusedWithTheNumbers()
    {
        auto ds = TokenDataset::create(std::vector<int32_t>(40, 1), 0.1, 64);
        QVERIFY(!ds.ok());
        QVERIFY2(QString::fromStdString(ds.error()).contains("40 tokens"), ds.error().c_str());
        QVERIFY(QString::fromStdString(ds.error()).contains("65"));
        auto val = TokenDataset::create(std::vector<int32_t>(300, 1), 0.1, 64);
        QVERIFY(!val.ok()); // 30 validation tokens < 65
        QVERIFY2(QString::fromStdString(val.error()).contains("(30)"), val.error().c_str());
    }

    void batchesAreSeededAndInRange()
    {
        std::vector<int32_t> tokens(500);
        for (int i = 0; i < 500; ++i)
            tokens[i] = i;
        BatchSampler a(1337), b(1337), c(1338);
        std::vector<int64_t> xa, ya, xb, yb, xc, yc;
        a.nextBatch(tokens, 8, 64, xa, ya);
        b.nextBatch(tokens, 8, 64, xb, yb);
        c.nextBatch(tokens, 8, 64, xc, yc);
        QCOMPARE(xa, xb);
        QVERIFY(xa != xc);
        for (std::size_t i = 0; i < xa.size(); ++i) {
            QCOMPARE(ya[i], xa[i] + 1); // targets are the inputs shifted by one
            QVERIFY(xa[i] >= 0 && ya[i] < 500);
        }
        // state round trip continues the same stream
        const std::string state = a.state();
        a.nextBatch(tokens, 8, 4, xa, ya);
        BatchSampler d(1);
        QVERIFY(d.setState(state).ok());
        d.nextBatch(tokens, 8, 4, xb, yb);
        QCOMPARE(xa, xb);
        QVERIFY(!d.setState("garbage").ok());
    }

    // Data-parallel ranks: rank r of N takes rows [r*B, (r+1)*B) of the batch of N*B rows one
    // process draws, and every rank's sampler stays at the same point of the stream.
    void ranksSplitTheBatchOneProcessDraws()
    {
        std::vector<int32_t> tokens(500);
        for (int i = 0; i < 500; ++i)
            tokens[i] = i;
        BatchSampler whole(7), rank0(7), rank1(7);
        std::vector<int64_t> xw, yw, x0, y0, x1, y1;
        for (int step = 0; step < 3; ++step) {
            whole.nextBatch(tokens, 8, 6, xw, yw);
            rank0.nextBatch(tokens, 8, 3, x0, y0, 0, 2);
            rank1.nextBatch(tokens, 8, 3, x1, y1, 1, 2);
            std::vector<int64_t> x = x0, y = y0;
            x.insert(x.end(), x1.begin(), x1.end());
            y.insert(y.end(), y1.begin(), y1.end());
            QCOMPARE(x, xw);
            QCOMPARE(y, yw);
            QVERIFY(x0 != x1);
        }
        QCOMPARE(rank0.state(), whole.state());
        QCOMPARE(rank1.state(), whole.state());
    }

    void sampleCorporaAreListed()
    {
        const auto samples = sampleCorpora();
        QVERIFY(samples.size() >= 4);
        QCOMPARE(samples[0].id, std::string("synthetic"));
        QVERIFY(samples[0].available);
    }
};

QTEST_GUILESS_MAIN(TestData)
#include "tst_data.moc"
