#include "EventLoopWait.h"
#include "QtPrinters.h"

#include "core/IpAddress.h"
#include "core/SocketEvent.h"
#include "core/TcpSynthesizer.h"
#include "gui/ConversationModel.h"
#include "gui/HexView.h"
#include "gui/InspectorWindow.h"
#include "gui/MainWindow.h"
#include "net/CapitalizeSession.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

// Segment boundaries in the byte inspector (issue 14): the TCP segments captured on the wire
// cut a conversation's bytes in other places than its reads do.

namespace {

using Direction = ByteStream::Direction;

// A captured segment of `connection` with `bytes` bytes of payload at relative sequence
// number `seq`, as MainWindow::addSocketEvent gets it.
SocketEvent wireSegment(SocketSide side, qint64 connection, bool outgoing, quint32 seq,
                        qint64 bytes, quint8 flags = TcpSegment::Ack | TcpSegment::Psh)
{
    TcpSegment captured;
    captured.flags = flags;
    captured.payload = QByteArray(bytes, 'x');
    return SocketEvent::segment(side, connection, captured, {seq, 1}, outgoing);
}

SocketEvent syn(SocketSide side, qint64 connection, bool outgoing)
{
    return wireSegment(side, connection, outgoing, 0, 0, TcpSegment::Syn);
}

} // namespace

// "abcdefghij" read in reads of 4, 4 and 2 bytes, carried in segments of 3 and 7.
TEST(SegmentBoundariesTest, ReadsAndSegmentsCutTheSameBytesInDifferentPlaces)
{
    ConversationModel model;
    QSignalSpy told(&model, &ConversationModel::wireSegmentsChanged);
    model.addWireSegment(wireSegment(SocketSide::Client, 0, false, 1, 3)); // before its read
    model.addReceived("abcd");
    model.addReceived("efgh");
    model.addWireSegment(wireSegment(SocketSide::Client, 0, false, 4, 7));
    model.addReceived("ij");
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 1, 0)); // an ACK alone
    model.flush();
    EXPECT_GE(told.count(), 1); // the inspector repaints

    const WireSegments &segments = model.wireSegments();
    EXPECT_EQ(segments.pieceCount(), 2);
    EXPECT_TRUE(segments.startsSegment(0, Direction::Received, 0));
    EXPECT_TRUE(segments.startsSegment(0, Direction::Received, 3));
    EXPECT_FALSE(segments.startsSegment(0, Direction::Received, 4));
    EXPECT_TRUE(model.stream().startsRead(4));
    const auto second = segments.segmentAt(0, Direction::Received, 9);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->number, 2);
    EXPECT_EQ(second->seq, 4);
    EXPECT_EQ(second->length, 7);
    EXPECT_EQ(model.laneOffsetOf(0, Direction::Received, 4), 3);
}

// A client window connects again: the new connection's seq 1 is the byte after the old one's.
TEST(SegmentBoundariesTest, AConnectionAfterAnotherGoesOnInTheSameLanesAndCountsAnew)
{
    ConversationModel model;
    model.addWireSegment(syn(SocketSide::Client, 0, true));
    model.addSent("hello");
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 1, 5));
    model.addWireSegment(syn(SocketSide::Client, 0, true));
    model.addSent("hi");
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 1, 2));

    const WireSegments &segments = model.wireSegments();
    EXPECT_TRUE(segments.startsSegment(0, Direction::Sent, 5));
    const auto again = segments.segmentAt(0, Direction::Sent, 6);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->number, 1);
    EXPECT_EQ(again->seq, 1);
    EXPECT_EQ(again->laneStart, 5);
    EXPECT_EQ(segments.segmentAt(0, Direction::Sent, 4)->laneStart, 0);
}

TEST(SegmentBoundariesTest, TheSegmentsOfBytesLetGoAreLetGoAndClearForgetsThemAll)
{
    ConversationModel model;
    model.setBudget(64 * 1024, 1000);
    const QByteArray line(32, 'a');
    for (int i = 0; i < 10000; ++i) {
        model.addWireSegment(wireSegment(SocketSide::Client, 0, true, quint32(1 + 32 * i), 32));
        model.addSent(line, 0, i + 1);
    }
    ASSERT_GT(model.droppedBytes(), 0);
    const WireSegments &segments = model.wireSegments();
    EXPECT_LE(segments.pieceCount() * 32, 64 * 1024);
    EXPECT_FALSE(segments.segmentAt(0, Direction::Sent, 0));
    const qint64 firstKept = model.stream().laneOffset(0);
    const auto kept = segments.segmentAt(0, Direction::Sent, firstKept);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->laneStart, firstKept);
    EXPECT_TRUE(segments.segmentAt(0, Direction::Sent, 32 * 10000 - 1));

    model.clear();
    EXPECT_TRUE(model.wireSegments().isEmpty());
    model.addWireSegment(syn(SocketSide::Client, 0, true)); // connected again
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 1, 2));
    EXPECT_TRUE(model.wireSegments().segmentAt(0, Direction::Sent, 0));
}

