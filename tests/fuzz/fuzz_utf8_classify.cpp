// libFuzzer target: Utf8::classify() and Utf8::decode() on any bytes.
//
// The bytes are decoded from the start, character by character, by the reading FuzzCheck.h
// gives (written apart from src/core): a valid character, or at the very end the start of one
// the bytes end too soon for, or else one invalid byte. Checked, for every byte:
// - classify() says what that decoding says: role, where its character starts, its length and
//   code point; so the characters cover every byte exactly once;
// - classify() of a window holding only the 3 bytes either side says the same (the inspector
//   classifies what is on screen without decoding what comes before);
// - decode() from there agrees with the reading (Valid with the same length and code point,
//   Incomplete, or Invalid), and encode() of a valid character's code point gives its bytes.

#include "FuzzCheck.h"

#include "core/Utf8.h"

#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

using Utf8::ByteClass;
using Utf8::ByteRole;

namespace {

const char *roleName(ByteRole role)
{
    switch (role) {
    case ByteRole::Single: return "Single";
    case ByteRole::Lead: return "Lead";
    case ByteRole::Continuation: return "Continuation";
    case ByteRole::Invalid: return "Invalid";
    case ByteRole::Incomplete: return "Incomplete";
    }
    return "?";
}

QByteArray describe(const ByteClass &c)
{
    return QByteArray(roleName(c.role)) + " start " + QByteArray::number(c.characterStart)
           + " length " + QByteArray::number(c.characterLength) + " U+"
           + QByteArray::number(quint32(c.codePoint), 16);
}

bool same(const ByteClass &a, const ByteClass &b)
{
    return a.role == b.role && a.characterStart == b.characterStart
           && a.characterLength == b.characterLength && a.codePoint == b.codePoint;
}

// The length a lead announces by its bit pattern alone (0xxxxxxx, 110xxxxx, ...), or 0.
int patternLength(uchar lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

std::vector<ByteClass> decodedFromTheStart(QByteArrayView bytes)
{
    std::vector<ByteClass> classes(size_t(bytes.size()));
    for (qsizetype at = 0; at < bytes.size();) {
        if (const int length = Fuzz::validLengthAt(bytes, at)) {
            const auto codePoint = char32_t(Fuzz::strictCodePoint(bytes.sliced(at, length)));
            for (int k = 0; k < length; ++k) {
                const ByteRole role = length == 1 ? ByteRole::Single
                                      : k == 0    ? ByteRole::Lead
                                                  : ByteRole::Continuation;
                classes[size_t(at + k)] = {role, at, length, codePoint};
            }
            at += length;
        } else if (Fuzz::incompleteAt(bytes, at)) {
            const int length = patternLength(uchar(bytes[at]));
            for (qsizetype k = at; k < bytes.size(); ++k)
                classes[size_t(k)] = {ByteRole::Incomplete, at, length, 0};
            at = bytes.size();
        } else {
            classes[size_t(at)] = {ByteRole::Invalid, at, 1, 0};
            ++at;
        }
    }
    return classes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A copy of exactly `size` bytes on the heap, so AddressSanitizer sees any read past it.
    const std::vector<char> copy(data, data + size);
    const QByteArrayView bytes(copy.data(), qsizetype(copy.size()));
    const std::vector<ByteClass> expected = decodedFromTheStart(bytes);

    for (qsizetype i = 0; i < bytes.size(); ++i) {
        // Built only for a failure's message.
        const auto where = [&bytes, i] {
            const qsizetype shown = std::max<qsizetype>(0, i - 8);
            return "byte " + QByteArray::number(i) + " of " + Fuzz::hex(bytes.sliced(shown), 24)
                   + " (from byte " + QByteArray::number(shown) + ")";
        };
        const ByteClass actual = Utf8::classify(bytes, i);
        FUZZ_CHECK(same(actual, expected[size_t(i)]),
                   where() + ": classify() says " + describe(actual) + ", decoding from the start "
                       + describe(expected[size_t(i)]));

        const qsizetype from = std::max<qsizetype>(0, i - 3);
        const qsizetype to = std::min<qsizetype>(bytes.size(), i + 4);
        ByteClass windowed = Utf8::classify(bytes.sliced(from, to - from), i - from);
        windowed.characterStart += from;
        FUZZ_CHECK(same(windowed, actual), where() + ": in the window of bytes " + QByteArray::number(from)
                                               + ".." + QByteArray::number(to - 1) + " it is "
                                               + describe(windowed) + ", in the whole "
                                               + describe(actual));

        const auto *at = reinterpret_cast<const uchar *>(bytes.data()) + i;
        const Utf8::Sequence sequence = Utf8::decode(at, bytes.size() - i);
        const int validLength = Fuzz::validLengthAt(bytes, i);
        if (validLength > 0) {
            const auto codePoint = char32_t(Fuzz::strictCodePoint(bytes.sliced(i, validLength)));
            FUZZ_CHECK(sequence.kind == Utf8::SequenceKind::Valid && sequence.length == validLength
                           && sequence.codePoint == codePoint,
                       where() + ": decode() does not see the valid character U+"
                           + QByteArray::number(quint32(codePoint), 16));
            char encoded[4];
            const int encodedLength = Utf8::encode(codePoint, encoded);
            FUZZ_CHECK(QByteArrayView(encoded, encodedLength) == bytes.sliced(i, validLength),
                       where() + ": encode() gives other bytes for U+"
                           + QByteArray::number(quint32(codePoint), 16));
        } else if (Fuzz::incompleteAt(bytes, i)) {
            FUZZ_CHECK(sequence.kind == Utf8::SequenceKind::Incomplete
                           && sequence.length == bytes.size() - i,
                       where() + ": decode() does not see a character cut by the end");
            FUZZ_CHECK(Utf8::announcedLength(*at) == patternLength(*at),
                       where() + ": announcedLength() differs from the lead's bit pattern");
        } else {
            FUZZ_CHECK(sequence.kind == Utf8::SequenceKind::Invalid && sequence.length == 1,
                       where() + ": decode() accepts what is not UTF-8");
        }
    }
    return 0;
}
