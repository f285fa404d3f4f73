#include "net/SocketErrorText.h"

#include "core/PluralCount.h"
#include "net/EventValues.h"

#include <QCoreApplication>

namespace SocketErrorText {

namespace {
// The translators' context for these texts: a namespace has no tr(), and lupdate takes a tr()
// called in one for a class that lacks Q_OBJECT.
struct Translated
{
    Q_DECLARE_TR_FUNCTIONS(SocketErrorText)
};
} // namespace

QString endpoint(const QHostAddress &address, quint16 port)
{
    return EventValues::endpoint(address, port).text();
}

static QString seconds(qint64 ms)
{
    //: seconds waited, as in "No answer from 127.0.0.1:5220 after 5.0 s"
    return Translated::tr("%1 s").arg(QString::number(double(ms) / 1000.0, 'f', 1));
}

QString listenFailed(QAbstractSocket::SocketError error, const QHostAddress &address,
                     quint16 port, const QString &systemMessage, bool reuseAddress)
{
    const QString where = address == QHostAddress::Any
        ? Translated::tr("port %1 of all interfaces").arg(port)
        : endpoint(address, port);
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        if (!reuseAddress) {
            return Translated::tr(
                       "Cannot listen on %1: port %2 is already in use. This server does not "
                       "set SO_REUSEADDR (--no-reuse-address), so a connection an earlier "
                       "server closed first, still in TIME_WAIT for up to a minute after "
                       "close(), keeps the port, as does another server listening on it. Wait "
                       "for the TIME_WAIT to pass (ss -tan state time-wait shows it), or start "
                       "with SO_REUSEADDR, the default, as the lecture's server does.")
                .arg(where)
                .arg(port);
        }
        return Translated::tr(
                   "Cannot listen on %1: port %2 is already in use. Another server (another "
                   "Capsock, or the lecture's Python server) is listening on it. Stop that "
                   "program, or choose another port.")
            .arg(where)
            .arg(port);
    case QAbstractSocket::SocketAccessError:
        return Translated::tr(
                   "Cannot listen on %1: permission denied. Ports 0 to 1023 are system ports "
                   "that only the administrator (root) may use. Choose a port of 1024 or "
                   "above, such as 5220.")
            .arg(where);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return Translated::tr(
                   "Cannot listen on %1: that address does not belong to this computer. Listen "
                   "on all interfaces, or on one of this computer's own addresses (on a cloud "
                   "VM, its internal address, not the external one).")
            .arg(where);
    default:
        return Translated::tr("Cannot listen on %1: %2.").arg(where, systemMessage);
    }
}

QString datagramBindFailed(const SocketFailure &failure, const QHostAddress &address,
                           quint16 port)
{
    const QString where = address == QHostAddress::Any
        ? Translated::tr("UDP port %1 of all interfaces").arg(port)
        : Translated::tr("UDP %1").arg(endpoint(address, port));
    switch (failure.kind) {
    case SocketFailure::Kind::AddressInUse:
        return Translated::tr(
                   "Cannot bind to %1: another program (another Capsock, or the textbook's "
                   "UDPServer.py) already receives on UDP port %2. Stop that program, or choose "
                   "another port. A TCP server on the same port is no obstacle: TCP and UDP "
                   "ports are separate.")
            .arg(where)
            .arg(port);
    case SocketFailure::Kind::PermissionDenied:
        return Translated::tr(
                   "Cannot bind to %1: permission denied. Ports 0 to 1023 are system ports that "
                   "only the administrator (root) may use. Choose a port of 1024 or above.")
            .arg(where);
    case SocketFailure::Kind::AddressNotAvailable:
        return Translated::tr("Cannot bind to %1: that address does not belong to this "
                              "computer.")
            .arg(where);
    default:
        return Translated::tr("Cannot bind to %1: %2.").arg(where, failure.systemText);
    }
}

