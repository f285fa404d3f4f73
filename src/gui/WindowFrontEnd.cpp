#include "gui/WindowFrontEnd.h"

#include "core/ApplicationInfo.h"
#include "gui/DemoWindows.h"
#include "gui/InspectorWindow.h"
#include "gui/MainWindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

WindowFrontEnd::WindowFrontEnd(int &argc, char **argv)
    : m_application(std::make_unique<QApplication>(argc, argv))
{
    nameApplication();
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

int WindowFrontEnd::runDemo(const ServerOptions &options)
{
    MainWindow server(false); // the demo's windows leave the settings as they were
    MainWindow client(false);
    DemoWindows::start(server, client, options);
    return QApplication::exec();
}

int WindowFrontEnd::runServer(const ServerOptions &options)
{
    MainWindow window;
    window.setServerOptions(options);
    window.show();
    window.startServer();
    return QApplication::exec();
}

int WindowFrontEnd::runClient(const QString &host, quint16 port)
{
    MainWindow window;
    window.show();
    window.connectToServer(host, port);
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

int WindowFrontEnd::runAsLastUsed()
{
    MainWindow window;
    window.show();
    return QApplication::exec();
}
