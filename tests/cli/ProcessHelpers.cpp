#include "ProcessHelpers.h"

#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUdpSocket>
#include <QtCore/qtestsupport_core.h>

#ifdef Q_OS_UNIX
#  include <sys/resource.h>
#  include <unistd.h>
#endif

namespace {
// The lines of /proc/<pid>/FILE, or none.
QList<QByteArray> procLines(const QProcess &process, const char *file)
{
    if (process.state() != QProcess::Running)
        return {};
    QFile proc(QStringLiteral("/proc/%1/%2").arg(process.processId()).arg(QLatin1String(file)));
    if (!proc.open(QIODevice::ReadOnly))
        return {};
    return proc.readAll().split('\n');
}
} // namespace

Child::Child(const QString &program, const QStringList &arguments)
    : m_command(program + QLatin1Char(' ') + arguments.join(QLatin1Char(' ')))
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setProgram(program);
    process.setArguments(arguments);
    connect(&process, &QProcess::readyReadStandardOutput, this,
            [this] { out += process.readAllStandardOutput(); });
    connect(&process, &QProcess::readyReadStandardError, this,
            [this] { err += process.readAllStandardError(); });
    connect(&process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        out += process.readAllStandardOutput();
        err += process.readAllStandardError();
        m_exitCode = code;
        m_status = status;
        m_finished = true;
    });
    connect(&process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            err += "(failed to start: " + process.errorString().toUtf8() + ")";
            m_finished = true;
            m_status = QProcess::CrashExit;
        }
    });
}

bool Child::waitForStarted(int timeoutMs)
{
    return QTest::qWaitFor([this] { return process.state() == QProcess::Running
                                        || m_finished; },
                           timeoutMs)
        && process.state() == QProcess::Running;
}

bool Child::waitForOutput(const QByteArray &needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return out.contains(needle) || m_finished; }, timeoutMs)
        && out.contains(needle);
}

bool Child::waitForErrorOutput(const QByteArray &needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return err.contains(needle) || m_finished; }, timeoutMs)
        && err.contains(needle);
}

bool Child::waitForFinished(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_finished; }, timeoutMs);
}

