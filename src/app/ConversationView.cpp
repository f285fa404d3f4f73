#include "app/ConversationView.h"

#include "app/ConversationModel.h"
#include "app/WireColors.h"

#include <QCache>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStaticText>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <algorithm>
#include <climits>
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
    PreparedLine header; // a note's whole line
    PreparedLine preview;
};

} // namespace

class BubbleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int Margin = 4;
    static constexpr int Padding = 6;
    // Rows prepared at most: a few screenfuls; what scrolled far away is prepared again.
    static constexpr int CachedRows = 1024;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        const QFontMetrics metrics(option.font);
        return QSize(200, 2 * Margin + 2 * Padding + 2 * metrics.height() + 2);
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
        using Kind = ConversationModel::Kind;
        const QPalette &palette = option.palette;
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        const bool dark = base.lightness() < 128;
        const QColor problem = dark ? QColor(255, 140, 140) : QColor(170, 20, 20);
        const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
        const PreparedRow &row = prepared(option, index, area);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool selected = option.state & QStyle::State_Selected;

        if (row.kind == Kind::Note || row.kind == Kind::Problem) {
            painter->setPen(row.kind == Kind::Problem ? problem
                                                      : WireColors::mix(base, text, 0.6));
            row.header.draw(painter, area, Qt::AlignCenter);
            painter->restore();
            return;
        }

        // A message that never reached the wire: an outline only, and "not sent" in red.
        const bool unsent = row.kind == Kind::Unsent;
        const bool own = row.kind == Kind::Sent || unsent;
        QRect bubble(0, area.top(), row.bubbleWidth, area.height());
        bubble.moveLeft(own ? area.right() - row.bubbleWidth : area.left());

        const QColor tint = own ? WireColors::sent() : WireColors::received();
        QPen outline = selected ? QPen(palette.color(QPalette::Highlight), 2)
                                : QPen(WireColors::mix(base, tint, dark ? 0.5 : 0.35), 1);
        if (unsent)
            outline.setStyle(Qt::DashLine);
        painter->setPen(outline);
        if (unsent)
            painter->setBrush(Qt::NoBrush);
        else
            painter->setBrush(WireColors::mix(base, tint, dark ? 0.25 : 0.12));
        painter->drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

        const QRect inside = bubble.adjusted(Padding, Padding, -Padding, -Padding);
        painter->setPen(unsent ? problem : WireColors::mix(base, text, 0.6));
        row.header.draw(painter, inside, Qt::AlignLeft | Qt::AlignTop);
        painter->setPen(text);
        row.preview.draw(painter, inside, Qt::AlignLeft | Qt::AlignBottom);
        painter->restore();
    }

private:
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
        row->kind = index.data(ConversationModel::KindRole).value<ConversationModel::Kind>();
        row->areaWidth = area.width();
        row->font = option.font;
        prepare(row, option.font, index, area);
        if (complete) {
            m_prepared.insert(index.row(), row);
            return *m_prepared.object(index.row());
        }
        m_arriving.reset(row);
        return *row;
    }

    static void prepare(PreparedRow *row, const QFont &font, const QModelIndex &index,
                        const QRect &area)
    {
        using Kind = ConversationModel::Kind;
        const QFontMetrics metrics(font);
        if (row->kind == Kind::Note || row->kind == Kind::Problem) {
            QFont note = font;
            note.setItalic(row->kind == Kind::Note);
            const QString line = index.data(ConversationModel::HeaderRole).toString()
                + QStringLiteral("  ") + index.data(Qt::DisplayRole).toString();
            row->header = PreparedLine(metrics.elidedText(line, Qt::ElideRight, area.width()),
                                       note);
            return;
        }
        QFont small = font;
        small.setPointSizeF(font.pointSizeF() * 0.85);
        const QFontMetrics smallMetrics(small);
        const QString header = index.data(ConversationModel::HeaderRole).toString();
        const QString preview = index.data(Qt::DisplayRole).toString();
        const int widest = int(area.width() * 0.8);
        const int wanted = std::max(smallMetrics.horizontalAdvance(header),
                                    metrics.horizontalAdvance(preview))
            + 2 * Padding + 2;
        row->bubbleWidth = std::min(widest, wanted);
        const int insideWidth = row->bubbleWidth - 2 * Padding;
        row->header = PreparedLine(smallMetrics.elidedText(header, Qt::ElideRight, insideWidth),
                                   small);
        row->preview = PreparedLine(metrics.elidedText(preview, Qt::ElideRight, insideWidth),
                                    font);
    }

    mutable QCache<int, PreparedRow> m_prepared{CachedRows};
    mutable std::unique_ptr<PreparedRow> m_arriving; // the last row painted that is not complete
};

ConversationView::ConversationView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_delegate(new BubbleDelegate(this))
{
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAccessibleName(tr("Conversation"));
}

void ConversationView::setConversation(ConversationModel *model)
{
    setModel(model);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        // Bottom is where the view is, or where it is about to go in this pass of the loop.
        m_wasAtBottom = m_followQueued
            || verticalScrollBar()->value() >= verticalScrollBar()->maximum();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_followQueued = false;
        scrollToBottom();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_delegate->forgetAll();
        updateGeometries();
        viewport()->update();
    });
    connect(model, &QAbstractItemModel::rowsMoved, this, [this] { m_delegate->forgetAll(); });
    connect(model, &QAbstractItemModel::layoutChanged, this, [this] { m_delegate->forgetAll(); });
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
}

