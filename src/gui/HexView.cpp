#include "gui/HexView.h"

#include "gui/Appearance.h"
#include "gui/FocusFrame.h"
#include "gui/WireColors.h"
#include "core/ByteLiterals.h"
#include "core/BytePreview.h"
#include "core/PluralCount.h"
#include "core/Utf8.h"

#include <QActionGroup>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QStringDecoder>
#include <QToolTip>
#include <QVarLengthArray>

#include <cmath>

namespace {

QString hexByte(uchar byte)
{
    return QStringLiteral("%1").arg(byte, 2, 16, QLatin1Char('0'));
}

bool isMultiByte(Utf8::ByteRole role)
{
    return role == Utf8::ByteRole::Lead || role == Utf8::ByteRole::Continuation
        || role == Utf8::ByteRole::Incomplete;
}

// The stream offset of the last byte of the run of a character's bytes that starts with the
// byte asked about and goes on without another lane's byte in between.
qint64 runEnd(const ByteStream::Character &character)
{
    int last = character.index;
    while (last + 1 < character.count
           && character.offsets[size_t(last + 1)] == character.offsets[size_t(last)] + 1) {
        ++last;
    }
    return character.offsets[size_t(last)];
}

// Where a run of a character's bytes starts: its first byte, or one after another lane's.
bool startsRun(const ByteStream::Character &character)
{
    return character.index == 0
        || character.offsets[size_t(character.index - 1)]
        != character.offsets[size_t(character.index)] - 1;
}

// The letters of a control byte's "control picture" (␊ is LF): drawn by us, small and
// diagonal like the Unicode glyphs, since few fonts have those glyphs. Empty for other bytes.
QString controlPicture(uchar byte)
{
    switch (byte) {
    case '\n': return QStringLiteral("LF");
    case '\r': return QStringLiteral("CR");
    case '\t': return QStringLiteral("HT");
    case 0x00: return QStringLiteral("NU");
    case 0x1B: return QStringLiteral("EC");
    default: return {};
    }
}

void paintControlPicture(QPainter &painter, const QRectF &cell, const QString &letters,
                         const QColor &ink)
{
    painter.save();
    QFont small = painter.font();
    small.setPixelSize(std::max(6, int(std::min(cell.height() * 0.5, cell.width() * 1.4))));
    painter.setFont(small);
    painter.setPen(ink);
    // One letter above the other, each in half the cell, so neither reaches a neighbour.
    const QRectF upper(cell.left(), cell.top() + 1, cell.width(), cell.height() / 2);
    const QRectF lower(cell.left(), cell.top() + cell.height() / 2 - 1, cell.width(),
                       cell.height() / 2);
    painter.drawText(upper, Qt::AlignCenter, letters.left(1));
    painter.drawText(lower, Qt::AlignCenter, letters.mid(1, 1));
    painter.restore();
}

// Draws `text` centred in `box`, shrunk when it would not fit (a fallback font's glyph can be
// wider than a monospace cell) and grown up to the row height when the box is wide (an emoji
// gets all the cells of its four bytes).
void paintFitted(QPainter &painter, const QRectF &box, const QString &text, const QColor &ink)
{
    painter.save();
    QFont font = painter.font();
    const QFontMetricsF metrics(font);
    const qreal width = std::max<qreal>(1, metrics.horizontalAdvance(text));
    const qreal grow = std::min(box.width() / width, box.height() * 0.8 / metrics.height());
    const qreal scale = std::clamp<qreal>(grow, 0.5, 1.4);
    if (std::abs(scale - 1) > 0.05) {
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * scale);
        else
            font.setPixelSize(std::max(6, int(font.pixelSize() * scale)));
        painter.setFont(font);
    }
    painter.setPen(ink);
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

QString characterGlyph(char32_t codePoint)
{
    const QString character = QString::fromUcs4(&codePoint, 1);
    switch (QChar::category(codePoint)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return QStringLiteral("\u25CC") + character; // a combining mark on a dotted circle
    case QChar::Separator_Space:
        return QStringLiteral("\u2423"); // ␣: a space that is not the ASCII one
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return QStringLiteral("\u00B7");
    default:
        return character;
    }
}

QString controlName(uchar byte)
{
    switch (byte) {
    case 0x00: return HexView::tr("NUL, the zero byte");
    case 0x09: return HexView::tr("tab (\\t)");
    case 0x0A: return HexView::tr("line feed (\\n), the end of a line");
    case 0x0D: return HexView::tr("carriage return (\\r), ends a line with \\n after it");
    case 0x1B: return HexView::tr("escape (ESC)");
    case 0x7F: return HexView::tr("delete (DEL)");
    default: return HexView::tr("control character");
    }
}

QString invalidReason(uchar byte)
{
    if (Utf8::isContinuation(byte))
        return HexView::tr("a continuation byte (10xxxxxx) with no lead byte before it");
    if (byte == 0xC0 || byte == 0xC1)
        return HexView::tr("C0 and C1 could only start overlong forms, which UTF-8 forbids");
    if (byte >= 0xF5)
        return HexView::tr("bytes F5 to FF never occur in UTF-8");
    return HexView::tr("a lead byte for %1 bytes, but the bytes after it do not continue it "
                       "(or it would be an overlong form, a surrogate, or above U+10FFFF)")
        .arg(Utf8::announcedLength(byte));
}

} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    // Bytes are small things: at least 11 points, to be readable; larger with View's text size.
    const Appearance *appearance = Appearance::instance();
    setFont(appearance->fixedPitchFont(11));
    connect(appearance, &Appearance::textSizeChanged, this, [this, appearance] {
        setFont(appearance->fixedPitchFont(11));
    });
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    setAccessibleName(tr("Byte inspector"));
    updateLayout();
}

