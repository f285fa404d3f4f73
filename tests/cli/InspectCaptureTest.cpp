// `capsock --headless --inspect FILE`: captures that tcpdump made of real conversations on
// loopback, and the files Capsock saves, give back the conversation's bytes; files that are
// cut short, no capture at all, or hold no TCP get a plain message.

#include "ProcessHelpers.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <unistd.h>

namespace {

const QByteArray Unicode = QByteArrayLiteral("Gr\xc3\xbc\xc3\x9f" "e \xf0\x9f\x8c\xae\n");
const QByteArray Binary = QByteArrayLiteral("raw \xff\xfe\x00 bytes \x80\n");

// A conversation as `capsock --headless --inspect FILE --stream N` prints it: the bytes from
// the client ("> " headings) and from the server ("< "), from the hex dumps under them.
struct Printed
{
    QByteArray fromClient;
    QByteArray fromServer;
    int segments = 0;
};

Printed parsePrinted(const QByteArray &output)
{
    Printed printed;
    QByteArray *into = nullptr;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("> ") || line.startsWith("< ")) {
            into = line.startsWith('>') ? &printed.fromClient : &printed.fromServer;
            ++printed.segments;
        } else if (into && line.size() > 10) {
            *into += QByteArray::fromHex(line.left(line.indexOf("  |")).mid(10));
        }
    }
    return printed;
}

} // namespace

class InspectCaptureTest : public ProcessTest
{
protected:
    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    Child *inspect(const QString &file, int stream = -1)
    {
        QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--inspect"), file};
        if (stream >= 0)
            arguments << QStringLiteral("--stream") << QString::number(stream);
        return run(capsock(), arguments, {}, 60000);
    }

    // tcpdump capturing TCP on loopback port `port` into `file`, once it says it listens. Each
    // packet as it comes (--immediate-mode: else the kernel hands them over in blocks, and the
    // last block may never come), written at once (-U), with a 64 MiB buffer (-B): loopback
    // segments are up to 64 KiB, and with the default 2 MiB a busy machine drops some of a
    // megabyte's (seen: 1 run in 3).
    Child *startTcpdump(const QString &file, quint16 port)
    {
        Child *tcpdump = start(QStringLiteral("tcpdump"),
                               {QStringLiteral("-i"), QStringLiteral("lo"),
                                QStringLiteral("--immediate-mode"), QStringLiteral("-U"),
                                QStringLiteral("-B"), QStringLiteral("65536"),
                                QStringLiteral("-w"), file,
                                QStringLiteral("tcp port %1").arg(port)});
        EXPECT_TRUE(tcpdump->waitForErrorOutput("listening on", 20000)) << tcpdump->describe();
        return tcpdump;
    }

    // Stops tcpdump once `file` holds each of `streams` (the client's bytes, the server's), as
    // `capsock --inspect` reads it: packets may reach tcpdump after the programs have ended.
    void stopTcpdumpWhenItHas(Child *tcpdump, const QString &file,
                              const std::vector<std::pair<QByteArray, QByteArray>> &streams)
    {
        const auto captured = [this, &file, &streams] {
            for (size_t i = 0; i < streams.size(); ++i) {
                const Printed printed = parsePrinted(inspect(file, int(i))->out);
                if (printed.fromClient != streams[i].first
                    || printed.fromServer != streams[i].second) {
                    return false;
                }
            }
            return true;
        };
        EXPECT_TRUE(QTest::qWaitFor(captured, 30000)) << tcpdump->describe();
        tcpdump->process.terminate(); // it writes what it has and ends
        ASSERT_TRUE(tcpdump->waitForFinished(20000)) << tcpdump->describe();
    }

    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("tcpdump")).isEmpty())
            GTEST_SKIP() << "SKIPPED: tcpdump is not installed (Debian: tcpdump)";
        if (geteuid() != 0)
            GTEST_SKIP() << "SKIPPED: capturing with tcpdump needs root or CAP_NET_RAW";
    }
};

TEST_F(InspectCaptureTest, ATcpdumpCaptureOfTwoClientsGivesEachConversationBackPcapAndPcapng)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    const QString pcap = path("lo.pcap");
    Child *tcpdump = startTcpdump(pcap, port);
    const QByteArray first = Unicode + Binary;
    Child *ours = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                  loopback(port)},
                      first);
    ASSERT_EQ(ours->exitCode(), 0) << ours->describe();
    ASSERT_TRUE(server->waitForOutput("#1 closed")) << server->describe();
    Child *lecture = startPython(QStringLiteral("lecture_client.py"),
                                 {QString::number(port), QStringLiteral("127.0.0.1")});
    lecture->write("I am hungry\n");
    lecture->closeInput();
    ASSERT_TRUE(lecture->waitForFinished()) << lecture->describe();
    ASSERT_TRUE(server->waitForOutput("#2 closed")) << server->describe();
    stopTcpdumpWhenItHas(tcpdump, pcap, {{first, pythonUpper(first)},
                                         {"I am hungry", "I AM HUNGRY"}});

    // The same capture as pcapng, written by tshark.
    const QString pcapng = path("lo.pcapng");
    Child *convert = run(QStringLiteral("tshark"),
                         {QStringLiteral("-r"), pcap, QStringLiteral("-F"),
                          QStringLiteral("pcapng"), QStringLiteral("-w"), pcapng},
                         {});
    ASSERT_EQ(convert->exitCode(), 0) << convert->describe();

    for (const QString &file : {pcap, pcapng}) {
        SCOPED_TRACE(file.toStdString());
        Child *list = inspect(file);
        EXPECT_EQ(list->exitCode(), 0) << list->describe();
        const QList<QByteArray> lines = list->out.trimmed().split('\n');
        ASSERT_EQ(lines.size(), 2) << list->describe();
        EXPECT_TRUE(lines[0].startsWith("#0 127.0.0.1:")) << lines[0].constData();
        EXPECT_TRUE(lines[0].contains("\xe2\x86\x92 127.0.0.1:" + QByteArray::number(port)))
            << lines[0].constData();

        const Printed printedFirst = parsePrinted(inspect(file, 0)->out);
        EXPECT_BYTES_EQ(first, printedFirst.fromClient);
        EXPECT_BYTES_EQ(pythonUpper(first), printedFirst.fromServer);
        const Printed printedLecture = parsePrinted(inspect(file, 1)->out);
        EXPECT_BYTES_EQ(QByteArray("I am hungry"), printedLecture.fromClient);
        EXPECT_BYTES_EQ(QByteArray("I AM HUNGRY"), printedLecture.fromServer);

        Child *beyond = inspect(file, 2);
        EXPECT_EQ(beyond->exitCode(), 2) << beyond->describe();
        EXPECT_TRUE(beyond->err.contains("there is no #2")) << beyond->describe();
    }
}

