#include "gui/ConversationView.h"

#include "gui/ConversationModel.h"
#include "gui/FocusFrame.h"
#include "gui/TailFollower.h"
#include "gui/WireColors.h"

#include <QCache>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStaticText>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

namespace {

// One line of text as QPainter::drawText(rect, flags, text) would draw it, but laid out once:
// with Noto Color Emoji, Qt 6.4 decodes an emoji's PNG again on every measure and every
// drawText (169 µs a line), while drawing a prepared QStaticText takes 9 µs.
struct PreparedLine
{
    QStaticText text;
    QFont font; // drawStaticText draws in the painter's font: this one
    qreal advance = 0;  // what drawText centres by
    qreal natural = 0;  // the width drawText clips by
    qreal height = 0;   // ascent + descent of the line (its fallback fonts' too)
    qreal leading = 0;  // QStaticText puts a positive leading above the line

    PreparedLine() = default;
    // Measures the line; fitTo() then lays it out for drawing. Apart, so that a line found too
    // wide is shortened before it is laid out, and one that fits is shaped twice, not four
    // times (measure, elide, measure, lay out): a flood brings a screenful of new rows a frame.
    PreparedLine(const QString &line, const QFont &lineFont)
        : font(lineFont)
    {
        // The metrics of the line exactly as qt_format_text lays it out (no wrapping).
        QTextLayout layout(line, font);
        layout.beginLayout();
        QTextLine textLine = layout.createLine();
        if (textLine.isValid()) {
            textLine.setLineWidth(0x01000000);
            advance = textLine.horizontalAdvance();
            natural = textLine.naturalTextWidth();
            height = textLine.height();
            leading = std::max<qreal>(0, textLine.leading());
        }
        layout.endLayout();
        text.setTextFormat(Qt::PlainText);
        text.setText(line);
    }

    // Shortened with an ellipsis as QFontMetrics::elidedText shortens it when wider than
    // `width` (what elidedText leaves whole stays whole), then laid out for drawing.
    void fitTo(int width)
    {
        if (advance > width) {
            const QString line = text.text();
            *this = PreparedLine(QFontMetrics(font).elidedText(line, Qt::ElideRight, width),
                                 font);
        }
        text.prepare(QTransform(), font);
    }

    // Draws the line where drawText(rect, flags, line) would: the same baseline and start, and
    // clipped to `rect` when it does not fit, as drawText clips.
    void draw(QPainter *painter, const QRect &rect, Qt::Alignment flags) const
    {
        const QRectF r(rect);
        qreal y = 0;
        if (flags & Qt::AlignBottom)
            y = r.height() - height;
        else if (flags & Qt::AlignVCenter)
            y = (r.height() - height) / 2;
        qreal x = 0;
        if (flags & Qt::AlignHCenter)
            x = (r.width() - advance) / 2;
        const qreal boundsX = flags & Qt::AlignHCenter ? (r.width() - natural) / 2 : 0;
        const bool clip = !r.contains(QRectF(r.x() + boundsX, r.y() + y, natural, height));
        if (clip) {
            painter->save();
            painter->setClipRect(r, Qt::IntersectClip);
        }
        painter->setFont(font);
        painter->drawStaticText(QPointF(r.x() + x, r.y() + y - leading), text);
        if (clip)
            painter->restore();
    }
};

// Lays out a note's text centred in lines of `width`, from y = 0; returns the text's height.
qreal layOutNote(QTextLayout *layout, qreal width)
{
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return y;
}

// What a complete row paints that depends only on the row, the font and the width: measured,
// elided and laid out once.
struct PreparedRow
{
    qint64 offset = 0; // the row's identity, checked on every use
    qint64 end = 0;
    ConversationModel::Kind kind = ConversationModel::Kind::Note;
    int areaWidth = 0;
    QFont font;
    int bubbleWidth = 0;
    PreparedLine header;
    PreparedLine preview;
    std::unique_ptr<QTextLayout> note; // a note's lines, wrapped
    qreal noteHeight = 0;
};

} // namespace

class BubbleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    using Kind = ConversationModel::Kind;

    static constexpr int Margin = 4;
    static constexpr int Padding = 6;
    // Rows prepared at most: a few screenfuls; what scrolled far away is prepared again.
    static constexpr int CachedRows = 1024;

    // A bubble's height, and a note's that needs no more than two lines.
    static int baseHeight(const QFont &font)
    {
        return 2 * Margin + 2 * Padding + 2 * QFontMetrics(font).height() + 2;
    }

    static bool isNote(Kind kind) { return kind == Kind::Note || kind == Kind::Problem; }

    static QString noteText(const QModelIndex &index)
    {
        return index.data(ConversationModel::HeaderRole).toString() + QStringLiteral("  ")
            + index.data(Qt::DisplayRole).toString();
    }

    static QFont noteFont(const QFont &font, Kind kind)
    {
        QFont note = font;
        note.setItalic(kind == Kind::Note);
        return note;
    }

    // The width a note's text wraps at, in a row `rowWidth` wide.
    static int noteWidth(int rowWidth) { return std::max(1, rowWidth - 2 * (Margin + Padding)); }

    // How wide a note's text is on one line; 0 for a bubble.
    static float naturalWidth(const QModelIndex &index, const QFont &font)
    {
        const Kind kind = index.data(ConversationModel::KindRole).value<Kind>();
        if (!isNote(kind))
            return 0;
        return float(QFontMetricsF(noteFont(font, kind)).horizontalAdvance(noteText(index)));
    }

    // The height of a note's row when its text is wider than one line of the row.
    static int wrappedNoteHeight(const QModelIndex &index, const QFont &font, int rowWidth)
    {
        const Kind kind = index.data(ConversationModel::KindRole).value<Kind>();
        QTextLayout layout(noteText(index), noteFont(font, kind));
        const qreal text = layOutNote(&layout, noteWidth(rowWidth));
        return std::max(baseHeight(font), int(std::ceil(text)) + 2 * (Margin + Padding));
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(200, baseHeight(option.font));
    }

    void forgetRows(int first, int last)
    {
        if (last - first >= CachedRows) {
            forgetAll();
            return;
        }
        for (int row = first; row <= last; ++row)
            m_prepared.remove(row);
    }
    void forgetAll() { m_prepared.clear(); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
        const PreparedRow &row = prepared(option, index, area);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (isNote(row.kind))
            paintNote(painter, option, row, area);
        else
            paintBubble(painter, option, row, area);
        painter->restore();
    }

