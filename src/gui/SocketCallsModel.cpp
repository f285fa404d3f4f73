#include "gui/SocketCallsModel.h"

#include "gui/Coalescer.h"

#include "core/SocketEventText.h"
#include "gui/WireColors.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QSet>

#include <algorithm>
#include <iterator>

SocketCallsModel::SocketCallsModel(Side side, int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_side(side)
    , m_maxRows(qMax(1, maxRows))
    , m_announcer(new Coalescer(DefaultBatchIntervalMs, [this] { announcePending(); }, this))
{}

void SocketCallsModel::setBatchInterval(int milliseconds)
{
    m_announcer->setInterval(milliseconds);
}

int SocketCallsModel::batchInterval() const
{
    return m_announcer->interval();
}

void SocketCallsModel::setSide(Side side)
{
    if (m_side == side)
        return;
    m_side = side;
    if (!m_rows.empty()) // what the Connection column says depends on the side
        announceConnectionNames();
}

void SocketCallsModel::add(const SocketEvent &event)
{
    if (event.kind == SocketEvent::Kind::Accept && event.connectionId > 0) {
        m_labels.insert(event.connectionId, event.peer.text());
        forgetClosedLabels();
    }
    if (int(m_pending.size()) >= m_maxRows) {
        // Coming faster than a flush can announce them (a flood of small reads): the oldest
        // never reach a view at all.
        m_pending.pop_front();
        ++m_droppedRows;
    }
    m_pending.push_back(event);
    m_announcer->request();
}

void SocketCallsModel::flush()
{
    m_announcer->runNow();
}

void SocketCallsModel::announcePending()
{
    if (m_pending.empty())
        return;
    const int overflow = int(m_rows.size() + m_pending.size()) - m_maxRows;
    if (overflow > 0)
        dropBusiestOldest(overflow);
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(m_pending.size()) - 1);
    std::move(m_pending.begin(), m_pending.end(), std::back_inserter(m_rows));
    m_pending.clear();
    endInsertRows();
    if (m_droppedRows != m_droppedAnnounced) {
        m_droppedAnnounced = m_droppedRows;
        emit droppedRowsChanged(m_droppedRows);
    }
}

// Past the bound, the connections with the most rows lose their oldest first: one client that
// floods does not push every other client's calls (nor the listening socket's) out of the list.
// Each connection keeps at most `cap` rows, the largest cap that drops `count`; with one
// connection, or an even class, that is the oldest rows overall.
void SocketCallsModel::dropBusiestOldest(int count)
{
    QHash<qint64, int> rowsOf;
    for (const std::deque<SocketEvent> *list : {&m_rows, &m_pending}) {
        for (const SocketEvent &row : *list)
            ++rowsOf[row.connectionId];
    }
    const auto droppedAt = [&rowsOf](int cap) {
        qint64 dropped = 0;
        for (const int rows : rowsOf)
            dropped += std::max(0, rows - cap);
        return dropped;
    };
    int cap = 0; // the largest with droppedAt(cap) >= count: droppedAt falls as cap grows
    for (int step = 1 << 30; step > 0; step >>= 1) {
        if (droppedAt(cap + step) >= count)
            cap += step;
    }
    QHash<qint64, int> excess; // still to drop, each connection's from its oldest
    for (auto it = rowsOf.cbegin(); it != rowsOf.cend(); ++it) {
        if (it.value() > cap)
            excess.insert(it.key(), it.value() - cap);
    }
    const auto drops = [&excess](const SocketEvent &row) {
        const auto it = excess.find(row.connectionId);
        return it != excess.end() && (*it)-- > 0;
    };
    std::vector<bool> dropped(m_rows.size());
    for (size_t row = 0; row < m_rows.size(); ++row)
        dropped[row] = drops(m_rows[row]);
    // Runs of dropped rows, from the last, so that the rows before keep their numbers.
    for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
        if (!dropped[size_t(last)])
            continue;
        int first = last;
        while (first > 0 && dropped[size_t(first - 1)])
            --first;
        beginRemoveRows(QModelIndex(), first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        m_droppedRows += last - first + 1;
        endRemoveRows();
        last = first;
    }
    const auto kept = std::remove_if(m_pending.begin(), m_pending.end(), drops);
    m_droppedRows += std::distance(kept, m_pending.end());
    m_pending.erase(kept, m_pending.end());
}

