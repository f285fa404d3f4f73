#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <vector>

// What Wireshark's command-line twin makes of a capture file, for the tests that check that a
// file Capsock saves says what the conversation said (tshark, Debian's package of that name).
namespace Tshark {

struct Result
{
    bool ran = false; // tshark started and exited 0
    QByteArray output;
    QByteArray errors;
};

inline Result run(const QStringList &arguments)
{
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), arguments);
    Result result;
    if (!tshark.waitForStarted(30000) || !tshark.waitForFinished(120000))
        return result;
    result.ran = tshark.exitStatus() == QProcess::NormalExit && tshark.exitCode() == 0;
    result.output = tshark.readAllStandardOutput();
    result.errors = tshark.readAllStandardError();
    return result;
}

// "Follow TCP Stream" on stream `stream`, raw: each end's bytes, in order. Node 0 is the end
// that sent the stream's first packet (the client, for a capture with its handshake); tshark
// indents node 1's lines with a tab.
struct Followed
{
    bool ok = false;
    QString node0;
    QString node1;
    QByteArray fromNode0;
    QByteArray fromNode1;
};

inline Followed follow(const QString &file, int stream)
{
    const Result result = run({QStringLiteral("-r"), file, QStringLiteral("-q"),
                               QStringLiteral("-z"),
                               QStringLiteral("follow,tcp,raw,%1").arg(stream)});
    Followed followed;
    if (!result.ran)
        return followed;
    for (const QByteArray &line : result.output.split('\n')) {
        if (line.startsWith("Node 0: "))
            followed.node0 = QString::fromLatin1(line.mid(8));
        else if (line.startsWith("Node 1: "))
            followed.node1 = QString::fromLatin1(line.mid(8));
        else if (line.startsWith('\t'))
            followed.fromNode1 += QByteArray::fromHex(line.trimmed());
        else if (!line.isEmpty() && !line.startsWith('=') && !line.contains(':'))
            followed.fromNode0 += QByteArray::fromHex(line.trimmed());
    }
    followed.ok = !followed.node0.isEmpty();
    return followed;
}

// How many TCP streams the file holds.
inline int streamCount(const QString &file)
{
    const Result result = run({QStringLiteral("-r"), file, QStringLiteral("-T"),
                               QStringLiteral("fields"), QStringLiteral("-e"),
                               QStringLiteral("tcp.stream")});
    int most = -1;
    for (const QByteArray &line : result.output.split('\n')) {
        bool ok = false;
        const int stream = line.trimmed().toInt(&ok);
        if (ok)
            most = std::max(most, stream);
    }
    return result.ran ? most + 1 : -1;
}

// The packets tshark finds malformed, bad checksums included ("" when none), as its expert
// information says them; "tshark failed: ..." when it could not read the file. Checksums are
// left unchecked for packets captured on loopback, which the system never checksums.
inline QString problems(const QString &file, bool checkChecksums = true)
{
    const QString check = checkChecksums ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    const Result result = run({QStringLiteral("-r"), file, QStringLiteral("-q"),
                               QStringLiteral("-o"), QStringLiteral("tcp.check_checksum:") + check,
                               QStringLiteral("-o"), QStringLiteral("ip.check_checksum:") + check,
                               QStringLiteral("-o"), QStringLiteral("udp.check_checksum:") + check,
                               QStringLiteral("-z"), QStringLiteral("expert,error")});
    if (!result.ran)
        return QStringLiteral("tshark failed: ") + QString::fromUtf8(result.errors);
    const QString output = QString::fromUtf8(result.output);
    // With nothing to report, the expert table is only its header lines.
    return output.contains(QLatin1String("Errors")) ? output : QString();
}

// One UDP datagram as tshark reads it from a file: its endpoints ("127.0.0.1:5220" or
// "[::1]:5220") and its payload.
struct Datagram
{
    QString from;
    QString to;
    QByteArray payload;
};

inline std::vector<Datagram> udpDatagrams(const QString &file)
{
    const Result result = run({QStringLiteral("-r"), file, QStringLiteral("-Y"),
                               QStringLiteral("udp"), QStringLiteral("-T"),
                               QStringLiteral("fields"), QStringLiteral("-e"),
                               QStringLiteral("ip.src"), QStringLiteral("-e"),
                               QStringLiteral("ipv6.src"), QStringLiteral("-e"),
                               QStringLiteral("udp.srcport"), QStringLiteral("-e"),
                               QStringLiteral("ip.dst"), QStringLiteral("-e"),
                               QStringLiteral("ipv6.dst"), QStringLiteral("-e"),
                               QStringLiteral("udp.dstport"), QStringLiteral("-e"),
                               QStringLiteral("udp.payload")});
    std::vector<Datagram> datagrams;
    const auto endpoint = [](const QByteArray &ipv4, const QByteArray &ipv6,
                             const QByteArray &port) {
        return ipv4.isEmpty() ? QStringLiteral("[%1]:%2").arg(QString::fromLatin1(ipv6),
                                                             QString::fromLatin1(port))
                              : QStringLiteral("%1:%2").arg(QString::fromLatin1(ipv4),
                                                           QString::fromLatin1(port));
    };
    for (const QByteArray &line : result.output.split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 7)
            continue;
        datagrams.push_back({endpoint(fields[0], fields[1], fields[2]),
                             endpoint(fields[3], fields[4], fields[5]),
                             QByteArray::fromHex(QByteArray(fields[6]).replace(':', ""))});
    }
    return datagrams;
}

} // namespace Tshark
