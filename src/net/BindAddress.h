#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

// Where a server listens, in the words the command line (--bind), the window's "Listen on"
// choice and its settings all use: "all" (every interface, IPv4 and IPv6: the lecture's
// HOST = ""), "localhost" (this computer only: 127.0.0.1 and ::1), or one address of this
// computer ("192.168.1.20", "::1" or "[::1]"). ServerOptions::bindAddresses holds the result.
struct BindAddress
{
    // Who can connect to a server listening on some addresses.
    enum class Scope { AllInterfaces, ThisComputer, OneAddress };

    static inline const QString AllInterfaces = QStringLiteral("all");
    static inline const QString ThisComputer = QStringLiteral("localhost");

    QList<QHostAddress> addresses;
    QString error; // set when the text is none of the above: what was expected instead

    bool isValid() const { return error.isEmpty(); }

    // "all" (also "any", "::" or nothing), "localhost", or an IPv4 or IPv6 address, brackets
    // allowed. "0.0.0.0" is every IPv4 interface only.
    static BindAddress parse(const QString &text);
    // What parse() takes, in the words of its error: "expected all, localhost, or ...".
    static QString expected();
    // The words parse() takes back to the same addresses: "all", "localhost" or the address.
    static QString name(const QList<QHostAddress> &addresses);
    // AllInterfaces when no address or the any address is among them; ThisComputer when all
    // are loopback addresses; OneAddress otherwise.
    static Scope scope(const QList<QHostAddress> &addresses);
    // The host as Python's bind((HOST, PORT)) writes it: "" for an any address, as the
    // lecture's HOST = "" and the textbook's bind(('', serverPort)); the address otherwise.
    static QString pythonHost(const QHostAddress &address);
};
