#pragma once

// Linux only: the build compiles it there alone.

#include <cstdint>

// An epoll set whose entries are told, level-triggered, when their descriptor is ready. What
// it adds to epoll: an entry may be removed (or the set's user may delete it) from within any
// entry's ready(), and events already fetched for it are then dropped, including in dispatches
// that nest because a ready() ran a nested event loop.
class EpollSet
{
public:
    class Entry
    {
    public:
        explicit Entry(int descriptor)
            : m_descriptor(descriptor)
        {}
        virtual ~Entry() = default;
        int descriptor() const { return m_descriptor; }
        // EPOLLIN / EPOLLOUT / EPOLLPRI wanted now; 0 for none.
        virtual uint32_t interest() const = 0;
        // `events` as epoll reported them. May remove or delete this entry, or others.
        virtual void ready(uint32_t events) = 0;

    private:
        const int m_descriptor;
    };

    EpollSet(); // valid() tells whether the kernel gave us a set
    ~EpollSet();
    EpollSet(const EpollSet &) = delete;
    EpollSet &operator=(const EpollSet &) = delete;

    bool valid() const { return m_epoll >= 0; }
    int descriptor() const { return m_epoll; }
    int size() const { return m_size; }

    bool add(Entry *entry); // false (with a warning) if the kernel refuses
    void update(Entry *entry); // after its interest() changed
    void remove(Entry *entry);

    // Waits up to `timeoutMs` (-1: no limit) for ready entries and tells each. Returns how
    // many were told, or -1 if the wait was interrupted by a signal.
    int dispatch(int timeoutMs);

private:
    struct Batch;

    int m_epoll = -1;
    int m_size = 0;
    Batch *m_batch = nullptr;
};

// Who keeps an EpollSet running: the thread's event dispatcher, or a notifier on the set.
class EpollHost
{
public:
    virtual EpollSet &epollSet() = 0;
    // An entry has just been removed from the set.
    virtual void entryRemoved() {}

protected:
    ~EpollHost() = default;
};
