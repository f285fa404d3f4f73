#include "EventLoopWait.h"
#include "QtPrinters.h"

#include "gui/DemoWindows.h"
#include "gui/MainWindow.h"
#include "gui/UdpClientPanel.h"
#include "gui/UdpServerPanel.h"

#include <QTcpServer>

#include <gtest/gtest.h>

namespace {

bool connects(MainWindow &client)
{
    return waitUntil([&client] {
        return client.client().state() == CapitalizeClient::State::Connected;
    });
}

ServerOptions thisComputerOnly(quint16 port)
{
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = port;
    return options;
}

} // namespace

TEST(DemoWindowsTest, TheClientConnectsToTheServerBesideIt)
{
    MainWindow server(false);
    MainWindow client(false);
    DemoWindows::start(server, client, thisComputerOnly(0));
    ASSERT_TRUE(server.server().isListening()) << server.stateText();
    EXPECT_TRUE(server.isVisible());
    EXPECT_TRUE(client.isVisible());
    ASSERT_TRUE(connects(client)) << client.stateText();
    EXPECT_EQ(client.client().peerPort(), server.server().port());
}

TEST(DemoWindowsTest, OverUdpTheClientsSocketIsOpenToTheServerBesideIt)
{
    MainWindow server(false);
    MainWindow client(false);
    server.setTransport(MainWindow::Transport::Udp);
    client.setTransport(MainWindow::Transport::Udp);
    DemoWindows::start(server, client, thisComputerOnly(0));
    ASSERT_TRUE(server.udpServerPanel()->server().isRunning()) << server.stateText();
    ASSERT_TRUE(waitUntil([&client] {
        return client.udpClientPanel()->client().state() == UdpCapitalizeClient::State::Ready;
    })) << client.stateText();
    EXPECT_EQ(client.udpClientPanel()->client().serverPort(),
              server.udpServerPanel()->server().port());
}

TEST(DemoWindowsTest, WhenItsPortIsTakenTheServerListensOnAnyFreeOne)
{
    QTcpServer other; // another program on the port the demo asks for
    ASSERT_TRUE(other.listen(QHostAddress::LocalHost, 0));
    MainWindow server(false);
    MainWindow client(false);
    DemoWindows::start(server, client, thisComputerOnly(other.serverPort()));
    ASSERT_TRUE(server.server().isListening()) << server.stateText();
    EXPECT_NE(server.server().port(), other.serverPort());
    ASSERT_TRUE(connects(client)) << client.stateText();
    EXPECT_EQ(client.client().peerPort(), server.server().port());
}
