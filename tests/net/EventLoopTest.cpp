// The event loop the engines run on: EpollEventDispatcher on Linux (the headless program's,
// installed by TestMain.cpp), Qt's own in the CAPSOCK_SOCKET_WATCH=notifiers run. Both must
// behave alike; the socket tests elsewhere cover notifiers, these the rest.
#include "net/SocketWatch.h"

#ifdef Q_OS_LINUX
#  include "net/EpollEventDispatcher.h"
#endif

#include "EventLoopWait.h"

#include <QAbstractEventDispatcher>
#include <QEventLoop>
#include <QTimer>

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace {

TEST(EventLoopTest, IsTheOneTheHeadlessProgramUses)
{
    const bool epollLoop =
#ifdef Q_OS_LINUX
        qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()) != nullptr;
#else
        false;
#endif
    EXPECT_EQ(epollLoop, SocketWatch::preferredBackend() == SocketWatch::Backend::Epoll);
}

TEST(EventLoopTest, TimersFireOnceOrRepeatedly)
{
    int singleShots = 0;
    int repeats = 0;
    QTimer::singleShot(10, [&singleShots] { ++singleShots; });
    QTimer repeating;
    QObject::connect(&repeating, &QTimer::timeout, [&repeats] { ++repeats; });
    repeating.start(20);
    const int remaining = repeating.remainingTime();
    EXPECT_GE(remaining, 0);
    EXPECT_LE(remaining, 20);
    EXPECT_TRUE(waitUntil([&repeats] { return repeats >= 3; }, 5000));
    EXPECT_EQ(singleShots, 1);
    repeating.stop();
    const int stoppedAt = repeats;
    QEventLoop loop;
    QTimer::singleShot(100, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_EQ(repeats, stoppedAt) << "a stopped timer fired";
}

// Both are due in the same pass; the first one's handler deletes the second, which must then
// not fire (nor touch freed memory).
TEST(EventLoopTest, ATimerKilledByAnotherDueInTheSamePassDoesNotFire)
{
    bool firstFired = false;
    bool secondFired = false;
    auto *second = new QTimer;
    QTimer first;
    first.setSingleShot(true);
    second->setSingleShot(true);
    QObject::connect(&first, &QTimer::timeout, [&firstFired, &second] {
        firstFired = true;
        delete second;
        second = nullptr;
    });
    QObject::connect(second, &QTimer::timeout, [&secondFired] { secondFired = true; });
    first.start(5);
    second->start(5);
    std::this_thread::sleep_for(std::chrono::milliseconds(30)); // both are overdue now
    EXPECT_TRUE(waitUntil([&firstFired, &secondFired] { return firstFired || secondFired; }));
    if (!firstFired) { // the loop may fire the second first; then it deletes nothing
        GTEST_LOG_(INFO) << "the second timer fired first";
        delete second;
        return;
    }
    EXPECT_FALSE(secondFired);
}

// A zero-interval timer (work done "when idle") must not starve the sockets.
TEST(EventLoopTest, AZeroIntervalTimerLeavesRoomForSockets)
{
    int fds[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
    int idleRuns = 0;
    QTimer idle;
    QObject::connect(&idle, &QTimer::timeout, [&idleRuns] { ++idleRuns; });
    idle.start(0);
    bool readable = false;
    const auto watch = SocketWatch::create(fds[0], [&readable] { readable = true; }, [] {});
    watch->setReadEnabled(true);
    ASSERT_EQ(::write(fds[1], "x", 1), 1);
    EXPECT_TRUE(waitUntil([&readable] { return readable; }, 5000));
    EXPECT_GT(idleRuns, 0);
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST(EventLoopTest, AnEventPostedFromAnotherThreadWakesTheLoop)
{
    std::atomic<bool> delivered = false;
    QEventLoop loop; // no timers: it blocks until woken
    std::thread poster([&delivered, &loop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QMetaObject::invokeMethod(
            &loop, [&delivered, &loop] {
                delivered = true;
                loop.quit();
            },
            Qt::QueuedConnection);
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit); // only if the wake-up is lost
    loop.exec();
    poster.join();
    EXPECT_TRUE(delivered);
}

TEST(EventLoopTest, AnInterruptFromAnotherThreadEndsTheWait)
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    ASSERT_NE(dispatcher, nullptr);
    QTimer guard; // only if the interrupt is lost
    guard.start(10000);
    std::thread interrupter([dispatcher] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        dispatcher->interrupt();
    });
    const auto start = std::chrono::steady_clock::now();
    dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
    const auto waited = std::chrono::steady_clock::now() - start;
    interrupter.join();
    EXPECT_LT(waited, std::chrono::seconds(5));
}

} // namespace
