#pragma once

#include "net/ClientOptions.h"
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
    ClientOptions client;
    bool hex = false;   // the headless client dumps the bytes both ways
    bool quiet = false; // the headless front ends say less
    bool tcpInfo = false; // the headless front ends log TCP's states and the kernel's queues
    bool packets = false; // the headless front ends show the TCP segments (libpcap)
    // The transport: TCP, the lecture's, unless --udp (the textbook's datagram twin). A server
    // given --tcp --udp serves both on one port; a client speaks one.
    bool tcp = true;
    bool udp = false;
    QString inspectFile;
    QString savePath; // --save: the headless front ends write the conversation there, as pcapng
    int stream = -1;  // --stream: which TCP conversation of a capture to inspect; -1: not said

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
