#include "net/CapitalizeClient.h"

#include "core/SocketEventText.h"
#include "net/ClientOptions.h"
#include "net/EventValues.h"
#include "net/SocketErrorText.h"
#include "net/TcpSampler.h"

#include <QHostInfo>
#include <QMetaMethod>
#include <QTimer>

#include <algorithm>

namespace {

bool isIPv6(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol;
}

} // namespace

CapitalizeClient::CapitalizeClient(QObject *parent)
    : QObject(parent)
    , m_connectTimeoutMs(ClientOptions().connectTimeoutMs)
    , m_readSize(ClientOptions().readSize)
    , m_connectTimer(new QTimer(this))
    , m_staggerTimer(new QTimer(this))
{
    m_clock.start();
    m_connectTimer->setSingleShot(true);
    m_connectTimer->setTimerType(Qt::PreciseTimer); // a coarse timer gives up to 5% early
    connect(m_connectTimer, &QTimer::timeout, this, &CapitalizeClient::onConnectTimeout);
    m_staggerTimer->setSingleShot(true);
    connect(m_staggerTimer, &QTimer::timeout, this, &CapitalizeClient::startNextAttempt);
}

CapitalizeClient::~CapitalizeClient()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

void CapitalizeClient::connectToServer(const QString &host, quint16 port)
{
    QHostAddress literal;
    if (literal.setAddress(host)) {
        connectToAddresses(host, {literal}, port);
        return;
    }
    reset(host, port);
    setState(State::Resolving);
    report(SocketEvent::lookup({host, port}, {}));
    m_lookupId = QHostInfo::lookupHost(host, this, &CapitalizeClient::onLookedUp);
}

void CapitalizeClient::reset(const QString &host, quint16 port)
{
    dropStream();
    ++m_connectionId; // after the last one's close(), which is still its own
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    m_host = host;
    m_port = port;
    m_addresses.clear();
    m_failures.clear();
    m_bestFailure = {};
    m_errorString.clear();
    m_failure = {};
    m_connectMicros = -1;
    m_unanswered.clear();
    m_partialReply.clear();
}

void CapitalizeClient::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    const SocketFailure failure = EventValues::failure(info);
    if (failure.isFailure()) {
        report(SocketEvent::lookup({m_host, m_port}, {}, failure));
        const bool notFound = failure.kind == SocketFailure::Kind::HostNotFound;
        fail(SocketErrorText::lookupFailed(m_host, notFound, info.errorString()), failure);
        return;
    }
    QStringList names;
    for (const QHostAddress &address : info.addresses())
        names.append(address.toString());
    report(SocketEvent::lookup({m_host, m_port}, names));
    emit resolved(info.addresses());
    startAttempts(info.addresses());
}

void CapitalizeClient::connectToAddresses(const QString &host,
                                          const QList<QHostAddress> &addresses, quint16 port)
{
    reset(host, port);
    startAttempts(addresses);
}

void CapitalizeClient::startAttempts(const QList<QHostAddress> &addresses)
{
    // Happy eyeballs (RFC 8305, simplified): the families alternate, starting with the one the
    // resolver put first, so a broken IPv6 path costs a quarter of a second, not a timeout.
    QList<QHostAddress> first;
    QList<QHostAddress> second;
    for (const QHostAddress &address : addresses)
        (address.protocol() == addresses.first().protocol() ? first : second).append(address);
    m_addresses.clear();
    for (qsizetype i = 0; i < std::max(first.size(), second.size()); ++i) {
        if (i < first.size())
            m_addresses.append(first.at(i));
        if (i < second.size())
            m_addresses.append(second.at(i));
    }
    m_nextAddress = 0;
    setState(State::Connecting);
    m_connectTimer->start(m_connectTimeoutMs);
    startNextAttempt();
}

void CapitalizeClient::startNextAttempt()
{
    if (m_nextAddress >= m_addresses.size())
        return;
    const QHostAddress address = m_addresses.at(m_nextAddress++);
    report(SocketEvent::socket(SocketSide::Client, isIPv6(address)));
    auto *stream = new TcpStream(address, m_port, this);
    m_pending.push_back({stream, QElapsedTimer()});
    m_pending.back().clock.start();
    connect(stream, &TcpStream::connected, this, [this, stream] { onAttemptConnected(stream); });
    connect(stream, &TcpStream::failed, this, [this, stream] { onAttemptFailed(stream); });
    probe(stream);
    if (m_nextAddress < m_addresses.size())
        m_staggerTimer->start(AttemptStaggerMs);
}

