#include "net/TcpSampler.h"

#include "net/EventValues.h"
#include "net/TcpStream.h"

#include <algorithm>
#include <utility>

namespace {
// Linux's tcp_fin_timeout: an orphaned FIN_WAIT2 lasts no longer.
constexpr int FollowMs = 60000;
} // namespace

TcpSampler::TcpSampler(SocketSide side, std::shared_ptr<const TcpProbe> probe, QObject *parent)
    : QObject(parent)
    , m_side(side)
    , m_probe(std::move(probe))
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TcpSampler::onTimer);
}

TcpSampler::~TcpSampler() = default;

void TcpSampler::read(qint64 connectionId, const TcpStream &stream, bool afterSend,
                      bool receiving)
{
    readAfterCall(connectionId, stream, afterSend, receiving, false);
}

void TcpSampler::readNow(qint64 connectionId, const TcpStream &stream, bool receiving)
{
    readAfterCall(connectionId, stream, false, receiving, true);
}

void TcpSampler::readAfterCall(qint64 connectionId, const TcpStream &stream, bool afterSend,
                               bool receiving, bool withinGap)
{
    if (!m_probe->isAvailable()) {
        if (!std::exchange(m_toldUnavailable, true))
            emit socketEvent(SocketEvent::tcpUnavailable(m_side, connectionId));
        return;
    }
    auto [entry, added] = m_watched.try_emplace(&stream);
    Watched &watched = entry->second;
    if (added || watched.stream.isNull()) { // new, or a new stream at a freed address
        watched = Watched{};
        watched.stream = &stream;
    }
    watched.connectionId = connectionId;
    watched.receiving = receiving;
    if (!withinGap && m_minimumGapMs > 0 && watched.sinceRead.isValid()
        && !watched.sinceRead.hasExpired(m_minimumGapMs)) {
        watched.pending = true;
        watched.pendingAfterSend = watched.pendingAfterSend || afterSend;
    } else {
        watched.sinceRead.start();
        if (!sample(watched, afterSend))
            m_watched.erase(entry);
    }
    updateTimer();
}

void TcpSampler::readListener(qintptr descriptor)
{
    const std::optional<TcpInfo> now = m_probe->read(descriptor);
    if (!now || now->sameQueues(m_listener))
        return;
    m_listener = *now;
    emit socketEvent(SocketEvent::tcpQueues(m_side, 0, *now, false, false));
}

void TcpSampler::listenerClosed()
{
    if (!m_listener.isListening())
        return;
    TcpInfo closed;
    closed.state = TcpInfo::State::Closed;
    m_listener = {};
    emit socketEvent(SocketEvent::tcpState(m_side, 0, TcpInfo::State::Listen, closed));
}

void TcpSampler::followClosed(qint64 connectionId, const TcpStream &stream)
{
    const auto watched = m_watched.find(&stream);
    if (watched == m_watched.end())
        return; // never read: not followed either
    Followed followed;
    followed.connectionId = connectionId;
    followed.local = EventValues::endpoint(stream.localAddress(), stream.localPort());
    followed.peer = EventValues::endpoint(stream.peerAddress(), stream.peerPort());
    followed.last = watched->second.last.state;
    followed.until.setRemainingTime(FollowMs);
    m_watched.erase(watched);
    if (int(m_followed.size()) >= MaxFollowed)
        m_followed.erase(m_followed.begin()); // the oldest: it has lingered the longest
    if (follow(followed))
        m_followed.push_back(followed);
    updateTimer();
}

bool TcpSampler::sample(Watched &watched, bool afterSend)
{
    afterSend = afterSend || std::exchange(watched.pendingAfterSend, false);
    watched.pending = false;
    if (watched.stream.isNull() || watched.stream->descriptor() < 0)
        return false;
    std::optional<TcpInfo> now = m_probe->read(watched.stream->descriptor());
    if (!now)
        return false;
    if (now->state == TcpInfo::State::Closed && closesIntoTimeWait(watched.last.state)) {
        // Linux hands a connection entering TIME_WAIT to a small record of its own and leaves
        // the socket reading CLOSED: ask for it by its endpoints, as after close().
        const TcpStream &stream = *watched.stream;
        if (const std::optional<TcpInfo> found = m_probe->find(
                EventValues::endpoint(stream.localAddress(), stream.localPort()),
                EventValues::endpoint(stream.peerAddress(), stream.peerPort())))
            now = found;
    }
    const qint64 id = watched.connectionId;
    if (now->state != watched.last.state)
        emit socketEvent(SocketEvent::tcpState(m_side, id, watched.last.state, *now));
    // Segments sent again since the last reading: a loss, news even with the same sizes.
    const qint64 retransmitted = watched.last.retransmissions >= 0
        ? std::max<qint64>(0, now->retransmissions - watched.last.retransmissions)
        : std::max<qint64>(0, now->retransmissions);
    const SocketEvent queues = SocketEvent::tcpQueues(m_side, id, *now, afterSend,
                                                      watched.receiving, retransmitted);
    const SocketEvent::TcpMoment moment = queues.tcpMoment();
    // A moment that ends is no news; one that begins is, even with the same sizes.
    const bool newMoment = moment != SocketEvent::TcpMoment::None && moment != watched.moment;
    if (!now->sameQueues(watched.last) || newMoment || retransmitted > 0)
        emit socketEvent(queues);
    watched.last = *now;
    watched.moment = moment;
    return true;
}

bool TcpSampler::closesIntoTimeWait(TcpInfo::State state)
{
    using State = TcpInfo::State;
    return state == State::FinWait1 || state == State::FinWait2 || state == State::Closing;
}

// False once there is nothing more to follow: TIME_WAIT reached, or the kernel forgot it.
bool TcpSampler::follow(Followed &followed)
{
    const std::optional<TcpInfo> found = m_probe->find(followed.local, followed.peer);
    TcpInfo now = found.value_or(TcpInfo{});
    if (!found)
        now.state = TcpInfo::State::Closed;
    if (now.state != followed.last) {
        // Named by its ends: a client's next connection may be told between its readings.
        SocketEvent reading = SocketEvent::tcpState(m_side, followed.connectionId, followed.last,
                                                    now, true);
        reading.local = followed.local;
        reading.peer = followed.peer;
        emit socketEvent(reading);
        followed.last = now.state;
    }
    return found && now.state != TcpInfo::State::TimeWait && !followed.until.hasExpired();
}

void TcpSampler::onTimer()
{
    for (auto entry = m_watched.begin(); entry != m_watched.end();) {
        if (sample(entry->second, false))
            ++entry;
        else
            entry = m_watched.erase(entry);
    }
    for (auto followed = m_followed.begin(); followed != m_followed.end();) {
        if (follow(*followed))
            ++followed;
        else
            followed = m_followed.erase(followed);
    }
    updateTimer();
}

void TcpSampler::updateTimer()
{
    bool busy = !m_followed.empty();
    for (auto entry = m_watched.begin(); entry != m_watched.end();) {
        if (entry->second.stream.isNull()) { // deleted without a close we heard of
            entry = m_watched.erase(entry);
            continue;
        }
        // A connection the program does not read may fill without a call to read it after.
        busy = busy || entry->second.last.holdsBytes() || entry->second.pending
            || !entry->second.receiving;
        ++entry;
    }
    if (busy && !m_timer.isActive())
        m_timer.start();
    else if (!busy)
        m_timer.stop();
}
