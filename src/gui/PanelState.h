#pragma once

#include <QString>

// What a panel tells the window about its side: the state line beside the mode, the title and
// the Connection menu's first action.
struct PanelState
{
    QString text;         // "Listening on port 5220; 2 clients connected."
    bool problem = false; // the text says what went wrong, so it is shown in the problem colour
    QString title;        // the window's: "server on port 5220", "client of [::1]:5220"
    QString toggleText;   // "&Start the server", "Disco&nnect"
};
