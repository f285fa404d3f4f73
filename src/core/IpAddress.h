#pragma once

#include <QByteArray>
#include <QString>

// An IP address as the bytes on the wire: 4 (IPv4) or 16 (IPv6), network order. Captures carry
// addresses this way and SocketEvent's Endpoint as text; these two functions convert, so src/core
// needs no QHostAddress (that is QtNetwork's, and the layers above's).
namespace IpAddress {

// "127.0.0.1" -> 4 bytes, "::1" or "fe80::1%lo" -> 16 bytes; an IPv4-mapped IPv6 address
// ("::ffff:127.0.0.1", what a dual-stack socket reports for an IPv4 peer) -> its 4 IPv4 bytes.
// Empty for anything else.
QByteArray fromText(const QString &text);

// 4 bytes -> "127.0.0.1"; 16 bytes -> RFC 5952's form ("::1", "2001:db8::1"); else empty.
QString toText(const QByteArray &bytes);

// An IPv4 address as the IPv4-mapped IPv6 one (::ffff:a.b.c.d), for a connection whose other
// end is IPv6; 16 bytes are returned as they are.
QByteArray toIPv6(const QByteArray &bytes);

} // namespace IpAddress
