#include "EventLoopWait.h"

#include "gui/Coalescer.h"

#include <gtest/gtest.h>

namespace {

// An interval no test waits out: what waits within it runs only when told or cancelled.
constexpr int Long = 600000;

struct Counted
{
    explicit Counted(int intervalMs)
        : coalescer(intervalMs, [this] { ++runs; }, nullptr)
    {}

    int runs = 0;
    Coalescer coalescer;
};

TEST(CoalescerTest, AfterAQuietSpellItRunsAtOnceAndWhatFollowsWaitsTogether)
{
    Counted counted(Long);
    counted.coalescer.request();
    EXPECT_EQ(counted.runs, 1); // a lone change shows without delay
    for (int i = 0; i < 1000; ++i)
        counted.coalescer.request();
    EXPECT_EQ(counted.runs, 1);
    EXPECT_TRUE(counted.coalescer.isWaiting());
    counted.coalescer.runNow();
    EXPECT_EQ(counted.runs, 2); // the thousand, once
    EXPECT_FALSE(counted.coalescer.isWaiting());
}

TEST(CoalescerTest, WhatWaitsRunsOnceTheIntervalIsUp)
{
    Counted counted(Coalescer::FrameMs);
    counted.coalescer.request();
    counted.coalescer.request(); // waits, unless the machine stalled a frame in between
    ASSERT_TRUE(waitUntil([&counted] { return !counted.coalescer.isWaiting(); }));
    EXPECT_EQ(counted.runs, 2);
}

TEST(CoalescerTest, CancelForgetsWhatWaits)
{
    Counted counted(Long);
    counted.coalescer.request();
    counted.coalescer.request();
    ASSERT_TRUE(counted.coalescer.isWaiting());
    counted.coalescer.cancel();
    EXPECT_FALSE(counted.coalescer.isWaiting());
    EXPECT_EQ(counted.runs, 1);
}

TEST(CoalescerTest, WithNoIntervalEveryRequestRuns)
{
    Counted counted(Long);
    counted.coalescer.request();
    counted.coalescer.request();
    ASSERT_TRUE(counted.coalescer.isWaiting());
    counted.coalescer.setInterval(0); // what waited runs now
    EXPECT_EQ(counted.runs, 2);
    counted.coalescer.request();
    counted.coalescer.request();
    EXPECT_EQ(counted.runs, 4);
    EXPECT_FALSE(counted.coalescer.isWaiting());
}

} // namespace
