// `capsock --headless --client HOST --packets`: the TCP segments the connection carried, captured
// with libpcap, beside the calls: the handshake before the data, data segments that add up to
// the bytes sent and received, a FIN from each end. Without the privilege, a plain explanation
// and the conversation as ever.

#include "ProcessHelpers.h"
#include "SegmentLines.h"

#include <QRegularExpression>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <unistd.h>

class PacketsTest : public ProcessTest
{
};

TEST_F(PacketsTest, TheHandshakeTheDataSegmentsAndAFinFromEachEndAreShown)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
    const quint16 port = startServer();
    ASSERT_NE(port, 0);
    const QByteArray sent = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae \xff\xfe");
    for (const QString &where : {loopback(port), QStringLiteral("[::1]:%1").arg(port)}) {
        SCOPED_TRACE(where.toStdString());
        // No line ending: the client half-closes at the end of input and waits for the
        // server's close, so every segment but the last ACK comes before it ends.
        Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                        where, QStringLiteral("--packets"),
                                        QStringLiteral("--line-ending"), QStringLiteral("none")},
                            sent);
        ASSERT_EQ(client->exitCode(), 0) << client->describe();
        const QByteArray reply = client->out;
        EXPECT_EQ(reply, pythonUpper(sent));
        const std::vector<ShownSegment> shown = segmentsShown(client->err);
        ASSERT_GE(shown.size(), 6u) << client->describe();
        EXPECT_TRUE(shown[0].toServer && shown[0].flags == QLatin1String("SYN")
                    && shown[0].seq == 0)
            << client->describe();
        EXPECT_TRUE(!shown[1].toServer && shown[1].flags == QLatin1String("SYN/ACK")
                    && shown[1].seq == 0 && shown[1].ack == 1)
            << client->describe();
        EXPECT_TRUE(shown[2].toServer && shown[2].flags == QLatin1String("ACK")
                    && shown[2].seq == 1 && shown[2].ack == 1)
            << client->describe();
        qint64 up = 0;
        qint64 down = 0;
        const ShownSegment *clientFin = nullptr;
        const ShownSegment *serverFin = nullptr;
        for (const ShownSegment &segment : shown) {
            (segment.toServer ? up : down) += segment.length;
            if (segment.flags.startsWith(QLatin1String("FIN")))
                (segment.toServer ? clientFin : serverFin) = &segment;
        }
        EXPECT_EQ(up, sent.size()) << client->describe();
        EXPECT_EQ(down, reply.size()) << client->describe();
        ASSERT_TRUE(clientFin && serverFin) << client->describe();
        EXPECT_EQ(clientFin->seq, 1 + sent.size()) << "the FIN comes after every byte";
        EXPECT_EQ(serverFin->seq, 1 + reply.size());
        EXPECT_EQ(serverFin->ack, 1 + sent.size() + 1) << "the client's FIN acknowledged";
    }
}

