#include "core/PluralCount.h"

#include <gtest/gtest.h>

#include <limits>

namespace {

constexpr qint64 IntMax = std::numeric_limits<int>::max();

TEST(PluralCountTest, ACountThatFitsIsItself)
{
    EXPECT_EQ(pluralCount(0), 0);
    EXPECT_EQ(pluralCount(1), 1);
    EXPECT_EQ(pluralCount(21), 21);
    EXPECT_EQ(pluralCount(IntMax), IntMax);
}

// Past an int (2 GiB), a large number with the same last nine digits: plural rules look at the
// last digits (Russian: 21 and 4000000001 "one", 22 "few", 25 "many") and at smallness.
TEST(PluralCountTest, ALargerCountKeepsItsLastNineDigitsAndStaysLarge)
{
    EXPECT_EQ(pluralCount(IntMax + 1), 1147483648);
    EXPECT_EQ(pluralCount(4000000001), 1000000001);
    EXPECT_EQ(pluralCount(4294967296), 1294967296);
    EXPECT_EQ(pluralCount(12000000022), 1000000022);
    EXPECT_EQ(pluralCount(std::numeric_limits<qint64>::max()), 1854775807);
}

} // namespace