void SocketCallsModel::clear()
{
    const bool hadDropped = m_droppedAnnounced > 0;
    m_announcer->cancel();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_droppedRows = 0;
    m_droppedAnnounced = 0;
    endResetModel();
    if (hadDropped)
        emit droppedRowsChanged(0);
}

void SocketCallsModel::setConnectionLabel(qint64 connectionId, const QString &label)
{
    m_labels.insert(connectionId, label);
    forgetClosedLabels();
    if (!m_rows.empty())
        announceConnectionNames();
}

// Every column: a model that shows the events in columns of its own (PacketsModel) names the
// connections too.
void SocketCallsModel::announceConnectionNames()
{
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString SocketCallsModel::connectionText(qint64 connectionId) const
{
    const auto label = m_labels.constFind(connectionId);
    if (m_side == Side::Client) {
        // The client engine has one socket at a time and reports it as 0.
        if (label != m_labels.cend())
            return *label;
        return connectionId == 0 ? tr("this client") : tr("connection #%1").arg(connectionId);
    }
    if (connectionId == 0)
        return tr("listening socket");
    if (label == m_labels.cend())
        return QStringLiteral("#%1").arg(connectionId);
    return QStringLiteral("#%1 %2").arg(connectionId).arg(*label);
}

SocketEvent SocketCallsModel::eventAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_rows[size_t(row)];
}

void SocketCallsModel::forgetClosedLabels()
{
    // Labels of connections with no row left would pile up on a server that has seen many
    // clients. Rows and pending rows name at most 2 * m_maxRows connections, so pruning only
    // past twice that keeps the cost per added row constant.
    if (m_labels.size() <= 4 * qMax(m_maxRows, 64))
        return;
    QSet<qint64> shown;
    for (const SocketEvent &row : m_rows)
        shown.insert(row.connectionId);
    for (const SocketEvent &row : m_pending)
        shown.insert(row.connectionId);
    for (auto it = m_labels.begin(); it != m_labels.end();) {
        if (shown.contains(it.key()))
            ++it;
        else
            it = m_labels.erase(it);
    }
}

int SocketCallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SocketCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SocketCallsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return QVariant();
    const SocketEvent &event = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(event.timeUs / 1000)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case ConnectionColumn:
            return connectionText(event.connectionId);
        case CallColumn:
            return SocketEventText::callAndResult(event);
        case LectureColumn:
            return SocketEventText::pythonLine(event);
        }
        return QVariant();
    case Qt::ToolTipRole:
        if (index.column() == CallColumn) { // the whole call, which the column may cut short
            const QString text = SocketEventText::callAndResult(event);
            const QString why = SocketEventText::explanation(event);
            return why.isEmpty() ? text : text + QStringLiteral("\n\n") + why;
        }
        return SocketEventText::explanation(event);
    case Qt::FontRole: { // a line the lecture does not have, as the heading's tooltip says
        if (index.column() != LectureColumn || SocketEventText::pythonLineIsTheLectures(event))
            return QVariant();
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    case Qt::ForegroundRole: {
        if (!event.isFailure())
            return QVariant();
        return WireColors(QGuiApplication::palette()).problem(); // a model knows no view
    }
    default:
        return QVariant();
    }
}

QVariant SocketCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn: return tr("Time");
        case ConnectionColumn: return tr("Connection");
        case CallColumn: return tr("Call");
        case LectureColumn: return tr("In Python");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case ConnectionColumn:
            return tr("Which socket: the listening socket, or one client's connection.");
        case CallColumn: return tr("The socket call and what it returned.");
        case LectureColumn:
            return m_side == Side::Server
                ? tr("The Python line that makes the same call: the lecture's server's own. In "
                     "italics where the lecture has no such call (IPv6, shutdown(), UDP): as "
                     "Python would make it.")
                : tr("The Python line that makes the same call: the lecture's client's own. In "
                     "italics where the lecture has no such call (IPv6, the name lookup, "
                     "shutdown(), UDP): as Python would make it.");
        }
    }
    return QVariant();
}

Qt::ItemFlags SocketCallsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // ItemNeverHasChildren spares the view a hasChildren() question per row on every layout.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}
