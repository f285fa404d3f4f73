#pragma once

#include <QString>
#include <QStringList>

// Two hosts on one machine: network namespaces A and B joined by a veth pair, each with an
// address from the benchmarking range (RFC 2544, 198.18.0.0/15) and a unique-local IPv6
// address (fd5c:a9b0:1::/64), so nothing a test sends can leave this machine. The names carry
// this process's id, so parallel runs never share a namespace, and a run that was killed is
// cleaned up by the next one. Needs root and iproute2; everything is removed again by
// destroy() or the destructor.
class TestHosts
{
public:
    static constexpr const char *AddressA = "198.18.0.1";
    static constexpr const char *AddressB = "198.18.0.2";
    static constexpr const char *Address6A = "fd5c:a9b0:1::1";
    static constexpr const char *Address6B = "fd5c:a9b0:1::2";
    static constexpr const char *InterfaceA = "veth-a";
    static constexpr const char *InterfaceB = "veth-b";

    TestHosts();
    ~TestHosts();
    TestHosts(const TestHosts &) = delete;
    TestHosts &operator=(const TestHosts &) = delete;

    // The `ip` and `nft` programs; CAPSOCK_HOSTS_IP and CAPSOCK_HOSTS_NFT replace them (a
    // missing path shows what a machine without them gets: skipped tests, with the reason).
    static QString ipTool();
    static QString nftTool();

    // Creates both hosts. Empty on success; otherwise why not, in the words of the first
    // command that failed (its command line and its standard error), for GTEST_SKIP().
    QString create();
    // Kills whatever still runs in the hosts and deletes them; safe to call twice.
    void destroy();

    QString nameA() const { return m_nameA; }
    QString nameB() const { return m_nameB; }

    // Arguments for `ipTool()` that run `program arguments` inside host `name`.
    static QStringList inHost(const QString &name, const QString &program,
                              const QStringList &arguments);
    // Runs a command to its end (bounded); empty when it succeeded, else what went wrong.
    static QString run(const QString &program, const QStringList &arguments,
                       const QByteArray &input = {}, int timeoutMs = 10000);
    // Loads an nftables ruleset into host `name`; empty on success, else what went wrong.
    QString loadFirewall(const QString &name, const QString &ruleset) const;

    // Deletes hosts of earlier runs whose process no longer exists.
    static void removeStale();

private:
    static QString prefix();
    static void removeHost(const QString &name);

    QString m_nameA;
    QString m_nameB;
    bool m_created = false;
};