private:
    static void paintNote(QPainter *painter, const QStyleOptionViewItem &option,
                          const PreparedRow &row, const QRect &area)
    {
        const WireColors colors(option.palette);
        painter->setPen(row.kind == Kind::Problem ? colors.problem() : colors.softText(0.6));
        const QPointF origin(area.left() + Padding,
                             area.top() + (area.height() - row.noteHeight) / 2);
        row.note->draw(painter, origin);
        if (!(option.state & QStyle::State_HasFocus))
            return;
        const QRectF text = row.note->boundingRect().translated(origin);
        paintFocus(painter, option, text.adjusted(-Padding, -2, Padding, 2));
    }

    static void paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                            const PreparedRow &row, const QRect &area)
    {
        const QPalette &palette = option.palette;
        const WireColors colors(palette);
        const bool selected = option.state & QStyle::State_Selected;
        // A message that never reached the wire: an outline only, and "not sent" in red.
        const bool unsent = row.kind == Kind::Unsent;
        const bool own = row.kind == Kind::Sent || unsent;
        QRect bubble(0, area.top(), row.bubbleWidth, area.height());
        bubble.moveLeft(own ? area.right() - row.bubbleWidth : area.left());

        const QColor hue = own ? WireColors::sent() : WireColors::received();
        QPen outline = selected ? QPen(palette.color(QPalette::Highlight), 2)
                                : QPen(colors.tint(hue, 0.35, 0.5), 1);
        if (unsent)
            outline.setStyle(Qt::DashLine);
        painter->setPen(outline);
        if (unsent)
            painter->setBrush(Qt::NoBrush);
        else
            painter->setBrush(colors.tint(hue, 0.12, 0.25));
        painter->drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

        const QRect inside = bubble.adjusted(Padding, Padding, -Padding, -Padding);
        painter->setPen(unsent ? colors.problem() : colors.softText(0.6));
        row.header.draw(painter, inside, Qt::AlignLeft | Qt::AlignTop);
        painter->setPen(palette.color(QPalette::Text));
        row.preview.draw(painter, inside, Qt::AlignLeft | Qt::AlignBottom);
        if (option.state & QStyle::State_HasFocus)
            paintFocus(painter, option, QRectF(bubble).adjusted(-2.5, -2.5, 2.5, 2.5));
    }

    // Where the keyboard is: a dashed outline in the highlight colour, selected or not.
    static void paintFocus(QPainter *painter, const QStyleOptionViewItem &option,
                           const QRectF &around)
    {
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 1.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(around, 9, 9);
    }

    // The row's measured and elided lines: from the cache when the row is complete and was
    // prepared for this font and width, otherwise prepared now (a reply still arriving always).
    const PreparedRow &prepared(const QStyleOptionViewItem &option, const QModelIndex &index,
                                const QRect &area) const
    {
        const qint64 offset = index.data(ConversationModel::StreamOffsetRole).toLongLong();
        const qint64 end = index.data(ConversationModel::StreamEndRole).toLongLong();
        const bool complete = index.data(ConversationModel::CompleteRole).toBool();
        if (complete) {
            if (const PreparedRow *row = m_prepared.object(index.row());
                row && row->offset == offset && row->end == end && row->areaWidth == area.width()
                && row->font == option.font) {
                return *row;
            }
        }
        auto *row = new PreparedRow;
        row->offset = offset;
        row->end = end;
        row->kind = index.data(ConversationModel::KindRole).value<Kind>();
        row->areaWidth = area.width();
        row->font = option.font;
        if (isNote(row->kind))
            prepareNote(row, index, area);
        else
            prepareBubble(row, index, area);
        if (complete) {
            m_prepared.insert(index.row(), row);
            return *m_prepared.object(index.row());
        }
        m_arriving.reset(row);
        return *row;
    }

    static void prepareNote(PreparedRow *row, const QModelIndex &index, const QRect &area)
    {
        row->note = std::make_unique<QTextLayout>(noteText(index), noteFont(row->font, row->kind));
        row->noteHeight = layOutNote(row->note.get(), area.width() - 2 * Padding);
    }

    static void prepareBubble(PreparedRow *row, const QModelIndex &index, const QRect &area)
    {
        const QFont &font = row->font;
        QFont small = font;
        small.setPointSizeF(font.pointSizeF() * 0.85);
        const QString header = index.data(ConversationModel::HeaderRole).toString();
        const QString preview = index.data(Qt::DisplayRole).toString();
        row->header = PreparedLine(header, small);
        row->preview = PreparedLine(preview, font);
        const int widest = int(area.width() * 0.8);
        // As wide as the wider line, rounded as QFontMetrics::horizontalAdvance rounds.
        const int wanted = qRound(std::max(row->header.advance, row->preview.advance))
            + 2 * Padding + 2;
        row->bubbleWidth = std::min(widest, wanted);
        const int insideWidth = row->bubbleWidth - 2 * Padding;
        row->header.fitTo(insideWidth);
        row->preview.fitTo(insideWidth);
    }

    mutable QCache<int, PreparedRow> m_prepared{CachedRows};
    mutable std::unique_ptr<PreparedRow> m_arriving; // the last row painted that is not complete
};

ConversationView::ConversationView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_delegate(new BubbleDelegate(this))
    , m_follower(new TailFollower(verticalScrollBar()))
{
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAccessibleName(tr("Conversation"));
}

