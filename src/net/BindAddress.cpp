#include "net/BindAddress.h"

#include <QCoreApplication>

namespace {
const QList<QHostAddress> Loopbacks{QHostAddress(QHostAddress::LocalHost),
                                    QHostAddress(QHostAddress::LocalHostIPv6)};
} // namespace

BindAddress BindAddress::parse(const QString &text)
{
    BindAddress result;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == AllInterfaces || trimmed == QLatin1String("any")) {
        result.addresses = {QHostAddress(QHostAddress::Any)};
        return result;
    }
    if (trimmed == ThisComputer) {
        result.addresses = Loopbacks;
        return result;
    }
    QString literal = trimmed;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    QHostAddress address;
    if (!address.setAddress(literal)) {
        result.error = expected();
        return result;
    }
    // "::" takes IPv4 clients too, as Python's bind(("::", port)) and `nc -l ::` do on Linux;
    // Qt would listen on IPv6 alone. "0.0.0.0" stays IPv4 only, as it is everywhere.
    result.addresses = {address == QHostAddress(QHostAddress::AnyIPv6)
                            ? QHostAddress(QHostAddress::Any)
                            : address};
    return result;
}

QString BindAddress::expected()
{
    return QCoreApplication::translate(
        "BindAddress", "expected all, localhost, or an IP address of this computer");
}

QString BindAddress::name(const QList<QHostAddress> &addresses)
{
    if (scope(addresses) == Scope::AllInterfaces)
        return AllInterfaces;
    if (addresses.size() == Loopbacks.size() && addresses.contains(Loopbacks.first())
        && addresses.contains(Loopbacks.last())) {
        return ThisComputer;
    }
    return addresses.first().toString();
}

BindAddress::Scope BindAddress::scope(const QList<QHostAddress> &addresses)
{
    if (addresses.isEmpty() || addresses.contains(QHostAddress(QHostAddress::Any)))
        return Scope::AllInterfaces;
    for (const QHostAddress &address : addresses) {
        if (!address.isLoopback())
            return Scope::OneAddress;
    }
    return Scope::ThisComputer;
}

QString BindAddress::pythonHost(const QHostAddress &address)
{
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6) {
        return QString();
    }
    return address.toString();
}
