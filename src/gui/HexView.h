#pragma once

#include "core/ByteStream.h"
#include "core/HexLayout.h"
#include "core/WireSegments.h"

#include <QAbstractScrollArea>

#include <functional>
#include <optional>

// The byte inspector's view: offset | hex | text columns over a ByteStream, painting only the
// rows on screen, so tens of MiB scroll as smoothly as a few bytes (after KDE Okteta's and
// Wireshark's byte views). In the text column a multi-byte UTF-8 character is drawn once, at
// its lead byte, and boxed together with its continuation bytes in both columns; bytes that are
// not valid UTF-8 are flagged; sent and received bytes are tinted apart; a thin line marks where
// each read (chunk) starts and a strong one where a message starts; given the TCP segments
// captured on the wire (WireSegments), a dotted line with a notch marks where each starts, and
// the segment of the byte chosen is underlined. One selection is shared by
// the hex and text columns (mouse, Shift+arrows), and copies as hex, text, or a Python or C
// literal. While the view is at the bottom it follows new bytes as they arrive.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class CopyFormat { Hex, Text, PythonBytes, CString };
    Q_ENUM(CopyFormat)

    explicit HexView(QWidget *parent = nullptr);

    // The stream is not owned; call streamAppended() after appending to it, streamReset() after
    // clearing it.
    void setStream(const ByteStream *stream);
    const ByteStream *stream() const { return m_stream; }
    void streamAppended();
    // After the first `droppedBytes` of the stream were let go (the rest moved to the front):
    // a reader at the tail stays there, one further up keeps the bytes in view that are left.
    void streamTrimmed(qint64 droppedBytes);
    void streamReset();
    // Names a connection of the stream for tooltips ("#2 127.0.0.1:51234"); empty when it has
    // no name worth telling (a client window's one connection).
    void setConnectionNames(std::function<QString(qint64 connection)> name);

    // The TCP segments captured on the wire, in the lanes of the stream (not owned; null for
    // none). Their boundaries are drawn apart from the reads', and a byte's tooltip names its
    // segment. Call wireSegmentsChanged() after adding to them.
    void setWireSegments(const WireSegments *segments);
    void wireSegmentsChanged();
    // Whether segment boundaries are drawn (the context menu turns them off when busy).
    void setShowsWireSegments(bool shown);
    bool showsWireSegments() const { return m_showsWireSegments; }
    // A capture's stream, whose every read is a captured segment: a byte's tooltip calls its
    // read a segment.
    void setReadsAreWireSegments(bool segments);
    // The segment that carried the byte at `offset`; none when none was captured.
    std::optional<WireSegments::Segment> wireSegmentAt(qint64 offset) const;
    // True where a captured segment's first byte is.
    bool startsWireSegment(qint64 offset) const;
    // Selects and scrolls to the bytes at lane offsets [laneStart, laneStart + length) of a
    // connection's direction, as far as the stream has them (from the first to the last: other
    // lanes' bytes may lie in between); false when it has none of them.
    bool selectLaneBytes(qint64 connection, ByteStream::Direction direction, qint64 laneStart,
                         qint64 length);

    // 8, 16 or 32 (HexLayout::BytesPerRowChoices). Any other count is refused: nothing
    // changes, and it returns false.
    bool setBytesPerRow(int bytesPerRow);
    int bytesPerRow() const { return m_layout.bytesPerRow(); }
    // Whether the view picks 32, 16 or 8 bytes per row to fit its width; choosing a count in
    // the context menu turns it off.
    void setAutoBytesPerRow(bool automatic);
    const HexLayout &layout() const { return m_layout; }

    // The selection: bytes [selectionStart(), selectionEnd()), empty when nothing is selected.
    void setSelection(qint64 anchor, qint64 cursor); // both ends included
    void clearSelection();
    bool hasSelection() const { return m_anchor >= 0; }
    qint64 selectionStart() const;
    qint64 selectionEnd() const;
    QByteArray selectedBytes() const;
    QString selectionAs(CopyFormat format) const;
    void copySelection(CopyFormat format) const;
    // The format Ctrl+C uses: text after a click in the text column, hex otherwise.
    CopyFormat preferredCopyFormat() const;

    // What a person hovering the byte at `offset` is told.
    QString describeByte(qint64 offset) const;
    // One line about the selection, for a status bar.
    QString describeSelection() const;

    // The byte under a point of the viewport, or -1.
    qint64 byteAt(const QPoint &point) const;
    // Where a byte's cell is in the viewport, in the hex or the text column.
    QRect cellRect(qint64 offset, HexLayout::Area area) const;

    bool followsTail() const;
    void scrollToOffset(qint64 offset);

    QSize sizeHint() const override;

signals:
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateLayout();
    void fitBytesPerRow();
    void updateScrollBars();
    qint64 firstVisibleRow() const;
    int visibleRowCount() const;
    qint64 streamSize() const;
    // The selection grows to whole characters when it is made in the text column.
    void selectTo(qint64 offset, bool extend);
    // Where the keys move from, outlined while the view has the focus: the selection's moving
    // end, or with nothing selected the first byte in view. -1 with no bytes.
    qint64 keyboardCursor() const;
    void moveCursor(qint64 offset, bool extend);
    void ensureVisible(qint64 offset);
    QString describeLane(qint64 offset) const;
    QString describeCharacter(qint64 offset) const;
    QString describeOrigin(qint64 offset) const;
    QString describeWireSegment(const WireSegments::Segment &segment) const;

    const ByteStream *m_stream = nullptr;
    std::function<QString(qint64)> m_connectionName;
    const WireSegments *m_wireSegments = nullptr;
    bool m_showsWireSegments = true;
    bool m_readsAreWireSegments = false;
    HexLayout m_layout;
    qint64 m_anchor = -1;
    qint64 m_cursor = -1;
    // What the selection started on: one byte, or one character's bytes in the text column.
    qint64 m_anchorFirst = -1;
    qint64 m_anchorLast = -1;
    HexLayout::Area m_activeArea = HexLayout::Area::Hex;
    bool m_autoBytesPerRow = false;
    bool m_dragging = false;
};
