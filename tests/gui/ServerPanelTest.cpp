#include "QtPrinters.h"

#include "gui/ConversationModel.h"
#include "gui/ServerPanel.h"

#include <QComboBox>

#include <gtest/gtest.h>

namespace {

void expectSameOptions(const ServerOptions &actual, const ServerOptions &expected)
{
    EXPECT_EQ(actual.bindAddresses, expected.bindAddresses);
    EXPECT_EQ(actual.port, expected.port);
    EXPECT_EQ(actual.readSize, expected.readSize);
    EXPECT_EQ(actual.closeAfterFirstReply, expected.closeAfterFirstReply);
    EXPECT_EQ(actual.maxClients, expected.maxClients);
    EXPECT_EQ(actual.reuseAddress, expected.reuseAddress);
}

TEST(ServerPanelTest, TheBarSaysBackTheOptionsItWasGiven)
{
    ServerPanel panel;
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost),
                             QHostAddress(QHostAddress::LocalHostIPv6)};
    options.port = 6001;
    options.readSize = 7;
    options.closeAfterFirstReply = true;
    options.maxClients = 3;
    options.reuseAddress = false;
    panel.setOptions(options);
    expectSameOptions(panel.options(), options);

    // An address this computer's interfaces do not list (as from the command line) is offered.
    options.bindAddresses = {QHostAddress(QStringLiteral("192.0.2.7"))};
    panel.setOptions(options);
    expectSameOptions(panel.options(), options);
    auto *bind = panel.findChild<QComboBox *>(QStringLiteral("bindAddress"));
    ASSERT_NE(bind, nullptr);
    EXPECT_TRUE(bind->currentText().contains(QStringLiteral("192.0.2.7"))) << bind->currentText();
}

TEST(ServerPanelTest, StoppedItSaysHowToStart)
{
    ServerPanel panel;
    ConversationModel conversation;
    panel.setConversation(&conversation);
    const PanelState state = panel.state();
    EXPECT_FALSE(state.problem);
    EXPECT_TRUE(state.text.contains(QStringLiteral("Press Start"))) << state.text;
    EXPECT_EQ(state.title, QStringLiteral("server (stopped)"));
    EXPECT_EQ(state.toggleText, QStringLiteral("&Start the server"));
}

} // namespace
