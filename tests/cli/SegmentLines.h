#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

#include <vector>

// The segments a headless `--packets` client showed on its standard error, one
// "capsock: segment > PSH/ACK 5 bytes seq=1 ack=1 win=64" line each (core/SocketEventText's
// words: no ack without the ACK flag, no length without a payload), for the tests that check
// them (tests/cli/PacketsTest, tests/hosts/HostsTest).
struct ShownSegment
{
    bool toServer = false;
    QString flags;
    qint64 seq = 0;
    qint64 ack = 0;
    qint64 length = 0;
};

inline std::vector<ShownSegment> segmentsShown(const QByteArray &err)
{
    static const QRegularExpression line(
        QStringLiteral("^capsock: segment ([<>]) ([A-Z/]+) (?:(\\d+) bytes? )?seq=(\\d+)"
                       "(?: ack=(\\d+))? win=\\d+$"),
        QRegularExpression::MultilineOption);
    std::vector<ShownSegment> shown;
    for (auto match = line.globalMatch(QString::fromUtf8(err)); match.hasNext();) {
        const QRegularExpressionMatch next = match.next();
        shown.push_back({next.captured(1) == QLatin1String(">"), next.captured(2),
                         next.captured(4).toLongLong(), next.captured(5).toLongLong(),
                         next.captured(3).toLongLong()});
    }
    return shown;
}
