#include "cli/TerminalFrontEnd.h"

#include "cli/CommandLine.h"
#include "cli/HeadlessClient.h"
#include "cli/HeadlessInspector.h"
#include "cli/HeadlessServer.h"
#include "cli/TerminationSignals.h"
#include "core/ApplicationInfo.h"
#include "net/ConversationRecording.h"
#include "net/SocketWatch.h"

#include <cstdio>

#include <QCoreApplication>

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
    return exitCode;
}

int serve(QCoreApplication &application, const CommandLine &options,
          TerminationSignals &termination)
{
    HeadlessServer server(options.server, options.quiet, options.tcpInfo);
    QObject::connect(&server, &HeadlessServer::finished, &application, &QCoreApplication::exit);
    QObject::connect(&termination, &TerminationSignals::requested, &server,
                     &HeadlessServer::stop);
    if (!canSave(options))
        return 2;
    ConversationRecording recording;
    if (!options.savePath.isEmpty())
        server.record(&recording);
    if (options.packets)
        server.showPackets();
    if (!server.start())
        return 1;
    const int exitCode = QCoreApplication::exec();
    server.drainPackets();
    return saveIfAsked(options, recording, exitCode);
}

int sendStandardInput(QCoreApplication &application, const CommandLine &options,
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
    return sendStandardInput(application, options, termination);
}
