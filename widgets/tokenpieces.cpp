#include "tokenpieces.h"

#include "util/utf8.h"

#include <QCoreApplication>

#include <algorithm>

namespace lmwb::widgets {

QVector<int> utf16IndexOfBytes(const std::string &utf8)
{
    QVector<int> index(static_cast<qsizetype>(utf8.size()) + 1, 0);
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    const std::size_t n = utf8.size();
    int u16 = 0;
    std::size_t i = 0;
    while (i < n) {
        int len = core::utf8SequenceLength(p[i]);
        if (len == 0 || i + static_cast<std::size_t>(len) > n)
            len = 1; // not UTF-8: QString::fromUtf8 makes one U+FFFD of it
        for (int k = 0; k < len; ++k)
            index[static_cast<qsizetype>(i) + k] = u16;
        u16 += len == 4 ? 2 : 1; // a code point above U+FFFF is a surrogate pair
        i += static_cast<std::size_t>(len);
    }
    index[static_cast<qsizetype>(n)] = u16;
    return index;
}

QVector<TokenSpan> tokenSpans(const std::string &utf8, const core::Encoding &encoding, const core::Tokenizer &tok)
{
    const QVector<int> at = utf16IndexOfBytes(utf8);
    const auto n = static_cast<qsizetype>(utf8.size());
    auto charStart = [&](qsizetype b) { return b >= n || at[b] != (b > 0 ? at[b - 1] : -1); };
    QVector<TokenSpan> spans;
    spans.reserve(static_cast<qsizetype>(encoding.ids.size()));
    for (std::size_t i = 0; i < encoding.ids.size(); ++i) {
        TokenSpan s;
        s.id = encoding.ids[i];
        s.byteBegin = std::clamp<qsizetype>(static_cast<qsizetype>(encoding.offsets[i].first), 0, n);
        s.byteEnd = std::clamp<qsizetype>(static_cast<qsizetype>(encoding.offsets[i].second), s.byteBegin, n);
        s.u16Begin = at[s.byteBegin];
        // up to the start of the character after the token's last byte
        qsizetype e = s.byteEnd;
        while (e > s.byteBegin && e < n && !charStart(e))
            ++e;
        s.u16End = at[e];
        s.partial = !charStart(s.byteBegin) || !charStart(s.byteEnd);
        const std::string bytes = tok.pieceBytes(s.id);
        s.bytes = QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
        s.piece = QString::fromStdString(tok.piece(s.id));
        spans.push_back(std::move(s));
    }
    return spans;
}

QVector<TokenSegment> tokenSegments(const QVector<TokenSpan> &spans)
{
    QVector<TokenSegment> segs;
    for (int i = 0; i < spans.size(); ++i) {
        const TokenSpan &s = spans[i];
        if (!segs.isEmpty() && s.u16Begin < segs.last().u16End) {
            segs.last().u16End = std::max(segs.last().u16End, s.u16End);
            segs.last().tokens << i;
            continue;
        }
        segs.push_back({s.u16Begin, s.u16End, {i}});
    }
    return segs;
}

TextCounts countText(const std::string &utf8, qint64 tokens)
{
    TextCounts c;
    c.characters = static_cast<qint64>(core::countCodePoints(utf8));
    c.bytes = static_cast<qint64>(utf8.size());
    c.tokens = tokens;
    if (tokens > 0) {
        c.charsPerToken = static_cast<double>(c.characters) / static_cast<double>(tokens);
        c.bytesPerToken = static_cast<double>(c.bytes) / static_cast<double>(tokens);
    }
    return c;
}

QString visibleWhitespace(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == QLatin1Char(' '))
            out += QChar(0x00B7);
        else if (c == QLatin1Char('\t'))
            out += QChar(0x2192);
        else if (c == QLatin1Char('\n'))
            out += QChar(0x21B5);
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else
            out += c;
    }
    return out;
}

QString hexBytes(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' ').toUpper());
}

QString tokenLabel(const QByteArray &bytes)
{
    if (!core::firstInvalidUtf8(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))))
        return visibleWhitespace(QString::fromUtf8(bytes));
    QString out;
    for (char b : bytes)
        out += QStringLiteral("<0x%1>").arg(QString::number(static_cast<unsigned char>(b), 16).toUpper().rightJustified(2, QLatin1Char('0')));
    return out;
}

QString segmentToolTip(const QVector<TokenSpan> &spans, const TokenSegment &segment, const QString &text)
{
    QStringList lines;
    const QString chars = text.mid(segment.u16Begin, segment.u16End - segment.u16Begin);
    for (int i : segment.tokens) {
        const TokenSpan &s = spans[i];
        QString line = QCoreApplication::translate("TokenPieces", "token %1 · id %2 · bytes %3 · piece %4")
                           .arg(i)
                           .arg(s.id)
                           .arg(hexBytes(s.bytes), tokenLabel(s.piece.toUtf8()));
        if (s.partial)
            line += QCoreApplication::translate("TokenPieces", " · part of “%1”").arg(visibleWhitespace(chars));
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QColor pieceColour(int index)
{
    static const QRgb colours[] = {0xffc078, 0x74c0fc, 0x8ce99a, 0xfaa2c1, 0xffe066, 0xb197fc};
    return QColor(colours[index % 6]);
}

} // namespace lmwb::widgets
