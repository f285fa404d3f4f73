#include "CutText.h"
#include "DemoSize.h"
#include "EventLoopWait.h"
#include "QtPrinters.h"
#include "Tshark.h"

#include "gui/MainWindow.h"
#include "gui/PacketsView.h"
#include "gui/SocketCallsView.h"
#include "gui/TcpView.h"
#include "gui/UdpClientPanel.h"
#include "gui/UdpServerPanel.h"
#include "net/BindAddress.h"

#include <QAction>
#include <QLabel>
#include <QApplication>
#include <QComboBox>
#include <QMessageBox>
#include <QRadioButton>
#include <QTabWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QFontDatabase>
#include <QTreeView>
#include <QTreeWidget>
#include <QUdpSocket>

#include <gtest/gtest.h>

namespace {

int rowsOfKind(ConversationModel &model, ConversationModel::Kind kind)
{
    model.flush();
    int count = 0;
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.index(i).data(ConversationModel::KindRole).value<ConversationModel::Kind>()
            == kind)
            ++count;
    }
    return count;
}

QStringList textsOfKind(ConversationModel &model, ConversationModel::Kind kind)
{
    model.flush();
    QStringList texts;
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex index = model.index(i);
        if (index.data(ConversationModel::KindRole).value<ConversationModel::Kind>() == kind)
            texts.append(index.data(Qt::DisplayRole).toString());
    }
    return texts;
}

int callsOfKind(SocketCallsModel &calls, SocketEvent::Kind kind)
{
    calls.flush();
    int count = 0;
    for (int row = 0; row < calls.rowCount(); ++row) {
        if (calls.eventAt(row).kind == kind)
            ++count;
    }
    return count;
}

// Segments of the inspector's stream that start a read (a datagram, for UDP) in one direction.
int segmentsInDirection(const ByteStream &stream, ByteStream::Direction direction)
{
    int count = 0;
    for (qsizetype i = 0; i < stream.segmentCount(); ++i) {
        if (stream.segment(i).direction == direction)
            ++count;
    }
    return count;
}

ServerOptions loopbackOnAnyPort()
{
    ServerOptions options;
    options.bindAddresses = BindAddress::parse(QStringLiteral("127.0.0.1")).addresses;
    options.port = 0;
    return options;
}

} // namespace

TEST(UdpWindowTest, TheTransportChoiceTurnsTheWindowToUdpAndBack)
{
    MainWindow window(false);
    EXPECT_EQ(window.transport(), MainWindow::Transport::Tcp);
    window.findChild<QRadioButton *>(QStringLiteral("udpTransport"))->click();
    EXPECT_EQ(window.transport(), MainWindow::Transport::Udp);
    window.setMode(MainWindow::Mode::Server);
    EXPECT_TRUE(window.udpServerPanel()->isVisibleTo(&window));
    EXPECT_FALSE(window.serverPanel()->isVisibleTo(&window));
    window.findChild<QRadioButton *>(QStringLiteral("tcpTransport"))->click();
    EXPECT_EQ(window.transport(), MainWindow::Transport::Tcp);
    EXPECT_TRUE(window.serverPanel()->isVisibleTo(&window));
    EXPECT_FALSE(window.udpServerPanel()->isVisibleTo(&window));
}

