#include "core/IpAddress.h"

#include <QStringList>

namespace IpAddress {

namespace {

const QByteArray MappedPrefix = QByteArray(10, '\0') + QByteArray(2, '\xff');

QByteArray ipv4FromText(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return {};
    QByteArray bytes;
    for (const QString &part : parts) {
        bool ok = false;
        const uint value = part.toUInt(&ok, 10);
        if (!ok || part.isEmpty() || part.size() > 3 || value > 255)
            return {};
        bytes.append(char(value));
    }
    return bytes;
}

// Groups of hex digits, the last of which may be a dotted IPv4 address: the bytes they make.
bool appendGroups(const QString &text, QByteArray *bytes)
{
    if (text.isEmpty())
        return true;
    const QStringList groups = text.split(QLatin1Char(':'));
    for (int i = 0; i < groups.size(); ++i) {
        const QString &group = groups[i];
        if (i == groups.size() - 1 && group.contains(QLatin1Char('.'))) {
            const QByteArray ipv4 = ipv4FromText(group);
            if (ipv4.isEmpty())
                return false;
            bytes->append(ipv4);
            return true;
        }
        bool ok = false;
        const uint value = group.toUInt(&ok, 16);
        if (!ok || group.isEmpty() || group.size() > 4)
            return false;
        bytes->append(char(value >> 8));
        bytes->append(char(value & 0xff));
    }
    return true;
}

QByteArray ipv6FromText(QString text)
{
    text = text.section(QLatin1Char('%'), 0, 0); // the scope ("%lo") is no part of the bytes
    const qsizetype gap = text.indexOf(QLatin1String("::"));
    QByteArray head;
    QByteArray tail;
    if (gap < 0) {
        if (!appendGroups(text, &head) || head.size() != 16)
            return {};
        return head;
    }
    if (text.indexOf(QLatin1String("::"), gap + 1) >= 0 || !appendGroups(text.left(gap), &head)
        || !appendGroups(text.mid(gap + 2), &tail) || head.size() + tail.size() > 14) {
        return {};
    }
    return head + QByteArray(16 - head.size() - tail.size(), '\0') + tail;
}

} // namespace

QByteArray fromText(const QString &text)
{
    if (!text.contains(QLatin1Char(':')))
        return ipv4FromText(text);
    const QByteArray ipv6 = ipv6FromText(text);
    if (ipv6.startsWith(MappedPrefix))
        return ipv6.mid(12);
    return ipv6;
}

QString toText(const QByteArray &bytes)
{
    if (bytes.size() == 4) {
        return QStringLiteral("%1.%2.%3.%4")
            .arg(uchar(bytes[0])).arg(uchar(bytes[1])).arg(uchar(bytes[2])).arg(uchar(bytes[3]));
    }
    if (bytes.size() != 16)
        return {};
    if (bytes.startsWith(MappedPrefix))
        return QStringLiteral("::ffff:") + toText(bytes.mid(12));
    int groups[8];
    for (int i = 0; i < 8; ++i)
        groups[i] = (uchar(bytes[2 * i]) << 8) | uchar(bytes[2 * i + 1]);
    // RFC 5952: the longest run of two or more zero groups (the first of equals) becomes "::".
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        int length = 0;
        while (i + length < 8 && groups[i + length] == 0)
            ++length;
        if (length > bestLength) {
            bestStart = i;
            bestLength = length;
        }
        i += length > 0 ? length : 1;
    }
    QString text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += QLatin1String("::");
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(QLatin1Char(':')))
            text += QLatin1Char(':');
        text += QString::number(groups[i], 16);
    }
    return text;
}

QByteArray toIPv6(const QByteArray &bytes)
{
    return bytes.size() == 4 ? MappedPrefix + bytes : bytes;
}

} // namespace IpAddress
