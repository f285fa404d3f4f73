#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

// Runs one action for a stream of changes at most once an interval. A view repaints and lays
// out on every change it is told of, so a window told of each message of a flood spends itself
// on that and falls behind the wire; told once a frame, it keeps up. A change after a quiet
// spell runs the action at once (a lone message shows without delay); the changes that follow
// within the interval wait together until it is up, however many there are.
class Coalescer : public QObject
{
public:
    static constexpr int FrameMs = 16; // a frame at 60 Hz

    Coalescer(int intervalMs, std::function<void()> action, QObject *parent);

    // 0: every request() runs the action at once.
    void setInterval(int milliseconds);
    int interval() const { return m_intervalMs; }

    // Something changed: runs the action now if it has not run within the interval, otherwise
    // once the interval is up.
    void request();
    // Runs the action now, whether or not a run waits (e.g. before a test reads a model).
    void runNow();
    // Forgets a waiting run: what it was for is gone.
    void cancel();
    bool isWaiting() const;

private:
    int m_intervalMs;
    std::function<void()> m_action;
    QTimer *m_timer;
    QElapsedTimer m_sinceRun;
};
