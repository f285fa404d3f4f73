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
    static_assert(sizeof(sockaddr_storage) <= sizeof(RawAddress::bytes));
    socklen_t fromLength = sizeof from;
#ifdef Q_OS_LINUX
    // MSG_TRUNC: the call returns the datagram's real length, though it copies only maxSize.
    auto received = ::recvfrom(int(m_descriptor), datagram->bytes.data(), size_t(maxSize),
                                     MSG_TRUNC, reinterpret_cast<sockaddr *>(&from),
                                     &fromLength);
#else
    auto received = ::recvfrom(NativeSocket(m_descriptor), datagram->bytes.data(),
                                     int(maxSize), 0, reinterpret_cast<sockaddr *>(&from),
                                     &fromLength);
#endif
    if (received < 0) {
        const int code = lastSocketError();
#ifdef Q_OS_WIN
        if (code == WSAEMSGSIZE) { // cut to maxSize; Windows does not say by how much
            datagram->datagramBytes = -1;
            received = maxSize;
        } else
#endif
        {
            datagram->bytes.clear();
            if (!isWouldBlock(code))
                failWith(code);
            return false;
        }
    }
    datagram->datagramBytes = received;
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
