#include "QtPrinters.h"

#include "core/WindowPlacement.h"

#include <gtest/gtest.h>

namespace {

using WindowPlacement::Pair;

// The window's smallest inside at any scale, in device-independent pixels, and the height the
// demo asks for at most.
const QSize Minimum(723, 376);
constexpr int Tallest = 820;

QSize insideOf(const QRect &outer, const QMargins &frame)
{
    return outer.size().shrunkBy(frame);
}

TEST(WindowPlacementTest, AtOneTimesScaleTheTwoWindowsSitSideBySideEachHalfTheScreen)
{
    const QRect screen(0, 27, 1600, 873); // 1600x900, less a panel at the top
    const QMargins frame(1, 30, 1, 1);
    const Pair pair = WindowPlacement::forTwo(screen, frame, Minimum, Tallest);
    EXPECT_TRUE(pair.sideBySide);
    EXPECT_EQ(pair.first, QRect(0, 27, 800, 851));
    EXPECT_EQ(pair.second, QRect(800, 27, 800, 851));
    EXPECT_EQ(insideOf(pair.first, frame), QSize(798, 820));
}

TEST(WindowPlacementTest, AnOddWidthLeavesNoGapAndNoOverlap)
{
    const QRect screen(0, 0, 1601, 900);
    const Pair pair = WindowPlacement::forTwo(screen, QMargins(), Minimum, Tallest);
    ASSERT_TRUE(pair.sideBySide);
    EXPECT_EQ(pair.first.right() + 1, pair.second.left());
    EXPECT_EQ(pair.second.right(), screen.right());
}

TEST(WindowPlacementTest, AtTwiceTheScaleTheyCascadeWithinTheScreen)
{
    // 1600x900 at QT_SCALE_FACTOR=2: 800x450 device-independent pixels, and a frame as large.
    const QRect screen(0, 0, 800, 450);
    const QMargins frame(1, 15, 1, 1);
    const Pair pair = WindowPlacement::forTwo(screen, frame, Minimum, Tallest);
    EXPECT_FALSE(pair.sideBySide) << "two halves of 400 are narrower than a window can be";
    for (const QRect &outer : {pair.first, pair.second}) {
        EXPECT_TRUE(screen.contains(outer)) << outer;
        EXPECT_GE(insideOf(outer, frame).width(), Minimum.width()) << outer;
        EXPECT_GE(insideOf(outer, frame).height(), Minimum.height()) << outer;
    }
    EXPECT_EQ(pair.first.topLeft(), screen.topLeft());
    // The second leaves the first one's title bar and left edge in view, to click it forward.
    EXPECT_GE(pair.second.top() - pair.first.top(), frame.top());
    EXPECT_GT(pair.second.left(), pair.first.left());
    EXPECT_EQ(pair.first.size(), pair.second.size());
}

TEST(WindowPlacementTest, OnAScreenSmallerThanAWindowTheyStillStayOnIt)
{
    const QRect screen(0, 0, 640, 360);
    const Pair pair = WindowPlacement::forTwo(screen, QMargins(2, 20, 2, 2), Minimum, Tallest);
    EXPECT_FALSE(pair.sideBySide);
    EXPECT_TRUE(screen.contains(pair.first)) << pair.first;
    EXPECT_TRUE(screen.contains(pair.second)) << pair.second;
}

TEST(WindowPlacementTest, ALowScreenGivesTheWindowsItsHeightLessTheFrame)
{
    const QRect screen(100, 0, 1600, 700); // a second screen, to the right of the first
    const QMargins frame(4, 28, 4, 4);
    const Pair pair = WindowPlacement::forTwo(screen, frame, Minimum, Tallest);
    ASSERT_TRUE(pair.sideBySide);
    EXPECT_EQ(pair.first, QRect(100, 0, 800, 700));
    EXPECT_EQ(pair.second, QRect(900, 0, 800, 700));
}

} // namespace