void ConversationView::setConversation(QAbstractItemModel *model)
{
    // A server window turns between everyone's conversation and one client's: the one left
    // behind must not move the view any more, nor keep a selection model alive.
    if (model == this->model())
        return;
    if (QAbstractItemModel *previous = this->model())
        disconnect(previous, nullptr, this, nullptr);
    QItemSelectionModel *previousSelection = selectionModel();
    setModel(model);
    if (previousSelection && previousSelection->parent() == this)
        previousSelection->deleteLater();
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_follower->follow(); });
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent != rootIndex() || last >= laidOutRows()) {
                    layOutAll();
                    return;
                }
                // Rows gone above the reader take their height with them: the rows read stay.
                const bool following = m_follower->isFollowing();
                const qint64 top = verticalOffset();
                const qint64 goneAbove = std::clamp(top, rowTop(first), rowTop(last + 1))
                    - rowTop(first);
                m_noteWidths.erase(m_noteWidths.begin() + first, m_noteWidths.begin() + last + 1);
                m_tops.erase(m_tops.begin() + first + 1, m_tops.begin() + last + 2);
                layOutFrom(first);
                if (!following)
                    scrollToY(top - goneAbove);
                m_delegate->forgetAll();
                viewport()->update();
            });
    connect(model, &QAbstractItemModel::rowsMoved, this, [this] {
        m_delegate->forgetAll();
        layOutAll();
    });
    connect(model, &QAbstractItemModel::layoutChanged, this, [this] {
        m_delegate->forgetAll();
        layOutAll();
    });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const qint64 offset = current.data(ConversationModel::StreamOffsetRole)
                                          .toLongLong();
                const qint64 end = current.data(ConversationModel::StreamEndRole).toLongLong();
                if (end > offset)
                    emit bytesChosen(offset, end);
            });
    layOutAll();
    m_follower->follow(); // its newest messages, as a fresh view shows them
}

int ConversationView::baseRowHeight() const
{
    if (m_baseRowHeight < 0) {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        m_baseRowHeight = std::max(1, m_delegate->sizeHint(option, QModelIndex()).height());
    }
    return m_baseRowHeight;
}

int ConversationView::rowAt(qint64 y) const
{
    if (y < 0 || y >= m_tops.back())
        return -1;
    return int(std::upper_bound(m_tops.cbegin(), m_tops.cend(), y) - m_tops.cbegin()) - 1;
}

int ConversationView::keyboardRow() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? current.row() : firstRowInView();
}

int ConversationView::firstRowInView() const
{
    const qint64 top = verticalOffset();
    const int row = std::max(0, rowAt(top));
    // A row cut at the top is not where the reader is; the one below it is, if it shows.
    if (rowTop(row) < top && row + 1 < laidOutRows()
        && rowTop(row + 1) < top + viewport()->height())
        return row + 1;
    return row;
}

// Notes' widths on one line, measured once: a note wider than its row wraps.
void ConversationView::measureNotes(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_noteWidths[size_t(row)] = BubbleDelegate::naturalWidth(
            model()->index(row, 0, rootIndex()), font());
}

// Where each row from `first` on starts. O(rows after it): an appended row costs O(1).
void ConversationView::layOutFrom(int first)
{
    const int base = baseRowHeight();
    const int width = viewport()->width();
    const float oneLine = float(BubbleDelegate::noteWidth(width));
    m_laidOutWidth = width;
    for (int row = first; row < laidOutRows(); ++row) {
        const int height = m_noteWidths[size_t(row)] <= oneLine
            ? base
            : BubbleDelegate::wrappedNoteHeight(model()->index(row, 0, rootIndex()), font(),
                                                width);
        m_tops[size_t(row) + 1] = m_tops[size_t(row)] + height;
    }
    updateScrollRange();
}

void ConversationView::layOutAll()
{
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    m_noteWidths.assign(size_t(rows), 0);
    m_tops.assign(size_t(rows) + 1, 0);
    if (rows > 0)
        measureNotes(0, rows - 1);
    layOutFrom(0);
    viewport()->update();
}

