#include "QtPrinters.h"

#include "core/HexLayout.h"

#include <QString>

#include <gtest/gtest.h>

#include <limits>
#include <vector>

using Area = HexLayout::Area;

namespace {

const char *areaName(Area area)
{
    switch (area) {
    case Area::None: return "None";
    case Area::Offset: return "Offset";
    case Area::Hex: return "Hex";
    case Area::Text: return "Text";
    }
    return "?";
}

::testing::AssertionResult hits(const HexLayout &layout, qreal x, Area area, int column)
{
    const HexLayout::Hit hit = layout.hitTest(x);
    if (hit.area == area && (area == Area::None || area == Area::Offset || hit.column == column))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "hitTest(" << x << ") gave " << areaName(hit.area) << " column " << hit.column
           << "; expected " << areaName(area) << " column " << column;
}

struct Geometry
{
    int bytesPerRow;
    qreal cellWidth;
    qreal rowHeight;
    int offsetDigits;
};

// Every row width the view offers, with whole and fractional (high-DPI) font metrics.
std::vector<Geometry> geometries()
{
    std::vector<Geometry> all;
    for (const int bytesPerRow : {8, 16, 32}) {
        all.push_back({bytesPerRow, 8, 16, 8});
        all.push_back({bytesPerRow, 7.3, 15.6, 8});
        all.push_back({bytesPerRow, 9.75, 19.5, 11});
    }
    return all;
}

HexLayout layoutOf(const Geometry &geometry)
{
    return HexLayout(geometry.bytesPerRow, geometry.cellWidth, geometry.rowHeight,
                     geometry.offsetDigits);
}

std::string describe(const Geometry &geometry)
{
    return QStringLiteral("%1 bytes per row, cell %2 x %3, %4 offset digits")
        .arg(geometry.bytesPerRow)
        .arg(geometry.cellWidth)
        .arg(geometry.rowHeight)
        .arg(geometry.offsetDigits)
        .toStdString();
}

} // namespace

TEST(HexLayoutTest, KeepsItsParameters)
{
    const HexLayout layout(32, 7.5, 15, 9);
    EXPECT_EQ(layout.bytesPerRow(), 32);
    EXPECT_EQ(layout.cellWidth(), 7.5);
    EXPECT_EQ(layout.rowHeight(), 15);
    EXPECT_EQ(layout.offsetDigits(), 9);
}

TEST(HexLayoutTest, OffersWholeGroupsOfEightUpToThirtyTwo)
{
    for (int count = -1; count <= 2 * HexLayout::MaxBytesPerRow; ++count) {
        const bool offered = count == 8 || count == 16 || count == 32;
        EXPECT_EQ(HexLayout::isBytesPerRowChoice(count), offered) << count;
    }
    EXPECT_EQ(HexLayout::BytesPerRowChoices.back(), HexLayout::MaxBytesPerRow);
}

TEST(HexLayoutTest, OffsetRowColumnRoundTrip)
{
    for (const int bytesPerRow : {8, 16, 32}) {
        SCOPED_TRACE(bytesPerRow);
        const HexLayout layout(bytesPerRow);
        std::vector<qint64> offsets;
        for (qint64 offset = 0; offset < 4 * bytesPerRow + 3; ++offset)
            offsets.push_back(offset);
        offsets.push_back((qint64(1) << 32) - 1);
        offsets.push_back(qint64(1) << 32);
        offsets.push_back((qint64(1) << 40) + 5);
        offsets.push_back(std::numeric_limits<qint64>::max());
        for (const qint64 offset : offsets) {
            const qint64 row = layout.rowOf(offset);
            const int column = layout.columnOf(offset);
            EXPECT_GE(column, 0) << offset;
            EXPECT_LT(column, bytesPerRow) << offset;
            EXPECT_EQ(row * bytesPerRow + column, offset);
            EXPECT_EQ(layout.offsetAt(row, column), offset);
        }
        for (const qint64 row : {qint64(0), qint64(1), qint64(7), qint64(1) << 30}) {
            for (int column = 0; column < bytesPerRow; ++column) {
                const qint64 offset = layout.offsetAt(row, column);
                EXPECT_EQ(offset, row * bytesPerRow + column);
                EXPECT_EQ(layout.rowOf(offset), row);
                EXPECT_EQ(layout.columnOf(offset), column);
            }
        }
        // Consecutive offsets fill a row left to right, then wrap.
        EXPECT_EQ(layout.rowOf(bytesPerRow - 1), 0);
        EXPECT_EQ(layout.columnOf(bytesPerRow - 1), bytesPerRow - 1);
        EXPECT_EQ(layout.rowOf(bytesPerRow), 1);
        EXPECT_EQ(layout.columnOf(bytesPerRow), 0);
    }
}

