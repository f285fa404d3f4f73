#include "gui/SocketCallsModel.h"

#include "gui/WireColors.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <iterator>

namespace {

// "recv(1024)" -> "recv"
QStringView callName(const QString &call)
{
    const qsizetype paren = call.indexOf(QLatin1Char('('));
    return paren < 0 ? QStringView(call) : QStringView(call).left(paren);
}

// "recv(1024)" -> "1024": the engines' read size, which the Python line should show as it is.
QString callArgument(const QString &call)
{
    const qsizetype open = call.indexOf(QLatin1Char('('));
    const qsizetype close = call.lastIndexOf(QLatin1Char(')'));
    return open < 0 || close <= open ? QString() : call.mid(open + 1, close - open - 1);
}

bool isEndOfStream(const SocketCall &call)
{
    return call.result.startsWith(QLatin1String("0 bytes"));
}

QString familyText(const SocketCall &call)
{
    return call.call.contains(QLatin1String("AF_INET6")) ? QStringLiteral("AF_INET6")
                                                         : QStringLiteral("AF_INET");
}

} // namespace

SocketCallsModel::SocketCallsModel(Side side, int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_side(side)
    , m_maxRows(qMax(1, maxRows))
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &SocketCallsModel::flush);
}

void SocketCallsModel::setBatchInterval(int milliseconds)
{
    m_batchIntervalMs = qMax(0, milliseconds);
    if (m_batchIntervalMs == 0)
        flush();
}

void SocketCallsModel::setSide(Side side)
{
    if (m_side == side)
        return;
    m_side = side;
    if (!m_rows.empty()) // what the Connection and Python columns say depends on the side
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SocketCallsModel::add(const SocketCall &call, qint64 timeMs)
{
    if (m_side == Side::Server && call.connectionId > 0 && call.call == QLatin1String("accept()"))
        labelFromAccept(call);
    if (int(m_pending.size()) >= m_maxRows) {
        // Coming faster than a flush can announce them (a flood of small reads): the oldest
        // never reach a view at all.
        m_pending.pop_front();
        ++m_droppedRows;
    }
    m_pending.push_back({timeMs, call, isFailure(call)});
    if (m_flushTimer->isActive())
        return;
    const qint64 sinceFlush = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : -1;
    if (m_batchIntervalMs == 0 || sinceFlush < 0 || sinceFlush >= m_batchIntervalMs)
        flush(); // quiet until now: show it at once
    else
        m_flushTimer->start(int(m_batchIntervalMs - sinceFlush));
}

void SocketCallsModel::flush()
{
    m_flushTimer->stop();
    if (m_pending.empty())
        return;
    m_sinceFlush.start();
    const int overflow = int(m_rows.size() + m_pending.size()) - m_maxRows;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        m_droppedRows += overflow;
        endRemoveRows();
    }
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

void SocketCallsModel::clear()
{
    const bool hadDropped = m_droppedAnnounced > 0;
    m_flushTimer->stop();
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
        emit dataChanged(index(0, ConnectionColumn), index(rowCount() - 1, ConnectionColumn));
}

QString SocketCallsModel::connectionText(qint64 connectionId) const
{
    const auto label = m_labels.constFind(connectionId);
    if (m_side == Side::Client) {
        // The client engine has one socket at a time and reports it as 0.
        if (label != m_labels.cend())
            return *label;
        return connectionId == 0 ? tr("this client") : QStringLiteral("#%1").arg(connectionId);
    }
    if (connectionId == 0)
        return tr("listening socket");
    if (label == m_labels.cend())
        return QStringLiteral("#%1").arg(connectionId);
    return QStringLiteral("#%1 %2").arg(connectionId).arg(*label);
}

SocketCall SocketCallsModel::callAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_rows[size_t(row)].call;
}

void SocketCallsModel::labelFromAccept(const SocketCall &call)
{
    // accept() reports the peer as Python prints addr: ('127.0.0.1', 51234) or
    // ('::1', 51234, 0, 0).
    static const QRegularExpression pythonAddress(QStringLiteral(R"(^\('([^']*)', (\d+))"));
    const QRegularExpressionMatch match = pythonAddress.match(call.result);
    if (!match.hasMatch())
        return;
    const QString host = match.captured(1);
    const QString endpoint = host.contains(QLatin1Char(':'))
        ? QStringLiteral("[%1]:%2").arg(host, match.captured(2))
        : QStringLiteral("%1:%2").arg(host, match.captured(2));
    m_labels.insert(call.connectionId, endpoint);
    forgetClosedLabels();
}

