#include "QtPrinters.h"

#include "core/IpAddress.h"

#include <gtest/gtest.h>

namespace {

TEST(IpAddressTest, TextBecomesTheBytesOnTheWireAndBack)
{
    EXPECT_EQ(IpAddress::fromText("127.0.0.1"), QByteArray::fromHex("7f000001"));
    EXPECT_EQ(IpAddress::fromText("::1"), QByteArray::fromHex("00000000000000000000000000000001"));
    EXPECT_EQ(IpAddress::fromText("2001:db8::8:800:200c:417a"),
              QByteArray::fromHex("20010db80000000000080800200c417a"));
    EXPECT_EQ(IpAddress::fromText("fe80::1%lo"),
              QByteArray::fromHex("fe800000000000000000000000000001"));
    EXPECT_EQ(IpAddress::fromText("::ffff:127.0.0.1"), QByteArray::fromHex("7f000001"))
        << "an IPv4 client of a dual-stack socket is an IPv4 client";
    for (const char *text : {"127.0.0.1", "::1", "::", "2001:db8::1", "fe80::1:0:0:1",
                             "2001:db8:0:1:1:1:1:1", "1:2:3:4:5:6:7:8"}) {
        EXPECT_EQ(IpAddress::toText(IpAddress::fromText(text)), QString::fromLatin1(text));
    }
    EXPECT_EQ(IpAddress::toText(IpAddress::fromText("2001:db8:0:0:1:0:0:1")),
              QStringLiteral("2001:db8::1:0:0:1")) << "the first of two equal runs";
}

TEST(IpAddressTest, WhatIsNoAddressGivesNoBytes)
{
    for (const char *text : {"", "localhost", "1.2.3", "1.2.3.256", "1.2.3.4.5", "1::2::3",
                             "12345::1", "1:2:3:4:5:6:7:8:9", ":::", "g::1", "1.2.3.-4"}) {
        EXPECT_TRUE(IpAddress::fromText(text).isEmpty()) << text;
    }
    EXPECT_TRUE(IpAddress::toText(QByteArray(5, '\0')).isEmpty());
}

TEST(IpAddressTest, AnIPv4AddressMapsIntoIPv6)
{
    EXPECT_EQ(IpAddress::toText(IpAddress::toIPv6(IpAddress::fromText("10.0.0.1"))),
              QStringLiteral("::ffff:10.0.0.1"));
}

} // namespace