TEST(UdpWindowTest, ThreeMessagesGetThreeWholeRepliesEachDatagramABoundary)
{
    MainWindow serverWindow(false);
    serverWindow.setTransport(MainWindow::Transport::Udp);
    serverWindow.setServerOptions(loopbackOnAnyPort());
    ASSERT_TRUE(serverWindow.startServer()) << serverWindow.stateText().toStdString();
    const quint16 port = serverWindow.udpServerPanel()->server().port();
    ASSERT_NE(port, 0);

    MainWindow clientWindow(false);
    clientWindow.setTransport(MainWindow::Transport::Udp);
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), port);
    for (const char *message : {"one", "two", "three"})
        clientWindow.udpClientPanel()->send(QByteArray(message));

    ConversationModel &conversation = clientWindow.conversation();
    ASSERT_TRUE(waitUntil([&conversation] {
        return rowsOfKind(conversation, ConversationModel::Kind::Received) == 3;
    }));
    EXPECT_EQ(textsOfKind(conversation, ConversationModel::Kind::Received),
              (QStringList{QStringLiteral("ONE"), QStringLiteral("TWO"),
                           QStringLiteral("THREE")}));
    EXPECT_EQ(segmentsInDirection(conversation.stream(), ByteStream::Direction::Received), 3);
    EXPECT_EQ(callsOfKind(clientWindow.socketCalls(), SocketEvent::Kind::SendTo), 3);
    EXPECT_EQ(callsOfKind(clientWindow.socketCalls(), SocketEvent::Kind::RecvFrom), 3);

    ConversationModel &served = serverWindow.conversation();
    ASSERT_TRUE(waitUntil([&served] {
        return rowsOfKind(served, ConversationModel::Kind::Sent) == 3;
    }));
    EXPECT_EQ(segmentsInDirection(served.stream(), ByteStream::Direction::Received), 3);
    EXPECT_EQ(callsOfKind(serverWindow.socketCalls(), SocketEvent::Kind::RecvFrom), 3);
    EXPECT_EQ(callsOfKind(serverWindow.socketCalls(), SocketEvent::Kind::SendTo), 3);
    EXPECT_EQ(serverWindow.udpServerPanel()->peerList()->topLevelItemCount(), 1);
    // Nothing was captured: the inspector's legend has no TCP segments to explain.
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        const QString legend =
            window->findChild<QLabel *>(QStringLiteral("inspectorLabel"))->text();
        EXPECT_FALSE(legend.contains(QStringLiteral("TCP segment"))) << legend;
    }
}

// The textbook's UDP lines are long ("serverSocket.sendto(modifiedMessage.encode(),
// clientAddress)"): at the demo's size each call and line still reads whole, in both windows.
TEST(UdpWindowTest, AtTheDemoSizeEveryUdpCallReadsWhole)
{
    MainWindow serverWindow(false);
    serverWindow.setTransport(MainWindow::Transport::Udp);
    serverWindow.setServerOptions(loopbackOnAnyPort());
    serverWindow.show();
    ASSERT_TRUE(serverWindow.startServer()) << serverWindow.stateText().toStdString();
    MainWindow clientWindow(false);
    clientWindow.setTransport(MainWindow::Transport::Udp);
    clientWindow.show();
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"),
                                 serverWindow.udpServerPanel()->server().port());
    clientWindow.udpClientPanel()->send(QByteArray("hi"));
    ASSERT_TRUE(waitUntil([&clientWindow] {
        return rowsOfKind(clientWindow.conversation(), ConversationModel::Kind::Received) == 1;
    }));
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        showAtTheDemoSize(*window);
        window->socketCalls().flush();
        QTest::qWait(50); // the rows' layout
        QTreeView *tree = window->findChild<SocketCallsView *>()->treeView();
        ASSERT_GE(tree->model()->rowCount(), 3);
        QFont code = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        code.setPointSizeF(tree->font().pointSizeF());
        EXPECT_EQ(cutCells(tree, SocketCallsModel::CallColumn, tree->font()), QStringList());
        EXPECT_EQ(cutCells(tree, SocketCallsModel::LectureColumn, code), QStringList());
    }
}

