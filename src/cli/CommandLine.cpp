#include "cli/CommandLine.h"

#include "core/HostPort.h"
#include "net/BindAddress.h"

#include <QCommandLineParser>

#include <vector>

namespace {

using Mode = CommandLine::Mode;

// One option of capsock's command line, as the help shows it and as parsing applies it.
struct Option
{
    enum class Kind {
        Help,    // prints the help
        Version, // prints the version
        Mode,    // picks what to run: at most one of them
        Flag,    // turns something on
        Setting  // a value, checked and set
    };

    Kind kind = Kind::Flag;
    QStringList names;
    QString valueName; // empty for an option without a value
    QString description;
    Mode mode = Mode::Window;                       // Kind::Mode
    void (*turnOn)(CommandLine *options) = nullptr; // Kind::Flag
    // Kind::Setting: false when the value is not one it takes; `expected` says which it takes.
    bool (*set)(const QString &value, CommandLine *options) = nullptr;
    QString expected;

    QString name() const { return names.last(); }
    QCommandLineOption forParser() const
    {
        return QCommandLineOption(names, description, valueName);
    }
};

Option option(Option::Kind kind, const QStringList &names, const QString &description,
              const QString &valueName = {})
{
    Option option;
    option.kind = kind;
    option.names = names;
    option.description = description;
    option.valueName = valueName;
    return option;
}

Option mode(const QString &name, Mode picked, const QString &description,
            const QString &valueName = {})
{
    Option mode = option(Option::Kind::Mode, {name}, description, valueName);
    mode.mode = picked;
    return mode;
}

Option flag(const QString &name, const QString &description,
            void (*turnOn)(CommandLine *options))
{
    Option flag = option(Option::Kind::Flag, {name}, description);
    flag.turnOn = turnOn;
    return flag;
}

Option setting(const QString &name, const QString &valueName, const QString &description,
               bool (*set)(const QString &value, CommandLine *options),
               const QString &expected)
{
    Option setting = option(Option::Kind::Setting, {name}, description, valueName);
    setting.set = set;
    setting.expected = expected;
    return setting;
}

// --- what the settings take ------------------------------------------------------------------

template<typename Number>
bool setInRange(const QString &text, qint64 minimum, qint64 maximum, Number *value)
{
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum)
        return false;
    *value = Number(number);
    return true;
}

bool setBind(const QString &value, CommandLine *options)
{
    const BindAddress bind = BindAddress::parse(value);
    if (!bind.isValid())
        return false;
    options->server.bindAddresses = bind.addresses;
    return true;
}

bool setLineEnding(const QString &value, CommandLine *options)
{
    const QString ending = value.toLower();
    if (ending == QLatin1String("none"))
        options->client.lineEnding = LineEnding::None;
    else if (ending == QLatin1String("lf"))
        options->client.lineEnding = LineEnding::Lf;
    else if (ending == QLatin1String("crlf"))
        options->client.lineEnding = LineEnding::CrLf;
    else
        return false;
    return true;
}

bool setTimeout(const QString &value, CommandLine *options)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600)
        return false;
    options->client.connectTimeoutMs = int(seconds * 1000);
    return true;
}

// --- the table -------------------------------------------------------------------------------

