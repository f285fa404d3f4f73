#pragma once

#include <QtGlobal>

#include <functional>
#include <memory>

// Tells when a socket can be read or written, level-triggered like QSocketNotifier: while a
// direction is enabled and ready, its callback runs on every pass of the thread's event loop.
//
// Why not QSocketNotifier alone: Qt 6.4's event dispatchers poll() every notifier on every
// wake-up, so a server with 1000 idle connections pays for all 1000 to answer one. On Linux
// the watches of a thread share one epoll set instead, behind a single QSocketNotifier; a
// wake-up then costs what the ready sockets cost. Elsewhere (Windows, macOS), and whenever
// CAPSOCK_SOCKET_WATCH=notifiers is set, each socket has its own QSocketNotifiers; the tests
// run both.
class SocketWatch
{
public:
    enum class Backend { Notifiers, Epoll };
    using Callback = std::function<void()>;

    // What create() uses unless told: Epoll on Linux, unless CAPSOCK_SOCKET_WATCH=notifiers.
    static Backend preferredBackend();
    // The callbacks may delete the watch. Epoll falls back to notifiers where it can not serve.
    static std::unique_ptr<SocketWatch> create(qintptr descriptor, Callback onReadable,
                                               Callback onWritable,
                                               Backend backend = preferredBackend());

    // For a program without windows, before its QCoreApplication: on Linux (unless
    // CAPSOCK_SOCKET_WATCH=notifiers) the main thread's event loop becomes one epoll_wait() per
    // pass over every socket (EpollEventDispatcher) instead of Qt's poll() and then ours.
    static void useEpollEventLoop();

    virtual ~SocketWatch() = default;
    virtual Backend backend() const = 0;
    // Both start disabled.
    virtual void setReadEnabled(bool enabled) = 0;
    virtual void setWriteEnabled(bool enabled) = 0;
};
