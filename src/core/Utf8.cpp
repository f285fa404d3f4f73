#include "core/Utf8.h"

namespace Utf8 {

int announcedLength(uchar lead)
{
    if (lead < 0x80)
        return 1;
    if (lead < 0xC2) // continuation bytes, and C0/C1 which could only start overlong forms
        return 0;
    if (lead < 0xE0)
        return 2;
    if (lead < 0xF0)
        return 3;
    if (lead < 0xF5)
        return 4;
    return 0;
}

// The second byte's range depends on the lead: it is what rules out overlong forms,
// surrogates and code points above U+10FFFF (RFC 3629, table 3-7 of the Unicode standard).
static bool secondByteFits(uchar lead, uchar second)
{
    switch (lead) {
    case 0xE0: return second >= 0xA0 && second <= 0xBF;
    case 0xED: return second >= 0x80 && second <= 0x9F;
    case 0xF0: return second >= 0x90 && second <= 0xBF;
    case 0xF4: return second >= 0x80 && second <= 0x8F;
    default: return isContinuation(second);
    }
}

Sequence decode(const uchar *bytes, qsizetype available)
{
    const uchar lead = bytes[0];
    const int length = announcedLength(lead);
    if (length == 0)
        return {SequenceKind::Invalid, 1, 0};
    if (length == 1)
        return {SequenceKind::Valid, 1, lead};

    char32_t codePoint = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        if (i >= available)
            return {SequenceKind::Incomplete, i, 0};
        const uchar byte = bytes[i];
        if (i == 1 ? !secondByteFits(lead, byte) : !isContinuation(byte))
            return {SequenceKind::Invalid, 1, 0};
        codePoint = (codePoint << 6) | (byte & 0x3F);
    }
    return {SequenceKind::Valid, length, codePoint};
}

ByteClass classify(QByteArrayView bytes, qint64 index)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qint64 size = bytes.size();
    // Every byte that is not a continuation byte is where sequential decoding starts a
    // character (a valid character holds only continuation bytes after its lead), so the
    // nearest such byte at or before `index` decides.
    qint64 start = index;
    while (start > index - 3 && start > 0 && isContinuation(data[start]))
        --start;
    if (isContinuation(data[start])) // four continuation bytes in a row, or at the buffer start
        return {ByteRole::Invalid, index, 1, 0};

    const Sequence sequence = decode(data + start, size - start);
    switch (sequence.kind) {
    case SequenceKind::Valid:
        if (start + sequence.length <= index)
            break; // a whole character ends before it: `index` is a stray continuation byte
        if (sequence.length == 1)
            return {ByteRole::Single, start, 1, sequence.codePoint};
        return {start == index ? ByteRole::Lead : ByteRole::Continuation, start,
                sequence.length, sequence.codePoint};
    case SequenceKind::Incomplete:
        if (start + sequence.length <= index)
            break;
        return {ByteRole::Incomplete, start, announcedLength(data[start]), 0};
    case SequenceKind::Invalid:
        break;
    }
    return {ByteRole::Invalid, index, 1, 0};
}

int encode(char32_t codePoint, char *out)
{
    if (codePoint < 0x80) {
        out[0] = char(codePoint);
        return 1;
    }
    if (codePoint < 0x800) {
        out[0] = char(0xC0 | (codePoint >> 6));
        out[1] = char(0x80 | (codePoint & 0x3F));
        return 2;
    }
    if (codePoint < 0x10000) {
        out[0] = char(0xE0 | (codePoint >> 12));
        out[1] = char(0x80 | ((codePoint >> 6) & 0x3F));
        out[2] = char(0x80 | (codePoint & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (codePoint >> 18));
    out[1] = char(0x80 | ((codePoint >> 12) & 0x3F));
    out[2] = char(0x80 | ((codePoint >> 6) & 0x3F));
    out[3] = char(0x80 | (codePoint & 0x3F));
    return 4;
}

} // namespace Utf8
