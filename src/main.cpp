#include "core/ApplicationInfo.h"
#include "cli/CommandLine.h"
#include "gui/DemoWindows.h"
#include "net/DescriptorLimit.h"
#include "cli/HeadlessClient.h"
#include "cli/HeadlessServer.h"
#include "gui/InspectorWindow.h"
#include "gui/MainWindow.h"
#include "cli/TerminationSignals.h"
#include "net/SocketWatch.h"

#include <QApplication>
#include <QIcon>

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
    // Not qApp: with <QApplication> included it is a cast to QApplication, which a headless
    // run's QCoreApplication is not (UBSan caught it).
    QCoreApplication *application = QCoreApplication::instance();
    TerminationSignals termination;
    if (options.mode == CommandLine::Mode::Server) {
        HeadlessServer server(options.server, options.quiet);
        QObject::connect(&server, &HeadlessServer::finished, application,
                         &QCoreApplication::exit);
        QObject::connect(&termination, &TerminationSignals::requested, &server,
                         &HeadlessServer::stop);
        if (!server.start())
            return 1;
        return QCoreApplication::exec();
    }
    HeadlessClient client(options.client, options.hex, options.quiet);
    QObject::connect(&client, &HeadlessClient::finished, application, &QCoreApplication::exit);
    QObject::connect(&termination, &TerminationSignals::requested, application,
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
    // A server needs a descriptor per client, not the 1024 many systems start programs with
    // when the hard limit allows more. Raised for every mode: the window too may start a server.
    DescriptorLimit::raiseToHard();
    if (options.headless) {
        SocketWatch::useEpollEventLoop();
        QCoreApplication app(argc, argv); // no display needed: an SSH session, a cloud VM
        ApplicationInfo::apply();
        return runHeadless(options);
    }
    QApplication app(argc, argv);
    ApplicationInfo::apply();
    QApplication::setApplicationDisplayName(QStringLiteral("Capsock"));
    QApplication::setDesktopFileName(QStringLiteral("capsock"));
    QIcon icon;
    icon.addFile(QStringLiteral(":/capsock-64.png"));
    icon.addFile(QStringLiteral(":/capsock-256.png"));
    QApplication::setWindowIcon(icon);
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
    switch (options.mode) {
    case CommandLine::Mode::Demo: {
        // A server and a client side by side, already talking: the lecture's example, live.
        MainWindow server(false);
        MainWindow client(false);
        server.setServerOptions(options.server);
        if (!server.startServer()) { // the port is taken: any free one will do for a demo
            ServerOptions anyPort = options.server;
            anyPort.port = 0;
            server.setServerOptions(anyPort);
            server.startServer();
        }
        server.show();
        client.show();
        DemoWindows::place(server, client);
        if (server.server().isListening())
            client.connectToServer(QStringLiteral("127.0.0.1"), server.server().port());
        return QApplication::exec();
    }
    case CommandLine::Mode::Server: {
        MainWindow window;
        window.setServerOptions(options.server);
        window.show();
        window.startServer();
        return QApplication::exec();
    }
    case CommandLine::Mode::Client: {
        MainWindow window;
        window.show();
        window.connectToServer(options.client.host, options.client.port);
        return QApplication::exec();
    }
    case CommandLine::Mode::Window:
    case CommandLine::Mode::Inspect:
        break;
    }
    MainWindow window; // as it was last used
    window.show();
    return QApplication::exec();
}
