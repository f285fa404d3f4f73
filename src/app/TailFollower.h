#pragma once

#include <QObject>

class QScrollBar;

// Keeps a scroll bar at its end while the reader is there, as a chat or a log does: a list that
// grows, or a view that gets shorter, scrolls on to its newest row, once per pass of the event
// loop however many rows came. Scrolling away stops it; scrolling back to the end starts it
// again. Whether the reader is at the end is decided when the bar moves, not when rows come:
// by then a view that got shorter (the window's bar grew a line) would seem scrolled away.
class TailFollower : public QObject
{
    Q_OBJECT

public:
    // Follows from the start; the bar is not owned (it is the parent).
    explicit TailFollower(QScrollBar *bar);

    bool isFollowing() const { return m_following; }
    // Scrolls to the end now and follows from here on.
    void follow();

private:
    void onValueChanged(int value);
    void onRangeChanged();
    void catchUp();

    QScrollBar *m_bar;
    bool m_following = true;
    bool m_catchUpQueued = false;
};
