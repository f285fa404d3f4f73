#include "core/Utf8UpperCaser.h"

#include "core/Utf8.h"

#include <QChar>
#include <QtAlgorithms>
#include <QString>

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

// Upper-case mapping of every code point, as UTF-8 bytes, built once from Qt's Unicode data.
// Two-level table: code points come in blocks of 64 (the last continuation byte's range);
// blocks where nothing changes share block 0, so the whole table stays a few tens of KiB.
// An entry holds the upper-case bytes inline, so the hot loop copies 8 bytes and moves on
// instead of following a pointer and calling memcpy with a variable size.
class UpperCaseTable
{
public:
    struct Entry
    {
        char bytes[7];
        quint8 length; // 0: maps to itself; 1..7: bytes[0..length); Long: see m_long
    };
    static_assert(sizeof(Entry) == 8, "an entry is copied as one 8-byte word");
    static constexpr quint8 Long = 0xFF;

    static const UpperCaseTable &instance()
    {
        static const UpperCaseTable table;
        return table;
    }

    const Entry &entry(char32_t codePoint) const
    {
        return m_entries[(size_t(m_blockOf[codePoint >> BlockBits]) << BlockBits)
                         | (codePoint & BlockMask)];
    }

    // The upper case of an entry too long to hold inline. Unicode 14 has none (6 bytes at
    // most), but full mappings may take up to three 4-byte code points.
    const std::string &longUpper(char32_t codePoint) const { return m_long.at(codePoint); }

    // The most output bytes any input byte can turn into ("ΐ": 2 bytes -> 6).
    int maxGrowth() const { return m_maxGrowth; }

private:
    static constexpr int BlockBits = 6;
    static constexpr char32_t BlockMask = (1u << BlockBits) - 1;
    static constexpr char32_t CodePointCount = 0x110000;

    UpperCaseTable()
    {
        m_blockOf.resize(CodePointCount >> BlockBits, 0);
        m_entries.assign(size_t(1) << BlockBits, Entry{}); // block 0: nothing changes
        std::vector<Entry> block(size_t(1) << BlockBits);
        for (char32_t first = 0; first < CodePointCount; first += BlockMask + 1) {
            bool changes = false;
            for (char32_t offset = 0; offset <= BlockMask; ++offset) {
                block[offset] = entryFor(first + offset);
                changes = changes || block[offset].length != 0;
            }
            if (!changes)
                continue;
            m_blockOf[first >> BlockBits] = quint16(m_entries.size() >> BlockBits);
            m_entries.insert(m_entries.end(), block.begin(), block.end());
        }
    }

    Entry entryFor(char32_t codePoint)
    {
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
            return {}; // surrogates are never decoded from valid UTF-8
        // Only cased letters can have a full (multi-character) mapping; every other code point
        // either maps simply or not at all. This keeps the QString calls to a few thousand.
        const char32_t simple = QChar::toUpper(codePoint);
        const QChar::Category category = QChar::category(codePoint);
        if (simple == codePoint && category != QChar::Letter_Lowercase
            && category != QChar::Letter_Titlecase) {
            return {};
        }
        const QString original = QString::fromUcs4(&codePoint, 1);
        const QByteArray upper = original.toUpper().toUtf8();
        if (upper == original.toUtf8())
            return {};
        const int inputLength = original.toUtf8().size();
        m_maxGrowth = std::max(m_maxGrowth, int((upper.size() + inputLength - 1) / inputLength));
        Entry entry{};
        if (upper.size() <= qsizetype(sizeof entry.bytes)) {
            std::memcpy(entry.bytes, upper.constData(), size_t(upper.size()));
            entry.length = quint8(upper.size());
        } else {
            m_long[codePoint] = upper.toStdString();
            entry.length = Long;
        }
        return entry;
    }

    std::vector<quint16> m_blockOf;
    std::vector<Entry> m_entries;
    std::unordered_map<char32_t, std::string> m_long;
    int m_maxGrowth = 1;
};

// Room the output needs beyond the worst-case growth: output is stored in whole 8-byte words.
constexpr qsizetype OutputSlack = 8;

inline char upperAscii(uchar byte)
{
    return char(byte - (uchar(byte - 'a') < 26 ? 0x20 : 0));
}

constexpr quint64 HighBits = 0x8080808080808080ULL;

// Eight bytes at once (SWAR): flips bit 5 of every byte in 'a'..'z'. Bytes with the high bit
// set are left as they are; they are masked off first, so no byte carries into its neighbour.
inline quint64 upperAscii8(quint64 bytes)
{
    constexpr quint64 Ones = 0x0101010101010101ULL;
    const quint64 low = bytes & ~HighBits;
    const quint64 atLeastA = low + Ones * (0x80 - 'a');
    const quint64 aboveZ = low + Ones * (0x80 - 'z' - 1);
    return bytes ^ ((atLeastA & ~aboveZ & ~bytes & HighBits) >> 2);
}

