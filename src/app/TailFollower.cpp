#include "app/TailFollower.h"

#include <QScrollBar>

TailFollower::TailFollower(QScrollBar *bar)
    : QObject(bar)
    , m_bar(bar)
{
    connect(bar, &QScrollBar::valueChanged, this, &TailFollower::onValueChanged);
    connect(bar, &QScrollBar::rangeChanged, this, &TailFollower::onRangeChanged);
}

void TailFollower::follow()
{
    m_catchUpQueued = false;
    m_following = true;
    m_bar->setValue(m_bar->maximum());
}

void TailFollower::onValueChanged(int value)
{
    m_following = value >= m_bar->maximum();
}

void TailFollower::onRangeChanged()
{
    // A range that grows leaves the value where it was, and says nothing of it: following is
    // still what it was before, and the end has moved.
    if (!m_following || m_catchUpQueued || m_bar->value() >= m_bar->maximum())
        return;
    m_catchUpQueued = true;
    QMetaObject::invokeMethod(this, &TailFollower::catchUp, Qt::QueuedConnection);
}

void TailFollower::catchUp()
{
    if (!m_catchUpQueued)
        return;
    m_catchUpQueued = false;
    if (m_following && !m_bar->isSliderDown()) // the reader holds the bar: it is theirs
        m_bar->setValue(m_bar->maximum());
}
