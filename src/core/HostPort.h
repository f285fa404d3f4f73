#pragma once

#include <QCoreApplication>
#include <QString>

// "HOST[:PORT]" as people type it: a name, an IPv4 address, "[IPv6]" or "[IPv6]:PORT", or a bare
// IPv6 address (which can not carry a port, its colons being ambiguous).
struct HostPort
{
    Q_DECLARE_TR_FUNCTIONS(HostPort)

public:
    QString host;
    quint16 port = 0;
    QString error; // set when the text is not a valid HOST[:PORT]

    bool isValid() const { return error.isEmpty(); }

    static HostPort parse(const QString &text, quint16 defaultPort);
    // Parses a port number 1..65535 (0 too when `allowZero`, for "any free port").
    static bool parsePort(const QString &text, quint16 *port, bool allowZero = false);
};
