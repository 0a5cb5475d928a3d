// ctest-labels: unit
// The four tokenizers: exact round trips and offsets on English, Chinese, emoji,
// whitespace and the '▁' trap; the char vocabulary; byte-level BPE against merges worked
// out by hand; sentencepiece through the shim; files, errors and cancellation.

#include "tokenizer/bytebpe.h"
#include "tokenizer/chartokenizer.h"
#include "tokenizer/spmlibrary_p.h"
#include "tokenizer/spmtokenizer.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <thread>

using namespace lmwb::core;

Q_DECLARE_METATYPE(TokenizerKind)

#ifndef LMWB_SOURCE_DIR_FALLBACK
#define LMWB_SOURCE_DIR_FALLBACK ""
#endif

// Readable QCOMPARE failures for bytes and id lists.
namespace QTest {
template <>
char *toString(const std::string &s)
{
    return toString(QByteArray(s.data(), static_cast<qsizetype>(s.size())));
}
template <>
char *toString(const std::vector<int32_t> &ids)
{
    QByteArray out = "[";
    for (std::size_t i = 0; i < ids.size() && i < 64; ++i)
        out += (i ? " " : "") + QByteArray::number(ids[i]);
    out += ids.size() > 64 ? " ...]" : "]";
    return qstrdup(out.constData());
}
} // namespace QTest

namespace {

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

// fortunes-zh files colour their titles with ANSI escapes ("\x1b[32m...\x1b[m").
std::string stripAnsi(const std::string &s)
{
    static const QRegularExpression escape(QStringLiteral("\x1b\\[[0-9;]*m"));
    return QString::fromStdString(s).remove(escape).toStdString();
}

QString sharedData()
{
    if (qEnvironmentVariableIsSet("LMWB_SHARED_DATA"))
        return qEnvironmentVariable("LMWB_SHARED_DATA");
    return qEnvironmentVariable("LMWB_SOURCE_DIR", QStringLiteral(LMWB_SOURCE_DIR_FALLBACK)) + "/../shared/data";
}

std::string chineseCorpus()
{
    std::string text = stripAnsi(readAll("/usr/share/games/fortunes/tang300")) +
                       stripAnsi(readAll("/usr/share/games/fortunes/song100"));
    if (text.empty()) // fortunes-zh not installed
        text = "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n白日依山尽，黄河入海流。\n"
               "欲穷千里目，更上一层楼。\n春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n";
    return text;
}

std::string englishCorpus()
{
    std::string text = readAll(sharedData() + "/tinyshakespeare.txt").substr(0, 100000);
    if (text.empty()) // no ../shared/data: Debian's own GPL text is English too
        text = readAll("/usr/share/common-licenses/GPL-3").substr(0, 100000);
    return text;
}

struct Sample {
    const char *name;
    std::string text;
};

std::vector<Sample> samples()
{
    const std::string zh = chineseCorpus();
    // A few whole lines from the middle of the Chinese corpus (cut at a line break, so at
    // a character boundary).
    const std::size_t from = zh.find('\n', zh.size() / 2) + 1;
    const std::string zhLines = zh.substr(from, zh.find('\n', from + 600) - from + 1);
    return {
        {"english", "First Citizen:\nBefore we proceed any further, hear me speak.\n"},
        {"contractions", "I'll say it's what they've done; don't you think? We'd, I'm, you're."},
        {"chinese", zhLines},
        {"chinese unseen", "量子计算机与人工智能的未来：深度学习、神经网络。"},
        {"emoji", "I \xE2\x9D\xA4\xEF\xB8\x8F pizza \xF0\x9F\x8D\x95! \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
                  "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6 "
                  "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88 "
                  "\xF0\x9F\xA7\x91\xF0\x9F\x8F\xBF\xE2\x80\x8D\xF0\x9F\x92\xBB"},
        {"space runs", "a  b   c    d     e      f   "},
        {"leading spaces", "     indented by five"},
        {"newline runs", "\n\n\nline\n\n  \n \n\n"},
        {"tabs", "\tcol1\tcol2\t\tcol4\n\t\t\tdeep"},
        {"lower one eighth", "\xE2\x96\x81"},
        {"lower one eighths", "\xE2\x96\x81\xE2\x96\x81\xE2\x96\x81 a\xE2\x96\x81" "b \xE2\x96\x81 c\xE2\x96\x81"},
        {"digits", "0123456789 3.14159 1,000,000 2024-01-01 42"},
        {"scripts", "na\xC3\xAFve caf\xC3\xA9 \xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC "
                    "\xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 \xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"},
        {"control", "a\rb\x01" "c\x7f" "d\r\n"},
        {"nul", std::string("a\0b", 3)},
        {"single space", " "},
        {"single newline", "\n"},
        {"empty", ""},
        {"long word", std::string(3000, 'a') + " " + std::string(1000, 'z')},
        {"long chinese line", [] {
             std::string s;
             for (int i = 0; i < 300; ++i)
                 s += "天地玄黄宇宙洪荒";
             return s;
         }()},
    };
}

// Every invariant of an encoding: ranges contiguous from 0 to the end, each range holds
// exactly the bytes of its token, and the ids decode back to the text.
void checkEncoding(const Tokenizer &tok, const std::string &text)
{
    auto e = tok.encode(text);
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().c_str());
    QCOMPARE(e->ids.size(), e->offsets.size());
    std::size_t pos = 0;
    for (std::size_t i = 0; i < e->ids.size(); ++i) {
        const int32_t id = e->ids[i];
        QVERIFY(id >= 0 && id < tok.vocabSize());
        const auto [begin, end] = e->offsets[i];
        QCOMPARE(begin, pos);
        QVERIFY2(end > begin, qPrintable(QStringLiteral("empty range for token %1").arg(i)));
        QCOMPARE(text.substr(begin, end - begin), tok.pieceBytes(id));
        QCOMPARE(tok.decode({id}), tok.pieceBytes(id));
        pos = end;
    }
    QCOMPARE(pos, text.size());
    QCOMPARE(tok.decode(e->ids), text);
}

