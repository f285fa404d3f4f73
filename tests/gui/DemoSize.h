#pragma once

#include <QTest>
#include <QWidget>

// The demo's size: half of a 1600x900 screen each, less the frame.
inline void showAtTheDemoSize(QWidget &window)
{
    window.resize(800, 820);
    QTest::qWait(50); // the layout, and the splitters' first sizes after the first show
}