void HexView::setStream(const ByteStream *stream)
{
    m_stream = stream;
    streamReset();
}

void HexView::streamReset()
{
    m_anchor = m_cursor = -1;
    updateLayout();
    verticalScrollBar()->setValue(0);
    emit selectionChanged();
}

void HexView::streamTrimmed(qint64 droppedBytes)
{
    const bool follow = followsTail();
    const qint64 firstShown = firstVisibleRow() * m_layout.bytesPerRow() - droppedBytes;
    m_anchor = m_cursor = -1;
    updateLayout();
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(follow ? bar->maximum()
                         : int(m_layout.rowOf(std::max<qint64>(0, firstShown))));
    emit selectionChanged();
}

void HexView::setConnectionNames(std::function<QString(qint64)> name)
{
    m_connectionName = std::move(name);
}

void HexView::streamAppended()
{
    const bool follow = followsTail();
    if (HexLayout::offsetDigitsFor(streamSize()) != m_layout.offsetDigits())
        updateLayout();
    else
        updateScrollBars();
    if (follow)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    viewport()->update();
}

bool HexView::setBytesPerRow(int bytesPerRow)
{
    if (!HexLayout::isBytesPerRowChoice(bytesPerRow))
        return false; // a row's cells are sized for these; 64 once overran them
    if (bytesPerRow == m_layout.bytesPerRow())
        return true;
    const qint64 keepInView = hasSelection() ? m_cursor
                                             : firstVisibleRow() * m_layout.bytesPerRow();
    m_layout = HexLayout(bytesPerRow, m_layout.cellWidth(), m_layout.rowHeight(),
                         m_layout.offsetDigits());
    updateScrollBars();
    scrollToOffset(keepInView);
    viewport()->update();
    return true;
}

void HexView::setAutoBytesPerRow(bool automatic)
{
    m_autoBytesPerRow = automatic;
    fitBytesPerRow();
}

void HexView::fitBytesPerRow()
{
    if (!m_autoBytesPerRow)
        return;
    int fitting = HexLayout::BytesPerRowChoices.front(); // the widest that fits, or the narrowest
    for (const int count : HexLayout::BytesPerRowChoices) {
        const HexLayout candidate(count, m_layout.cellWidth(), m_layout.rowHeight(),
                                  m_layout.offsetDigits());
        if (candidate.width() <= viewport()->width())
            fitting = count;
    }
    setBytesPerRow(fitting);
}

qint64 HexView::streamSize() const
{
    return m_stream ? m_stream->size() : 0;
}

void HexView::updateLayout()
{
    const QFontMetricsF metrics(font());
    m_layout = HexLayout(m_layout.bytesPerRow(), metrics.horizontalAdvance(QLatin1Char('0')),
                         std::ceil(metrics.height()) + 2,
                         HexLayout::offsetDigitsFor(streamSize()));
    updateScrollBars();
    updateGeometry();
    viewport()->update();
}

void HexView::updateScrollBars()
{
    const qint64 rows = m_layout.rowCount(streamSize());
    const int visible = visibleRowCount();
    verticalScrollBar()->setRange(0, int(std::max<qint64>(0, rows - visible)));
    verticalScrollBar()->setPageStep(std::max(1, visible));
    verticalScrollBar()->setSingleStep(1);
    const int width = int(std::ceil(m_layout.width()));
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

qint64 HexView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int HexView::visibleRowCount() const
{
    return std::max(1, int(viewport()->height() / m_layout.rowHeight()));
}

QSize HexView::sizeHint() const
{
    const int frame = 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
    return QSize(int(std::ceil(m_layout.width())) + frame, int(m_layout.rowHeight() * 24));
}

bool HexView::followsTail() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

void HexView::scrollToOffset(qint64 offset)
{
    const qint64 row = m_layout.rowOf(std::max<qint64>(0, offset));
    verticalScrollBar()->setValue(int(std::max<qint64>(0, row - visibleRowCount() / 2)));
}

void HexView::ensureVisible(qint64 offset)
{
    const qint64 row = m_layout.rowOf(offset);
    const qint64 first = firstVisibleRow();
    const int visible = visibleRowCount();
    if (row < first)
        verticalScrollBar()->setValue(int(row));
    else if (row >= first + visible)
        verticalScrollBar()->setValue(int(row - visible + 1));
}

// --- selection -------------------------------------------------------------------------------

qint64 HexView::selectionStart() const
{
    return hasSelection() ? std::min(m_anchor, m_cursor) : 0;
}

qint64 HexView::selectionEnd() const
{
    return hasSelection() ? std::max(m_anchor, m_cursor) + 1 : 0;
}

void HexView::setSelection(qint64 anchor, qint64 cursor)
{
    const qint64 last = streamSize() - 1;
    if (last < 0) {
        clearSelection();
        return;
    }
    m_anchor = std::clamp<qint64>(anchor, 0, last);
    m_cursor = std::clamp<qint64>(cursor, 0, last);
    viewport()->update();
    emit selectionChanged();
}

void HexView::clearSelection()
{
    if (!hasSelection())
        return;
    m_anchor = m_cursor = -1;
    viewport()->update();
    emit selectionChanged();
}

QByteArray HexView::selectedBytes() const
{
    if (!hasSelection() || !m_stream)
        return {};
    return m_stream->bytes(selectionStart(), selectionEnd() - selectionStart()).toByteArray();
}

QString HexView::selectionAs(CopyFormat format) const
{
    const QByteArray bytes = selectedBytes();
    switch (format) {
    case CopyFormat::Hex: return ByteLiterals::hex(bytes);
    case CopyFormat::Text: {
        // Invalid bytes become U+FFFD; a U+FEFF in front stays (QString::fromUtf8 drops it).
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        return decoder(bytes);
    }
    case CopyFormat::PythonBytes: return ByteLiterals::python(bytes);
    case CopyFormat::CString: return ByteLiterals::c(bytes);
    }
    return {};
}

void HexView::copySelection(CopyFormat format) const
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectionAs(format));
}

