#include "CutText.h"
#include "DemoSize.h"
#include "EventLoopWait.h"
#include "QtPrinters.h"
#include "SocketEventPrinters.h"
#include "Tshark.h"

#include "core/SocketEventText.h"
#include "gui/HexView.h"
#include "gui/MainWindow.h"
#include "gui/PacketsModel.h"
#include "gui/PacketsView.h"
#include "net/ConnectionCapture.h"
#include "net/NetTestSupport.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>

// The window's Packets tab: the segments its connections' packets carried, captured, among the
// socket calls. Capturing needs root or CAP_NET_RAW; the tests run as root, as CI does, and
// one runs itself again without the privilege.

namespace {

std::vector<SocketEvent> eventsOf(PacketsModel &model)
{
    model.flush();
    std::vector<SocketEvent> events;
    for (int row = 0; row < model.rowCount(); ++row)
        events.push_back(model.eventAt(row));
    return events;
}

std::vector<SocketEvent> segmentsOf(const std::vector<SocketEvent> &events, qint64 connection)
{
    std::vector<SocketEvent> segments;
    for (const SocketEvent &event : events)
        if (event.kind == SocketEvent::Kind::Segment && event.connectionId == connection)
            segments.push_back(event);
    return segments;
}

// Where the first event of `kind` (of `connection`) is in `events`; -1: nowhere.
int firstIndexOf(const std::vector<SocketEvent> &events, SocketEvent::Kind kind,
                 qint64 connection = 0)
{
    for (size_t i = 0; i < events.size(); ++i)
        if (events[i].kind == kind && events[i].connectionId == connection)
            return int(i);
    return -1;
}

int firstIndexOf(const std::vector<SocketEvent> &events, quint8 flags, qint64 connection = 0)
{
    for (size_t i = 0; i < events.size(); ++i)
        if (events[i].kind == SocketEvent::Kind::Segment && events[i].tcpFlags == flags
            && events[i].connectionId == connection)
            return int(i);
    return -1;
}

bool hasFin(const std::vector<SocketEvent> &segments, bool outgoing)
{
    return std::any_of(segments.begin(), segments.end(), [outgoing](const SocketEvent &event) {
        return event.has(TcpSegment::Fin) && event.outgoing == outgoing;
    });
}

QString describe(const std::vector<SocketEvent> &events)
{
    QStringList lines;
    for (const SocketEvent &event : events)
        lines << QStringLiteral("#%1 %2%3")
                     .arg(event.connectionId)
                     .arg(event.kind == SocketEvent::Kind::Segment
                              ? SocketEventText::segmentLine(event) + QLatin1Char(' ')
                              : QString())
                     .arg(event.kind == SocketEvent::Kind::Segment
                              ? QString()
                              : SocketEventText::callAndResult(event));
    return lines.join(QLatin1Char('\n'));
}

// A connection's segments as the tab shows them: the handshake before the first recv(), the
// payloads adding up to what was sent and received, and a FIN each way after the bytes.
void expectOneConnection(const std::vector<SocketEvent> &events, qint64 connection,
                         qint64 sentBytes, qint64 receivedBytes, bool weConnect)
{
    const std::vector<SocketEvent> segments = segmentsOf(events, connection);
    ASSERT_GE(segments.size(), 3u) << describe(events);
    // Our SYN goes out when we connect; a server's comes in.
    EXPECT_EQ(segments[0].tcpFlags, TcpSegment::Syn) << describe(events);
    EXPECT_EQ(segments[0].outgoing, weConnect);
    EXPECT_EQ(segments[0].seq, 0);
    EXPECT_EQ(segments[1].tcpFlags, TcpSegment::Syn | TcpSegment::Ack) << describe(events);
    EXPECT_EQ(segments[1].outgoing, !weConnect);
    EXPECT_EQ(segments[1].ack, 1);
    EXPECT_EQ(segments[2].tcpFlags, TcpSegment::Ack) << describe(events);
    EXPECT_EQ(segments[2].outgoing, weConnect);
    EXPECT_EQ(segments[2].seq, 1);
    const int ackAt = firstIndexOf(events, TcpSegment::Ack, connection);
    const int recvAt = firstIndexOf(events, SocketEvent::Kind::Recv, connection);
    ASSERT_GE(recvAt, 0) << describe(events);
    EXPECT_LT(ackAt, recvAt) << "the handshake comes before the first recv()\n"
                             << describe(events);
    qint64 sent = 0;
    qint64 received = 0;
    for (const SocketEvent &segment : segments)
        (segment.outgoing ? sent : received) += segment.bytes;
    EXPECT_EQ(sent, sentBytes) << describe(events);
    EXPECT_EQ(received, receivedBytes) << describe(events);
    for (const SocketEvent &segment : segments) {
        if (segment.has(TcpSegment::Fin)) {
            EXPECT_EQ(segment.seq, 1 + (segment.outgoing ? sentBytes : receivedBytes))
                << "a FIN comes after every byte\n" << describe(events);
        }
    }
    EXPECT_TRUE(hasFin(segments, true) && hasFin(segments, false)) << describe(events);
}

QString whatShown(QTreeView *tree, int row)
{
    return tree->model()->index(row, PacketsModel::WhatColumn).data().toString();
}

class PacketsTabTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (geteuid() != 0)
            GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
        serverWindow.setServerOptions(loopbackOptions());
        serverWindow.show();
        clientWindow.show();
        ASSERT_TRUE(serverWindow.startServer()) << serverWindow.stateText();
    }

    // `client` connects, says `line`, reads its reply and closes; both ends' FINs captured.
    void talkAndClose(MainWindow &client, const QByteArray &line)
    {
        client.connectToServer(QStringLiteral("127.0.0.1"), serverWindow.server().port());
        ASSERT_TRUE(waitUntil([&client] {
            return client.client().state() == CapitalizeClient::State::Connected;
        })) << client.stateText();
        QByteArray received;
        const QMetaObject::Connection receiving = QObject::connect(
            &client.client(), &CapitalizeClient::dataReceived, &client,
            [&received](const QByteArray &chunk) { received += chunk; });
        localPort = client.client().localPort();
        client.client().send(line);
        const bool replied =
            waitUntil([&received, &line] { return received.size() >= line.size(); });
        QObject::disconnect(receiving);
        ASSERT_TRUE(replied);
        client.client().disconnectFromServer();
        const qint64 connection = client.client().connectionId();
        ASSERT_TRUE(waitUntil([&client, connection] {
            const std::vector<SocketEvent> segments =
                segmentsOf(eventsOf(client.packets()), connection);
            return hasFin(segments, true) && hasFin(segments, false);
        })) << describe(eventsOf(client.packets()));
    }

    MainWindow serverWindow{false};
    MainWindow clientWindow{false};
    quint16 localPort = 0; // the last talkAndClose()'s client's
};

} // namespace

