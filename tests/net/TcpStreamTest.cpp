#include "NetTestSupport.h"

#include <gtest/gtest.h>

namespace {

// Accepts one connection as a TcpStream, for tests that need both ends in hand.
class OneConnectionListener : public QTcpServer
{
public:
    TcpStream *accepted = nullptr;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        accepted = new TcpStream(descriptor, this);
    }
};

class TcpStreamTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(listener.listen(QHostAddress::LocalHost, 0));
        peer = std::make_unique<RawPeer>(listener.serverPort());
        ASSERT_TRUE(waitUntil([this] { return listener.accepted != nullptr; }, 5000));
        ASSERT_TRUE(peer->waitConnected());
    }

    OneConnectionListener listener;
    std::unique_ptr<RawPeer> peer;
};

TEST_F(TcpStreamTest, ReceiveIsOneRecvOfAtMostTheSizeAsked)
{
    TcpStream &server = *listener.accepted;
    peer->send(QByteArray(3000, 'r'));
    QByteArray all;
    ASSERT_TRUE(waitUntil([&] {
        const QByteArray chunk = server.receive(1024);
        EXPECT_LE(chunk.size(), 1024);
        all += chunk;
        return all.size() == 3000;
    }, 5000));
}

TEST_F(TcpStreamTest, AfterTheSendingSideIsShutTheOtherWayStillWorks)
{
    TcpStream &server = *listener.accepted;
    peer->send("last words");
    peer->finishSending();
    QByteArray heard;
    ASSERT_TRUE(waitUntil([&] {
        heard += server.receive(1024);
        return server.peerFinished();
    }, 5000));
    EXPECT_EQ(heard, QByteArray("last words"));
    EXPECT_EQ(server.error(), TcpStream::Error::None);

    server.send("a reply after the peer's end");
    ASSERT_TRUE(peer->waitReceived(28));
    EXPECT_EQ(peer->received(), QByteArray("a reply after the peer's end"));
    EXPECT_FALSE(peer->ended());
    server.finishSending();
    EXPECT_TRUE(peer->waitEnded());
}

TEST_F(TcpStreamTest, KnowsBothEndsAddresses)
{
    TcpStream &server = *listener.accepted;
    EXPECT_EQ(server.localAddress(), QHostAddress(QHostAddress::LocalHost));
    EXPECT_EQ(server.localPort(), listener.serverPort());
    EXPECT_EQ(server.peerPort(), peer->stream().localPort());
    EXPECT_EQ(peer->stream().peerPort(), listener.serverPort());
}

TEST_F(TcpStreamTest, QueuedBytesAllArriveInOrder)
{
    TcpStream &server = *listener.accepted;
    QByteArray expected;
    for (int i = 0; i < 5000; ++i) {
        const QByteArray piece = QByteArray::number(i) + ',';
        expected += piece;
        server.send(piece);
    }
    server.send(QByteArray(8 * 1024 * 1024, 'z')); // more than the kernel takes at once
    expected += QByteArray(8 * 1024 * 1024, 'z');
    server.finishSending();
    ASSERT_TRUE(peer->waitEnded(20000));
    EXPECT_EQ(peer->received(), expected);
    EXPECT_EQ(server.bytesToSend(), 0);
}

} // namespace
