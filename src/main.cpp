#include "cli/CommandLine.h"
#include "cli/TerminalFrontEnd.h"
#include "gui/WindowFrontEnd.h"
#include "net/DescriptorLimit.h"

#include <cstdio>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

int runWindow(int &argc, char **argv, const CommandLine &options)
{
    WindowFrontEnd window(argc, argv);
    switch (options.mode) {
    case CommandLine::Mode::Demo: return window.runDemo(options.server, options.udp);
    case CommandLine::Mode::Server: return window.runServer(options.server, options.udp);
    case CommandLine::Mode::Client: return window.runClient(options.client, options.udp);
    case CommandLine::Mode::Inspect:
        return window.runInspector(options.inspectFile, options.stream);
    case CommandLine::Mode::Window: break;
    }
    return window.runAsLastUsed(options.udp);
}

} // namespace

// Parses the command line, then picks a front end: the terminal's or the window's.
int main(int argc, char **argv)
{
    CommandLine options;
    const CommandLine::Parsed parsed = CommandLine::parse(argumentsOf(argc, argv), &options);
    if (!parsed.run) {
        std::fputs(parsed.output.toLocal8Bit().constData(), parsed.exitCode ? stderr : stdout);
        return parsed.exitCode;
    }
    // A server needs a descriptor per client, not the 1024 many systems start programs with
    // when the hard limit allows more. Raised for every mode: the window too may start a server.
    DescriptorLimit::raiseToHard();
    if (options.headless)
        return TerminalFrontEnd::run(argc, argv, options);
    return runWindow(argc, argv, options);
}