HexView::CopyFormat HexView::preferredCopyFormat() const
{
    return m_activeArea == HexLayout::Area::Text ? CopyFormat::Text : CopyFormat::Hex;
}

void HexView::selectTo(qint64 offset, bool extend)
{
    qint64 first = offset;
    qint64 last = offset;
    if (m_activeArea == HexLayout::Area::Text && m_stream) {
        const ByteStream::Character character = m_stream->characterAt(offset);
        first = character.offsets[0];
        last = character.last();
    }
    if (!extend || !hasSelection()) {
        m_anchorFirst = first;
        m_anchorLast = last;
        setSelection(first, last);
        return;
    }
    // Extending keeps all of what the selection started on, whichever way it grows.
    if (first < m_anchorFirst)
        setSelection(m_anchorLast, first);
    else
        setSelection(m_anchorFirst, std::max(last, m_anchorLast));
}

qint64 HexView::keyboardCursor() const
{
    if (hasSelection())
        return m_cursor;
    if (streamSize() == 0)
        return -1;
    return std::min(streamSize() - 1, m_layout.offsetAt(firstVisibleRow(), 0));
}

void HexView::moveCursor(qint64 offset, bool extend)
{
    const qint64 size = streamSize();
    if (size == 0)
        return;
    offset = std::clamp<qint64>(offset, 0, size - 1);
    if (extend && hasSelection()) {
        setSelection(m_anchor, offset);
    } else {
        m_anchorFirst = m_anchorLast = offset;
        setSelection(offset, offset);
    }
    ensureVisible(offset);
}

// --- geometry --------------------------------------------------------------------------------

qint64 HexView::byteAt(const QPoint &point) const
{
    const HexLayout::Hit hit = m_layout.hitTest(point.x() + horizontalScrollBar()->value());
    if (hit.area != HexLayout::Area::Hex && hit.area != HexLayout::Area::Text)
        return -1;
    if (point.y() < 0)
        return -1;
    const qint64 row = firstVisibleRow() + m_layout.rowAt(point.y());
    const qint64 offset = m_layout.offsetAt(row, hit.column);
    return offset < streamSize() ? offset : -1;
}

QRect HexView::cellRect(qint64 offset, HexLayout::Area area) const
{
    const qint64 row = m_layout.rowOf(offset) - firstVisibleRow();
    const int column = m_layout.columnOf(offset);
    const qreal x = (area == HexLayout::Area::Text ? m_layout.textX(column)
                                                    : m_layout.hexX(column))
        - horizontalScrollBar()->value();
    const qreal width = area == HexLayout::Area::Text ? m_layout.cellWidth()
                                                       : 2 * m_layout.cellWidth();
    return QRectF(x, m_layout.rowY(row), width, m_layout.rowHeight()).toAlignedRect();
}

// --- painting --------------------------------------------------------------------------------

namespace {

struct Colors
{
    QColor text;
    QColor dim;
    QColor sent;
    QColor received;
    QColor invalidBack;
    QColor invalidText;
    QColor characterBack;
    QColor characterFrame;
    QColor selectionBack;
    QColor selectionText;
    QColor readLine;
    QColor messageLine;
    QColor wireSegmentMark;
    QColor chosenWireSegment;

    explicit Colors(const QPalette &palette)
    {
        const WireColors colors(palette);
        text = palette.color(QPalette::Text);
        dim = colors.softText(0.55);
        sent = colors.tint(WireColors::sent(), 0.10, 0.22);
        received = colors.tint(WireColors::received(), 0.10, 0.22);
        invalidBack = colors.tint(WireColors::invalid(), 0.30, 0.45);
        invalidText = colors.problem();
        characterBack = colors.tint(WireColors::character(), 0.15, 0.30);
        characterFrame = colors.tint(WireColors::character(), 0.65, 0.85);
        selectionBack = palette.color(QPalette::Highlight);
        selectionText = palette.color(QPalette::HighlightedText);
        readLine = colors.softText(0.5);
        messageLine = colors.messageStart();
        wireSegmentMark = colors.softText(0.9);
        chosenWireSegment = palette.color(QPalette::Highlight);
    }
};

// One row of bytes as the painting steps need it: what each byte is and where it came from.
struct Row
{
    struct Cell
    {
        uchar byte = 0;
        ByteStream::Character character;
        ByteStream::Direction direction = ByteStream::Direction::None;
        bool selected = false;
        bool readStart = false;    // a read (chunk) starts here
        bool messageStart = false; // and with it a message
        bool wireStart = false;    // a TCP segment captured on the wire starts here
        bool inChosenWireSegment = false; // carried by the segment of the byte chosen
    };

