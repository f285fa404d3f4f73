#include "cli/CommandLine.h"

#include "core/HostPort.h"
#include "net/BindAddress.h"

#include <QCommandLineParser>

namespace {

bool parsePositive(const QString &text, qint64 minimum, qint64 maximum, qint64 *value)
{
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum)
        return false;
    *value = number;
    return true;
}

QString badValue(const QString &option, const QString &value, const QString &expected)
{
    return QStringLiteral("capsock: --%1 %2: %3\n").arg(option, value, expected);
}

// Qt's own options, which QApplication (and its X11 plugin) take out of the arguments when the
// window starts: "-style Fusion", "-platform offscreen", "-reverse". Left out here, before the
// application object exists, so that --help, --version, a bad argument and --headless need no
// display. From Qt 6's QGuiApplication, QApplication and xcb sources; one or two dashes.
QStringList withoutQtsOptions(const QStringList &arguments)
{
    static const QStringList withValue{ // "-style Fusion"
        QStringLiteral("platform"), QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"), QStringLiteral("session"),
        QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowtitle"),
        QStringLiteral("qwindowicon"), QStringLiteral("style"), QStringLiteral("stylesheet"),
        // X11's names, and its plugin's own options
        QStringLiteral("geometry"), QStringLiteral("title"), QStringLiteral("icon"),
        QStringLiteral("display"), QStringLiteral("name"), QStringLiteral("visual")};
    static const QStringList flags{QStringLiteral("reverse"), QStringLiteral("testability"),
                                   QStringLiteral("widgetcount"), QStringLiteral("nograb"),
                                   QStringLiteral("dograb")};
    static const QStringList withEquals{ // "-style=Fusion"
        QStringLiteral("style"), QStringLiteral("stylesheet"), QStringLiteral("qmljsdebugger")};
    QStringList ours;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        const bool option = i > 0 && argument.startsWith(QLatin1Char('-'));
        const QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        if (option && withValue.contains(name)) {
            ++i; // its value is Qt's too
            continue;
        }
        const bool qts = option
            && (flags.contains(name)
                || (name.contains(QLatin1Char('='))
                    && withEquals.contains(name.section(QLatin1Char('='), 0, 0))));
        if (!qts)
            ours.append(argument);
    }
    return ours;
}

} // namespace

