#pragma once

#include "core/SocketEvent.h"
#include "net/TcpStream.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QString>

// Failures in plain words: what happened, the likely cause, and what to try. Students read these,
// so each names the address and port involved and never stops at a bare error code.
namespace SocketErrorText {

// "[::1]:5220" or "127.0.0.1:5220".
QString endpoint(const QHostAddress &address, quint16 port);

// The server could not listen on address:port; `reuseAddress`: SO_REUSEADDR was set (without
// it, a TIME_WAIT left by an earlier server is a likely cause of "address already in use").
QString listenFailed(QAbstractSocket::SocketError error, const QHostAddress &address,
                     quint16 port, const QString &systemMessage, bool reuseAddress = true);

// A UDP server could not bind to address:port.
QString datagramBindFailed(const SocketFailure &failure, const QHostAddress &address,
                           quint16 port);

// A connect() to `address` (which `host` resolved to) failed after `waitedMs`.
QString connectFailed(TcpStream::Error error, const QString &host, const QHostAddress &address,
                      quint16 port, qint64 waitedMs, const QString &systemMessage);

// Looking up `host` failed.
QString lookupFailed(const QString &host, bool notFound, const QString &systemMessage);

// An established connection broke. With the bytes sent on it and received back (when known,
// that is, not -1), a reset that left some unanswered is explained as what usually causes it.
QString connectionBroke(TcpStream::Error error, const QString &peer, const QString &systemMessage,
                        qint64 bytesSent = -1, qint64 bytesReceived = -1);

} // namespace SocketErrorText
