#include "QtPrinters.h"

#include "core/TextEncoding.h"

#include <gtest/gtest.h>

TEST(TextEncodingTest, EachLineEndingIsItsBytes)
{
    EXPECT_EQ(TextEncoding::lineEndingBytes(LineEnding::None), QByteArray());
    EXPECT_EQ(TextEncoding::lineEndingBytes(LineEnding::Lf), QByteArrayLiteral("\x0a"));
    EXPECT_EQ(TextEncoding::lineEndingBytes(LineEnding::CrLf), QByteArrayLiteral("\x0d\x0a"));
}

TEST(TextEncodingTest, TextIsUtf8FollowedByTheLineEnding)
{
    // The lecture's message.encode(), then the ending: what Python's
    // ("I am hungry for 🌮" + "\n").encode() gives.
    const QString text = QStringLiteral("I am hungry for 🌮");
    const QByteArray utf8 = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae");
    EXPECT_EQ(TextEncoding::encode(text, LineEnding::None), utf8);
    EXPECT_EQ(TextEncoding::encode(text, LineEnding::Lf), utf8 + "\n");
    EXPECT_EQ(TextEncoding::encode(text, LineEnding::CrLf), utf8 + "\r\n");
    // Two- and three-byte characters: ß (U+00DF) and € (U+20AC).
    EXPECT_EQ(TextEncoding::encode(QStringLiteral("straße €"), LineEnding::Lf),
              QByteArrayLiteral("stra\xc3\x9f" "e \xe2\x82\xac\n"));
}

TEST(TextEncodingTest, AnEmptyMessageIsJustItsLineEnding)
{
    EXPECT_EQ(TextEncoding::encode(QString(), LineEnding::None), QByteArray());
    EXPECT_EQ(TextEncoding::encode(QString(), LineEnding::Lf), QByteArrayLiteral("\n"));
    EXPECT_EQ(TextEncoding::encode(QString(), LineEnding::CrLf), QByteArrayLiteral("\r\n"));
}

TEST(TextEncodingTest, ALineEndingTypedInTheTextIsSentAsTyped)
{
    // Nothing is translated: a "\r\n" in the text stays, and the chosen ending follows it.
    EXPECT_EQ(TextEncoding::encode(QStringLiteral("a\r\nb"), LineEnding::Lf),
              QByteArrayLiteral("a\r\nb\n"));
}