TEST_F(PacketsTabTest, TheClientsTabShowsTheHandshakeTheDataAndTheFinAmongTheCalls)
{
    talkAndClose(clientWindow, "hello\n");
    const std::vector<SocketEvent> events = eventsOf(clientWindow.packets());
    expectOneConnection(events, 1, 6, 6, true); // the client's first connection
    // connect() lines up with the handshake: its SYN goes out before it returns.
    EXPECT_LT(firstIndexOf(events, TcpSegment::Syn, 1),
              firstIndexOf(events, SocketEvent::Kind::Connect, 1))
        << describe(events);

    // The tab, beside the calls and TCP tabs, shows them so.
    auto *tabs = clientWindow.findChild<QTabWidget *>(QStringLiteral("callsTabs"));
    ASSERT_NE(tabs, nullptr);
    EXPECT_EQ(tabs->tabText(tabs->indexOf(clientWindow.packetsView())), QStringLiteral("Packets"));
    QTreeView *tree = clientWindow.packetsView()->treeView();
    QStringList shown;
    for (int row = 0; row < tree->model()->rowCount(); ++row)
        shown << whatShown(tree, row);
    const QRegularExpression synLine(QStringLiteral("SYN seq=0 win=\\d+"));
    const int syn = int(shown.indexOf(synLine));
    ASSERT_GE(syn, 0) << shown.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(shown.value(syn + 1).startsWith(QStringLiteral("SYN/ACK seq=0 ack=1 win=")))
        << shown.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(shown.contains(QRegularExpression(QStringLiteral("PSH/ACK 6 bytes seq=1 .*"))))
        << shown.join(QLatin1Char('\n')).toStdString();
    // The inspector's legend explains the segments' marks, now that there are some (told once
    // a frame).
    const QLabel *legend = clientWindow.findChild<QLabel *>(QStringLiteral("inspectorLabel"));
    EXPECT_TRUE(waitUntil([legend] {
        return legend->text().contains(QStringLiteral("a captured TCP segment starts"));
    })) << legend->text();
    // The calls list keeps its calls alone.
    SocketCallsModel &calls = clientWindow.socketCalls();
    calls.flush();
    for (int row = 0; row < calls.rowCount(); ++row)
        EXPECT_NE(calls.eventAt(row).kind, SocketEvent::Kind::Segment);
}