// Over UDP there is no TCP beneath the calls: the tab that shows it is not offered.
TEST(UdpWindowTest, TheTcpAndPacketsTabsAreHiddenOverUdpAndBackOverTcp)
{
    MainWindow window(false);
    window.show();
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("callsTabs"));
    ASSERT_NE(tabs, nullptr);
    const int tcpTab = tabs->indexOf(window.tcpView());
    const int packetsTab = tabs->indexOf(window.packetsView());
    ASSERT_GE(tcpTab, 0);
    ASSERT_GE(packetsTab, 0);
    tabs->setCurrentIndex(tcpTab);
    EXPECT_TRUE(tabs->isTabVisible(tcpTab));
    EXPECT_TRUE(tabs->isTabVisible(packetsTab));
    window.findChild<QRadioButton *>(QStringLiteral("udpTransport"))->click();
    EXPECT_FALSE(tabs->isTabVisible(tcpTab));
    EXPECT_FALSE(tabs->isTabVisible(packetsTab)) << "TCP segments are all it captures";
    EXPECT_NE(tabs->currentIndex(), tcpTab) << "the socket calls are shown instead";
    window.setMode(MainWindow::Mode::Server);
    EXPECT_FALSE(tabs->isTabVisible(tcpTab));
    EXPECT_FALSE(tabs->isTabVisible(packetsTab));
    window.findChild<QRadioButton *>(QStringLiteral("tcpTransport"))->click();
    EXPECT_TRUE(tabs->isTabVisible(tcpTab));
    EXPECT_TRUE(tabs->isTabVisible(packetsTab));
}

// File > Save over UDP: each window's datagrams, each way, as tshark reads them.
TEST(UdpWindowTest, SaveConversationWritesEachDatagramThatTsharkReadsByteForByte)
{
    MainWindow serverWindow(false);
    serverWindow.setTransport(MainWindow::Transport::Udp);
    serverWindow.setServerOptions(loopbackOnAnyPort());
    ASSERT_TRUE(serverWindow.startServer()) << serverWindow.stateText().toStdString();
    const quint16 port = serverWindow.udpServerPanel()->server().port();
    MainWindow clientWindow(false);
    clientWindow.setTransport(MainWindow::Transport::Udp);
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), port);
    const QByteArray taco = QStringLiteral("I am hungry for 🌮").toUtf8();
    clientWindow.udpClientPanel()->send(taco);
    clientWindow.udpClientPanel()->send("two");
    ConversationModel &conversation = clientWindow.conversation();
    ASSERT_TRUE(waitUntil([&conversation] {
        return rowsOfKind(conversation, ConversationModel::Kind::Received) == 2;
    }));

    const QByteArray expected[] = {taco, QStringLiteral("I AM HUNGRY FOR 🌮").toUtf8(), "two",
                                   "TWO"};
    const QString server = QStringLiteral("127.0.0.1:%1").arg(port);
    QTemporaryDir dir;
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        const QString file = dir.filePath(QStringLiteral("udp.pcapng"));
        ASSERT_EQ(window->saveConversation(file), QString());
        EXPECT_EQ(Tshark::problems(file), QString());
        const std::vector<Tshark::Datagram> datagrams = Tshark::udpDatagrams(file);
        ASSERT_EQ(datagrams.size(), std::size(expected));
        for (size_t i = 0; i < datagrams.size(); ++i) {
            EXPECT_EQ(expected[i], datagrams[i].payload) << i;
            EXPECT_EQ(i % 2 == 0 ? datagrams[i].to : datagrams[i].from, server) << i;
        }
    }
}

TEST(UdpWindowTest, AMessageNothingAnswersShowsTheNoReplyNote)
{
    // A port bound and never read: the datagram arrives, and nothing answers it.
    QUdpSocket silent;
    ASSERT_TRUE(silent.bind(QHostAddress::LocalHost, 0));
    MainWindow clientWindow(false);
    clientWindow.setTransport(MainWindow::Transport::Udp);
    clientWindow.udpClientPanel()->setReplyTimeout(200);
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), silent.localPort());
    clientWindow.udpClientPanel()->send(QByteArray("hello?"));

    ConversationModel &conversation = clientWindow.conversation();
    ASSERT_TRUE(waitUntil([&conversation] {
        return rowsOfKind(conversation, ConversationModel::Kind::Problem) == 1;
    }));
    EXPECT_EQ(rowsOfKind(conversation, ConversationModel::Kind::Received), 0);
    EXPECT_TRUE(textsOfKind(conversation, ConversationModel::Kind::Problem)
                    .first()
                    .contains(QStringLiteral("UDP does not retry")))
        << textsOfKind(conversation, ConversationModel::Kind::Problem).first().toStdString();
}

