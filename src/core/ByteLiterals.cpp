#include "core/ByteLiterals.h"

#include <cctype>

namespace ByteLiterals {

namespace {

const char HexDigits[] = "0123456789abcdef";

void appendHexEscape(QString &out, uchar byte)
{
    out += QLatin1String("\\x");
    out += QLatin1Char(HexDigits[byte >> 4]);
    out += QLatin1Char(HexDigits[byte & 0xF]);
}

// The escapes Python and C share; false for bytes that need a \x escape or none.
bool appendCommonEscape(QString &out, uchar byte)
{
    switch (byte) {
    case '\n': out += QLatin1String("\\n"); return true;
    case '\r': out += QLatin1String("\\r"); return true;
    case '\t': out += QLatin1String("\\t"); return true;
    case '\\': out += QLatin1String("\\\\"); return true;
    default: return false;
    }
}

bool isPrintableAscii(uchar byte)
{
    return byte >= 0x20 && byte < 0x7F;
}

} // namespace

QString hex(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size() * 3);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(' ');
        const auto byte = uchar(bytes[i]);
        out += QLatin1Char(HexDigits[byte >> 4]);
        out += QLatin1Char(HexDigits[byte & 0xF]);
    }
    return out;
}

QString python(QByteArrayView bytes)
{
    QString out = QStringLiteral("b'");
    for (const char character : bytes) {
        const auto byte = uchar(character);
        if (appendCommonEscape(out, byte))
            continue;
        if (byte == '\'')
            out += QLatin1String("\\'");
        else if (isPrintableAscii(byte))
            out += QLatin1Char(char(byte));
        else
            appendHexEscape(out, byte);
    }
    return out + QLatin1Char('\'');
}

QString c(QByteArrayView bytes)
{
    QString out = QStringLiteral("\"");
    bool afterHexEscape = false;
    for (const char character : bytes) {
        const auto byte = uchar(character);
        const bool hexDigit = std::isxdigit(byte) != 0;
        if (afterHexEscape && hexDigit)
            out += QLatin1String("\" \"");
        afterHexEscape = false;
        if (appendCommonEscape(out, byte))
            continue;
        if (byte == '"') {
            out += QLatin1String("\\\"");
        } else if (byte == '?') {
            out += QLatin1String("\\?"); // no trigraphs
        } else if (isPrintableAscii(byte)) {
            out += QLatin1Char(char(byte));
        } else {
            appendHexEscape(out, byte);
            afterHexEscape = true;
        }
    }
    return out + QLatin1Char('"');
}

} // namespace ByteLiterals
