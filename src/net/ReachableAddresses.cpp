#include "net/ReachableAddresses.h"

#include "net/SocketErrorText.h"

#include <QNetworkInterface>

#include <algorithm>

QString ReachableAddress::describe(quint16 port) const
{
    const QString where = interfaceName.isEmpty()
        ? AddressKind::name(kind)
        : QStringLiteral("%1, %2").arg(AddressKind::name(kind), interfaceName);
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
            addresses.append({address, interface.humanReadableName(), AddressKind::of(address)});
        }
    }
    // Most useful first: this computer, then what a classmate on the same network can use. A
    // computer has a documentation or benchmarking address only on a test network: as private.
    const auto rank = [](Kind kind) {
        switch (kind) {
        case Kind::Loopback: return 0;
        case Kind::PrivateNetwork:
        case Kind::Documentation:
        case Kind::Benchmarking: return 1;
        case Kind::SharedAddressSpace: return 2;
        case Kind::Public: return 3;
        case Kind::LinkLocal: return 4;
        case Kind::Multicast:
        case Kind::Reserved: return 5;
        }
        return 5;
    };
    std::stable_sort(addresses.begin(), addresses.end(),
                     [rank](const ReachableAddress &a, const ReachableAddress &b) {
                         return rank(a.kind) < rank(b.kind);
                     });
    return addresses;
}