// `window` at the demo's size, its Packets tab shown and laid out.
QTreeView *packetsAtTheDemoSize(MainWindow &window)
{
    showAtTheDemoSize(window);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("callsTabs"));
    tabs->setCurrentWidget(window.packetsView());
    QTest::qWait(50); // the rows' layout
    return window.packetsView()->treeView();
}

// At the demo's size each packet's time and direction read whole, and so does what it was.
TEST_F(PacketsTabTest, AtTheDemoSizeEachPacketReadsWhole)
{
    talkAndClose(clientWindow, "hello\n");
    QTreeView *tree = packetsAtTheDemoSize(clientWindow);
    ASSERT_GT(tree->model()->rowCount(), 6);
    for (const int column :
         {PacketsModel::TimeColumn, PacketsModel::DirectionColumn, PacketsModel::WhatColumn})
        EXPECT_EQ(cutCells(tree, column, tree->font()), QStringList())
            << column << " " << tree->viewport()->width() << " " << tree->columnWidth(column)
            << " " << tree->visualRect(tree->model()->index(0, column)).left() << " "
            << tree->columnWidth(0) << " " << tree->columnWidth(1) << " "
            << tree->horizontalScrollBar()->value();
}

// A short call is one line: no cell of its row, not even one scrolled to, makes it taller.
TEST_F(PacketsTabTest, AtTheDemoSizeTheServersShortCallsTakeOneLine)
{
    talkAndClose(clientWindow, "hello\n");
    QTreeView *tree = packetsAtTheDemoSize(serverWindow);
    const QFontMetrics metrics(tree->font());
    int shortCalls = 0;
    for (int row = 0; row < tree->model()->rowCount(); ++row) {
        const QModelIndex what = tree->model()->index(row, PacketsModel::WhatColumn);
        if (!what.data().toString().startsWith(QStringLiteral("sendall(")))
            continue;
        ++shortCalls;
        EXPECT_LT(tree->visualRect(what).height(), 2 * metrics.lineSpacing())
            << what.data().toString();
    }
    EXPECT_GT(shortCalls, 0);
}

// A segment chosen in the tab shows its payload in the inspector: the bytes it carried.
TEST_F(PacketsTabTest, ChoosingADataSegmentSelectsTheBytesItCarriedInTheInspector)
{
    talkAndClose(clientWindow, "hello\n");
    QTreeView *tree = clientWindow.packetsView()->treeView();
    HexView *inspector = clientWindow.inspector();
    int chosen = 0;
    for (int row = 0; row < tree->model()->rowCount(); ++row) {
        if (!whatShown(tree, row).startsWith(QStringLiteral("PSH/ACK 6 bytes")))
            continue;
        const bool sent = tree->model()->index(row, 0).data().toString().contains(
            QStringLiteral("sent"));
        tree->setCurrentIndex(tree->model()->index(row, PacketsModel::WhatColumn));
        // The line sent is the stream's first 6 bytes, its reply the next 6.
        EXPECT_EQ(inspector->selectionStart(), sent ? 0 : 6) << whatShown(tree, row);
        EXPECT_EQ(inspector->selectionEnd(), sent ? 6 : 12);
        ++chosen;
    }
    EXPECT_EQ(chosen, 2) << "the line and its reply";
}

