#pragma once

#include <QtGlobal>

#include <array>

// Where everything sits in a hex view of `bytesPerRow` (8, 16 or 32) bytes a row, in pixels for
// a monospace font of the given cell size: an offset column, the hex column (bytes in groups of
// 8, "49 20 61 6d"), and the text column (one cell per byte). No widgets: the view paints and
// hit-tests with it, and tests check it alone.
//
//   [offset digits]  [hh hh hh hh hh hh hh hh  hh hh ...]  [text cells]
class HexLayout
{
public:
    enum class Area { None, Offset, Hex, Text };

    struct Hit
    {
        Area area = Area::None;
        int column = -1; // 0 .. bytesPerRow - 1 in the Hex and Text areas
    };

    // The bytes a row a view offers: one, two or four groups of 8.
    static constexpr std::array<int, 3> BytesPerRowChoices{8, 16, 32};
    static constexpr int MaxBytesPerRow = 32;
    static bool isBytesPerRowChoice(int bytesPerRow);

    HexLayout(int bytesPerRow = 16, qreal cellWidth = 8, qreal rowHeight = 16,
              int offsetDigits = 8);

    int bytesPerRow() const { return m_bytesPerRow; }
    qreal cellWidth() const { return m_cellWidth; }
    qreal rowHeight() const { return m_rowHeight; }
    int offsetDigits() const { return m_offsetDigits; }

    // Enough hex digits for the offset of every byte of a stream of `size` bytes (at least 8).
    static int offsetDigitsFor(qint64 size);

    qint64 rowCount(qint64 byteCount) const;
    qint64 rowOf(qint64 offset) const { return offset / m_bytesPerRow; }
    int columnOf(qint64 offset) const { return int(offset % m_bytesPerRow); }
    qint64 offsetAt(qint64 row, int column) const { return row * m_bytesPerRow + column; }

    qreal offsetX() const;
    qreal hexX(int column) const;  // left edge of the byte's two hex digits
    qreal textX(int column) const; // left edge of the byte's text cell
    qreal hexAreaLeft() const { return hexX(0); }
    qreal hexAreaRight() const;
    qreal textAreaLeft() const { return textX(0); }
    qreal textAreaRight() const { return textX(m_bytesPerRow); }
    qreal width() const;

    qint64 rowAt(qreal y) const; // may be negative or past the end: the caller clamps
    qreal rowY(qint64 row) const { return row * m_rowHeight; }

    // Which area and byte column the x position falls on. In the hex column, the space after
    // a byte (and the gap after a group) counts as that byte, so a drag has no dead zones.
    Hit hitTest(qreal x) const;

private:
    // Positions in cells; pixels are cells times the cell width.
    qreal hexCells(int column) const;

    int m_bytesPerRow;
    qreal m_cellWidth;
    qreal m_rowHeight;
    int m_offsetDigits;
};
