#pragma once

#include "net/AddressKind.h"

#include <QHostAddress>
#include <QList>
#include <QString>

// The addresses this computer has, for telling a student which one to give to whoever runs the
// client: loopback only reaches this computer, a private-LAN address reaches the same network,
// a link-local one only the same cable or Wi-Fi, a public one the Internet (firewall allowing).
struct ReachableAddress
{
    using Kind = AddressKind::Kind;

    QHostAddress address;
    QString interfaceName;
    Kind kind = Kind::Public;

    // "192.168.1.20:5220 (private network, eth0)"
    QString describe(quint16 port) const;

    // Every address of every interface that is up: loopback, private, public, link-local.
    static QList<ReachableAddress> all();
};
