#include "cli/TerminalFrontEnd.h"

#include "cli/CommandLine.h"
#include "cli/HeadlessClient.h"
#include "cli/HeadlessServer.h"
#include "cli/TerminationSignals.h"
#include "core/ApplicationInfo.h"
#include "net/SocketWatch.h"

#include <QCoreApplication>

namespace {

int serve(QCoreApplication &application, const CommandLine &options,
          TerminationSignals &termination)
{
    HeadlessServer server(options.server, options.quiet, options.tcpInfo);
    QObject::connect(&server, &HeadlessServer::finished, &application, &QCoreApplication::exit);
    QObject::connect(&termination, &TerminationSignals::requested, &server,
                     &HeadlessServer::stop);
    if (!server.start())
        return 1;
    return QCoreApplication::exec();
}

int sendStandardInput(QCoreApplication &application, const CommandLine &options,
                      TerminationSignals &termination)
{
    HeadlessClient client(options.client, options.hex, options.quiet, options.tcpInfo);
    QObject::connect(&client, &HeadlessClient::finished, &application, &QCoreApplication::exit);
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
    return sendStandardInput(application, options, termination);
}
