#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

#include <functional>

// Runs the event loop until `condition` holds or `timeoutMs` pass. Unlike QTest::qWaitFor, which
// sleeps 10 ms between rounds, it blocks in the event loop itself, so data between two sockets
// of this process flows at full speed while a test waits.
inline bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer wakeUp; // so the deadline is checked even when nothing else happens
    wakeUp.start(20);
    while (!condition()) {
        if (deadline.hasExpired())
            return condition();
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}
