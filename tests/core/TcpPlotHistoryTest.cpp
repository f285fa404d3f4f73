#include "core/TcpPlotHistory.h"

#include <gtest/gtest.h>

namespace {

using Sample = TcpPlotHistory::Sample;

TEST(TcpPlotHistoryTest, AxesEndAtARoundNumberAtLeastTheLargestInView)
{
    EXPECT_EQ(TcpPlotHistory::roundUp(0), 1);
    EXPECT_EQ(TcpPlotHistory::roundUp(1), 1);
    EXPECT_EQ(TcpPlotHistory::roundUp(3), 5);
    EXPECT_EQ(TcpPlotHistory::roundUp(7), 10);
    EXPECT_EQ(TcpPlotHistory::roundUp(10), 10);
    EXPECT_EQ(TcpPlotHistory::roundUp(11), 20);
    EXPECT_EQ(TcpPlotHistory::roundUp(2'500'000), 5'000'000);

    // Nothing, or next to nothing: the smallest scales, not "1 byte".
    TcpPlotHistory history;
    EXPECT_EQ(history.bytesTop(), TcpPlotHistory::MinBytesTop);
    EXPECT_EQ(history.rttTopUs(), TcpPlotHistory::MinRttTopUs);
    history.add({500'000, 3, 0, 20});
    EXPECT_EQ(history.bytesTop(), TcpPlotHistory::MinBytesTop);
    EXPECT_EQ(history.rttTopUs(), TcpPlotHistory::MinRttTopUs);
    history.add({1'000'000, 1200, 300, 450});
    history.add({2'000'000, 70'000, 0, -1}); // no RTT said: not plotted, not scaled to
    EXPECT_EQ(history.bytesTop(), 100'000);
    EXPECT_EQ(history.rttTopUs(), 500);
}

TEST(TcpPlotHistoryTest, TimeRunsAcrossTheSpanEndingAtTheNewestSample)
{
    TcpPlotHistory history(100, 10'000'000);
    history.add({5'000'000, 10, 0, 1});
    EXPECT_DOUBLE_EQ(history.x(5'000'000, 200), 200);
    history.add({20'000'000, 10, 0, 1});
    EXPECT_DOUBLE_EQ(history.x(20'000'000, 200), 200);
    EXPECT_DOUBLE_EQ(history.x(15'000'000, 200), 100);
    EXPECT_DOUBLE_EQ(history.x(10'000'000, 200), 0);
    EXPECT_LT(history.x(5'000'000, 200), 0); // before the span: off the left edge
}

// A connection a few seconds old fills the plot rather than its right edge: the time shown is
// what there is, at least MinSpanUs, at most the span.
TEST(TcpPlotHistoryTest, AYoungHistoryIsSpreadAcrossThePlot)
{
    TcpPlotHistory history(100, 30'000'000);
    history.add({10'000'000, 1, 0, 1});
    history.add({20'000'000, 1, 0, 1});
    EXPECT_DOUBLE_EQ(history.x(10'000'000, 200), 0);
    EXPECT_DOUBLE_EQ(history.x(15'000'000, 200), 100);
    history.add({21'000'000, 1, 0, 1}); // 11 s of it
    EXPECT_DOUBLE_EQ(history.x(10'000'000, 220), 0);

    TcpPlotHistory young(100, 30'000'000);
    young.add({1'000'000, 1, 0, 1});
    young.add({2'000'000, 1, 0, 1});
    EXPECT_DOUBLE_EQ(young.x(2'000'000 - TcpPlotHistory::MinSpanUs, 200), 0);
}

// Drawn now, the plot ends now: a value that has not changed since holds to the right edge,
// as a plateau, and its sample moves left as time passes.
TEST(TcpPlotHistoryTest, ThePlotCanEndNowAfterTheNewestSample)
{
    TcpPlotHistory history(100, 30'000'000);
    history.add({10'000'000, 1, 0, 1});
    history.add({20'000'000, 4000, 0, 1});
    const qint64 now = 30'000'000;
    EXPECT_EQ(history.shownSpanUs(now), 20'000'000);
    EXPECT_DOUBLE_EQ(history.x(20'000'000, 200, now), 100);
    EXPECT_DOUBLE_EQ(history.x(now, 200, now), 200);
    // An end before the newest sample is the newest sample.
    EXPECT_DOUBLE_EQ(history.x(20'000'000, 200, 15'000'000), 200);
    // Long after, the old samples leave the view; the last one still holds, and sets the scale.
    EXPECT_EQ(history.firstInView(100'000'000), 1u);
    EXPECT_EQ(history.bytesTop(100'000'000), 5000);
}

TEST(TcpPlotHistoryTest, ValuesRiseFromTheBottomToTheTop)
{
    EXPECT_DOUBLE_EQ(TcpPlotHistory::y(0, 1000, 80), 80);
    EXPECT_DOUBLE_EQ(TcpPlotHistory::y(500, 1000, 80), 40);
    EXPECT_DOUBLE_EQ(TcpPlotHistory::y(1000, 1000, 80), 0);
}

TEST(TcpPlotHistoryTest, OnlyTheSamplesInViewSetTheScale)
{
    TcpPlotHistory history(100, 10'000'000);
    history.add({1'000'000, 900'000, 0, 9000});
    history.add({15'000'000, 2000, 0, 400});
    history.add({30'000'000, 3000, 0, 200});
    history.add({31'000'000, 4000, 0, 300});
    // In view: the last 10 s, from 21 s. The first sample ended at 15 s, long before; the
    // second holds from 15 s to 30 s, so it is drawn from the left edge and counts.
    EXPECT_EQ(history.bytesTop(), 5000);
    EXPECT_EQ(history.rttTopUs(), 500);
    EXPECT_EQ(history.firstInView(), 1u);
}

TEST(TcpPlotHistoryTest, KeepsAtMostItsNumberOfSamplesDroppingTheOldest)
{
    TcpPlotHistory history(3, 10'000'000);
    for (qint64 i = 1; i <= 5; ++i)
        history.add({i * 1000, i, 0, -1});
    ASSERT_EQ(history.samples().size(), 3u);
    EXPECT_EQ(history.samples().front().timeUs, 3000);
    EXPECT_EQ(history.samples().back().toSend, 5);
    history.clear();
    EXPECT_TRUE(history.samples().empty());
}

} // namespace
