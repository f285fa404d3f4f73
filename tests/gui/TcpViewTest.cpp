#include "QtPrinters.h"

#include "core/SocketEventText.h"
#include "gui/TcpPlotWidget.h"
#include "gui/TcpView.h"

#include <QLabel>
#include <QListWidget>
#include <QProgressBar>

#include <gtest/gtest.h>

namespace {

template<typename Widget>
Widget *part(const TcpView &view, const char *name)
{
    auto *widget = view.findChild<Widget *>(QLatin1String(name));
    EXPECT_NE(widget, nullptr) << name;
    return widget;
}

TcpInfo reading(TcpInfo::State state, qint64 unsent = 0, qint64 unacked = 0, qint64 unread = 0)
{
    TcpInfo tcp;
    tcp.state = state;
    tcp.unsent = unsent;
    tcp.unacked = unacked;
    tcp.unread = unread;
    tcp.rttUs = 60;
    return tcp;
}

TEST(TcpViewTest, ShowsAStateChangeAndAQueueSampleFedToIt)
{
    TcpView view;
    view.setSide(SocketSide::Client);
    view.showConnection(0);
    EXPECT_FALSE(part<QLabel>(view, "tcpState")->text().contains(QStringLiteral("ESTABLISHED")));

    const SocketEvent established = SocketEvent::tcpState(
        SocketSide::Client, 0, TcpInfo::State::SynSent, reading(TcpInfo::State::Established));
    view.add(established);
    view.flush();
    EXPECT_TRUE(part<QLabel>(view, "tcpState")->text().contains(QStringLiteral("ESTABLISHED")))
        << part<QLabel>(view, "tcpState")->text();
    QListWidget *history = part<QListWidget>(view, "tcpHistory");
    ASSERT_EQ(history->count(), 1);
    EXPECT_TRUE(history->item(0)->text().contains(QStringLiteral("SYN_SENT -> ESTABLISHED")))
        << history->item(0)->text();

    // The server stopped reading: 70,000 bytes wait in our send buffer, none in flight.
    const SocketEvent backpressure = SocketEvent::tcpQueues(
        SocketSide::Client, 0, reading(TcpInfo::State::Established, 70000, 0, 12), false, true);
    ASSERT_EQ(backpressure.tcpMoment(), SocketEvent::TcpMoment::Backpressure);
    view.add(backpressure);
    view.flush();
    EXPECT_EQ(part<QProgressBar>(view, "unsentGauge")->value(), 70000);
    EXPECT_GE(part<QProgressBar>(view, "unsentGauge")->maximum(), 70000);
    EXPECT_EQ(part<QProgressBar>(view, "inFlightGauge")->value(), 0);
    EXPECT_EQ(part<QProgressBar>(view, "unreadGauge")->value(), 12);
    EXPECT_TRUE(part<QLabel>(view, "tcpExplanation")->text().contains(
        SocketEventText::explanation(backpressure).toHtmlEscaped()))
        << part<QLabel>(view, "tcpExplanation")->text();
    const TcpPlotHistory &plot = part<TcpPlotWidget>(view, "tcpPlot")->history();
    ASSERT_EQ(plot.samples().size(), 1u);
    EXPECT_EQ(plot.samples().back().toSend, 70000);
    EXPECT_EQ(plot.samples().back().unread, 12);
    EXPECT_EQ(plot.samples().back().rttUs, 60);
}

// A loss beneath the calls: the tab says in words that TCP sent segments again.
TEST(TcpViewTest, SegmentsSentAgainAreExplainedAsTheyHappen)
{
    TcpView view;
    view.setSide(SocketSide::Client);
    view.showConnection(0);
    TcpInfo lossy = reading(TcpInfo::State::Established, 0, 1448);
    lossy.retransmissions = 3;
    const SocketEvent resent = SocketEvent::tcpQueues(SocketSide::Client, 0, lossy, false, true,
                                                      2);
    view.add(resent);
    view.flush();
    const QString shown = part<QLabel>(view, "tcpExplanation")->text();
    EXPECT_TRUE(shown.contains(SocketEventText::explanation(resent).toHtmlEscaped())) << shown;
    EXPECT_TRUE(shown.contains(QStringLiteral("TCP sent 2 segments again"))) << shown;
}

// Once the kernel has forgotten the connection (or holds it in TIME_WAIT) it holds no bytes,
// and the moment that was is over: neither is shown as if it still were.
TEST(TcpViewTest, AConnectionClosedOrInTimeWaitHoldsNothingAndItsMomentIsOver)
{
    for (const TcpInfo::State end : {TcpInfo::State::Closed, TcpInfo::State::TimeWait}) {
        TcpView view;
        view.setSide(SocketSide::Server);
        view.showConnection(1);
        view.add(SocketEvent::tcpQueues(SocketSide::Server, 1,
                                        reading(TcpInfo::State::Established, 46080, 29696,
                                                50176),
                                        false, true));
        TcpInfo gone = reading(end);
        gone.unsent = gone.unacked = gone.unread = -1; // found by its endpoints: no queues
        view.add(SocketEvent::tcpState(SocketSide::Server, 1, TcpInfo::State::Established, gone,
                                       true));
        view.flush();
        EXPECT_EQ(part<QProgressBar>(view, "unsentGauge")->value(), 0);
        EXPECT_EQ(part<QProgressBar>(view, "inFlightGauge")->value(), 0);
        EXPECT_EQ(part<QProgressBar>(view, "unreadGauge")->value(), 0);
        EXPECT_TRUE(part<QLabel>(view, "tcpExplanation")->isHidden())
            << part<QLabel>(view, "tcpExplanation")->text();
    }
}

TEST(TcpViewTest, ShowsOnlyTheConnectionSelected)
{
    TcpView view;
    view.setSide(SocketSide::Server);
    view.add(SocketEvent::tcpState(SocketSide::Server, 2, TcpInfo::State::Unknown,
                                   reading(TcpInfo::State::CloseWait)));
    view.showConnection(1);
    view.flush();
    EXPECT_FALSE(part<QLabel>(view, "tcpState")->text().contains(QStringLiteral("CLOSE_WAIT")));
    view.showConnection(2);
    EXPECT_TRUE(part<QLabel>(view, "tcpState")->text().contains(QStringLiteral("CLOSE_WAIT")));

    // All clients: the listening socket's accept queue against its backlog.
    TcpInfo listening = reading(TcpInfo::State::Listen);
    listening.acceptQueue = 3;
    listening.backlog = 50;
    view.add(SocketEvent::tcpQueues(SocketSide::Server, 0, listening, false, false));
    view.showConnection(0);
    EXPECT_TRUE(part<QLabel>(view, "tcpState")->text().contains(QStringLiteral("LISTEN")));
    QProgressBar *queue = part<QProgressBar>(view, "acceptQueueGauge");
    EXPECT_FALSE(queue->isHidden());
    EXPECT_EQ(queue->value(), 3);
    EXPECT_EQ(queue->maximum(), 50);
    EXPECT_TRUE(part<QProgressBar>(view, "unsentGauge")->isHidden());
}

TEST(TcpViewTest, SaysWhenTheSystemCanNotTell)
{
    TcpView view;
    view.setSide(SocketSide::Client);
    view.showConnection(0);
    const SocketEvent unavailable = SocketEvent::tcpUnavailable(SocketSide::Client, 0);
    view.add(unavailable);
    view.flush();
    EXPECT_TRUE(part<QLabel>(view, "tcpState")->text().contains(
        SocketEventText::result(unavailable)))
        << part<QLabel>(view, "tcpState")->text();
}

} // namespace
