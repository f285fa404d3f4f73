#pragma once

#include "core/SocketEvent.h"
#include "net/TcpProbe.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>
#include <vector>

class TcpStream;

// Puts a TcpProbe's readings on the socket calls' timeline: an engine calls read() after each
// call on a connection, and the sampler reports what changed, as SocketEvents: a state change
// (TcpState), and the queues (TcpQueues) only when a size or the lecture's moment it shows
// changed. While some connection holds bytes it reads them all again about 20 times a second;
// when none does, no timer runs, so the cost is nothing when idle.
//
// After close() the kernel may keep the connection (FIN_WAIT, TIME_WAIT, LAST_ACK) with no
// descriptor left: followClosed() finds it by its endpoints until it reaches TIME_WAIT or is
// gone, for at most a minute (Linux's FIN_WAIT2 timeout), and at most MaxFollowed at once.
class TcpSampler : public QObject
{
    Q_OBJECT

public:
    static constexpr int IntervalMs = 50;
    static constexpr int MaxFollowed = 64;

    TcpSampler(SocketSide side, std::shared_ptr<const TcpProbe> probe,
               QObject *parent = nullptr);
    ~TcpSampler() override;

    // At most one reading of a connection within `milliseconds` after calls on it: a call
    // within the gap is read by the timer instead (so within IntervalMs). 0, the default: every
    // call is read at once. A window sets it: under a flood it reads a connection 20 times a
    // second, not after each of thousands of calls, and a lone call is still read at once.
    void setMinimumGap(int milliseconds) { m_minimumGapMs = milliseconds; }

    // Reads `stream` now, after a call on it. `afterSend`: the call was sendall();
    // `receiving`: the program waits to receive on it (its reading is not paused).
    void read(qint64 connectionId, const TcpStream &stream, bool afterSend, bool receiving);
    // Reads `stream` at once, whatever the gap: after recv() returned 0, so that the CLOSE_WAIT
    // it brings stands before the close() that follows (no reading is possible after it).
    void readNow(qint64 connectionId, const TcpStream &stream, bool receiving);
    // Reads a listening socket's accept queue (after listen(), and after accept() calls; no
    // timer for it).
    void readListener(qintptr descriptor);
    // The listening socket(s) were closed (Stop): LISTEN -> CLOSED, if it was read listening.
    void listenerClosed();
    // `stream` was closed: follow its connection by its endpoints.
    void followClosed(qint64 connectionId, const TcpStream &stream);
    // Whether the timer runs (something is held or followed); never when idle.
    bool isSampling() const { return m_timer.isActive(); }

signals:
    void socketEvent(const SocketEvent &event);

private:
    struct Watched
    {
        QPointer<const TcpStream> stream;
        qint64 connectionId = 0;
        TcpInfo last;
        SocketEvent::TcpMoment moment = SocketEvent::TcpMoment::None;
        bool receiving = true;
        QElapsedTimer sinceRead; // since the last reading after a call
        bool pending = false;    // a call within the gap waits for the timer's reading
        bool pendingAfterSend = false;
    };
    struct Followed
    {
        qint64 connectionId = 0;
        Endpoint local;
        Endpoint peer;
        TcpInfo::State last = TcpInfo::State::Unknown;
        QDeadlineTimer until;
    };

    void readAfterCall(qint64 connectionId, const TcpStream &stream, bool afterSend,
                       bool receiving, bool withinGap);
    // False once the connection can no longer be read (closed): the caller forgets it.
    bool sample(Watched &watched, bool afterSend);
    // The states from which a connection's next is TIME_WAIT (this side closed first).
    static bool closesIntoTimeWait(TcpInfo::State state);
    bool follow(Followed &followed);
    void onTimer();
    void updateTimer();

    const SocketSide m_side;
    const std::shared_ptr<const TcpProbe> m_probe;
    std::map<const TcpStream *, Watched> m_watched;
    std::vector<Followed> m_followed;
    TcpInfo m_listener; // the last reading of the listening socket(s)
    QTimer m_timer;
    bool m_toldUnavailable = false;
    int m_minimumGapMs = 0;
};
