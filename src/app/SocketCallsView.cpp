#include "app/SocketCallsView.h"

#include "app/SocketCallsModel.h"
#include "core/SocketEventText.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The Python column is code, so it is set as code.
class MonospaceDelegate : public QStyledItemDelegate
{
public:
    explicit MonospaceDelegate(QObject *parent)
        : QStyledItemDelegate(parent)
        , m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        QFont font = m_font;
        if (option->font.pointSizeF() > 0) // the size of the other columns, for an even row
            font.setPointSizeF(option->font.pointSizeF());
        option->font = font;
        option->fontMetrics = QFontMetrics(font);
    }

private:
    QFont m_font;
};

// The status line is rewritten at most this often: under a load of a thousand calls a second,
// once per call would be wasted work.
constexpr int StatusUpdateMs = 100;

} // namespace

SocketCallsView::SocketCallsView(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
    , m_clearAction(new QAction(tr("Clear"), this))
    , m_statusTimer(new QTimer(this))
{
    setAccessibleName(tr("Socket calls"));
    m_tree->setAccessibleName(tr("Socket calls"));
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setUniformRowHeights(true); // rows are laid out without asking each one its height
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setTextElideMode(Qt::ElideRight); // the call's name comes first; keep it
    // Whole rows per scroll step: the scroll position is the top row, which is what has to be
    // kept when rows are dropped from the top.
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_tree->setItemDelegateForColumn(SocketCallsModel::LectureColumn,
                                     new MonospaceDelegate(m_tree));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionsMovable(false);

    m_clearAction->setToolTip(tr("Empty the list of socket calls"));
    m_clearAction->setEnabled(false);
    connect(m_clearAction, &QAction::triggered, this, [this] {
        if (m_model)
            m_model->clear();
    });
    // Students paste calls into their notes: the selected rows, tab-separated, as shown.
    auto *copyAction = new QAction(tr("Copy"), this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &SocketCallsView::copySelection);
    m_tree->addAction(copyAction);
    m_tree->addAction(m_clearAction);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *clearButton = new QToolButton(this);
    clearButton->setDefaultAction(m_clearAction);
    clearButton->setAutoRaise(true);

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_status, 1);
    bar->addWidget(clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);

    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(StatusUpdateMs);
    connect(m_statusTimer, &QTimer::timeout, this, &SocketCallsView::updateStatus);
    updateStatus();
}

SocketCallsView::~SocketCallsView() = default;

void SocketCallsView::setModel(SocketCallsModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_tree->setModel(model);
    m_scrollPending = false;
    m_rowsDroppedAbove = 0;
    if (model) {
        // Connected after the tree's own connections, so the tree has taken the change in
        // before these look at its scroll bar.
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &SocketCallsView::onRowsAboutToBeInserted);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &SocketCallsView::onRowsAboutToBeRemoved);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SocketCallsView::onRowsRemoved);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &SocketCallsView::scheduleStatusUpdate);
        connect(model, &QAbstractItemModel::modelReset, this, &SocketCallsView::updateStatus);

        // Fixed widths from the font, not ResizeToContents, which would measure rows.
        const QFontMetrics metrics(m_tree->font());
        const int padding = 3 * metrics.averageCharWidth();
        QHeaderView *header = m_tree->header();
        header->resizeSection(SocketCallsModel::TimeColumn,
                              metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + padding);
        header->resizeSection(SocketCallsModel::ConnectionColumn,
                              metrics.horizontalAdvance(QStringLiteral("#999 127.0.0.1:51234"))
                                  + padding);
        // As wide as a typical long row, in the words (and language) rows will use.
        const QString longCall = SocketEventText::callAndResult(
            SocketEvent::recv(SocketSide::Server, 1, 1024, 0));
        header->resizeSection(SocketCallsModel::CallColumn,
                              metrics.horizontalAdvance(longCall) + padding);
        m_tree->scrollToBottom();
    }
    updateStatus();
}

void SocketCallsView::copySelection()
{
    if (!m_model)
        return;
    QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int column = 0; column < SocketCallsModel::ColumnCount; ++column)
            cells.append(m_model->index(row.row(), column).data().toString());
        lines.append(cells.join(QLatin1Char('\t')));
    }
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

QString SocketCallsView::statusText() const
{
    return m_status->text();
}

bool SocketCallsView::isAtBottom() const
{
    const QScrollBar *bar = m_tree->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void SocketCallsView::onRowsAboutToBeInserted()
{
    // Decided before the row comes in: at the bottom now means the reader is following.
    // The scroll itself waits for the event loop, so a burst of rows costs one layout and one
    // scroll, not one per row.
    if (m_scrollPending || !isAtBottom() || m_tree->verticalScrollBar()->isSliderDown())
        return;
    m_scrollPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scrollPending = false;
            m_tree->scrollToBottom();
        },
        Qt::QueuedConnection);
}

void SocketCallsView::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    // Rows dropped from the top would slide what the reader is looking at upwards; the scroll
    // position moves up by as many rows to keep it in place. Not when following the bottom.
    if (parent.isValid() || first != 0 || m_scrollPending || isAtBottom())
        return;
    m_rowsDroppedAbove += last - first + 1;
}

void SocketCallsView::onRowsRemoved()
{
    if (m_rowsDroppedAbove == 0)
        return;
    QScrollBar *bar = m_tree->verticalScrollBar();
    bar->setValue(qMax(0, bar->value() - m_rowsDroppedAbove));
    m_rowsDroppedAbove = 0;
    scheduleStatusUpdate();
}

void SocketCallsView::scheduleStatusUpdate()
{
    if (!m_statusTimer->isActive())
        m_statusTimer->start();
}

void SocketCallsView::updateStatus()
{
    m_statusTimer->stop();
    const int rows = m_model ? m_model->rowCount() : 0;
    const qint64 dropped = m_model ? m_model->droppedRows() : 0;
    // Spelled out: tr("%n call(s)") shows "call(s)" when no translation is loaded.
    QString text = rows == 1 ? tr("1 call") : tr("%1 calls").arg(rows);
    if (dropped > 0) {
        text += tr("; %1 older ones were dropped to keep memory bounded (the list keeps the "
                   "newest %2)")
                    .arg(dropped)
                    .arg(m_model->maxRows());
    }
    m_status->setText(text);
    m_clearAction->setEnabled(rows > 0 || dropped > 0);
}