QString connectFailed(TcpStream::Error error, const QString &host, const QHostAddress &address,
                      quint16 port, qint64 waitedMs, const QString &systemMessage)
{
    const QString target = endpoint(address, port);
    const QString tried = host == address.toString()
        ? target
        : QStringLiteral("%1 (%2)").arg(host, target);
    switch (error) {
    case TcpStream::Error::ConnectionRefused:
        return Translated::tr(
                   "Connection refused by %1: nothing is listening there (or a firewall turned "
                   "the connection away). Is the server started, and is the port right?")
            .arg(tried);
    case TcpStream::Error::TimedOut:
        return Translated::tr(
                   "No answer from %1 after %2. The address may be wrong, or a firewall is "
                   "silently dropping the connection (firewalls block user ports such as 5220 "
                   "by default; open the port, or try from the same machine first).")
            .arg(tried, seconds(waitedMs));
    case TcpStream::Error::NetworkUnreachable:
        return Translated::tr(
                   "Cannot reach %1: network unreachable. This computer has no route to that "
                   "address; check the address and this computer's network connection.")
            .arg(tried);
    case TcpStream::Error::HostUnreachable:
        return Translated::tr(
                   "Cannot reach %1: host unreachable. No machine answered at that address, or "
                   "a firewall rejected the connection; check the address.")
            .arg(tried);
    case TcpStream::Error::AccessDenied:
        return Translated::tr(
                   "Connecting to %1 was not permitted (%2). A firewall on this computer may be "
                   "blocking it.")
            .arg(tried, systemMessage);
    default:
        return Translated::tr("Could not connect to %1: %2.").arg(tried, systemMessage);
    }
}

QString lookupFailed(const QString &host, bool notFound, const QString &systemMessage)
{
    if (notFound) {
        return Translated::tr(
                   "Host \"%1\" not found: no address is known for that name. Check the spelling, "
                   "or use an IP address (127.0.0.1 is this computer).")
            .arg(host);
    }
    return Translated::tr(
               "Could not look up \"%1\": %2. The name server may be unreachable; check the "
               "network connection, or use an IP address (127.0.0.1 is this computer).")
        .arg(host, systemMessage);
}

// The lecture's server reads once, with recv(1024), then closes.
constexpr qint64 LectureServerReadSize = 1024;

// A reset after fewer bytes came back than were sent: the recv(1024) lesson.
static QString resetWithUnanswered(const QString &peer, qint64 bytesSent, qint64 bytesReceived)
{
    QString text = bytesReceived == 0
        ? Translated::tr("Connection reset by %1 before it answered any of the %2 byte(s) sent.",
                         nullptr, pluralCount(bytesSent))
              .arg(peer, QString::number(bytesSent))
        : Translated::tr("Connection reset by %1 after it answered %2 of the %3 byte(s) sent.",
                         nullptr, pluralCount(bytesSent))
              .arg(peer, QString::number(bytesReceived), QString::number(bytesSent));
    text += Translated::tr(
        " A program that closes its socket with data still unread makes its system send a "
        "reset (RST) instead of a normal close (so does one that crashes or is killed).");
    if (bytesSent > LectureServerReadSize) {
        text += Translated::tr(
                    " The lecture's server does: it reads only once, with recv(%1), and closes, "
                    "so whatever follows the first %1 bytes is never read. Send it at most %1 "
                    "bytes, or make the server read until the end.")
                    .arg(LectureServerReadSize);
    }
    return text;
}

QString connectionBroke(TcpStream::Error error, const QString &peer, const QString &systemMessage,
                        qint64 bytesSent, qint64 bytesReceived)
{
    if (error == TcpStream::Error::ConnectionReset && bytesReceived >= 0
        && bytesSent > bytesReceived) {
        return resetWithUnanswered(peer, bytesSent, bytesReceived);
    }
    if (error == TcpStream::Error::ConnectionReset) {
        return Translated::tr(
                   "Connection reset by %1: it ended the connection abruptly (the program "
                   "crashed, was killed, gave up on the connection, or closed its socket with "
                   "data still unread, which makes its system send a reset (RST)).")
            .arg(peer);
    }
    return Translated::tr("The connection to %1 failed: %2.").arg(peer, systemMessage);
}

} // namespace SocketErrorText
