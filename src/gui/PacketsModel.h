#pragma once

#include "gui/SocketCallsModel.h"

// The "Packets" tab's rows: the TCP segments a connection's packets carried, as captured
// (SocketEvent::Segment), with the socket calls among them in the order they came, so a
// student sees connect() beside SYN, SYN/ACK and ACK, sendall() beside its data segments and
// close() beside the FIN. A segment shows its time, direction, flags, payload length, relative
// sequence and acknowledgement numbers and window, in the words of the headless log's segment
// lines; a call what it did, set back (grey, italic), as the segments are what this list is
// for. Bounded and batched as the calls list is (it is one, with columns of its own).
class PacketsModel : public SocketCallsModel
{
    Q_OBJECT

public:
    // What happened first, so it is in view in half a small screen.
    enum Column {
        DirectionColumn,
        // "PSH/ACK 5 bytes seq=1 ack=1 win=512", or the call and what it returned
        WhatColumn,
        TimeColumn,
        ConnectionColumn,
        ColumnCount
    };

    explicit PacketsModel(Side side, int maxRows = DefaultMaxRows, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant text(const SocketEvent &event, int column) const;
    QVariant looks(const SocketEvent &event, int role) const;
};