std::vector<int32_t> idsOf(const Tokenizer &tok, const std::string &text)
{
    auto e = tok.encode(text);
    return e ? e->ids : std::vector<int32_t>{-1};
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

    std::map<TokenizerKind, TokenizerPtr> m_trained;
    std::map<TokenizerKind, TokenizerPtr> m_reloaded;
    QTemporaryDir m_tmp;

    const TokenizerKind kAll[4] = {TokenizerKind::Char, TokenizerKind::ByteBpe, TokenizerKind::SpmBpe,
                                   TokenizerKind::SpmUnigram};

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const std::string corpus = englishCorpus() + chineseCorpus();
        std::string withSamples = corpus;
        for (const Sample &s : samples())
            withSamples += s.text;
        const std::map<TokenizerKind, std::pair<int32_t, const std::string *>> plan = {
            {TokenizerKind::Char, {0, &withSamples}},
            {TokenizerKind::ByteBpe, {2000, &corpus}},
            {TokenizerKind::SpmBpe, {4000, &corpus}},
            {TokenizerKind::SpmUnigram, {4000, &corpus}},
        };
        for (const auto &[kind, how] : plan) {
            QElapsedTimer timer;
            timer.start();
            auto tok = trainTokenizer({kind, how.first, 1.0}, *how.second);
            QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().c_str());
            qInfo("trained %s (%d tokens) on %zu bytes in %lld ms", tokenizerKindName(kind).c_str(),
                  (*tok)->vocabSize(), how.second->size(), static_cast<long long>(timer.elapsed()));
            if (kind != TokenizerKind::Char)
                QCOMPARE((*tok)->vocabSize(), how.first);
            const std::string dir = m_tmp.filePath(QString::fromStdString(tokenizerKindName(kind))).toStdString();
            const Status saved = (*tok)->save(dir);
            QVERIFY2(saved.ok(), saved.error().c_str());
            auto again = loadTokenizer(dir);
            QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
            QCOMPARE((*again)->kind(), kind);
            QCOMPARE((*again)->vocabSize(), (*tok)->vocabSize());
            m_trained[kind] = *tok;
            m_reloaded[kind] = *again;
        }
    }

    void kindNames()
    {
        for (TokenizerKind kind : kAll) {
            auto parsed = parseTokenizerKind(tokenizerKindName(kind));
            QVERIFY(parsed.ok());
            QCOMPARE(*parsed, kind);
        }
        QCOMPARE(tokenizerKindName(TokenizerKind::SpmUnigram), std::string("spm-unigram"));
        auto bad = parseTokenizerKind("wordpiece");
        QVERIFY(!bad.ok());
        for (const char *name : {"wordpiece", "char", "bpe", "spm-bpe", "spm-unigram"})
            QVERIFY2(bad.error().find(name) != std::string::npos, bad.error().c_str());
    }

    void roundTrip_data()
    {
        QTest::addColumn<TokenizerKind>("kind");
        QTest::addColumn<QByteArray>("text");
        for (TokenizerKind kind : kAll)
            for (const Sample &s : samples())
                QTest::addRow("%s: %s", tokenizerKindName(kind).c_str(), s.name)
                    << kind << QByteArray(s.text.data(), static_cast<int>(s.text.size()));
    }

    void roundTrip()
    {
        QFETCH(TokenizerKind, kind);
        QFETCH(QByteArray, text);
        const std::string s(text.constData(), static_cast<std::size_t>(text.size()));
        checkEncoding(*m_trained.at(kind), s);
        if (QTest::currentTestFailed())
            return;
        // The saved and reloaded tokenizer gives the same ids.
        QCOMPARE(idsOf(*m_reloaded.at(kind), s), idsOf(*m_trained.at(kind), s));
    }

    void concurrentEncode_data()
    {
        QTest::addColumn<TokenizerKind>("kind");
        for (TokenizerKind kind : kAll)
            QTest::addRow("%s", tokenizerKindName(kind).c_str()) << kind;
    }

    void concurrentEncode()
    {
        QFETCH(TokenizerKind, kind);
        const TokenizerPtr tok = m_reloaded.at(kind); // a cold cache
        const std::string text = englishCorpus().substr(0, 20000) + chineseCorpus().substr(0, 20000);
        std::vector<std::vector<int32_t>> got(4);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] { got[t] = idsOf(*tok, text); });
        for (auto &th : threads)
            th.join();
        const std::vector<int32_t> expected = idsOf(*m_trained.at(kind), text);
        for (const auto &ids : got)
            QCOMPARE(ids, expected);
    }

    // ---- char -------------------------------------------------------------------------

    void charVocabularyIsSortedCodePoints()
    {
        auto tok = trainTokenizer({TokenizerKind::Char}, "hello w\xC3\xB6rld \xE4\xB8\xAD\xE6\x96\x87\n");
        QVERIFY(tok.ok());
        const auto *chr = dynamic_cast<const CharTokenizer *>(tok->get());
        QVERIFY(chr);
        const std::vector<char32_t> expected = {U'\n', U' ', U'd', U'e', U'h', U'l', U'o', U'r', U'w',
                                                U'\u00F6', U'\u4E2D', U'\u6587'};
        QCOMPARE(chr->chars(), expected);
        QCOMPARE((*tok)->vocabSize(), 12);
        auto e = (*tok)->encode("hold \xE4\xB8\xAD\n");
        QVERIFY(e.ok());
        QCOMPARE(e->ids, (std::vector<int32_t>{4, 6, 5, 2, 1, 10, 0}));
        QCOMPARE(e->offsets.back(), (std::pair<std::size_t, std::size_t>{8, 9}));
        QCOMPARE((*tok)->piece(0), std::string("\n"));
        QCOMPARE((*tok)->piece(11), std::string("\xE6\x96\x87"));
    }

    void charUnknownCharacterIsAnError()
    {
        auto tok = trainTokenizer({TokenizerKind::Char}, "abc");
        QVERIFY(tok.ok());
        auto e = (*tok)->encode("ab\xC3\xA9" "c");
        QVERIFY(!e.ok());
        QVERIFY2(e.error().find("U+00E9") != std::string::npos, e.error().c_str());
        QVERIFY2(e.error().find("'\xC3\xA9'") != std::string::npos, e.error().c_str());
        QVERIFY2(e.error().find("byte offset 2") != std::string::npos, e.error().c_str());
        auto nl = (*tok)->encode("a\n");
        QVERIFY(!nl.ok());
        QVERIFY2(nl.error().find("U+000A") != std::string::npos, nl.error().c_str());
        auto bad = (*tok)->encode("ab\xFF");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().find("byte offset 2") != std::string::npos, bad.error().c_str());
    }

    // ---- byte-level BPE ---------------------------------------------------------------

    void bpeToyMerges()
    {
        // Worked by hand. Pre-tokens "low", " lower", " lowest". Counts: l o 3, o w 3 -> tie,
        // "l" < "o": 256 = lo; 257 = low (3); then Ġ low 2 and low e 2 tie, " " < "l":
        // 258 = Ġlow; 259 = Ġlowe (2); then three pairs of count 1: Ġlowe r < Ġlowe s < s t:
        // 260 = Ġlower, 261 = Ġlowes, 262 = Ġlowest. Then no pair is left.
        // Byte ids (GPT-2's order): l 75, o 78, w 86, e 68, r 81, s 82, t 83, Ġ 220, Ċ 198.
        const std::string corpus = "low lower lowest";
        auto tok = trainTokenizer({TokenizerKind::ByteBpe, 263}, corpus);
        QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().c_str());
        QCOMPARE((*tok)->vocabSize(), 263);
        const std::vector<std::string> pieces = {"lo", "low", "\xC4\xA0low", "\xC4\xA0lowe", "\xC4\xA0lower",
                                                 "\xC4\xA0lowes", "\xC4\xA0lowest"};
        for (int i = 0; i < 7; ++i)
            QCOMPARE((*tok)->piece(256 + i), pieces[i]);
        QCOMPARE((*tok)->pieceBytes(258), std::string(" low"));
        QCOMPARE(idsOf(**tok, corpus), (std::vector<int32_t>{257, 260, 262}));
        QCOMPARE(idsOf(**tok, " lowest low"), (std::vector<int32_t>{262, 258}));
        QCOMPARE(idsOf(**tok, "lowlow"), (std::vector<int32_t>{257, 257}));
        QCOMPARE(idsOf(**tok, "slow\n"), (std::vector<int32_t>{82, 257, 198}));
        QCOMPARE(idsOf(**tok, "rest"), (std::vector<int32_t>{81, 68, 82, 83}));

        auto fewer = trainTokenizer({TokenizerKind::ByteBpe, 259}, corpus);
        QVERIFY(fewer.ok());
        QCOMPARE((*fewer)->vocabSize(), 259);
        QCOMPARE(idsOf(**fewer, " lowest"), (std::vector<int32_t>{258, 68, 82, 83}));

        auto tooMany = trainTokenizer({TokenizerKind::ByteBpe, 264}, corpus);
        QVERIFY(!tooMany.ok());
        QVERIFY2(tooMany.error().find("at most 263") != std::string::npos, tooMany.error().c_str());
        auto tooFew = trainTokenizer({TokenizerKind::ByteBpe, 255}, corpus);
        QVERIFY(!tooFew.ok());
        QVERIFY2(tooFew.error().find("256") != std::string::npos, tooFew.error().c_str());
    }

    void bpeGpt2Files()
    {
        auto tok = trainTokenizer({TokenizerKind::ByteBpe, 263}, "low lower lowest");
        QVERIFY(tok.ok());
        QTemporaryDir dir;
        QVERIFY((*tok)->save(dir.path().toStdString()).ok());
        const std::string vocabText = readAll(dir.filePath("vocab.json"));
        // GPT-2's encoder.json order and spelling: "!" 0, "Ā" (byte 0) 188, "Ċ" 198, "Ġ" 220.
        QVERIFY(vocabText.find("\"!\": 0,") != std::string::npos);
        QVERIFY(vocabText.find("\"\xC4\x80\": 188") != std::string::npos);
        QVERIFY(vocabText.find("\"\xC4\x8A\": 198") != std::string::npos);
        QVERIFY(vocabText.find("\"\xC4\xA0\": 220") != std::string::npos);
        QVERIFY(vocabText.find("\"\xC4\xA0lowest\": 262") != std::string::npos);
        const std::string merges = readAll(dir.filePath("merges.txt"));
        QCOMPARE(merges.substr(0, merges.find('\n', 14) + 1), std::string("#version: 0.2\nl o\n"));
        QVERIFY(readAll(dir.filePath("tokenizer.json")).find("\"bpe\"") != std::string::npos);

        // Another id order in vocab.json (as in GPT-2's real files): ids come from the file.
        QTemporaryDir hf;
        std::string reversed = "{";
        for (int32_t id = 0; id < 263; ++id)
            reversed += std::string(id ? ", " : "") + nlohmann::json((*tok)->piece(id)).dump() + ": " +
                        std::to_string(262 - id);
        reversed += ", \"<|endoftext|>\": 263}";
        QFile v(hf.filePath("vocab.json")), m(hf.filePath("merges.txt"));
        QVERIFY(v.open(QIODevice::WriteOnly) && m.open(QIODevice::WriteOnly));
        v.write(reversed.data(), static_cast<qint64>(reversed.size()));
        m.write(merges.data(), static_cast<qint64>(merges.size()));
        v.close();
        m.close();
        auto gpt2 = loadGpt2Tokenizer(hf.filePath("vocab.json").toStdString(), hf.filePath("merges.txt").toStdString());
        QVERIFY2(gpt2.ok(), gpt2.ok() ? "" : gpt2.error().c_str());
        QCOMPARE((*gpt2)->vocabSize(), 264);
        QCOMPARE(idsOf(**gpt2, "low lower lowest\n"), (std::vector<int32_t>{262 - 257, 262 - 260, 0, 262 - 198}));
        QCOMPARE((*gpt2)->piece(263), std::string("<|endoftext|>"));
        QCOMPARE((*gpt2)->pieceBytes(263), std::string("<|endoftext|>"));
        // A Hugging Face directory (no LM Workbench tokenizer.json) loads the same way.
        auto viaDir = loadTokenizer(hf.path().toStdString());
        QVERIFY2(viaDir.ok(), viaDir.ok() ? "" : viaDir.error().c_str());
        QCOMPARE(idsOf(**viaDir, "lowest"), idsOf(**gpt2, "lowest"));

        // A merge whose tokens are not in vocab.json is an error naming the file and line.
        QFile m2(hf.filePath("merges.txt"));
        QVERIFY(m2.open(QIODevice::Append));
        m2.write("low qq\n");
        m2.close();
        auto broken = loadGpt2Tokenizer(hf.filePath("vocab.json").toStdString(), hf.filePath("merges.txt").toStdString());
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().find("merges.txt line 9") != std::string::npos, broken.error().c_str());
    }

    void bpeEncodesAnyBytes()
    {
        // Byte-level: even text that is not UTF-8 round-trips.
        const std::string bytes("ok \xFF\xFE bad \xE4\xB8 cut", 15);
        checkEncoding(*m_trained.at(TokenizerKind::ByteBpe), bytes);
    }

    void bpeProgressAndCancel()
    {
        const std::string text = englishCorpus().substr(0, 30000);
        std::vector<double> seen;
        auto tok = trainTokenizer({TokenizerKind::ByteBpe, 600}, text, [&](double f) {
            seen.push_back(f);
            return true;
        });
        QVERIFY(tok.ok());
        QVERIFY(seen.size() >= 3);
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        int calls = 0;
        auto cancelled = trainTokenizer({TokenizerKind::ByteBpe, 600}, text, [&](double) { return ++calls < 3; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error(), std::string("cancelled"));
        QCOMPARE(calls, 3);
    }

    void bpeTrainsShakespeareQuickly()
    {
        const std::string text = readAll(sharedData() + "/tinyshakespeare.txt");
        if (text.empty())
            QSKIP("tinyshakespeare.txt not found (set LMWB_SHARED_DATA)");
        QElapsedTimer timer;
        timer.start();
        auto tok = trainTokenizer({TokenizerKind::ByteBpe, 8000}, text);
        const qint64 ms = timer.elapsed();
        QVERIFY(tok.ok());
        QCOMPARE((*tok)->vocabSize(), 8000);
        qInfo("byte-level BPE, vocab 8000 on %zu bytes: %lld ms", text.size(), static_cast<long long>(ms));
        checkEncoding(**tok, text.substr(0, 5000));
    }

    void trainsChineseCorpus_data()
    {
        QTest::addColumn<TokenizerKind>("kind");
        QTest::addRow("bpe") << TokenizerKind::ByteBpe;
        QTest::addRow("spm-bpe") << TokenizerKind::SpmBpe;
        QTest::addRow("spm-unigram") << TokenizerKind::SpmUnigram;
    }

    void trainsChineseCorpus()
    {
        QFETCH(TokenizerKind, kind);
        const std::string text = stripAnsi(readAll("/usr/share/games/fortunes/chinese"));
        if (text.empty())
            QSKIP("fortunes-zh is not installed (/usr/share/games/fortunes/chinese)");
        QElapsedTimer timer;
        timer.start();
        auto tok = trainTokenizer({kind, 8000, 0.9995}, text);
        const qint64 ms = timer.elapsed();
        QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().c_str());
        QCOMPARE((*tok)->vocabSize(), 8000);
        qInfo("%s, vocab 8000 on %zu bytes of Chinese: %lld ms", tokenizerKindName(kind).c_str(), text.size(),
              static_cast<long long>(ms));
        checkEncoding(**tok, text.substr(0, text.find('\n', 20000)));
    }

    // ---- sentencepiece ----------------------------------------------------------------

    void spmPiecesAndBytes_data()
    {
        QTest::addColumn<TokenizerKind>("kind");
        QTest::addRow("spm-bpe") << TokenizerKind::SpmBpe;
        QTest::addRow("spm-unigram") << TokenizerKind::SpmUnigram;
    }

    void spmPiecesAndBytes()
    {
        QFETCH(TokenizerKind, kind);
        const auto *spm = dynamic_cast<const SpmTokenizer *>(m_reloaded.at(kind).get());
        QVERIFY(spm);
        const int32_t newline = spm->pieceToId("<0x0A>");
        QVERIFY(newline >= 0);
        QCOMPARE(spm->pieceBytes(newline), std::string("\n"));
        QCOMPARE(spm->piece(newline), std::string("<0x0A>"));
        const int32_t space = spm->pieceToId("\xE2\x96\x81");
        QVERIFY(space >= 0);
        QCOMPARE(spm->pieceBytes(space), std::string(" "));
        // A literal '▁' is spelt with its three byte pieces, one byte each.
        auto e = spm->encode("\xE2\x96\x81");
        QVERIFY(e.ok());
        QCOMPARE(e->ids, (std::vector<int32_t>{spm->pieceToId("<0xE2>"), spm->pieceToId("<0x96>"),
                                               spm->pieceToId("<0x81>")}));
        QVERIFY(spm->pieceToId("no such piece") < 0);
        QVERIFY(readAll(m_tmp.filePath(QString::fromStdString(tokenizerKindName(kind)) + "/tokenizer.model")).size() > 1000);
        QVERIFY(readAll(m_tmp.filePath(QString::fromStdString(tokenizerKindName(kind)) + "/tokenizer.json"))
                    .find("\"" + tokenizerKindName(kind) + "\"") != std::string::npos);
    }

    void spmVocabSizeErrors_data()
    {
        spmPiecesAndBytes_data();
    }

    void spmVocabSizeErrors()
    {
        QFETCH(TokenizerKind, kind);
        const std::string text = "the quick brown fox jumps over the lazy dog\n";
        auto big = trainTokenizer({kind, 5000}, text);
        QVERIFY(!big.ok());
        QVERIFY2(big.error().find("too large") != std::string::npos && big.error().find("at most") != std::string::npos,
                 big.error().c_str());
        auto small = trainTokenizer({kind, 100}, text);
        QVERIFY(!small.ok());
        QVERIFY2(small.error().find("too small") != std::string::npos, small.error().c_str());
        auto exact = trainTokenizer({kind, 286}, text);
        QVERIFY2(exact.ok(), exact.ok() ? "" : exact.error().c_str());
        QCOMPARE((*exact)->vocabSize(), 286);
        checkEncoding(**exact, "The lazy fox\n\tjumps \xE2\x96\x81 over 12 \xE4\xB8\xAD!");
    }

    void spmWithoutSpacesInCorpus()
    {
        // Chinese without a single space: ' ' must still be a piece, never the bytes of '▁'.
        auto tok = trainTokenizer({TokenizerKind::SpmUnigram, 280}, "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n");
        QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().c_str());
        checkEncoding(**tok, "明月 光  a b");
    }

    void spmCancel()
    {
        auto tok = trainTokenizer({TokenizerKind::SpmBpe, 300}, "some text", [](double) { return false; });
        QVERIFY(!tok.ok());
        QCOMPARE(tok.error(), std::string("cancelled"));
    }

    void spmShimSearchPath()
    {
        qputenv("LMWB_SPM_SHIM", "/opt/elsewhere/liblmwb_spm.so");
        const auto fromEnv = spmLibraryCandidates();
        qunsetenv("LMWB_SPM_SHIM");
        QCOMPARE(fromEnv, std::vector<std::string>{"/opt/elsewhere/liblmwb_spm.so"});
        const auto paths = spmLibraryCandidates();
        QVERIFY(paths.size() >= 3);
        QVERIFY(paths.front().find("/../lib/liblmwb_spm.so") != std::string::npos);
        auto lib = spmLibrary();
        QVERIFY2(lib.ok(), lib.ok() ? "" : lib.error().c_str());
    }

    // ---- errors -----------------------------------------------------------------------

    void invalidUtf8TrainingText_data()
    {
        QTest::addColumn<TokenizerKind>("kind");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset");
        for (TokenizerKind kind : kAll) {
            const std::string k = tokenizerKindName(kind);
            QTest::addRow("%s: stray byte", k.c_str()) << kind << QByteArray("abc\xff def") << 3;
            QTest::addRow("%s: cut sequence", k.c_str()) << kind << QByteArray("ab \xe4\xb8") << 3;
            QTest::addRow("%s: overlong", k.c_str()) << kind << QByteArray("\xc0\xaf") << 0;
            QTest::addRow("%s: surrogate", k.c_str()) << kind << QByteArray("ok\xed\xa0\x80") << 2;
        }
    }

    void invalidUtf8TrainingText()
    {
        QFETCH(TokenizerKind, kind);
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        auto tok = trainTokenizer({kind, 300}, std::string(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(!tok.ok());
        QVERIFY2(tok.error().find("byte offset " + std::to_string(offset)) != std::string::npos, tok.error().c_str());
    }

    void loadErrorsNameThePath()
    {
        const std::string missing = m_tmp.filePath("does-not-exist").toStdString();
        auto a = loadTokenizer(missing);
        QVERIFY(!a.ok());
        QVERIFY2(a.error().find(missing) != std::string::npos, a.error().c_str());

        QTemporaryDir empty;
        auto b = loadTokenizer(empty.path().toStdString());
        QVERIFY(!b.ok());
        QVERIFY2(b.error().find(empty.filePath("tokenizer.json").toStdString()) != std::string::npos, b.error().c_str());

        auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QTemporaryDir corrupt;
        const QString json = corrupt.filePath("tokenizer.json");
        QVERIFY(write(json, "{\"kind\": \"char\", \"chars\": [\"a\""));
        auto c = loadTokenizer(corrupt.path().toStdString());
        QVERIFY(!c.ok());
        QVERIFY2(c.error().find(json.toStdString()) != std::string::npos, c.error().c_str());
        QVERIFY2(c.error().find("not valid JSON") != std::string::npos, c.error().c_str());

        QVERIFY(write(json, "{\"kind\": \"wordpiece\"}"));
        auto d = loadTokenizer(corrupt.path().toStdString());
        QVERIFY(!d.ok());
        QVERIFY2(d.error().find(json.toStdString()) != std::string::npos && d.error().find("spm-unigram") != std::string::npos,
                 d.error().c_str());

        QVERIFY(write(json, "{\"kind\": \"char\", \"chars\": [\"a\", \"bc\"]}"));
        auto e = loadTokenizer(corrupt.path().toStdString());
        QVERIFY(!e.ok());
        QVERIFY2(e.error().find("\"chars\"[1]") != std::string::npos, e.error().c_str());

        QVERIFY(write(json, "{\"kind\": \"spm-unigram\"}"));
        auto f = loadTokenizer(corrupt.path().toStdString());
        QVERIFY(!f.ok());
        QVERIFY2(f.error().find(corrupt.filePath("tokenizer.model").toStdString()) != std::string::npos, f.error().c_str());
        QVERIFY(write(corrupt.filePath("tokenizer.model"), "this is not a protobuf"));
        auto g = loadTokenizer(corrupt.path().toStdString());
        QVERIFY(!g.ok());
        QVERIFY2(g.error().find("not a sentencepiece model") != std::string::npos, g.error().c_str());

        QVERIFY(write(json, "{\"kind\": \"bpe\"}"));
        auto h = loadTokenizer(corrupt.path().toStdString());
        QVERIFY(!h.ok());
        QVERIFY2(h.error().find("vocab.json") != std::string::npos, h.error().c_str());
    }

    void emptyTrainingText()
    {
        for (TokenizerKind kind : kAll) {
            auto tok = trainTokenizer({kind, 300}, "");
            QVERIFY(!tok.ok());
            QVERIFY2(tok.error().find("empty") != std::string::npos, tok.error().c_str());
        }
        auto onlyNewlines = trainTokenizer({TokenizerKind::SpmUnigram, 300}, "\n\n\n");
        QVERIFY(!onlyNewlines.ok());
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
