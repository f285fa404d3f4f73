#include "net/SocketWatch.h"

#include "EventLoopWait.h"

#include <QEventLoop>
#include <QTimer>

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>

namespace {

using Backend = SocketWatch::Backend;

// Both ends of a connected stream socket pair: as readable and writable as TCP, no network.
struct SocketPair
{
    SocketPair()
    {
        std::array<int, 2> fds{};
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds.data()), 0);
        watched = fds[0];
        peer = fds[1];
    }
    ~SocketPair()
    {
        ::close(watched);
        if (peer >= 0)
            ::close(peer);
    }
    void peerWrites() const { ASSERT_EQ(::write(peer, "x", 1), 1); }
    void peerCloses() { ::close(std::exchange(peer, -1)); }

    int watched = -1;
    int peer = -1;
};

// Runs the event loop for a while, whatever happens.
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double threadCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3
        + usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

const char *nameOf(Backend backend)
{
    return backend == Backend::Epoll ? "epoll" : "notifiers";
}

// Every test runs against both backends, in one process.
void forEachBackend(const std::function<void(Backend)> &test)
{
    for (const Backend backend : {Backend::Notifiers, Backend::Epoll}) {
        SCOPED_TRACE(nameOf(backend));
        test(backend);
    }
}

std::unique_ptr<SocketWatch> watch(Backend backend, const SocketPair &pair,
                                   std::function<void()> onReadable,
                                   std::function<void()> onWritable = [] {})
{
    return SocketWatch::create(pair.watched, std::move(onReadable), std::move(onWritable),
                               backend);
}

TEST(SocketWatchTest, UsesTheBackendAskedForWhereThereIsOne)
{
    forEachBackend([](Backend backend) {
        SocketPair pair;
        const auto watched = watch(backend, pair, [] {});
#ifdef Q_OS_LINUX
        EXPECT_EQ(watched->backend(), backend);
#else
        EXPECT_EQ(watched->backend(), Backend::Notifiers);
#endif
    });
}

TEST(SocketWatchTest, ReportsReadableWhileEnabledAndDataWaits)
{
    forEachBackend([](Backend backend) {
        SocketPair pair;
        int calls = 0;
        const auto watched = watch(backend, pair, [&calls] { ++calls; });
        pair.peerWrites();
        spin(50);
        EXPECT_EQ(calls, 0) << "reported while disabled";

        watched->setReadEnabled(true);
        // Level-triggered: the byte is never read, so it is reported on pass after pass.
        EXPECT_TRUE(waitUntil([&calls] { return calls >= 3; }, 5000)) << calls;

        watched->setReadEnabled(false);
        calls = 0;
        spin(50);
        EXPECT_EQ(calls, 0);

        char byte = 0;
        ASSERT_EQ(::read(pair.watched, &byte, 1), 1);
        watched->setReadEnabled(true);
        spin(50);
        EXPECT_EQ(calls, 0) << "reported with nothing to read";
    });
}

TEST(SocketWatchTest, ReportsWritableWhileEnabled)
{
    forEachBackend([](Backend backend) {
        SocketPair pair;
        int calls = 0;
        std::unique_ptr<SocketWatch> watched;
        watched = watch(backend, pair, [] {}, [&calls, &watched] {
            ++calls;
            watched->setWriteEnabled(false);
        });
        spin(30);
        EXPECT_EQ(calls, 0);
        watched->setWriteEnabled(true);
        EXPECT_TRUE(waitUntil([&calls] { return calls > 0; }, 5000));
        spin(50);
        EXPECT_EQ(calls, 1);
    });
}

TEST(SocketWatchTest, ACallbackMayDeleteItsOwnWatch)
{
    forEachBackend([](Backend backend) {
        SocketPair pair;
        int calls = 0;
        std::unique_ptr<SocketWatch> watched;
        watched = watch(backend, pair, [&calls, &watched] {
            ++calls;
            watched.reset();
        });
        watched->setReadEnabled(true);
        pair.peerWrites();
        EXPECT_TRUE(waitUntil([&watched] { return !watched; }, 5000));
        spin(50);
        EXPECT_EQ(calls, 1);
    });
}