// Every option, in the order the help lists them. Settings are checked in this order too, so
// the first bad value named is the first one the help names. A setting not given keeps the
// options types' default, which the help says.
const std::vector<Option> &optionTable()
{
    using Kind = Option::Kind;
    static const ServerOptions server;
    static const ClientOptions client;
    static const std::vector<Option> table{
        option(Kind::Help, {QStringLiteral("h"), QStringLiteral("help")},
               QStringLiteral("Show this help.")),
        option(Kind::Version, {QStringLiteral("v"), QStringLiteral("version")},
               QStringLiteral("Show the version.")),
        mode(QStringLiteral("server"), Mode::Server,
             QStringLiteral("Run as the capitalization server.")),
        mode(QStringLiteral("client"), Mode::Client,
             QStringLiteral("Run as a client of HOST[:PORT] (a name, IPv4, or [IPv6])."),
             QStringLiteral("HOST[:PORT]")),
        mode(QStringLiteral("demo"), Mode::Demo,
             QStringLiteral("A server and a client window, connected.")),
        mode(QStringLiteral("inspect"), Mode::Inspect,
             QStringLiteral("Open the byte inspector on FILE; a capture (pcap, pcapng) shows "
                            "its TCP conversations."),
             QStringLiteral("FILE")),
        flag(QStringLiteral("headless"),
             QStringLiteral("No window: serve, or send standard input, on the terminal."),
             [](CommandLine *options) { options->headless = true; }),
        setting(QStringLiteral("bind"), QStringLiteral("ADDR"),
                QStringLiteral("Server address: \"all\" (every interface, IPv4 and IPv6; the "
                               "default), \"localhost\" (this computer only), or one of this "
                               "computer's addresses."),
                setBind, BindAddress::expected()),
        setting(QStringLiteral("port"), QStringLiteral("N"),
                QStringLiteral("Server port (default %1; 0: any free port).").arg(server.port),
                [](const QString &value, CommandLine *options) {
                    return HostPort::parsePort(value, &options->server.port, true);
                },
                QStringLiteral("expected a number from 0 to 65535")),
        setting(QStringLiteral("read-size"), QStringLiteral("N"),
                QStringLiteral("Server reads: recv(N) (default %1).").arg(server.readSize),
                [](const QString &value, CommandLine *options) {
                    return setInRange(value, 1, 16 << 20, &options->server.readSize);
                },
                QStringLiteral("expected 1 to 16777216 bytes")),
        setting(QStringLiteral("max-clients"), QStringLiteral("N"),
                QStringLiteral("Clients served at once (default: as many as the system allows, "
                               "up to %1).")
                    .arg(ServerOptions::MostClientsByDefault),
                [](const QString &value, CommandLine *options) {
                    return setInRange(value, 1, 100000, &options->server.maxClients);
                },
                QStringLiteral("expected 1 to 100000")),
        setting(QStringLiteral("max-unsent"), QStringLiteral("BYTES"),
                QStringLiteral("Reply bytes a client may leave unread before the server stops "
                               "reading from it (default %1).")
                    .arg(server.maxUnsentReplyBytes),
                [](const QString &value, CommandLine *options) {
                    return setInRange(value, 1024, qint64(1) << 32,
                                      &options->server.maxUnsentReplyBytes);
                },
                QStringLiteral("expected 1024 to 4294967296 bytes")),
        flag(QStringLiteral("close-after-reply"),
             QStringLiteral("Close each connection after its first reply, as the lecture's "
                            "server."),
             [](CommandLine *options) { options->server.closeAfterFirstReply = true; }),
        flag(QStringLiteral("no-reuse-address"),
             QStringLiteral("Server: no setsockopt(SO_REUSEADDR) before bind(), so a restart "
                            "fails with \"address already in use\" while a TIME_WAIT lingers."),
             [](CommandLine *options) { options->server.reuseAddress = false; }),
        setting(QStringLiteral("line-ending"), QStringLiteral("none|lf|crlf"),
                QStringLiteral("Client: what ends each message: none (as the lecture's "
                               "client), lf (default) or crlf."),
                setLineEnding, QStringLiteral("expected none, lf or crlf")),
        flag(QStringLiteral("hex"),
             QStringLiteral("Headless client: hex dump of the bytes both ways instead of the "
                            "replies."),
             [](CommandLine *options) { options->hex = true; }),
        flag(QStringLiteral("packets"),
             QStringLiteral("Headless: show each TCP segment of the connections (SYN, data, "
                            "FIN), captured with libpcap; needs CAP_NET_RAW."),
             [](CommandLine *options) { options->packets = true; }),
        flag(QStringLiteral("tcp"),
             QStringLiteral("TCP, the lecture's stream (the default). With --udp too, the "
                            "server serves both on one port: --server --tcp --udp."),
             [](CommandLine *options) { options->tcp = true; }),
        flag(QStringLiteral("udp"),
             QStringLiteral("UDP, the textbook's datagrams (Kurose & Ross): the server "
                            "answers each datagram on its own; the client sends each message "
                            "as one datagram and waits --timeout for its reply. The window too "
                            "(--demo --udp: a UDP pair)."),
             [](CommandLine *options) { options->udp = true; }),
        setting(QStringLiteral("datagram-size"), QStringLiteral("N"),
                QStringLiteral("UDP server reads: recvfrom(N) (default %1); a longer datagram "
                               "is cut, and the log says so.")
                    .arg(server.datagramSize),
                [](const QString &value, CommandLine *options) {
                    return setInRange(value, 1, 65536, &options->server.datagramSize);
                },
                QStringLiteral("expected 1 to 65536 bytes")),
        flag(QStringLiteral("udp-connect"),
             QStringLiteral("UDP client: connect() the socket, so that a port where nothing "
                            "listens shows as refused instead of no reply."),
             [](CommandLine *options) { options->client.connectDatagramSocket = true; }),
        setting(QStringLiteral("timeout"), QStringLiteral("SECONDS"),
                QStringLiteral("Client: seconds to wait for a connection, or with --udp for "
                               "each reply (default %1).")
                    .arg(client.connectTimeoutMs / 1000.0),
                setTimeout,
                QStringLiteral("expected seconds, more than 0 and at most 3600")),
        setting(QStringLiteral("save"), QStringLiteral("FILE"),
                QStringLiteral("Headless: when it ends, save the conversation to FILE as a "
                               "capture (pcapng) for Wireshark or tshark."),
                [](const QString &value, CommandLine *options) {
                    options->savePath = value;
                    return !value.isEmpty();
                },
                QStringLiteral("expected a file name")),
        setting(QStringLiteral("stream"), QStringLiteral("N"),
                QStringLiteral("--inspect of a capture: its TCP conversation N (0, 1, ...; "
                               "headless: without it, the list)."),
                [](const QString &value, CommandLine *options) {
                    return setInRange(value, 0, 1 << 30, &options->stream);
                },
                QStringLiteral("expected a stream number: 0, 1, ...")),
        flag(QStringLiteral("quiet"),
             QStringLiteral("Headless: log connections only, not every read and reply."),
             [](CommandLine *options) { options->quiet = true; }),
        flag(QStringLiteral("tcp-info"),
             QStringLiteral("Headless: log TCP's states and the kernel's queues beside the "
                            "calls (Linux)."),
             [](CommandLine *options) { options->tcpInfo = true; }),
    };
    return table;
}