    qint64 start = 0; // the offset of its first byte
    qreal y = 0;
    // One cell a byte: at most HexLayout::MaxBytesPerRow, so none goes to the heap.
    QVarLengthArray<Cell, HexLayout::MaxBytesPerRow> cells;

    int count() const { return int(cells.size()); }
    qint64 end() const { return start + count(); }
    Utf8::ByteRole role(int column) const { return cells[column].character.byteClass.role; }
    // The column of the last byte of the character run that starts at `column`, on this row.
    int runEndColumn(int column) const
    {
        return int(std::min(end() - 1, runEnd(cells[column].character)) - start);
    }
};

// The captured segments a row shows: their boundaries, and the segment of the byte chosen.
struct WireMarks
{
    const WireSegments *segments = nullptr; // null when not shown
    qint64 chosenConnection = 0;
    ByteStream::Direction chosenDirection = ByteStream::Direction::None; // None: no segment
    qint64 chosenStart = 0; // lane offsets
    qint64 chosenEnd = 0;

    bool isChosen(const ByteStream::Segment &read, qint64 laneOffset) const
    {
        return chosenDirection != ByteStream::Direction::None
            && read.connection == chosenConnection && read.direction == chosenDirection
            && laneOffset >= chosenStart && laneOffset < chosenEnd;
    }
};

// Row `row` of the stream, whose bytes [selectedFrom, selectedTo) are selected.
Row rowOf(const ByteStream &stream, const HexLayout &layout, qint64 row, qreal y,
          qint64 selectedFrom, qint64 selectedTo, const WireMarks &wire)
{
    Row result;
    result.start = layout.offsetAt(row, 0);
    result.y = y;
    result.cells.resize(int(std::min<qint64>(stream.size() - result.start,
                                             layout.bytesPerRow())));
    qsizetype segment = stream.segmentAt(result.start);
    for (int column = 0; column < result.count(); ++column) {
        const qint64 offset = result.start + column;
        while (segment + 1 < stream.segmentCount()
               && stream.segment(segment + 1).offset <= offset) {
            ++segment;
        }
        const ByteStream::Segment &from = stream.segment(segment);
        const bool readStart = from.offset == offset && segment > 0;
        const qint64 laneOffset = from.laneOffset + offset - from.offset;
        const bool wireStart = wire.segments && offset > 0
            && wire.segments->startsSegment(from.connection, from.direction, laneOffset);
        result.cells[column] = {stream.at(offset), stream.characterAt(offset), from.direction,
                                offset >= selectedFrom && offset < selectedTo, readStart,
                                readStart && stream.startsMessage(offset), wireStart,
                                wire.isChosen(from, laneOffset)};
    }
    return result;
}

// What lies under a byte's hex digits and its text cell; invalid when nothing does.
QColor backgroundOf(const Row::Cell &cell, const Colors &colors)
{
    if (cell.selected)
        return colors.selectionBack;
    if (cell.character.byteClass.role == Utf8::ByteRole::Invalid)
        return colors.invalidBack;
    if (isMultiByte(cell.character.byteClass.role))
        return colors.characterBack;
    if (cell.direction == ByteStream::Direction::Sent)
        return colors.sent;
    if (cell.direction == ByteStream::Direction::Received)
        return colors.received;
    return {};
}

// A byte of one code unit in the text column: a control picture (␊), the ASCII character,
// or a dim dot for another control byte.
void paintSingleByte(QPainter &painter, const QRectF &box, qreal baseline, uchar byte,
                     const QColor &ink, const QColor &controlInk)
{
    const QString picture = controlPicture(byte);
    if (!picture.isEmpty()) {
        paintControlPicture(painter, box, picture, controlInk);
    } else if (byte >= 0x20 && byte < 0x7F) {
        painter.setPen(ink);
        painter.drawText(QPointF(box.left(), baseline), QString(QLatin1Char(char(byte))));
    } else {
        painter.setPen(controlInk);
        painter.drawText(QPointF(box.left(), baseline), QStringLiteral("\u00B7"));
    }
}

// Paints a row in layers: backgrounds, then the offset and each byte's hex digits and text,
// then the boxes around characters and the lines where reads start, then the keyboard cursor.
class RowPainter
{
public:
    RowPainter(QPainter &painter, const HexLayout &layout, const Colors &colors, qreal ascent)
        : m_painter(painter)
        , m_layout(layout)
        , m_colors(colors)
        , m_ascent(ascent)
    {}

    // `cursor`: the keyboard cursor's offset, or -1.
    void paint(const Row &row, qint64 cursor) const
    {
        // Backgrounds first: each cell's reaches under its neighbours' boxes and wide glyphs.
        for (int column = 0; column < row.count(); ++column)
            paintBackground(row, column);
        paintOffset(row);
        for (int column = 0; column < row.count(); ++column)
            paintByte(row, column);
        paintFramesAndReadStarts(row);
        if (cursor >= row.start && cursor < row.end())
            paintCursor(row, int(cursor - row.start));
    }

private:
    qreal baseline(const Row &row) const { return row.y + 1 + m_ascent; }
    QRectF hexCell(const Row &row, int column) const
    {
        const qreal cell = m_layout.cellWidth();
        return QRectF(m_layout.hexX(column) - cell / 2, row.y, 3 * cell, m_layout.rowHeight());
    }
    QRectF textCell(const Row &row, int column) const
    {
        return QRectF(m_layout.textX(column), row.y, m_layout.cellWidth(), m_layout.rowHeight());
    }

