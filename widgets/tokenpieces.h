#pragma once
// Token pieces as the inspector shows them: where each token lies in the UTF-16 string a
// Qt widget draws, what its label is, and the counts under a tokenized text.
//
//   auto enc = tok->encode(utf8);
//   QVector<TokenSpan> spans = tokenSpans(utf8, *enc, *tok);   // one per token
//   QVector<TokenSegment> segs = tokenSegments(spans);          // what gets one coloured box
//   TextCounts c = countText(utf8, enc->ids.size());            // chars, bytes, chars/token
//
// Tokenizers give byte offsets into UTF-8; QString indexes UTF-16 code units (an emoji is
// a surrogate pair, two units). A byte-level token may cover part of a character: its
// span then widens to the whole character (partial == true) and the tokens that share a
// character share one segment, so a character is never cut in two on screen.

#include "tokenizer/tokenizer.h"

#include <QByteArray>
#include <QColor>
#include <QString>
#include <QVector>

#include <string>

namespace lmwb::widgets {

struct TokenSpan {
    int32_t id = 0;
    qsizetype byteBegin = 0, byteEnd = 0; // the tokenizer's byte range
    int u16Begin = 0, u16End = 0;         // whole characters covering it, in UTF-16 units
    bool partial = false;                 // covers part of a character's bytes only
    QByteArray bytes;                     // the bytes of the token (pieceBytes)
    QString piece;                        // the tokenizer's own spelling ("▁the", "Ġthe", "<0xE5>")
};

// Tokens whose character ranges overlap, merged: the unit of colouring and hover.
struct TokenSegment {
    int u16Begin = 0, u16End = 0;
    QVector<int> tokens; // indices into the spans
};

struct TextCounts {
    qint64 characters = 0; // Unicode code points
    qint64 bytes = 0;      // UTF-8 bytes
    qint64 tokens = 0;
    double charsPerToken = 0.0;
    double bytesPerToken = 0.0;
};

// utf16Index[b] for every byte b of valid UTF-8 (size + 1 entries): the UTF-16 index of
// the character that contains byte b; the last entry is the UTF-16 length.
QVector<int> utf16IndexOfBytes(const std::string &utf8);

QVector<TokenSpan> tokenSpans(const std::string &utf8, const core::Encoding &encoding, const core::Tokenizer &tok);
QVector<TokenSegment> tokenSegments(const QVector<TokenSpan> &spans);

TextCounts countText(const std::string &utf8, qint64 tokens);

// Spaces, tabs and newlines made visible: "·", "→", "↵".
QString visibleWhitespace(const QString &text);
// What a token looks like on its own: its bytes as text with visible whitespace when they
// are whole UTF-8 characters, <0xE5> for each byte otherwise.
QString tokenLabel(const QByteArray &bytes);
// "E5 BA 8A"
QString hexBytes(const QByteArray &bytes);
// The hover text of a segment: every token's id, bytes and piece.
QString segmentToolTip(const QVector<TokenSpan> &spans, const TokenSegment &segment, const QString &text);

// Light colours with dark text, distinct neighbours (a projector washes out the rest).
QColor pieceColour(int index);

} // namespace lmwb::widgets
