#include "core/BytePreview.h"

#include "core/Utf8.h"

namespace BytePreview {

namespace {

bool isLineEdge(QByteArrayView bytes, qsizetype at)
{
    return at < 0 || at >= bytes.size() || bytes[at] == '\n' || bytes[at] == '\r';
}

// The end of the run of spaces that starts at `first`, and whether it starts or ends a line.
qsizetype spaceRunEnd(QByteArrayView bytes, qsizetype first, bool *atEdge)
{
    qsizetype end = first;
    while (end < bytes.size() && bytes[end] == ' ')
        ++end;
    *atEdge = isLineEdge(bytes, first - 1) || isLineEdge(bytes, end);
    return end;
}

} // namespace

QString escaped(QByteArrayView bytes, int maxChars, Spaces spaces)
{
    QString text;
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype i = 0;
    int shown = 0;
    qsizetype spacesEnd = 0; // the run of spaces being shown, and whether it is marked
    bool markSpaces = false;
    const auto hexEscape = [&text](uchar byte) {
        text += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
    };
    while (i < bytes.size()) {
        if (shown >= maxChars) {
            text += QChar(0x2026);
            break;
        }
        const Utf8::Sequence sequence = Utf8::decode(data + i, bytes.size() - i);
        ++shown;
        if (sequence.kind != Utf8::SequenceKind::Valid) {
            hexEscape(data[i++]);
            continue;
        }
        const char32_t codePoint = sequence.codePoint;
        i += sequence.length;
        switch (codePoint) {
        case '\n': text += QStringLiteral("\\n"); continue;
        case '\r': text += QStringLiteral("\\r"); continue;
        case '\t': text += QStringLiteral("\\t"); continue;
        case '\\': text += QStringLiteral("\\\\"); continue;
        case ' ':
            if (spaces == Spaces::AsSpaces)
                break;
            if (i > spacesEnd) // the first space of a run
                spacesEnd = spaceRunEnd(bytes, i - 1, &markSpaces);
            if (markSpaces) {
                text += QChar(0x2423);
                continue;
            }
            break;
        default: break;
        }
        if (codePoint < 0x20 || codePoint == 0x7F) {
            hexEscape(uchar(codePoint));
            continue;
        }
        text += QStringView(QChar::fromUcs4(codePoint)); // fromUcs4() would drop U+FEFF
    }
    return text;
}

} // namespace BytePreview
