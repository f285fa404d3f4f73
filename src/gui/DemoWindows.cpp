#include "gui/DemoWindows.h"

#include "core/WindowPlacement.h"
#include "gui/MainWindow.h"

#include <QGuiApplication>
#include <QScreen>
#include <QStyle>
#include <QWidget>
#include <QWindow>

namespace {

// The inside height the demo asks for: a window 820 high leaves a 900-pixel screen its panels.
constexpr int DemoHeight = 820;

// What the window manager will put around a window. Some platforms know it before the window
// is shown; X11 knows only once the window manager has framed it: until then, a title bar and
// borders as the style draws them (no window manager at all, as under Xvfb, leaves that as a
// margin).
QMargins frameOf(const QWidget &window)
{
    if (const QWindow *handle = window.windowHandle(); handle && !handle->frameMargins().isNull())
        return handle->frameMargins();
    const QStyle *style = window.style();
    const int border = style->pixelMetric(QStyle::PM_MdiSubWindowFrameWidth, nullptr, &window);
    const int title = style->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, &window);
    return QMargins(border, title + border, border, border);
}

} // namespace

namespace DemoWindows {

void start(MainWindow &server, MainWindow &client, const ServerOptions &options)
{
    server.setServerOptions(options);
    if (!server.startServer()) {
        ServerOptions anyPort = options;
        anyPort.port = 0;
        server.setServerOptions(anyPort);
        server.startServer();
    }
    server.show();
    client.show();
    place(server, client);
    if (const quint16 port = server.serverPort(); port != 0)
        client.connectToServer(QStringLiteral("127.0.0.1"), port);
}

void place(QWidget &first, QWidget &second)
{
    const QScreen *screen = first.screen() ? first.screen() : QGuiApplication::primaryScreen();
    const QMargins frame = frameOf(first);
    const QSize minimum = first.minimumSizeHint()
                              .expandedTo(first.minimumSize())
                              .expandedTo(second.minimumSizeHint())
                              .expandedTo(second.minimumSize());
    const WindowPlacement::Pair places = WindowPlacement::forTwo(screen->availableGeometry(),
                                                                 frame, minimum, DemoHeight);
    const auto put = [&frame](QWidget &window, const QRect &outer) {
        window.resize(outer.size().shrunkBy(frame));
        window.move(outer.topLeft()); // a window's position is its frame's
    };
    put(first, places.first);
    put(second, places.second);
}

} // namespace DemoWindows
