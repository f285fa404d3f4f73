#include "net/EpollSet.h"

#include <QLoggingCategory>

#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

Q_LOGGING_CATEGORY(lcEpoll, "capsock.net.epoll")

namespace {

epoll_event eventFor(EpollSet::Entry *entry)
{
    epoll_event event{};
    // With nothing wanted a hang-up would still be reported, level-triggered, on every pass;
    // edge-triggered it is reported once, and ignored.
    const uint32_t interest = entry->interest();
    event.events = interest ? interest : uint32_t(EPOLLET);
    event.data.ptr = entry;
    return event;
}

} // namespace

// What one dispatch() is working through.
struct EpollSet::Batch
{
    static constexpr int Capacity = 256;
    epoll_event events[Capacity];
    int count = 0;
    int current = 0;
    Batch *outer = nullptr;
};

EpollSet::EpollSet()
    : m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        qCWarning(lcEpoll, "epoll_create1: %s", std::strerror(errno));
}

EpollSet::~EpollSet()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollSet::add(Entry *entry)
{
    epoll_event event = eventFor(entry);
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, entry->descriptor(), &event) != 0) {
        qCWarning(lcEpoll, "epoll_ctl(ADD, %d): %s", entry->descriptor(), std::strerror(errno));
        return false;
    }
    ++m_size;
    return true;
}

void EpollSet::update(Entry *entry)
{
    epoll_event event = eventFor(entry);
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, entry->descriptor(), &event) != 0)
        qCWarning(lcEpoll, "epoll_ctl(MOD, %d): %s", entry->descriptor(), std::strerror(errno));
}

void EpollSet::remove(Entry *entry)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, entry->descriptor(), nullptr);
    --m_size;
    // Events already fetched for it, in this dispatch or in those it is nested in, must not
    // reach it: it may be gone.
    for (Batch *batch = m_batch; batch; batch = batch->outer) {
        for (int i = batch->current; i < batch->count; ++i) {
            if (batch->events[i].data.ptr == entry)
                batch->events[i].data.ptr = nullptr;
        }
    }
}

int EpollSet::dispatch(int timeoutMs)
{
    Batch batch;
    batch.count = ::epoll_wait(m_epoll, batch.events, Batch::Capacity, timeoutMs);
    if (batch.count < 0)
        return errno == EINTR ? -1 : 0;
    batch.outer = m_batch;
    m_batch = &batch;
    int told = 0;
    for (; batch.current < batch.count; ++batch.current) {
        const epoll_event &event = batch.events[batch.current];
        if (auto *entry = static_cast<Entry *>(event.data.ptr)) {
            entry->ready(event.events);
            ++told;
        }
    }
    m_batch = batch.outer;
    return told;
}