TEST(HexLayoutTest, RowCount)
{
    for (const int bytesPerRow : {8, 16, 32}) {
        SCOPED_TRACE(bytesPerRow);
        const HexLayout layout(bytesPerRow);
        EXPECT_EQ(layout.rowCount(0), 0);
        EXPECT_EQ(layout.rowCount(1), 1);
        EXPECT_EQ(layout.rowCount(bytesPerRow - 1), 1);
        for (const qint64 rows :
             {qint64(1), qint64(2), qint64(3), qint64(1000), qint64(1) << 32}) {
            EXPECT_EQ(layout.rowCount(rows * bytesPerRow), rows);
            EXPECT_EQ(layout.rowCount(rows * bytesPerRow + 1), rows + 1);
            EXPECT_EQ(layout.rowCount(rows * bytesPerRow - 1), rows);
        }
        // The last byte of the stream is on the last row.
        for (qint64 size = 1; size < 5 * bytesPerRow; ++size)
            EXPECT_EQ(layout.rowCount(size), layout.rowOf(size - 1) + 1) << size;
    }
}

TEST(HexLayoutTest, HexCellsWithAWiderGapAfterEveryGroupOfEight)
{
    for (const Geometry &geometry : geometries()) {
        SCOPED_TRACE(describe(geometry));
        const HexLayout layout = layoutOf(geometry);
        const qreal cell = geometry.cellWidth;
        const int bytes = geometry.bytesPerRow;

        EXPECT_EQ(layout.hexAreaLeft(), layout.hexX(0));
        // Each byte's two digits fit before the next byte, with a space between.
        const qreal step = layout.hexX(1) - layout.hexX(0);
        EXPECT_GT(step, 2 * cell);
        for (int column = 0; column + 1 < bytes; ++column) {
            const qreal gap = layout.hexX(column + 1) - layout.hexX(column);
            EXPECT_GT(gap, 2 * cell) << column;
            if ((column + 1) % 8 == 0)
                EXPECT_GT(gap, step + cell / 2) << "no group gap after column " << column;
            else
                EXPECT_NEAR(gap, step, 1e-9) << column;
        }
        // Within a group, the same step; the group gap is the same for every group.
        if (bytes > 8) {
            EXPECT_NEAR(layout.hexX(8) - layout.hexX(0), layout.hexX(16) - layout.hexX(8),
                        1e-9);
        }
        // The area holds the last byte's two digits, and ends before the text starts.
        EXPECT_GE(layout.hexAreaRight(), layout.hexX(bytes - 1) + 2 * cell - 1e-9);
        EXPECT_LT(layout.hexAreaRight(), layout.textAreaLeft());
        // The offset digits come first, each one cell wide, and end before the hex area.
        EXPECT_GE(layout.offsetX(), 0);
        EXPECT_LT(layout.offsetX() + geometry.offsetDigits * cell, layout.hexX(0));
    }
}

TEST(HexLayoutTest, EachOffsetDigitMovesEverythingRightByACell)
{
    for (const int bytesPerRow : {8, 16, 32}) {
        const HexLayout narrow(bytesPerRow, 8, 16, 8);
        const HexLayout wide(bytesPerRow, 8, 16, 10);
        for (int column = 0; column < bytesPerRow; ++column) {
            EXPECT_EQ(wide.hexX(column) - narrow.hexX(column), 2 * 8) << column;
            EXPECT_EQ(wide.textX(column) - narrow.textX(column), 2 * 8) << column;
        }
        EXPECT_EQ(wide.width() - narrow.width(), 2 * 8);
    }
}