    void paintBackground(const Row &row, int column) const
    {
        const QColor back = backgroundOf(row.cells[column], m_colors);
        if (back.isValid()) {
            m_painter.fillRect(hexCell(row, column), back);
            m_painter.fillRect(textCell(row, column), back);
        }
    }

    void paintOffset(const Row &row) const
    {
        m_painter.setPen(m_colors.dim);
        m_painter.drawText(QPointF(m_layout.offsetX(), baseline(row)),
                           QStringLiteral("%1").arg(row.start, m_layout.offsetDigits(), 16,
                                                    QLatin1Char('0')));
    }

    // Its two hex digits, and in the text column what it stands for.
    void paintByte(const Row &row, int column) const
    {
        const Row::Cell &cell = row.cells[column];
        const bool invalid = row.role(column) == Utf8::ByteRole::Invalid;
        const QColor ink = cell.selected ? m_colors.selectionText
                                         : invalid ? m_colors.invalidText : m_colors.text;
        m_painter.setPen(ink);
        m_painter.drawText(QPointF(m_layout.hexX(column), baseline(row)), hexByte(cell.byte));
        paintText(row, column, ink);
    }

    // A character is drawn once, at its lead byte, across the cells of its bytes on this row.
    void paintText(const Row &row, int column, const QColor &ink) const
    {
        const Row::Cell &cell = row.cells[column];
        const QRectF box = textCell(row, column);
        switch (row.role(column)) {
        case Utf8::ByteRole::Single:
            paintSingleByte(m_painter, box, baseline(row), cell.byte, ink,
                            cell.selected ? ink : m_colors.dim);
            break;
        case Utf8::ByteRole::Lead:
            paintFitted(m_painter, box.united(textCell(row, row.runEndColumn(column))),
                        characterGlyph(cell.character.byteClass.codePoint), ink);
            break;
        case Utf8::ByteRole::Incomplete:
            if (cell.character.index == 0)
                m_painter.drawText(QPointF(box.left(), baseline(row)), QStringLiteral("\u2026"));
            break;
        case Utf8::ByteRole::Invalid:
            paintFitted(m_painter, box, QStringLiteral("\uFFFD"), ink);
            break;
        case Utf8::ByteRole::Continuation:
            break;
        }
    }

    void paintFramesAndReadStarts(const Row &row) const
    {
        m_painter.save();
        m_painter.setRenderHint(QPainter::Antialiasing);
        m_painter.setBrush(Qt::NoBrush);
        for (int column = 0; column < row.count(); ++column) {
            // A box around each multi-byte character's bytes on this row, in both columns.
            // Another lane's bytes in between (a reply between a message's reads) split it.
            if (isMultiByte(row.role(column))
                && (startsRun(row.cells[column].character) || column == 0)) {
                paintCharacterFrame(row, column);
            }
            if (row.cells[column].readStart)
                paintReadStart(row, column);
            if (row.cells[column].wireStart)
                paintWireSegmentStart(row, column);
            if (row.cells[column].inChosenWireSegment)
                paintChosenWireSegment(row, column);
        }
        m_painter.restore();
    }

    // Where a captured TCP segment starts: a dotted line with a notch on top, apart from a
    // read's solid line (they often fall on the same byte, and both show).
    void paintWireSegmentStart(const Row &row, int column) const
    {
        const qreal height = m_layout.rowHeight();
        const qreal notch = std::max<qreal>(5, m_layout.cellWidth() * 0.8);
        QPen dotted(m_colors.wireSegmentMark, 1.3, Qt::DotLine);
        for (const qreal x : {m_layout.hexX(column) - m_layout.cellWidth() / 2 - 2,
                              m_layout.textX(column) - 1.5}) {
            m_painter.setPen(dotted);
            m_painter.drawLine(QPointF(x, row.y), QPointF(x, row.y + height));
            const QPointF triangle[] = {{x - notch / 2, row.y}, {x + notch / 2, row.y},
                                        {x, row.y + notch}};
            m_painter.setPen(Qt::NoPen);
            m_painter.setBrush(m_colors.wireSegmentMark);
            m_painter.drawPolygon(triangle, 3);
        }
        m_painter.setBrush(Qt::NoBrush);
    }

    // The bytes of the segment that carried the byte chosen: underlined in both columns.
    void paintChosenWireSegment(const Row &row, int column) const
    {
        const qreal bottom = row.y + m_layout.rowHeight() - 1.5;
        const qreal cell = m_layout.cellWidth();
        m_painter.setPen(QPen(m_colors.chosenWireSegment, 2));
        m_painter.drawLine(QPointF(m_layout.hexX(column) - cell / 2, bottom),
                           QPointF(m_layout.hexX(column) + cell * 2.5, bottom));
        m_painter.drawLine(QPointF(m_layout.textX(column), bottom),
                           QPointF(m_layout.textX(column) + cell, bottom));
    }

    void paintCharacterFrame(const Row &row, int column) const
    {
        const qreal cell = m_layout.cellWidth();
        const qreal height = m_layout.rowHeight();
        const int lastColumn = row.runEndColumn(column);
        QPen frame(m_colors.characterFrame, 1.2);
        if (row.role(column) == Utf8::ByteRole::Incomplete)
            frame.setStyle(Qt::DashLine);
        m_painter.setPen(frame);
        m_painter.drawRoundedRect(QRectF(m_layout.hexX(column) - cell * 0.35, row.y + 1,
                                         m_layout.hexX(lastColumn) - m_layout.hexX(column)
                                             + cell * 2.7,
                                         height - 2),
                                  3, 3);
        m_painter.drawRoundedRect(QRectF(m_layout.textX(column) + 0.5, row.y + 1,
                                         (lastColumn - column + 1) * cell - 1, height - 2),
                                  3, 3);
    }