TEST_F(PacketsTabTest, TheServersTabShowsEachClientsSegmentsAndFollowingOneShowsItsAlone)
{
    MainWindow otherClient(false);
    otherClient.show();
    talkAndClose(clientWindow, "ann here\n");
    talkAndClose(otherClient, "bob says hi\n");
    const quint16 bobPort = localPort;
    ASSERT_TRUE(waitUntil([this] {
        const std::vector<SocketEvent> events = eventsOf(serverWindow.packets());
        return hasFin(segmentsOf(events, 2), true) && hasFin(segmentsOf(events, 2), false);
    })) << describe(eventsOf(serverWindow.packets()));
    const std::vector<SocketEvent> events = eventsOf(serverWindow.packets());
    expectOneConnection(events, 1, 9, 9, false);
    expectOneConnection(events, 2, 12, 12, false);
    // Each client's handshake before the accept() that returned it.
    EXPECT_LT(firstIndexOf(events, TcpSegment::Ack, 2),
              firstIndexOf(events, SocketEvent::Kind::Accept, 2))
        << describe(events);
    EXPECT_TRUE(segmentsOf(events, 0).empty()) << "every segment is a client's";

    QTreeWidget *list = serverWindow.clientList();
    QTreeWidgetItem *bob = nullptr;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        if (list->topLevelItem(row)->text(0).endsWith(QLatin1Char(':') + QString::number(bobPort)))
            bob = list->topLevelItem(row);
    ASSERT_NE(bob, nullptr);
    list->setCurrentItem(bob);
    QTreeView *tree = serverWindow.packetsView()->treeView();
    int segmentsShown = 0;
    for (int row = 0; row < tree->model()->rowCount(); ++row) {
        const QString connection =
            tree->model()->index(row, PacketsModel::ConnectionColumn).data().toString();
        EXPECT_TRUE(connection.startsWith(QStringLiteral("#2 "))
                    || connection == QStringLiteral("listening socket"))
            << connection.toStdString();
        segmentsShown += whatShown(tree, row).startsWith(QStringLiteral("SYN")) ? 1 : 0;
    }
    EXPECT_EQ(segmentsShown, 2) << "Bob's SYN and SYN/ACK";

    list->setCurrentItem(list->topLevelItem(0)); // All clients
    EXPECT_EQ(tree->model()->rowCount(), serverWindow.packets().rowCount());
}

// Stop closes the listening socket first and the sessions after it: the capture goes on until
// the last of them has ended, so the tab shows the connections ending.
TEST_F(PacketsTabTest, TheServersTabShowsAClientsFinAfterStopAndThenStopsCapturing)
{
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), serverWindow.server().port());
    ASSERT_TRUE(waitUntil([this] { return serverWindow.server().sessions().size() == 1; }));
    serverWindow.stopServer();
    const auto finAfterStop = [this](bool outgoing) {
        const std::vector<SocketEvent> events = eventsOf(serverWindow.packets());
        const int stoppedAt = firstIndexOf(events, SocketEvent::Kind::Close, 0);
        return stoppedAt >= 0
            && std::any_of(events.begin() + stoppedAt, events.end(),
                           [outgoing](const SocketEvent &event) {
                               return event.kind == SocketEvent::Kind::Segment
                                   && event.connectionId == 1 && event.outgoing == outgoing
                                   && (event.has(TcpSegment::Fin) || event.has(TcpSegment::Rst));
                           });
    };
    EXPECT_TRUE(waitUntil([&finAfterStop] { return finAfterStop(true) && finAfterStop(false); }))
        << describe(eventsOf(serverWindow.packets()));
    EXPECT_TRUE(waitUntil([this] { return !serverWindow.capture().isCapturing(); }))
        << "the last session has ended";
}

// A client's capture ends with its connection, and the next connection starts another.
TEST_F(PacketsTabTest, TheClientsCaptureStopsOnceTheConnectionHasEndedAndReconnectingRestartsIt)
{
    talkAndClose(clientWindow, "hello\n");
    EXPECT_TRUE(waitUntil([this] { return !clientWindow.capture().isCapturing(); }));
    const std::vector<SocketEvent> segments = segmentsOf(eventsOf(clientWindow.packets()), 1);
    ASSERT_FALSE(segments.empty());
    EXPECT_EQ(segments.back().tcpFlags, TcpSegment::Ack) << "the last FIN's ACK is shown too\n"
                                                         << describe(segments);

    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), serverWindow.server().port());
    EXPECT_TRUE(clientWindow.capture().isCapturing());
    // The second connection's SYN, as its own.
    ASSERT_TRUE(waitUntil([this] {
        const std::vector<SocketEvent> segments = segmentsOf(eventsOf(clientWindow.packets()), 2);
        return std::count_if(segments.begin(), segments.end(), [](const SocketEvent &segment) {
                   return segment.tcpFlags == TcpSegment::Syn && segment.outgoing;
               }) == 1;
    })) << describe(eventsOf(clientWindow.packets()));
}