int ConversationView::rowHeight() const
{
    if (m_rowHeight < 0) {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        m_rowHeight = std::max(1, m_delegate->sizeHint(option, QModelIndex()).height());
    }
    return m_rowHeight;
}

int ConversationView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

QRect ConversationView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.parent() != rootIndex() || index.column() != 0)
        return {};
    const int height = rowHeight();
    return QRect(0, int(qint64(index.row()) * height - verticalOffset()), viewport()->width(),
                 height);
}

void ConversationView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    const int height = rowHeight();
    const qint64 top = qint64(index.row()) * height;
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
    const qint64 y = qint64(point.y()) + verticalOffset();
    if (!model() || y < 0 || point.x() < 0 || point.x() >= viewport()->width())
        return {};
    const qint64 row = y / rowHeight();
    if (row >= rowCount())
        return {};
    return model()->index(int(row), 0, rootIndex());
}

void ConversationView::reset()
{
    m_delegate->forgetAll();
    QAbstractItemView::reset();
}

QModelIndex ConversationView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int rows = rowCount();
    if (rows == 0)
        return {};
    const QModelIndex current = currentIndex();
    const int pageRows = std::max(1, viewport()->height() / rowHeight());
    int row = current.isValid() ? current.row() : -1;
    switch (cursorAction) {
    case MoveUp:
    case MovePrevious: row = row < 0 ? rows - 1 : row - 1; break;
    case MoveDown:
    case MoveNext: row = row + 1; break;
    case MovePageUp: row = row < 0 ? 0 : row - pageRows; break;
    case MovePageDown: row = row < 0 ? 0 : row + pageRows; break;
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
    const int rows = rowCount();
    const QRect area = rect.normalized();
    if (rows == 0 || !selectionModel())
        return;
    const qint64 top = qint64(area.top()) + verticalOffset();
    const qint64 bottom = qint64(area.bottom()) + verticalOffset();
    const int first = int(std::clamp<qint64>(top / rowHeight(), 0, rows - 1));
    const int last = int(std::clamp<qint64>(bottom / rowHeight(), 0, rows - 1));
    if (bottom < 0 || top >= qint64(rows) * rowHeight()) {
        selectionModel()->select(QItemSelection(), command);
        return;
    }
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

void ConversationView::updateScrollRange()
{
    const int height = rowHeight();
    const qint64 content = qint64(rowCount()) * height;
    const int page = viewport()->height();
    QScrollBar *bar = verticalScrollBar();
    bar->setSingleStep(height);
    bar->setPageStep(page);
    bar->setRange(0, int(std::clamp<qint64>(content - page, 0, INT_MAX)));
    horizontalScrollBar()->setRange(0, 0);
}

void ConversationView::updateGeometries()
{
    updateScrollRange();
    QAbstractItemView::updateGeometries();
}

void ConversationView::paintEvent(QPaintEvent *event)
{
    const int rows = rowCount();
    if (rows == 0)
        return;
    QPainter painter(viewport());
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QStyle::State state = option.state;
    const bool enabled = (state & QStyle::State_Enabled) != 0;
    const QModelIndex current = currentIndex();
    const bool focus = (hasFocus() || viewport()->hasFocus()) && current.isValid();
    const QItemSelectionModel *selections = selectionModel();

    // As QListView paints its rows, only without laying them all out first.
    const int height = rowHeight();
    const qint64 offset = verticalOffset();
    const QRect dirty = event->rect();
    const int first = int(std::clamp<qint64>((dirty.top() + offset) / height, 0, rows - 1));
    const int last = int(std::clamp<qint64>((dirty.bottom() + offset) / height, 0, rows - 1));
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        option.rect = QRect(0, int(qint64(row) * height - offset), viewport()->width(), height);
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
        if (focus && current == index)
            option.state |= QStyle::State_HasFocus;
        itemDelegateForIndex(index)->paint(&painter, option, index);
    }
}

void ConversationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_rowHeight = -1;
        m_delegate->forgetAll();
        updateGeometries();
    }
    QAbstractItemView::changeEvent(event);
}

void ConversationView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                   const QList<int> &roles)
{
    if (topLeft.isValid() && bottomRight.isValid())
        m_delegate->forgetRows(topLeft.row(), bottomRight.row());
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
}

void ConversationView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    if (parent != rootIndex())
        return;
    if (end + 1 < rowCount()) { // rows moved down: what was prepared for them is someone else's
        m_delegate->forgetAll();
        viewport()->update();
    }
    updateScrollRange(); // O(1): rows have one height
    const QRect inserted(0, int(qint64(start) * rowHeight() - verticalOffset()),
                         viewport()->width(), (end - start + 1) * rowHeight());
    if (inserted.intersects(viewport()->rect()))
        viewport()->update(inserted & viewport()->rect());
    if (m_wasAtBottom && !m_followQueued) {
        m_followQueued = true;
        QMetaObject::invokeMethod(this, &ConversationView::followBottom, Qt::QueuedConnection);
    }
}

void ConversationView::followBottom()
{
    if (!m_followQueued)
        return;
    m_followQueued = false;
    scrollToBottom();
}
