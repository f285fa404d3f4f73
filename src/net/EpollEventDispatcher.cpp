#include "net/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <vector>

// Qt's own notifiers (QTcpServer's QReadNotifier) are classes whose type information Qt does not
// export, so UBSan's vptr check can not tell they are QSocketNotifiers and stops the program at
// the first member call on one. They are; the check is off for the calls below that take them.
#if defined(__clang__)
#  define CAPSOCK_NO_VPTR_CHECK __attribute__((no_sanitize("vptr")))
#else
#  define CAPSOCK_NO_VPTR_CHECK
#endif

// The eventfd that wakeUp() writes, from any thread, to end a wait.
class EpollEventDispatcher::WakeUpEntry final : public EpollSet::Entry
{
public:
    WakeUpEntry()
        : Entry(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    {}
    ~WakeUpEntry() override
    {
        if (descriptor() >= 0)
            ::close(descriptor());
    }
    void wakeUp() const
    {
        const quint64 one = 1;
        [[maybe_unused]] const auto written = ::write(descriptor(), &one, sizeof one);
    }
    uint32_t interest() const override { return EPOLLIN; }
    void ready(uint32_t) override
    {
        quint64 count = 0;
        [[maybe_unused]] const auto read = ::read(descriptor(), &count, sizeof count);
    }
};

// The Qt socket notifiers of one descriptor: one each for read, write and exception.
class EpollEventDispatcher::NotifierEntry final : public EpollSet::Entry
{
public:
    NotifierEntry(EpollEventDispatcher *dispatcher, int descriptor)
        : Entry(descriptor)
        , m_dispatcher(dispatcher)
    {}
    QSocketNotifier *&notifier(QSocketNotifier::Type type) { return m_notifiers[int(type)]; }
    bool isEmpty() const { return !m_notifiers[0] && !m_notifiers[1] && !m_notifiers[2]; }
    uint32_t interest() const override
    {
        return (m_notifiers[QSocketNotifier::Read] ? uint32_t(EPOLLIN) : 0u)
            | (m_notifiers[QSocketNotifier::Write] ? uint32_t(EPOLLOUT) : 0u)
            | (m_notifiers[QSocketNotifier::Exception] ? uint32_t(EPOLLPRI) : 0u);
    }
    // Each notifier's handler may unregister any of them and so delete this entry: the
    // dispatcher looks the descriptor up again before each.
    void ready(uint32_t events) override
    {
        m_dispatcher->activateNotifiers(descriptor(), events);
    }

private:
    EpollEventDispatcher *const m_dispatcher;
    QSocketNotifier *m_notifiers[3] = {};
};

EpollEventDispatcher *EpollEventDispatcher::create()
{
    auto *dispatcher = new EpollEventDispatcher;
    if (!dispatcher->m_set.valid() || dispatcher->m_wakeUp->descriptor() < 0
        || !dispatcher->m_set.add(dispatcher->m_wakeUp.get())) {
        delete dispatcher;
        return nullptr;
    }
    return dispatcher;
}

EpollEventDispatcher::EpollEventDispatcher()
    : m_wakeUp(std::make_unique<WakeUpEntry>())
{}

EpollEventDispatcher::~EpollEventDispatcher()
{
    for (auto &[descriptor, entry] : m_notifiers)
        m_set.remove(entry.get());
    if (m_wakeUp->descriptor() >= 0)
        m_set.remove(m_wakeUp.get());
}

qint64 EpollEventDispatcher::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);
    emit awake();
    QCoreApplication::sendPostedEvents(); // any posted meanwhile write the eventfd

    const bool sockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool canWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && sockets
        && !m_interrupted.loadRelaxed();
    int told = 0;
    if (sockets) {
        const int timeoutMs = canWait ? msUntilNextTimer() : 0;
        if (canWait)
            emit aboutToBlock();
        told = m_set.dispatch(timeoutMs);
    }
    const bool timers = !flags.testFlag(QEventLoop::X11ExcludeTimers) && activateTimers();
    return told > 0 || timers;
}

CAPSOCK_NO_VPTR_CHECK
void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int descriptor = int(notifier->socket());
    auto &entry = m_notifiers[descriptor];
    const bool isNew = !entry;
    if (isNew)
        entry = std::make_unique<NotifierEntry>(this, descriptor);
    entry->notifier(notifier->type()) = notifier;
    if (!isNew) {
        m_set.update(entry.get());
    } else if (!m_set.add(entry.get())) {
        qWarning("QSocketNotifier: can not watch socket %d", descriptor);
        m_notifiers.erase(descriptor);
    }
}

CAPSOCK_NO_VPTR_CHECK
void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const auto found = m_notifiers.find(int(notifier->socket()));
    if (found == m_notifiers.end() || found->second->notifier(notifier->type()) != notifier)
        return;
    NotifierEntry *entry = found->second.get();
    entry->notifier(notifier->type()) = nullptr;
    if (entry->isEmpty()) {
        m_set.remove(entry);
        m_notifiers.erase(found);
    } else {
        m_set.update(entry);
    }
}

void EpollEventDispatcher::activateNotifiers(int descriptor, uint32_t events)
{
    const auto activate = [this, descriptor](QSocketNotifier::Type type) {
        const auto found = m_notifiers.find(descriptor);
        if (found == m_notifiers.end())
            return;
        if (QSocketNotifier *notifier = found->second->notifier(type)) {
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
        }
    };
    // As Qt's own dispatchers: a hang-up or error wakes both readers and writers.
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        activate(QSocketNotifier::Read);
    if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
        activate(QSocketNotifier::Write);
    if (events & EPOLLPRI)
        activate(QSocketNotifier::Exception);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    m_timers[timerId] = {interval, timerType, object, nowMs() + interval};
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.erase(timerId) > 0;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (const auto &[id, timer] : m_timers) {
        if (timer.object == object)
            list.append(TimerInfo(id, int(timer.intervalMs), timer.type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return -1;
    return int(qMax<qint64>(0, found->second.dueMs - nowMs()));
}

int EpollEventDispatcher::msUntilNextTimer() const
{
    if (m_timers.empty())
        return -1;
    const qint64 now = nowMs();
    qint64 soonest = std::numeric_limits<qint64>::max();
    for (const auto &[id, timer] : m_timers)
        soonest = qMin(soonest, timer.dueMs - now);
    return int(std::clamp<qint64>(soonest, 0, std::numeric_limits<int>::max()));
}

bool EpollEventDispatcher::activateTimers()
{
    const qint64 now = nowMs();
    std::vector<int> due;
    for (const auto &[id, timer] : m_timers) {
        if (timer.dueMs <= now)
            due.push_back(id);
    }
    // Each fires at most once a pass, so a zero-interval timer can not starve the sockets.
    for (const int id : due) {
        const auto found = m_timers.find(id); // an earlier one's handler may have killed it
        if (found == m_timers.end())
            continue;
        Timer &timer = found->second;
        timer.dueMs += timer.intervalMs;
        if (timer.dueMs < now) // fell behind: no burst of catching up
            timer.dueMs = now + timer.intervalMs;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(timer.object, &event);
    }
    return !due.empty();
}

void EpollEventDispatcher::wakeUp()
{
    m_wakeUp->wakeUp();
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}
