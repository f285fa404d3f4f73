// The server window under a flood (issue 12): the window's server beside the headless server,
// loaded in turns by the same capsock_load in one run, so both sides of each ratio were
// measured within seconds of each other on this noisy shared machine. Per round: round trips
// a second of each, their ratio, and the p99 delay of the window's GUI thread (a timer probe:
// how late a timer's event is handled, which is how late a key press or a click would be).
// Then the window's memory after all the rounds' flooding, and how long Stop (Ctrl+K's
// action) takes to be handled in the middle of one more flood.
//
// The window is built in this process as `capsock --server` builds it; the headless server
// (capsock --headless) and every load client are processes of their own.
//
// Run: build/tests/bench/bench_window_load [--rounds N] [--seconds S] [--connections N]
//      [--line-bytes N] [--capsock PATH] [--load PATH] [--follow 1]
// --follow 1: the window follows one of the clients (selected in its list) during each flood,
// as a teacher following one student does; the others are still recorded.
// Platform: QT_QPA_PLATFORM if set; otherwise xcb when DISPLAY is set, offscreen if not.
#include "core/ApplicationInfo.h"
#include "gui/MainWindow.h"

#include <QAction>
#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Settings
{
    int rounds = 5;
    double seconds = 5;
    int connections = 50;
    int lineBytes = 32;
    QString capsock = QStringLiteral(CAPSOCK_BINARY);
    QString load = QStringLiteral(LOAD_BINARY);
    bool follow = false;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(std::ceil(fraction * double(values.size())));
    return values[std::min(values.size() - 1, rank > 0 ? rank - 1 : 0)];
}

// VmRSS or VmHWM of this process, in MiB.
double memoryMiB(const char *field)
{
    FILE *file = std::fopen("/proc/self/status", "r");
    if (!file)
        return 0;
    char line[256];
    long kib = 0;
    const size_t length = std::strlen(field);
    while (std::fgets(line, sizeof line, file)) {
        if (std::strncmp(line, field, length) == 0 && line[length] == ':') {
            kib = std::atol(line + length + 1);
            break;
        }
    }
    std::fclose(file);
    return double(kib) / 1024;
}

// How late the GUI thread handles a timer's event: armed again after each timeout, every
// `intervalMs`; each lateness is how long the event waited past its time.
class TimerProbe : public QObject
{
public:
    explicit TimerProbe(int intervalMs)
        : m_intervalMs(intervalMs)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_latenessMs.push_back(double(m_clock.nsecsElapsed()) / 1e6 - m_intervalMs);
            arm();
        });
    }

    void start()
    {
        m_latenessMs.clear();
        arm();
    }
    void stop() { m_timer.stop(); }
    const std::vector<double> &latenessMs() const { return m_latenessMs; }

private:
    void arm()
    {
        m_clock.start();
        m_timer.start(m_intervalMs);
    }

    const int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_latenessMs;
};

struct LoadResult
{
    double roundTrips = 0; // a second
    bool errors = true;
};

// Qt's messages, less the offscreen platform's note that it can not resize to size hints.
void quietMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!message.contains(QLatin1String("propagateSizeHints")))
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

