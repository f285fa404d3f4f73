#include "core/HexLayout.h"

#include <algorithm>
#include <cmath>

namespace {
constexpr int Margin = 1;        // cells before the offset and after the text
constexpr int OffsetGap = 2;     // cells between offset and hex
constexpr int TextGap = 2;       // cells between hex and text
constexpr int HexCellCells = 3;  // "hh "
constexpr int GroupSize = 8;     // an extra cell after every 8 bytes
} // namespace

HexLayout::HexLayout(int bytesPerRow, qreal cellWidth, qreal rowHeight, int offsetDigits)
    : m_bytesPerRow(bytesPerRow)
    , m_cellWidth(cellWidth)
    , m_rowHeight(rowHeight)
    , m_offsetDigits(offsetDigits)
{}

bool HexLayout::isBytesPerRowChoice(int bytesPerRow)
{
    return std::find(BytesPerRowChoices.begin(), BytesPerRowChoices.end(), bytesPerRow)
        != BytesPerRowChoices.end();
}

int HexLayout::offsetDigitsFor(qint64 size)
{
    int digits = 8;
    while (digits < 16 && size > (qint64(1) << (4 * digits)))
        ++digits;
    return digits;
}

qint64 HexLayout::rowCount(qint64 byteCount) const
{
    return (byteCount + m_bytesPerRow - 1) / m_bytesPerRow;
}

qreal HexLayout::offsetX() const
{
    return Margin * m_cellWidth;
}

qreal HexLayout::hexCells(int column) const
{
    return Margin + m_offsetDigits + OffsetGap + column * HexCellCells + column / GroupSize;
}

qreal HexLayout::hexX(int column) const
{
    return hexCells(column) * m_cellWidth;
}

qreal HexLayout::hexAreaRight() const
{
    // The last byte's two digits, without its trailing space.
    return (hexCells(m_bytesPerRow - 1) + 2) * m_cellWidth;
}

qreal HexLayout::textX(int column) const
{
    const qreal textStart = hexCells(m_bytesPerRow - 1) + 2 + TextGap;
    return (textStart + column) * m_cellWidth;
}

qreal HexLayout::width() const
{
    return textAreaRight() + Margin * m_cellWidth;
}

qint64 HexLayout::rowAt(qreal y) const
{
    return qint64(std::floor(y / m_rowHeight));
}

HexLayout::Hit HexLayout::hitTest(qreal x) const
{
    const qreal cells = x / m_cellWidth;
    if (cells < Margin)
        return {};
    if (cells < hexCells(0) - OffsetGap / 2.0)
        return {Area::Offset, -1};
    const qreal textStart = textX(0) / m_cellWidth;
    if (cells < textStart - TextGap / 2.0) {
        const qreal into = std::max<qreal>(0, cells - hexCells(0));
        const int groupCells = GroupSize * HexCellCells + 1;
        const int group = int(into / groupCells);
        const int inGroup = std::min(GroupSize - 1,
                                     int((into - group * groupCells) / HexCellCells));
        return {Area::Hex, std::min(m_bytesPerRow - 1, group * GroupSize + inGroup)};
    }
    const int column = int(std::floor(std::max<qreal>(0, cells - textStart)));
    if (column >= m_bytesPerRow + Margin)
        return {};
    return {Area::Text, std::min(m_bytesPerRow - 1, column)};
}