qint64 Child::statusKiB(const char *field) const
{
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : procLines(process, "status")) {
        if (line.startsWith(prefix)) // "VmHWM:\t   12345 kB"
            return line.mid(prefix.size()).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 Child::softDescriptorLimit() const
{
    for (const QByteArray &line : procLines(process, "limits")) {
        if (line.startsWith("Max open files")) { // "Max open files  1024  4096  files"
            bool ok = false;
            const qint64 soft = line.mid(14).simplified().split(' ').value(0).toLongLong(&ok);
            return ok ? soft : -1;
        }
    }
    return -1;
}

qint64 Child::cpuMs() const
{
#ifdef Q_OS_UNIX
    const QList<QByteArray> lines = procLines(process, "stat");
    // "pid (name) state ppid ...": utime and stime are the 12th and 13th fields after the name.
    const QByteArray line = lines.value(0);
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields[11].toLongLong() + fields[12].toLongLong();
    return ticks * 1000 / ::sysconf(_SC_CLK_TCK);
#else
    return -1;
#endif
}

std::map<quint16, LoggedSession> loggedSessions(const QByteArray &serverLog)
{
    static const QRegularExpression connected(
        QStringLiteral(" #(\\d+) connected from (?:127\\.0\\.0\\.1|\\[::1\\]):(\\d+)$"));
    static const QRegularExpression closed(
        QStringLiteral(" #(\\d+) closed: (.*); (\\d+) bytes? in, (\\d+) out$"));
    std::map<quint16, LoggedSession> sessions;
    std::map<qint64, quint16> portOf;
    for (const QByteArray &line : serverLog.split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (const QRegularExpressionMatch match = connected.match(text); match.hasMatch()) {
            LoggedSession session;
            session.id = match.captured(1).toLongLong();
            session.peerPort = match.captured(2).toUShort();
            portOf[session.id] = session.peerPort;
            sessions[session.peerPort] = session;
        } else if (const QRegularExpressionMatch match = closed.match(text); match.hasMatch()) {
            const auto port = portOf.find(match.captured(1).toLongLong());
            if (port == portOf.end())
                continue;
            LoggedSession &session = sessions[port->second];
            session.closed = true;
            session.reason = match.captured(2).toUtf8();
            session.bytesIn = match.captured(3).toLongLong();
            session.bytesOut = match.captured(4).toLongLong();
        }
    }
    return sessions;
}

std::string Child::describe() const
{
    QString how;
    if (!m_finished)
        how = QStringLiteral("still running");
    else if (m_status == QProcess::CrashExit)
        how = QStringLiteral("crashed");
    else
        how = QStringLiteral("exit code %1").arg(m_exitCode);
    return QStringLiteral("`%1`: %2\n  stdout (%3 bytes, last 600): %4\n  stderr: %5")
        .arg(m_command, how)
        .arg(out.size())
        .arg(QString::fromStdString(ProcessTest::escaped(out.right(600), 600)),
             QString::fromStdString(ProcessTest::escaped(err.right(1500), 1500)))
        .toStdString();
}

void ProcessTest::TearDown()
{
    for (const auto &child : m_children) {
        if (child->process.state() != QProcess::NotRunning) {
            child->process.kill();
            child->process.waitForFinished(3000);
        }
    }
    m_children.clear();
}

QString ProcessTest::python()
{
    static const QString interpreter = [] {
        QProcess python;
        python.start(QStringLiteral(CAPSOCK_PYTHON),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys; print(sys.executable)")});
        if (!python.waitForFinished(20000) || python.exitCode() != 0) {
            python.kill();
            python.waitForFinished(1000);
            return QStringLiteral(CAPSOCK_PYTHON);
        }
        const QString path = QString::fromLocal8Bit(python.readAllStandardOutput()).trimmed();
        return path.isEmpty() ? QStringLiteral(CAPSOCK_PYTHON) : path;
    }();
    return interpreter;
}

QString ProcessTest::peerScript(const QString &name)
{
    return QStringLiteral(CAPSOCK_TESTS_DIR "/peers/") + name;
}

Child *ProcessTest::start(const QString &program, const QStringList &arguments)
{
    m_children.push_back(std::make_unique<Child>(program, arguments));
    Child *child = m_children.back().get();
    if (!m_childEnvironment.isEmpty()) {
        QProcessEnvironment environment = child->process.processEnvironment();
        environment.insert(m_childEnvironment);
        child->process.setProcessEnvironment(environment);
    }
#ifdef Q_OS_UNIX
    if (m_childDescriptorLimit >= 0) {
        const auto soft = rlim_t(m_childDescriptorLimit);
        const qint64 hard = m_childDescriptorHardLimit;
        child->process.setChildProcessModifier([soft, hard] { // in the child, before exec()
            rlimit limit{};
            if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
                return;
            if (hard >= 0 && rlim_t(hard) < limit.rlim_max)
                limit.rlim_max = rlim_t(hard);
            if (soft <= limit.rlim_max) {
                limit.rlim_cur = soft;
                ::setrlimit(RLIMIT_NOFILE, &limit);
            }
        });
    }
#endif
    child->process.start();
    EXPECT_TRUE(child->waitForStarted()) << child->describe();
    return child;
}

Child *ProcessTest::startPython(const QString &peer, const QStringList &arguments)
{
    return start(python(), QStringList{peerScript(peer)} + arguments);
}

Child *ProcessTest::run(const QString &program, const QStringList &arguments,
                        const QByteArray &input, int timeoutMs)
{
    Child *child = start(program, arguments);
    child->write(input);
    child->closeInput();
    EXPECT_TRUE(child->waitForFinished(timeoutMs)) << "timed out: " << child->describe();
    return child;
}

namespace {

// The port a headless capsock server says, in its first line, that it serves on.
quint16 portFromFirstLine(Child *child, const QRegularExpression &listening)
{
    if (!child->waitForOutput("\n")) {
        ADD_FAILURE() << "the server did not start listening: " << child->describe();
        return 0;
    }
    const QString firstLine = QString::fromUtf8(child->out.left(child->out.indexOf('\n')));
    const QRegularExpressionMatch match = listening.match(firstLine);
    if (!match.hasMatch()) {
        ADD_FAILURE() << "unexpected first line: " << child->describe();
        return 0;
    }
    const quint16 port = match.captured(1).toUShort();
    EXPECT_NE(port, 0);
    return port;
}

} // namespace

quint16 ProcessTest::startServer(const QStringList &extraArguments, Child **server)
{
    Child *child = startCapsock(QStringList{QStringLiteral("--headless"),
                                            QStringLiteral("--server"),
                                            QStringLiteral("--bind"),
                                            QStringLiteral("localhost"),
                                            QStringLiteral("--port"), QStringLiteral("0")}
                                + extraArguments);
    if (server)
        *server = child;
    static const QRegularExpression listening(
        QStringLiteral("^Capsock capitalization server listening on port (\\d+) \\("));
    return portFromFirstLine(child, listening);
}

quint16 ProcessTest::startUdpServer(const QStringList &extraArguments, Child **server)
{
    Child *child = startCapsock(QStringList{QStringLiteral("--headless"),
                                            QStringLiteral("--server"), QStringLiteral("--udp"),
                                            QStringLiteral("--bind"),
                                            QStringLiteral("localhost"),
                                            QStringLiteral("--port"), QStringLiteral("0")}
                                + extraArguments);
    if (server)
        *server = child;
    static const QRegularExpression receiving(
        QStringLiteral("^Capsock UDP capitalization server receiving on port (\\d+) \\("));
    return portFromFirstLine(child, receiving);
}

quint16 ProcessTest::startLectureServer(Child **server)
{
    const quint16 port = freePort();
    // trace_recv.py runs it unchanged and reports on stderr the bytes each recv() returned.
    Child *child = startPython(QStringLiteral("trace_recv.py"),
                               QStringList{peerScript(QStringLiteral("lecture_server.py")),
                                           QString::number(port)});
    *server = child;
    if (!child->waitForOutput("Listening on port " + QByteArray::number(port) + "\n")) {
        ADD_FAILURE() << "the lecture's server did not start: " << child->describe();
        return 0;
    }
    return port;
}

quint16 ProcessTest::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::Any, 0)) {
        ADD_FAILURE() << "no free port: " << probe.errorString().toStdString();
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

quint16 ProcessTest::freeUdpPort()
{
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::Any, 0)) {
        ADD_FAILURE() << "no free UDP port: " << probe.errorString().toStdString();
        return 0;
    }
    return probe.localPort();
}

