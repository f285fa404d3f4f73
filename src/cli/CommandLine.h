#pragma once

#include "core/TextEncoding.h"
#include "net/ServerOptions.h"

#include <QString>
#include <QStringList>

// What the user asked for on the command line (product.md §4).
struct CommandLine
{
    enum class Mode { Window, Server, Client, Demo, Inspect };

    Mode mode = Mode::Window;
    bool headless = false;
    ServerOptions server;
    QString host;
    quint16 port = 5220;
    LineEnding lineEnding = LineEnding::Lf;
    bool hex = false;
    bool quiet = false;
    int connectTimeoutMs = 5000;
    QString inspectFile;

    // The outcome of parsing: either options to run with, or text to print and an exit code
    // (0 for --help and --version, 2 for a bad argument).
    struct Parsed
    {
        bool run = false;
        int exitCode = 0;
        QString output;
    };

    // `arguments` includes the program name first, as QCoreApplication::arguments() does.
    // Qt's own options (-style Fusion, -platform offscreen, -reverse, ...) are passed over:
    // they are QApplication's, which takes them from argc and argv itself.
    static Parsed parse(const QStringList &arguments, CommandLine *options);
};