TEST_F(PacketsTest, WithoutThePrivilegeTheClientSaysWhyAndHowAndTalksAsEver)
{
    // Run as the unprivileged user "nobody" (setpriv, util-linux), as a student would.
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        GTEST_SKIP() << "SKIPPED: setpriv (util-linux) is not installed";
    const QStringList asNobody = {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups")};
    Child *probe = run(setpriv, asNobody + QStringList{capsock(), QStringLiteral("--version")},
                       {}, 5000);
    if (!probe->exitedNormally() || probe->exitCode() != 0)
        GTEST_SKIP() << "SKIPPED: cannot run capsock as an unprivileged user here: "
                     << probe->describe();
    const quint16 port = startServer();
    ASSERT_NE(port, 0);
    Child *client = run(setpriv, asNobody + QStringList{capsock(), QStringLiteral("--headless"),
                                                        QStringLiteral("--client"),
                                                        loopback(port),
                                                        QStringLiteral("--packets")},
                        "hello\n");
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_EQ(client->out, QByteArray("HELLO\n"));
    EXPECT_TRUE(client->err.contains("Packets are not shown: capturing them needs the "
                                     "CAP_NET_RAW capability"))
        << client->describe();
    EXPECT_TRUE(client->err.contains("sudo setcap cap_net_raw=eip " + capsock().toUtf8()))
        << client->describe();
    EXPECT_TRUE(segmentsShown(client->err).empty()) << client->describe();
}

// What the explanation says to grant is enough: CAP_NET_RAW alone, no CAP_NET_ADMIN, as the
// user nobody (the capability made ambient stands in for setcap on the file).
TEST_F(PacketsTest, CapNetRawAloneIsEnoughToCapture)
{
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        GTEST_SKIP() << "SKIPPED: setpriv (util-linux) is not installed";
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: granting CAP_NET_RAW needs root";
    const QStringList withNetRawAlone = {QStringLiteral("--reuid=65534"),
                                         QStringLiteral("--regid=65534"),
                                         QStringLiteral("--clear-groups"),
                                         QStringLiteral("--inh-caps=-all,+net_raw"),
                                         QStringLiteral("--ambient-caps=-all,+net_raw"),
                                         QStringLiteral("--bounding-set=-all,+net_raw")};
    const quint16 port = startServer();
    ASSERT_NE(port, 0);
    Child *client = run(setpriv, withNetRawAlone + QStringList{capsock(),
                                                               QStringLiteral("--headless"),
                                                               QStringLiteral("--client"),
                                                               loopback(port),
                                                               QStringLiteral("--packets")},
                        "hello\n");
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_EQ(client->out, QByteArray("HELLO\n"));
    EXPECT_FALSE(client->err.contains("Packets are not shown")) << client->describe();
    EXPECT_GE(segmentsShown(client->err).size(), 3u) << client->describe();
}

// Each segment is logged at the time it was captured, and before what the server logs after
// it: the client's FIN before the CLOSE_WAIT it causes, the times never going back.
TEST_F(PacketsTest, AServersSegmentsComeBeforeWhatTheyCausedAtTheirCaptureTime)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--packets"), QStringLiteral("--tcp-info")},
                                     &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port)},
                        "hello\n");
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    ASSERT_TRUE(server->waitForOutput("#1 closed:", 20000)) << server->describe();
    const QString out = QString::fromUtf8(server->out);
    const qsizetype fin = out.indexOf(QStringLiteral("> FIN/ACK seq=7"));
    // A slow server (the sanitizer build) may first read the connection after the FIN came:
    // then its first state is CLOSE_WAIT itself, "TCP CLOSE_WAIT", with no arrow.
    static const QRegularExpression closeWaitEntered(
        QStringLiteral("#1 TCP (\\S+ -> )?CLOSE_WAIT\n"));
    const qsizetype closeWait = out.indexOf(closeWaitEntered);
    ASSERT_GE(fin, 0) << server->describe();
    ASSERT_GE(closeWait, 0) << server->describe();
    EXPECT_LT(fin, closeWait) << "the FIN, then the state it caused\n" << server->describe();
    QString previous;
    static const QRegularExpression stamp(
        QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d "));
    for (const QByteArray &line : server->out.split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (!stamp.match(text).hasMatch())
            continue;
        const QString time = text.left(12);
        EXPECT_GE(time, previous) << "times go forward\n" << server->describe();
        previous = time;
    }
}

TEST_F(PacketsTest, AServerShowsEachClientsSegmentsOnItsPort)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--packets"), QStringLiteral("--quiet")},
                                     &server);
    ASSERT_NE(port, 0);
    ASSERT_TRUE(server->waitForOutput("Press Ctrl-C to stop.")) << server->describe();
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port), QStringLiteral("--line-ending"),
                                    QStringLiteral("none")},
                        "hello");
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    const QByteArray who = "segment 127.0.0.1:";
    // The server's FIN (seq 6: after its five bytes), once the capture has read it.
    ASSERT_TRUE(server->waitForOutput("< FIN/ACK seq=6 ack=7", 20000)) << server->describe();
    for (const QByteArray &expected :
         {QByteArray("> SYN seq=0 win="), QByteArray("< SYN/ACK seq=0 ack=1 win="),
          QByteArray("> PSH/ACK 5 bytes seq=1 ack=1 win="), QByteArray("> FIN/ACK seq=6"),
          QByteArray("< PSH/ACK 5 bytes seq=1 ack=7")}) {
        EXPECT_TRUE(server->out.contains(expected)) << expected.constData() << "\n"
                                                    << server->describe();
    }
    EXPECT_TRUE(server->out.contains(who)) << server->describe();
}
