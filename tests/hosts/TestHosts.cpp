#include "TestHosts.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace {
// ip and nft live in sbin, which a normal user's PATH may lack.
QString findTool(const char *variable, const QString &name)
{
    const QString configured = qEnvironmentVariable(variable);
    if (!configured.isEmpty())
        return configured;
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty()) {
        found = QStandardPaths::findExecutable(
            name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    }
    return found.isEmpty() ? name : found;
}

QString commandLine(const QString &program, const QStringList &arguments)
{
    return (QStringList{program} + arguments).join(QLatin1Char(' '));
}
} // namespace

TestHosts::TestHosts()
{
    // A counter too, so the hosts of one test never meet the leftovers of the previous one
    // when a whole executable runs in one process.
    static int serial = 0;
    ++serial;
    const QString base = QStringLiteral("%1%2-%3-").arg(prefix()).arg(getpid()).arg(serial);
    m_nameA = base + QLatin1Char('a');
    m_nameB = base + QLatin1Char('b');
}

TestHosts::~TestHosts()
{
    destroy();
}

QString TestHosts::ipTool()
{
    return findTool("CAPSOCK_HOSTS_IP", QStringLiteral("ip"));
}

QString TestHosts::nftTool()
{
    return findTool("CAPSOCK_HOSTS_NFT", QStringLiteral("nft"));
}

QString TestHosts::prefix()
{
    return QStringLiteral("capsock-hosts-");
}

QStringList TestHosts::inHost(const QString &name, const QString &program,
                              const QStringList &arguments)
{
    return QStringList{QStringLiteral("netns"), QStringLiteral("exec"), name, program}
        + arguments;
}

QString TestHosts::run(const QString &program, const QStringList &arguments,
                       const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(5000)) {
        return QStringLiteral("`%1` could not be started: %2")
            .arg(commandLine(program, arguments), process.errorString());
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return QStringLiteral("`%1` did not finish within %2 ms")
            .arg(commandLine(program, arguments))
            .arg(timeoutMs);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return QStringLiteral("`%1` failed (exit code %2): %3")
            .arg(commandLine(program, arguments))
            .arg(process.exitCode())
            .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
    }
    return {};
}

QString TestHosts::create()
{
    const QString ip = ipTool();
    if (!QFileInfo(ip).isExecutable() && QStandardPaths::findExecutable(ip).isEmpty())
        return QStringLiteral("`%1` (iproute2) is not installed or not executable").arg(ip);
    if (geteuid() != 0) {
        return QStringLiteral("not running as root (uid %1): creating network namespaces "
                              "with `ip netns add` needs root")
            .arg(geteuid());
    }
    removeStale();

    const QString a = m_nameA;
    const QString b = m_nameB;
    const QString veth = QStringLiteral("veth");
    const QList<QStringList> steps = {
        {QStringLiteral("netns"), QStringLiteral("add"), a},
        {QStringLiteral("netns"), QStringLiteral("add"), b},
        // Created inside the hosts directly: no interface name in this machine's own
        // namespace, so parallel runs cannot collide on it.
        {QStringLiteral("-n"), a, QStringLiteral("link"), QStringLiteral("add"),
         QLatin1String(InterfaceA), QStringLiteral("type"), veth, QStringLiteral("peer"),
         QStringLiteral("name"), QLatin1String(InterfaceB), QStringLiteral("netns"), b},
        {QStringLiteral("-n"), a, QStringLiteral("addr"), QStringLiteral("add"),
         QLatin1String(AddressA) + QStringLiteral("/24"), QStringLiteral("dev"),
         QLatin1String(InterfaceA)},
        {QStringLiteral("-n"), b, QStringLiteral("addr"), QStringLiteral("add"),
         QLatin1String(AddressB) + QStringLiteral("/24"), QStringLiteral("dev"),
         QLatin1String(InterfaceB)},
        // nodad: usable at once, instead of "tentative" for a second of duplicate detection.
        {QStringLiteral("-n"), a, QStringLiteral("-6"), QStringLiteral("addr"),
         QStringLiteral("add"), QLatin1String(Address6A) + QStringLiteral("/64"),
         QStringLiteral("dev"), QLatin1String(InterfaceA), QStringLiteral("nodad")},
        {QStringLiteral("-n"), b, QStringLiteral("-6"), QStringLiteral("addr"),
         QStringLiteral("add"), QLatin1String(Address6B) + QStringLiteral("/64"),
         QStringLiteral("dev"), QLatin1String(InterfaceB), QStringLiteral("nodad")},
        {QStringLiteral("-n"), a, QStringLiteral("link"), QStringLiteral("set"),
         QStringLiteral("lo"), QStringLiteral("up")},
        {QStringLiteral("-n"), b, QStringLiteral("link"), QStringLiteral("set"),
         QStringLiteral("lo"), QStringLiteral("up")},
        {QStringLiteral("-n"), a, QStringLiteral("link"), QStringLiteral("set"),
         QLatin1String(InterfaceA), QStringLiteral("up")},
        {QStringLiteral("-n"), b, QStringLiteral("link"), QStringLiteral("set"),
         QLatin1String(InterfaceB), QStringLiteral("up")},
    };
    for (const QStringList &step : steps) {
        const QString failure = run(ip, step);
        if (!failure.isEmpty()) {
            m_created = true; // whatever part exists must go
            destroy();
            return failure;
        }
        m_created = true;
    }
    return {};
}