QByteArray ProcessTest::pythonUpper(const QByteArray &data)
{
    QProcess python;
    python.start(ProcessTest::python(),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys\n"
                                 "data = sys.stdin.buffer.read()\n"
                                 "sys.stdout.buffer.write(data.decode('utf-8', "
                                 "'surrogateescape').upper().encode('utf-8', "
                                 "'surrogateescape'))\n")});
    python.write(data);
    python.closeWriteChannel();
    if (!python.waitForFinished(20000) || python.exitStatus() != QProcess::NormalExit
        || python.exitCode() != 0) {
        ADD_FAILURE() << "python3 could not upper-case: "
                      << python.readAllStandardError().toStdString();
        python.kill();
        python.waitForFinished(1000);
        return {};
    }
    return python.readAllStandardOutput();
}

std::string ProcessTest::escaped(const QByteArray &bytes, qsizetype limit)
{
    std::string text;
    static const char digits[] = "0123456789abcdef";
    for (qsizetype i = 0; i < bytes.size() && i < limit; ++i) {
        const auto byte = uchar(bytes[i]);
        if (byte == '\n') {
            text += "\\n";
        } else if (byte == '\r') {
            text += "\\r";
        } else if (byte == '\\') {
            text += "\\\\";
        } else if (byte >= 0x20 && byte < 0x7f) {
            text += char(byte);
        } else {
            text += "\\x";
            text += digits[byte >> 4];
            text += digits[byte & 0xf];
        }
    }
    if (bytes.size() > limit)
        text += "...";
    return text;
}
