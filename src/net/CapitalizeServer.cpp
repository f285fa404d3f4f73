#include "net/CapitalizeServer.h"

#include "core/SocketEventText.h"
#include "net/BindAddress.h"
#include "net/CapitalizeSession.h"
#include "net/DescriptorLimit.h"
#include "net/EventValues.h"
#include "net/SocketErrorText.h"
#include "net/SocketWatch.h"
#include "net/TcpSampler.h"
#include "net/TcpStream.h"

#include <QMetaMethod>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include <functional>

namespace {

// While the process has no descriptor to spare, how long to wait before accepting again.
constexpr int AcceptRetryMs = 100;
// Connections accepted per wake-up, so a crowd arriving can not starve the clients already in.
constexpr int AcceptsPerWakeUp = 64;

// QTcpServer does the bind() and listen(); the accept() is ours, because Qt 6.4's QTcpServer
// handles running out of descriptors badly: it either retries at once, forever (a busy loop),
// or stops accepting for good. Here the listener waits a moment and tries again. Accepted
// sockets go to TcpStream as plain descriptors, never through QTcpSocket.
class DescriptorListener : public QTcpServer
{
public:
    DescriptorListener(std::function<void(qintptr)> onIncoming,
                       std::function<void(bool)> onShortage)
        : m_onIncoming(std::move(onIncoming))
        , m_onShortage(std::move(onShortage))
    {
        m_retry.setSingleShot(true);
        m_retry.setInterval(AcceptRetryMs);
        connect(&m_retry, &QTimer::timeout, this, [this] {
            m_watch->setReadEnabled(true);
            acceptRound();
        });
    }

    // Called after each round of accept() calls, with the listening socket (--tcp-info).
    void setAfterAccepting(std::function<void(qintptr)> afterAccepting)
    {
        m_afterAccepting = std::move(afterAccepting);
    }

    // After a successful listen().
    void startAccepting()
    {
        pauseAccepting(); // QTcpServer's own accepting stays off
        m_watch = SocketWatch::create(
            socketDescriptor(), [this] { acceptRound(); }, [] {});
        m_watch->setReadEnabled(true);
    }

private:
    void acceptRound()
    {
        const QPointer<QObject> alive(this); // a slot may stop the server
        acceptWaiting();
        if (alive && m_afterAccepting)
            m_afterAccepting(socketDescriptor());
    }

    void acceptWaiting()
    {
        for (int i = 0; i < AcceptsPerWakeUp; ++i) {
            TcpStream::AcceptResult result;
            const qintptr descriptor = TcpStream::accept(socketDescriptor(), &result);
            switch (result) {
            case TcpStream::AcceptResult::Accepted: {
                if (std::exchange(m_shortage, false))
                    m_onShortage(false);
                const QPointer<QObject> alive(this); // a slot may stop the server
                m_onIncoming(descriptor);
                if (!alive)
                    return;
                break;
            }
            case TcpStream::AcceptResult::NoneWaiting:
                return;
            case TcpStream::AcceptResult::OutOfDescriptors:
            case TcpStream::AcceptResult::Failed:
                m_watch->setReadEnabled(false); // level-triggered: it would fire nonstop
                m_retry.start();
                if (!std::exchange(m_shortage, true))
                    m_onShortage(true);
                return;
            }
        }
    }

    std::function<void(qintptr)> m_onIncoming;
    std::function<void(bool)> m_onShortage;
    std::function<void(qintptr)> m_afterAccepting;
    std::unique_ptr<SocketWatch> m_watch; // goes before QTcpServer closes the descriptor
    QTimer m_retry;
    bool m_shortage = false;
};

constexpr int RefusalLingerMs = 5000;
// Connections the kernel may complete before we accept them. Qt's default of 50 overflows when
// a class (or a load test) connects all at once; the overflow is dropped, and with SYN cookies
// some of those clients believe they are connected while the server never hears of them. The
// kernel caps it at net.core.somaxconn.
constexpr int ListenBacklog = 4096;

bool isIPv6(const QHostAddress &address)
{
    return address == QHostAddress::Any || address.protocol() == QAbstractSocket::IPv6Protocol;
}


} // namespace

CapitalizeServer::CapitalizeServer(QObject *parent)
    : QObject(parent)
{}

CapitalizeServer::~CapitalizeServer() = default;

bool CapitalizeServer::start(const ServerOptions &options)
{
    m_listeners.clear();
    m_options = options;
    m_stopping = false;
    m_errorString.clear();
    quint16 port = options.port;
    for (qsizetype i = 0; i < options.bindAddresses.size(); ++i) {
        if (!listenOn(options.bindAddresses.at(i), &port, i > 0)) {
            m_listeners.clear();
            return false;
        }
    }
    m_port = port;
    limitClientsToTheSystem();
    return true;
}