void SocketCallsModel::forgetClosedLabels()
{
    // Labels of connections with no row left would pile up on a server that has seen many
    // clients. Rows and pending rows name at most 2 * m_maxRows connections, so pruning only
    // past twice that keeps the cost per added row constant.
    if (m_labels.size() <= 4 * qMax(m_maxRows, 64))
        return;
    QSet<qint64> shown;
    for (const Row &row : m_rows)
        shown.insert(row.call.connectionId);
    for (const Row &row : m_pending)
        shown.insert(row.call.connectionId);
    for (auto it = m_labels.begin(); it != m_labels.end();) {
        if (shown.contains(it.key()))
            ++it;
        else
            it = m_labels.erase(it);
    }
}

QString SocketCallsModel::lectureLine(Side side, const SocketCall &call)
{
    const QStringView name = callName(call.call);
    const bool server = side == Side::Server;
    // On the server, recv/sendall/close on a connection are conn's; on the client all are sock's.
    const QString socketName = server && call.connectionId > 0 ? QStringLiteral("conn")
                                                                : QStringLiteral("sock");
    if (name == QLatin1String("socket")) {
        return QStringLiteral("sock = socket.socket(socket.%1, socket.SOCK_STREAM)")
            .arg(familyText(call));
    }
    if (name == QLatin1String("setsockopt"))
        return QStringLiteral("sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)");
    if (name == QLatin1String("bind"))
        return QStringLiteral("sock.bind((HOST, PORT))");
    if (name == QLatin1String("listen"))
        return QStringLiteral("sock.listen()");
    if (name == QLatin1String("accept"))
        return QStringLiteral("conn, addr = sock.accept()");
    if (name == QLatin1String("getaddrinfo"))
        return tr("(inside sock.connect: the name is looked up)");
    if (name == QLatin1String("connect"))
        return QStringLiteral("sock.connect((HOST, PORT))");
    if (name == QLatin1String("recv"))
        return QStringLiteral("data = %1.recv(%2)").arg(socketName, callArgument(call.call));
    if (name == QLatin1String("sendall"))
        return QStringLiteral("%1.sendall(data)").arg(socketName);
    if (name == QLatin1String("shutdown")) {
        return server ? QStringLiteral("conn.shutdown(socket.SHUT_WR)")
                      : QStringLiteral("sock.shutdown(socket.SHUT_WR)  "
                                       "# the lecture's client does not do this");
    }
    if (name == QLatin1String("close"))
        return QStringLiteral("%1.close()").arg(socketName);
    return QString();
}

