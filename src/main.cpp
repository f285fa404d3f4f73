#include "app/CommandLine.h"
#include "app/HeadlessClient.h"
#include "app/HeadlessServer.h"
#include "app/InspectorWindow.h"
#include "app/TerminationSignals.h"

#include <QApplication>

#include <cstdio>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

int runHeadless(const CommandLine &options)
{
    TerminationSignals termination;
    if (options.mode == CommandLine::Mode::Server) {
        HeadlessServer server(options.server, options.quiet);
        QObject::connect(&server, &HeadlessServer::finished, qApp, &QCoreApplication::exit);
        QObject::connect(&termination, &TerminationSignals::requested, &server,
                         &HeadlessServer::stop);
        if (!server.start())
            return 1;
        return QCoreApplication::exec();
    }
    HeadlessClientOptions clientOptions;
    clientOptions.host = options.host;
    clientOptions.port = options.port;
    clientOptions.lineEnding = options.lineEnding;
    clientOptions.connectTimeoutMs = options.connectTimeoutMs;
    clientOptions.hex = options.hex;
    clientOptions.quiet = options.quiet;
    HeadlessClient client(clientOptions);
    QObject::connect(&client, &HeadlessClient::finished, qApp, &QCoreApplication::exit);
    QObject::connect(&termination, &TerminationSignals::requested, qApp,
                     [] { QCoreApplication::exit(130); });
    client.start();
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    CommandLine options;
    const CommandLine::Parsed parsed = CommandLine::parse(argumentsOf(argc, argv), &options);
    if (!parsed.run) {
        std::fputs(parsed.output.toLocal8Bit().constData(), parsed.exitCode ? stderr : stdout);
        return parsed.exitCode;
    }
    if (options.headless) {
        QCoreApplication app(argc, argv); // no display needed: an SSH session, a cloud VM
        QCoreApplication::setApplicationName(QStringLiteral("capsock"));
        QCoreApplication::setApplicationVersion(QStringLiteral(CAPSOCK_VERSION));
        return runHeadless(options);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("capsock"));
    QApplication::setApplicationDisplayName(QStringLiteral("Capsock"));
    QApplication::setApplicationVersion(QStringLiteral(CAPSOCK_VERSION));
    if (options.mode == CommandLine::Mode::Inspect) {
        InspectorWindow window;
        QString error;
        if (!window.openFile(options.inspectFile, &error)) {
            std::fprintf(stderr, "capsock: %s\n", error.toLocal8Bit().constData());
            return 1;
        }
        window.show();
        return QApplication::exec();
    }
    std::fputs("capsock: this build has no server or client window yet; use --headless "
               "--server, --headless --client HOST, or --inspect FILE (see --help)\n",
               stderr);
    return 2;
}
