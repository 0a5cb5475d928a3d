// ctest-labels: unit
// GPT-2's tokenizer rules on tricky strings. There are no GPT-2 vocabulary files on this
// machine, so the main table runs on a fixture vocabulary written by the test: the 256 byte
// tokens in GPT-2's encoder.json order (bytes_to_unicode, implemented here from the GPT-2
// paper's encoder.py description, not taken from the tokenizer) and a few merges chosen so
// that a wrong pre-tokenizer split (contractions, letters vs numbers, runs of spaces and
// newlines, Chinese, emoji) changes the ids. The second table holds real GPT-2 ids and runs
// only when LMWB_GPT2_DIR names a folder with GPT-2's vocab.json and merges.txt.

#include "tokenizer/tokenizer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace lmwb::core;

namespace {

// GPT-2's bytes_to_unicode: printable Latin-1 bytes stand for themselves, the others map
// to 256 + n in byte order. encoder.json lists the printable ones first, then the rest.
std::vector<std::pair<int, char32_t>> byteAlphabet()
{
    std::vector<std::pair<int, char32_t>> printable, rest;
    int n = 0;
    for (int b = 0; b < 256; ++b) {
        const bool keep = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        if (keep)
            printable.emplace_back(b, static_cast<char32_t>(b));
        else
            rest.emplace_back(b, static_cast<char32_t>(256 + n++));
    }
    printable.insert(printable.end(), rest.begin(), rest.end());
    return printable; // position = id
}

std::string utf8(char32_t cp)
{
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

std::string jsonEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

// The id of byte b in the fixture (GPT-2's order).
int32_t B(int b)
{
    static const auto alphabet = byteAlphabet();
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        if (alphabet[i].first == b)
            return static_cast<int32_t>(i);
    return -1;
}

std::string tokenOfByte(int b)
{
    return utf8(byteAlphabet()[static_cast<std::size_t>(B(b))].second);
}

// Merges in rank order, as token strings of GPT-2's alphabet; ids 256 + rank.
const std::vector<std::pair<std::string, std::string>> &fixtureMerges()
{
    static const std::vector<std::pair<std::string, std::string>> m = {
        {"Ġ", "Ġ"},                              // 256 "ĠĠ"
        {"t", "'"},                              // 257 "t'"   (only if "it'll" were one word)
        {"'", "s"},                              // 258 "'s"
        {"Ġ", "b"},                              // 259 "Ġb"
        {"c", "1"},                              // 260 "c1"   (only if letters and digits were one word)
        {"1", "2"},                              // 261 "12"
        {"Ċ", "Ċ"},                              // 262 "ĊĊ"
        {"Ġ", "5"},                              // 263 "Ġ5"
        {"!", "!"},                              // 264 "!!"
        {tokenOfByte(0xE4), tokenOfByte(0xBD)},  // 265: the first two bytes of 你 (E4 BD A0)
        {tokenOfByte(0xE4) + tokenOfByte(0xBD), tokenOfByte(0xA0)}, // 266 你
        {"Ġ", tokenOfByte(0xE4) + tokenOfByte(0xBD) + tokenOfByte(0xA0)}, // 267 " 你"
    };
    return m;
}

void writeFixture(const QString &dir)
{
    const auto alphabet = byteAlphabet();
    std::string vocab = "{";
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        vocab += (i ? ", \"" : "\"") + jsonEscape(utf8(alphabet[i].second)) + "\": " + std::to_string(i);
    std::string merges = "#version: 0.2\n";
    int id = 256;
    for (const auto &[l, r] : fixtureMerges()) {
        vocab += ", \"" + jsonEscape(l + r) + "\": " + std::to_string(id++);
        merges += l + " " + r + "\n";
    }
    vocab += ", \"<|endoftext|>\": " + std::to_string(id) + "}";
    std::ofstream(QDir(dir).filePath("vocab.json").toStdString(), std::ios::binary) << vocab;
    std::ofstream(QDir(dir).filePath("merges.txt").toStdString(), std::ios::binary) << merges;
}

std::vector<int32_t> bytesOf(const std::string &s)
{
    std::vector<int32_t> out;
    for (unsigned char c : s)
        out.push_back(B(c));
    return out;
}

std::vector<int32_t> cat(std::initializer_list<std::vector<int32_t>> parts)
{
    std::vector<int32_t> out;
    for (const auto &p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

} // namespace

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<int32_t>)

class TestGpt2Tokenizer : public QObject {
    Q_OBJECT

private slots:
    void byteOrderIsGpt2s()
    {
        // encoder.json: "!" 0, "A" 32, "a" 64, "Ā" (byte 0) 188, "Ċ" (newline) 198, "Ġ" (space) 220.
        QCOMPARE(B('!'), 0);
        QCOMPARE(B('A'), 32);
        QCOMPARE(B('a'), 64);
        QCOMPARE(B(0), 188);
        QCOMPARE(B('\n'), 198);
        QCOMPARE(B(' '), 220);
        QCOMPARE(tokenOfByte(' '), std::string("Ġ"));
    }

    void fixtureTable_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::vector<int32_t>>("ids");
        const std::string ni = "\xE4\xBD\xA0", hao = "\xE5\xA5\xBD"; // 你 好
        // Two spaces: " " then " b" (\s+(?!\S) leaves the last space to the word).
        QTest::newRow("two spaces before a word") << std::string("a  b") << std::vector<int32_t>{B('a'), B(' '), 259};
        QTest::newRow("three trailing spaces") << std::string("a   ") << std::vector<int32_t>{B('a'), 256, B(' ')};
        QTest::newRow("contraction 's") << std::string("it's") << std::vector<int32_t>{B('i'), B('t'), 258};
        QTest::newRow("contraction 'll") << std::string("it'll")
                                         << std::vector<int32_t>{B('i'), B('t'), B('\''), B('l'), B('l')};
        QTest::newRow("upper-case 'S is no contraction")
            << std::string("IT'S") << std::vector<int32_t>{B('I'), B('T'), B('\''), B('S')};
        QTest::newRow("letters then digits") << std::string("abc123")
                                             << std::vector<int32_t>{B('a'), B('b'), B('c'), 261, B('3')};
        QTest::newRow("digit runs are not cut in threes")
            << std::string("1234 5") << std::vector<int32_t>{261, B('3'), B('4'), 263};
        QTest::newRow("blank line between words")
            << std::string("a\n\nb") << std::vector<int32_t>{B('a'), B('\n'), B('\n'), B('b')};
        QTest::newRow("blank line at the end") << std::string("a\n\n") << std::vector<int32_t>{B('a'), 262};
        QTest::newRow("space before Chinese") << " " + ni + hao << cat({{267}, bytesOf(hao)});
        QTest::newRow("Chinese then Latin is one word") << ni + hao + "ab" << cat({{266}, bytesOf(hao), bytesOf("ab")});
        QTest::newRow("emoji with punctuation") << std::string("\xF0\x9F\x98\x80!!") << cat({bytesOf("\xF0\x9F\x98\x80"), {264}});
        QTest::newRow("byte order mark") << std::string("\xEF\xBB\xBFhi") << bytesOf("\xEF\xBB\xBFhi");
        QTest::newRow("U+10FFFF") << std::string("\xF4\x8F\xBF\xBF") << bytesOf("\xF4\x8F\xBF\xBF");
        QTest::newRow("NUL and control bytes") << std::string("a\0\x01 b", 5) << cat({bytesOf(std::string("a\0\x01", 3)), {259}});
        QTest::newRow("tab and carriage return") << std::string("\t\r\n") << bytesOf("\t\r\n");
        QTest::newRow("special token text is plain text")
            << std::string("<|endoftext|>") << bytesOf("<|endoftext|>");
    }
    void fixtureTable()
    {
        QFETCH(std::string, text);
        QFETCH(std::vector<int32_t>, ids);
        QTemporaryDir tmp;
        writeFixture(tmp.path());
        auto tok = loadGpt2Tokenizer(tmp.filePath("vocab.json").toStdString(), tmp.filePath("merges.txt").toStdString());
        QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().c_str());
        QCOMPARE((*tok)->vocabSize(), 256 + static_cast<int32_t>(fixtureMerges().size()) + 1);
        auto e = (*tok)->encode(text);
        QVERIFY2(e.ok(), e.ok() ? "" : e.error().c_str());
        QCOMPARE(e->ids, ids);
        QCOMPARE((*tok)->decode(e->ids), text);
    }