    // Where a read (chunk) starts: a thin line; where a message starts: a strong one.
    void paintReadStart(const Row &row, int column) const
    {
        const bool message = row.cells[column].messageStart;
        const qreal height = m_layout.rowHeight();
        m_painter.setPen(QPen(message ? m_colors.messageLine : m_colors.readLine,
                              message ? 2.5 : 1.2));
        const qreal hexLine = m_layout.hexX(column) - m_layout.cellWidth() / 2;
        m_painter.drawLine(QPointF(hexLine, row.y), QPointF(hexLine, row.y + height));
        m_painter.drawLine(QPointF(m_layout.textX(column), row.y),
                           QPointF(m_layout.textX(column), row.y + height));
    }

    void paintCursor(const Row &row, int column) const
    {
        m_painter.setPen(QPen(m_colors.text, 1, Qt::DotLine));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRect(QRectF(m_layout.hexX(column) - 1, row.y,
                                  2 * m_layout.cellWidth() + 2, m_layout.rowHeight() - 1));
        m_painter.drawRect(textCell(row, column));
    }

    QPainter &m_painter;
    const HexLayout &m_layout;
    const Colors &m_colors;
    qreal m_ascent;
};

} // namespace

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const Colors colors(palette());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    if (!m_stream || m_stream->isEmpty()) {
        painter.setPen(colors.dim);
        painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         tr("No bytes yet. The bytes of the conversation appear here as they "
                            "cross the wire."));
        if (hasFocus())
            paintFocusFrame(painter, *viewport());
        return;
    }
    painter.translate(-horizontalScrollBar()->value(), 0);
    const RowPainter rowPainter(painter, m_layout, colors, QFontMetricsF(font()).ascent());
    const qint64 cursor = hasFocus() ? keyboardCursor() : -1;
    const qint64 first = firstVisibleRow();
    const qint64 rows = m_layout.rowCount(streamSize());
    const int onScreen = visibleRowCount() + 1; // the last one may be partly visible
    WireMarks wire; // a capture's reads are its segments: their lines are the reads' own
    if (m_wireSegments && m_showsWireSegments && !m_readsAreWireSegments) {
        wire.segments = m_wireSegments;
        const qint64 chosen = hasSelection() ? m_cursor : -1;
        if (const auto segment = wireSegmentAt(chosen)) {
            const ByteStream::Segment &read = m_stream->segment(m_stream->segmentAt(chosen));
            wire.chosenConnection = read.connection;
            wire.chosenDirection = read.direction;
            wire.chosenStart = segment->laneStart;
            wire.chosenEnd = segment->laneEnd();
        }
    }
    for (qint64 row = first; row < std::min(rows, first + onScreen); ++row) {
        rowPainter.paint(rowOf(*m_stream, m_layout, row, m_layout.rowY(row - first),
                               selectionStart(), selectionEnd(), wire),
                         cursor);
    }
    if (hasFocus())
        paintFocusFrame(painter, *viewport());
}

// --- describing bytes ------------------------------------------------------------------------

QString HexView::describeByte(qint64 offset) const
{
    if (!m_stream || offset < 0 || offset >= streamSize())
        return {};
    const uchar byte = m_stream->at(offset);
    QStringList lines;
    lines << tr("Offset 0x%1 (%2)")
                 .arg(offset, m_layout.offsetDigits(), 16, QLatin1Char('0'))
                 .arg(offset);
    const QString lane = describeLane(offset);
    if (!lane.isEmpty())
        lines << lane;
    lines << tr("Byte 0x%1 = %2 = 0b%3")
                 .arg(hexByte(byte))
                 .arg(byte)
                 .arg(byte, 8, 2, QLatin1Char('0'));
    lines << describeCharacter(offset);
    lines << describeOrigin(offset);
    if (const auto wire = wireSegmentAt(offset); wire && !m_readsAreWireSegments)
        lines << tr("Carried on the wire in %1").arg(describeWireSegment(*wire));
    return lines.join(QLatin1Char('\n'));
}

// Where the byte is among its connection's bytes in its direction, which is where its
// character is decoded: the stream may interleave other clients and the other direction.
QString HexView::describeLane(qint64 offset) const
{
    const ByteStream::Segment &segment = m_stream->segment(m_stream->segmentAt(offset));
    const qint64 laneOffset = m_stream->laneOffset(offset);
    const QString peer = m_connectionName ? m_connectionName(segment.connection) : QString();
    const QString at = QStringLiteral("0x%1 (%2)").arg(laneOffset, 0, 16).arg(laneOffset);
    switch (segment.direction) {
    case ByteStream::Direction::Sent:
        return peer.isEmpty() ? tr("Offset %1 of the bytes sent").arg(at)
                              : tr("Offset %1 of the bytes sent to %2").arg(at, peer);
    case ByteStream::Direction::Received:
        return peer.isEmpty() ? tr("Offset %1 of the bytes received").arg(at)
                              : tr("Offset %1 of the bytes received from %2").arg(at, peer);
    case ByteStream::Direction::None:
        break;
    }
    return {};
}