// Each client takes a descriptor; a few more are for the listening sockets, the event loop and
// files. Past the system's limit accept() would fail: better a clear "full" for the newcomer.
void CapitalizeServer::limitClientsToTheSystem()
{
    constexpr qint64 ReservedDescriptors = 64;
    m_clientLimit = m_options.maxClients > 0 ? m_options.maxClients
                                             : ServerOptions::MostClientsByDefault;
    m_systemFileLimit = -1;
    if (m_options.maxClients > 0)
        return; // the user's own number
    const qint64 files = DescriptorLimit::current().soft;
    if (files >= 0 && files - ReservedDescriptors < m_clientLimit) {
        m_clientLimit = int(std::max<qint64>(1, files - ReservedDescriptors));
        m_systemFileLimit = files;
    }
}

QString CapitalizeServer::systemLimitText() const
{
    if (m_systemFileLimit < 0)
        return {};
    return tr("at most %1 clients at once: the system lets it have %2 files open (ulimit -n), "
              "one for each client and a few of its own. Raise that limit to serve more.")
        .arg(m_clientLimit)
        .arg(m_systemFileLimit);
}

// Listens on `address` at *port, which becomes the port the system gave when it was 0, so that
// further addresses share it. An optional address this computer lacks (::1 beside 127.0.0.1 on
// a machine without IPv6) is skipped.
bool CapitalizeServer::listenOn(const QHostAddress &address, quint16 *port, bool optional)
{
    auto listener = std::make_unique<DescriptorListener>(
        [this](qintptr descriptor) { onIncoming(descriptor); },
        [this](bool shortage) { onDescriptorShortage(shortage); });
    report(SocketEvent::socket(SocketSide::Server, isIPv6(address),
                               address == QHostAddress::Any));
#ifdef Q_OS_UNIX
    if (m_options.reuseAddress)
        report(SocketEvent::reuseAddress());
#endif
    const Endpoint asked{BindAddress::pythonHost(address), *port};
    QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
    QString errorText;
    if (!bindAndListen(listener.get(), address, *port, &error, &errorText)) {
        const bool skipped = optional
            && (error == QAbstractSocket::SocketAddressNotAvailableError
                || error == QAbstractSocket::UnsupportedSocketOperationError);
        SocketEvent failed = SocketEvent::bind(asked, 0, EventValues::failure(error, errorText),
                                               skipped);
        failed.reuseAddressSet = m_options.reuseAddress;
        report(failed);
        if (!skipped) {
            m_errorString = SocketErrorText::listenFailed(error, address, *port, errorText,
                                                          m_options.reuseAddress);
        }
        return skipped;
    }
    *port = listener->serverPort();
    report(SocketEvent::bind(asked, *port));
    report(SocketEvent::listen());
    if (m_sampler) {
        // Read now too, as a connection is after each call: LISTEN's time is listen()'s.
        m_sampler->readListener(listener->socketDescriptor());
        listener->setAfterAccepting(
            [this](qintptr descriptor) { m_sampler->readListener(descriptor); });
    }
    listener->startAccepting();
    m_listeners.push_back(std::move(listener));
    return true;
}

void CapitalizeServer::setTcpProbe(std::shared_ptr<const TcpProbe> probe, int minimumGapMs)
{
    delete m_sampler;
    m_sampler = nullptr;
    if (!probe)
        return;
    m_sampler = new TcpSampler(SocketSide::Server, std::move(probe), this);
    m_sampler->setMinimumGap(minimumGapMs);
    connect(m_sampler, &TcpSampler::socketEvent, this, &CapitalizeServer::report);
}

// QTcpServer's listen() sets SO_REUSEADDR on Unix; without it, the socket is made here and
// handed over.
bool CapitalizeServer::bindAndListen(QTcpServer *listener, const QHostAddress &address,
                                     quint16 port, QAbstractSocket::SocketError *error,
                                     QString *errorText)
{
    listener->setListenBacklogSize(ListenBacklog);
    if (m_options.reuseAddress) {
        if (listener->listen(address, port))
            return true;
        *error = listener->serverError();
        *errorText = listener->errorString();
        return false;
    }
    const qintptr descriptor = TcpStream::listenWithoutReuse(address, port, ListenBacklog,
                                                             error, errorText);
    if (descriptor < 0)
        return false;
    if (listener->setSocketDescriptor(descriptor))
        return true;
    *error = listener->serverError();
    *errorText = listener->errorString();
    return false;
}

void CapitalizeServer::stop()
{
    if (!m_listeners.empty()) {
        m_listeners.clear();
        report(SocketEvent::close(SocketSide::Server, 0,
                                  SocketEvent::CloseReason::StoppedListening));
        if (m_sampler)
            m_sampler->listenerClosed();
    }
    m_stopping = true;
    if (m_sessions.empty()) {
        emit stopped();
        return;
    }
    for (const auto &[id, session] : std::map(m_sessions)) // closing may end a session at once
        session->close(SocketEvent::CloseReason::ServerStopping);
}

QList<QHostAddress> CapitalizeServer::listeningAddresses() const
{
    QList<QHostAddress> addresses;
    for (const auto &listener : m_listeners)
        addresses.append(listener->serverAddress());
    return addresses;
}

void CapitalizeServer::setManualReplies(bool manual)
{
    m_options.manualReplies = manual;
    for (const auto &[id, session] : m_sessions)
        session->setManualReplies(manual);
}