// Both sockets are ready in the same wake-up; whichever is told first deletes the other, whose
// event was already fetched. It must never be told (ASan would also see a use after free).
TEST(SocketWatchTest, ACallbackMayDeleteAnotherWatchWhoseEventIsPending)
{
    forEachBackend([](Backend backend) {
        SocketPair first;
        SocketPair second;
        int calls = 0;
        std::unique_ptr<SocketWatch> a;
        std::unique_ptr<SocketWatch> b;
        a = watch(backend, first, [&calls, &b] {
            ++calls;
            b.reset();
        });
        b = watch(backend, second, [&calls, &a] {
            ++calls;
            a.reset();
        });
        first.peerWrites();
        second.peerWrites();
        a->setReadEnabled(true);
        b->setReadEnabled(true);
        EXPECT_TRUE(waitUntil([&a, &b] { return !a || !b; }, 5000));
        EXPECT_TRUE(a || b) << "the deleted watch was told of its pending event";
        // The survivor's byte is still unread, so it keeps being reported: once per pass.
        calls = 0;
        EXPECT_TRUE(waitUntil([&calls] { return calls >= 2; }, 5000));
    });
}

// A modal dialog in a callback runs a nested event loop; other sockets are served inside it,
// and one of them may delete the watch whose callback is still running outside.
TEST(SocketWatchTest, ANestedEventLoopInACallbackIsSafe)
{
    forEachBackend([](Backend backend) {
        SocketPair outer;
        SocketPair inner;
        bool innerServed = false;
        bool nestedLoopReturned = false;
        std::unique_ptr<SocketWatch> outerWatch;
        std::unique_ptr<SocketWatch> innerWatch;
        outerWatch = watch(backend, outer, [&] {
            outerWatch->setReadEnabled(false);
            inner.peerWrites();
            innerWatch->setReadEnabled(true);
            QEventLoop nested;
            QTimer::singleShot(5000, &nested, &QEventLoop::quit);
            QTimer poll;
            QObject::connect(&poll, &QTimer::timeout, &nested, [&innerServed, &nested] {
                if (innerServed)
                    nested.quit();
            });
            poll.start(5);
            nested.exec();
            nestedLoopReturned = true;
        });
        innerWatch = watch(backend, inner, [&] {
            innerServed = true;
            innerWatch->setReadEnabled(false);
            outerWatch.reset();
        });
        outerWatch->setReadEnabled(true);
        outer.peerWrites();
        EXPECT_TRUE(waitUntil([&nestedLoopReturned] { return nestedLoopReturned; }, 10000));
        EXPECT_TRUE(innerServed);
        EXPECT_FALSE(outerWatch);
    });
}

// A socket whose peer has gone, watched for nothing (a session paused on a client that then
// reset): nothing is reported, and the loop does not spin on the hang-up.
TEST(SocketWatchTest, AHangUpWaitsUntilADirectionIsEnabled)
{
    forEachBackend([](Backend backend) {
        SocketPair pair;
        int reads = 0;
        int writes = 0;
        const auto watched = watch(backend, pair, [&reads] { ++reads; }, [&writes] { ++writes; });
        watched->setReadEnabled(true);
        watched->setReadEnabled(false);
        pair.peerCloses();

        const double cpuBefore = threadCpuMs();
        spin(300);
        const double cpuMs = threadCpuMs() - cpuBefore;
        EXPECT_EQ(reads, 0);
        EXPECT_EQ(writes, 0);
        // Idle, this thread uses next to nothing; spinning it would use the whole 300 ms.
        EXPECT_LT(cpuMs, 100.0) << "the event loop spun while waiting";

        watched->setReadEnabled(true);
        EXPECT_TRUE(waitUntil([&reads] { return reads > 0; }, 5000));
    });
}

TEST(SocketWatchBackend, FollowsTheEnvironment)
{
#ifdef Q_OS_LINUX
    const Backend expected =
        qEnvironmentVariable("CAPSOCK_SOCKET_WATCH") == QLatin1String("notifiers")
        ? Backend::Notifiers
        : Backend::Epoll;
#else
    const Backend expected = Backend::Notifiers;
#endif
    EXPECT_EQ(SocketWatch::preferredBackend(), expected);
}

} // namespace
