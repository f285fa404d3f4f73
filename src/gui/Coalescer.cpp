#include "gui/Coalescer.h"

#include <QTimer>

#include <algorithm>

Coalescer::Coalescer(int intervalMs, std::function<void()> action, QObject *parent)
    : QObject(parent)
    , m_intervalMs(std::max(0, intervalMs))
    , m_action(std::move(action))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Coalescer::runNow);
}

void Coalescer::setInterval(int milliseconds)
{
    m_intervalMs = std::max(0, milliseconds);
    if (m_intervalMs == 0 && isWaiting())
        runNow();
}

void Coalescer::request()
{
    if (m_timer->isActive())
        return; // the run already waiting covers this change too
    const qint64 sinceRun = m_sinceRun.isValid() ? m_sinceRun.elapsed() : -1;
    if (m_intervalMs == 0 || sinceRun < 0 || sinceRun >= m_intervalMs)
        runNow(); // quiet until now
    else
        m_timer->start(int(m_intervalMs - sinceRun));
}

void Coalescer::runNow()
{
    m_timer->stop();
    m_sinceRun.start();
    m_action();
}

void Coalescer::cancel()
{
    m_timer->stop();
}

bool Coalescer::isWaiting() const
{
    return m_timer->isActive();
}
