#pragma once

#include <QHostAddress>
#include <QString>

// What an IP address says about who can reach a server listening on it, after IANA's
// special-purpose address registries (RFC 6890 and the RFCs each range below names). Decided by
// the address alone: nothing is looked up. An IPv4-mapped IPv6 address (::ffff:192.0.2.1) is
// the kind of its IPv4 address.
namespace AddressKind {

enum class Kind {
    Loopback,           // 127.0.0.0/8, ::1: this computer only
    LinkLocal,          // 169.254.0.0/16, fe80::/10: the same cable or Wi-Fi only
    PrivateNetwork,     // 10/8, 172.16/12, 192.168/16, fc00::/7 (ULA), fec0::/10 (site-local)
    SharedAddressSpace, // 100.64.0.0/10: a provider's carrier-grade NAT, or a VPN's network
    Public,             // the Internet, firewalls allowing
    Documentation,      // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20
    Benchmarking,       // 198.18.0.0/15, 2001:2::/48: a test lab's network
    Multicast,          // 224.0.0.0/4, ff00::/8: a group, not one computer
    Reserved,           // 0/8, 192.0.0/24, 240/4 (and broadcast), ::, 100::/64
};

Kind of(const QHostAddress &address);

// In a few words, for the list of addresses a server can be reached at: "private network".
QString name(Kind kind);

} // namespace AddressKind