// How many bytes of a word come before the first one whose high bit is set in `highBits`
// (which must not be 0), in memory order.
inline int bytesBeforeHighBit(quint64 highBits)
{
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    return int(qCountTrailingZeroBits(highBits) / 8);
#else
    return int(qCountLeadingZeroBits(highBits) / 8);
#endif
}

// Upper-cases the longest ASCII prefix of [in, in + size) that is a whole number of words,
// returning how many bytes it handled.
inline qsizetype upperAsciiRun(const uchar *in, char *out, qsizetype size)
{
    qsizetype done = 0;
    for (; size - done >= 32; done += 32) {
        quint64 words[4];
        std::memcpy(words, in + done, sizeof words);
        if ((words[0] | words[1] | words[2] | words[3]) & HighBits)
            break;
        for (quint64 &word : words)
            word = upperAscii8(word);
        std::memcpy(out + done, words, sizeof words);
    }
    for (; size - done >= 8; done += 8) {
        quint64 word;
        std::memcpy(&word, in + done, sizeof word);
        if (word & HighBits)
            break;
        word = upperAscii8(word);
        std::memcpy(out + done, &word, sizeof word);
    }
    return done;
}

// Writes the upper-case form of the valid `length`-byte character at `bytes`, whose code
// point is `codePoint`. At least 4 bytes must be readable at `bytes` and OutputSlack bytes
// writable past the result, so that both copies have a fixed size.
inline char *putUpper(const UpperCaseTable &table, char32_t codePoint, const uchar *bytes,
                      int length, char *out)
{
    const UpperCaseTable::Entry &entry = table.entry(codePoint);
    if (entry.length == 0) {
        std::memcpy(out, bytes, 4);
        return out + length;
    }
    if (Q_LIKELY(entry.length != UpperCaseTable::Long)) {
        std::memcpy(out, &entry, sizeof entry);
        return out + entry.length;
    }
    const std::string &upper = table.longUpper(codePoint);
    std::memcpy(out, upper.data(), upper.size());
    return out + upper.size();
}

// As putUpper() for a `Length`-byte character, for the fast path. When the upper case has the
// character's own length (nearly always), exactly that many bytes are stored: a wider store
// would reach output bytes that the next loads alias when input and output start at the same
// page offset, as large buffers do, and those loads would wait for it ("4K aliasing").
template <int Length>
inline char *putUpperFast(const UpperCaseTable &table, char32_t codePoint, const uchar *bytes,
                          char *out)
{
    const UpperCaseTable::Entry &entry = table.entry(codePoint);
    if (entry.length == 0) {
        std::memcpy(out, bytes, Length);
        return out + Length;
    }
    if (entry.length == Length) {
        std::memcpy(out, entry.bytes, Length);
        return out + Length;
    }
    return putUpper(table, codePoint, bytes, Length, out);
}

// As putUpper(), for a character near the end of its buffer: reads only its own bytes.
inline char *putUpperAtEnd(const UpperCaseTable &table, const Utf8::Sequence &sequence,
                           const uchar *bytes, char *out)
{
    uchar padded[4] = {};
    std::memcpy(padded, bytes, size_t(sequence.length));
    return putUpper(table, sequence.codePoint, padded, sequence.length, out);
}

constexpr bool isContinuation(uchar byte)
{
    return (byte & 0xC0) == 0x80;
}

} // namespace

