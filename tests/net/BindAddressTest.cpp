#include "QtPrinters.h"

#include "net/BindAddress.h"

#include <QSet>

#include <gtest/gtest.h>

namespace {

using Scope = BindAddress::Scope;

const QHostAddress Any(QHostAddress::Any);
const QHostAddress LoopbackV4(QHostAddress::LocalHost);
const QHostAddress LoopbackV6(QHostAddress::LocalHostIPv6);

QString addressesOf(const BindAddress &bind)
{
    QStringList texts;
    for (const QHostAddress &address : bind.addresses)
        texts << address.toString();
    return texts.join(QStringLiteral(", "));
}

TEST(BindAddressTest, AllIsEveryInterfaceAsTheLecturesEmptyHost)
{
    for (const char *text : {"all", "any", "", "  all "}) {
        const BindAddress bind = BindAddress::parse(QString::fromLatin1(text));
        EXPECT_TRUE(bind.isValid()) << text << ": " << bind.error;
        EXPECT_EQ(bind.addresses, QList<QHostAddress>{Any}) << text << ": " << addressesOf(bind);
    }
}

// Python's bind(("::", p)) and `nc -l ::` take IPv4 clients too on Linux: so does ours.
TEST(BindAddressTest, TheIPv6AnyAddressIsEveryInterfaceIPv4Too)
{
    for (const char *text : {"::", "[::]", "0:0:0:0:0:0:0:0"}) {
        const BindAddress bind = BindAddress::parse(QString::fromLatin1(text));
        EXPECT_TRUE(bind.isValid()) << text << ": " << bind.error;
        EXPECT_EQ(bind.addresses, QList<QHostAddress>{Any}) << text << ": " << addressesOf(bind);
    }
}

TEST(BindAddressTest, LocalhostIsBothLoopbacks)
{
    const BindAddress bind = BindAddress::parse(QStringLiteral("localhost"));
    EXPECT_TRUE(bind.isValid()) << bind.error;
    EXPECT_EQ(bind.addresses, (QList<QHostAddress>{LoopbackV4, LoopbackV6})) << addressesOf(bind);
}

TEST(BindAddressTest, OneAddressIPv4OrIPv6WithOrWithoutBrackets)
{
    const std::pair<const char *, const char *> cases[] = {
        {"192.168.1.20", "192.168.1.20"}, {"127.0.0.1", "127.0.0.1"},
        {"::1", "::1"},                   {"[::1]", "::1"},
        {"fe80::1%lo", "fe80::1%lo"},     {"[2001:db8::7]", "2001:db8::7"}};
    for (const auto &[text, address] : cases) {
        const BindAddress bind = BindAddress::parse(QString::fromLatin1(text));
        EXPECT_TRUE(bind.isValid()) << text << ": " << bind.error;
        EXPECT_EQ(bind.addresses, QList<QHostAddress>{QHostAddress(QString::fromLatin1(address))})
            << text << ": " << addressesOf(bind);
    }
}

TEST(BindAddressTest, AnythingElseIsRefusedSayingWhatWasExpected)
{
    for (const char *text : {"nowhere", "300.1.2.3", "[::1", "192.168.1.20:5220"}) {
        const BindAddress bind = BindAddress::parse(QString::fromLatin1(text));
        EXPECT_FALSE(bind.isValid()) << text;
        EXPECT_TRUE(bind.addresses.isEmpty()) << text << ": " << addressesOf(bind);
        for (const char *word : {"all", "localhost", "address"})
            EXPECT_TRUE(bind.error.contains(QLatin1String(word))) << text << ": " << bind.error;
    }
}

TEST(BindAddressTest, TheNameParsesBackToTheSameAddresses)
{
    const QList<QList<QHostAddress>> lists = {
        {Any},
        {LoopbackV4, LoopbackV6},
        {LoopbackV6, LoopbackV4},
        {LoopbackV4},
        {LoopbackV6},
        {QHostAddress(QStringLiteral("192.168.1.20"))},
        {QHostAddress(QStringLiteral("2001:db8::7"))}};
    for (const QList<QHostAddress> &addresses : lists) {
        const QString name = BindAddress::name(addresses);
        const BindAddress back = BindAddress::parse(name);
        EXPECT_TRUE(back.isValid()) << name << ": " << back.error;
        EXPECT_EQ(QSet<QHostAddress>(back.addresses.cbegin(), back.addresses.cend()),
                  QSet<QHostAddress>(addresses.cbegin(), addresses.cend()))
            << name << " -> " << addressesOf(back);
    }
    EXPECT_EQ(BindAddress::name({Any}), BindAddress::AllInterfaces);
    EXPECT_EQ(BindAddress::name({}), BindAddress::AllInterfaces);
    EXPECT_EQ(BindAddress::name({LoopbackV6, LoopbackV4}), BindAddress::ThisComputer);
    EXPECT_EQ(BindAddress::name({LoopbackV4}), QStringLiteral("127.0.0.1"));
}

TEST(BindAddressTest, TheScopeSaysWhoCanConnect)
{
    EXPECT_EQ(BindAddress::scope({Any}), Scope::AllInterfaces);
    EXPECT_EQ(BindAddress::scope({}), Scope::AllInterfaces);
    EXPECT_EQ(BindAddress::scope({LoopbackV4, Any}), Scope::AllInterfaces);
    EXPECT_EQ(BindAddress::scope({LoopbackV4, LoopbackV6}), Scope::ThisComputer);
    EXPECT_EQ(BindAddress::scope({LoopbackV6}), Scope::ThisComputer);
    EXPECT_EQ(BindAddress::scope({QHostAddress(QStringLiteral("192.168.1.20"))}),
              Scope::OneAddress);
    EXPECT_EQ(BindAddress::scope({LoopbackV4, QHostAddress(QStringLiteral("192.168.1.20"))}),
              Scope::OneAddress);
}

TEST(BindAddressTest, PythonWritesEveryInterfaceAsTheEmptyHost)
{
    EXPECT_EQ(BindAddress::pythonHost(QHostAddress::Any), QString());
    EXPECT_EQ(BindAddress::pythonHost(QHostAddress::AnyIPv4), QString());
    EXPECT_EQ(BindAddress::pythonHost(QHostAddress::AnyIPv6), QString());
    EXPECT_EQ(BindAddress::pythonHost(QHostAddress(QStringLiteral("::1"))), QStringLiteral("::1"));
    EXPECT_EQ(BindAddress::pythonHost(QHostAddress(QStringLiteral("192.168.1.20"))),
              QStringLiteral("192.168.1.20"));
}

} // namespace
