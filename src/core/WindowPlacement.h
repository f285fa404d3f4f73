#pragma once

#include <QMargins>
#include <QRect>
#include <QSize>

// Where the demo's two windows go on a screen. Side by side, each half the screen, when two fit
// at the width a window needs; otherwise cascaded, the second below and right of the first by a
// title bar, so each is as large as the screen allows and the first can still be clicked
// forward. Everything is in the screen's device-independent pixels: at QT_SCALE_FACTOR=2 a
// 1600x900 screen is 800x450, where two windows can not sit side by side.
//
// Rects are the windows' outer edges, frame included (what QWidget::move() places); `frame` is
// what the window manager adds around a window's inside (title bar, borders), so an inside is
// the rect shrunk by it. An outer rect never leaves `available`, even when a window would need
// more (its minimum then wins on screen, and the caller should lower it).
namespace WindowPlacement {

struct Pair
{
    QRect first;
    QRect second;
    bool sideBySide = false;
};

// `minimum`: the smallest inside a window can have; `tallest`: the inside height wanted at most.
Pair forTwo(const QRect &available, const QMargins &frame, const QSize &minimum, int tallest);

// How far the second window of a cascade sits from the first, at least: a title bar's worth
// when the frame is not known (no window manager, or not yet).
constexpr int MinimumCascadeStep = 32;

} // namespace WindowPlacement
