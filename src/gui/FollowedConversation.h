#pragma once

#include "core/ByteStream.h"

#include <QAbstractListModel>

#include <vector>

class ConversationModel;

// One client's part of a server's conversation, for a teacher following one student: the rows
// about that client (what it sent, the replies, the notes about it) and the server's own notes,
// with that client's bytes alone in a stream of their own, where offsets count within its
// bytes and each byte keeps its place in its lane (so the inspector's tooltips stay right).
//
// The whole conversation keeps everyone's traffic; this only shows a part of it, so following
// no one again loses nothing. It listens to the whole conversation only while it follows
// someone, so that with no one followed it costs a flood nothing; while it follows, it hears
// of new rows once a frame (the conversation's Coalescer) and looks at the new ones only. When
// the conversation lets its oldest messages go, or is cleared, it starts afresh (a reset): that
// is rare, once per half a budget.
class FollowedConversation : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit FollowedConversation(const ConversationModel *all, QObject *parent = nullptr);

    // Shows the conversation of client `peerId` from its start, as far as it is kept.
    void follow(qint64 peerId);
    // Shows nothing, and stops listening to the conversation.
    void unfollow();
    // The client followed; 0 for none.
    qint64 followed() const { return m_peerId; }

    const ByteStream &stream() const { return m_stream; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

signals:
    // As ConversationModel's: the stream grew, or was replaced by another.
    void streamAppended();
    void streamReset();

private:
    // Where a segment of the whole stream was copied to in this one.
    struct Copy
    {
        qint64 allOffset = 0;
        qint64 offset = 0;
        qint64 length = 0;
    };

    void listen();
    // Reads the whole conversation again: after following someone else, or after it let its
    // oldest messages go or was cleared.
    void rebuild();
    void startReset();
    void finishReset();
    // Copies the followed client's segments that came since the last call.
    void copyNewBytes();
    // The rows about the followed client (and the server's own) among those announced since
    // the last call.
    std::vector<int> newRows();
    void takeNewRows();
    void onRowsChanged(int first, int last, const QList<int> &roles);
    // An offset of the whole stream, as an offset of this one: where the first of its bytes at
    // or after `allOffset` is, or where the last before `allOffset` ends.
    qint64 startOf(qint64 allOffset) const;
    qint64 endOf(qint64 allOffset) const;

    const ConversationModel *m_all;
    qint64 m_peerId = 0;
    ByteStream m_stream;
    std::vector<Copy> m_copies;       // in order, in both streams
    std::vector<int> m_rows;          // the rows shown, as rows of the whole conversation
    int m_allRowsSeen = 0;            // rows of the whole conversation looked at
    qsizetype m_allSegmentsSeen = 0;  // segments of the whole stream looked at
    bool m_streamGrew = false;        // since the views were told
    bool m_resetting = false;         // the conversation is letting rows go: wait for the end
};
