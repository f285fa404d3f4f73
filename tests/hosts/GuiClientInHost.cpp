#include "EventLoopWait.h"
#include "QtPrinters.h"

#include "gui/ComposerWidget.h"
#include "gui/ConversationModel.h"
#include "gui/HexView.h"
#include "gui/MainWindow.h"
#include "gui/PacketsModel.h"

#include <QLineEdit>
#include <QTest>

#include <gtest/gtest.h>

#include <vector>

// The client window on the second host. Not a CTest test of its own: HostsTest starts it inside
// namespace B with CAPSOCK_HOSTS_SERVER and CAPSOCK_HOSTS_PORT naming the server in A, the text
// to type in CAPSOCK_HOSTS_MESSAGE and the reply it must see in CAPSOCK_HOSTS_EXPECTED (Python's
// upper(), so the window is not checked against the Qt code it runs on).

namespace {

bool lastReplyComplete(const ConversationModel &model)
{
    for (int i = model.rowCount() - 1; i >= 0; --i) {
        const QModelIndex index = model.index(i);
        if (index.data(ConversationModel::KindRole).value<ConversationModel::Kind>()
            == ConversationModel::Kind::Received)
            return index.data(ConversationModel::CompleteRole).toBool();
    }
    return false;
}

QString lastOfKind(const ConversationModel &model, ConversationModel::Kind kind)
{
    for (int i = model.rowCount() - 1; i >= 0; --i) {
        const QModelIndex index = model.index(i);
        if (index.data(ConversationModel::KindRole).value<ConversationModel::Kind>() == kind)
            return index.data(Qt::DisplayRole).toString();
    }
    return {};
}

// The Packets tab's rows up to the first recv(): the handshake's three segments must be
// among them.
bool handshakeBeforeFirstRecv(PacketsModel &packets, QStringList *rowsSeen)
{
    packets.flush();
    std::vector<quint8> handshake;
    for (int row = 0; row < packets.rowCount(); ++row) {
        const SocketEvent event = packets.eventAt(row);
        rowsSeen->append(packets.index(row, PacketsModel::WhatColumn).data().toString());
        if (event.kind == SocketEvent::Kind::Recv)
            break;
        if (event.kind == SocketEvent::Kind::Segment && handshake.size() < 3)
            handshake.push_back(event.tcpFlags);
    }
    return handshake
        == std::vector<quint8>{TcpSegment::Syn, TcpSegment::Syn | TcpSegment::Ack,
                               TcpSegment::Ack};
}

QString allRows(const ConversationModel &model)
{
    QStringList rows;
    for (int i = 0; i < model.rowCount(); ++i)
        rows.append(model.index(i).data(Qt::DisplayRole).toString());
    return rows.join(QStringLiteral(" | "));
}

TEST(GuiClientInHost, SendsAMessageAndShowsTheCapitalizedReply)
{
    const QString host = qEnvironmentVariable("CAPSOCK_HOSTS_SERVER");
    const quint16 port = quint16(qEnvironmentVariableIntValue("CAPSOCK_HOSTS_PORT"));
    const QString text = qEnvironmentVariable("CAPSOCK_HOSTS_MESSAGE");
    const QString reply = qEnvironmentVariable("CAPSOCK_HOSTS_EXPECTED");
    if (host.isEmpty() || port == 0 || text.isEmpty() || reply.isEmpty())
        GTEST_SKIP() << "runs only inside host B, started by test_hosts";

    MainWindow window(false);
    window.show();
    window.connectToServer(host, port);
    ASSERT_TRUE(waitUntil([&window] {
        return window.client().state() == CapitalizeClient::State::Connected;
    })) << window.stateText();

    // Typed as a student would: into the composer, then Enter. Not ASCII, so it arrives as a
    // paste would (QTest types ASCII only).
    auto *field = window.composer()->findChild<QLineEdit *>(QStringLiteral("message"));
    ASSERT_NE(field, nullptr);
    field->setFocus();
    field->insert(text);
    QTest::keyClick(field, Qt::Key_Return);

    const ConversationModel &conversation = window.conversation();
    ASSERT_TRUE(waitUntil([&conversation] { return lastReplyComplete(conversation); }))
        << "no reply: " << allRows(conversation) << "; " << window.stateText();
    const QString expected = reply + QStringLiteral("\\n"); // the view shows a newline as \\n
    EXPECT_EQ(lastOfKind(conversation, ConversationModel::Kind::Received), expected)
        << allRows(conversation);
    EXPECT_EQ(window.inspector()->stream()->bytes().toByteArray(),
              (text + QLatin1Char('\n') + reply + QLatin1Char('\n')).toUtf8());
    // The hosts run as root: the Packets tab has the handshake across them.
    QStringList rows;
    EXPECT_TRUE(handshakeBeforeFirstRecv(window.packets(), &rows))
        << rows.join(QStringLiteral(" | ")).toStdString();
}

} // namespace
