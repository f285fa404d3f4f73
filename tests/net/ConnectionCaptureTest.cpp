#include "NetTestSupport.h"

#include "net/CapitalizeClient.h"
#include "net/ConnectionCapture.h"
#include "net/ConversationRecording.h"

#include <QTcpServer>

#include <gtest/gtest.h>

#include <unistd.h>

#include <memory>
#include <vector>

// A server's clients are told by the accept() that returned them; those it never accepted
// wait in a bounded queue. Capturing needs root or CAP_NET_RAW; the tests run as root, as CI
// does.

TEST(ConnectionCaptureTest, ClientsNeverAcceptedPastTheQueueAreShownAsTheListeningSockets)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
    QTcpServer listener; // its accept()s are not told to the capture
    listener.setListenBacklogSize(1024);
    ASSERT_TRUE(listener.listen(QHostAddress::LocalHost)) << listener.errorString().toStdString();
    const quint16 port = listener.serverPort();
    CapitalizeClient client;
    ConversationRecording recording;
    ConnectionCapture capture(&client, &recording);
    std::vector<SocketEvent> told;
    QObject::connect(&capture, &ConnectionCapture::segmentCaptured, &capture,
                     [&told](const SocketEvent &segment) { told.push_back(segment); });
    capture.beforeCall(SocketEvent::bind({QStringLiteral("127.0.0.1"), 0}, port));
    ASSERT_TRUE(capture.isCapturing()) << capture.problem().toStdString();

    // Three segments a handshake: the queue (1024) is full after 342 clients.
    std::vector<std::unique_ptr<RawPeer>> peers;
    for (int i = 0; i < 400 && told.empty(); ++i) {
        peers.push_back(std::make_unique<RawPeer>(port));
        ASSERT_TRUE(peers.back()->waitConnected());
    }
    ASSERT_GE(told.size(), 3u) << "the oldest client's segments are shown, not dropped";
    EXPECT_GE(peers.size(), 342u) << "nothing is shown while the queue has room";
    const quint8 handshake[] = {TcpSegment::Syn, TcpSegment::Syn | TcpSegment::Ack,
                                TcpSegment::Ack};
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(told[i].connectionId, 0) << i;
        EXPECT_EQ(told[i].tcpFlags, handshake[i]) << i;
        EXPECT_EQ(told[i].outgoing, i == 1) << i; // the SYN/ACK is the listening socket's
    }
}
