#include "net/SocketWatch.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <utility>

#ifdef Q_OS_LINUX
#  include "net/EpollEventDispatcher.h"
#  include "net/EpollSet.h"

#  include <sys/epoll.h>
#endif

namespace {

// One QSocketNotifier per direction: Qt's portable way.
class NotifierWatch final : public SocketWatch
{
public:
    NotifierWatch(qintptr descriptor, Callback onReadable, Callback onWritable)
        : m_read(descriptor, QSocketNotifier::Read)
        , m_write(descriptor, QSocketNotifier::Write)
#ifdef Q_OS_WIN
        , m_exception(descriptor, QSocketNotifier::Exception)
#endif
    {
        m_read.setEnabled(false);
        m_write.setEnabled(false);
        // The functors are owned by the connections, which Qt keeps alive while they run, so
        // a callback may delete this watch.
        QObject::connect(&m_read, &QSocketNotifier::activated, &m_read, std::move(onReadable));
#ifdef Q_OS_WIN
        // Windows reports a failed connect() as an exception, which the write side handles.
        m_exception.setEnabled(false);
        QObject::connect(&m_exception, &QSocketNotifier::activated, &m_exception, onWritable);
#endif
        QObject::connect(&m_write, &QSocketNotifier::activated, &m_write, std::move(onWritable));
    }

    Backend backend() const override { return Backend::Notifiers; }
    void setReadEnabled(bool enabled) override { m_read.setEnabled(enabled); }
    void setWriteEnabled(bool enabled) override
    {
        m_write.setEnabled(enabled);
#ifdef Q_OS_WIN
        m_exception.setEnabled(enabled);
#endif
    }

private:
    QSocketNotifier m_read;
    QSocketNotifier m_write;
#ifdef Q_OS_WIN
    QSocketNotifier m_exception;
#endif
};

#ifdef Q_OS_LINUX

// Where the thread's event dispatcher is not an EpollEventDispatcher (a window's is Qt's), the
// thread's sockets share an epoll set behind one QSocketNotifier. It exists while it has
// entries.
class EpollHub final : public EpollHost
{
public:
    // Null when no epoll set can be made (out of descriptors): then notifiers serve instead.
    static EpollHub *forThisThread()
    {
        if (!t_hub) {
            auto *hub = new EpollHub;
            if (!hub->m_set.valid()) {
                delete hub;
                return nullptr;
            }
            t_hub = hub;
        }
        return t_hub;
    }

    EpollSet &epollSet() override { return m_set; }
    void entryRemoved() override { deleteIfUnused(); }

private:
    EpollHub()
        : m_notifier(m_set.descriptor(), QSocketNotifier::Read)
    {
        QObject::connect(&m_notifier, &QSocketNotifier::activated, &m_notifier, [this] {
            ++m_depth; // a callback may run a nested event loop, and so dispatch again
            m_set.dispatch(0);
            --m_depth;
            deleteIfUnused(); // Qt allows a notifier to be deleted from its own activated()
        });
    }
    ~EpollHub()
    {
        t_hub = nullptr;
        m_notifier.setEnabled(false); // before the set's descriptor goes
    }
    void deleteIfUnused()
    {
        if (m_set.size() == 0 && m_depth == 0)
            delete this;
    }

    static thread_local EpollHub *t_hub;
    EpollSet m_set;
    QSocketNotifier m_notifier;
    int m_depth = 0;
};

thread_local EpollHub *EpollHub::t_hub = nullptr;

class EpollWatch final : public SocketWatch, public EpollSet::Entry
{
public:
    EpollWatch(EpollHost *host, int descriptor, Callback onReadable, Callback onWritable)
        : Entry(descriptor)
        , m_host(host)
        , m_onReadable(std::move(onReadable))
        , m_onWritable(std::move(onWritable))
    {}
    ~EpollWatch() override
    {
        if (m_destroyed)
            *m_destroyed = true;
        if (m_added) {
            m_host->epollSet().remove(this);
            m_host->entryRemoved();
        }
    }
    bool add() { return m_added = m_host->epollSet().add(this); }

    Backend backend() const override { return Backend::Epoll; }
    void setReadEnabled(bool enabled) override
    {
        if (std::exchange(m_reading, enabled) != enabled)
            m_host->epollSet().update(this);
    }
    void setWriteEnabled(bool enabled) override
    {
        if (std::exchange(m_writing, enabled) != enabled)
            m_host->epollSet().update(this);
    }

    uint32_t interest() const override
    {
        return (m_reading ? uint32_t(EPOLLIN) : 0u) | (m_writing ? uint32_t(EPOLLOUT) : 0u);
    }
    void ready(uint32_t events) override
    {
        // The read callback may delete us; then the write side must not be looked at.
        bool destroyed = false;
        bool *const outer = std::exchange(m_destroyed, &destroyed);
        // Called through copies: a callback that deletes us must not be freed while it runs.
        if (m_reading && (events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
            const Callback callback = m_onReadable;
            callback();
        }
        if (destroyed) {
            if (outer) // a ready() further out, in a nested event loop's caller
                *outer = true;
            return;
        }
        if (m_writing && (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))) {
            const Callback callback = m_onWritable;
            callback();
        }
        if (!destroyed)
            m_destroyed = outer;
        else if (outer)
            *outer = true;
    }

private:
    EpollHost *const m_host;
    const Callback m_onReadable;
    const Callback m_onWritable;
    bool m_reading = false;
    bool m_writing = false;
    bool m_added = false;
    bool *m_destroyed = nullptr; // set while ready() runs
};

#endif // Q_OS_LINUX

} // namespace

SocketWatch::Backend SocketWatch::preferredBackend()
{
#ifdef Q_OS_LINUX
    static const Backend backend =
        qEnvironmentVariable("CAPSOCK_SOCKET_WATCH") == QLatin1String("notifiers")
        ? Backend::Notifiers
        : Backend::Epoll;
    return backend;
#else
    return Backend::Notifiers;
#endif
}

void SocketWatch::useEpollEventLoop()
{
#ifdef Q_OS_LINUX
    if (preferredBackend() == Backend::Epoll) {
        if (EpollEventDispatcher *dispatcher = EpollEventDispatcher::create())
            QCoreApplication::setEventDispatcher(dispatcher);
    }
#endif
}

std::unique_ptr<SocketWatch> SocketWatch::create(qintptr descriptor, Callback onReadable,
                                                 Callback onWritable, Backend backend)
{
#ifdef Q_OS_LINUX
    if (backend == Backend::Epoll) {
        EpollHost *host = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
        if (!host)
            host = EpollHub::forThisThread();
        if (host) {
            auto watch = std::make_unique<EpollWatch>(host, int(descriptor), onReadable,
                                                      onWritable);
            if (watch->add())
                return watch;
        }
    }
#else
    Q_UNUSED(backend)
#endif
    return std::make_unique<NotifierWatch>(descriptor, std::move(onReadable),
                                           std::move(onWritable));
}
