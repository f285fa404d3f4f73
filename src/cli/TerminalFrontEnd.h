#pragma once

struct CommandLine;

// `capsock --headless`: the terminal front end, for an SSH session or a cloud VM with no
// display. It runs the headless server or client on a QCoreApplication with the epoll event
// loop, and ends cleanly on Ctrl-C or SIGTERM.
namespace TerminalFrontEnd {

// Makes the application from argc and argv and runs until the server stops or the client is
// done; returns the exit code (130 for a client stopped by Ctrl-C).
int run(int &argc, char **argv, const CommandLine &options);

} // namespace TerminalFrontEnd
