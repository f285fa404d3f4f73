#include "gui/SocketCallsView.h"

#include "core/PluralCount.h"
#include "core/SocketEventText.h"
#include "gui/SocketCallsModel.h"
#include "gui/TailFollower.h"
#include "gui/WrappingDelegate.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The Python column is code, so it is set as code, at the size of the other columns (for an
// even row), in italics where the model says so (a line the lecture does not have).
QFont codeFont(const QFont &besides)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (besides.pointSizeF() > 0)
        font.setPointSizeF(besides.pointSizeF());
    font.setItalic(besides.italic());
    return font;
}

class MonospaceDelegate : public WrappingDelegate
{
public:
    using WrappingDelegate::WrappingDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        WrappingDelegate::initStyleOption(option, index);
        option->font = codeFont(option->font);
        option->fontMetrics = QFontMetrics(option->font);
    }
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
    , m_follower(new TailFollower(m_tree->verticalScrollBar()))
{
    setAccessibleName(tr("Socket calls"));
    m_tree->setAccessibleName(tr("Socket calls"));
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    // A long call or line of the lecture wraps rather than being cut: a student reads every
    // one without hovering, in half a projector's width. Only the rows shown are measured.
    m_tree->setWordWrap(true);
    m_tree->setAlternatingRowColors(true); // where a wrapped row ends
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setTextElideMode(Qt::ElideRight); // the call's name comes first; keep it
    // Whole rows per scroll step: the scroll position is the top row, which is what has to be
    // kept when rows are dropped from the top.
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->setItemDelegateForColumn(SocketCallsModel::LectureColumn,
                                     new MonospaceDelegate(m_tree));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionsMovable(false);
    m_tree->viewport()->installEventFilter(this); // its width shares out the columns

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
    clearButton->setObjectName(QStringLiteral("clearCalls"));
    clearButton->setDefaultAction(m_clearAction);
    clearButton->setAutoRaise(true);

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true); // a long status (dropped, following one client) never widens

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
    m_rowsDroppedAbove = 0;
    if (model) {
        // Connected after the tree's own connections, so the tree has taken the change in
        // before these look at its scroll bar.
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &SocketCallsView::onRowsAboutToBeRemoved);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SocketCallsView::onRowsRemoved);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &SocketCallsView::scheduleStatusUpdate);
        connect(model, &QAbstractItemModel::modelReset, this, &SocketCallsView::updateStatus);

        fitColumns();
        m_follower->follow();
    }
    updateStatus();
}

bool SocketCallsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

// Widths from the font, not ResizeToContents, which would measure rows. The call gets about a
// third, the lecture's line the rest of what the connection and the time leave; when that is
// too little to read a line, the lecture's line comes first and the others are scrolled to.
void SocketCallsView::fitColumns()
{
    if (!m_model)
        return;
    const QFontMetrics metrics(m_tree->font());
    const QFontMetrics code(codeFont(m_tree->font()));
    const int padding = 3 * metrics.averageCharWidth();
    const auto textWidth = [padding](const QFontMetrics &font, const QString &text) {
        return font.horizontalAdvance(text) + padding;
    };
    // Calls as rows will show them, in the words (and language) the rows will use.
    const auto read = [](qint64 bytes) {
        return SocketEvent::recv(SocketSide::Server, 1, 1024, bytes);
    };
    const int time = textWidth(metrics, QStringLiteral("00:00:00.000"));
    const int connection = textWidth(metrics, QStringLiteral("#999 127.0.0.1:51234"));
    const int shortCall = textWidth(metrics, SocketEventText::callAndResult(read(1024)));
    const int longCall = textWidth(metrics, SocketEventText::callAndResult(read(0)));
    const int readableLine = textWidth(
        code, SocketEventText::pythonLine(SocketEvent::accept(1, {QString(), 0})));

    const int width = m_tree->viewport()->width();
    const int call = std::clamp(width * 3 / 10, shortCall, longCall);
    int lecture = width - call - connection - time;
    if (lecture < readableLine)
        lecture = std::max(readableLine, width - call);
    QHeaderView *header = m_tree->header();
    const bool rewrap = header->sectionSize(SocketCallsModel::CallColumn) != call
        || header->sectionSize(SocketCallsModel::LectureColumn) != lecture;
    header->resizeSection(SocketCallsModel::CallColumn, call);
    header->resizeSection(SocketCallsModel::LectureColumn, lecture);
    header->resizeSection(SocketCallsModel::ConnectionColumn, connection);
    header->resizeSection(SocketCallsModel::TimeColumn, time);
    if (rewrap) // the rows' heights follow their columns' widths
        m_tree->doItemsLayout();
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

void SocketCallsView::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    // Rows dropped from the top would slide what the reader is looking at upwards; the scroll
    // position moves up by as many rows to keep it in place. Not when following the bottom.
    if (parent.isValid() || first != 0 || m_follower->isFollowing())
        return;
    for (int row = first; row <= last; ++row) // a hidden row takes no place
        m_rowsDroppedAbove += m_tree->isRowHidden(row, {}) ? 0 : 1;
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
    QString text = tr("%n call(s)", nullptr, rows);
    if (dropped > 0) {
        text += tr("; %1 older one(s) dropped to keep memory bounded (the list keeps %2, "
                   "the busiest connections losing their oldest first)",
                   nullptr, pluralCount(dropped))
                    .arg(dropped)
                    .arg(m_model->maxRows());
    }
    if (m_onlyConnection) {
        text += tr("; shown here: only those of %1 and of the listening socket")
                    .arg(m_model->connectionText(*m_onlyConnection));
    }
    m_status->setText(text);
    m_clearAction->setEnabled(rows > 0 || dropped > 0);
}

// While following, each batch of new rows is looked at (once per batch, not per call); with
// every connection shown, nothing is.
void SocketCallsView::showOnlyConnection(qint64 connectionId)
{
    showAllConnections();
    if (!m_model)
        return;
    m_onlyConnection = connectionId;
    m_hidingNewRows = connect(m_model, &QAbstractItemModel::rowsInserted, this,
                              [this](const QModelIndex &, int first, int last) {
                                  hideOtherConnections(first, last);
                              });
    hideOtherConnections(0, m_model->rowCount() - 1);
    updateStatus();
}

void SocketCallsView::showAllConnections()
{
    if (!m_onlyConnection)
        return;
    disconnect(m_hidingNewRows);
    m_onlyConnection.reset();
    for (int row = 0; m_model && row < m_model->rowCount(); ++row)
        m_tree->setRowHidden(row, {}, false);
    updateStatus();
}

void SocketCallsView::hideOtherConnections(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const qint64 connection = m_model->eventAt(row).connectionId;
        if (connection != *m_onlyConnection && connection != 0)
            m_tree->setRowHidden(row, {}, true);
    }
}
