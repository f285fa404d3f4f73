#include "net/NativeSockets.h"

#include <cstring>

#ifndef Q_OS_WIN
#  include <fcntl.h>
#  include <sys/ioctl.h>
#  include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#  include <linux/sockios.h>
#endif

namespace NativeSockets {

#ifdef Q_OS_WIN
void useWinsock()
{
    // WSAStartup() counts its users; one for the program's lifetime is enough.
    struct WinsockUser
    {
        WinsockUser()
        {
            WSADATA data;
            WSAStartup(MAKEWORD(2, 2), &data);
        }
        ~WinsockUser() { WSACleanup(); }
    };
    static WinsockUser user;
}
int lastSocketError() { return WSAGetLastError(); }
void closeNative(qintptr descriptor) { ::closesocket(NativeSocket(descriptor)); }
void setNonBlocking(qintptr descriptor)
{
    u_long on = 1;
    ::ioctlsocket(NativeSocket(descriptor), FIONBIO, &on);
}
qint64 unreadBytes(qintptr descriptor)
{
    u_long unread = 0;
    return ::ioctlsocket(NativeSocket(descriptor), FIONREAD, &unread) == 0 ? qint64(unread) : 0;
}
qint64 unacknowledgedBytes(qintptr) { return -1; }
QString systemErrorString(int code)
{
    wchar_t *text = nullptr;
    FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM
                       | FORMAT_MESSAGE_IGNORE_INSERTS,
                   nullptr, DWORD(code), 0, reinterpret_cast<LPWSTR>(&text), 0, nullptr);
    const QString message = QString::fromWCharArray(text).trimmed();
    LocalFree(text);
    return message;
}
#else
void useWinsock() {}
int lastSocketError() { return errno; }
void closeNative(qintptr descriptor) { ::close(int(descriptor)); }
void setNonBlocking(qintptr descriptor)
{
    const int flags = ::fcntl(int(descriptor), F_GETFL);
    ::fcntl(int(descriptor), F_SETFL, flags | O_NONBLOCK);
#  ifdef SO_NOSIGPIPE // macOS has no MSG_NOSIGNAL
    int on = 1;
    ::setsockopt(int(descriptor), SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#  endif
}
QString systemErrorString(int code) { return QString::fromLocal8Bit(std::strerror(code)); }
qint64 unreadBytes(qintptr descriptor)
{
    int unread = 0;
    return ::ioctl(int(descriptor), FIONREAD, &unread) == 0 ? unread : 0;
}
qint64 unacknowledgedBytes(qintptr descriptor)
{
#  ifdef SIOCOUTQ
    int outgoing = 0;
    return ::ioctl(int(descriptor), SIOCOUTQ, &outgoing) == 0 ? outgoing : -1;
#  else
    Q_UNUSED(descriptor)
    return -1;
#  endif
}
#endif

bool isWouldBlock(int error)
{
#ifdef EWOULDBLOCK
    return error == WouldBlock || error == EWOULDBLOCK;
#else
    return error == WouldBlock;
#endif
}

socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage)
{
    std::memset(storage, 0, sizeof *storage);
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *v6 = reinterpret_cast<sockaddr_in6 *>(storage);
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&v6->sin6_addr, bytes.c, sizeof bytes.c);
        v6->sin6_scope_id = address.scopeId().toUInt(); // numeric scope ids only
        return sizeof *v6;
    }
    auto *v4 = reinterpret_cast<sockaddr_in *>(storage);
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    v4->sin_addr.s_addr = htonl(address.toIPv4Address());
    return sizeof *v4;
}

quint16 portOf(const sockaddr_storage &storage)
{
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(storage).sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in &>(storage).sin_port);
}

QHostAddress readableAddress(const sockaddr_storage &storage)
{
    const QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    return isIPv4 ? QHostAddress(ipv4) : address;
}

} // namespace NativeSockets
