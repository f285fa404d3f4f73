#pragma once

#include "core/SocketEvent.h"
#include "core/TcpPlotHistory.h"

#include <QWidget>

#include <deque>
#include <functional>
#include <map>
#include <vector>

class Coalescer;
class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class TcpPlotWidget;

// The "TCP" tab beside the socket calls: what the kernel says about one connection, beneath the
// calls (the probe's readings: TcpState, TcpQueues, TcpUnavailable). For the connection shown:
// its TCP state, explained, and the states it went through, with times; gauges for the bytes in
// the send buffer (not yet sent, in flight) and in the receive buffer (not yet read); a small
// plot of those and the RTT over time; and the latest of the lecture's moments the readings
// showed, explained as it happens. A server's connection 0 is its listening socket: its accept
// queue against the backlog. Every text comes from SocketEventText.
//
// It keeps the readings of every connection, so that turning to another shows its history at
// once; at most MaxConnections of them (the newest), each with a bounded history. Readings come
// at the socket's rate; the widgets are refreshed at most once a frame, and not while hidden
// (behind the socket calls' tab).
class TcpView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxConnections = 128;
    static constexpr int MaxStates = 50; // per connection; a connection has a dozen at most

    explicit TcpView(QWidget *parent = nullptr);
    ~TcpView() override;

    // Names the listening socket (a server's connection 0), or a client's connection: its
    // newest, which it shows by itself.
    void setSide(SocketSide side);
    // What the heading calls a connection: "#3 127.0.0.1:51234".
    void setConnectionNames(std::function<QString(qint64)> names);
    // Keeps a reading; any other event is not for this view.
    void add(const SocketEvent &event);
    void showConnection(qint64 connectionId);
    qint64 shownConnection() const { return m_shown; }
    // Forgets every connection's readings.
    void clear();
    // Refreshes the widgets now rather than at the next frame (e.g. before a test reads them).
    void flush();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Connection
    {
        TcpInfo last;
        bool read = false; // `last` is a reading
        bool unavailable = false;
        std::deque<SocketEvent> states; // the changes, oldest first
        TcpPlotHistory plot;
        SocketEvent moment; // the latest of the lecture's moments, when hasMoment
        bool hasMoment = false;
        qint64 sendPeak = 0;
        qint64 unreadPeak = 0;
    };

    void setUpGauges(QGridLayout *grid);
    Connection &connection(qint64 connectionId);
    void refresh();
    void showState(const Connection &shown);
    void showGauges(const Connection &shown);
    void showMoment(const Connection &shown);
    void showHistory(const Connection &shown);
    QString heading() const;

    SocketSide m_side = SocketSide::Client;
    std::function<QString(qint64)> m_names;
    std::map<qint64, Connection> m_connections;
    qint64 m_shown = 0;
    Coalescer *m_refresh;
    QLabel *m_heading;
    QLabel *m_state;
    QProgressBar *m_unsent;
    QProgressBar *m_inFlight;
    QProgressBar *m_unread;
    QProgressBar *m_acceptQueue;
    std::vector<QWidget *> m_connectionRows; // the gauges of a connection, and their labels
    std::vector<QWidget *> m_listenerRows;   // the accept queue's gauge and label
    TcpPlotWidget *m_plot;
    QLabel *m_explanation;
    QListWidget *m_history;
    // Which connection's states the list shows, how many, and the newest's time.
    struct HistoryShown
    {
        qint64 connectionId = -1;
        std::size_t count = 0;
        qint64 newestUs = 0;
        bool operator==(const HistoryShown &other) const
        {
            return connectionId == other.connectionId && count == other.count
                && newestUs == other.newestUs;
        }
    };
    HistoryShown m_historyShown;
};