QRect ConversationView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.parent() != rootIndex() || index.column() != 0
        || index.row() >= laidOutRows())
        return {};
    return QRect(0, int(rowTop(index.row()) - verticalOffset()), viewport()->width(),
                 rowHeight(index.row()));
}

void ConversationView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid() || index.row() >= laidOutRows())
        return;
    const int height = rowHeight(index.row());
    const qint64 top = rowTop(index.row());
    const int page = viewport()->height();
    QScrollBar *bar = verticalScrollBar();
    qint64 value = bar->value();
    switch (hint) {
    case PositionAtTop: value = top; break;
    case PositionAtBottom: value = top + height - page; break;
    case PositionAtCenter: value = top - (page - height) / 2; break;
    case EnsureVisible:
        if (top < value)
            value = top;
        else if (top + height > value + page)
            value = std::min(top, top + height - page);
        break;
    }
    bar->setValue(int(std::clamp<qint64>(value, bar->minimum(), bar->maximum())));
}

QModelIndex ConversationView::indexAt(const QPoint &point) const
{
    if (!model() || point.x() < 0 || point.x() >= viewport()->width())
        return {};
    const int row = rowAt(qint64(point.y()) + verticalOffset());
    return row < 0 ? QModelIndex() : model()->index(row, 0, rootIndex());
}

void ConversationView::reset()
{
    m_delegate->forgetAll();
    QAbstractItemView::reset();
    layOutAll();
}

QModelIndex ConversationView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int rows = laidOutRows();
    if (rows == 0)
        return {};
    const QModelIndex current = currentIndex();
    const int page = viewport()->height();
    // With nothing current, the keys start at the row outlined: the first in view.
    int row = keyboardRow();
    switch (cursorAction) {
    case MoveUp: row = row - 1; break;
    case MoveDown: row = row + 1; break;
    case MovePrevious:
    case MoveNext: // Qt asks for the "first visible index" with these when given the focus
        row = current.isValid() ? row + (cursorAction == MoveNext ? 1 : -1) : row;
        break;
    case MovePageUp: row = std::max(0, rowAt(std::max<qint64>(0, rowTop(row) - page))); break;
    case MovePageDown: {
        const int below = rowAt(rowTop(row) + page);
        row = below < 0 ? rows - 1 : below;
        break;
    }
    case MoveHome: row = 0; break;
    case MoveEnd: row = rows - 1; break;
    case MoveLeft:
    case MoveRight: return current;
    }
    return model()->index(std::clamp(row, 0, rows - 1), 0, rootIndex());
}

int ConversationView::horizontalOffset() const
{
    return 0;
}

int ConversationView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool ConversationView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void ConversationView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    const int rows = laidOutRows();
    const QRect area = rect.normalized();
    if (rows == 0 || !selectionModel())
        return;
    const qint64 top = qint64(area.top()) + verticalOffset();
    const qint64 bottom = qint64(area.bottom()) + verticalOffset();
    if (bottom < 0 || top >= m_tops.back()) {
        selectionModel()->select(QItemSelection(), command);
        return;
    }
    const int first = std::max(0, rowAt(std::max<qint64>(0, top)));
    const int last = bottom >= m_tops.back() ? rows - 1 : rowAt(bottom);
    selectionModel()->select(QItemSelection(model()->index(first, 0, rootIndex()),
                                            model()->index(last, 0, rootIndex())),
                             command);
}

QRegion ConversationView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    const QRect visible = viewport()->rect();
    for (const QItemSelectionRange &range : selection) {
        if (range.parent() != rootIndex() || range.left() > 0)
            continue;
        const QRect top = visualRect(model()->index(range.top(), 0, rootIndex()));
        const QRect bottom = visualRect(model()->index(range.bottom(), 0, rootIndex()));
        region += (top | bottom) & visible;
    }
    return region;
}

void ConversationView::scrollToY(qint64 y)
{
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(int(std::clamp<qint64>(y, bar->minimum(), bar->maximum())));
}