TEST(HexLayoutTest, TextCellsAreOneCellEach)
{
    for (const Geometry &geometry : geometries()) {
        SCOPED_TRACE(describe(geometry));
        const HexLayout layout = layoutOf(geometry);
        EXPECT_EQ(layout.textAreaLeft(), layout.textX(0));
        for (int column = 0; column < geometry.bytesPerRow; ++column) {
            EXPECT_NEAR(layout.textX(column + 1) - layout.textX(column), geometry.cellWidth,
                        1e-9)
                << column;
        }
        EXPECT_NEAR(layout.textAreaRight() - layout.textAreaLeft(),
                    geometry.bytesPerRow * geometry.cellWidth, 1e-9);
        EXPECT_GT(layout.textAreaLeft(), layout.hexAreaRight());
        EXPECT_GT(layout.width(), layout.textAreaRight());
    }
}

TEST(HexLayoutTest, HitTestAtTheMiddleOfEveryCell)
{
    for (const Geometry &geometry : geometries()) {
        SCOPED_TRACE(describe(geometry));
        const HexLayout layout = layoutOf(geometry);
        const qreal cell = geometry.cellWidth;
        for (int column = 0; column < geometry.bytesPerRow; ++column) {
            // The middle of the two hex digits, and of each digit.
            EXPECT_TRUE(hits(layout, layout.hexX(column) + cell, Area::Hex, column));
            EXPECT_TRUE(hits(layout, layout.hexX(column) + cell / 2, Area::Hex, column));
            EXPECT_TRUE(hits(layout, layout.hexX(column) + 1.5 * cell, Area::Hex, column));
            EXPECT_TRUE(hits(layout, layout.textX(column) + cell / 2, Area::Text, column));
            EXPECT_TRUE(hits(layout, layout.textX(column) + 0.1 * cell, Area::Text, column));
            EXPECT_TRUE(hits(layout, layout.textX(column) + 0.9 * cell, Area::Text, column));
        }
        for (int digit = 0; digit < geometry.offsetDigits; ++digit) {
            const qreal x = layout.offsetX() + (digit + 0.5) * cell;
            EXPECT_TRUE(hits(layout, x, Area::Offset, -1)) << "digit " << digit;
            EXPECT_EQ(layout.hitTest(x).column, -1);
        }
        EXPECT_TRUE(hits(layout, -1, Area::None, -1));
        EXPECT_TRUE(hits(layout, -1000, Area::None, -1));
        EXPECT_EQ(layout.hitTest(-1).column, -1);
    }
}

TEST(HexLayoutTest, HexAreaHasNoDeadZones)
{
    // Sweep the hex area in eighths of a cell (between cell edges, so rounding at an edge can
    // not decide): every x is on a byte, the byte whose cell or following space it is on, and
    // the column never goes back as x grows.
    for (const Geometry &geometry : geometries()) {
        SCOPED_TRACE(describe(geometry));
        const HexLayout layout = layoutOf(geometry);
        const qreal cell = geometry.cellWidth;
        const int bytes = geometry.bytesPerRow;
        int previous = 0;
        std::vector<bool> seen(size_t(bytes), false);
        for (qreal x = layout.hexX(0) + cell / 16; x <= layout.hexAreaRight(); x += cell / 8) {
            const HexLayout::Hit hit = layout.hitTest(x);
            ASSERT_EQ(hit.area, Area::Hex) << "x " << x;
            ASSERT_GE(hit.column, previous) << "x " << x;
            int expected = 0;
            while (expected + 1 < bytes && layout.hexX(expected + 1) <= x)
                ++expected;
            ASSERT_EQ(hit.column, expected) << "x " << x;
            seen[size_t(hit.column)] = true;
            previous = hit.column;
        }
        for (int column = 0; column < bytes; ++column)
            EXPECT_TRUE(seen[size_t(column)]) << "column " << column << " never hit";
        EXPECT_EQ(previous, bytes - 1);
        // Dragging on past the digits of the last byte (towards the text) stays on it, and
        // the whole text area is text, left to right.
        EXPECT_TRUE(hits(layout, layout.hexAreaRight() + cell / 4, Area::Hex, bytes - 1));
        previous = 0;
        for (qreal x = layout.textAreaLeft() + cell / 16; x < layout.textAreaRight();
             x += cell / 8) {
            const HexLayout::Hit hit = layout.hitTest(x);
            ASSERT_EQ(hit.area, Area::Text) << "x " << x;
            ASSERT_GE(hit.column, previous) << "x " << x;
            previous = hit.column;
        }
        EXPECT_EQ(previous, bytes - 1);
    }
}

