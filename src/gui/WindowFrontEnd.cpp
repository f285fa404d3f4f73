#include "gui/WindowFrontEnd.h"

#include "core/ApplicationInfo.h"
#include "gui/Appearance.h"
#include "gui/DemoWindows.h"
#include "gui/InspectorWindow.h"
#include "gui/MainWindow.h"
#include "gui/UdpClientPanel.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

WindowFrontEnd::WindowFrontEnd(int &argc, char **argv)
    : m_application(std::make_unique<QApplication>(argc, argv))
{
    nameApplication();
    Appearance::instance()->applyRemembered();
}

WindowFrontEnd::~WindowFrontEnd() = default;

void WindowFrontEnd::nameApplication()
{
    ApplicationInfo::apply();
    QApplication::setApplicationDisplayName(QStringLiteral("Capsock"));
    QApplication::setDesktopFileName(QStringLiteral("capsock"));
    QIcon icon;
    icon.addFile(QStringLiteral(":/capsock-64.png"));
    icon.addFile(QStringLiteral(":/capsock-256.png"));
    QApplication::setWindowIcon(icon);
}

int WindowFrontEnd::runDemo(const ServerOptions &options, bool udp)
{
    MainWindow server(false); // the demo's windows leave the settings as they were
    MainWindow client(false);
    if (udp) {
        server.setTransport(MainWindow::Transport::Udp);
        client.setTransport(MainWindow::Transport::Udp);
    }
    DemoWindows::start(server, client, options);
    return QApplication::exec();
}

int WindowFrontEnd::runServer(const ServerOptions &options, bool udp)
{
    MainWindow window;
    if (udp)
        window.setTransport(MainWindow::Transport::Udp);
    window.setServerOptions(options);
    window.show();
    window.startServer();
    return QApplication::exec();
}

int WindowFrontEnd::runClient(const ClientOptions &options, bool udp)
{
    MainWindow window;
    if (udp) {
        window.setTransport(MainWindow::Transport::Udp);
        window.udpClientPanel()->setConnectSocket(options.connectDatagramSocket);
        window.udpClientPanel()->setReplyTimeout(options.connectTimeoutMs);
    }
    window.show();
    window.connectToServer(options.host, options.port);
    return QApplication::exec();
}

int WindowFrontEnd::runInspector(const QString &path, int stream)
{
    InspectorWindow window;
    QString error;
    if (!window.openFile(path, &error)) {
        std::fprintf(stderr, "capsock: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
    if (stream >= 0 && !window.chooseStream(stream, &error)) {
        std::fprintf(stderr, "capsock: %s\n", error.toLocal8Bit().constData());
        return 2;
    }
    window.show();
    return QApplication::exec();
}

int WindowFrontEnd::runAsLastUsed(bool udp)
{
    MainWindow window;
    if (udp)
        window.setTransport(MainWindow::Transport::Udp);
    window.show();
    return QApplication::exec();
}
