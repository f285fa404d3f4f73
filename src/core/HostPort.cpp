#include "core/HostPort.h"

bool HostPort::parsePort(const QString &text, quint16 *port, bool allowZero)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535 || (value == 0 && !allowZero))
        return false;
    *port = quint16(value);
    return true;
}

HostPort HostPort::parse(const QString &text, quint16 defaultPort)
{
    HostPort result;
    result.port = defaultPort;
    QString portText;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype close = trimmed.indexOf(QLatin1Char(']'));
        if (close < 0) {
            result.error = tr("\"%1\": missing \"]\" after the IPv6 address").arg(text);
            return result;
        }
        result.host = trimmed.mid(1, close - 1);
        const QString rest = trimmed.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                result.error = tr("\"%1\": expected \":PORT\" after \"]\"").arg(text);
                return result;
            }
            portText = rest.mid(1);
        }
    } else if (trimmed.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
        result.host = trimmed.left(colon);
        portText = trimmed.mid(colon + 1);
    } else {
        result.host = trimmed; // a name, IPv4, or a bare IPv6 address
    }
    if (result.host.isEmpty()) {
        result.error = tr("\"%1\": no host given").arg(text);
        return result;
    }
    if (!portText.isNull() && !parsePort(portText, &result.port)) {
        result.error = tr("\"%1\": the port must be a number from 1 to 65535").arg(text);
    }
    return result;
}
