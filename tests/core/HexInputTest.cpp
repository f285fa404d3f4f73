#include "QtPrinters.h"

#include "core/ByteLiterals.h"
#include "core/HexInput.h"

#include <QByteArray>
#include <QString>

#include <gtest/gtest.h>

namespace {

const QByteArray Hi = QByteArrayLiteral("Hi\xff");

QByteArray parsed(const QString &text)
{
    const HexInput input = HexInput::parse(text);
    EXPECT_TRUE(input.isValid()) << "\"" << text << "\": " << input.error;
    EXPECT_EQ(input.errorPosition, -1) << text;
    return input.bytes;
}

// The error for `text`, checking that it is one and that nothing is kept of the bytes.
HexInput rejected(const QString &text)
{
    const HexInput input = HexInput::parse(text);
    EXPECT_FALSE(input.isValid()) << "\"" << text << "\" was accepted";
    EXPECT_TRUE(input.bytes.isEmpty()) << text;
    return input;
}

TEST(HexInputTest, PairsSeparatedByAnyWhitespaceOrNone)
{
    EXPECT_EQ(parsed(QStringLiteral("48 69 ff")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("4869ff")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("48\n69\nff")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("48\r\n69\tff")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("  48   6969 ff  ")), QByteArrayLiteral("Hii\xff"));
    // Pasted from web pages: a no-break space and an ideographic space are whitespace too.
    EXPECT_EQ(parsed(QStringLiteral(u"48\u00a069\u3000ff")), Hi);
}

TEST(HexInputTest, UpperAndLowerCaseDigits)
{
    EXPECT_EQ(parsed(QStringLiteral("4A 4a FF fF Ff")), QByteArrayLiteral("JJ\xff\xff\xff"));
    EXPECT_EQ(parsed(QStringLiteral("abcdef ABCDEF")),
              QByteArrayLiteral("\xab\xcd\xef\xab\xcd\xef"));
}

TEST(HexInputTest, ZeroXPrefixes)
{
    EXPECT_EQ(parsed(QStringLiteral("0x48 0x69 0xff")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("0X48 0X69 0XFF")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("0x480x690xff")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("0x00 0x0a")), QByteArrayLiteral("\x00\x0a"));
    EXPECT_EQ(parsed(QStringLiteral("0x4869ff")), Hi); // a run of bytes after one 0x
    EXPECT_EQ(parsed(QStringLiteral("48 0x69 ff")), Hi); // mixed with bare pairs
}

TEST(HexInputTest, BackslashXEscapes)
{
    EXPECT_EQ(parsed(QStringLiteral("\\x48\\x69\\xff")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("\\x48 \\x69 \\xFF")), Hi);
    EXPECT_EQ(parsed(QStringLiteral("\\x48 69 0xff")), Hi);
}

TEST(HexInputTest, EmptyAndBlankInputAreValidAndHaveNoBytes)
{
    EXPECT_EQ(parsed(QString()), QByteArray());
    EXPECT_EQ(parsed(QStringLiteral("")), QByteArray());
    EXPECT_EQ(parsed(QStringLiteral(" \t\n ")), QByteArray());
}

TEST(HexInputTest, AllByteValuesRoundTripThroughTheInspectorsHex)
{
    QByteArray all;
    for (int byte = 0; byte < 256; ++byte)
        all.append(char(byte));
    const QString hex = ByteLiterals::hex(all);
    EXPECT_EQ(parsed(hex), all);
    EXPECT_EQ(parsed(hex.toUpper()), all);
    EXPECT_EQ(parsed(QString(hex).remove(QLatin1Char(' '))), all);
    for (int byte = 0; byte < 256; ++byte) {
        const QByteArray one(1, char(byte));
        const QString digits = ByteLiterals::hex(one);
        EXPECT_EQ(parsed(digits), one) << digits;
        EXPECT_EQ(parsed(QStringLiteral("0x") + digits), one) << digits;
        EXPECT_EQ(parsed(QStringLiteral("\\x") + digits), one) << digits;
    }
}

TEST(HexInputTest, ANonHexCharacterIsNamedWithItsPosition)
{
    const HexInput input = rejected(QStringLiteral("48 g9"));
    EXPECT_EQ(input.error, QStringLiteral("'g' at position 4 is not a hex digit (0-9, a-f)"));
    EXPECT_EQ(input.errorPosition, 4);

    EXPECT_EQ(rejected(QStringLiteral("4869zz")).errorPosition, 5);
    EXPECT_EQ(rejected(QStringLiteral("48, 69")).error,
              QStringLiteral("',' at position 3 is not a hex digit (0-9, a-f)"));
    // After a digit: the stray character is the mistake, not the lone digit before it.
    EXPECT_EQ(rejected(QStringLiteral("4g")).error,
              QStringLiteral("'g' at position 2 is not a hex digit (0-9, a-f)"));
    EXPECT_EQ(rejected(QStringLiteral("0xg1")).error,
              QStringLiteral("'g' at position 3 is not a hex digit (0-9, a-f)"));
    // Digits of other scripts and full-width ones look like hex but are not ASCII.
    EXPECT_EQ(rejected(QStringLiteral(u"48 \uff16\uff19")).errorPosition, 4);
}

TEST(HexInputTest, AnEmojiIsQuotedWhole)
{
    const HexInput input = rejected(QStringLiteral(u"48 \U0001F32E"));
    EXPECT_EQ(input.error,
              QStringLiteral(u"'\U0001F32E' at position 4 is not a hex digit (0-9, a-f)"));
    EXPECT_EQ(input.errorPosition, 4);
    EXPECT_EQ(rejected(QStringLiteral(u"\U0001F32E\U0001F32E g")).errorPosition, 1);
}

TEST(HexInputTest, AnInvisibleCharacterIsNamedByItsCodePoint)
{
    const HexInput input = rejected(QStringLiteral(u"48\u200b69"));
    EXPECT_EQ(input.error, QStringLiteral("the invisible character U+200B at position 3 is not a "
                                          "hex digit (0-9, a-f)"));
    EXPECT_EQ(input.errorPosition, 3);
}

TEST(HexInputTest, ALoneDigitAtTheEnd)
{
    const HexInput input = rejected(QStringLiteral("48 69 f"));
    EXPECT_EQ(input.error,
              QStringLiteral("the last byte, at position 7, has only one digit: write 0f, not f"));
    EXPECT_EQ(input.errorPosition, 7);
    EXPECT_EQ(rejected(QStringLiteral("f")).errorPosition, 1);
    EXPECT_EQ(rejected(QStringLiteral("48 a \n")).error,
              QStringLiteral("the last byte, at position 4, has only one digit: write 0a, not a"));
}

TEST(HexInputTest, ALoneDigitInTheMiddleKeepsItsPrefixInTheAdvice)
{
    EXPECT_EQ(rejected(QStringLiteral("48 6 69")).error,
              QStringLiteral("the byte at position 4 has only one digit: write 06, not 6"));
    EXPECT_EQ(rejected(QStringLiteral("0x48 0x6 0x69")).error,
              QStringLiteral("the byte at position 6 has only one digit: write 0x06, not 0x6"));
    EXPECT_EQ(rejected(QStringLiteral("\\x48\\x6\\x69")).error,
              QStringLiteral("the byte at position 5 has only one digit: write \\x06, not \\x6"));
}

TEST(HexInputTest, AnOddNumberOfDigitsInAGroup)
{
    const HexInput input = rejected(QStringLiteral("ff 486 69"));
    EXPECT_EQ(input.error, QStringLiteral("'486' at position 4 has 3 hex digits, an odd number: "
                                          "each byte is two digits (write 0f, not f)"));
    EXPECT_EQ(input.errorPosition, 4);
    EXPECT_EQ(rejected(QStringLiteral("0x486")).errorPosition, 1);
    EXPECT_EQ(rejected(QStringLiteral("48656c6c6")).errorPosition, 1);
    // A long group is quoted by its start only, so the message stays one readable line.
    EXPECT_EQ(rejected(QStringLiteral("48 ") + QString(41, QLatin1Char('a'))).error,
              QStringLiteral(u"'aaaaaaaaaa\u2026' at position 4 has 41 hex digits, an odd number: "
                             u"each byte is two digits (write 0f, not f)"));
}

TEST(HexInputTest, APrefixWithoutDigits)
{
    EXPECT_EQ(rejected(QStringLiteral("48 0x")).error,
              QStringLiteral("'0x' at position 4 needs two hex digits after it, as in 0x0a"));
    EXPECT_EQ(rejected(QStringLiteral("\\x \\x48")).error,
              QStringLiteral("'\\x' at position 1 needs two hex digits after it, as in \\x0a"));
    EXPECT_EQ(rejected(QStringLiteral("0x0x48")).errorPosition, 1);
}

TEST(HexInputTest, OtherBackslashEscapesAreExplained)
{
    const HexInput input = rejected(QStringLiteral("48 69 \\n"));
    EXPECT_EQ(input.error,
              QStringLiteral("'\\' at position 7 must start a \\x escape, as in \\x0a"));
    EXPECT_EQ(input.errorPosition, 7);
    EXPECT_EQ(rejected(QStringLiteral("\\X48")).errorPosition, 1); // C and Python: lower-case x
    EXPECT_EQ(rejected(QStringLiteral("48\\")).errorPosition, 3);
}

TEST(HexInputTest, TheFirstMistakeIsTheOneReported)
{
    EXPECT_EQ(rejected(QStringLiteral("zz 4")).errorPosition, 1);
    EXPECT_EQ(rejected(QStringLiteral("4 zz")).errorPosition, 1);
}

} // namespace
