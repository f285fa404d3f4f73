#pragma once

#include "net/ServerOptions.h"

class MainWindow;
class QWidget;

// `capsock --demo`: a server and a client window, already talking: the lecture's example,
// live. They go on the screen of the first: side by side, or cascaded where two do not fit (at
// QT_SCALE_FACTOR=2 on a 1600x900 screen), never beyond the screen's available area (the
// arithmetic is WindowPlacement's).
namespace DemoWindows {

// The server window starts listening as `options` say, or on any free port when that port is
// taken (a demo needs no particular one); both are shown and placed, and the client connects
// to the server at 127.0.0.1.
void start(MainWindow &server, MainWindow &client, const ServerOptions &options);

// Sizes and moves both, once they are shown: before, at QT_SCALE_FACTOR=2 on X11 the sizes
// did not reach the screen (both windows came up at 0,0 and as large as before).
void place(QWidget &first, QWidget &second);

} // namespace DemoWindows
