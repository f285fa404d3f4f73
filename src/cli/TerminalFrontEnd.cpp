#include "cli/TerminalFrontEnd.h"

#include "cli/CommandLine.h"
#include "cli/HeadlessClient.h"
#include "cli/HeadlessInspector.h"
#include "cli/HeadlessServer.h"
#include "cli/HeadlessUdpClient.h"
#include "cli/HeadlessUdpServer.h"
#include "cli/LogWriter.h"
#include "cli/TerminationSignals.h"
#include "core/ApplicationInfo.h"
#include "net/ConversationRecording.h"
#include "net/SocketWatch.h"

#include <cstdio>

#include <QCoreApplication>

#include <optional>

namespace {

void complain(const QString &message)
{
    std::fprintf(stderr, "capsock: %s\n", message.toLocal8Bit().constData());
}

// --save: whether the file can be written, said before anything starts (exit code 2 if not).
bool canSave(const CommandLine &options)
{
    if (options.savePath.isEmpty())
        return true;
    const QString problem = ConversationRecording::checkWritable(options.savePath);
    if (!problem.isEmpty())
        complain(problem);
    return problem.isEmpty();
}

// --save, once the front end has finished: `exitCode`, or 1 if the file could not be written.
int saveIfAsked(const CommandLine &options, const ConversationRecording &recording,
                int exitCode)
{
    if (options.savePath.isEmpty())
        return exitCode;
    const QString problem = recording.save(options.savePath);
    if (!problem.isEmpty()) {
        complain(problem);
        return 1;
    }
    if (!options.quiet) { // as the window's "Saved FILE"
        const QString saved = QCoreApplication::translate(
            "TerminalFrontEnd", "saved %1 (open it in Wireshark, or with capsock --inspect)");
        std::fprintf(stderr, "capsock: %s\n",
                     saved.arg(options.savePath).toLocal8Bit().constData());
    }
    return exitCode;
}

// TCP, UDP, or both on one port (--tcp --udp): the TCP server starts first, and the UDP one
// takes the port it got, so that port 0 gives both the same free port.
int serve(QCoreApplication &application, const CommandLine &options,
          TerminationSignals &termination)
{
    if (!canSave(options))
        return 2;
    LogWriter output(1); // standard output; destroyed last, after the servers' last words
    std::optional<HeadlessServer> tcp;
    std::optional<HeadlessUdpServer> udp;
    ConversationRecording recording;
    ServerOptions serverOptions = options.server;
    if (options.tcp) {
        tcp.emplace(serverOptions, options.quiet, output, options.tcpInfo);
        // Stopping ends when the last connection has its replies; UDP stops at once.
        QObject::connect(&*tcp, &HeadlessServer::finished, &application,
                         &QCoreApplication::exit);
        QObject::connect(&termination, &TerminationSignals::requested, &*tcp,
                         &HeadlessServer::stop);
        if (!options.savePath.isEmpty())
            tcp->record(&recording);
        if (options.packets)
            tcp->showPackets();
        if (!tcp->start())
            return 1;
        serverOptions.port = tcp->port();
    }
    if (options.udp) {
        udp.emplace(serverOptions, options.quiet, output);
        if (!tcp) {
            QObject::connect(&*udp, &HeadlessUdpServer::finished, &application,
                             &QCoreApplication::exit);
        }
        QObject::connect(&termination, &TerminationSignals::requested, &*udp,
                         &HeadlessUdpServer::stop);
        if (!options.savePath.isEmpty())
            udp->record(&recording);
        if (!udp->start())
            return 1;
    }
    output.writeLine(QCoreApplication::translate("HeadlessServer", "Press Ctrl-C to stop.")
                         .toUtf8());
    const int exitCode = QCoreApplication::exec();
    if (tcp)
        tcp->drainPackets();
    return saveIfAsked(options, recording, exitCode);
}

// The client the lecture's way, over TCP; what it did saved with --save.
int runTcpClient(QCoreApplication &application, const CommandLine &options,
                 TerminationSignals &termination)
{
    HeadlessClient client(options.client, options.hex, options.quiet, options.tcpInfo);
    QObject::connect(&client, &HeadlessClient::finished, &application, &QCoreApplication::exit);
    QObject::connect(&termination, &TerminationSignals::requested, &application,
                     [] { QCoreApplication::exit(130); });
    if (!canSave(options))
        return 2;
    ConversationRecording recording;
    if (!options.savePath.isEmpty())
        client.record(&recording);
    if (options.packets)
        client.showPackets();
    client.start();
    const int exitCode = QCoreApplication::exec();
    client.drainPackets();
    return saveIfAsked(options, recording, exitCode);
}

// The textbook's UDP client (--udp); its datagrams saved with --save (--packets and
// --tcp-info are TCP's: CommandLine).
int runUdpClient(QCoreApplication &application, const CommandLine &options,
                 TerminationSignals &termination)
{
    HeadlessUdpClient client(options.client, options.hex, options.quiet);
    QObject::connect(&client, &HeadlessUdpClient::finished, &application,
                     &QCoreApplication::exit);
    QObject::connect(&termination, &TerminationSignals::requested, &application,
                     [] { QCoreApplication::exit(130); });
    if (!canSave(options))
        return 2;
    ConversationRecording recording;
    if (!options.savePath.isEmpty())
        client.record(&recording);
    client.start();
    return saveIfAsked(options, recording, QCoreApplication::exec());
}

} // namespace

int TerminalFrontEnd::run(int &argc, char **argv, const CommandLine &options)
{
    SocketWatch::useEpollEventLoop(); // before the application object, which makes the loop
    QCoreApplication application(argc, argv); // no display needed
    ApplicationInfo::apply();
    if (options.mode == CommandLine::Mode::Inspect)
        return HeadlessInspector::run(options);
    TerminationSignals termination;
    if (options.mode == CommandLine::Mode::Server)
        return serve(application, options, termination);
    if (options.udp)
        return runUdpClient(application, options, termination);
    return runTcpClient(application, options, termination);
}
