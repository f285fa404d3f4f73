#include "net/EventValues.h"

#include <QHostInfo>

#ifdef Q_OS_WIN
#  include <winsock2.h>
#else
#  include <cerrno>
#endif

namespace EventValues {

Endpoint endpoint(const QHostAddress &address, quint16 port)
{
    return {address.toString(), port};
}

static SocketFailure::Kind kindOf(TcpStream::Error error)
{
    using Kind = SocketFailure::Kind;
    switch (error) {
    case TcpStream::Error::None: return Kind::None;
    case TcpStream::Error::ConnectionRefused: return Kind::Refused;
    case TcpStream::Error::TimedOut: return Kind::TimedOut;
    case TcpStream::Error::NetworkUnreachable: return Kind::NetworkUnreachable;
    case TcpStream::Error::HostUnreachable: return Kind::HostUnreachable;
    case TcpStream::Error::ConnectionReset: return Kind::Reset;
    case TcpStream::Error::AccessDenied: return Kind::PermissionDenied;
    case TcpStream::Error::Other: return Kind::Other;
    }
    return Kind::Other;
}

SocketFailure failure(TcpStream::Error error, int systemError, const QString &systemText)
{
    if (error == TcpStream::Error::None)
        return {};
    return {kindOf(error), systemError, systemText};
}

SocketFailure failure(const TcpStream &stream)
{
    return failure(stream.error(), stream.systemError(), stream.errorString());
}

SocketFailure failure(QAbstractSocket::SocketError error, const QString &systemText)
{
    using Kind = SocketFailure::Kind;
    switch (error) {
    case QAbstractSocket::AddressInUseError: return {Kind::AddressInUse, 0, systemText};
    case QAbstractSocket::SocketAccessError: return {Kind::PermissionDenied, 0, systemText};
    case QAbstractSocket::SocketAddressNotAvailableError:
        return {Kind::AddressNotAvailable, 0, systemText};
    case QAbstractSocket::SocketResourceError: return {Kind::OutOfDescriptors, 0, systemText};
    default: return {Kind::Other, 0, systemText};
    }
}

static SocketFailure::Kind kindOfSystemError(int code)
{
    using Kind = SocketFailure::Kind;
    switch (code) {
#ifdef Q_OS_WIN
    case WSAECONNREFUSED:
    case WSAECONNRESET: return Kind::Refused; // Windows' word for ICMP port unreachable on UDP
    case WSAEMSGSIZE: return Kind::MessageTooLong;
    case WSAENETUNREACH: return Kind::NetworkUnreachable;
    case WSAEHOSTUNREACH: return Kind::HostUnreachable;
    case WSAEADDRINUSE: return Kind::AddressInUse;
    case WSAEADDRNOTAVAIL:
    case WSAEAFNOSUPPORT: return Kind::AddressNotAvailable;
    case WSAEACCES: return Kind::PermissionDenied;
    case WSAEMFILE: return Kind::OutOfDescriptors;
#else
    case ECONNREFUSED: return Kind::Refused;
    case EMSGSIZE: return Kind::MessageTooLong;
    case ENETUNREACH: return Kind::NetworkUnreachable;
    case EHOSTUNREACH: return Kind::HostUnreachable;
    case EADDRINUSE: return Kind::AddressInUse;
    case EADDRNOTAVAIL:
    case EAFNOSUPPORT: return Kind::AddressNotAvailable; // no IPv6 on this machine
    case EACCES:
    case EPERM: return Kind::PermissionDenied;
    case EMFILE:
    case ENFILE: return Kind::OutOfDescriptors;
#endif
    default: return Kind::Other;
    }
}

SocketFailure failure(const UdpSocket &socket)
{
    if (socket.error() == 0)
        return {};
    return {kindOfSystemError(socket.error()), socket.error(), socket.errorString()};
}

SocketFailure failure(const QHostInfo &lookup)
{
    using Kind = SocketFailure::Kind;
    if (lookup.error() == QHostInfo::NoError)
        return lookup.addresses().isEmpty() ? SocketFailure{Kind::HostNotFound, 0, {}}
                                            : SocketFailure{};
    if (lookup.error() == QHostInfo::HostNotFound)
        return {Kind::HostNotFound, 0, lookup.errorString()};
    return {Kind::Other, 0, lookup.errorString()};
}

SocketEvent closing(SocketEvent close, TcpStream &stream)
{
    if (stream.error() != TcpStream::Error::None)
        return close; // broken already: its failure says how
    const TcpStream::Ending ending = stream.decideEnding();
    close.resetSent = ending.reset;
    close.undeliveredBytes = ending.undeliveredBytes;
    return close;
}

} // namespace EventValues
