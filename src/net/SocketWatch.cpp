#include "net/SocketWatch.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <utility>

#ifdef Q_OS_LINUX
#  include <sys/epoll.h>
#  include <unistd.h>

#  include <cerrno>
#  include <cstring>
#endif

Q_LOGGING_CATEGORY(lcSocketWatch, "capsock.net.socketwatch")

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

class EpollWatch;

// The epoll set of one thread, watched by one QSocketNotifier. It exists while it has watches.
class EpollHub
{
public:
    // Null when no epoll set can be made (out of descriptors): then notifiers serve instead.
    static EpollHub *forThisThread();

    bool add(EpollWatch *watch);
    void update(EpollWatch *watch);
    void remove(EpollWatch *watch);

private:
    // What one dispatch() is working through. Dispatches nest when a callback runs a nested
    // event loop (a modal dialog, say), so each has its own.
    struct Batch
    {
        static constexpr int Capacity = 256;
        epoll_event events[Capacity];
        int count = 0;
        int current = 0;
        Batch *outer = nullptr;
    };

    explicit EpollHub(int epoll);
    ~EpollHub();
    void dispatch();

    static thread_local EpollHub *t_hub;
    const int m_epoll;
    QSocketNotifier m_notifier;
    int m_watchCount = 0;
    Batch *m_batch = nullptr;
};

class EpollWatch final : public SocketWatch
{
public:
    EpollWatch(EpollHub *hub, int descriptor, Callback onReadable, Callback onWritable)
        : m_hub(hub)
        , m_descriptor(descriptor)
        , m_onReadable(std::move(onReadable))
        , m_onWritable(std::move(onWritable))
    {}
    ~EpollWatch() override
    {
        if (m_registered)
            m_hub->remove(this);
    }

    Backend backend() const override { return Backend::Epoll; }
    void setReadEnabled(bool enabled) override
    {
        if (std::exchange(m_reading, enabled) != enabled)
            m_hub->update(this);
    }
    void setWriteEnabled(bool enabled) override
    {
        if (std::exchange(m_writing, enabled) != enabled)
            m_hub->update(this);
    }

    uint32_t interest() const
    {
        const uint32_t wanted = (m_reading ? uint32_t(EPOLLIN) : 0u)
            | (m_writing ? uint32_t(EPOLLOUT) : 0u);
        // With nothing wanted, a hang-up would still be reported, level-triggered, on every
        // pass; edge-triggered it is reported once and ignored.
        return wanted ? wanted : uint32_t(EPOLLET);
    }

    EpollHub *const m_hub;
    const int m_descriptor;
    const Callback m_onReadable;
    const Callback m_onWritable;
    bool m_reading = false;
    bool m_writing = false;
    bool m_registered = false;
};

thread_local EpollHub *EpollHub::t_hub = nullptr;

EpollHub *EpollHub::forThisThread()
{
    if (!t_hub) {
        const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
        if (epoll < 0) {
            qCWarning(lcSocketWatch, "epoll_create1: %s; using one notifier per socket",
                      std::strerror(errno));
            return nullptr;
        }
        t_hub = new EpollHub(epoll);
    }
    return t_hub;
}

EpollHub::EpollHub(int epoll)
    : m_epoll(epoll)
    , m_notifier(epoll, QSocketNotifier::Read)
{
    QObject::connect(&m_notifier, &QSocketNotifier::activated, &m_notifier,
                     [this] { dispatch(); });
}

EpollHub::~EpollHub()
{
    if (t_hub == this)
        t_hub = nullptr;
    m_notifier.setEnabled(false); // before the descriptor it watches goes
    ::close(m_epoll);
}

bool EpollHub::add(EpollWatch *watch)
{
    epoll_event event{};
    event.events = watch->interest();
    event.data.ptr = watch;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, watch->m_descriptor, &event) != 0) {
        qCWarning(lcSocketWatch, "epoll_ctl(ADD, %d): %s; using notifiers for it",
                  watch->m_descriptor, std::strerror(errno));
        if (m_watchCount == 0 && !m_batch)
            delete this;
        return false;
    }
    watch->m_registered = true;
    ++m_watchCount;
    return true;
}

void EpollHub::update(EpollWatch *watch)
{
    epoll_event event{};
    event.events = watch->interest();
    event.data.ptr = watch;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, watch->m_descriptor, &event) != 0) {
        qCWarning(lcSocketWatch, "epoll_ctl(MOD, %d): %s", watch->m_descriptor,
                  std::strerror(errno));
    }
}

void EpollHub::remove(EpollWatch *watch)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, watch->m_descriptor, nullptr);
    // Events already fetched for this watch must not reach it.
    for (Batch *batch = m_batch; batch; batch = batch->outer) {
        for (int i = batch->current; i < batch->count; ++i) {
            if (batch->events[i].data.ptr == watch)
                batch->events[i].data.ptr = nullptr;
        }
    }
    if (--m_watchCount == 0 && !m_batch)
        delete this;
}

void EpollHub::dispatch()
{
    Batch batch;
    batch.outer = m_batch;
    batch.count = ::epoll_wait(m_epoll, batch.events, Batch::Capacity, 0);
    m_batch = &batch;
    for (; batch.current < batch.count; ++batch.current) {
        epoll_event &event = batch.events[batch.current];
        const uint32_t what = event.events;
        if (auto *watch = static_cast<EpollWatch *>(event.data.ptr);
            watch && watch->m_reading && (what & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
            const SocketWatch::Callback callback = watch->m_onReadable; // it may delete the watch
            callback();
        }
        if (auto *watch = static_cast<EpollWatch *>(event.data.ptr);
            watch && watch->m_writing && (what & (EPOLLOUT | EPOLLHUP | EPOLLERR))) {
            const SocketWatch::Callback callback = watch->m_onWritable;
            callback();
        }
    }
    m_batch = batch.outer;
    if (m_watchCount == 0 && !m_batch)
        delete this; // Qt allows a notifier to be deleted from its own activated()
}

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

std::unique_ptr<SocketWatch> SocketWatch::create(qintptr descriptor, Callback onReadable,
                                                 Callback onWritable, Backend backend)
{
#ifdef Q_OS_LINUX
    if (backend == Backend::Epoll) {
        if (EpollHub *hub = EpollHub::forThisThread()) {
            auto watch = std::make_unique<EpollWatch>(hub, int(descriptor), onReadable,
                                                      onWritable);
            if (hub->add(watch.get()))
                return watch;
        }
    }
#else
    Q_UNUSED(backend)
#endif
    return std::make_unique<NotifierWatch>(descriptor, std::move(onReadable),
                                           std::move(onWritable));
}
