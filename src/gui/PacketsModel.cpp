#include "gui/PacketsModel.h"

#include "core/SocketEventText.h"
#include "gui/WireColors.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

PacketsModel::PacketsModel(Side side, int maxRows, QObject *parent)
    : SocketCallsModel(side, maxRows, parent)
{}

int PacketsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PacketsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return QVariant();
    const SocketEvent event = eventAt(index.row());
    switch (role) {
    case Qt::DisplayRole: return text(event, index.column());
    case Qt::ToolTipRole: {
        const QString what = event.kind == SocketEvent::Kind::Segment
            ? SocketEventText::segmentLine(event)
            : SocketEventText::callAndResult(event);
        const QString why = SocketEventText::explanation(event);
        return why.isEmpty() ? what : what + QStringLiteral("\n\n") + why;
    }
    case Qt::ForegroundRole:
    case Qt::FontRole: return looks(event, role);
    default: return QVariant();
    }
}

QVariant PacketsModel::text(const SocketEvent &event, int column) const
{
    const bool segment = event.kind == SocketEvent::Kind::Segment;
    switch (column) {
    case TimeColumn: // microseconds: a handshake on loopback takes a few dozen
        return QDateTime::fromMSecsSinceEpoch(event.timeUs / 1000)
                   .toString(QStringLiteral("HH:mm:ss.zzz"))
            + QStringLiteral("%1").arg(event.timeUs % 1000, 3, 10, QLatin1Char('0'));
    case DirectionColumn:
        if (!segment)
            return QVariant();
        return event.outgoing ? tr("→ sent") : tr("← received");
    case WhatColumn: return SocketEventText::callAndResult(event);
    case ConnectionColumn: return connectionText(event.connectionId);
    }
    return QVariant();
}

// A reset or a failed call stands out; the calls otherwise step back behind the segments.
QVariant PacketsModel::looks(const SocketEvent &event, int role) const
{
    const bool segment = event.kind == SocketEvent::Kind::Segment;
    const QPalette palette = QGuiApplication::palette(); // a model knows no view
    if (role == Qt::ForegroundRole) {
        if (event.isFailure() || (segment && event.has(TcpSegment::Rst)))
            return WireColors(palette).problem();
        return segment ? QVariant() : QVariant(palette.color(QPalette::PlaceholderText));
    }
    if (segment)
        return QVariant();
    QFont font = QGuiApplication::font();
    font.setItalic(true);
    return font;
}

QVariant PacketsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn: return tr("Time");
        case DirectionColumn: return tr("Direction");
        case WhatColumn: return tr("Segment (or call)");
        case ConnectionColumn: return tr("Connection");
        }
    } else if (role == Qt::ToolTipRole) {
        if (section == WhatColumn) {
            return tr("A TCP segment's flags (SYN opens a connection, FIN closes a direction, "
                      "RST resets it, ACK acknowledges, PSH pushes data to the program), the "
                      "bytes of data it carries, its sequence number (relative: the sender's "
                      "SYN is 0, its first byte 1), the next byte it acknowledges and the "
                      "receive window it advertises, in bytes (scaled as the handshake said). In grey, the "
                      "socket calls that caused them.");
        }
    }
    return QVariant();
}
