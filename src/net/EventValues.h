#pragma once

#include "core/SocketEvent.h"
#include "net/TcpStream.h"
#include "net/UdpSocket.h"

#include <QAbstractSocket>
#include <QHostAddress>

class QHostInfo;

// The net layer's own types as the values a SocketEvent carries (src/core knows no
// QHostAddress and no socket errors): the one place they are mapped.
namespace EventValues {

// {"127.0.0.1", 5220} or {"::1", 5220}.
Endpoint endpoint(const QHostAddress &address, quint16 port);

SocketFailure failure(TcpStream::Error error, int systemError, const QString &systemText);
// How `stream` failed; no failure while it has not.
SocketFailure failure(const TcpStream &stream);
// Why a listen() (its socket(), bind() or listen()) failed.
SocketFailure failure(QAbstractSocket::SocketError error, const QString &systemText);
// Why a call on a UdpSocket failed: its error(), errno or WSAGetLastError().
SocketFailure failure(const UdpSocket &socket);
// Why looking a name up failed; no failure when it found addresses.
SocketFailure failure(const QHostInfo &lookup);

// `close` (a Close event) as closing `stream` now ends it (TcpStream::decideEnding()): with a
// reset or not, and the bytes sent that will never arrive.
SocketEvent closing(SocketEvent close, TcpStream &stream);

} // namespace EventValues