void CapitalizeClient::onAttemptConnected(TcpStream *stream)
{
    const auto winner = std::find_if(m_pending.begin(), m_pending.end(),
                                     [stream](const Attempt &a) { return a.stream == stream; });
    if (winner == m_pending.end())
        return;
    m_connectMicros = winner->clock.nsecsElapsed() / 1000;
    m_bytesSent = 0;
    m_bytesReceived = 0;
    m_pending.erase(winner);
    abortAttempts(true);
    m_connectTimer->stop();
    m_staggerTimer->stop();
    m_stream = stream;
    connect(m_stream, &TcpStream::readyToReceive, this, &CapitalizeClient::onReadable);
    disconnect(m_stream, &TcpStream::failed, this, nullptr);
    connect(m_stream, &TcpStream::failed, this, &CapitalizeClient::onSendFailed);
    setState(State::Connected);
    // The address really tried: a name can stand for several.
    report(SocketEvent::connected(EventValues::endpoint(peerAddress(), peerPort()),
                                  EventValues::endpoint(localAddress(), localPort()),
                                  m_connectMicros));
    probe(m_stream);
    emit connected();
    while (!m_outbox.empty() && m_state == State::Connected) {
        auto [id, bytes] = std::move(m_outbox.front());
        m_outbox.pop_front();
        write(id, bytes);
    }
    if (m_finishWhenSent)
        finishSending();
}

void CapitalizeClient::onAttemptFailed(TcpStream *stream)
{
    const auto attempt = std::find_if(m_pending.begin(), m_pending.end(),
                                      [stream](const Attempt &a) { return a.stream == stream; });
    if (attempt == m_pending.end())
        return;
    recordFailure(*attempt, stream->error(), stream->errorString());
    stream->deleteLater();
    m_pending.erase(attempt);
    if (m_nextAddress < m_addresses.size()) { // no need to wait out the stagger
        m_staggerTimer->stop();
        startNextAttempt();
    } else if (m_pending.empty()) {
        failAll();
    }
}

void CapitalizeClient::onConnectTimeout()
{
    for (const Attempt &attempt : m_pending)
        recordFailure(attempt, TcpStream::Error::TimedOut, QString());
    abortAttempts(false);
    failAll();
}

void CapitalizeClient::recordFailure(const Attempt &attempt, TcpStream::Error error,
                                     const QString &systemMessage)
{
    const QHostAddress address = attempt.stream->peerAddress();
    const qint64 waitedMs = attempt.clock.elapsed();
    const SocketFailure failure = EventValues::failure(error, attempt.stream->systemError(),
                                                       systemMessage);
    report(SocketEvent::connectFailed(EventValues::endpoint(address, m_port), failure));
    m_failures.append(tr("%1 (%2): %3 after %4 s")
                          .arg(SocketErrorText::endpoint(address, m_port),
                               isIPv6(address) ? QStringLiteral("IPv6") : QStringLiteral("IPv4"),
                               SocketEventText::failure(failure),
                               QString::number(double(waitedMs) / 1000.0, 'f', 1)));
    // The most telling failure explains: "refused" means the machine is there but nothing
    // listens; a timeout points at a firewall; "network unreachable" (often IPv6 with no IPv6
    // connectivity) tells the least.
    const auto rank = [](TcpStream::Error kind) {
        switch (kind) {
        case TcpStream::Error::ConnectionRefused: return 0;
        case TcpStream::Error::TimedOut: return 1;
        case TcpStream::Error::HostUnreachable: return 2;
        case TcpStream::Error::AccessDenied: return 3;
        case TcpStream::Error::NetworkUnreachable: return 4;
        default: return 5;
        }
    };
    if (m_bestFailure.message.isEmpty() || rank(error) < rank(m_bestFailure.error)) {
        m_bestFailure = {error, SocketErrorText::connectFailed(error, m_host, address, m_port,
                                                               waitedMs, systemMessage)};
    }
}

void CapitalizeClient::abortAttempts(bool lostRace)
{
    for (const Attempt &attempt : m_pending) {
        if (lostRace)
            report(SocketEvent::close(SocketSide::Client, m_connectionId,
                                      SocketEvent::CloseReason::LostRace));
        attempt.stream->disconnect(this);
        attempt.stream->abort();
        attempt.stream->deleteLater();
    }
    m_pending.clear();
}