bool isSet(const QCommandLineParser &parser, Option::Kind kind)
{
    for (const Option &option : optionTable()) {
        if (option.kind == kind && parser.isSet(option.name()))
            return true;
    }
    return false;
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

// --- the steps of parsing --------------------------------------------------------------------

CommandLine::Parsed finished(int exitCode, const QString &output)
{
    CommandLine::Parsed parsed;
    parsed.exitCode = exitCode;
    parsed.output = output;
    return parsed;
}

CommandLine::Parsed rejected(const QString &message)
{
    return finished(2, message);
}

QString helpText(const QCommandLineParser &parser)
{
    // Parsing comes before the application object, which is where the name would come from.
    return parser.helpText().replace(QLatin1String("<executable_name>"),
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
            "  capsock --headless --server --save talk.pcapng\n"
            "                                               the conversation, for "
            "Wireshark\n"
            "  capsock --headless --inspect talk.pcapng --stream 0\n"
            "                                               a capture's first TCP "
            "conversation\n"
            "  capsock --headless --server --udp            the textbook's UDP server\n"
            "  capsock --headless --server --tcp --udp      TCP and UDP on one port\n"
            "  capsock --headless --client 127.0.0.1 --udp  each line as one datagram\n"
            "  capsock --demo --udp                         a UDP server and client window\n"
            "\nQt's own options work too, such as -style Fusion, -reverse, -stylesheet "
            "FILE.qss,\n-platform offscreen.\n");
}

// TCP unless --udp; both only for a headless server (a window serves one transport at a time).
// What the TCP probe and the capture show is TCP's, so they ask for TCP; the inspector reads
// TCP conversations. --save writes either (UDP's datagrams made into packets).
QString chooseTransport(const QCommandLineParser &parser, CommandLine *options)
{
    const bool tcp = parser.isSet(QStringLiteral("tcp"));
    options->udp = parser.isSet(QStringLiteral("udp"));
    options->tcp = tcp || !options->udp;
    if (options->udp && options->tcp && !parser.isSet(QStringLiteral("headless"))) {
        return QStringLiteral("capsock: a window serves one transport at a time: choose --tcp "
                              "or --udp, or serve both with --headless\n");
    }
    if (options->udp && options->mode == Mode::Inspect)
        return QStringLiteral("capsock: --inspect reads TCP conversations: --udp has no place "
                              "there\n");
    if (options->mode == Mode::Client && options->tcp && options->udp) {
        return QStringLiteral("capsock: a client speaks one transport: choose --tcp or "
                              "--udp\n");
    }
    if (parser.isSet(QStringLiteral("udp-connect")) && !options->udp)
        return QStringLiteral("capsock: --udp-connect is for a UDP client: add --udp\n");
    if (options->udp && !options->tcp) {
        for (const QString &tcpOnly : {QStringLiteral("packets"), QStringLiteral("tcp-info")}) {
            if (parser.isSet(tcpOnly)) {
                return QStringLiteral("capsock: --%1 is for TCP only, not with --udp alone\n")
                    .arg(tcpOnly);
            }
        }
    }
    return {};
}

// At most one of --server, --client, --demo and --inspect; --headless with any but --demo.
QString chooseMode(const QCommandLineParser &parser, CommandLine *options)
{
    int modes = 0;
    for (const Option &option : optionTable()) {
        if (option.kind == Option::Kind::Mode && parser.isSet(option.name())) {
            options->mode = option.mode;
            ++modes;
        }
    }
    if (modes > 1)
        return QStringLiteral("capsock: choose one of --server, --client, --demo and --inspect\n");
    const bool headless = parser.isSet(QStringLiteral("headless"));
    if (headless && options->mode != Mode::Server && options->mode != Mode::Client
        && options->mode != Mode::Inspect) {
        return QStringLiteral("capsock: --headless needs --server, --client HOST or --inspect "
                              "FILE\n");
    }
    if (!headless && parser.isSet(QStringLiteral("save"))) {
        return QStringLiteral("capsock: --save needs --headless (in the window: File > Save "
                              "conversation)\n");
    }
    return chooseTransport(parser, options);
}

// Every flag and every setting given; what is wrong with the first value that is not one its
// setting takes.
QString applyOptions(const QCommandLineParser &parser, CommandLine *options)
{
    for (const Option &option : optionTable()) {
        const bool given = parser.isSet(option.name());
        if (option.kind == Option::Kind::Flag && given)
            option.turnOn(options);
        if (option.kind != Option::Kind::Setting || !given)
            continue;
        const QString value = parser.value(option.name());
        if (!option.set(value, options))
            return QStringLiteral("capsock: --%1 %2: %3\n").arg(option.name(), value,
                                                               option.expected);
    }
    return {};
}

// What the mode works on: the inspector's file, or the client's HOST[:PORT], whose port is
// --port's unless it names one, and must be one a client can connect to.
QString chooseTarget(const QCommandLineParser &parser, CommandLine *options)
{
    options->inspectFile = parser.value(QStringLiteral("inspect"));
    if (options->mode != Mode::Client)
        return {};
    const HostPort target = HostPort::parse(parser.value(QStringLiteral("client")),
                                            options->server.port);
    if (!target.isValid())
        return QStringLiteral("capsock: --client %1\n").arg(target.error);
    if (target.port == 0)
        return QStringLiteral("capsock: --client needs a port from 1 to 65535\n");
    options->client.host = target.host;
    options->client.port = target.port;
    return {};
}

} // namespace

