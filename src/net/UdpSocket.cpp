#include "net/UdpSocket.h"

#include "net/NativeSockets.h"
#include "net/SocketWatch.h"

#include <cstring>

using namespace NativeSockets;

UdpSocket::UdpSocket(QObject *parent)
    : QObject(parent)
{
    useWinsock();
}

UdpSocket::~UdpSocket()
{
    close();
}

bool UdpSocket::open(bool ipv6, bool dualStack)
{
    close();
    const int family = ipv6 ? AF_INET6 : AF_INET;
#ifdef Q_OS_LINUX
    const NativeSocket native = ::socket(family, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP);
#else
    const NativeSocket native = ::socket(family, SOCK_DGRAM, IPPROTO_UDP);
#endif
#ifdef Q_OS_WIN
    if (native == INVALID_SOCKET)
#else
    if (native < 0)
#endif
        return failWith(lastSocketError());
    m_descriptor = qintptr(native);
    setNonBlocking(m_descriptor);
    if (ipv6) {
        const int v6Only = dualStack ? 0 : 1;
        ::setsockopt(native, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char *>(&v6Only),
                     sizeof v6Only);
    }
    m_watch = SocketWatch::create(m_descriptor, [this] { emit readyToReceive(); }, [] {});
    m_watch->setReadEnabled(true);
    return true;
}

bool UdpSocket::bind(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(address, port, &storage);
    if (::bind(NativeSocket(m_descriptor), reinterpret_cast<sockaddr *>(&storage), length) != 0)
        return failWith(lastSocketError());
    return true;
}

bool UdpSocket::connectTo(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(address, port, &storage);
    if (::connect(NativeSocket(m_descriptor), reinterpret_cast<sockaddr *>(&storage), length)
        != 0) {
        return failWith(lastSocketError());
    }
    return true;
}

bool UdpSocket::receiveFrom(qint64 maxSize, Datagram *datagram)
{
    if (m_descriptor < 0)
        return false;
    datagram->bytes.resize(maxSize);
    sockaddr_storage &from = *reinterpret_cast<sockaddr_storage *>(datagram->sender.bytes.data());
    static_assert(sizeof(sockaddr_storage) <= sizeof(RawAddress::bytes)
                  && alignof(sockaddr_storage) <= alignof(RawAddress));
    socklen_t fromLength = sizeof from;
#ifdef Q_OS_WIN
    auto received = ::recvfrom(NativeSocket(m_descriptor), datagram->bytes.data(),
                               int(maxSize), 0, reinterpret_cast<sockaddr *>(&from),
                               &fromLength);
    qint64 realLength = received;
#else
    // recvmsg() rather than recvfrom(): its flags say whether the datagram was cut.
    iovec buffer{datagram->bytes.data(), size_t(maxSize)};
    msghdr message{};
    message.msg_name = &from;
    message.msg_namelen = fromLength;
    message.msg_iov = &buffer;
    message.msg_iovlen = 1;
#  ifdef Q_OS_LINUX
    constexpr int Flags = MSG_TRUNC; // then it returns the datagram's real length
#  else
    constexpr int Flags = 0;
#  endif
    auto received = ::recvmsg(int(m_descriptor), &message, Flags);
    fromLength = message.msg_namelen;
    qint64 realLength = received;
    if (received >= 0 && received <= maxSize && (message.msg_flags & MSG_TRUNC) != 0)
        realLength = -1; // cut, and this system does not say by how much
#endif
    if (received < 0) {
        const int code = lastSocketError();
#ifdef Q_OS_WIN
        if (code == WSAEMSGSIZE) { // cut to maxSize; Windows does not say by how much
            received = int(maxSize);
            realLength = -1;
        } else
#endif
        {
            datagram->bytes.clear();
            if (!isWouldBlock(code))
                failWith(code);
            return false;
        }
    }
    datagram->datagramBytes = realLength;
    datagram->bytes.truncate(std::min<qint64>(received, maxSize));
    datagram->sender.length = quint32(fromLength);
    datagram->address = readableAddress(from);
    datagram->port = portOf(from);
    return true;
}

bool UdpSocket::sendTo(const QByteArray &bytes, const QHostAddress &address, quint16 port)
{
    RawAddress to;
    to.length = quint32(
        toSockaddr(address, port, reinterpret_cast<sockaddr_storage *>(to.bytes.data())));
    return sendTo(bytes, to);
}

bool UdpSocket::sendTo(const QByteArray &bytes, const RawAddress &to)
{
    const auto sent = ::sendto(NativeSocket(m_descriptor), bytes.constData(), int(bytes.size()),
                               SendFlags, reinterpret_cast<const sockaddr *>(to.bytes.data()),
                               socklen_t(to.length));
    return sent >= 0 || failWith(lastSocketError());
}

bool UdpSocket::send(const QByteArray &bytes)
{
    const auto sent = ::send(NativeSocket(m_descriptor), bytes.constData(), int(bytes.size()),
                             SendFlags);
    return sent >= 0 || failWith(lastSocketError());
}

void UdpSocket::setReceiving(bool enabled)
{
    if (m_watch)
        m_watch->setReadEnabled(enabled);
}

void UdpSocket::close()
{
    if (m_descriptor < 0)
        return;
    m_watch.reset(); // before the descriptor it watches
    closeNative(m_descriptor);
    m_descriptor = -1;
}

QHostAddress UdpSocket::localAddress() const
{
    sockaddr_storage storage;
    socklen_t length = sizeof storage;
    if (::getsockname(NativeSocket(m_descriptor), reinterpret_cast<sockaddr *>(&storage),
                      &length) != 0) {
        return {};
    }
    return readableAddress(storage);
}

quint16 UdpSocket::localPort() const
{
    sockaddr_storage storage;
    socklen_t length = sizeof storage;
    if (::getsockname(NativeSocket(m_descriptor), reinterpret_cast<sockaddr *>(&storage),
                      &length) != 0) {
        return 0;
    }
    return portOf(storage);
}

QString UdpSocket::errorString() const
{
    return m_error == 0 ? QString() : systemErrorString(m_error);
}

bool UdpSocket::failWith(int code)
{
    m_error = code;
    return false;
}
