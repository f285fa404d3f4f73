#include "CutText.h"
#include "DemoSize.h"
#include "QtPrinters.h"

#include "core/IpAddress.h"
#include "core/TcpSynthesizer.h"
#include "gui/HexView.h"
#include "gui/InspectorWindow.h"

#include <QBuffer>
#include <QComboBox>
#include <QLabel>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

constexpr qint64 Start = qint64(1764400000) * 1000 * 1000;

TcpConversation talk(quint16 clientPort, const QByteArray &up, const QByteArray &down)
{
    TcpConversation made;
    made.clientIp = IpAddress::fromText(QStringLiteral("127.0.0.1"));
    made.serverIp = made.clientIp;
    made.clientPort = clientPort;
    made.serverPort = 5220;
    made.openedUs = Start;
    made.transfers = {{Start + 10, TcpDirection::ClientToServer, up},
                      {Start + 20, TcpDirection::ServerToClient, down}};
    made.clientFinishedUs = Start + 30;
    made.serverFinishedUs = Start + 40;
    return made;
}

class InspectorCaptureTest : public ::testing::Test
{
protected:
    QTemporaryDir m_dir;

    QString write(const char *name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(QString::fromLatin1(name)));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        return file.fileName();
    }

    QByteArray capture(const std::vector<TcpConversation> &talks)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        EXPECT_EQ(TcpSynthesizer::writePcapng(talks, &buffer), QString());
        return buffer.data();
    }
};

TEST_F(InspectorCaptureTest, ACaptureShowsAConversationChosenFromTheListEachSegmentTinted)
{
    const QByteArray taco = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae\n");
    const QByteArray big(3000, 'b'); // three segments at 1460 bytes
    const QString file = write("two.pcapng", capture({talk(40001, taco, taco.toUpper()),
                                                      talk(40002, big, big.toUpper())}));
    InspectorWindow window;
    QString error;
    ASSERT_TRUE(window.openFile(file, &error)) << error;
    QComboBox *chooser = window.streamChooser();
    ASSERT_EQ(chooser->count(), 2);
    EXPECT_FALSE(chooser->isHidden());
    EXPECT_TRUE(chooser->itemText(0).startsWith(QStringLiteral("#0 127.0.0.1:40001 → "
                                                               "127.0.0.1:5220")))
        << chooser->itemText(0);
    const ByteStream *stream = window.hexView()->stream();
    EXPECT_EQ(stream->bytes().toByteArray(), taco + taco.toUpper());
    ASSERT_EQ(stream->segmentCount(), 2);
    EXPECT_EQ(stream->segment(0).direction, ByteStream::Direction::Sent);
    EXPECT_EQ(stream->segment(1).direction, ByteStream::Direction::Received);
    EXPECT_EQ(stream->segment(1).timeMs, (Start + 20) / 1000);
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("conversation #0")));

    chooser->setCurrentIndex(1);
    EXPECT_EQ(stream->bytes().toByteArray(), big + big.toUpper());
    EXPECT_EQ(stream->segmentCount(), 6) << "a segment's bytes where a read's would be";
    EXPECT_TRUE(stream->startsRead(1460));

    ASSERT_TRUE(window.chooseStream(0, &error)) << error;
    EXPECT_EQ(chooser->currentIndex(), 0);
    EXPECT_FALSE(window.chooseStream(2, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("there is no #2"))) << error;
}

// Half a projector's width is enough to read which conversation is which.
TEST_F(InspectorCaptureTest, AtTheDemoSizeEachConversationsDescriptionReadsWhole)
{
    const QString file = write("two.pcapng", capture({talk(40001, "hi\n", "HI\n"),
                                                      talk(40002, "yo\n", "YO\n")}));
    InspectorWindow window;
    QString error;
    ASSERT_TRUE(window.openFile(file, &error)) << error;
    window.show();
    showAtTheDemoSize(window);
    QComboBox *chooser = window.streamChooser();
    ASSERT_EQ(chooser->count(), 2);
    for (int index = 0; index < chooser->count(); ++index) {
        chooser->setCurrentIndex(index);
        EXPECT_LE(chooser->fontMetrics().horizontalAdvance(chooser->currentText()),
                  textRoom(chooser))
            << chooser->currentText();
    }
    EXPECT_LE(window.minimumSizeHint().width(), 1600 / 2 - 8)
        << window.width() << " " << chooser->geometry().width() << " "
        << window.hexView()->minimumSizeHint().width() << " " << chooser->isVisible();
}

TEST_F(InspectorCaptureTest, ACaptureCutShortShowsWhatCameBeforeAndSaysWhy)
{
    const QByteArray whole = capture({talk(40001, "hello\n", "HELLO\n")});
    const QString file = write("cut.pcapng", whole.left(whole.size() - 7));
    InspectorWindow window;
    QString error;
    ASSERT_TRUE(window.openFile(file, &error)) << error;
    EXPECT_EQ(window.hexView()->stream()->bytes().toByteArray(), QByteArray("hello\nHELLO\n"));
    const QLabel *legend = window.findChild<QLabel *>(QStringLiteral("legend"));
    ASSERT_TRUE(legend);
    EXPECT_TRUE(legend->text().contains(QStringLiteral("cut.pcapng is cut short")))
        << legend->text().toStdString();
}

TEST_F(InspectorCaptureTest, AHeaderWithNothingUsableAfterItIsAPlainMessage)
{
    const QByteArray whole = capture({});
    InspectorWindow window;
    QString error;
    EXPECT_FALSE(window.openFile(write("empty.pcapng", whole), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("empty.pcapng holds no TCP"))) << error;
    EXPECT_FALSE(window.openFile(write("garbage.pcap", whole.left(6) + "garbage"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("garbage.pcap is not a capture file"))) << error;
}

} // namespace
