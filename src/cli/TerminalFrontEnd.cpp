#include "cli/TerminalFrontEnd.h"

#include "cli/CommandLine.h"
#include "cli/HeadlessClient.h"
#include "cli/HeadlessServer.h"
#include "cli/HeadlessUdpClient.h"
#include "cli/HeadlessUdpServer.h"
#include "cli/LogWriter.h"
#include "cli/TerminationSignals.h"
#include "core/ApplicationInfo.h"
#include "net/SocketWatch.h"

#include <QCoreApplication>

#include <optional>

namespace {

// TCP, UDP, or both on one port (--tcp --udp): the TCP server starts first, and the UDP one
// takes the port it got, so that port 0 gives both the same free port.
int serve(QCoreApplication &application, const CommandLine &options,
          TerminationSignals &termination)
{
    LogWriter output(1); // standard output; destroyed last, after the servers' last words
    std::optional<HeadlessServer> tcp;
    std::optional<HeadlessUdpServer> udp;
    ServerOptions serverOptions = options.server;
    if (options.tcp) {
        tcp.emplace(serverOptions, options.quiet, output);
        // Stopping ends when the last connection has its replies; UDP stops at once.
        QObject::connect(&*tcp, &HeadlessServer::finished, &application,
                         &QCoreApplication::exit);
        QObject::connect(&termination, &TerminationSignals::requested, &*tcp,
                         &HeadlessServer::stop);
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
        if (!udp->start())
            return 1;
    }
    output.writeLine(QCoreApplication::translate("HeadlessServer", "Press Ctrl-C to stop.")
                         .toUtf8());
    return QCoreApplication::exec();
}

template<typename Client>
int runClient(QCoreApplication &application, const CommandLine &options,
              TerminationSignals &termination)
{
    Client client(options.client, options.hex, options.quiet);
    QObject::connect(&client, &Client::finished, &application, &QCoreApplication::exit);
    QObject::connect(&termination, &TerminationSignals::requested, &application,
                     [] { QCoreApplication::exit(130); });
    client.start();
    return QCoreApplication::exec();
}

} // namespace

int TerminalFrontEnd::run(int &argc, char **argv, const CommandLine &options)
{
    SocketWatch::useEpollEventLoop(); // before the application object, which makes the loop
    QCoreApplication application(argc, argv); // no display needed
    ApplicationInfo::apply();
    TerminationSignals termination;
    if (options.mode == CommandLine::Mode::Server)
        return serve(application, options, termination);
    if (options.udp)
        return runClient<HeadlessUdpClient>(application, options, termination);
    return runClient<HeadlessClient>(application, options, termination);
}
