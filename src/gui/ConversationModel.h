#pragma once

#include "core/ByteStream.h"
#include "core/WireSegments.h"

#include <QAbstractListModel>
#include <QHash>

#include <climits>
#include <map>
#include <utility>

#include <vector>

class Coalescer;
struct SocketEvent;

// The conversation of one window, as a list model: each row a message sent, bytes received (one
// bubble per reply, however many reads it took), a message that could not be sent, or a note
// ("connected", "the server closed the connection"). The bytes that crossed the wire live once,
// in order, in stream(), which the byte inspector shows; rows only point into it. Memory stays
// bounded: past a byte or row budget the oldest half of the conversation is dropped, and a note
// says so.
//
// Under a flood the views hear of new rows, changed rows and new bytes once a frame, not once
// a message (a Coalescer): every message is kept at once, in order, and a view that repaints
// and lays out on each notice would otherwise slow the whole server to its pace. After a quiet
// spell a message is announced at once; rowCount() counts the rows announced.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    // Unsent: a message that never reached the wire (its connection failed first). Its bytes are
    // kept in the row, not in stream(), and its stream range is empty.
    enum class Kind : quint8 { Sent, Received, Note, Problem, Unsent };
    Q_ENUM(Kind)

    enum Role {
        KindRole = Qt::UserRole + 1,
        TimeRole,           // QDateTime
        PeerRole,           // "#2 127.0.0.1:51234", or empty
        ByteCountRole,      // qint64
        ReadCountRole,      // int: reads (chunks) the bytes came in
        RoundTripRole,      // qint64 microseconds, -1 when unknown
        PreviewRole,        // the bytes as one readable line, shortened
        HeaderRole,         // "12:00:01.123 · 21 bytes · 0.4 ms"
        StreamOffsetRole,   // qint64: where the row's bytes start in stream()
        StreamEndRole,      // qint64: where they end
        CompleteRole,       // bool: false while a reply is still arriving
        PeerIdRole          // qint64: the client it is about, 0 for none (the server's own)
    };

    explicit ConversationModel(QObject *parent = nullptr);

    // Budgets: bytes kept for the inspector, and rows. Defaults: 256 MiB and 200,000.
    void setBudget(qint64 maxBytes, int maxRows);

    // Bytes this window sent: always a row of their own.
    int addSent(QByteArrayView bytes, qint64 peerId = 0, qint64 messageId = 0);
    // A message that was to be sent, but never reached the wire.
    int addUnsent(QByteArrayView bytes, qint64 peerId = 0, qint64 messageId = 0);
    // Bytes this window received in one read. They join the open reply of the same peer and
    // message if there is one, otherwise they open a new row, whose round trip is, until
    // finishReceived() says more, the time to this first byte.
    int addReceived(QByteArrayView bytes, qint64 peerId = 0, qint64 messageId = 0,
                    qint64 firstByteMicros = -1);
    // The open reply of `peerId` is complete (its round trip, when known, in microseconds).
    void finishReceived(qint64 peerId, qint64 roundTripMicros = -1);
    int addNote(const QString &text, Kind kind = Kind::Note, qint64 peerId = 0);
    void setPeerLabel(qint64 peerId, const QString &label);
    // "#2 127.0.0.1:51234"; empty for a peer with no label (a client window's one server).
    QString peerLabel(qint64 peerId) const;
    void clear();
    // Tells the views now of the rows and changes still waiting (e.g. before a test reads).
    void flush();

    const ByteStream &stream() const { return m_stream; }

    // A TCP segment captured on the wire (a SocketEvent of kind Segment): where its payload
    // lies among its connection's bytes in its direction (outgoing: this window's Sent lane),
    // for the inspector's segment boundaries. Its bytes may come before or after the reads and
    // sends that moved them. A SYN starts a connection's numbering anew, at the end of the
    // lane so far: a client that connects again goes on in the same lanes.
    void addWireSegment(const SocketEvent &segment);
    // The segments captured, by lane offset, in the lanes of stream() (and of a followed
    // client's stream, which keeps the same lane offsets).
    const WireSegments &wireSegments() const { return m_wireSegments; }
    // Where the payload byte with relative sequence number `seq` of a connection's direction
    // is in its lane.
    qint64 laneOffsetOf(qint64 connection, ByteStream::Direction direction, qint64 seq) const;
    // Dropped to stay within the budgets since the last clear().
    qint64 droppedBytes() const { return m_droppedBytes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

signals:
    // The stream changed: appended to, its oldest `droppedBytes` let go to stay within the
    // budget (the rest moved to the front), or (clear()) emptied.
    void streamAppended();
    void streamTrimmed(qint64 droppedBytes);
    void streamReset();
    // Segments were captured (announced once a frame, as the stream's growth).
    void wireSegmentsChanged();

private:
    struct Entry
    {
        qint64 timeMs = 0;
        qint64 peerId = 0;
        qint64 messageId = 0;
        qint64 firstOffset = 0; // covering range in m_stream (a reply's reads may be
        qint64 endOffset = 0;   // interleaved with other traffic)
        qint64 byteCount = 0;
        qint64 roundTripMicros = -1;
        int reads = 0;
        Kind kind = Kind::Note;
        bool complete = true;
        QString note;
        QByteArray unsentBytes; // Kind::Unsent only
    };

    int appendEntry(Entry entry);
    // A row the views already show changed.
    void rowChanged(int row);
    void announce();
    void forgetAnnouncements();
    void trimToBudget();
    // Lets the first `rows` go, and the first `bytes` of the stream.
    void letGo(size_t rows, qint64 bytes);
    QString header(const Entry &entry) const;
    // Lets go of the segments of the bytes before `cut` in m_stream.
    void dropWireSegmentsBefore(qint64 cut);

    // A lane's segments are counted from its connection's SYN; its seq 1 is lane offset
    // `start` (negative when the lane was cleared since).
    struct WireLane
    {
        qint64 start = 0;
        qint64 count = 0;
        qint64 end = 0; // the furthest lane offset a segment reached

        // Sequence numbers wrap at 4 GiB: the lane offset of `seq` nearest the segments so far.
        qint64 laneOffsetOf(qint64 seq) const
        {
            constexpr qint64 Wrap = qint64(1) << 32;
            qint64 offset = start + seq - 1;
            while (end - offset > Wrap / 2)
                offset += Wrap;
            return offset;
        }
    };

    ByteStream m_stream;
    WireSegments m_wireSegments;
    std::map<std::pair<qint64, ByteStream::Direction>, WireLane> m_wireLanes;
    std::vector<Entry> m_entries;
    qint64 m_firstRowNumber = 0; // rows dropped before the first kept one
    QHash<qint64, int> m_openReply; // peer -> row of its reply still arriving
    QHash<qint64, QString> m_peerLabels;
    qint64 m_maxBytes = qint64(256) << 20;
    int m_maxRows = 200000;
    qint64 m_droppedBytes = 0;
    Coalescer *m_announcer;
    int m_announcedRows = 0;     // rows the views know of: the first of m_entries
    int m_changedFirst = INT_MAX; // announced rows changed since, first to last
    int m_changedLast = -1;
    bool m_streamGrew = false;   // bytes appended since the last announcement
    bool m_wireSegmentsGrew = false;
};
