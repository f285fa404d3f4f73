#pragma once

class QWidget;

// The demo's two windows on the screen of the first: side by side, or cascaded where two do not
// fit (at QT_SCALE_FACTOR=2 on a 1600x900 screen), never beyond the screen's available area
// (the arithmetic is WindowPlacement's).
namespace DemoWindows {

// Sizes and moves both, once they are shown: before, at QT_SCALE_FACTOR=2 on X11 the sizes
// did not reach the screen (both windows came up at 0,0 and as large as before).
void place(QWidget &first, QWidget &second);

} // namespace DemoWindows
