#include "net/CapitalizeSession.h"

#include "core/SocketEventText.h"
#include "net/EventValues.h"
#include "net/SocketErrorText.h"
#include "net/TcpSampler.h"
#include "net/TcpStream.h"

#include <QMetaMethod>
#include <QTimer>

namespace {
// A few recv() calls per wake-up, so one busy client can not starve the others.
constexpr int MaxReadsPerWakeUp = 16;
// Once we have said all we will, how long the connection may make no progress (the peer neither
// reading our last replies nor finishing its side) before we close it anyway.
constexpr int LingerMs = 5000;
// What is read from a peer after our last reply, only to be dropped; no need for small reads.
constexpr qint64 DrainReadSize = 64 * 1024;
} // namespace

CapitalizeSession::CapitalizeSession(qint64 id, TcpStream *stream, const ServerOptions &options,
                                     QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_stream(stream)
    , m_options(options)
{
    m_stream->setParent(this);
    m_sinceHeard.start();
    connect(m_stream, &TcpStream::readyToReceive, this, &CapitalizeSession::onReadable);
    connect(m_stream, &TcpStream::bytesSent, this, &CapitalizeSession::onBytesSent);
    connect(m_stream, &TcpStream::failed, this, &CapitalizeSession::onFailed);
    updateReceiving();
}

void CapitalizeSession::setPauseReading(bool paused)
{
    m_options.pauseReading = paused;
    updateReceiving();
}

void CapitalizeSession::updateReceiving()
{
    m_stream->setReceiving(m_finishing || (!m_readingPaused && !m_options.pauseReading));
    probe(); // the probe hears whether the program reads: unread bytes pile up while it does not
}

CapitalizeSession::~CapitalizeSession() = default;

QString CapitalizeSession::peer() const
{
    return SocketErrorText::endpoint(m_stream->peerAddress(), m_stream->peerPort());
}

qint64 CapitalizeSession::unsentBytes() const
{
    return m_stream->bytesToSend();
}

void CapitalizeSession::onReadable()
{
    if (m_finishing) {
        dropInput();
        if (m_stream->peerFinished())
            closeWhenDone();
        return;
    }

    // TCP's state and queues once per wake-up, after its reads and replies (--tcp-info).
    const qint64 queuedBefore = m_bytesQueued;
    for (int reads = 0; reads < MaxReadsPerWakeUp; ++reads) {
        if (unsentBytes() >= m_options.maxUnsentReplyBytes) {
            // Backpressure: the client is not reading its replies, so stop reading its input.
            m_readingPaused = true;
            updateReceiving();
            emit readingPaused(true);
            probe(m_bytesQueued > queuedBefore);
            return;
        }
        const QByteArray chunk = m_stream->receive(m_options.readSize);
        if (chunk.isEmpty())
            break;
        m_bytesReceived += chunk.size();
        m_sinceHeard.restart();
        if (callsWatched()) {
            emit socketEvent(SocketEvent::recv(SocketSide::Server, m_id, m_options.readSize,
                                               chunk.size()));
        }
        emit received(chunk);
        // In manual mode the user answers, if at all (send()).
        if (!m_options.manualReplies && answer(chunk))
            return;
        // A short read emptied the kernel's buffer: asking again would only hear "nothing
        // yet". The notifier calls again when more comes.
        if (chunk.size() < m_options.readSize)
            break;
    }
    if (!m_stream->peerFinished()) {
        probe(m_bytesQueued > queuedBefore);
        return;
    }
    if (callsWatched())
        emit socketEvent(SocketEvent::recv(SocketSide::Server, m_id, m_options.readSize, 0));
    if (m_sampler) // CLOSE_WAIT, as recv() has just said: read before close(), at once
        m_sampler->readNow(m_id, *m_stream, !m_readingPaused && !m_options.pauseReading);
    close(SocketEvent::CloseReason::PeerFinished);
}

bool CapitalizeSession::answer(const QByteArray &chunk)
{
    QByteArray reply;
    m_caser.feed(chunk, reply);
    const qint64 held = m_caser.heldBytes();
    if (m_options.closeAfterFirstReply) { // one reply, as the lecture's: the held bytes too
        m_caser.finish(reply);
        sendReply(reply);
        if (held > 0)
            emit heldBackSentAsTheyCame(held);
        finish(SocketEvent::CloseReason::AfterFirstReply);
        return true;
    }
    sendReply(reply);
    if (held > 0)
        emit heldBack(held);
    return false;
}

void CapitalizeSession::sendHeldBack()
{
    const qint64 held = m_caser.heldBytes();
    if (held == 0)
        return;
    QByteArray rest; // the start of a character the client never finished goes back as it came
    m_caser.finish(rest);
    sendReply(rest);
    emit heldBackSentAsTheyCame(held);
}

bool CapitalizeSession::send(const QByteArray &bytes)
{
    if (m_ended || m_finishing)
        return false;
    sendReply(bytes);
    return true;
}

void CapitalizeSession::sendReply(const QByteArray &reply)
{
    if (reply.isEmpty())
        return;
    m_bytesQueued += reply.size();
    if (callsWatched())
        emit socketEvent(SocketEvent::send(SocketSide::Server, m_id, reply.size()));
    emit replied(reply);
    m_stream->send(reply);
}

void CapitalizeSession::onBytesSent()
{
    if (m_readingPaused && unsentBytes() <= m_options.maxUnsentReplyBytes / 2) {
        m_readingPaused = false;
        updateReceiving();
        emit readingPaused(false);
    }
    if (m_finishing) {
        // The peer is still reading: it gets all of its replies.
        m_lingerTimer->start(lingerMs());
        closeWhenDone();
    }
}

void CapitalizeSession::onFailed()
{
    end(SocketEvent::CloseReason::Broken, EventValues::failure(*m_stream));
}

void CapitalizeSession::close(SocketEvent::CloseReason reason)
{
    if (m_ended)
        return;
    m_serverStopping = m_serverStopping || reason == SocketEvent::CloseReason::ServerStopping;
    if (m_finishing) { // already ending: when the server stops, it waits no longer than that
        m_lingerTimer->start(lingerMs());
        return;
    }
    sendHeldBack();
    finish(reason);
}

int CapitalizeSession::lingerMs() const
{
    return m_serverStopping ? StopLingerMs : LingerMs;
}

void CapitalizeSession::dropInput()
{
    for (QByteArray dropped = m_stream->receive(DrainReadSize); !dropped.isEmpty();
         dropped = m_stream->receive(DrainReadSize)) {
        m_ignoredBytes += dropped.size();
    }
}

bool CapitalizeSession::canMakeRoom() const
{
    return !m_ended && !m_finishing && unsentBytes() == 0;
}

void CapitalizeSession::makeRoom(const QByteArray &farewell)
{
    if (!canMakeRoom())
        return;
    sendHeldBack();
    sendReply(farewell);
    finish(SocketEvent::CloseReason::MadeRoom);
}

void CapitalizeSession::finish(SocketEvent::CloseReason reason)
{
    m_finishing = true;
    m_finishReason = reason;
    // Before the client: our FIN goes now, while close() waits for the client's (see below).
    m_closedFirst = !m_stream->peerFinished();
    m_stream->finishSending();
    if (m_closedFirst) {
        const SocketEvent shutdown = SocketEvent::shutdown(SocketSide::Server, m_id, reason);
        if (callsWatched())
            emit socketEvent(shutdown);
        emit closingFirst(shutdown);
    }
    probe();
    // Keep reading now: whatever comes is dropped, so the peer can finish. The client has not
    // read its replies, so no readingPaused(false): the close tells what was dropped.
    m_readingPaused = false;
    updateReceiving();
    m_lingerTimer = new QTimer(this);
    m_lingerTimer->setSingleShot(true);
    connect(m_lingerTimer, &QTimer::timeout, this, [this] { end(m_finishReason); });
    m_lingerTimer->start(lingerMs());
    closeWhenDone();
}

void CapitalizeSession::closeWhenDone()
{
    // Closing before the peer has finished could turn into a reset that destroys our last reply
    // in its receive queue, so wait for both: our sending side shut down, and its end of stream.
    if (m_stream->sendingFinished() && m_stream->peerFinished())
        end(m_finishReason);
}

void CapitalizeSession::end(SocketEvent::CloseReason reason, const SocketFailure &failure)
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_lingerTimer)
        m_lingerTimer->stop();
    SocketEvent event = EventValues::closing(
        SocketEvent::close(SocketSide::Server, m_id, reason, failure, m_ignoredBytes), *m_stream);
    event.peerClosedAfter = m_closedFirst && m_stream->peerFinished();
    if (callsWatched())
        emit socketEvent(event);
    // A broken connection gets the whole story (what a reset usually means), not just its name.
    const QString why = failure.isFailure()
        ? SocketErrorText::connectionBroke(m_stream->error(), tr("the client"),
                                           m_stream->errorString())
        : SocketEventText::result(event);
    m_stream->abort();
    if (m_sampler)
        m_sampler->followClosed(m_id, *m_stream);
    emit closed(why, event);
}

void CapitalizeSession::setTcpSampler(TcpSampler *sampler)
{
    m_sampler = sampler;
    probe();
}

void CapitalizeSession::probe(bool afterSend)
{
    if (m_sampler)
        m_sampler->read(m_id, *m_stream, afterSend,
                         !m_readingPaused && !m_options.pauseReading);
}

bool CapitalizeSession::callsWatched() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&CapitalizeSession::socketEvent);
    return isSignalConnected(signal);
}