TEST(HexLayoutTest, RowAt)
{
    for (const Geometry &geometry : geometries()) {
        SCOPED_TRACE(describe(geometry));
        const HexLayout layout = layoutOf(geometry);
        const qreal height = geometry.rowHeight;
        for (const qint64 row : {qint64(0), qint64(1), qint64(2), qint64(99), qint64(1) << 24}) {
            EXPECT_EQ(layout.rowY(row), row * height);
            EXPECT_EQ(layout.rowAt(layout.rowY(row) + height / 2), row);
            EXPECT_EQ(layout.rowAt(layout.rowY(row) + 0.01 * height), row);
            EXPECT_EQ(layout.rowAt(layout.rowY(row) + 0.99 * height), row);
        }
        // Above the first row is a negative row, for the caller to clamp.
        EXPECT_EQ(layout.rowAt(-height / 2), -1);
        EXPECT_EQ(layout.rowAt(-0.01), -1);
        EXPECT_EQ(layout.rowAt(-2.5 * height), -3);
    }
}

TEST(HexLayoutTest, OffsetDigitsForFitEveryOffset)
{
    // Enough hex digits for the last offset (size - 1), never fewer than 8.
    const auto needed = [](qint64 size) {
        const int digits = size > 0 ? int(QString::number(quint64(size - 1), 16).size()) : 1;
        return std::max(8, digits);
    };
    const qint64 fourGiB = qint64(1) << 32;
    EXPECT_EQ(HexLayout::offsetDigitsFor(0), 8);
    EXPECT_EQ(HexLayout::offsetDigitsFor(1), 8);
    EXPECT_EQ(HexLayout::offsetDigitsFor(1024), 8);
    EXPECT_EQ(HexLayout::offsetDigitsFor(64 * 1024 * 1024), 8);
    // 4 GiB: the last offset is FFFFFFFF.
    EXPECT_EQ(HexLayout::offsetDigitsFor(fourGiB), 8);
    EXPECT_EQ(HexLayout::offsetDigitsFor(fourGiB + 1), 9);
    EXPECT_EQ(HexLayout::offsetDigitsFor(qint64(1) << 36), 9);
    EXPECT_EQ(HexLayout::offsetDigitsFor((qint64(1) << 36) + 1), 10);
    EXPECT_EQ(HexLayout::offsetDigitsFor(std::numeric_limits<qint64>::max()), 16);

    std::vector<qint64> sizes = {0, 1, 2, 15, 16, 17, 255, 256, 257};
    for (int bits = 8; bits <= 62; ++bits) {
        const qint64 power = qint64(1) << bits;
        sizes.insert(sizes.end(), {power - 1, power, power + 1});
    }
    sizes.push_back(std::numeric_limits<qint64>::max() - 1);
    sizes.push_back(std::numeric_limits<qint64>::max());
    for (const qint64 size : sizes) {
        const int digits = HexLayout::offsetDigitsFor(size);
        EXPECT_EQ(digits, needed(size)) << "size " << size;
        if (size > 0) {
            EXPECT_LE(QString::number(quint64(size - 1), 16).size(), digits) << "size " << size;
        }
    }
}
