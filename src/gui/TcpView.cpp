#include "gui/TcpView.h"

#include "core/SocketEventText.h"
#include "gui/Coalescer.h"
#include "gui/TcpPlotWidget.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

QString timeText(qint64 timeUs)
{
    return QDateTime::fromMSecsSinceEpoch(timeUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QLabel *wrappedLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setMinimumWidth(1);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A gauge of bytes, full at `top`.
void setGauge(QProgressBar *gauge, qint64 bytes, qint64 top)
{
    gauge->setMaximum(int(std::min<qint64>(std::max<qint64>(1, top), INT_MAX)));
    gauge->setValue(int(std::min<qint64>(bytes, INT_MAX)));
    gauge->setFormat(TcpView::tr("%Ln byte(s)", nullptr, int(std::min<qint64>(bytes, INT_MAX))));
}

} // namespace

TcpView::TcpView(QWidget *parent)
    : QWidget(parent)
    , m_refresh(new Coalescer(Coalescer::FrameMs, [this] { refresh(); }, this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // The tab is as short as a third of the window: what does not fit scrolls.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    m_heading = wrappedLabel(QStringLiteral("tcpHeading"), content);
    m_state = wrappedLabel(QStringLiteral("tcpState"), content);
    m_explanation = wrappedLabel(QStringLiteral("tcpExplanation"), content);
    // What is happening first, then its plot (in view at the demo's size, above the fold),
    // then the numbers of the moment, then the history.
    layout->addWidget(m_heading);
    layout->addWidget(m_state);
    layout->addWidget(m_explanation);
    m_plot = new TcpPlotWidget(content);
    m_plot->setObjectName(QStringLiteral("tcpPlot"));
    layout->addWidget(m_plot);
    auto *grid = new QGridLayout;
    setUpGauges(grid);
    layout->addLayout(grid);
    layout->addWidget(new QLabel(tr("States, with the time each began:"), content));
    m_history = new QListWidget(content);
    m_history->setObjectName(QStringLiteral("tcpHistory"));
    m_history->setAccessibleName(tr("TCP states"));
    m_history->setMinimumHeight(fontMetrics().height() * 4);
    layout->addWidget(m_history);
    scroll->setWidget(content);
    refresh();
}

TcpView::~TcpView() = default;

void TcpView::setUpGauges(QGridLayout *grid)
{
    QWidget *content = m_heading->parentWidget();
    const auto addGauge = [grid, content](const QString &name, const QString &label,
                                          const QString &tip, std::vector<QWidget *> &rows) {
        auto *gauge = new QProgressBar(content);
        gauge->setObjectName(name);
        gauge->setTextVisible(true);
        gauge->setAccessibleName(label);
        gauge->setToolTip(tip);
        auto *text = new QLabel(label, content);
        text->setToolTip(tip);
        const int row = grid->rowCount();
        grid->addWidget(text, row, 0);
        grid->addWidget(gauge, row, 1);
        rows.push_back(text);
        rows.push_back(gauge);
        return gauge;
    };
    m_unsent = addGauge(QStringLiteral("unsentGauge"), tr("Send buffer, not yet sent:"),
                        tr("Bytes sendall() handed to the kernel that it has not sent yet"),
                        m_connectionRows);
    m_inFlight = addGauge(QStringLiteral("inFlightGauge"), tr("Sent, not yet acknowledged:"),
                          tr("Bytes in flight: sent, and kept until the peer acknowledges them"),
                          m_connectionRows);
    m_unread = addGauge(QStringLiteral("unreadGauge"), tr("Receive buffer, not yet read:"),
                        tr("Bytes that arrived and wait for the program's recv()"),
                        m_connectionRows);
    m_acceptQueue = addGauge(QStringLiteral("acceptQueueGauge"), tr("Waiting for accept():"),
                             tr("Connections the kernel completed, waiting for accept(); the "
                                "gauge is full at the listen() backlog"),
                             m_listenerRows);
    grid->setColumnStretch(1, 1);
}

void TcpView::setSide(SocketSide side)
{
    if (side == m_side)
        return;
    m_side = side;
    m_shown = 0;
    clear();
}

void TcpView::setConnectionNames(std::function<QString(qint64)> names)
{
    m_names = std::move(names);
    m_refresh->request();
}

TcpView::Connection &TcpView::connection(qint64 connectionId)
{
    auto [entry, added] = m_connections.try_emplace(connectionId);
    if (added && int(m_connections.size()) > MaxConnections) {
        // The oldest connection goes (ids grow), unless it is the one shown or the listener.
        for (auto old = m_connections.begin(); old != m_connections.end(); ++old) {
            if (old->first != 0 && old->first != m_shown && old->first != connectionId) {
                m_connections.erase(old);
                break;
            }
        }
    }
    return entry->second;
}

void TcpView::add(const SocketEvent &event)
{
    if (!event.isTcpReading())
        return;
    // A client shows its newest connection; the one before may still say its last (TIME_WAIT).
    if (m_side == SocketSide::Client && event.connectionId > m_shown)
        m_shown = event.connectionId;
    Connection &record = connection(event.connectionId);
    if (event.kind == SocketEvent::Kind::TcpUnavailable) {
        record.unavailable = true;
    } else {
        const bool changed = !record.read || record.last.state != event.tcp.state;
        if (changed || event.kind == SocketEvent::Kind::TcpState) {
            SocketEvent change = event; // a first reading begins the history too
            if (change.kind != SocketEvent::Kind::TcpState)
                change = SocketEvent::tcpState(event.side, event.connectionId,
                                               record.read ? record.last.state
                                                           : TcpInfo::State::Unknown,
                                               event.tcp);
            change.timeUs = event.timeUs;
            record.states.push_back(change);
            while (int(record.states.size()) > MaxStates)
                record.states.pop_front();
        }
        // A connection found after close() has no queues to tell: keep the last ones, unless
        // it has ended (CLOSED, or TIME_WAIT, which keeps only its addresses): then it holds
        // nothing, and whatever moment it was in is over.
        const TcpInfo queues = event.afterClose ? record.last : event.tcp;
        record.last = event.tcp;
        const bool ended = event.tcp.state == TcpInfo::State::Closed
            || event.tcp.state == TcpInfo::State::TimeWait;
        if (ended) {
            record.last.unsent = record.last.unacked = record.last.unread = 0;
            record.hasMoment = false;
        } else if (event.afterClose) {
            record.last.unsent = queues.unsent;
            record.last.unacked = queues.unacked;
            record.last.unread = queues.unread;
        }
        record.read = true;
    }
    if (event.kind == SocketEvent::Kind::TcpQueues && !event.tcp.isListening()) {
        const TcpInfo &tcp = event.tcp;
        record.plot.add({event.timeUs, tcp.unsent + tcp.unacked, tcp.unread, tcp.rttUs});
        record.sendPeak = std::max(record.sendPeak, tcp.unsent + tcp.unacked);
        record.unreadPeak = std::max(record.unreadPeak, tcp.unread);
        if (event.tcpMoment() != SocketEvent::TcpMoment::None) {
            record.moment = event;
            record.hasMoment = true;
        }
    }
    if (event.connectionId == m_shown && isVisible()) // hidden: refreshed when shown
        m_refresh->request();
}

void TcpView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void TcpView::showConnection(qint64 connectionId)
{
    m_shown = connectionId;
    refresh();
}

void TcpView::clear()
{
    m_connections.clear();
    m_historyShown = {};
    m_refresh->request();
}

void TcpView::flush()
{
    m_refresh->runNow();
}

QString TcpView::heading() const
{
    if (m_side == SocketSide::Client)
        return tr("This client's connection");
    if (m_shown == 0)
        return tr("The listening socket (select a client above to see its connection)");
    return tr("Connection %1").arg(m_names ? m_names(m_shown) : QString::number(m_shown));
}

void TcpView::refresh()
{
    m_heading->setText(QStringLiteral("<b>%1</b>").arg(heading().toHtmlEscaped()));
    static const Connection none;
    const auto found = m_connections.find(m_shown);
    const Connection &shown = found == m_connections.end() ? none : found->second;
    showState(shown);
    showGauges(shown);
    m_plot->setHistory(&shown.plot);
    showMoment(shown);
    showHistory(shown);
}

// Refilled only when a state was added: the list is laid out again each time.
void TcpView::showHistory(const Connection &shown)
{
    const qint64 newest = shown.states.empty() ? 0 : shown.states.back().timeUs;
    const HistoryShown now{m_shown, shown.states.size(), newest};
    if (now == m_historyShown)
        return;
    m_historyShown = now;
    m_history->clear();
    for (const SocketEvent &change : shown.states) {
        m_history->addItem(timeText(change.timeUs) + QStringLiteral("  ")
                           + SocketEventText::call(change));
    }
    m_history->scrollToBottom();
}

void TcpView::showState(const Connection &shown)
{
    if (shown.unavailable) {
        m_state->setText(tr("TCP's state and queues: %1.")
                             .arg(SocketEventText::result(
                                 SocketEvent::tcpUnavailable(m_side, m_shown))));
        return;
    }
    if (shown.states.empty()) {
        m_state->setText(m_side == SocketSide::Server && m_shown == 0
                             ? tr("Start the server to see its listening socket here.")
                             : tr("Nothing yet: TCP's state shows here once there is a "
                                  "connection."));
        return;
    }
    const SocketEvent &latest = shown.states.back();
    // The explanation begins with the state's name.
    m_state->setText(tr("<b>Since %1:</b> %2")
                         .arg(timeText(latest.timeUs),
                              SocketEventText::explanation(latest).toHtmlEscaped()));
}

void TcpView::showGauges(const Connection &shown)
{
    const bool listener = shown.read && shown.last.isListening();
    // The listening socket while it does not listen (before Start, after Stop): no queues.
    const bool notListening = m_side == SocketSide::Server && m_shown == 0 && !listener;
    for (QWidget *row : m_connectionRows)
        row->setHidden(listener || notListening);
    for (QWidget *row : m_listenerRows)
        row->setHidden(!listener);
    m_plot->setHidden(listener || notListening);
    if (notListening)
        return;
    if (listener) {
        setGauge(m_acceptQueue, std::max<qint64>(0, shown.last.acceptQueue),
                 shown.last.backlog);
        m_acceptQueue->setFormat(SocketEventText::queuesResult(shown.last));
        return;
    }
    const qint64 sendTop = TcpPlotHistory::roundUp(shown.sendPeak);
    setGauge(m_unsent, shown.last.unsent, sendTop);
    setGauge(m_inFlight, shown.last.unacked, sendTop);
    setGauge(m_unread, shown.last.unread, TcpPlotHistory::roundUp(shown.unreadPeak));
}

void TcpView::showMoment(const Connection &shown)
{
    m_explanation->setVisible(shown.hasMoment);
    if (!shown.hasMoment)
        return;
    m_explanation->setText(tr("<b>At %1:</b> %2")
                               .arg(timeText(shown.moment.timeUs),
                                    SocketEventText::explanation(shown.moment).toHtmlEscaped()));
}