void CapitalizeClient::failAll()
{
    m_connectTimer->stop();
    m_staggerTimer->stop();
    QString message = m_bestFailure.message;
    QHostAddress literal;
    if (m_failures.size() > 1 || !literal.setAddress(m_host)) {
        message += tr(" Tried %n address(es) of \"%1\": %2.", nullptr, int(m_failures.size()))
                       .arg(m_host, m_failures.join(QStringLiteral("; ")));
    }
    dropOutbox();
    fail(message, EventValues::failure(m_bestFailure.error, 0, {}));
}

void CapitalizeClient::dropOutbox()
{
    const auto unsent = std::exchange(m_outbox, {});
    for (const auto &[id, bytes] : unsent)
        emit messageNotSent(id, bytes);
}

qint64 CapitalizeClient::send(const QByteArray &bytes)
{
    const qint64 id = m_nextMessageId++;
    if (m_state == State::Connected) {
        write(id, bytes);
        return id;
    }
    m_outbox.emplace_back(id, bytes);
    if ((m_state == State::Disconnected || m_state == State::ClosedByServer
         || m_state == State::Failed)
        && !m_host.isEmpty()) {
        auto outbox = std::move(m_outbox); // connectToServer() starts afresh
        connectToServer(m_host, m_port);
        m_outbox = std::move(outbox);
    }
    return id;
}

void CapitalizeClient::write(qint64 id, const QByteArray &bytes)
{
    // A message without a line ending can not be told apart from the next one's reply: once
    // something new is sent, whatever comes belongs to the new message.
    while (!m_unanswered.empty() && m_unanswered.back().lineEndsLeft == 0)
        m_unanswered.pop_back();
    m_unanswered.push_back({id, m_clock.nsecsElapsed(), int(bytes.count('\n'))});
    report(SocketEvent::send(SocketSide::Client, m_connectionId, bytes.size()));
    m_bytesSent += bytes.size();
    m_stream->send(bytes);
    probe(m_stream, true);
    emit messageSent(id, bytes);
}

void CapitalizeClient::finishSending()
{
    if (m_state != State::Connected) {
        m_finishWhenSent = !m_outbox.empty();
        return;
    }
    m_finishWhenSent = false;
    if (m_stream->sendingFinished())
        return;
    m_stream->finishSending();
    report(SocketEvent::shutdown(SocketSide::Client, m_connectionId));
    probe(m_stream);
}

void CapitalizeClient::disconnectFromServer()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    m_connectTimer->stop();
    dropOutbox();
    if (m_stream)
        report(EventValues::closing(SocketEvent::close(SocketSide::Client, m_connectionId,
                                                       SocketEvent::CloseReason::Disconnect),
                                    *m_stream));
    dropStream();
    setState(State::Disconnected);
}

void CapitalizeClient::onReadable()
{
    for (QByteArray chunk = m_stream->receive(m_readSize); !chunk.isEmpty();
         chunk = m_stream->receive(m_readSize)) {
        report(SocketEvent::recv(SocketSide::Client, m_connectionId, m_readSize, chunk.size()));
        probe(m_stream);
        m_bytesReceived += chunk.size();
        emit dataReceived(chunk);
        pairReply(chunk);
        if (!m_stream)
            return; // a receiver disconnected us
    }
    if (m_stream->peerFinished()) {
        report(SocketEvent::recv(SocketSide::Client, m_connectionId, m_readSize, 0));
        if (m_sampler) // CLOSE_WAIT, as recv() has just said: read before close(), at once
            m_sampler->readNow(m_connectionId, *m_stream, true);
        flushPartialReply();
        report(SocketEvent::close(SocketSide::Client, m_connectionId,
                                  SocketEvent::CloseReason::PeerFinished));
        dropStream();
        setState(State::ClosedByServer);
        emit serverClosed();
    } else if (m_stream->error() != TcpStream::Error::None) {
        report(SocketEvent::recv(SocketSide::Client, m_connectionId, m_readSize, 0,
                                 EventValues::failure(*m_stream)));
        endBrokenConnection();
    }
}

