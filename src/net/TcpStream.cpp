#include "net/TcpStream.h"

#include "net/NativeSockets.h"
#include "net/SocketWatch.h"

namespace {

using namespace NativeSockets;

#ifdef Q_OS_WIN
constexpr int InProgress = WSAEWOULDBLOCK;
constexpr int ShutdownSending = SD_SEND;
#else
constexpr int InProgress = EINPROGRESS;
constexpr int ShutdownSending = SHUT_WR;
#endif

TcpStream::Error errorKind(int code)
{
#ifdef Q_OS_WIN
    switch (code) {
    case WSAECONNREFUSED: return TcpStream::Error::ConnectionRefused;
    case WSAETIMEDOUT: return TcpStream::Error::TimedOut;
    case WSAENETUNREACH: return TcpStream::Error::NetworkUnreachable;
    case WSAEHOSTUNREACH: return TcpStream::Error::HostUnreachable;
    case WSAECONNRESET:
    case WSAECONNABORTED: return TcpStream::Error::ConnectionReset;
    case WSAEACCES: return TcpStream::Error::AccessDenied;
    default: return TcpStream::Error::Other;
    }
#else
    switch (code) {
    case ECONNREFUSED: return TcpStream::Error::ConnectionRefused;
    case ETIMEDOUT: return TcpStream::Error::TimedOut;
    case ENETUNREACH: return TcpStream::Error::NetworkUnreachable;
    case EHOSTUNREACH: return TcpStream::Error::HostUnreachable;
    case ECONNRESET:
    case EPIPE: return TcpStream::Error::ConnectionReset;
    case EACCES:
    case EPERM: return TcpStream::Error::AccessDenied;
    default: return TcpStream::Error::Other;
    }
#endif
}

QAbstractSocket::SocketError listenErrorKind(int code)
{
#ifdef Q_OS_WIN
    switch (code) {
    case WSAEADDRINUSE: return QAbstractSocket::AddressInUseError;
    case WSAEACCES: return QAbstractSocket::SocketAccessError;
    case WSAEADDRNOTAVAIL: return QAbstractSocket::SocketAddressNotAvailableError;
    case WSAEAFNOSUPPORT: return QAbstractSocket::UnsupportedSocketOperationError;
    default: return QAbstractSocket::UnknownSocketError;
    }
#else
    switch (code) {
    case EADDRINUSE: return QAbstractSocket::AddressInUseError;
    case EACCES:
    case EPERM: return QAbstractSocket::SocketAccessError;
    case EADDRNOTAVAIL: return QAbstractSocket::SocketAddressNotAvailableError;
    case EAFNOSUPPORT: return QAbstractSocket::UnsupportedSocketOperationError;
    default: return QAbstractSocket::UnknownSocketError;
    }
#endif
}

} // namespace

qintptr TcpStream::accept(qintptr listener, AcceptResult *result)
{
#ifdef Q_OS_LINUX
    // Close-on-exec: a program the server starts must not keep its clients' connections open.
    const NativeSocket accepted = ::accept4(int(listener), nullptr, nullptr, SOCK_CLOEXEC);
#else
    const NativeSocket accepted = ::accept(NativeSocket(listener), nullptr, nullptr);
#endif
#ifdef Q_OS_WIN
    const bool ok = accepted != INVALID_SOCKET;
#else
    const bool ok = accepted >= 0;
#endif
    if (ok) {
        *result = AcceptResult::Accepted;
        return qintptr(accepted);
    }
    const int code = lastSocketError();
    switch (code) {
#ifdef Q_OS_WIN
    case WSAEMFILE:
    case WSAENOBUFS:
#else
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
#endif
        *result = AcceptResult::OutOfDescriptors;
        break;
    default:
        // A client that gave up before we accepted it (ECONNABORTED) is no reason to stop.
        *result = isWouldBlock(code) ? AcceptResult::NoneWaiting : AcceptResult::Failed;
        break;
    }
    return -1;
}

