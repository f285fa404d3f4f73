#include "QtPrinters.h"

#include "core/BytePreview.h"
#include "core/HexDump.h"
#include "core/HostPort.h"

#include <gtest/gtest.h>

namespace {

TEST(HostPortTest, ReadsTheFormsPeopleType)
{
    struct Case
    {
        const char *text;
        const char *host;
        quint16 port;
    };
    const Case cases[] = {
        {"localhost", "localhost", 5220},
        {"127.0.0.1", "127.0.0.1", 5220},
        {"127.0.0.1:6000", "127.0.0.1", 6000},
        {"lab-pc.example.org:80", "lab-pc.example.org", 80},
        {"[::1]", "::1", 5220},
        {"[::1]:6000", "::1", 6000},
        {"fe80::1", "fe80::1", 5220}, // bare IPv6: all colons belong to the address
        {"  10.0.0.2:7 ", "10.0.0.2", 7},
    };
    for (const Case &c : cases) {
        const HostPort parsed = HostPort::parse(QString::fromUtf8(c.text), 5220);
        EXPECT_TRUE(parsed.isValid()) << c.text << ": " << parsed.error.toStdString();
        EXPECT_EQ(parsed.host, QString::fromUtf8(c.host)) << c.text;
        EXPECT_EQ(parsed.port, c.port) << c.text;
    }
}

TEST(HostPortTest, SaysWhatIsWrong)
{
    EXPECT_TRUE(HostPort::parse("host:0", 5220).error.contains("1 to 65535"));
    EXPECT_TRUE(HostPort::parse("host:65536", 5220).error.contains("1 to 65535"));
    EXPECT_TRUE(HostPort::parse("host:http", 5220).error.contains("1 to 65535"));
    EXPECT_TRUE(HostPort::parse("[::1", 5220).error.contains("]"));
    EXPECT_TRUE(HostPort::parse("[::1]x", 5220).error.contains(":PORT"));
    EXPECT_TRUE(HostPort::parse(":5220", 5220).error.contains("no host"));
    EXPECT_FALSE(HostPort::parse("", 5220).isValid());
}

TEST(HostPortTest, PortZeroOnlyWhenAllowed)
{
    quint16 port = 1;
    EXPECT_FALSE(HostPort::parsePort("0", &port));
    EXPECT_TRUE(HostPort::parsePort("0", &port, true));
    EXPECT_EQ(port, 0);
    EXPECT_TRUE(HostPort::parsePort("65535", &port));
    EXPECT_EQ(port, 65535);
    EXPECT_FALSE(HostPort::parsePort("-1", &port));
}

TEST(BytePreviewTest, ShowsTextAsTextAndTheRestAsEscapes)
{
    EXPECT_EQ(BytePreview::escaped("I am hungry for \xf0\x9f\x8c\xae\n"),
              QStringLiteral("I am hungry for 🌮\\n"));
    EXPECT_EQ(BytePreview::escaped("a\r\n\tb\\"), QStringLiteral("a\\r\\n\\tb\\\\"));
    EXPECT_EQ(BytePreview::escaped("\x01\x7f"), QStringLiteral("\\x01\\x7f"));
    EXPECT_EQ(BytePreview::escaped("ok\xff\xfe"), QStringLiteral("ok\\xff\\xfe"));
    EXPECT_EQ(BytePreview::escaped("\xf0\x9f"), QStringLiteral("\\xf0\\x9f")); // cut short
    EXPECT_EQ(BytePreview::escaped(QByteArrayView("", 0)), QString());
}

// U+FEFF (a byte order mark, or a zero-width no-break space) is a character like any other:
// QString::fromUcs4() would drop it, in front and, one character at a time, everywhere.
TEST(BytePreviewTest, KeepsAByteOrderMark)
{
    const QChar mark(0xFEFF);
    EXPECT_EQ(BytePreview::escaped("\xef\xbb\xbfhi \xef\xbb\xbf"),
              mark + QStringLiteral("hi ") + mark);
}

TEST(BytePreviewTest, ShortensLongInputByCharacters)
{
    const QString preview = BytePreview::escaped(QByteArray(1000, 'x'), 10);
    EXPECT_EQ(preview, QString(10, QLatin1Char('x')) + QChar(0x2026));
    // A character is never cut in the middle.
    EXPECT_EQ(BytePreview::escaped("\xc3\x9f\xc3\x9f\xc3\x9f", 2), QStringLiteral("ßß…"));
}

TEST(BytePreviewTest, MarksSpacesAtTheEdgesOfALineWhenAsked)
{
    using BytePreview::Spaces;
    const QString box = QStringLiteral("\u2423"); // ␣, the control picture of a space
    // A reply of nothing but spaces would be an empty bubble.
    EXPECT_EQ(BytePreview::escaped("   ", 80, Spaces::MarkedAtEdges), box.repeated(3));
    EXPECT_EQ(BytePreview::escaped("   \n", 80, Spaces::MarkedAtEdges),
              box.repeated(3) + QStringLiteral("\\n"));
    // Before a line ending, after one, and at either end; not between words.
    EXPECT_EQ(BytePreview::escaped(" hi there  \r\n  next", 80, Spaces::MarkedAtEdges),
              box + QStringLiteral("hi there") + box.repeated(2) + QStringLiteral("\\r\\n")
                  + box.repeated(2) + QStringLiteral("next"));
    // Unasked, a space stays a space.
    EXPECT_EQ(BytePreview::escaped("   "), QStringLiteral("   "));
    // Marks count as characters when the preview is shortened.
    EXPECT_EQ(BytePreview::escaped(QByteArray(10, ' '), 4, Spaces::MarkedAtEdges),
              box.repeated(4) + QChar(0x2026));
}

TEST(HexDumpTest, HasTheHexdumpCanonicalLayout)
{
    // Exactly what `hexdump -C` prints for these bytes.
    const QByteArray bytes = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae\n");
    EXPECT_EQ(HexDump::format(bytes),
              QStringLiteral("00000000  49 20 61 6d 20 68 75 6e  67 72 79 20 66 6f 72 20  "
                             "|I am hungry for |\n"
                             "00000010  f0 9f 8c ae 0a                                    "
                             "|.....|\n"));
}

TEST(HexDumpTest, OffsetsRunOnAcrossAStream)
{
    // As hexdump -C prints it (checked against util-linux hexdump), from offset 0x1234.
    EXPECT_EQ(HexDump::format("AB", 0x1234),
              QStringLiteral("00001234  41 42                                             "
                             "|AB|\n"));
    EXPECT_EQ(HexDump::format(QByteArrayView("", 0)), QString());
}

} // namespace
