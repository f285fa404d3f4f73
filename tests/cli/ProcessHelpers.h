#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <vector>

// One child process of a test and everything it has written so far. The waits run Qt's event
// loop, so any number of children make progress together; every wait is bounded.
class Child : public QObject
{
public:
    Child(const QString &program, const QStringList &arguments);

    QProcess process;
    QByteArray out; // all of its standard output so far
    QByteArray err; // all of its standard error so far

    bool waitForStarted(int timeoutMs = 5000);
    bool waitForOutput(const QByteArray &needle, int timeoutMs = 5000);
    bool waitForErrorOutput(const QByteArray &needle, int timeoutMs = 5000);
    bool waitForFinished(int timeoutMs = 10000);
    void write(const QByteArray &bytes) { process.write(bytes); }
    void closeInput() { process.closeWriteChannel(); }

    // From /proc/<pid>/status, such as "VmRSS" or "VmHWM" (the peak): kibibytes, or -1 when
    // not running or not on Linux.
    qint64 statusKiB(const char *field) const;
    // Its soft RLIMIT_NOFILE from /proc/<pid>/limits: -1 for unlimited or unknown.
    qint64 softDescriptorLimit() const;
    // Processor time it has used so far, user and system, from /proc/<pid>/stat; -1 unknown.
    qint64 cpuMs() const;

    bool hasFinished() const { return m_finished; }
    bool exitedNormally() const { return m_finished && m_status == QProcess::NormalExit; }
    int exitCode() const { return m_exitCode; }
    // The command, how it ended, and the ends of its output: for failure messages.
    std::string describe() const;

private:
    QString m_command;
    bool m_finished = false;
    int m_exitCode = -1;
    QProcess::ExitStatus m_status = QProcess::NormalExit;
};

// One connection as a headless server's log tells it: "#7 connected from 127.0.0.1:40120",
// later "#7 closed: the client closed the connection; 12 bytes in, 12 out".
struct LoggedSession
{
    qint64 id = 0;
    quint16 peerPort = 0;
    bool closed = false;
    QByteArray reason; // what follows "closed: ", up to "; N bytes in" ("; 1 byte in")
    qint64 bytesIn = -1;
    qint64 bytesOut = -1;
};

// Every connection in a headless server's log, by the client's port (127.0.0.1 and ::1 only).
std::map<quint16, LoggedSession> loggedSessions(const QByteArray &serverLog);

// A test that runs processes: the capsock binary, the lecture's Python peers, nc. Whatever is
// still running at the end of a test is killed.
class ProcessTest : public ::testing::Test
{
public:
    // Byte strings for failure messages: printable ASCII as is, the rest as \xNN.
    static std::string escaped(const QByteArray &bytes, qsizetype limit = 400);

protected:
    void TearDown() override;

    static QString capsock() { return QStringLiteral(CAPSOCK_BINARY); }
    // "127.0.0.1:PORT", as a client is told where the server is.
    static QString loopback(quint16 port) { return QStringLiteral("127.0.0.1:%1").arg(port); }
    // CAPSOCK_PYTHON may be a launcher (a pyenv shim costs 0.3 s a start): the interpreter
    // it runs, asked once.
    static QString python();
    static QString peerScript(const QString &name);

    // Children started from now on begin with this soft RLIMIT_NOFILE (-1: as this process),
    // as programs do on systems whose default is low; and with this hard one, if not -1.
    void setChildDescriptorLimit(qint64 soft, qint64 hard = -1)
    {
        m_childDescriptorLimit = soft;
        m_childDescriptorHardLimit = hard;
    }

    // Children started from now on get this environment variable too.
    void setChildEnvironment(const QString &name, const QString &value)
    {
        m_childEnvironment.insert(name, value);
    }

    Child *start(const QString &program, const QStringList &arguments);
    Child *startCapsock(const QStringList &arguments) { return start(capsock(), arguments); }
    Child *startPython(const QString &peer, const QStringList &arguments);
    // Starts, writes `input`, closes its standard input and waits for the end.
    Child *run(const QString &program, const QStringList &arguments, const QByteArray &input,
               int timeoutMs = 10000);

    // A headless capsock server on this computer only (127.0.0.1 and ::1) on a port the system
    // chose; returns that port, or 0 (with a test failure) when it did not start listening.
    quint16 startServer(const QStringList &extraArguments = {}, Child **server = nullptr);
    // The same, serving UDP (--udp): its first line says "receiving on port N".
    quint16 startUdpServer(const QStringList &extraArguments = {}, Child **server = nullptr);
    // The lecture's Python server on a free port, ready for its one client; 0 on failure. Its
    // standard error has a "recv(1024) -> HEX" line for each recv() (tests/peers/trace_recv.py).
    quint16 startLectureServer(Child **server);

    // A port nothing listens on right now (the system's choice for a listener, then closed).
    static quint16 freePort();
    // A UDP port nothing receives on right now.
    static quint16 freeUdpPort();
    // data.decode('utf-8', 'surrogateescape').upper().encode('utf-8', 'surrogateescape'),
    // computed by python3 itself.
    static QByteArray pythonUpper(const QByteArray &data);

private:
    std::vector<std::unique_ptr<Child>> m_children;
    qint64 m_childDescriptorLimit = -1;
    qint64 m_childDescriptorHardLimit = -1;
    QProcessEnvironment m_childEnvironment;
};

// EXPECT_EQ for byte strings, with readable escapes instead of mojibake on failure.
#define EXPECT_BYTES_EQ(expected, actual)                                                     \
    EXPECT_TRUE((expected) == (actual))                                                         \
        << "expected: \"" << ProcessTest::escaped(expected) << "\" (" << (expected).size()     \
        << " bytes)\n  actual: \"" << ProcessTest::escaped(actual) << "\" (" << (actual).size() \
        << " bytes)"
