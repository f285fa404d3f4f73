#include "app/ConversationView.h"

#include "app/ConversationModel.h"
#include "app/WireColors.h"

#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace {

class BubbleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int Margin = 4;
    static constexpr int Padding = 6;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        const QFontMetrics metrics(option.font);
        return QSize(200, 2 * Margin + 2 * Padding + 2 * metrics.height() + 2);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        using Kind = ConversationModel::Kind;
        const auto kind = index.data(ConversationModel::KindRole).value<Kind>();
        const QPalette &palette = option.palette;
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        const bool dark = base.lightness() < 128;
        const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.85);
        const QFontMetrics metrics(option.font);
        const QFontMetrics smallMetrics(small);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool selected = option.state & QStyle::State_Selected;

        if (kind == Kind::Note || kind == Kind::Problem) {
            painter->setPen(kind == Kind::Problem ? (dark ? QColor(255, 140, 140)
                                                          : QColor(170, 20, 20))
                                                  : WireColors::mix(base, text, 0.6));
            QFont note = option.font;
            note.setItalic(kind == Kind::Note);
            painter->setFont(note);
            const QString line = index.data(ConversationModel::HeaderRole).toString()
                + QStringLiteral("  ") + index.data(Qt::DisplayRole).toString();
            painter->drawText(area, Qt::AlignCenter,
                              metrics.elidedText(line, Qt::ElideRight, area.width()));
            painter->restore();
            return;
        }

        const bool own = kind == Kind::Sent;
        const QString header = index.data(ConversationModel::HeaderRole).toString();
        const QString preview = index.data(Qt::DisplayRole).toString();
        const int widest = int(area.width() * 0.8);
        const int wanted = std::max(smallMetrics.horizontalAdvance(header),
                                    metrics.horizontalAdvance(preview))
            + 2 * Padding + 2;
        const int width = std::min(widest, wanted);
        QRect bubble(0, area.top(), width, area.height());
        bubble.moveLeft(own ? area.right() - width : area.left());

        const QColor tint = own ? WireColors::sent() : WireColors::received();
        painter->setPen(selected ? QPen(palette.color(QPalette::Highlight), 2)
                                 : QPen(WireColors::mix(base, tint, dark ? 0.5 : 0.35), 1));
        painter->setBrush(WireColors::mix(base, tint, dark ? 0.25 : 0.12));
        painter->drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

        const QRect inside = bubble.adjusted(Padding, Padding, -Padding, -Padding);
        painter->setFont(small);
        painter->setPen(WireColors::mix(base, text, 0.6));
        painter->drawText(inside, Qt::AlignLeft | Qt::AlignTop,
                          smallMetrics.elidedText(header, Qt::ElideRight, inside.width()));
        painter->setFont(option.font);
        painter->setPen(text);
        painter->drawText(inside, Qt::AlignLeft | Qt::AlignBottom,
                          metrics.elidedText(preview, Qt::ElideRight, inside.width()));
        painter->restore();
    }
};

} // namespace

ConversationView::ConversationView(QWidget *parent)
    : QListView(parent)
{
    setItemDelegate(new BubbleDelegate(this));
    setUniformItemSizes(true); // the reason 100,000 rows stay smooth
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAccessibleName(tr("Conversation"));
}

void ConversationView::setConversation(ConversationModel *model)
{
    setModel(model);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        m_wasAtBottom = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_wasAtBottom)
            scrollToBottom();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { scrollToBottom(); });
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
