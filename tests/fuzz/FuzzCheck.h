#pragma once

// What the fuzz targets share: a check that stops the run with a readable reason (libFuzzer
// then saves the input as a crash-* file that reproduces it), a UTF-8 decoder written apart
// from src/core/Utf8.cpp, from the textbook definition, to judge it by, and the upper case it
// implies.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace Fuzz {

inline QByteArray hex(QByteArrayView bytes, qsizetype limit = 64)
{
    QByteArray text = bytes.first(std::min(limit, bytes.size())).toByteArray().toHex(' ');
    if (bytes.size() > limit)
        text += " ... (" + QByteArray::number(bytes.size()) + " bytes)";
    return text;
}

[[noreturn]] inline void fail(const char *file, int line, const char *condition,
                              const QByteArray &detail)
{
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n%s\n", file, line, condition,
                 detail.constData());
    std::fflush(stderr);
    std::abort();
}

// FUZZ_CHECK(condition, detail): `detail` (a QByteArray expression) is built only on failure.
#define FUZZ_CHECK(condition, detail)                                                      \
    do {                                                                                   \
        if (!(condition))                                                                  \
            ::Fuzz::fail(__FILE__, __LINE__, #condition, QByteArray(detail));              \
    } while (false)

// The code point of the whole, valid UTF-8 character that is exactly `bytes`, or -1. Decoded
// the lax way (any lead, any continuation bits) and then judged by the rules of RFC 3629: the
// shortest form only, no surrogates, nothing above U+10FFFF.
inline long strictCodePoint(QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.size() > 4)
        return -1;
    const auto lead = uchar(bytes[0]);
    int length;
    long codePoint;
    if (lead < 0x80) {
        length = 1;
        codePoint = lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07;
    } else {
        return -1;
    }
    if (bytes.size() != length)
        return -1;
    for (int i = 1; i < length; ++i) {
        const auto byte = uchar(bytes[i]);
        if ((byte & 0xC0) != 0x80)
            return -1;
        codePoint = (codePoint << 6) | (byte & 0x3F);
    }
    static const long shortest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < shortest[length] || codePoint > 0x10FFFF
        || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return -1;
    }
    return codePoint;
}

// The length of the valid character starting at `at`, or 0 when none does.
inline int validLengthAt(QByteArrayView bytes, qsizetype at)
{
    for (int length = 1; length <= 4 && at + length <= bytes.size(); ++length) {
        if (strictCodePoint(bytes.sliced(at, length)) >= 0)
            return length;
    }
    return 0;
}

// Whether bytes[at..] (all of the rest, 1 to 3 bytes) is the start of a valid character that
// the buffer ends too soon for: some continuation bytes would complete it. The missing bytes
// can be anything in 80..BF except after the lead, whose second byte may be limited to one end
// of that range (E0: A0..BF; ED: 80..9F; F0: 90..BF; F4: 80..8F), so trying both ends decides.
inline bool incompleteAt(QByteArrayView bytes, qsizetype at)
{
    const qsizetype rest = bytes.size() - at;
    if (rest < 1 || rest > 3)
        return false;
    for (const char filler : {char(0x80), char(0xBF)}) {
        for (qsizetype length = rest + 1; length <= 4; ++length) {
            QByteArray completed = bytes.sliced(at).toByteArray();
            completed.append(length - rest, filler);
            if (strictCodePoint(completed) >= 0)
                return true;
        }
    }
    return false;
}

// Whether all of `bytes` is valid UTF-8.
inline bool isValidUtf8(QByteArrayView bytes)
{
    for (qsizetype at = 0; at < bytes.size();) {
        const int length = validLengthAt(bytes, at);
        if (length == 0)
            return false;
        at += length;
    }
    return true;
}

// Qt's full upper-case mapping of one code point, as UTF-8 (what the upper-caser's table is
// built from, one character at a time).
inline const QByteArray &upperOf(char32_t codePoint)
{
    static std::unordered_map<char32_t, QByteArray> cache;
    auto found = cache.find(codePoint);
    if (found == cache.end()) {
        const QByteArray upper =
            QStringView(QChar::fromUcs4(codePoint)).toString().toUpper().toUtf8();
        found = cache.emplace(codePoint, upper).first;
    }
    return found->second;
}

// What upper-casing `in` must give, read independently of src/core: each valid character
// replaced by Qt's full upper case of it, every other byte unchanged.
inline QByteArray expectedUpper(QByteArrayView in)
{
    QByteArray out;
    for (qsizetype at = 0; at < in.size();) {
        if (const int length = validLengthAt(in, at)) {
            out += upperOf(char32_t(strictCodePoint(in.sliced(at, length))));
            at += length;
        } else {
            out += in[at++]; // not UTF-8 (or a character the stream ends inside): unchanged
        }
    }
    return out;
}

} // namespace Fuzz