    void realGpt2Ids_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::vector<int32_t>>("ids");
        // Ids of OpenAI's GPT-2 encoder (encoder.json / vocab.bpe, the same as Hugging Face's
        // vocab.json / merges.txt).
        QTest::newRow("Hello world") << std::string("Hello world") << std::vector<int32_t>{15496, 995};
        QTest::newRow("Hello, world!") << std::string("Hello, world!") << std::vector<int32_t>{15496, 11, 995, 0};
        QTest::newRow("the") << std::string(" the") << std::vector<int32_t>{262};
        QTest::newRow("The") << std::string("The") << std::vector<int32_t>{464};
        QTest::newRow("newline") << std::string("\n") << std::vector<int32_t>{198};
        QTest::newRow("space") << std::string(" ") << std::vector<int32_t>{220};
    }
    void realGpt2Ids()
    {
        QFETCH(std::string, text);
        QFETCH(std::vector<int32_t>, ids);
        const QString dir = qEnvironmentVariable("LMWB_GPT2_DIR");
        if (dir.isEmpty())
            QSKIP("LMWB_GPT2_DIR is not set (a folder with GPT-2's vocab.json and merges.txt); no GPT-2 files here");
        auto tok = loadGpt2Tokenizer(QDir(dir).filePath("vocab.json").toStdString(),
                                     QDir(dir).filePath("merges.txt").toStdString());
        QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().c_str());
        QCOMPARE((*tok)->vocabSize(), 50257);
        auto e = (*tok)->encode(text);
        QVERIFY(e.ok());
        QCOMPARE(e->ids, ids);
    }
};

QTEST_GUILESS_MAIN(TestGpt2Tokenizer)
#include "tst_gpt2tokenizer.moc"