QString HexView::describeCharacter(qint64 offset) const
{
    const uchar byte = m_stream->at(offset);
    const ByteStream::Character character = m_stream->characterAt(offset);
    const Utf8::ByteClass &byteClass = character.byteClass;
    const QString codePoint = QStringLiteral("U+%1").arg(uint(byteClass.codePoint), 4, 16,
                                                         QLatin1Char('0')).toUpper();
    switch (byteClass.role) {
    case Utf8::ByteRole::Single:
        if (byte >= 0x20 && byte < 0x7F)
            return tr("ASCII character '%1' (%2)").arg(QLatin1Char(char(byte))).arg(codePoint);
        return tr("ASCII %1 (%2)").arg(controlName(byte), codePoint);
    case Utf8::ByteRole::Lead:
    case Utf8::ByteRole::Continuation: {
        QStringList sequence;
        for (int i = 0; i < character.count; ++i)
            sequence << hexByte(m_stream->at(character.offsets[size_t(i)]));
        QString text = tr("Character %1 %2: %3 bytes %4 (this is byte %5 of %3)")
                           .arg(characterGlyph(byteClass.codePoint), codePoint)
                           .arg(byteClass.characterLength)
                           .arg(sequence.join(QLatin1Char(' ')))
                           .arg(character.index + 1);
        if (character.last() - character.offsets[0] >= character.count)
            text += tr(". Other bytes came in between: they belong to the other direction "
                       "or another connection.");
        return text;
    }
    case Utf8::ByteRole::Incomplete:
        return tr("The start of a %1-byte UTF-8 character that is not complete yet: the "
                  "bytes end before it does")
            .arg(byteClass.characterLength);
    case Utf8::ByteRole::Invalid:
        break;
    }
    return tr("Not valid UTF-8: %1. The server sends it back unchanged.")
        .arg(invalidReason(byte));
}

QString HexView::describeOrigin(qint64 offset) const
{
    const qsizetype index = m_stream->segmentAt(offset);
    const ByteStream::Segment &segment = m_stream->segment(index);
    int inLane = 1; // reads and sends are counted per connection and direction
    for (qsizetype i = segment.previousInLane; i >= 0; i = m_stream->segment(i).previousInLane)
        ++inLane;
    const QString span = tr("%1 byte(s) from 0x%2", nullptr, pluralCount(segment.length))
                             .arg(segment.length)
                             .arg(segment.offset, 0, 16);
    // A capture's "reads" are the segments it captured, not calls.
    const auto wire = m_readsAreWireSegments ? wireSegmentAt(offset) : std::nullopt;
    QString origin;
    switch (segment.direction) {
    case ByteStream::Direction::Sent:
        origin = wire ? tr("Sent: %1").arg(describeWireSegment(*wire))
                      : tr("Sent: send #%1, %2").arg(inLane).arg(span);
        break;
    case ByteStream::Direction::Received:
        origin = wire ? tr("Received: %1").arg(describeWireSegment(*wire))
                      : tr("Received: read #%1, %2").arg(inLane).arg(span);
        break;
    case ByteStream::Direction::None:
        origin = m_stream->segmentCount() == 1
            ? tr("From the file")
            : tr("Part %1 of %2: %3").arg(index + 1).arg(m_stream->segmentCount()).arg(span);
        break;
    }
    if (segment.messageId > 0)
        origin += tr(", message %1").arg(segment.messageId);
    if (segment.timeMs > 0)
        origin += tr(", at %1").arg(QDateTime::fromMSecsSinceEpoch(segment.timeMs)
                                        .toString(QStringLiteral("HH:mm:ss.zzz")));
    return origin;
}

QString HexView::describeSelection() const
{
    if (!hasSelection()) {
        return tr("%1 byte(s). Click or drag to select; hover a byte to learn about it.", nullptr,
                  pluralCount(streamSize()))
            .arg(streamSize());
    }
    const qint64 first = selectionStart();
    const qint64 count = selectionEnd() - first;
    QString text = tr("Selected %1 byte(s) at 0x%2-0x%3: %4", nullptr, pluralCount(count))
                       .arg(count)
                       .arg(first, 0, 16)
                       .arg(first + count - 1, 0, 16)
                       .arg(BytePreview::escaped(m_stream->bytes(first, count), 40));
    if (const auto wire = wireSegmentAt(first))
        text += tr(" (the first in %1)").arg(describeWireSegment(*wire));
    return text;
}

// --- input -----------------------------------------------------------------------------------

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const HexLayout::Hit hit = m_layout.hitTest(event->position().x()
                                                + horizontalScrollBar()->value());
    const qint64 offset = byteAt(event->position().toPoint());
    if (offset < 0)
        return;
    m_activeArea = hit.area;
    selectTo(offset, event->modifiers() & Qt::ShiftModifier);
    m_dragging = true;
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    QPoint point = event->position().toPoint();
    // Dragging past the top or bottom scrolls, and the selection follows.
    if (point.y() < 0) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() - 1);
        point.setY(0);
    } else if (point.y() >= viewport()->height()) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() + 1);
        point.setY(viewport()->height() - 1);
    }
    qint64 offset = byteAt(point);
    if (offset < 0 && streamSize() > 0 && point.y() >= 0) {
        const qint64 row = firstVisibleRow() + m_layout.rowAt(point.y());
        offset = std::min(streamSize() - 1, m_layout.offsetAt(row, m_layout.bytesPerRow() - 1));
    }
    if (offset >= 0)
        selectTo(offset, true);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    event->accept();
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection(preferredCopyFormat());
        return;
    }
    if (event == QKeySequence::SelectAll) {
        if (streamSize() > 0)
            setSelection(0, streamSize() - 1);
        return;
    }
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool wholeStream = event->modifiers() & Qt::ControlModifier;
    const qint64 at = std::max<qint64>(0, keyboardCursor());
    const int perRow = m_layout.bytesPerRow();
    switch (event->key()) {
    case Qt::Key_Left: moveCursor(at - 1, extend); break;
    case Qt::Key_Right: moveCursor(at + 1, extend); break;
    case Qt::Key_Up: moveCursor(at - perRow, extend); break;
    case Qt::Key_Down: moveCursor(at + perRow, extend); break;
    case Qt::Key_PageUp: moveCursor(at - qint64(visibleRowCount()) * perRow, extend); break;
    case Qt::Key_PageDown: moveCursor(at + qint64(visibleRowCount()) * perRow, extend); break;
    case Qt::Key_Home: moveCursor(wholeStream ? 0 : at - at % perRow, extend); break;
    case Qt::Key_End:
        moveCursor(wholeStream ? streamSize() - 1 : at - at % perRow + perRow - 1, extend);
        break;
    case Qt::Key_Escape: clearSelection(); break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
}