QString TestHosts::loadFirewall(const QString &name, const QString &ruleset) const
{
    const QString nft = nftTool();
    if (!QFileInfo(nft).isExecutable() && QStandardPaths::findExecutable(nft).isEmpty())
        return QStringLiteral("`%1` (nftables) is not installed or not executable").arg(nft);
    return run(ipTool(), inHost(name, nft, {QStringLiteral("-f"), QStringLiteral("-")}),
               ruleset.toUtf8());
}

void TestHosts::destroy()
{
    if (!m_created)
        return;
    m_created = false;
    removeHost(m_nameA);
    removeHost(m_nameB);
}

void TestHosts::removeHost(const QString &name)
{
    const QString ip = ipTool();
    // A process still inside would keep the namespace (and its addresses) alive after the
    // name is gone: end them first. They are ours: only this run starts programs in it.
    QProcess pids;
    pids.start(ip, {QStringLiteral("netns"), QStringLiteral("pids"), name});
    if (pids.waitForFinished(5000)) {
        const QList<QByteArray> lines = pids.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            bool ok = false;
            const pid_t pid = pid_t(line.trimmed().toLongLong(&ok));
            if (ok && pid > 1 && pid != getpid())
                ::kill(pid, SIGKILL);
        }
    } else {
        pids.kill();
        pids.waitForFinished(1000);
    }
    // The veth pair goes with the namespaces.
    run(ip, {QStringLiteral("netns"), QStringLiteral("delete"), name});
}

void TestHosts::removeStale()
{
    QProcess list;
    list.start(ipTool(), {QStringLiteral("netns"), QStringLiteral("list")});
    if (!list.waitForFinished(5000)) {
        list.kill();
        list.waitForFinished(1000);
        return;
    }
    static const QRegularExpression ours(QStringLiteral("^%1(\\d+)-\\d+-[ab]\\b")
                                             .arg(QRegularExpression::escape(prefix())));
    const QStringList lines = QString::fromLocal8Bit(list.readAllStandardOutput())
                                  .split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = ours.match(line);
        if (!match.hasMatch())
            continue;
        // The run that made it has gone (killed before its clean-up): nobody else will.
        if (!QFileInfo::exists(QStringLiteral("/proc/") + match.captured(1)))
            removeHost(line.section(QLatin1Char(' '), 0, 0));
    }
}
