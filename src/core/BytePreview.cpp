#include "core/BytePreview.h"

#include "core/Utf8.h"

namespace BytePreview {

QString escaped(QByteArrayView bytes, int maxChars)
{
    QString text;
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype i = 0;
    int shown = 0;
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
