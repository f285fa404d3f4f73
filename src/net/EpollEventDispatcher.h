#pragma once

// Linux only: the build compiles it there alone.

#include "net/EpollSet.h"

#include <QAbstractEventDispatcher>

#include <map>
#include <memory>
#include <unordered_map>

// The event loop of the headless server on Linux: one epoll_wait() per pass, over Qt's socket
// notifiers and the SocketWatch sockets alike. Qt's own dispatchers poll() every notifier and
// then SocketWatch's epoll set costs a second call per wake-up; for a ping-pong client that is
// one system call in four. Timers and posted events behave as in Qt's dispatchers; windows need
// Qt's (the display's events come through them), so only a QCoreApplication uses this one.
// epoll can not watch regular files: a notifier on one is refused with a warning (the program
// watches only sockets and pipes).
class EpollEventDispatcher final : public QAbstractEventDispatcher, public EpollHost
{
    Q_OBJECT

public:
    // Null where the kernel gives no epoll set or eventfd.
    static EpollEventDispatcher *create();
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

    EpollSet &epollSet() override { return m_set; }

private:
    class NotifierEntry;
    class WakeUpEntry;
    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        qint64 dueMs; // on the steady clock of nowMs()
    };

    EpollEventDispatcher();
    static qint64 nowMs();
    int msUntilNextTimer() const;
    bool activateTimers();
    void activateNotifiers(int descriptor, uint32_t events);

    EpollSet m_set;
    std::unique_ptr<WakeUpEntry> m_wakeUp;
    std::unordered_map<int, std::unique_ptr<NotifierEntry>> m_notifiers; // by descriptor
    std::map<int, Timer> m_timers; // by id
    QAtomicInt m_interrupted;
};
