#pragma once

#include <QHostAddress>
#include <QString>

#ifdef Q_OS_WIN
#  include <winsock2.h>
#  include <ws2tcpip.h>
#else
#  include <cerrno>
#  include <netinet/in.h>
#  include <sys/socket.h>
#endif

// The portable pieces under TcpStream and UdpSocket: POSIX sockets, or Winsock on Windows.
// Internal to src/net; nothing outside it sees a native socket.
namespace NativeSockets {

#ifdef Q_OS_WIN
using NativeSocket = SOCKET;
constexpr int WouldBlock = WSAEWOULDBLOCK;
constexpr int SendFlags = 0;
#else
using NativeSocket = int;
constexpr int WouldBlock = EAGAIN;
#  ifdef MSG_NOSIGNAL
constexpr int SendFlags = MSG_NOSIGNAL; // a peer that went away is an error, not a SIGPIPE
#  else
constexpr int SendFlags = 0;
#  endif
#endif

// Winsock needs WSAStartup() before the first call; nothing elsewhere.
void useWinsock();
int lastSocketError();
void closeNative(qintptr descriptor);
void setNonBlocking(qintptr descriptor);
QString systemErrorString(int code);
bool isWouldBlock(int error);
// Bytes that arrived and were not read yet (FIONREAD); 0 when the system does not say.
qint64 unreadBytes(qintptr descriptor);
// Bytes in the send buffer the peer has not acknowledged, sent or not (Linux's SIOCOUTQ); -1
// where the system does not say.
qint64 unacknowledgedBytes(qintptr descriptor);

socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage);
quint16 portOf(const sockaddr_storage &storage);
// A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; people know them as a.b.c.d.
QHostAddress readableAddress(const sockaddr_storage &storage);

} // namespace NativeSockets