void CapitalizeServer::setPauseReading(bool paused)
{
    m_options.pauseReading = paused;
    for (const auto &[id, session] : m_sessions)
        session->setPauseReading(paused);
}

QList<CapitalizeSession *> CapitalizeServer::sessions() const
{
    QList<CapitalizeSession *> list;
    for (const auto &[id, session] : m_sessions)
        list.append(session);
    return list;
}

QByteArray CapitalizeServer::refusalMessage(int maxClients)
{
    const QString text = tr("Capsock server is full: it already serves %n client(s), its limit. "
                            "Try again later.",
                            nullptr, maxClients);
    return (text + QLatin1Char('\n')).toUtf8();
}

QByteArray CapitalizeServer::makingRoomMessage(int maxClients, qint64 idleMs)
{
    const QString text = tr("Capsock server: closing this connection to make room for a new "
                            "client. The server is full (%n client(s)) and this connection was "
                            "idle the longest (%1 s). Connect again when you have something to "
                            "send.",
                            nullptr, maxClients)
                             .arg(idleMs / 1000);
    return (text + QLatin1Char('\n')).toUtf8();
}

// The client idle longest, if idle long enough, is closed so that a newcomer can take its place.
bool CapitalizeServer::makeRoom()
{
    CapitalizeSession *idlest = nullptr;
    qint64 longest = -1;
    for (const auto &[id, session] : m_sessions) {
        const qint64 idle = session->idleMs();
        if (idle > longest && session->canMakeRoom()) {
            idlest = session;
            longest = idle;
        }
    }
    if (!idlest || longest < m_options.idleBeforeMakingRoomMs)
        return false;
    idlest->makeRoom(makingRoomMessage(m_clientLimit, longest));
    return true;
}

void CapitalizeServer::onIncoming(qintptr descriptor)
{
    if (int(m_sessions.size()) >= m_clientLimit && !makeRoom()) {
        refuse(descriptor);
        return;
    }
    auto *stream = new TcpStream(descriptor);
    const qint64 id = m_nextSessionId++;
    auto *session = new CapitalizeSession(id, stream, m_options, this);
    m_sessions[id] = session;
    if (callsWatched()) // else the session need not describe its calls at all
        connect(session, &CapitalizeSession::socketEvent, this, &CapitalizeServer::socketEvent);
    connect(session, &CapitalizeSession::closed, this,
            [this, id, session](const QString &why, const SocketEvent &close) {
                m_sessions.erase(id);
                emit clientDisconnected(id, why, close);
                session->deleteLater();
                // Queued: whoever else listens to this last `closed` hears it before `stopped`.
                if (m_stopping && m_sessions.empty())
                    QMetaObject::invokeMethod(this, &CapitalizeServer::stopped,
                                              Qt::QueuedConnection);
            });
    if (callsWatched()) {
        emit socketEvent(SocketEvent::accept(
            id, EventValues::endpoint(stream->peerAddress(), stream->peerPort()),
            EventValues::endpoint(stream->localAddress(), stream->localPort())));
    }
    const QPointer<CapitalizeSession> alive(session); // a slot may stop the server
    emit clientConnected(session);
    if (alive)
        session->setTcpSampler(m_sampler);
}

void CapitalizeServer::onDescriptorShortage(bool shortage)
{
    const QString why = shortage
        ? tr("cannot accept new clients: this program has as many connections and files open "
             "as the system allows it (ulimit -n); trying again every %1 ms")
              .arg(AcceptRetryMs)
        : tr("accepting new clients again");
    const SocketFailure outOfDescriptors{SocketFailure::Kind::OutOfDescriptors, 0, {}};
    report(shortage ? SocketEvent::acceptFailed(outOfDescriptors, AcceptRetryMs)
                    : SocketEvent::acceptResumed());
    emit acceptingPaused(shortage, why);
}

void CapitalizeServer::refuse(qintptr descriptor)
{
    // Accept, say why in plain text, and close: a clear refusal instead of a connection that
    // hangs in the backlog. Whatever the client sends meanwhile is read and dropped, so the
    // close is a normal end and not a reset that could destroy the message.
    auto *stream = new TcpStream(descriptor, this);
    const QString peer = SocketErrorText::endpoint(stream->peerAddress(), stream->peerPort());
    stream->send(refusalMessage(m_clientLimit));
    stream->finishSending();
    const auto drain = [stream] {
        while (!stream->receive(64 * 1024).isEmpty()) {}
        if (stream->peerFinished())
            stream->deleteLater();
    };
    connect(stream, &TcpStream::readyToReceive, stream, drain);
    connect(stream, &TcpStream::failed, stream, &QObject::deleteLater);
    QTimer::singleShot(RefusalLingerMs, stream, &QObject::deleteLater);
    report(SocketEvent::refuse(EventValues::endpoint(stream->peerAddress(), stream->peerPort()),
                               m_clientLimit));
    emit clientRefused(peer, SocketEventText::refusalReason(m_clientLimit));
}

bool CapitalizeServer::callsWatched() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&CapitalizeServer::socketEvent);
    return isSignalConnected(signal);
}

void CapitalizeServer::report(const SocketEvent &event)
{
    if (callsWatched())
        emit socketEvent(event);
}