// Clear while connected: the stream counts from 0 again, the connection's seq goes on.
TEST(SegmentBoundariesTest, AfterAClearTheConnectionsNextSegmentsStillFindTheirBytes)
{
    ConversationModel model;
    model.addWireSegment(syn(SocketSide::Client, 0, true));
    model.addSent("hello");
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 1, 5));
    model.clear();
    model.addSent("abcdef");
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 6, 2));
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 8, 4));

    const WireSegments &segments = model.wireSegments();
    EXPECT_TRUE(segments.startsSegment(0, Direction::Sent, 0));
    EXPECT_TRUE(segments.startsSegment(0, Direction::Sent, 2));
    const auto third = segments.segmentAt(0, Direction::Sent, 5);
    ASSERT_TRUE(third);
    EXPECT_EQ(third->number, 3) << "the connection's segments are still counted from its SYN";
    EXPECT_EQ(third->seq, 8);
    EXPECT_EQ(model.laneOffsetOf(0, Direction::Sent, 8), 2);
}

// Relative sequence numbers are 32 bits: past 4 GiB they start again from 0.
TEST(SegmentBoundariesTest, SequenceNumbersThatWrapAt4GiBGoOnInTheLane)
{
    ConversationModel model;
    model.addWireSegment(syn(SocketSide::Client, 0, true));
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 4294967000u, 1000));
    model.addWireSegment(wireSegment(SocketSide::Client, 0, true, 704, 100));
    const qint64 wrapped = qint64(4294967000u) - 1 + 1000;
    EXPECT_TRUE(model.wireSegments().startsSegment(0, Direction::Sent, wrapped));
    EXPECT_EQ(model.laneOffsetOf(0, Direction::Sent, 704), wrapped);
    EXPECT_EQ(model.laneOffsetOf(0, Direction::Sent, 4294967000u), wrapped - 1000)
        << "an earlier number just before the wrap stays before it";
}

class SegmentWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        window.show();
        window.conversation().addReceived("abcd");
        window.conversation().addReceived("efgh");
        window.conversation().addReceived("ij");
        // The capture, as the window gets it from its engine.
        emit window.client().socketEvent(wireSegment(SocketSide::Client, 0, false, 1, 3));
        emit window.client().socketEvent(wireSegment(SocketSide::Client, 0, false, 4, 7));
        window.conversation().flush();
    }

    MainWindow window{false};
};

TEST_F(SegmentWindowTest, TheInspectorShowsReadAndSegmentBoundariesApart)
{
    HexView *inspector = window.inspector();
    const ByteStream *stream = inspector->stream();
    EXPECT_TRUE(stream->startsRead(4));
    EXPECT_FALSE(inspector->startsWireSegment(4));
    EXPECT_TRUE(inspector->startsWireSegment(3));
    EXPECT_FALSE(stream->startsRead(3));
    EXPECT_TRUE(inspector->showsWireSegments());

    const QString tooltip = inspector->describeByte(5);
    EXPECT_TRUE(tooltip.contains(QStringLiteral("Received: read #2"))) << tooltip;
    EXPECT_TRUE(tooltip.contains(QStringLiteral("TCP segment #2: seq 4, 7 bytes"))) << tooltip;
    // Bytes no captured segment carried say nothing about segments.
    window.conversation().addReceived("k");
    window.conversation().flush();
    EXPECT_FALSE(inspector->describeByte(10).contains(QStringLiteral("segment"))) << "k";

    inspector->setShowsWireSegments(false);
    EXPECT_FALSE(inspector->showsWireSegments());
}

TEST_F(SegmentWindowTest, ChoosingAByteNamesItsSegmentAndASegmentSelectsItsBytes)
{
    HexView *inspector = window.inspector();
    inspector->setSelection(5, 5);
    EXPECT_TRUE(inspector->describeSelection().contains(QStringLiteral("TCP segment #2")))
        << inspector->describeSelection();

    EXPECT_TRUE(window.selectSegmentBytes(0, false, 4, 7));
    EXPECT_EQ(inspector->selectionStart(), 3);
    EXPECT_EQ(inspector->selectionEnd(), 10);
    EXPECT_TRUE(window.selectSegmentBytes(0, false, 1, 3));
    EXPECT_EQ(inspector->selectionStart(), 0);
    EXPECT_EQ(inspector->selectionEnd(), 3);
    EXPECT_FALSE(window.selectSegmentBytes(0, true, 1, 3)) << "nothing was sent";
    EXPECT_FALSE(window.selectSegmentBytes(0, false, 100, 3)) << "not read (yet)";
}

