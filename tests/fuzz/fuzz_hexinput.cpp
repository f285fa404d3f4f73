// libFuzzer target: HexInput::parse on any text, and on hex written out from any bytes.
//
// The input is used three ways:
// - as text, read as UTF-8 (what a person types or pastes) and as raw UTF-16 code units (lone
//   surrogates and all): parse() must agree with an independent reading of the grammar its
//   header gives (whitespace, and runs of digit pairs each optionally after 0x, 0X or \x) on
//   whether it is valid and on the bytes; an error must have its position, inside the text,
//   on a character that is not whitespace, named in the message, and keep no bytes;
// - cut in two (where, the first byte says): parsing "first second" with a space between must
//   give both parts' bytes, or the first part's error at the same position, or the second's
//   moved by the first part's length;
// - as bytes: written as ByteLiterals::hex() (what the inspector copies), as bare digits, and
//   with separators and prefixes varying byte by byte, each must parse back to those bytes.

#include "FuzzCheck.h"

#include "core/ByteLiterals.h"
#include "core/HexInput.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

namespace {

int digitValue(char16_t unit)
{
    if (unit >= u'0' && unit <= u'9')
        return unit - u'0';
    if (unit >= u'a' && unit <= u'f')
        return unit - u'a' + 10;
    if (unit >= u'A' && unit <= u'F')
        return unit - u'A' + 10;
    return -1;
}

bool isPrefixAt(QStringView text, qsizetype at)
{
    return at + 1 < text.size() && (text[at] == u'0' || text[at] == u'\\')
           && (text[at + 1] == u'x' || (text[at] == u'0' && text[at + 1] == u'X'));
}

// The grammar, read left to right: whitespace is skipped; 0x, 0X or \x must be followed by a
// pair of digits; two digits make a byte. Anything else makes the text invalid.
bool referenceParse(QStringView text, QByteArray &bytes)
{
    bytes.clear();
    for (qsizetype at = 0; at < text.size();) {
        if (text[at].isSpace()) {
            ++at;
            continue;
        }
        if (isPrefixAt(text, at))
            at += 2;
        const int high = at < text.size() ? digitValue(text[at].unicode()) : -1;
        const int low = at + 1 < text.size() ? digitValue(text[at + 1].unicode()) : -1;
        if (high < 0 || low < 0)
            return false;
        bytes.append(char(high * 16 + low));
        at += 2;
    }
    return true;
}

QByteArray describe(QStringView text, const HexInput &result)
{
    return "text: \"" + text.toUtf8() + "\" (UTF-16: "
           + Fuzz::hex(QByteArrayView(reinterpret_cast<const char *>(text.utf16()),
                                      text.size() * 2),
                       128)
           + ")\nparsed: " + (result.isValid() ? "valid" : "invalid") + ", bytes "
           + Fuzz::hex(result.bytes) + ", error at " + QByteArray::number(result.errorPosition)
           + ": " + result.error.toUtf8();
}

HexInput checkedParse(QStringView text)
{
    const HexInput result = HexInput::parse(text);
    QByteArray expected;
    const bool valid = referenceParse(text, expected);
    FUZZ_CHECK(result.isValid() == valid,
               QByteArray(valid ? "valid text refused\n" : "invalid text accepted\n")
                   + describe(text, result));
    if (valid) {
        FUZZ_CHECK(result.errorPosition == -1, "valid, with an error position\n"
                                                   + describe(text, result));
        FUZZ_CHECK(result.bytes == expected,
                   "wrong bytes, expected " + Fuzz::hex(expected) + "\n" + describe(text, result));
        return result;
    }
    FUZZ_CHECK(result.bytes.isEmpty(), "an error, with bytes kept\n" + describe(text, result));
    FUZZ_CHECK(result.errorPosition >= 1 && result.errorPosition <= text.size(),
               "error position outside the text\n" + describe(text, result));
    const qsizetype index = result.errorPosition - 1;
    FUZZ_CHECK(!text[index].isSpace(), "the error points at whitespace\n" + describe(text, result));
    // Before the fault, only what the grammar allows, all single UTF-16 code units: so the
    // position counts characters as a person sees them.
    for (qsizetype i = 0; i < index; ++i) {
        const QChar c = text[i];
        FUZZ_CHECK(c.isSpace() || digitValue(c.unicode()) >= 0 || c == u'x' || c == u'X'
                       || c == u'\\',
                   "before the position of the error, a character the grammar does not allow\n"
                       + describe(text, result));
    }
    FUZZ_CHECK(result.error.contains(QStringLiteral("position %1").arg(result.errorPosition)),
               "the message does not name the position\n" + describe(text, result));
    return result;
}

const char16_t *const Separators[] = {u" ", u"", u"\t", u"\n", u"\r\n", u"  ", u"\u00a0",
                                      u"\u3000"};
const char16_t *const Prefixes[] = {u"", u"0x", u"0X", u"\\x"};

void checkRoundTrips(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return; // "0x" alone is rightly an error
    const auto parsesBack = [&bytes](const QString &text, const char *form) {
        const HexInput result = checkedParse(text);
        FUZZ_CHECK(result.isValid() && result.bytes == bytes,
                   QByteArray(form) + " did not parse back to " + Fuzz::hex(bytes) + "\n"
                       + describe(text, result));
    };
    parsesBack(ByteLiterals::hex(bytes), "ByteLiterals::hex()");
    parsesBack(QString::fromLatin1(bytes.toByteArray().toHex()), "bare lower-case digits");
    parsesBack(QString::fromLatin1(bytes.toByteArray().toHex().toUpper()), "upper-case digits");
    parsesBack(QStringLiteral("0x") + QString::fromLatin1(bytes.toByteArray().toHex()),
               "one 0x before a run");

    QString mixed;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = uchar(bytes[i]);
        const auto next = uchar(bytes[(i + 1) % bytes.size()]);
        mixed += QString::fromUtf16(Separators[(next + i) % std::size(Separators)]);
        mixed += QString::fromUtf16(Prefixes[(next >> 3) % std::size(Prefixes)]);
        const QByteArray digits = QByteArray(1, char(byte)).toHex();
        mixed += QString::fromLatin1(next & 0x40 ? digits.toUpper() : digits);
    }
    parsesBack(mixed, "separators and prefixes varying byte by byte");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));

    const QString utf8 = QString::fromUtf8(bytes);
    checkedParse(utf8);

    std::u16string units(size / 2, u'\0');
    for (size_t i = 0; i < units.size(); ++i)
        units[i] = char16_t(data[2 * i] | (data[2 * i + 1] << 8));
    checkedParse(QStringView(units.data(), qsizetype(units.size())));

    // Cut in two: where, the first byte says (0..255 spread over the whole input).
    if (size > 0) {
        const size_t cut = 1 + (size_t(data[0]) * size) / 256;
        const QString first = QString::fromUtf8(bytes.first(qsizetype(cut)));
        const QString second = QString::fromUtf8(bytes.sliced(qsizetype(cut)));
        const QString joined = first + QLatin1Char(' ') + second;
        const HexInput a = checkedParse(first);
        const HexInput b = checkedParse(second);
        const HexInput both = checkedParse(joined);
        if (!a.isValid()) {
            FUZZ_CHECK(both.errorPosition == a.errorPosition,
                       "first part's error moved\n" + describe(joined, both));
        } else if (!b.isValid()) {
            FUZZ_CHECK(both.errorPosition == b.errorPosition + first.size() + 1,
                       "second part's error not where expected\n" + describe(joined, both));
        } else {
            FUZZ_CHECK(both.isValid() && both.bytes == a.bytes + b.bytes,
                       "the two parts' bytes, joined, differ\n" + describe(joined, both));
        }
    }

    checkRoundTrips(bytes);
    return 0;
}