QString SocketCallsModel::explanation(Side side, const SocketCall &call)
{
    const QStringView name = callName(call.call);
    const bool server = side == Side::Server;
    const bool failed = isFailure(call);

    if (name == QLatin1String("socket")) {
        QString text = familyText(call) == QLatin1String("AF_INET6")
            ? tr("Creates a socket: a TCP (SOCK_STREAM) endpoint for IPv6 (AF_INET6).")
            : tr("Creates a socket: a TCP (SOCK_STREAM) endpoint for IPv4 (AF_INET).");
        if (call.result.contains(QLatin1String("dual-stack")))
            text += tr(" This one takes IPv4 clients too (dual-stack).");
        return text + tr(" Nothing is sent on the network yet.");
    }
    if (name == QLatin1String("setsockopt")) {
        return tr("Lets the server bind its port again right after a restart; without it, bind() "
                  "can fail with \"address already in use\" for a while after the old server "
                  "stopped.");
    }
    if (name == QLatin1String("bind")) {
        if (failed) {
            return tr("bind() failed, so the server can not listen: another program may already "
                      "use the port, or the port is below 1024, which needs the administrator.");
        }
        QString text = tr("Claims the address and port clients will connect to. HOST \"\" means "
                          "every interface of this computer; 127.0.0.1 means this computer only.");
        if (call.result.contains(QLatin1String("system chose")))
            text += tr(" Port 0 asks the system for any free port.");
        return text;
    }
    if (name == QLatin1String("listen")) {
        return tr("Makes this a listening socket: clients can now connect, and their connections "
                  "wait in a queue until the server accepts them.");
    }
    if (name == QLatin1String("accept")) {
        if (failed) {
            return tr("The server took the next waiting connection but already serves as many "
                      "clients as it may: it tells this client so and closes the connection.");
        }
        return tr("The server takes the next waiting connection; it gets a new socket for this "
                  "client and the client's address and port.");
    }
    if (name == QLatin1String("getaddrinfo")) {
        if (failed)
            return tr("The host name could not be looked up: check its spelling, or use an IP "
                      "address.");
        return tr("Looks up the addresses of the host name. Python's sock.connect((HOST, PORT)) "
                  "does this itself when HOST is a name.");
    }
    if (name == QLatin1String("connect")) {
        if (call.result.contains(QLatin1String("refused"))) {
            return tr("Nothing accepted the connection: no server is listening on that address "
                      "and port. Is the server started, is the port right?");
        }
        if (failed) {
            return tr("The connection could not be made. \"no answer\" often means a wrong "
                      "address or a firewall dropping the connection.");
        }
        return tr("Connects to the server: TCP's handshake with the server's listening socket. "
                  "On the server, the connection now waits for accept().");
    }
    if (name == QLatin1String("recv")) {
        const QString size = callArgument(call.call);
        if (call.error == TcpStream::Error::ConnectionReset)
            return resetExplanation(side);
        if (isEndOfStream(call)) {
            return server ? tr("recv() returned no bytes (b''): the client will send nothing "
                               "more. The lecture's server never gets here: it reads only once.")
                          : tr("recv() returned no bytes (b''): the server closed the "
                               "connection.");
        }
        return server ? tr("Waits for bytes from the client and reads at most %1 of them. TCP "
                           "is a stream, not messages: one recv() may get part of a send, or "
                           "several sends at once. The lecture's server then turns the bytes "
                           "back into text with data.decode() before upper().").arg(size)
                      : tr("Waits for the server's reply and reads at most %1 bytes of it; a "
                           "long reply may take more than one recv(). They are bytes: "
                           "data.decode() turns them back into text, as the lecture's client "
                           "does before printing.").arg(size);
    }
    if (name == QLatin1String("sendall")) {
        return server ? tr("Sends the capitalized text back to the client, made bytes again "
                           "with string.encode(); sendall() returns only when all of them are "
                           "handed to the system. Their count can differ from what recv() got: "
                           "\"ß\" becomes \"SS\", and a character cut in two by a read waits "
                           "for its end.")
                      : tr("Sends the message to the server. The socket carries bytes, not "
                           "text: the message was encoded to UTF-8 bytes first (data = "
                           "mesg.encode()), and sendall() returns only when all of them are "
                           "handed to the system.");
    }
    if (name == QLatin1String("shutdown")) {
        return server ? tr("Tells the client the server will send nothing more.")
                      : tr("Tells the server \"I will send nothing more\" while still reading "
                           "its replies. The lecture's client does not do this: it reads one "
                           "reply and closes.");
    }
    if (name == QLatin1String("close")) {
        if (!server)
            return tr("Closes the socket: the connection is over.");
        return call.connectionId == 0
            ? tr("Closes the listening socket: no new client can connect.")
            : tr("Closes this client's connection (conn); the listening socket stays open.");
    }
    return QString();
}

QString SocketCallsModel::resetExplanation(Side side)
{
    return side == Side::Server
        ? tr("The client's system answered with a reset (RST) instead of a normal close, so "
             "recv() fails (in Python, ConnectionResetError). A program that closes its socket "
             "with data still unread makes its system send a reset, and so does one that "
             "crashes or is killed.")
        : tr("The server's system answered with a reset (RST) instead of a normal close, so "
             "recv() fails (in Python, ConnectionResetError). A program that closes its socket "
             "with data still unread makes its system send a reset: the lecture's server reads "
             "once, with recv(1024), and closes, so a longer message resets the connection. "
             "A program that crashes or is killed resets its connections too.");
}

bool SocketCallsModel::isFailure(const SocketCall &call)
{
    return call.error != TcpStream::Error::None || call.result.startsWith(QLatin1String("failed"))
        || call.result.startsWith(QLatin1String("refused"))
        || call.result.contains(QLatin1String(", refused: ")); // accept() of a refused client
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
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(row.timeMs)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case ConnectionColumn:
            return connectionText(row.call.connectionId);
        case CallColumn:
            if (row.call.result.isEmpty())
                return row.call.call;
            return row.call.call + QStringLiteral(" -> ") + row.call.result;
        case LectureColumn:
            return lectureLine(m_side, row.call);
        }
        return QVariant();
    case Qt::ToolTipRole:
        if (index.column() == CallColumn) { // the whole call, which the column may cut short
            const QString text = data(index, Qt::DisplayRole).toString();
            const QString why = explanation(m_side, row.call);
            return why.isEmpty() ? text : text + QStringLiteral("\n\n") + why;
        }
        return explanation(m_side, row.call);
    case Qt::ForegroundRole: {
        if (!row.failed)
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
        case LectureColumn: return tr("In the lecture's code");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case ConnectionColumn:
            return tr("Which socket: the listening socket, or one client's connection.");
        case CallColumn: return tr("The socket call and what it returned.");
        case LectureColumn:
            return m_side == Side::Server
                ? tr("The line of the lecture's Python server that makes the same call.")
                : tr("The line of the lecture's Python client that makes the same call.");
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