CommandLine::Parsed CommandLine::parse(const QStringList &arguments, CommandLine *options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Capsock: TCP socket programming made visible. A server answers every string a client "
        "sends, capitalized, as in the socket-programming lecture; both sides show the bytes."));
    for (const Option &option : optionTable())
        parser.addOption(option.forParser());

    if (!parser.parse(withoutQtsOptions(arguments))) {
        return rejected(QStringLiteral("capsock: %1\nTry 'capsock --help'.\n")
                            .arg(parser.errorText()));
    }
    if (isSet(parser, Option::Kind::Help))
        return finished(0, helpText(parser));
    if (isSet(parser, Option::Kind::Version))
        return finished(0, QStringLiteral("capsock %1\n").arg(QStringLiteral(CAPSOCK_VERSION)));
    if (!parser.positionalArguments().isEmpty()) {
        return rejected(QStringLiteral("capsock: unexpected argument \"%1\"\nTry 'capsock "
                                       "--help'.\n")
                            .arg(parser.positionalArguments().first()));
    }
    CommandLine result;
    for (const auto step : {chooseMode, applyOptions, chooseTarget}) {
        const QString complaint = step(parser, &result);
        if (!complaint.isEmpty())
            return rejected(complaint);
    }
    *options = result;
    Parsed parsed;
    parsed.run = true;
    return parsed;
}
