#include "net/AddressKind.h"

#include <QCoreApplication>

namespace AddressKind {

namespace {

// An address range: the first `bits` of `network`. The ranges of each table are disjoint.
template<typename Word>
struct Range
{
    Word network;
    int bits;
    Kind kind;
};

constexpr Range<quint32> Ipv4Ranges[] = {
    {0x00000000, 8, Kind::Reserved},            // 0/8 "this network" (RFC 791)
    {0x0A000000, 8, Kind::PrivateNetwork},      // 10/8 (RFC 1918)
    {0x64400000, 10, Kind::SharedAddressSpace}, // 100.64/10 (RFC 6598)
    {0x7F000000, 8, Kind::Loopback},            // 127/8
    {0xA9FE0000, 16, Kind::LinkLocal},          // 169.254/16 (RFC 3927)
    {0xAC100000, 12, Kind::PrivateNetwork},     // 172.16/12 (RFC 1918)
    {0xC0000000, 24, Kind::Reserved},           // 192.0.0/24 protocol assignments (RFC 6890)
    {0xC0000200, 24, Kind::Documentation},      // 192.0.2/24 TEST-NET-1 (RFC 5737)
    {0xC0A80000, 16, Kind::PrivateNetwork},     // 192.168/16 (RFC 1918)
    {0xC6120000, 15, Kind::Benchmarking},       // 198.18/15 (RFC 2544)
    {0xC6336400, 24, Kind::Documentation},      // 198.51.100/24 TEST-NET-2 (RFC 5737)
    {0xCB007100, 24, Kind::Documentation},      // 203.0.113/24 TEST-NET-3 (RFC 5737)
    {0xE0000000, 4, Kind::Multicast},           // 224/4 (RFC 5771)
    {0xF0000000, 4, Kind::Reserved},            // 240/4 and 255.255.255.255 (RFC 1112, 919)
};

// IPv6 ranges by their first 64 bits, which all of these prefixes fit in.
constexpr Range<quint64> Ipv6Ranges[] = {
    {0x0100000000000000, 64, Kind::Reserved},        // 100::/64 discard only (RFC 6666)
    {0x2001000200000000, 48, Kind::Benchmarking},    // 2001:2::/48 (RFC 5180)
    {0x20010DB800000000, 32, Kind::Documentation},   // 2001:db8::/32 (RFC 3849)
    {0x3FFF000000000000, 20, Kind::Documentation},   // 3fff::/20 (RFC 9637)
    {0xFC00000000000000, 7, Kind::PrivateNetwork},   // fc00::/7 unique local (RFC 4193)
    {0xFE80000000000000, 10, Kind::LinkLocal},       // fe80::/10 (RFC 4291)
    {0xFEC0000000000000, 10, Kind::PrivateNetwork},  // fec0::/10 site-local (RFC 3879)
    {0xFF00000000000000, 8, Kind::Multicast},        // ff00::/8 (RFC 4291)
};

template<typename Word, size_t Count>
Kind kindIn(Word address, const Range<Word> (&ranges)[Count])
{
    constexpr int WordBits = int(sizeof(Word) * 8);
    for (const Range<Word> &range : ranges) {
        if ((address >> (WordBits - range.bits)) == (range.network >> (WordBits - range.bits)))
            return range.kind;
    }
    return Kind::Public;
}

} // namespace

Kind of(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4); // IPv4-mapped IPv6 too
    if (isIPv4)
        return kindIn(ipv4, Ipv4Ranges);
    const Q_IPV6ADDR ipv6 = address.toIPv6Address();
    quint64 high = 0;
    quint64 low = 0;
    for (int i = 0; i < 8; ++i) {
        high = (high << 8) | ipv6[i];
        low = (low << 8) | ipv6[8 + i];
    }
    if (high == 0 && low <= 1) // ::1 and :: (RFC 4291), the only /128s here
        return low == 1 ? Kind::Loopback : Kind::Reserved;
    return kindIn(high, Ipv6Ranges);
}

QString name(Kind kind)
{
    switch (kind) {
    case Kind::Loopback: return QCoreApplication::translate("AddressKind", "this computer only");
    case Kind::LinkLocal:
        return QCoreApplication::translate("AddressKind", "link-local: same cable or Wi-Fi only");
    case Kind::PrivateNetwork:
        return QCoreApplication::translate("AddressKind", "private network");
    case Kind::SharedAddressSpace:
        return QCoreApplication::translate("AddressKind",
                                           "carrier-grade NAT or VPN: not the Internet");
    case Kind::Public: return QCoreApplication::translate("AddressKind", "public");
    case Kind::Documentation:
        return QCoreApplication::translate("AddressKind",
                                           "documentation range: not routed on the Internet");
    case Kind::Benchmarking:
        return QCoreApplication::translate("AddressKind",
                                           "benchmarking range: not routed on the Internet");
    case Kind::Multicast:
        return QCoreApplication::translate("AddressKind", "multicast: a group, not a computer");
    case Kind::Reserved:
        return QCoreApplication::translate("AddressKind", "reserved: not routed on the Internet");
    }
    return {};
}

} // namespace AddressKind