// A client refused because the server is full never gets a connection of its own: its
// segments are the listening socket's, from its handshake to its end.
TEST_F(PacketsTabTest, ARefusedClientsSegmentsAreTheListeningSockets)
{
    MainWindow fullServer(false);
    ServerOptions options = loopbackOptions();
    options.maxClients = 1;
    fullServer.setServerOptions(options);
    ASSERT_TRUE(fullServer.startServer()) << fullServer.stateText();
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), fullServer.server().port());
    ASSERT_TRUE(waitUntil([&fullServer] { return fullServer.server().sessions().size() == 1; }));
    MainWindow refused(false);
    refused.connectToServer(QStringLiteral("127.0.0.1"), fullServer.server().port());
    ASSERT_TRUE(waitUntil([&fullServer] {
        const std::vector<SocketEvent> segments = segmentsOf(eventsOf(fullServer.packets()), 0);
        return hasFin(segments, true) && hasFin(segments, false);
    })) << describe(eventsOf(fullServer.packets()));
    const std::vector<SocketEvent> events = eventsOf(fullServer.packets());
    const std::vector<SocketEvent> segments = segmentsOf(events, 0);
    EXPECT_EQ(segments.front().tcpFlags, TcpSegment::Syn) << describe(events);
    EXPECT_FALSE(segments.front().outgoing);
    EXPECT_LT(firstIndexOf(events, TcpSegment::Syn, 0),
              firstIndexOf(events, SocketEvent::Kind::Refuse, 0))
        << "its handshake before the accept() that refused it\n" << describe(events);
    EXPECT_TRUE(segmentsOf(events, 2).empty()) << describe(events);
}

TEST(PacketsTabAloneTest, AClientConnectingWhereNobodyListensShowsTheReset)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
    MainWindow window(false);
    window.show();
    window.connectToServer(QStringLiteral("127.0.0.1"), unusedPort());
    ASSERT_TRUE(waitUntil([&window] {
        const std::vector<SocketEvent> segments = segmentsOf(eventsOf(window.packets()), 1);
        return std::any_of(segments.begin(), segments.end(), [](const SocketEvent &segment) {
            return segment.has(TcpSegment::Rst) && !segment.outgoing;
        });
    })) << describe(eventsOf(window.packets()));
    const std::vector<SocketEvent> segments = segmentsOf(eventsOf(window.packets()), 1);
    EXPECT_EQ(segments.front().tcpFlags, TcpSegment::Syn);
    EXPECT_TRUE(segments.front().outgoing);
    // The connection refused, nothing more is captured.
    EXPECT_TRUE(waitUntil([&window] { return !window.capture().isCapturing(); }));
}

TEST_F(PacketsTabTest, SaveWritesThePacketsCaptured)
{
    const QByteArray up = "captured, not made up\n";
    talkAndClose(clientWindow, up);
    ASSERT_TRUE(waitUntil([this] {
        const std::vector<SocketEvent> segments = segmentsOf(eventsOf(serverWindow.packets()), 1);
        return hasFin(segments, true) && hasFin(segments, false);
    }));
    QTemporaryDir dir;
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        const QString file = dir.filePath(QStringLiteral("window.pcapng"));
        ASSERT_EQ(window->saveConversation(file), QString());
        QFile saved(file);
        ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
        EXPECT_TRUE(saved.readAll().contains("Capsock (captured)")) << "made up, not captured";
        EXPECT_EQ(Tshark::problems(file, false), QString()); // loopback: no checksums
        ASSERT_EQ(Tshark::streamCount(file), 1);
        const Tshark::Followed followed = Tshark::follow(file, 0);
        EXPECT_EQ(followed.fromNode0, up);
        EXPECT_EQ(followed.fromNode1, up.toUpper());
    }
    // Clear empties the tab, and what Save would write.
    clientWindow.findChild<QAction *>(QStringLiteral("clearAction"))->trigger();
    EXPECT_EQ(clientWindow.packets().rowCount(), 0);
    const QString file = dir.filePath(QStringLiteral("cleared.pcapng"));
    ASSERT_EQ(clientWindow.saveConversation(file), QString());
    QFile saved(file);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_FALSE(saved.readAll().contains("Capsock (captured)"));
}

