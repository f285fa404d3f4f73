#include "net/ReachableAddresses.h"

#include "net/SocketErrorText.h"

#include <QNetworkInterface>

#include <algorithm>

ReachableAddress::Kind ReachableAddress::kindOf(const QHostAddress &address)
{
    if (address.isLoopback())
        return Kind::Loopback;
    if (address.isLinkLocal())
        return Kind::LinkLocal;
    if (address.isUniqueLocalUnicast() || address.isSiteLocal())
        return Kind::PrivateNetwork;
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    if (isIPv4) {
        // RFC 1918 private ranges, carrier-grade NAT (RFC 6598) and the benchmarking range
        // (RFC 2544): none of them is reachable from the Internet.
        const auto in = [ipv4](quint32 network, int bits) {
            return (ipv4 >> (32 - bits)) == (network >> (32 - bits));
        };
        if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16)
            || in(0x64400000, 10) || in(0xC6120000, 15)) {
            return Kind::PrivateNetwork;
        }
    }
    return Kind::Public;
}

QString ReachableAddress::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Loopback: return QStringLiteral("this computer only");
    case Kind::LinkLocal: return QStringLiteral("link-local: same cable or Wi-Fi only");
    case Kind::PrivateNetwork: return QStringLiteral("private network");
    case Kind::Public: return QStringLiteral("public");
    }
    return {};
}

QString ReachableAddress::describe(quint16 port) const
{
    const QString where = interfaceName.isEmpty()
        ? kindName(kind)
        : QStringLiteral("%1, %2").arg(kindName(kind), interfaceName);
    return QStringLiteral("%1 (%2)").arg(SocketErrorText::endpoint(address, port), where);
}

QList<ReachableAddress> ReachableAddress::all()
{
    QList<ReachableAddress> addresses;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        if (!(interface.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            QHostAddress address = entry.ip();
            address.setScopeId(QString()); // "fe80::1%eth0" reads as the interface name anyway
            addresses.append({address, interface.humanReadableName(), kindOf(address)});
        }
    }
    // Most useful first: this computer, then what a classmate on the same network can use.
    const auto rank = [](Kind kind) {
        switch (kind) {
        case Kind::Loopback: return 0;
        case Kind::PrivateNetwork: return 1;
        case Kind::Public: return 2;
        case Kind::LinkLocal: return 3;
        }
        return 4;
    };
    std::stable_sort(addresses.begin(), addresses.end(),
                     [rank](const ReachableAddress &a, const ReachableAddress &b) {
                         return rank(a.kind) < rank(b.kind);
                     });
    return addresses;
}
