#pragma once

#include "net/ClientOptions.h"
#include "net/ServerOptions.h"

#include <QString>

#include <memory>

class QApplication;

// The window front end: Capsock's windows on a QApplication. Each run...() opens the windows
// of one way of starting (product.md §4) and returns the exit code once they are closed.
class WindowFrontEnd
{
public:
    // Makes the application, which takes Qt's own options (-style Fusion) out of argc and argv,
    // and gives it the program's names and icon.
    WindowFrontEnd(int &argc, char **argv);
    ~WindowFrontEnd();

    // What every window of Capsock's is known by: the names its settings are filed under, the
    // name in its title and task bar, and its icon. Needs the QApplication.
    static void nameApplication();

    // A server and a client window, talking (DemoWindows), over UDP when `udp`.
    int runDemo(const ServerOptions &options, bool udp = false);
    // A server window, already listening (UDP: bound).
    int runServer(const ServerOptions &options, bool udp = false);
    // A client window, already connecting to options.host:port (UDP: its socket open there,
    // connect()ed as options.connectDatagramSocket says, waiting connectTimeoutMs a reply).
    int runClient(const ClientOptions &options, bool udp = false);
    // The byte inspector on a file's bytes, or on a capture's TCP conversation `stream` (-1:
    // the first); exit code 1, with the reason on standard error, when it can not be read, 2
    // for a conversation the capture lacks.
    int runInspector(const QString &path, int stream = -1);
    // The window as it was last used; over UDP when `udp` says so.
    int runAsLastUsed(bool udp = false);

private:
    std::unique_ptr<QApplication> m_application;
};