namespace {

// The unprivileged half of the test below: the window as a student without the capability
// runs it.
void talkWithoutThePrivilege()
{
    ASSERT_NE(geteuid(), 0u) << "meant to run without the privilege";
    MainWindow server(false);
    MainWindow client(false);
    server.setServerOptions(loopbackOptions());
    ASSERT_TRUE(server.startServer()) << server.stateText();
    client.connectToServer(QStringLiteral("127.0.0.1"), server.server().port());
    QByteArray received;
    QObject::connect(&client.client(), &CapitalizeClient::dataReceived, &client,
                     [&received](const QByteArray &chunk) { received += chunk; });
    ASSERT_TRUE(waitUntil([&client] {
        return client.client().state() == CapitalizeClient::State::Connected;
    })) << client.stateText();
    client.client().send("hello\n");
    ASSERT_TRUE(waitUntil([&received] { return received == "HELLO\n"; }))
        << received.toStdString();
    for (MainWindow *window : {&server, &client}) {
        const QString said = window->packetsView()->statusText();
        EXPECT_TRUE(said.contains(QStringLiteral("capturing them needs the CAP_NET_RAW "
                                                 "capability")))
            << said.toStdString();
        EXPECT_TRUE(said.contains(QStringLiteral("sudo setcap cap_net_raw=eip ")
                                  + QCoreApplication::applicationFilePath()))
            << said.toStdString();
        const std::vector<SocketEvent> events = eventsOf(window->packets());
        EXPECT_TRUE(std::none_of(events.begin(), events.end(), [](const SocketEvent &event) {
            return event.kind == SocketEvent::Kind::Segment;
        }));
        EXPECT_GT(window->packets().rowCount(), 0) << "the calls are still there";
    }
    // Save makes the segments up from the calls, as before there was capturing.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("made-up.pcapng"));
    ASSERT_EQ(client.saveConversation(file), QString());
    QFile saved(file);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_FALSE(saved.readAll().contains("Capsock (captured)"));
    EXPECT_EQ(Tshark::problems(file), QString());
    const Tshark::Followed followed = Tshark::follow(file, 0);
    EXPECT_EQ(followed.fromNode0, QByteArray("hello\n"));
    EXPECT_EQ(followed.fromNode1, QByteArray("HELLO\n"));
}

const char UnprivilegedChild[] = "CAPSOCK_TEST_UNPRIVILEGED_CHILD";

} // namespace

TEST(PacketsTabAloneTest, WithoutThePrivilegeThePacketsTabSaysWhyAndHowAndTheRestWorks)
{
    if (qEnvironmentVariableIsSet(UnprivilegedChild)) {
        talkWithoutThePrivilege();
        return;
    }
    // Capabilities once dropped cannot come back in this process: this test runs again in a
    // child, as the unprivileged user "nobody" (setpriv, util-linux).
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        GTEST_SKIP() << "SKIPPED: setpriv (util-linux) is not installed";
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: only root can run the test as another user";
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(UnprivilegedChild), QStringLiteral("1"));
    environment.insert(QStringLiteral("HOME"), QDir::tempPath());
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    const QString test = QStringLiteral(
        "PacketsTabAloneTest.WithoutThePrivilegeThePacketsTabSaysWhyAndHowAndTheRestWorks");
    child.start(setpriv, {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                          QStringLiteral("--clear-groups"),
                          QCoreApplication::applicationFilePath(),
                          QStringLiteral("--gtest_filter=") + test});
    ASSERT_TRUE(child.waitForFinished(60000)) << child.readAll().toStdString();
    const QByteArray output = child.readAll();
    EXPECT_EQ(child.exitCode(), 0) << output.toStdString();
    EXPECT_TRUE(output.contains("[  PASSED  ] 1 test")) << output.toStdString();
}