qintptr TcpStream::listenWithoutReuse(const QHostAddress &address, quint16 port, int backlog,
                                      QAbstractSocket::SocketError *error, QString *errorText)
{
    const auto failed = [error, errorText](int code) {
        *error = listenErrorKind(code);
        *errorText = systemErrorString(code);
        return qintptr(-1);
    };
    useWinsock();
    const bool any = address == QHostAddress::Any;
    const QHostAddress bound = any ? QHostAddress(QHostAddress::AnyIPv6) : address;
    const int family = bound.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
    const NativeSocket native = ::socket(family, SOCK_STREAM, IPPROTO_TCP);
#ifdef Q_OS_WIN
    const bool created = native != INVALID_SOCKET;
#else
    const bool created = native >= 0;
#endif
    if (!created)
        return failed(lastSocketError());
    if (family == AF_INET6) {
        const int v6only = any ? 0 : 1; // Any takes IPv4 clients too
        ::setsockopt(native, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char *>(&v6only),
                     sizeof v6only);
    }
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(bound, port, &storage);
    if (::bind(native, reinterpret_cast<sockaddr *>(&storage), length) != 0
        || ::listen(native, backlog) != 0) {
        const int code = lastSocketError();
        closeNative(qintptr(native));
        return failed(code);
    }
    return qintptr(native);
}

TcpStream::TcpStream(qintptr descriptor, QObject *parent)
    : QObject(parent)
    , m_descriptor(descriptor)
    , m_connected(true)
{
    setNonBlocking(m_descriptor);
    readAddresses();
    watch();
    m_watch->setReadEnabled(true);
}

TcpStream::TcpStream(const QHostAddress &address, quint16 port, QObject *parent)
    : QObject(parent)
    , m_peerAddress(address)
    , m_peerPort(port)
{
#ifdef Q_OS_WIN
    useWinsock();
#endif
    const int family = address.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
#ifdef Q_OS_LINUX
    const NativeSocket native = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
#else
    const NativeSocket native = ::socket(family, SOCK_STREAM, IPPROTO_TCP);
#endif
#ifdef Q_OS_WIN
    const bool created = native != INVALID_SOCKET;
#else
    const bool created = native >= 0;
#endif
    if (!created) {
        const int code = lastSocketError();
        QMetaObject::invokeMethod(this, [this, code] { fail(code); }, Qt::QueuedConnection);
        return;
    }
    m_descriptor = qintptr(native);
    setNonBlocking(m_descriptor);

    sockaddr_storage target;
    const socklen_t length = toSockaddr(address, port, &target);
    if (::connect(native, reinterpret_cast<sockaddr *>(&target), length) != 0) {
        const int code = lastSocketError();
        if (code != InProgress) {
            QMetaObject::invokeMethod(this, [this, code] { fail(code); }, Qt::QueuedConnection);
            return;
        }
    }
    // Connected at once (loopback can) or in progress: either way writability tells.
    watch();
    m_watch->setWriteEnabled(true);
}

TcpStream::~TcpStream()
{
    closeDescriptor();
}

void TcpStream::watch()
{
    m_watch = SocketWatch::create(
        m_descriptor, [this] { emit readyToReceive(); }, [this] { onWritable(); });
}

void TcpStream::readAddresses()
{
    sockaddr_storage storage;
    socklen_t length = sizeof storage;
    if (::getsockname(NativeSocket(m_descriptor), reinterpret_cast<sockaddr *>(&storage), &length)
        == 0) {
        m_localAddress = readableAddress(storage);
        m_localPort = portOf(storage);
    }
    length = sizeof storage;
    if (::getpeername(NativeSocket(m_descriptor), reinterpret_cast<sockaddr *>(&storage), &length)
        == 0) {
        m_peerAddress = readableAddress(storage);
        m_peerPort = portOf(storage);
    }
}

QByteArray TcpStream::receive(qint64 maxSize)
{
    if (m_descriptor < 0 || m_peerFinished || !m_connected)
        return {};
    QByteArray bytes(maxSize, Qt::Uninitialized);
    const auto received = ::recv(NativeSocket(m_descriptor), bytes.data(), int(maxSize), 0);
    if (received > 0) {
        bytes.truncate(received);
        if (m_finishRequested)
            m_receivedAfterFinish += received;
        return bytes;
    }
    if (received == 0) {
        m_peerFinished = true;
        m_watch->setReadEnabled(false);
        return {};
    }
    const int code = lastSocketError();
    if (!isWouldBlock(code)) {
        // Told through error(): the caller is in the middle of its read handler.
        setError(code);
        m_watch->setReadEnabled(false);
        QMetaObject::invokeMethod(this, [this] { emit failed(m_error); }, Qt::QueuedConnection);
    }
    return {};
}

void TcpStream::setReceiving(bool enabled)
{
    m_receiving = enabled;
    if (m_watch && m_connected && !m_peerFinished && m_error == Error::None)
        m_watch->setReadEnabled(enabled);
}