void HexView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update(); // the cursor shows only with the focus
}

void HexView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void HexView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const bool any = hasSelection();
    const auto addCopy = [this, &menu, any](const QString &label, CopyFormat format) {
        QAction *action = menu.addAction(label, this, [this, format] { copySelection(format); });
        action->setEnabled(any);
    };
    addCopy(tr("Copy as hex (49 20 61)"), CopyFormat::Hex);
    addCopy(tr("Copy as text"), CopyFormat::Text);
    addCopy(tr("Copy as Python bytes (b'I a')"), CopyFormat::PythonBytes);
    addCopy(tr("Copy as C string (\"I a\")"), CopyFormat::CString);
    menu.addSeparator();
    menu.addAction(tr("Select all"), this, [this] {
        if (streamSize() > 0)
            setSelection(0, streamSize() - 1);
    });
    QMenu *perRow = menu.addMenu(tr("Bytes per row"));
    auto *group = new QActionGroup(perRow);
    for (const int count : HexLayout::BytesPerRowChoices) {
        QAction *action = perRow->addAction(QString::number(count), this, [this, count] {
            m_autoBytesPerRow = false; // the person chose
            setBytesPerRow(count);
        });
        action->setCheckable(true);
        action->setChecked(count == bytesPerRow());
        group->addAction(action);
    }
    if (m_wireSegments && !m_wireSegments->isEmpty() && !m_readsAreWireSegments) {
        QAction *segments = menu.addAction(tr("Show TCP segment boundaries"), this,
                                           &HexView::setShowsWireSegments);
        segments->setCheckable(true);
        segments->setChecked(m_showsWireSegments);
    }
    menu.exec(event->globalPos());
}

bool HexView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qint64 offset = byteAt(help->pos());
        if (offset < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), describeByte(offset), viewport(),
                               cellRect(offset, m_layout.hitTest(help->pos().x()
                                                                 + horizontalScrollBar()->value())
                                                    .area));
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void HexView::resizeEvent(QResizeEvent *event)
{
    const bool follow = followsTail();
    QAbstractScrollArea::resizeEvent(event);
    fitBytesPerRow();
    updateScrollBars();
    if (follow)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateLayout();
    else if (event->type() == QEvent::PaletteChange)
        viewport()->update();
    QAbstractScrollArea::changeEvent(event);
}

// --- wire segments ---------------------------------------------------------------------------

void HexView::setWireSegments(const WireSegments *segments)
{
    m_wireSegments = segments;
    viewport()->update();
}

void HexView::wireSegmentsChanged()
{
    viewport()->update();
}

void HexView::setShowsWireSegments(bool shown)
{
    m_showsWireSegments = shown;
    viewport()->update();
}

void HexView::setReadsAreWireSegments(bool segments)
{
    m_readsAreWireSegments = segments;
}

std::optional<WireSegments::Segment> HexView::wireSegmentAt(qint64 offset) const
{
    if (!m_wireSegments || !m_stream || offset < 0 || offset >= streamSize())
        return std::nullopt;
    const ByteStream::Segment &read = m_stream->segment(m_stream->segmentAt(offset));
    return m_wireSegments->segmentAt(read.connection, read.direction,
                                     read.laneOffset + offset - read.offset);
}

bool HexView::startsWireSegment(qint64 offset) const
{
    if (!m_wireSegments || !m_stream || offset < 0 || offset >= streamSize())
        return false;
    const ByteStream::Segment &read = m_stream->segment(m_stream->segmentAt(offset));
    return m_wireSegments->startsSegment(read.connection, read.direction,
                                         read.laneOffset + offset - read.offset);
}

bool HexView::selectLaneBytes(qint64 connection, ByteStream::Direction direction,
                              qint64 laneStart, qint64 length)
{
    if (!m_stream)
        return false;
    const auto [first, end] = m_stream->streamRangeOf(connection, direction, laneStart,
                                                      laneStart + length);
    if (first >= end)
        return false;
    m_anchorFirst = first;
    m_anchorLast = end - 1;
    setSelection(first, end - 1);
    scrollToOffset(first);
    return true;
}

// One home for a segment's words: the tooltip, the selection's line, a capture's reads.
QString HexView::describeWireSegment(const WireSegments::Segment &segment) const
{
    return tr("TCP segment #%1: seq %2, %3 byte(s)", nullptr, pluralCount(segment.length))
        .arg(segment.number)
        .arg(segment.seq)
        .arg(segment.length);
}