CommandLine::Parsed CommandLine::parse(const QStringList &arguments, CommandLine *options)
{
    const ServerOptions serverDefaults;
    const ClientOptions clientDefaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Capsock: TCP socket programming made visible. A server answers every string a client "
        "sends, capitalized, as in the socket-programming lecture; both sides show the bytes."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("Run as the capitalization server."));
    const QCommandLineOption client(QStringLiteral("client"),
                                    QStringLiteral("Run as a client of HOST[:PORT] "
                                                   "(a name, IPv4, or [IPv6])."),
                                    QStringLiteral("HOST[:PORT]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("A server and a client window, connected."));
    const QCommandLineOption inspect(QStringLiteral("inspect"),
                                     QStringLiteral("Open the byte inspector on FILE."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QStringLiteral("No window: serve, or send standard input, on the terminal."));
    const QCommandLineOption bind(
        QStringLiteral("bind"),
        QStringLiteral("Server address: \"all\" (every interface, IPv4 and IPv6; the default), "
                       "\"localhost\" (this computer only), or one of this computer's "
                       "addresses."),
        QStringLiteral("ADDR"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Server port (default %1; 0: any free port).")
                                      .arg(serverDefaults.port),
                                  QStringLiteral("N"));
    const QCommandLineOption readSize(QStringLiteral("read-size"),
                                      QStringLiteral("Server reads: recv(N) (default %1).")
                                          .arg(serverDefaults.readSize),
                                      QStringLiteral("N"));
    const QCommandLineOption maxClients(QStringLiteral("max-clients"),
                                        QStringLiteral("Clients served at once (default %1).")
                                            .arg(serverDefaults.maxClients),
                                        QStringLiteral("N"));
    const QCommandLineOption maxUnsent(
        QStringLiteral("max-unsent"),
        QStringLiteral("Reply bytes a client may leave unread before the server stops reading "
                       "from it (default %1).")
            .arg(serverDefaults.maxUnsentReplyBytes),
        QStringLiteral("BYTES"));
    const QCommandLineOption closeAfterReply(
        QStringLiteral("close-after-reply"),
        QStringLiteral("Close each connection after its first reply, as the lecture's server."));
    const QCommandLineOption lineEnding(
        QStringLiteral("line-ending"),
        QStringLiteral("Client: what ends each message: none (as the lecture's client), lf "
                       "(default) or crlf."),
        QStringLiteral("none|lf|crlf"));
    const QCommandLineOption hex(QStringLiteral("hex"),
                                 QStringLiteral("Headless client: hex dump of the bytes both "
                                                "ways instead of the replies."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Client: seconds to wait for a connection "
                                                    "(default %1).")
                                         .arg(clientDefaults.connectTimeoutMs / 1000.0),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("Headless: log connections only, not every "
                                                  "read and reply."));
    parser.addOptions({help, version, server, client, demo, inspect, headless, bind, port,
                       readSize, maxClients, maxUnsent, closeAfterReply, lineEnding, hex,
                       timeout, quiet});

    Parsed parsed;
    parsed.exitCode = 2;
    if (!parser.parse(withoutQtsOptions(arguments))) {
        parsed.output = QStringLiteral("capsock: %1\nTry 'capsock --help'.\n")
                            .arg(parser.errorText());
        return parsed;
    }
    if (parser.isSet(help)) {
        parsed.exitCode = 0;
        // Parsing comes before the application object, which is where the name would come from.
        parsed.output = parser.helpText().replace(QLatin1String("<executable_name>"),
                                                  QLatin1String("capsock"))
            + QStringLiteral(
                "\nExamples:\n"
                "  capsock --headless --server                  serve on port 5220, all "
                "interfaces\n"
                "  capsock --headless --server --bind localhost this computer only\n"
                "  capsock --headless --client 127.0.0.1        send each line typed, print "
                "replies\n"
                "  printf 'I am hungry' | capsock --headless --client 127.0.0.1 "
                "--line-ending none\n"
                "                                               exactly what the lecture's "
                "client sends\n"
                "  capsock --headless --client [::1]:5220 --hex hex dump of both directions\n"
                "\nQt's own options work too, such as -style Fusion, -reverse, -stylesheet "
                "FILE.qss,\n-platform offscreen.\n");
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.exitCode = 0;
        parsed.output = QStringLiteral("capsock %1\n").arg(QStringLiteral(CAPSOCK_VERSION));
        return parsed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        parsed.output = QStringLiteral("capsock: unexpected argument \"%1\"\nTry 'capsock "
                                       "--help'.\n")
                            .arg(parser.positionalArguments().first());
        return parsed;
    }

    const int modes = int(parser.isSet(server)) + int(parser.isSet(client))
        + int(parser.isSet(demo)) + int(parser.isSet(inspect));
    if (modes > 1) {
        parsed.output = QStringLiteral("capsock: choose one of --server, --client, --demo and "
                                       "--inspect\n");
        return parsed;
    }
    CommandLine result;
    result.headless = parser.isSet(headless);
    result.quiet = parser.isSet(quiet);
    result.hex = parser.isSet(hex);
    if (parser.isSet(server))
        result.mode = Mode::Server;
    else if (parser.isSet(client))
        result.mode = Mode::Client;
    else if (parser.isSet(demo))
        result.mode = Mode::Demo;
    else if (parser.isSet(inspect))
        result.mode = Mode::Inspect;
    if (result.headless && result.mode != Mode::Server && result.mode != Mode::Client) {
        parsed.output = QStringLiteral("capsock: --headless needs --server or --client HOST\n");
        return parsed;
    }

    if (parser.isSet(bind)) {
        const BindAddress bindAddress = BindAddress::parse(parser.value(bind));
        if (!bindAddress.isValid()) {
            parsed.output = badValue(QStringLiteral("bind"), parser.value(bind),
                                     bindAddress.error);
            return parsed;
        }
        result.server.bindAddresses = bindAddress.addresses;
    }

    if (parser.isSet(port) && !HostPort::parsePort(parser.value(port), &result.server.port,
                                                   true)) {
        parsed.output = badValue(QStringLiteral("port"), parser.value(port),
                                 QStringLiteral("expected a number from 0 to 65535"));
        return parsed;
    }
    qint64 number = 0;
    if (parser.isSet(readSize)) {
        if (!parsePositive(parser.value(readSize), 1, 16 << 20, &number)) {
            parsed.output = badValue(QStringLiteral("read-size"), parser.value(readSize),
                                     QStringLiteral("expected 1 to 16777216 bytes"));
            return parsed;
        }
        result.server.readSize = number;
    }
    if (parser.isSet(maxClients)) {
        if (!parsePositive(parser.value(maxClients), 1, 100000, &number)) {
            parsed.output = badValue(QStringLiteral("max-clients"), parser.value(maxClients),
                                     QStringLiteral("expected 1 to 100000"));
            return parsed;
        }
        result.server.maxClients = int(number);
    }
    if (parser.isSet(maxUnsent)) {
        if (!parsePositive(parser.value(maxUnsent), 1024, qint64(1) << 32, &number)) {
            parsed.output = badValue(QStringLiteral("max-unsent"), parser.value(maxUnsent),
                                     QStringLiteral("expected 1024 to 4294967296 bytes"));
            return parsed;
        }
        result.server.maxUnsentReplyBytes = number;
    }
    result.server.closeAfterFirstReply = parser.isSet(closeAfterReply);

    if (parser.isSet(lineEnding)) {
        const QString ending = parser.value(lineEnding).toLower();
        if (ending == QLatin1String("none")) {
            result.client.lineEnding = CapitalizeClient::LineEnding::None;
        } else if (ending == QLatin1String("lf")) {
            result.client.lineEnding = CapitalizeClient::LineEnding::Lf;
        } else if (ending == QLatin1String("crlf")) {
            result.client.lineEnding = CapitalizeClient::LineEnding::CrLf;
        } else {
            parsed.output = badValue(QStringLiteral("line-ending"), parser.value(lineEnding),
                                     QStringLiteral("expected none, lf or crlf"));
            return parsed;
        }
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600) {
            parsed.output = badValue(QStringLiteral("timeout"), parser.value(timeout),
                                     QStringLiteral("expected seconds, more than 0 and at "
                                                    "most 3600"));
            return parsed;
        }
        result.client.connectTimeoutMs = int(seconds * 1000);
    }

    if (result.mode == Mode::Client) {
        const HostPort target = HostPort::parse(parser.value(client), result.server.port);
        if (!target.isValid()) {
            parsed.output = QStringLiteral("capsock: --client %1\n").arg(target.error);
            return parsed;
        }
        result.client.host = target.host;
        result.client.port = target.port;
        if (result.client.port == 0) {
            parsed.output = QStringLiteral("capsock: --client needs a port from 1 to 65535\n");
            return parsed;
        }
    }
    result.inspectFile = parser.value(inspect);

    *options = result;
    parsed.run = true;
    parsed.exitCode = 0;
    return parsed;
}