void ConversationView::updateScrollRange()
{
    const int page = viewport()->height();
    QScrollBar *bar = verticalScrollBar();
    bar->setSingleStep(baseRowHeight());
    bar->setPageStep(page);
    bar->setRange(0, int(std::clamp<qint64>(m_tops.back() - page, 0, INT_MAX)));
    horizontalScrollBar()->setRange(0, 0);
}

void ConversationView::updateGeometries()
{
    if (viewport()->width() != m_laidOutWidth) {
        m_delegate->forgetAll();
        layOutFrom(0); // a note wraps differently
    } else {
        updateScrollRange();
    }
    QAbstractItemView::updateGeometries();
}

void ConversationView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const bool focused = hasFocus() || viewport()->hasFocus();
    const int rows = laidOutRows();
    if (rows == 0) {
        if (focused)
            paintFocusFrame(painter, *viewport());
        return;
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QStyle::State state = option.state;
    const bool enabled = (state & QStyle::State_Enabled) != 0;
    const int focusRow = focused ? keyboardRow() : -1;
    const QItemSelectionModel *selections = selectionModel();

    // As QListView paints its rows, only without laying them all out first.
    const qint64 offset = verticalOffset();
    const QRect dirty = event->rect();
    const int first = std::max(0, rowAt(dirty.top() + offset));
    for (int row = first; row < rows && rowTop(row) - offset <= dirty.bottom(); ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        option.rect = QRect(0, int(rowTop(row) - offset), viewport()->width(), rowHeight(row));
        option.state = state;
        if (selections && selections->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (enabled) {
            QPalette::ColorGroup group = QPalette::Normal;
            if (!(model()->flags(index) & Qt::ItemIsEnabled)) {
                option.state &= ~QStyle::State_Enabled;
                group = QPalette::Disabled;
            }
            option.palette.setCurrentColorGroup(group);
        }
        if (row == focusRow)
            option.state |= QStyle::State_HasFocus;
        itemDelegateForIndex(index)->paint(&painter, option, index);
    }
    if (focused)
        paintFocusFrame(painter, *viewport());
}

void ConversationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_baseRowHeight = -1;
        m_delegate->forgetAll();
        layOutAll();
    }
    QAbstractItemView::changeEvent(event);
}

void ConversationView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                   const QList<int> &roles)
{
    if (topLeft.isValid() && bottomRight.isValid()) {
        m_delegate->forgetRows(topLeft.row(), bottomRight.row());
        const int last = std::min(bottomRight.row(), laidOutRows() - 1);
        // Only a note's height can change with its data, and only with its text.
        const bool text = roles.isEmpty() || roles.contains(Qt::DisplayRole)
            || roles.contains(ConversationModel::HeaderRole);
        bool notes = false;
        for (int row = topLeft.row(); row <= last && text && !notes; ++row)
            notes = m_noteWidths[size_t(row)] > 0;
        if (notes) {
            measureNotes(topLeft.row(), last);
            layOutFrom(topLeft.row());
        }
    }
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
}

void ConversationView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    if (parent != rootIndex())
        return;
    const bool following = m_follower->isFollowing();
    const qint64 top = verticalOffset();
    const bool movedDown = end + 1 < model()->rowCount(rootIndex());
    if (movedDown) { // what was prepared for those rows is someone else's
        m_delegate->forgetAll();
        viewport()->update();
    }
    const size_t count = size_t(end - start + 1);
    m_noteWidths.insert(m_noteWidths.begin() + start, count, 0);
    m_tops.insert(m_tops.begin() + start + 1, count, m_tops[size_t(start)]);
    measureNotes(start, end);
    layOutFrom(start); // O(1) for rows added at the end
    if (movedDown && !following && rowTop(start) <= top) // the rows read stay in view
        scrollToY(top + rowTop(end + 1) - rowTop(start));
    const QRect inserted(0, int(rowTop(start) - verticalOffset()), viewport()->width(),
                         int(std::min<qint64>(m_tops.back() - rowTop(start), INT_MAX / 2)));
    if (inserted.intersects(viewport()->rect()))
        viewport()->update(inserted & viewport()->rect());
}