void TcpStream::send(const QByteArray &bytes)
{
    if (bytes.isEmpty() || m_descriptor < 0 || m_sendingShutDown || m_error != Error::None)
        return;
    m_queue.push_back(bytes);
    m_queuedBytes += bytes.size();
    if (m_connected && m_queue.size() == 1) // nothing was waiting: try at once
        flushQueue();
}

void TcpStream::flushQueue()
{
    qint64 sent = 0;
    while (!m_queue.empty()) {
        const QByteArray &front = m_queue.front();
        const auto written = ::send(NativeSocket(m_descriptor), front.constData() + m_frontOffset,
                                    int(front.size() - m_frontOffset), SendFlags);
        if (written < 0) {
            const int code = lastSocketError();
            if (isWouldBlock(code))
                break;
            m_watch->setWriteEnabled(false);
            setError(code);
            QMetaObject::invokeMethod(this, [this] { emit failed(m_error); },
                                      Qt::QueuedConnection);
            return;
        }
        sent += written;
        m_frontOffset += written;
        m_queuedBytes -= written;
        if (m_frontOffset == front.size()) {
            m_queue.pop_front();
            m_frontOffset = 0;
        }
    }
    m_watch->setWriteEnabled(!m_queue.empty());
    if (m_queue.empty() && m_finishRequested && !m_sendingShutDown) {
        ::shutdown(NativeSocket(m_descriptor), ShutdownSending);
        m_sendingShutDown = true;
    }
    if (sent > 0) // last: a slot may delete us
        emit bytesSent(sent);
}

void TcpStream::finishSending()
{
    m_finishRequested = true;
    if (m_connected && m_queue.empty() && m_descriptor >= 0 && !m_sendingShutDown) {
        ::shutdown(NativeSocket(m_descriptor), ShutdownSending);
        m_sendingShutDown = true;
    }
}

void TcpStream::onWritable()
{
    if (!m_connected) {
        int code = 0;
        socklen_t length = sizeof code;
        ::getsockopt(NativeSocket(m_descriptor), SOL_SOCKET, SO_ERROR,
                     reinterpret_cast<char *>(&code), &length);
        if (code != 0) {
            fail(code);
            return;
        }
        m_connected = true;
        readAddresses();
        m_watch->setReadEnabled(m_receiving);
        m_watch->setWriteEnabled(!m_queue.empty());
        emit connected();
        if (m_connected && !m_queue.empty())
            flushQueue();
        return;
    }
    flushQueue();
}

void TcpStream::setError(int systemError)
{
    m_error = errorKind(systemError);
    m_systemError = systemError;
    m_errorString = systemErrorString(systemError);
}

void TcpStream::fail(int systemError)
{
    setError(systemError);
    closeDescriptor();
    emit failed(m_error);
}

TcpStream::Ending TcpStream::decideEnding()
{
    Ending ending;
    if (m_descriptor < 0)
        return ending;
    ending.undeliveredBytes = m_queuedBytes;
    // A close() with unread input resets the connection, discarding the send buffer too; so
    // does the peer's next segment after it, when it is still sending.
    ending.reset = NativeSockets::unreadBytes(m_descriptor) > 0
        || (!m_peerFinished && m_receivedAfterFinish > 0);
    m_ending = ending.reset ? Decided::Reset : Decided::Finish;
    if (ending.reset) {
        const qint64 inKernel = NativeSockets::unacknowledgedBytes(m_descriptor);
        ending.undeliveredBytes = inKernel < 0 ? -1 : ending.undeliveredBytes + inKernel;
    }
    return ending;
}

void TcpStream::abort()
{
    // As decided: bytes that came since the decision to end normally are read and dropped, as
    // the ones before were, so that close() does not turn it into a reset.
    if (m_ending == Decided::Reset) {
        abortWithReset();
        return;
    }
    if (m_ending == Decided::Finish) {
        char dropped[64 * 1024];
        while (::recv(NativeSocket(m_descriptor), dropped, sizeof dropped, 0) > 0) {
        }
    }
    closeDescriptor();
}

void TcpStream::abortWithReset()
{
    if (m_descriptor >= 0) {
        linger option{1, 0}; // a zero linger time makes close() send RST
        ::setsockopt(NativeSocket(m_descriptor), SOL_SOCKET, SO_LINGER,
                     reinterpret_cast<const char *>(&option), sizeof option);
    }
    closeDescriptor();
}

void TcpStream::closeDescriptor()
{
    if (m_descriptor < 0)
        return;
    m_watch.reset(); // before the descriptor it watches
    closeNative(m_descriptor);
    m_descriptor = -1;
    m_connected = false;
    m_queue.clear();
    m_queuedBytes = 0;
    m_frontOffset = 0;
}