TEST(UdpWindowTest, TheTransportAndTheUdpBarsAreRememberedLikeTheMode)
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
    {
        MainWindow window;
        window.setTransport(MainWindow::Transport::Udp);
        window.setMode(MainWindow::Mode::Server);
        ServerOptions options;
        options.port = 12000;
        options.datagramSize = 512;
        window.setServerOptions(options);
        window.close();
    }
    MainWindow again;
    EXPECT_EQ(again.transport(), MainWindow::Transport::Udp);
    EXPECT_EQ(again.mode(), MainWindow::Mode::Server);
    EXPECT_EQ(again.udpServerPanel()->options().port, 12000);
    EXPECT_EQ(again.udpServerPanel()->options().datagramSize, 512);
}

// The UDP client's server field keeps the servers opened to, newest first, as the TCP
// client's does, and the next window offers them again.
TEST(UdpWindowTest, TheUdpClientsServerFieldKeepsAHistoryLikeTheTcpClients)
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
    {
        MainWindow window;
        window.setTransport(MainWindow::Transport::Udp);
        for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("::1"),
                                    QStringLiteral("127.0.0.1")}) {
            window.connectToServer(host, 9); // no packet goes: UDP has no handshake
            ASSERT_TRUE(waitUntil([&window] {
                return window.udpClientPanel()->client().state()
                    == UdpCapitalizeClient::State::Ready;
            })) << window.stateText().toStdString();
        }
        auto *field = window.findChild<QComboBox *>(QStringLiteral("udpHost"));
        ASSERT_NE(field, nullptr);
        ASSERT_TRUE(field->isEditable());
        EXPECT_EQ(field->count(), 2) << "each server once";
        window.close();
    }
    MainWindow again;
    auto *field = again.findChild<QComboBox *>(QStringLiteral("udpHost"));
    ASSERT_NE(field, nullptr);
    ASSERT_EQ(field->count(), 2);
    EXPECT_EQ(field->itemText(0), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(field->itemText(1), QStringLiteral("::1"));
    EXPECT_EQ(field->currentText(), QStringLiteral("127.0.0.1"));
}

// Help > About names both transports.
TEST(UdpWindowTest, TheAboutBoxSaysTcpAndUdp)
{
    MainWindow window(false);
    window.show();
    auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    ASSERT_NE(about, nullptr);
    QString text;
    QTimer::singleShot(0, &window, [&text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        text = box->text();
        box->accept();
    });
    about->trigger(); // modal: returns once the box is closed above
    EXPECT_TRUE(text.contains(QStringLiteral("TCP and UDP"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("datagram"))) << text.toStdString();
}

// The transport by keyboard alone: Tab from the mode reaches the transport chosen, and the
// arrows choose the other, as in any group of radio buttons.
TEST(UdpWindowTest, TheTransportIsChosenByKeyboard)
{
    MainWindow window(false);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    auto *clientMode = window.findChild<QRadioButton *>(QStringLiteral("clientMode"));
    ASSERT_TRUE(clientMode->isChecked());
    clientMode->setFocus(Qt::TabFocusReason);
    QTest::keyClick(clientMode, Qt::Key_Tab);
    auto *tcp = window.findChild<QRadioButton *>(QStringLiteral("tcpTransport"));
    ASSERT_EQ(QApplication::focusWidget(), tcp);
    QTest::keyClick(tcp, Qt::Key_Right);
    EXPECT_EQ(window.transport(), MainWindow::Transport::Udp);
    // Back to the mode, and again: now UDP is the stop.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    EXPECT_EQ(QApplication::focusWidget(), clientMode);
    QTest::keyClick(clientMode, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(),
              window.findChild<QRadioButton *>(QStringLiteral("udpTransport")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    EXPECT_EQ(window.transport(), MainWindow::Transport::Tcp);
}

