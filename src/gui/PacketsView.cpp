#include "gui/PacketsView.h"

#include "core/PluralCount.h"
#include "gui/PacketsModel.h"
#include "gui/TailFollower.h"
#include "gui/WrappingDelegate.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

// The rows of one connection and of the listening socket, or all of them.
class PacketsView::ConnectionFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setConnection(std::optional<qint64> connection)
    {
        m_connection = connection;
        invalidateRowsFilter();
    }
    std::optional<qint64> connection() const { return m_connection; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &) const override
    {
        if (!m_connection)
            return true;
        const auto *model = static_cast<const PacketsModel *>(sourceModel());
        const qint64 connection = model->eventAt(sourceRow).connectionId;
        return connection == *m_connection || connection == 0;
    }

private:
    std::optional<qint64> m_connection;
};

namespace {

// As the calls list: the status line is rewritten at most this often under load.
constexpr int StatusUpdateMs = 100;

} // namespace

PacketsView::PacketsView(QWidget *parent)
    : QWidget(parent)
    , m_shown(new ConnectionFilter(this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
    , m_statusTimer(new QTimer(this))
    , m_follower(new TailFollower(m_tree->verticalScrollBar()))
{
    setAccessibleName(tr("Packets"));
    m_tree->setAccessibleName(tr("Packets"));
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    // A long call among the segments wraps rather than being cut.
    m_tree->setWordWrap(true);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->setAlternatingRowColors(true); // where a wrapped row ends
    // The columns share out the viewport's width: it does not change when the list grows long.
    m_tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionsMovable(false);
    m_tree->setModel(m_shown);
    m_tree->viewport()->installEventFilter(this); // its width shares out the columns

    // The command that allows capturing is meant to be copied.
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);

    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(StatusUpdateMs);
    connect(m_statusTimer, &QTimer::timeout, this, &PacketsView::updateStatus);
    updateStatus();
}

PacketsView::~PacketsView() = default;

bool PacketsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

// Widths from the font, not from the rows (which would measure every one). The direction and
// the time take what they need; what happened takes the rest of the width and wraps in it, down
// to a short segment's line (past that the time is scrolled to).
void PacketsView::fitColumns()
{
    const QFontMetrics metrics(m_tree->font());
    const auto width = [&metrics](const QString &text) {
        return metrics.horizontalAdvance(text) + 3 * metrics.averageCharWidth();
    };
    const int direction = width(tr("← received"));
    const int time = width(QStringLiteral("00:00:00.000000"));
    const int what = std::max(width(QStringLiteral("PSH/ACK 1024 bytes")),
                              m_tree->viewport()->width() - direction - time);
    QHeaderView *header = m_tree->header();
    const bool rewrap = header->sectionSize(PacketsModel::WhatColumn) != what;
    header->resizeSection(PacketsModel::DirectionColumn, direction);
    header->resizeSection(PacketsModel::WhatColumn, what);
    header->resizeSection(PacketsModel::TimeColumn, time);
    // Scrolled to, yet as wide as it needs: a connection that wrapped would make its row tall.
    header->resizeSection(PacketsModel::ConnectionColumn,
                          width(QStringLiteral("#999 127.0.0.1:51234")));
    if (rewrap) // the rows' heights follow the column's width
        m_tree->doItemsLayout();
}

void PacketsView::setModel(PacketsModel *model)
{
    m_model = model;
    m_shown->setSourceModel(model);
    connect(model, &QAbstractItemModel::rowsInserted, this, &PacketsView::scheduleStatusUpdate);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PacketsView::scheduleStatusUpdate);
    connect(model, &QAbstractItemModel::modelReset, this, &PacketsView::updateStatus);
    fitColumns();
    m_follower->follow();
    updateStatus();
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const SocketEvent event = m_model->eventAt(m_shown->mapToSource(current).row());
                if (event.kind == SocketEvent::Kind::Segment && event.bytes > 0)
                    emit dataSegmentChosen(event);
            });
}

QString PacketsView::statusText() const
{
    return m_status->text();
}

void PacketsView::setCaptureProblem(const QString &problem)
{
    m_captureProblem = problem;
    updateStatus();
}

void PacketsView::showOnlyConnection(qint64 connectionId)
{
    m_shown->setConnection(connectionId);
    updateStatus();
}

void PacketsView::showAllConnections()
{
    m_shown->setConnection(std::nullopt);
    updateStatus();
}

void PacketsView::scheduleStatusUpdate()
{
    if (!m_statusTimer->isActive())
        m_statusTimer->start();
}

void PacketsView::updateStatus()
{
    m_statusTimer->stop();
    if (!m_captureProblem.isEmpty()) {
        m_status->setText(m_captureProblem);
        return;
    }
    QString text = tr("The TCP segments the connection's packets carried, as captured; the "
                      "socket calls that caused them among them, in grey.");
    const qint64 dropped = m_model ? m_model->droppedRows() : 0;
    if (dropped > 0) {
        text += QLatin1Char(' ')
            + tr("%1 older row(s) dropped to keep memory bounded (the list keeps the newest %2).",
                 nullptr, pluralCount(dropped))
                  .arg(dropped)
                  .arg(m_model->maxRows());
    }
    if (const auto only = m_shown->connection(); only) {
        text += QLatin1Char(' ')
            + tr("Shown here: only those of %1 and of the listening socket.")
                  .arg(m_model->connectionText(*only));
    }
    m_status->setText(text);
}