void CapitalizeClient::pairReply(const QByteArray &chunk)
{
    qsizetype position = 0;
    while (position < chunk.size()) {
        if (m_unanswered.empty()) {
            const QByteArray rest = chunk.mid(position);
            emit replyPieceReceived(0, rest, false, -1);
            emit replyReceived(0, rest, -1);
            return;
        }
        Unanswered &message = m_unanswered.front();
        const qint64 id = message.id;
        const qint64 roundTrip = (m_clock.nsecsElapsed() - message.sentNs) / 1000;
        if (message.lineEndsLeft == 0) {
            const QByteArray rest = chunk.mid(position);
            emit replyPieceReceived(id, rest, false, roundTrip);
            emit replyReceived(id, rest, roundTrip);
            return;
        }
        const qsizetype lineEnd = chunk.indexOf('\n', position);
        const qsizetype end = lineEnd < 0 ? chunk.size() : lineEnd + 1;
        const QByteArray piece = chunk.mid(position, end - position);
        m_partialReply.append(piece);
        position = end;
        const bool completes = lineEnd >= 0 && --message.lineEndsLeft == 0;
        if (completes)
            m_unanswered.pop_front();
        emit replyPieceReceived(id, piece, completes, roundTrip);
        if (completes)
            emit replyReceived(id, std::exchange(m_partialReply, {}), roundTrip);
    }
}

void CapitalizeClient::flushPartialReply()
{
    if (m_partialReply.isEmpty() || m_unanswered.empty())
        return;
    const Unanswered message = m_unanswered.front();
    emit replyReceived(message.id, std::exchange(m_partialReply, {}),
                       (m_clock.nsecsElapsed() - message.sentNs) / 1000);
}

void CapitalizeClient::onSendFailed()
{
    // A failed recv() is reported where it happens, in onReadable(); this is a send's failure.
    report(SocketEvent::send(SocketSide::Client, m_connectionId, m_stream->bytesToSend(),
                             EventValues::failure(*m_stream)));
    endBrokenConnection();
}

void CapitalizeClient::endBrokenConnection()
{
    const QString message = SocketErrorText::connectionBroke(
        m_stream->error(), SocketErrorText::endpoint(peerAddress(), peerPort()),
        m_stream->errorString(), m_bytesSent, m_bytesReceived);
    flushPartialReply();
    const SocketFailure failure = EventValues::failure(*m_stream);
    report(SocketEvent::close(SocketSide::Client, m_connectionId,
                              SocketEvent::CloseReason::Broken, failure));
    fail(message, failure);
}

int CapitalizeClient::unansweredMessages() const
{
    int count = int(m_outbox.size());
    for (const Unanswered &message : m_unanswered)
        count += message.lineEndsLeft > 0 ? 1 : 0;
    return count;
}

QHostAddress CapitalizeClient::localAddress() const
{
    return m_stream ? m_stream->localAddress() : QHostAddress();
}

quint16 CapitalizeClient::localPort() const
{
    return m_stream ? m_stream->localPort() : 0;
}

QHostAddress CapitalizeClient::peerAddress() const
{
    return m_stream ? m_stream->peerAddress() : QHostAddress();
}

quint16 CapitalizeClient::peerPort() const
{
    return m_stream ? m_stream->peerPort() : 0;
}

void CapitalizeClient::fail(const QString &message, const SocketFailure &failure)
{
    m_errorString = message;
    m_failure = failure;
    dropStream();
    setState(State::Failed);
    emit failed(message);
}

void CapitalizeClient::dropStream()
{
    m_connectTimer->stop();
    m_staggerTimer->stop();
    abortAttempts(false);
    if (!m_stream)
        return;
    m_stream->disconnect(this);
    m_stream->abort();
    if (m_sampler)
        m_sampler->followClosed(m_connectionId, *m_stream);
    m_stream->deleteLater();
    m_stream = nullptr;
}

void CapitalizeClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void CapitalizeClient::setTcpProbe(std::shared_ptr<const TcpProbe> probe, int minimumGapMs)
{
    delete m_sampler;
    m_sampler = nullptr;
    if (!probe)
        return;
    m_sampler = new TcpSampler(SocketSide::Client, std::move(probe), this);
    m_sampler->setMinimumGap(minimumGapMs);
    connect(m_sampler, &TcpSampler::socketEvent, this, &CapitalizeClient::report);
}

void CapitalizeClient::probe(const TcpStream *stream, bool afterSend)
{
    if (m_sampler && stream)
        m_sampler->read(m_connectionId, *stream, afterSend, true);
}

void CapitalizeClient::report(const SocketEvent &event)
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&CapitalizeClient::socketEvent);
    if (!isSignalConnected(signal))
        return;
    // A call is the current connection's; a reading names its own (a closed one may linger).
    SocketEvent ofConnection = event;
    if (!event.isTcpReading())
        ofConnection.connectionId = m_connectionId;
    emit socketEvent(ofConnection);
}
