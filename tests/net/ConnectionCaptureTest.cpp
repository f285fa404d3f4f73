#include "NetTestSupport.h"
#include "Tshark.h"

#include "net/CapitalizeClient.h"
#include "net/ConnectionCapture.h"
#include "net/ConversationRecording.h"

#include <QTcpServer>
#include <QTemporaryDir>

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

// A client's capture stops with the last ACK of its connection's end; that ACK is in what the
// recording saves too, as in what the capture told: every segment told is in the file, the
// first connection's too once a second has started.
TEST(ConnectionCaptureTest, EverySegmentToldIsRecordedUpToTheLastAckOfEachConnection)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
    CapitalizeServer server;
    ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString().toStdString();
    CapitalizeClient client;
    ConversationRecording recording;
    recording.watch(&client);
    ConnectionCapture capture(&client, &recording);
    QObject::connect(&client, &CapitalizeClient::socketEvent, &capture,
                     &ConnectionCapture::beforeCall);
    int told = 0;
    QObject::connect(&capture, &ConnectionCapture::segmentCaptured, &capture,
                     [&told](const SocketEvent &) { ++told; });
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("two.pcapng"));

    for (const QByteArray message : {QByteArray("conn one\n"), QByteArray("conn two\n")}) {
        client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
        client.send(message);
        ASSERT_TRUE(waitUntil([&client] { return client.unansweredMessages() == 0; }, 5000));
        client.disconnectFromServer();
        // Our FIN, its ACK, the server's FIN and our ACK of it: then the capture stops.
        ASSERT_TRUE(waitUntil([&capture] { return !capture.isCapturing(); }, 5000));
    }
    ASSERT_EQ(recording.save(file), QString());
    const Tshark::Result frames = Tshark::run({QStringLiteral("-r"), file, QStringLiteral("-T"),
                                               QStringLiteral("fields"), QStringLiteral("-e"),
                                               QStringLiteral("frame.number")});
    ASSERT_TRUE(frames.ran) << frames.errors.toStdString();
    EXPECT_EQ(frames.output.trimmed().split('\n').size(), told) << frames.output.toStdString();
}