// The hot loop, long on purpose (about 100 lines): with its ASCII and multi-byte fast paths as
// inline helpers (fully inlined, the same steps), GCC 12 at -O2 laid the loop out anew and ß
// ran 30% slower (bench_uppercaser, BM_UpperCase_SharpS: 16.2 -> 21.0 ms of CPU for 16 MiB).
void Utf8UpperCaser::feed(QByteArrayView chunk, QByteArray &out)
{
    if (chunk.isEmpty())
        return; // nothing to do, and a null view's data() must not reach memcpy (UB)
    const UpperCaseTable &table = UpperCaseTable::instance();
    const qsizetype start = out.size();
    out.resize(start + (m_heldSize + chunk.size()) * table.maxGrowth() + OutputSlack);
    char *o = out.data() + start;

    const auto *in = reinterpret_cast<const uchar *>(chunk.data());
    const qsizetype size = chunk.size();
    qsizetype i = 0;
    if (m_heldSize > 0) {
        char *afterHeld = o; // `o` itself stays in a register for the loop
        i = completeHeld(in, size, afterHeld);
        o = afterHeld;
    }

    // Fast paths first: ASCII by words, then whole valid characters with 4 bytes readable,
    // decoded inline with one branch per length (predictable within a script). Everything
    // else (invalid bytes, the last 3 bytes) goes through Utf8::decode().
    while (i < size) {
        const uchar lead = in[i];
        if (lead < 0x80) {
            if (size - i < 8) {
                *o++ = upperAscii(lead);
                ++i;
                continue;
            }
            quint64 word;
            std::memcpy(&word, in + i, sizeof word);
            if ((word & HighBits) == 0) {
                const qsizetype run = upperAsciiRun(in + i, o, size - i);
                i += run;
                o += run;
                continue;
            }
            // ASCII up to a non-ASCII byte, as in most text that is not English: one word
            // is stored whole (OutputSlack covers it) but only its ASCII start counts.
            const quint64 upper = upperAscii8(word);
            std::memcpy(o, &upper, sizeof upper);
            const int ascii = bytesBeforeHighBit(word & HighBits);
            i += ascii;
            o += ascii;
            continue;
        }
        if (size - i >= 4) {
            const uchar second = in[i + 1];
            if (lead < 0xE0) {
                if (lead >= 0xC2 && isContinuation(second)) {
                    const char32_t codePoint = (char32_t(lead & 0x1F) << 6) | (second & 0x3F);
                    o = putUpperFast<2>(table, codePoint, in + i, o);
                    i += 2;
                    continue;
                }
            } else if (lead < 0xF0) {
                const uchar third = in[i + 2];
                const char32_t codePoint = (char32_t(lead & 0x0F) << 12)
                    | (char32_t(second & 0x3F) << 6) | (third & 0x3F);
                // The range check rules out overlong forms and surrogates.
                if (isContinuation(second) && isContinuation(third) && codePoint >= 0x800
                    && (codePoint < 0xD800 || codePoint > 0xDFFF)) {
                    o = putUpperFast<3>(table, codePoint, in + i, o);
                    i += 3;
                    continue;
                }
            } else if (lead < 0xF5) {
                const uchar third = in[i + 2];
                const uchar fourth = in[i + 3];
                const char32_t codePoint = (char32_t(lead & 0x07) << 18)
                    | (char32_t(second & 0x3F) << 12) | (char32_t(third & 0x3F) << 6)
                    | (fourth & 0x3F);
                if (isContinuation(second) && isContinuation(third) && isContinuation(fourth)
                    && codePoint >= 0x10000 && codePoint <= 0x10FFFF) {
                    o = putUpperFast<4>(table, codePoint, in + i, o);
                    i += 4;
                    continue;
                }
            }
        }
        const Utf8::Sequence sequence = Utf8::decode(in + i, size - i);
        switch (sequence.kind) {
        case Utf8::SequenceKind::Valid:
            o = putUpperAtEnd(table, sequence, in + i, o);
            i += sequence.length;
            break;
        case Utf8::SequenceKind::Incomplete:
            m_heldSize = size - i;
            std::memcpy(m_held, in + i, size_t(m_heldSize));
            i = size;
            break;
        case Utf8::SequenceKind::Invalid:
            *o++ = char(in[i++]);
            break;
        }
    }
    out.resize(o - out.constData());
}

qsizetype Utf8UpperCaser::completeHeld(const uchar *in, qsizetype size, char *&out)
{
    uchar joined[8] = {};
    std::memcpy(joined, m_held, size_t(m_heldSize));
    const qsizetype taken = std::min<qsizetype>(size, 4 - m_heldSize);
    std::memcpy(joined + m_heldSize, in, size_t(taken));
    const Utf8::Sequence sequence = Utf8::decode(joined, m_heldSize + taken);
    switch (sequence.kind) {
    case Utf8::SequenceKind::Valid: {
        out = putUpper(UpperCaseTable::instance(), sequence.codePoint, joined, sequence.length,
                       out);
        const qsizetype used = sequence.length - m_heldSize;
        m_heldSize = 0;
        return used;
    }
    case Utf8::SequenceKind::Incomplete: // still not enough: the whole chunk joins the rest
        std::memcpy(m_held + m_heldSize, in, size_t(size));
        m_heldSize += size;
        return size;
    case Utf8::SequenceKind::Invalid:
        // The held lead is followed by continuation bytes only, so none of them can start a
        // character: they all pass unchanged, and this chunk is read from its start.
        std::memcpy(out, m_held, size_t(m_heldSize));
        out += m_heldSize;
        m_heldSize = 0;
        return 0;
    }
    return 0;
}

QByteArray Utf8UpperCaser::feed(QByteArrayView chunk)
{
    QByteArray out;
    feed(chunk, out);
    return out;
}

void Utf8UpperCaser::finish(QByteArray &out)
{
    out.append(m_held, m_heldSize);
    m_heldSize = 0;
}

void Utf8UpperCaser::feedWhole(QByteArrayView message, QByteArray &out)
{
    feed(message, out);
    finish(out);
}

QByteArray Utf8UpperCaser::upperCased(QByteArrayView bytes)
{
    Utf8UpperCaser caser;
    QByteArray out;
    caser.feedWhole(bytes, out);
    return out;
}