TEST_F(InspectCaptureTest, AMegabyteOverIPv6ComesBackWholeInItsSegments)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    const QString pcap = path("big.pcap");
    Child *tcpdump = startTcpdump(pcap, port);
    QByteArray line(1 << 20, 'a');
    line += '\n';
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    QStringLiteral("[::1]:%1").arg(port),
                                    QStringLiteral("--quiet")},
                        line, 60000);
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    ASSERT_TRUE(server->waitForOutput("#1 closed")) << server->describe();
    stopTcpdumpWhenItHas(tcpdump, pcap, {{line, line.toUpper()}});

    const Printed printed = parsePrinted(inspect(pcap, 0)->out);
    EXPECT_EQ(printed.fromClient.size(), line.size());
    EXPECT_TRUE(printed.fromClient == line);
    EXPECT_TRUE(printed.fromServer == line.toUpper());
    EXPECT_GT(printed.segments, 2) << "a megabyte takes more than one segment each way";
}

TEST_F(InspectCaptureTest, ACaptureCutShortSaysSoAndGivesWhatCameBefore)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    const QString pcap = path("whole.pcap");
    Child *tcpdump = startTcpdump(pcap, port);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port)},
                        "hello\n");
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    ASSERT_TRUE(server->waitForOutput("#1 closed")) << server->describe();
    stopTcpdumpWhenItHas(tcpdump, pcap, {{"hello\n", "HELLO\n"}});

    QFile whole(pcap);
    ASSERT_TRUE(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QFile cut(path("cut.pcap"));
    ASSERT_TRUE(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() - 10)); // the last packet loses its end
    cut.close();
    Child *list = inspect(cut.fileName());
    EXPECT_EQ(list->exitCode(), 1) << list->describe();
    EXPECT_TRUE(list->err.contains("cut.pcap is cut short or damaged after")) << list->describe();
    EXPECT_TRUE(list->out.startsWith("#0 127.0.0.1:")) << list->describe();
    // Showing one conversation of it says the same, with the same exit code.
    Child *shown = inspect(cut.fileName(), 0);
    EXPECT_EQ(shown->exitCode(), 1) << shown->describe();
    EXPECT_TRUE(shown->err.contains("cut.pcap is cut short or damaged after"))
        << shown->describe();
}

TEST_F(InspectCaptureTest, GarbageAndAFileWithNoTcpGetAPlainMessage)
{
    QFile garbage(path("garbage.pcap"));
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write("this is not a capture at all\n");
    garbage.close();
    Child *fromGarbage = inspect(garbage.fileName());
    EXPECT_EQ(fromGarbage->exitCode(), 1) << fromGarbage->describe();
    EXPECT_TRUE(fromGarbage->err.contains("garbage.pcap is not a capture file Capsock can read"))
        << fromGarbage->describe();
    EXPECT_TRUE(fromGarbage->out.isEmpty()) << fromGarbage->describe();

    // A pcap file (raw IP) holding one UDP datagram.
    QByteArray udp = QByteArray::fromHex("45000020000100004011" "0000" "7f000001" "7f000001"
                                         "30393039000c0000" "68690a00");
    QByteArray file = QByteArray::fromHex("d4c3b2a1" "0200" "0400" "00000000" "00000000"
                                          "ffff0000" "65000000");
    file += QByteArray::fromHex("00000000" "00000000") + QByteArray(1, char(udp.size()))
        + QByteArray(3, '\0') + QByteArray(1, char(udp.size())) + QByteArray(3, '\0') + udp;
    QFile noTcp(path("udp.pcap"));
    ASSERT_TRUE(noTcp.open(QIODevice::WriteOnly));
    noTcp.write(file);
    noTcp.close();
    Child *fromUdp = inspect(noTcp.fileName());
    EXPECT_EQ(fromUdp->exitCode(), 1) << fromUdp->describe();
    // It says what the file does hold, and what opens it (a UDP save of Capsock's own, say).
    EXPECT_TRUE(fromUdp->err.contains("udp.pcap holds no TCP: 1 UDP datagram."))
        << fromUdp->describe();
    EXPECT_TRUE(fromUdp->err.contains("tshark -r ")) << fromUdp->describe();
}

TEST_F(InspectCaptureTest, AConversationCapsockSavedOpensToTheSameBytes)
{
    const QString saved = path("saved.pcapng");
    const quint16 port = startServer();
    ASSERT_NE(port, 0);
    const QByteArray sent = Unicode + Binary;
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port), QStringLiteral("--save"), saved},
                        sent);
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    const Printed printed = parsePrinted(inspect(saved, 0)->out);
    EXPECT_BYTES_EQ(sent, printed.fromClient);
    EXPECT_BYTES_EQ(client->out, printed.fromServer);
}