// A teacher following one client sees that client's segment boundaries in its own stream.
TEST(SegmentFollowTest, FollowingAClientKeepsItsSegmentBoundaries)
{
    MainWindow window(false);
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = 0;
    window.setServerOptions(options);
    window.show();
    ASSERT_TRUE(window.startServer()) << window.stateText();
    QTcpSocket other; // another client first, so the one followed is not at offset 0
    other.connectToHost(QHostAddress::LocalHost, window.server().port());
    ASSERT_TRUE(other.waitForConnected(5000));
    other.write("zz");
    ASSERT_TRUE(waitUntil([&window] { return window.conversation().stream().size() >= 4; }));
    // Two writes, each read and answered before the next: where the segments cut is then the
    // same whether or not the window captures the real ones (as root it does).
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, window.server().port());
    ASSERT_TRUE(client.waitForConnected(5000));
    client.write("abc");
    ASSERT_TRUE(waitUntil([&client] { return client.bytesAvailable() >= 3; }));
    client.write("defghij");
    ASSERT_TRUE(waitUntil([&client] { return client.bytesAvailable() >= 10; }));
    ASSERT_TRUE(waitUntil([&window] { return window.clientList()->topLevelItemCount() == 3; }));
    const qint64 id = window.server().sessions().back()->id();
    // Its segments: 3 and 7 bytes each way.
    for (const bool outgoing : {false, true}) {
        emit window.server().socketEvent(wireSegment(SocketSide::Server, id, outgoing, 1, 3));
        emit window.server().socketEvent(wireSegment(SocketSide::Server, id, outgoing, 4, 7));
    }

    window.clientList()->setCurrentItem(window.clientList()->topLevelItem(2));
    window.conversation().flush();
    HexView *inspector = window.inspector();
    const ByteStream *stream = inspector->stream();
    ASSERT_EQ(stream->size(), 20) << "its bytes alone";
    qint64 fifthIn = -1;
    for (qint64 offset = 0; offset < stream->size(); ++offset) {
        const bool in = stream->segment(stream->segmentAt(offset)).direction
            == Direction::Received;
        const qint64 lane = stream->laneOffset(offset);
        EXPECT_EQ(inspector->startsWireSegment(offset), lane == 0 || lane == 3) << offset;
        if (in && lane == 4)
            fifthIn = offset;
    }
    const QString tooltip = inspector->describeByte(fifthIn);
    EXPECT_TRUE(tooltip.contains(QStringLiteral("TCP segment #2: seq 4, 7 bytes"))) << tooltip;
}

// In a capture opened in the inspector each read IS a captured segment: it says so.
TEST(SegmentCaptureTest, TheCaptureInspectorCallsEachPieceASegmentWithItsSeq)
{
    TcpConversation talk;
    talk.clientIp = IpAddress::fromText(QStringLiteral("127.0.0.1"));
    talk.serverIp = talk.clientIp;
    talk.clientPort = 40001;
    talk.serverPort = 5220;
    const qint64 start = qint64(1764400000) * 1000 * 1000;
    talk.openedUs = start;
    talk.transfers = {{start + 10, TcpDirection::ClientToServer, "hello"},
                      {start + 20, TcpDirection::ClientToServer, "world"},
                      {start + 30, TcpDirection::ServerToClient, "HELLOWORLD"}};
    talk.clientFinishedUs = start + 40;
    talk.serverFinishedUs = start + 50;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_EQ(TcpSynthesizer::writePcapng({talk}, &buffer), QString());
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("talk.pcapng")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(buffer.data());
    file.close();

    InspectorWindow window;
    QString error;
    ASSERT_TRUE(window.openFile(file.fileName(), &error)) << error;
    const QString second = window.hexView()->describeByte(6);
    EXPECT_TRUE(second.contains(QStringLiteral("TCP segment #2: seq 6, 5 bytes"))) << second;
    EXPECT_FALSE(second.contains(QStringLiteral("send #"))) << second;
    const QString reply = window.hexView()->describeByte(12);
    EXPECT_TRUE(reply.contains(QStringLiteral("TCP segment #1: seq 1, 10 bytes"))) << reply;
    EXPECT_FALSE(reply.contains(QStringLiteral("read #"))) << reply;
    EXPECT_TRUE(window.hexView()->startsWireSegment(5));
}
