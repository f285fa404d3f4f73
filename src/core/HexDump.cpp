#include "core/HexDump.h"

namespace HexDump {

QString format(QByteArrayView bytes, qint64 firstOffset)
{
    constexpr int BytesPerLine = 16;
    static const char digits[] = "0123456789abcdef";
    QString out;
    out.reserve((bytes.size() / BytesPerLine + 1) * 80);
    for (qsizetype line = 0; line < bytes.size(); line += BytesPerLine) {
        out += QStringLiteral("%1  ").arg(firstOffset + line, 8, 16, QLatin1Char('0'));
        QString text;
        for (int column = 0; column < BytesPerLine; ++column) {
            if (column == 8)
                out += QLatin1Char(' ');
            if (line + column >= bytes.size()) {
                out += QStringLiteral("   ");
                continue;
            }
            const auto byte = uchar(bytes[line + column]);
            out += QLatin1Char(digits[byte >> 4]);
            out += QLatin1Char(digits[byte & 0xF]);
            out += QLatin1Char(' ');
            text += (byte >= 0x20 && byte < 0x7F) ? QLatin1Char(char(byte)) : QLatin1Char('.');
        }
        out += QStringLiteral(" |") + text + QStringLiteral("|\n");
    }
    return out;
}

} // namespace HexDump
