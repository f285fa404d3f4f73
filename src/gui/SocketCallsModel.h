#pragma once

#include "core/SocketEvent.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>

class Coalescer;

// The "Socket calls" list: every SocketEvent a server or client engine reports, one row each,
// beside the line of the lecture's Python program that does the same thing, so a student can
// map what happened on the wire to the code they were taught. A failure (a bind that failed, a
// refused connect or accept) stands out in colour. Each row's tooltip explains the call in
// plain words. The rows keep the events; every text comes from SocketEventText.
//
// Memory is bounded: past maxRows() rows are dropped, the busiest connections' oldest first (one
// client that floods leaves the others' calls), and droppedRows() says how many, so a server
// that runs for days under load keeps a fixed-size list.
//
// Cheap under load: a view repaints and re-lays out on every row change it hears of (measured:
// one or more milliseconds per row for a visible QTreeView of 10000 rows), so a thousand reads a
// second announced one by one would keep the UI thread busy. So add() announces a row at once
// only when none was announced within batchInterval() (a Coalescer); otherwise the rows wait and
// are announced together (one beginRemoveRows for the dropped, one beginInsertRows for the new)
// when the interval is up. A quiet connection's calls appear at once; a busy one's about 20
// times a second.
class SocketCallsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Names the connections: a connection id of 0 is the listening socket only on a server.
    using Side = SocketSide;

    // The call and the lecture's line first: they are what a student maps one to the other.
    enum Column { CallColumn, LectureColumn, ConnectionColumn, TimeColumn, ColumnCount };

    static constexpr int DefaultMaxRows = 10000;
    static constexpr int DefaultBatchIntervalMs = 50;

    explicit SocketCallsModel(Side side, int maxRows = DefaultMaxRows, QObject *parent = nullptr);

    Side side() const { return m_side; }
    void setSide(Side side);
    int maxRows() const { return m_maxRows; }

    // 0: every add() is announced at once, one beginInsertRows per row.
    void setBatchInterval(int milliseconds);
    int batchInterval() const;

    // Appends one row, its time shown as local HH:mm:ss.zzz. The row is in rowCount() at once
    // or within batchInterval() (see above).
    void add(const SocketEvent &event);
    // Announces the rows still waiting now, e.g. before reading the model in a test.
    void flush();
    int pendingRows() const { return int(m_pending.size()); }
    // Empties the list (the count of dropped rows too); connection labels stay, since those
    // connections may still be open.
    void clear();
    // How many of the oldest calls were dropped to stay within maxRows() since the last clear().
    qint64 droppedRows() const { return m_droppedRows; }

    // Names a connection in the Connection column. On a server: "#3 " + label, e.g. label
    // "127.0.0.1:51234" shows as "#3 127.0.0.1:51234"; an accept() row sets such a label by
    // itself from the peer it accepted, and this overrides it. On a client, whose engine numbers
    // its connections (each connect anew): the label as it is, instead of "connection #2".
    void setConnectionLabel(qint64 connectionId, const QString &label);
    QString connectionText(qint64 connectionId) const;

    SocketEvent eventAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void droppedRowsChanged(qint64 droppedRows);

private:
    void announcePending();
    void dropBusiestOldest(int count);
    void announceConnectionNames();
    void forgetClosedLabels();

    Side m_side;
    const int m_maxRows;
    // Cheap at both ends: rows come in at the back, drop off the front.
    std::deque<SocketEvent> m_rows;
    std::deque<SocketEvent> m_pending; // added, not yet announced to views; at most m_maxRows
    Coalescer *m_announcer;
    qint64 m_droppedRows = 0;
    qint64 m_droppedAnnounced = 0; // as of the last droppedRowsChanged()
    QHash<qint64, QString> m_labels;
};
