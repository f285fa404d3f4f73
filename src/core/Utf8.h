#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// Strict UTF-8 decoding of one character, as Python's decoder and RFC 3629 define it:
// no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
// Shared by the upper-caser and the byte inspector, so both agree on what is valid.
namespace Utf8 {

enum class SequenceKind {
    Valid,      // a whole, valid character
    Incomplete, // a valid start that the available bytes end before finishing
    Invalid     // the byte at the start can not begin a valid character here
};

struct Sequence
{
    SequenceKind kind = SequenceKind::Invalid;
    int length = 1;          // bytes the character takes (Valid), or bytes seen so far
    char32_t codePoint = 0;  // only for Valid
};

// Classifies the character starting at `bytes[0]`, reading at most `available` bytes
// (at least 1).
Sequence decode(const uchar *bytes, qsizetype available);

// Length a lead byte announces (1..4), or 0 for a byte that can not lead a character.
int announcedLength(uchar lead);

inline bool isContinuation(uchar byte)
{
    return (byte & 0xC0) == 0x80;
}

// Appends the UTF-8 encoding of `codePoint` (which must be a valid scalar value) to `out`,
// returning the number of bytes written (1..4).
int encode(char32_t codePoint, char *out);

// What one byte of a buffer is, for showing bytes (the byte inspector).
enum class ByteRole : quint8 {
    Single,       // a whole one-byte (ASCII) character
    Lead,         // the first byte of a valid multi-byte character
    Continuation, // a later byte of a valid multi-byte character
    Invalid,      // belongs to no valid character
    Incomplete    // part of a valid start that the buffer ends before finishing
};

struct ByteClass
{
    ByteRole role = ByteRole::Invalid;
    qint64 characterStart = 0; // index of the character's first byte
    int characterLength = 1;   // bytes of the character (of the valid start when Incomplete)
    char32_t codePoint = 0;    // for Single, Lead and Continuation
};

// Classifies the byte at `index` the way decoding the whole buffer from its start would, but
// looking at no more than 3 bytes either side (UTF-8 is self-synchronising), so any window of a
// huge stream can be shown without decoding what comes before it.
ByteClass classify(QByteArrayView bytes, qint64 index);

} // namespace Utf8