// Runs capsock_load against `port` with the event loop running (the window serves from it).
// `errorsExpected`: its complaints are not shown (the server is stopped under it).
LoadResult runLoad(const Settings &settings, quint16 port, double seconds,
                   bool errorsExpected = false)
{
    QProcess load;
    if (errorsExpected)
        load.setStandardErrorFile(QProcess::nullDevice());
    else
        load.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QEventLoop loop;
    QObject::connect(&load, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&load, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    load.start(settings.load,
               {QStringLiteral("--pingpong"), QStringLiteral("--connections"),
                QString::number(settings.connections), QStringLiteral("--line-bytes"),
                QString::number(settings.lineBytes), QStringLiteral("--seconds"),
                QString::number(seconds), QStringLiteral("--port"), QString::number(port)});
    QTimer::singleShot(int(seconds * 1000) + 120000, &loop, &QEventLoop::quit); // a hang
    loop.exec();
    if (load.state() != QProcess::NotRunning) {
        load.kill();
        load.waitForFinished();
    }
    LoadResult result;
    const QString output = QString::fromLocal8Bit(load.readAllStandardOutput());
    const QRegularExpressionMatch rate = QRegularExpression(QStringLiteral(R"(rtps=([0-9.]+))"))
                                             .match(output);
    if (rate.hasMatch())
        result.roundTrips = rate.captured(1).toDouble();
    result.errors = !output.contains(QStringLiteral(" errors=0"))
        || load.exitStatus() != QProcess::NormalExit || load.exitCode() != 0;
    return result;
}

// Starts `capsock --headless --server` on a free loopback port; 0 if it did not start.
quint16 startHeadless(const Settings &settings, QProcess *headless)
{
    headless->setProcessChannelMode(QProcess::MergedChannels);
    headless->start(settings.capsock,
                    {QStringLiteral("--headless"), QStringLiteral("--server"),
                     QStringLiteral("--bind"), QStringLiteral("localhost"),
                     QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet")});
    const QRegularExpression listening(QStringLiteral(R"(listening on port (\d+))"));
    QByteArray said;
    while (headless->waitForReadyRead(10000)) {
        said += headless->readAll();
        const QRegularExpressionMatch match = listening.match(QString::fromLocal8Bit(said));
        if (match.hasMatch())
            return quint16(match.captured(1).toUInt());
    }
    std::fprintf(stderr, "bench_window_load: the headless server did not start: %s\n",
                 said.constData());
    return 0;
}

// Triggers Stop halfway through a flood; returns how long after it was due it was handled
// and done (ms), or -1 if the server was still listening after it.
double stopDuringFlood(const Settings &settings, MainWindow &window, QAction *toggle)
{
    QElapsedTimer clock;
    double stoppedAt = -1;
    const int halfway = int(settings.seconds * 500);
    clock.start();
    QTimer::singleShot(halfway, Qt::PreciseTimer, &window, [&clock, &stoppedAt, &window, toggle] {
        toggle->trigger(); // what Ctrl+K does
        if (!window.server().isListening())
            stoppedAt = double(clock.nsecsElapsed()) / 1e6;
    });
    runLoad(settings, window.server().port(), settings.seconds, true);
    return stoppedAt < 0 ? -1 : std::max(0.0, stoppedAt - halfway);
}

// Selects the newest client in the window's list once the flood's clients are listed.
void followNewestClientSoon(MainWindow &window)
{
    QTimer::singleShot(300, &window, [&window] {
        QTreeWidget *list = window.clientList();
        list->setCurrentItem(list->topLevelItem(list->topLevelItemCount() - 1));
    });
}

int usage()
{
    std::fprintf(stderr, "usage: bench_window_load [--rounds N] [--seconds S] [--connections N]"
                         " [--line-bytes N] [--capsock PATH] [--load PATH] [--follow 1]\n");
    return 2;
}

bool parse(int argc, char **argv, Settings *settings)
{
    for (int i = 1; i < argc; i += 2) {
        if (i + 1 >= argc)
            return false;
        const std::string option = argv[i];
        const char *value = argv[i + 1];
        if (option == "--rounds")
            settings->rounds = std::max(1, std::atoi(value));
        else if (option == "--seconds")
            settings->seconds = std::max(0.5, std::atof(value));
        else if (option == "--connections")
            settings->connections = std::max(1, std::atoi(value));
        else if (option == "--line-bytes")
            settings->lineBytes = std::max(2, std::atoi(value));
        else if (option == "--capsock")
            settings->capsock = QString::fromLocal8Bit(value);
        else if (option == "--load")
            settings->load = QString::fromLocal8Bit(value);
        else if (option == "--follow")
            settings->follow = std::atoi(value) != 0;
        else
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    Settings settings;
    if (!parse(argc, argv, &settings))
        return usage();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", qEnvironmentVariableIsEmpty("DISPLAY") ? "offscreen" : "xcb");
    QTemporaryDir home; // no saved settings, ours or the user's
    if (!home.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral("config")).toUtf8());
    qInstallMessageHandler(quietMessages);
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        qputenv("XDG_RUNTIME_DIR", home.path().toUtf8());
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    ApplicationInfo::apply();

    MainWindow window(false);
    ServerOptions options; // the headless server's defaults
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost),
                             QHostAddress(QHostAddress::LocalHostIPv6)};
    options.port = 0;
    window.setServerOptions(options);
    window.show();
    if (!window.startServer()) {
        std::fprintf(stderr, "bench_window_load: %s\n", qPrintable(window.stateText()));
        return 1;
    }
    QProcess headless;
    const quint16 headlessPort = startHeadless(settings, &headless);
    if (headlessPort == 0)
        return 1;
    QCoreApplication::processEvents(); // the window's first frame

    std::printf("Server window beside the headless server: %d connections in ping-pong, %d-byte "
                "lines,\n%.1f s a run, %d rounds, taking turns (platform %s)%s\n\n",
                settings.connections, settings.lineBytes, settings.seconds, settings.rounds,
                qgetenv("QT_QPA_PLATFORM").constData(),
                settings.follow ? ",\nthe window following one client" : "");
    std::printf("%5s | %12s | %14s | %6s | %22s\n", "round", "window rt/s", "headless rt/s",
                "ratio", "GUI timer p99 late ms");
    std::fflush(stdout);
    TimerProbe probe(5);
    std::vector<double> windowRates, headlessRates, ratios, probeP99, idleP99, allLateness;
    for (int round = 0; round < settings.rounds; ++round) {
        LoadResult onWindow, onHeadless;
        for (int turn = 0; turn < 2; ++turn) {
            const bool windowTurn = (turn + round) % 2 == 0; // who goes first alternates
            probe.start();
            if (windowTurn && settings.follow)
                followNewestClientSoon(window);
            if (windowTurn)
                onWindow = runLoad(settings, window.server().port(), settings.seconds);
            else
                onHeadless = runLoad(settings, headlessPort, settings.seconds);
            probe.stop();
            const double p99 = percentile(probe.latenessMs(), 0.99);
            (windowTurn ? probeP99 : idleP99).push_back(p99);
            if (windowTurn)
                allLateness.insert(allLateness.end(), probe.latenessMs().begin(),
                                   probe.latenessMs().end());
        }
        const double ratio = onHeadless.roundTrips > 0
            ? onWindow.roundTrips / onHeadless.roundTrips
            : 0;
        windowRates.push_back(onWindow.roundTrips);
        headlessRates.push_back(onHeadless.roundTrips);
        ratios.push_back(ratio);
        std::printf("%5d | %11.0f%s | %13.0f%s | %6.3f | %22.1f\n", round + 1,
                    onWindow.roundTrips, onWindow.errors ? "!" : " ", onHeadless.roundTrips,
                    onHeadless.errors ? "!" : " ", ratio, probeP99.back());
        std::fflush(stdout);
    }
    std::printf("%5s | %12.0f | %14.0f | %6.3f | %22.1f\n", "med", median(windowRates),
                median(headlessRates), median(ratios), median(probeP99));
    std::printf("\n(! = the load client saw an error.) Ratio: the median of the rounds' "
                "ratios.\nGUI thread timer probe (5 ms): during the window's floods p99 "
                "%.1f ms, max %.1f ms;\n  while the headless server was loaded (the window "
                "idle): p99 %.1f ms (median of rounds).\n",
                percentile(allLateness, 0.99),
                allLateness.empty() ? 0.0
                                    : *std::max_element(allLateness.begin(), allLateness.end()),
                median(idleP99));
    QCoreApplication::processEvents();
    std::printf("Window memory after %.0f s of flood: resident %.1f MiB (peak %.1f MiB); "
                "conversation: %d rows.\n",
                settings.rounds * settings.seconds, memoryMiB("VmRSS"), memoryMiB("VmHWM"),
                window.conversation().rowCount());
    if (settings.follow) {
        const auto *shown = window.findChild<QAbstractItemView *>(QStringLiteral("conversation"));
        std::printf("Following %s: %d rows shown.\n",
                    qPrintable(window.clientList()->currentItem()->text(0)),
                    shown->model()->rowCount());
    }
    std::fflush(stdout);

    auto *toggle = window.findChild<QAction *>(QStringLiteral("toggleAction"));
    const double stopMs = toggle ? stopDuringFlood(settings, window, toggle) : -1;
    if (stopMs < 0)
        std::printf("Stop (Ctrl+K) in the middle of a flood: the server did NOT stop.\n");
    else
        std::printf("Stop (Ctrl+K) in the middle of a flood: handled and done %.1f ms after it "
                    "was due.\n",
                    stopMs);
    headless.terminate();
    headless.waitForFinished(5000);
    return 0;
}
