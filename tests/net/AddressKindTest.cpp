#include "QtPrinters.h"

#include "net/AddressKind.h"
#include "net/ReachableAddresses.h"

#include <QSet>

#include <gtest/gtest.h>

namespace {

using Kind = AddressKind::Kind;

struct Case
{
    const char *address;
    Kind kind;
};

void expectKinds(std::initializer_list<Case> cases)
{
    for (const Case &c : cases) {
        const QHostAddress address(QString::fromLatin1(c.address));
        ASSERT_FALSE(address.isNull()) << c.address;
        // By name, so that a failure reads as words (each kind has its own name, tested below).
        EXPECT_EQ(AddressKind::name(AddressKind::of(address)), AddressKind::name(c.kind))
            << c.address;
    }
}

// Each range's first and last address, and the addresses just outside it.
TEST(AddressKindTest, TheDocumentationRangesAreNotPublic)
{
    expectKinds({
        {"192.0.2.0", Kind::Documentation},      {"192.0.2.255", Kind::Documentation},
        {"198.51.100.0", Kind::Documentation},   {"198.51.100.255", Kind::Documentation},
        {"203.0.113.0", Kind::Documentation},    {"203.0.113.255", Kind::Documentation},
        {"2001:db8::", Kind::Documentation},     {"2001:db8:ffff:ffff::1", Kind::Documentation},
        {"3fff::1", Kind::Documentation},        {"3fff:fff:ffff::1", Kind::Documentation},
        {"192.0.3.0", Kind::Public},             {"198.51.99.255", Kind::Public},
        {"198.51.101.0", Kind::Public},          {"203.0.112.255", Kind::Public},
        {"203.0.114.0", Kind::Public},           {"2001:db7:ffff::1", Kind::Public},
        {"2001:db9::1", Kind::Public},           {"3fff:1000::1", Kind::Public},
    });
}

TEST(AddressKindTest, TheBenchmarkingRangesAreNotPublic)
{
    expectKinds({
        {"198.18.0.0", Kind::Benchmarking},      {"198.19.255.255", Kind::Benchmarking},
        {"2001:2::1", Kind::Benchmarking},       {"2001:2:0:ffff::1", Kind::Benchmarking},
        {"198.17.255.255", Kind::Public},        {"198.20.0.0", Kind::Public},
        {"2001:2:1::1", Kind::Public},
    });
}

TEST(AddressKindTest, PrivateAndSharedRangesAreTheirOwn)
{
    expectKinds({
        {"10.0.0.0", Kind::PrivateNetwork},      {"10.255.255.255", Kind::PrivateNetwork},
        {"172.16.0.0", Kind::PrivateNetwork},    {"172.31.255.255", Kind::PrivateNetwork},
        {"192.168.0.0", Kind::PrivateNetwork},   {"192.168.255.255", Kind::PrivateNetwork},
        {"fc00::1", Kind::PrivateNetwork},       {"fdff:ffff::1", Kind::PrivateNetwork},
        {"fec0::1", Kind::PrivateNetwork}, // site-local, deprecated but still private
        {"100.64.0.0", Kind::SharedAddressSpace}, {"100.127.255.255", Kind::SharedAddressSpace},
        {"9.255.255.255", Kind::Public},         {"11.0.0.0", Kind::Public},
        {"172.15.255.255", Kind::Public},        {"172.32.0.0", Kind::Public},
        {"192.167.255.255", Kind::Public},       {"192.169.0.0", Kind::Public},
        {"100.63.255.255", Kind::Public},        {"100.128.0.0", Kind::Public},
        {"fbff:ffff::1", Kind::Public},
    });
}

TEST(AddressKindTest, LoopbackAndLinkLocalReachLittle)
{
    expectKinds({
        {"127.0.0.1", Kind::Loopback},           {"127.255.255.254", Kind::Loopback},
        {"::1", Kind::Loopback},
        {"169.254.0.1", Kind::LinkLocal},        {"169.254.255.254", Kind::LinkLocal},
        {"fe80::1", Kind::LinkLocal},            {"febf:ffff::1", Kind::LinkLocal},
        {"126.255.255.255", Kind::Public},       {"128.0.0.0", Kind::Public},
        {"169.253.255.255", Kind::Public},       {"169.255.0.0", Kind::Public},
        {"::2", Kind::Public},                   {"fe7f:ffff::1", Kind::Public},
    });
}

TEST(AddressKindTest, ReservedAndMulticastAreNotPublic)
{
    expectKinds({
        {"0.0.0.0", Kind::Reserved},             {"0.255.255.255", Kind::Reserved},
        {"192.0.0.0", Kind::Reserved},           {"192.0.0.255", Kind::Reserved},
        {"240.0.0.0", Kind::Reserved},           {"255.255.255.255", Kind::Reserved},
        {"::", Kind::Reserved},                  {"100::1", Kind::Reserved},
        {"224.0.0.1", Kind::Multicast},          {"239.255.255.255", Kind::Multicast},
        {"ff02::1", Kind::Multicast},
        {"1.0.0.0", Kind::Public},               {"191.255.255.255", Kind::Public},
        {"223.255.255.255", Kind::Public},       {"100:0:0:1::1", Kind::Public},
        {"8.8.8.8", Kind::Public},               {"2a00:1450::1", Kind::Public},
    });
}

TEST(AddressKindTest, AnIPv4MappedAddressIsItsIPv4Address)
{
    expectKinds({
        {"::ffff:127.0.0.1", Kind::Loopback},    {"::ffff:192.0.2.7", Kind::Documentation},
        {"::ffff:10.1.2.3", Kind::PrivateNetwork}, {"::ffff:8.8.8.8", Kind::Public},
    });
}

TEST(AddressKindTest, EachKindHasItsOwnName)
{
    QSet<QString> names;
    for (const Kind kind : {Kind::Loopback, Kind::LinkLocal, Kind::PrivateNetwork,
                            Kind::SharedAddressSpace, Kind::Public, Kind::Documentation,
                            Kind::Benchmarking, Kind::Multicast, Kind::Reserved}) {
        const QString name = AddressKind::name(kind);
        EXPECT_FALSE(name.isEmpty());
        EXPECT_FALSE(names.contains(name)) << name;
        names.insert(name);
    }
    EXPECT_EQ(AddressKind::name(Kind::Public), QStringLiteral("public"));
}

TEST(ReachableAddressTest, SaysWhatKindOfAddressItIs)
{
    const QHostAddress documentation(QStringLiteral("192.0.2.20"));
    const ReachableAddress address{documentation, QStringLiteral("eth0"),
                                   AddressKind::of(documentation)};
    EXPECT_EQ(address.describe(5220),
              QStringLiteral("192.0.2.20:5220 (%1, eth0)")
                  .arg(AddressKind::name(Kind::Documentation)));
}

} // namespace
