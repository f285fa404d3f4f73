#pragma once

#include "gui/SocketCallsModel.h"

// The "Packets" tab's rows: the TCP segments a connection's packets carried, as captured
// (SocketEvent::Segment), with the socket calls among them in the order they came, so a
// student sees connect() beside SYN, SYN/ACK and ACK, sendall() beside its data segments and
// close() beside the FIN. A segment shows its direction, flags, relative sequence and
// acknowledgement numbers, window and payload length; a call only what it did, set back (grey,
// italic), as the segments are what this list is for. Bounded and batched as the calls list
// is (it is one, with columns of its own).
class PacketsModel : public SocketCallsModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        WhatColumn, // a segment's flags ("SYN/ACK"), or the call and what it returned
        LengthColumn,
        SeqColumn,
        AckColumn,
        WindowColumn,
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
