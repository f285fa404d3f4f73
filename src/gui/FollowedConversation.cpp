#include "gui/FollowedConversation.h"

#include "gui/ConversationModel.h"

#include <algorithm>
#include <utility>

FollowedConversation::FollowedConversation(const ConversationModel *all, QObject *parent)
    : QAbstractListModel(parent)
    , m_all(all)
{}

void FollowedConversation::follow(qint64 peerId)
{
    startReset();
    m_peerId = peerId;
    listen();
    finishReset();
}

void FollowedConversation::unfollow()
{
    startReset();
    m_peerId = 0;
    disconnect(m_all, nullptr, this, nullptr);
    finishReset();
}

void FollowedConversation::listen()
{
    disconnect(m_all, nullptr, this, nullptr);
    connect(m_all, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_resetting)
            takeNewRows();
    });
    connect(m_all, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last, const QList<int> &roles) {
                if (!m_resetting)
                    onRowsChanged(first.row(), last.row(), roles);
            });
    connect(m_all, &ConversationModel::streamAppended, this, [this] {
        if (m_resetting)
            return;
        copyNewBytes();
        if (std::exchange(m_streamGrew, false))
            emit streamAppended();
    });
    // Letting the oldest go removes rows, then adds a note at the top, then trims the stream:
    // what is shown is read again once all of it is done.
    connect(m_all, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] {
        if (!m_resetting)
            startReset();
    });
    connect(m_all, &ConversationModel::streamTrimmed, this, [this] {
        if (!m_resetting)
            startReset();
        finishReset();
    });
    connect(m_all, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (!m_resetting)
            startReset();
    });
    connect(m_all, &QAbstractItemModel::modelReset, this, &FollowedConversation::finishReset);
}

void FollowedConversation::startReset()
{
    beginResetModel();
    m_resetting = true;
}

void FollowedConversation::finishReset()
{
    rebuild();
    m_resetting = false;
    endResetModel();
    emit streamReset();
}

void FollowedConversation::rebuild()
{
    m_stream.clear();
    m_copies.clear();
    m_rows.clear();
    m_allRowsSeen = 0;
    m_allSegmentsSeen = 0;
    m_streamGrew = false;
    if (m_peerId == 0)
        return;
    m_rows = newRows();
    m_streamGrew = false; // the reset tells the views
}

void FollowedConversation::copyNewBytes()
{
    const ByteStream &all = m_all->stream();
    for (; m_allSegmentsSeen < all.segmentCount(); ++m_allSegmentsSeen) {
        const ByteStream::Segment &segment = all.segment(m_allSegmentsSeen);
        if (segment.connection != m_peerId)
            continue;
        m_copies.push_back({segment.offset, m_stream.size(), segment.length});
        m_stream.appendSegmentOf(all, m_allSegmentsSeen);
        m_streamGrew = true;
    }
}

// The server's own notes (no client: listening, refused, stopped, out of descriptors, older
// messages let go) show too: they are few, and they tell what happened to every client alike,
// the one followed included.
std::vector<int> FollowedConversation::newRows()
{
    copyNewBytes(); // the rows' bytes are in the whole stream before the rows are announced
    const int rows = m_all->rowCount();
    std::vector<int> taken;
    for (; m_allRowsSeen < rows; ++m_allRowsSeen) {
        const qint64 peerId = m_all->index(m_allRowsSeen)
                                  .data(ConversationModel::PeerIdRole)
                                  .toLongLong();
        if (peerId == m_peerId || peerId == 0)
            taken.push_back(m_allRowsSeen);
    }
    return taken;
}

void FollowedConversation::takeNewRows()
{
    const std::vector<int> taken = newRows();
    if (taken.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(taken.size()) - 1);
    m_rows.insert(m_rows.end(), taken.cbegin(), taken.cend());
    endInsertRows();
}

void FollowedConversation::onRowsChanged(int first, int last, const QList<int> &roles)
{
    copyNewBytes();
    const auto from = std::lower_bound(m_rows.cbegin(), m_rows.cend(), first);
    const auto to = std::upper_bound(from, m_rows.cend(), last);
    if (from == to)
        return;
    emit dataChanged(index(int(from - m_rows.cbegin())), index(int(to - m_rows.cbegin()) - 1),
                     roles);
}

qint64 FollowedConversation::startOf(qint64 allOffset) const
{
    const auto copy = std::partition_point(m_copies.cbegin(), m_copies.cend(),
                                           [allOffset](const Copy &each) {
                                               return each.allOffset + each.length <= allOffset;
                                           });
    if (copy == m_copies.cend())
        return m_stream.size();
    return copy->offset + std::max<qint64>(0, allOffset - copy->allOffset);
}

qint64 FollowedConversation::endOf(qint64 allOffset) const
{
    const auto after = std::partition_point(m_copies.cbegin(), m_copies.cend(),
                                            [allOffset](const Copy &each) {
                                                return each.allOffset < allOffset;
                                            });
    if (after == m_copies.cbegin())
        return 0;
    const Copy &copy = *(after - 1);
    return copy.offset + std::min(copy.length, allOffset - copy.allOffset);
}

int FollowedConversation::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FollowedConversation::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QModelIndex all = m_all->index(m_rows[size_t(index.row())]);
    switch (role) {
    case ConversationModel::StreamOffsetRole:
        return startOf(all.data(role).toLongLong());
    case ConversationModel::StreamEndRole:
        return std::max(startOf(all.data(ConversationModel::StreamOffsetRole).toLongLong()),
                        endOf(all.data(role).toLongLong()));
    default:
        return all.data(role);
    }
}
