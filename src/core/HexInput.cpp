#include "core/HexInput.h"

namespace {

constexpr qsizetype MaxQuoted = 12; // characters of the input quoted in an error

int hexValue(QChar character)
{
    const char16_t unit = character.unicode();
    if (unit >= u'0' && unit <= u'9')
        return unit - u'0';
    if (unit >= u'a' && unit <= u'f')
        return unit - u'a' + 10;
    if (unit >= u'A' && unit <= u'F')
        return unit - u'A' + 10;
    return -1; // ASCII only: other scripts' digits and full-width letters are no hex
}

bool isHexDigit(QChar character)
{
    return hexValue(character) >= 0;
}

// The length of a "0x", "0X" or "\x" at `index`, or 0.
qsizetype prefixLengthAt(QStringView text, qsizetype index)
{
    if (index + 1 >= text.size())
        return 0;
    const QChar first = text[index];
    const QChar second = text[index + 1];
    if (first == u'0' && (second == u'x' || second == u'X'))
        return 2;
    if (first == u'\\' && second == u'x')
        return 2;
    return 0;
}

// 1-based. Everything before a mistake is whitespace, digits, 0x or \x, all single UTF-16 code
// units, so the index is the character position too.
int positionOf(qsizetype index)
{
    return int(index) + 1;
}

// 'g', or "the invisible character U+200B" for what would not show between quotes.
QString quoteCharacter(QStringView text, qsizetype index)
{
    qsizetype length = 1;
    char32_t code = text[index].unicode();
    if (text[index].isHighSurrogate() && index + 1 < text.size()
        && text[index + 1].isLowSurrogate()) {
        code = QChar::surrogateToUcs4(text[index], text[index + 1]);
        length = 2;
    }
    if (QChar::isPrint(code))
        return QLatin1Char('\'') + text.mid(index, length).toString() + QLatin1Char('\'');
    return HexInput::tr("the invisible character U+%1")
        .arg(QString::number(code, 16).toUpper().rightJustified(4, QLatin1Char('0')));
}

HexInput failure(int position, const QString &message)
{
    HexInput result;
    result.error = message;
    result.errorPosition = position;
    return result;
}

// A character that is neither whitespace nor a digit, nor starts a 0x or \x.
HexInput strayCharacter(QStringView text, qsizetype index)
{
    const int position = positionOf(index);
    if (text[index] == u'\\') {
        return failure(position, HexInput::tr("'\\' at position %1 must start a \\x escape, "
                                              "as in \\x0a")
                                     .arg(position));
    }
    return failure(position, HexInput::tr("%1 at position %2 is not a hex digit (0-9, a-f)")
                                 .arg(quoteCharacter(text, index), QString::number(position)));
}

bool onlyWhitespaceFrom(QStringView text, qsizetype index)
{
    for (qsizetype i = index; i < text.size(); ++i) {
        if (!text[i].isSpace())
            return false;
    }
    return true;
}

} // namespace

HexInput HexInput::parse(QStringView text)
{
    HexInput result;
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        const QStringView prefix = text.mid(start, prefixLengthAt(text, start));
        i += prefix.size();
        // A run of digits, two per byte; a 0x between two bytes ("0x480x69") starts a new one.
        const qsizetype runStart = i;
        while (i < size && isHexDigit(text[i])
               && !((i - runStart) % 2 == 0 && prefixLengthAt(text, i) > 0)) {
            ++i;
        }
        const qsizetype runLength = i - runStart;
        const bool stoppedAtStray = i < size && !text[i].isSpace() && !isHexDigit(text[i])
                                    && prefixLengthAt(text, i) == 0;

        if (runLength == 0) {
            if (prefix.isEmpty() || stoppedAtStray)
                return strayCharacter(text, i);
            const int position = positionOf(start);
            return failure(position, tr("'%1' at position %2 needs two hex digits after it, "
                                        "as in %1%3")
                                         .arg(prefix.toString(), QString::number(position),
                                              QStringLiteral("0a")));
        }
        if (runLength % 2 == 1) {
            if (stoppedAtStray) // "4g": the typo is the more likely mistake
                return strayCharacter(text, i);
            const int position = positionOf(start);
            QString written = text.mid(start, i - start).toString();
            if (runLength == 1) {
                const QString fixed = prefix.toString() + QLatin1Char('0') + text[runStart];
                const QString message = onlyWhitespaceFrom(text, i)
                    ? tr("the last byte, at position %1, has only one digit: write %2, not %3")
                    : tr("the byte at position %1 has only one digit: write %2, not %3");
                return failure(position,
                               message.arg(QString::number(position), fixed, written));
            }
            if (written.size() > MaxQuoted) // its start is enough to find it; all would not fit
                written = written.left(MaxQuoted - 2) + QChar(0x2026);
            return failure(position, tr("'%1' at position %2 has %3 hex digits, an odd number: "
                                        "each byte is two digits (write 0f, not f)")
                                         .arg(written, QString::number(position),
                                              QString::number(runLength)));
        }
        for (qsizetype digit = runStart; digit < i; digit += 2)
            result.bytes.append(char(hexValue(text[digit]) * 16 + hexValue(text[digit + 1])));
    }
    return result;
}
