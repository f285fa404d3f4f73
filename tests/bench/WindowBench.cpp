// The window under load (issue 6, load benchmark item 5). Prints medians of several runs, each
// run a process of its own (this program runs itself with --child):
//  1. start to first frame: the real capsock binary (--server, and --inspect on a 64 MiB file),
//     from spawning it to the first frame Qt flushes to its window, found in Qt's own painting
//     log (qt.widgets.painting); and the same server window built in this program exactly as
//     the program builds it, its first frame caught by an event filter (no log), step by step;
//  2. a conversation of 100,000 messages added as the client window adds them: time, resident
//     memory, one more message at 100,000 (add and paint), every frame of scrolling through it
//     a page at a time; references: the same added while the view does not follow, and into
//     the model alone;
//  3. the inspector window with 64 MiB (capsock --inspect): open, memory, a screenful painted at
//     the start, middle and end, and the frames of paging and of dragging the scroll bar.
// A frame is scrolling the view plus a forced synchronous repaint of the whole view into the
// window (QWidget::repaint): an upper bound, as scrolling for real repaints only the strip that
// came into view. Frames are timed on the wall clock and in the GUI thread's CPU time (which a
// busy machine does not inflate). bench_hexview measures the inspector's HexView alone
// (appending in reads, painting into an image) beside the bare minimum.
//
// Run: build/tests/bench/bench_window [--runs N] [--parts start,conversation,inspector]
//      [--messages N] [--capsock PATH]       (WINBENCH_DEBUG=1 names each slow frame)
// Platform: QT_QPA_PLATFORM if set; otherwise xcb when DISPLAY is set (as under
// `xvfb-run -s "-screen 0 1600x900x24" build/tests/bench/bench_window`), offscreen if not.
#include "MixedText.h"

#include "cli/CommandLine.h"
#include "gui/ConversationModel.h"
#include "gui/ConversationView.h"
#include "gui/HexView.h"
#include "gui/InspectorWindow.h"
#include "gui/MainWindow.h"
#include "gui/WindowFrontEnd.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <string>
#include <vector>

extern char **environ;

namespace {

constexpr double FrameBudgetMs = 1000.0 / 60;

// Milliseconds on CLOCK_MONOTONIC: one clock for this program and the processes it spawns.
double nowMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Milliseconds of CPU time this thread has used: unlike the wall clock, not counting the time
// other processes on a busy machine hold the CPU.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// VmRSS or VmHWM of a process, in KiB (0 when it can not be read).
long memoryKiB(pid_t pid, const char *field)
{
    const std::string path = pid ? "/proc/" + std::to_string(pid) + "/status"
                                 : std::string("/proc/self/status");
    FILE *file = std::fopen(path.c_str(), "r");
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
    return kib;
}

// Resident memory after handing freed heap back to the system, in MiB.
double residentMiB()
{
    malloc_trim(0);
    return double(memoryKiB(0, "VmRSS")) / 1024;
}

struct FrameStats
{
    double median = 0;
    double p99 = 0;
    double max = 0;
    int over = 0; // frames over the 16.7 ms budget
    int count = 0;
};

FrameStats statsOf(std::vector<double> ms)
{
    FrameStats stats;
    if (ms.empty())
        return stats;
    std::sort(ms.begin(), ms.end());
    const size_t n = ms.size();
    stats.median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    stats.p99 = ms[std::min(n - 1, size_t(std::ceil(0.99 * double(n))) - 1)];
    stats.max = ms.back();
    stats.over = int(std::count_if(ms.begin(), ms.end(),
                                   [](double each) { return each > FrameBudgetMs; }));
    stats.count = int(n);
    return stats;
}

// --- in the measured process ---------------------------------------------------------------
// A child prints "key value" lines on standard output; the parent gathers them over runs.

void report(const char *key, double value)
{
    std::printf("%s %.6f\n", key, value);
}

void report(const std::string &prefix, const FrameStats &stats)
{
    report((prefix + "_median").c_str(), stats.median);
    report((prefix + "_p99").c_str(), stats.p99);
    report((prefix + "_max").c_str(), stats.max);
    report((prefix + "_over").c_str(), stats.over);
    report((prefix + "_frames").c_str(), stats.count);
}

// Qt's messages, less the offscreen platform's note that it can not resize to size hints.
void quietMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!message.contains(QLatin1String("propagateSizeHints")))
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

// Catches the first frame of a window: the first expose or update request of its QWindow during
// which the window was painted. The event is handled here, so the time taken is when painting
// and flushing to the platform's window have finished. Installed on the application, so it sees
// the window's first expose even if that comes inside show().
class FirstFrame : public QObject
{
public:
    void watch(QWidget *window) { m_window = window; }
    bool seen() const { return m_at > 0; }
    double at() const { return m_at; }

    // Runs the event loop until the first frame (false after 60 s without one).
    bool wait()
    {
        if (seen())
            return true;
        QEventLoop loop;
        m_loop = &loop;
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        m_loop = nullptr;
        return seen();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (seen() || !m_window)
            return false;
        if (event->type() == QEvent::Paint && watched == m_window) {
            m_painted = true;
            return false;
        }
        if ((event->type() != QEvent::Expose && event->type() != QEvent::UpdateRequest)
            || m_inside || watched != m_window->windowHandle()) {
            return false;
        }
        m_inside = true;
        m_painted = false;
        watched->event(event); // QWidgetWindow paints and flushes synchronously
        m_inside = false;
        if (m_painted) {
            m_at = nowMs();
            if (m_loop)
                m_loop->quit();
        }
        return true;
    }

private:
    QWidget *m_window = nullptr;
    QEventLoop *m_loop = nullptr;
    double m_at = 0;
    bool m_inside = false;
    bool m_painted = false;
};

// `capsock --server --port 0`, built here as WindowFrontEnd::runServer() builds it, step by
// step.
int startChild(int argc, char **argv)
{
    const double mainAt = nowMs();
    CommandLine options;
    CommandLine::parse({QStringLiteral("capsock"), QStringLiteral("--server"),
                        QStringLiteral("--port"), QStringLiteral("0")},
                       &options);
    QApplication app(argc, argv);
    WindowFrontEnd::nameApplication(); // as the real start does
    const double applicationAt = nowMs();
    FirstFrame firstFrame;
    app.installEventFilter(&firstFrame);
    MainWindow window;
    firstFrame.watch(&window);
    window.setServerOptions(options.server);
    const double builtAt = nowMs();
    window.show();
    const double shownAt = nowMs();
    window.startServer();
    const double listeningAt = nowMs();
    if (!firstFrame.wait())
        return 1;
    report("main_at", mainAt);
    report("application_at", applicationAt);
    report("built_at", builtAt);
    report("shown_at", shownAt);
    report("listening_at", listeningAt);
    report("frame_at", firstFrame.at());
    report("rss_mib", double(memoryKiB(0, "VmRSS")) / 1024);
    return 0;
}

// One message of the conversation and its reply, in the reads it arrives in.
struct Exchange
{
    QByteArray sent;
    std::vector<QByteArray> replyReads;
};

// 1,000 exchanges to cycle through: per 100, 70 short lines, 15 with emoji or other scripts,
// 12 of several lines, 3 long ones (2, 8 and 32 KiB); replies capitalized, long ones in
// 1 KiB reads.
std::vector<Exchange> exchangePool()
{
    const char *const shortLines[] = {
        "hello", "I am hungry", "ok", "What time is it?", "ping", "see you tomorrow at 8",
        "is the server up?", "lowercase in, UPPERCASE out", "x", "The quick brown fox jumps "
        "over the lazy dog", "straße", "abc123", "yes", "no", "maybe later", "thanks!",
        "GET / HTTP/1.0", "one more line", "socket programming", "sendall(data)"};
    const char *const otherScripts[] = {
        "I am hungry for 🌮", "👍🏽 see you at 8", "Ελληνικά και 日本語", "family: 👨‍👩‍👧‍👦",
        "привет, как дела?", "café ☕ or tea 🍵?", "日本語のテキスト", "🇩🇪 🇫🇷 🇯🇵 flags",
        "naïve façade déjà vu", "mañana 🌞"};
    std::vector<Exchange> pool;
    pool.reserve(1000);
    for (int i = 0; i < 1000; ++i) {
        QByteArray message;
        const int kind = i % 100;
        if (kind < 70) {
            message = QByteArray(shortLines[(i * 7) % std::size(shortLines)]) + '\n';
        } else if (kind < 85) {
            message = QByteArray(otherScripts[(i * 3) % std::size(otherScripts)]) + '\n';
        } else if (kind < 97) {
            for (int line = 0; line < 3 + i % 10; ++line) {
                message += QByteArray(shortLines[(i + line) % std::size(shortLines)]) + ' '
                    + otherScripts[(i + line) % std::size(otherScripts)] + '\n';
            }
        } else {
            const qint64 size = qint64(2048) << (2 * (kind - 97)); // 2, 8, 32 KiB
            message = BenchText::mixedText(size - 1) + '\n';
        }
        Exchange exchange;
        exchange.sent = message;
        const QByteArray reply = QString::fromUtf8(message).toUpper().toUtf8();
        for (qint64 at = 0; at < reply.size(); at += BenchText::ReadSize)
            exchange.replyReads.push_back(reply.mid(at, BenchText::ReadSize));
        pool.push_back(std::move(exchange));
    }
    return pool;
}

// What MainWindow does, as a client, when a message goes out and its reply comes back.
void addExchange(ConversationModel &conversation, const Exchange &exchange, qint64 id)
{
    const qint64 roundTripMicros = 150 + id % 400;
    conversation.finishReceived(0);
    conversation.addSent(exchange.sent, 0, id);
    for (const QByteArray &read : exchange.replyReads)
        conversation.addReceived(read, 0, id, roundTripMicros);
    conversation.finishReceived(0, roundTripMicros);
}

// Frame times in ms: on the wall clock (what a person sees, on a busy machine too) and in this
// thread's CPU time (what the window itself costs).
struct Frames
{
    std::vector<double> wall;
    std::vector<double> cpu;

    void add(double wallMs, double cpuMs)
    {
        wall.push_back(wallMs);
        cpu.push_back(cpuMs);
    }
};

void report(const std::string &prefix, const Frames &frames)
{
    report(prefix, statsOf(frames.wall));
    const FrameStats cpu = statsOf(frames.cpu);
    report((prefix + "_cpu_median").c_str(), cpu.median);
    report((prefix + "_cpu_p99").c_str(), cpu.p99);
}

// Scrolls `view` to each value and repaints it synchronously, a frame each.
Frames scrollFrames(QAbstractScrollArea *view, const std::vector<int> &values)
{
    QScrollBar *bar = view->verticalScrollBar();
    Frames frames;
    for (const int value : values) {
        const double start = nowMs();
        const double cpuStart = cpuMs();
        bar->setValue(value);
        view->viewport()->repaint();
        frames.add(nowMs() - start, cpuMs() - cpuStart);
        if (qEnvironmentVariableIsSet("WINBENCH_DEBUG") && frames.wall.back() > FrameBudgetMs)
            std::fprintf(stderr, "slow frame at %d: %.1f ms wall, %.1f ms cpu\n", value,
                         frames.wall.back(), frames.cpu.back());
        QCoreApplication::processEvents(); // what else the loop has to do, not timed
    }
    return frames;
}

// The median time of repainting `view` where it is, in ms.
double repaintMedian(QAbstractScrollArea *view)
{
    QCoreApplication::processEvents();
    std::vector<double> paints;
    for (int i = 0; i < 21; ++i) {
        const double at = nowMs();
        view->viewport()->repaint();
        paints.push_back(nowMs() - at);
    }
    return statsOf(paints).median;
}

// Page by page from `from`, `count` pages (or to the end).
std::vector<int> pages(const QScrollBar *bar, int from, int count)
{
    std::vector<int> values;
    for (qint64 value = from; int(values.size()) < count; value += bar->pageStep()) {
        values.push_back(int(std::min<qint64>(value, bar->maximum())));
        if (value >= bar->maximum())
            break;
    }
    return values;
}

int conversationChild(int argc, char **argv, int messages)
{
    QApplication app(argc, argv);
    WindowFrontEnd::nameApplication(); // as the real start does
    FirstFrame firstFrame;
    app.installEventFilter(&firstFrame);
    MainWindow window;
    firstFrame.watch(&window);
    window.show();
    if (!firstFrame.wait())
        return 1;
    if (window.mode() != MainWindow::Mode::Client)
        window.setMode(MainWindow::Mode::Client);
    auto *view = window.findChild<ConversationView *>(QStringLiteral("conversation"));
    if (!view)
        return 1;
    ConversationModel &conversation = window.conversation();
    const std::vector<Exchange> pool = exchangePool();
    QCoreApplication::processEvents();
    const int rowsBefore = conversation.rowCount();

    const double memoryBefore = residentMiB();
    const double start = nowMs();
    const int exchanges = messages / 2;
    for (int i = 0; i < exchanges; ++i)
        addExchange(conversation, pool[size_t(i) % pool.size()], i + 1);
    const double appended = nowMs();
    QCoreApplication::processEvents(); // lays out and paints the window once
    const double painted = nowMs();
    const double memoryAfter = residentMiB();
    const int rows = conversation.rowCount() - rowsBefore;
    report("append_ms", appended - start);
    report("append_us_per_message", (appended - start) * 1000 / rows);
    report("first_paint_ms", painted - appended);
    report("messages", rows);
    report("window_width", window.width());
    report("window_height", window.height());
    report("stream_mib", double(conversation.stream().size()) / (1 << 20));
    report("rss_delta_mib", memoryAfter - memoryBefore);
    report("bytes_per_message", (memoryAfter - memoryBefore) * (1 << 20) / rows);
    report("overhead_per_message",
           ((memoryAfter - memoryBefore) * (1 << 20) - double(conversation.stream().size()))
               / rows);

    // A conversation going on at 100,000: one more message and its reply, then the window
    // paints them (conversation and inspector), as between two network reads.
    Frames live;
    for (int i = 0; i < 200; ++i) {
        const double at = nowMs();
        const double cpuAt = cpuMs();
        addExchange(conversation, pool[size_t(i) % pool.size()], exchanges + i + 1);
        QCoreApplication::processEvents();
        live.add(nowMs() - at, cpuMs() - cpuAt);
    }
    report("live", live);

    // One screenful of short lines (the first rows), and one of the messages of several lines
    // with emoji and other scripts (from the 85th exchange of each hundred).
    view->scrollTo(conversation.index(rowsBefore), QAbstractItemView::PositionAtTop);
    report("paint_short", repaintMedian(view));
    view->scrollTo(conversation.index(rowsBefore + 2 * 86), QAbstractItemView::PositionAtTop);
    report("paint_lines", repaintMedian(view));

    // Through the whole conversation, top to bottom, a page at a time.
    QScrollBar *bar = view->verticalScrollBar();
    bar->setValue(0);
    QCoreApplication::processEvents();
    report("scroll", scrollFrames(view, pages(bar, 0, INT_MAX)));
    report("scroll_rows_per_page", double(bar->pageStep()) / view->sizeHintForRow(0));

    // References: the same messages added while the conversation is scrolled up (so the view
    // does not follow them), and added to a ConversationModel with no view.
    conversation.clear();
    for (int i = 0; i < 20; ++i)
        addExchange(conversation, pool[size_t(i)], i + 1);
    QCoreApplication::processEvents();
    bar->setValue(0);
    double at = nowMs();
    for (int i = 0; i < exchanges; ++i)
        addExchange(conversation, pool[size_t(i) % pool.size()], i + 21);
    report("append_unfollowed_ms", nowMs() - at);
    ConversationModel alone;
    at = nowMs();
    for (int i = 0; i < exchanges; ++i)
        addExchange(alone, pool[size_t(i) % pool.size()], i + 1);
    report("append_model_ms", nowMs() - at);
    return 0;
}

int inspectorChild(int argc, char **argv, const QString &file)
{
    QApplication app(argc, argv);
    WindowFrontEnd::nameApplication(); // as the real start does
    FirstFrame firstFrame;
    app.installEventFilter(&firstFrame);
    const double start = nowMs();
    InspectorWindow window; // as `capsock --inspect FILE` does
    firstFrame.watch(&window);
    const double built = nowMs();
    const double memoryBefore = residentMiB();
    QString error;
    const double openAt = nowMs();
    if (!window.openFile(file, &error)) {
        std::fprintf(stderr, "bench_window: %s\n", qPrintable(error));
        return 1;
    }
    const double opened = nowMs();
    const double peakWhileOpening = double(memoryKiB(0, "VmHWM")) / 1024;
    const double memoryAfter = residentMiB();
    const double showAt = nowMs();
    window.show();
    if (!firstFrame.wait())
        return 1;
    report("open_ms", opened - openAt);
    report("first_frame_ms", (built - start) + (firstFrame.at() - showAt));
    report("rss_delta_mib", memoryAfter - memoryBefore);
    report("peak_delta_mib", peakWhileOpening - memoryBefore);
    report("rss_mib", double(memoryKiB(0, "VmRSS")) / 1024);
    report("window_width", window.width());
    report("window_height", window.height());

    HexView *view = window.hexView();
    QScrollBar *bar = view->verticalScrollBar();
    const std::pair<const char *, int> places[] = {{"paint_start", 0}, {"paint_middle", 50},
                                                   {"paint_end", 100}};
    for (const auto &[key, percent] : places) {
        bar->setValue(int(qint64(bar->maximum()) * percent / 100));
        report(key, repaintMedian(view));
    }
    report("rows_per_page", bar->pageStep());
    // Paging down 1,000 pages from the middle.
    report("pages", scrollFrames(view, pages(bar, bar->maximum() / 2, 1000)));
    // Dragging the scroll bar's thumb from top to bottom: 1,000 frames across all 64 MiB.
    std::vector<int> drag;
    for (int i = 0; i < 1000; ++i)
        drag.push_back(int(qint64(bar->maximum()) * i / 999));
    bar->setValue(0);
    QCoreApplication::processEvents();
    report("drag", scrollFrames(view, drag));

    // Reference: reading the file alone, into one buffer.
    QFile alone(file);
    const double at = nowMs();
    if (alone.open(QIODevice::ReadOnly) && alone.readAll().size() == alone.size())
        report("read_file_ms", nowMs() - at);
    return 0;
}

// --- the parent: runs each measurement in processes of its own -------------------------------

using Results = std::map<std::string, std::vector<double>>;

std::string selfPath()
{
    char path[4096];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    return length > 0 ? std::string(path, size_t(length)) : std::string("bench_window");
}

struct Child
{
    pid_t pid = -1;
    int output = -1; // the read end of the child's stdout or stderr
    double spawnedAt = 0;
};

// Spawns `arguments` with `extraEnvironment` added, its `captured` descriptor (1 or 2) a pipe.
Child spawn(const std::vector<std::string> &arguments,
            const std::vector<std::string> &extraEnvironment, int captured)
{
    Child child;
    int pipeEnds[2];
    if (pipe2(pipeEnds, O_CLOEXEC) != 0)
        return child;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], captured);
    std::vector<char *> argv;
    for (const std::string &argument : arguments)
        argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (char **each = environ; *each; ++each)
        envp.push_back(*each);
    for (const std::string &each : extraEnvironment)
        envp.push_back(const_cast<char *>(each.c_str()));
    envp.push_back(nullptr);
    child.spawnedAt = nowMs();
    if (posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0)
        child.pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(pipeEnds[1]);
    child.output = pipeEnds[0];
    return child;
}

// Reads what is there within `timeoutMs`; false at the end of the output or on time out.
bool readSome(int fd, std::string *into, int timeoutMs)
{
    pollfd waiting{fd, POLLIN, 0};
    if (poll(&waiting, 1, timeoutMs) <= 0)
        return false;
    char buffer[65536];
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got <= 0)
        return false;
    into->append(buffer, size_t(got));
    return true;
}

int finish(Child &child)
{
    close(child.output);
    int status = 0;
    waitpid(child.pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Runs this program as `--child kind argument` and adds what it reports to `results`.
bool runChild(const std::string &kind, const std::string &argument, Results *results,
              double *spawnedAt = nullptr)
{
    std::vector<std::string> arguments{selfPath(), "--child", kind};
    if (!argument.empty())
        arguments.push_back(argument);
    Child child = spawn(arguments, {}, 1);
    if (child.pid < 0)
        return false;
    if (spawnedAt)
        *spawnedAt = child.spawnedAt;
    std::string output;
    while (readSome(child.output, &output, 600000)) {}
    if (finish(child) != 0) {
        std::fprintf(stderr, "bench_window: the %s run failed\n", kind.c_str());
        return false;
    }
    size_t at = 0;
    while (at < output.size()) {
        const size_t end = output.find('\n', at);
        const std::string line = output.substr(at, end == std::string::npos ? end : end - at);
        at = end == std::string::npos ? output.size() : end + 1;
        const size_t space = line.find(' ');
        if (space != std::string::npos)
            (*results)[line.substr(0, space)].push_back(std::atof(line.c_str() + space + 1));
    }
    return true;
}

// Spawns the real capsock and waits for Qt's painting log to say it flushes its first frame.
// Returns the time from spawning in ms (and its resident memory then), or -1.
double realFirstFrame(const std::string &capsock, const std::vector<std::string> &arguments,
                      double *residentMiB)
{
    std::vector<std::string> argv{capsock};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    Child child = spawn(argv,
                        {"QT_LOGGING_RULES=qt.widgets.painting.info=true",
                         "QT_MESSAGE_PATTERN=%{category}: %{message}"},
                        2);
    if (child.pid < 0)
        return -1;
    std::string log;
    double at = -1;
    while (readSome(child.output, &log, 60000)) {
        if (log.find("qt.widgets.painting: Flushing") != std::string::npos) {
            at = nowMs() - child.spawnedAt;
            *residentMiB = double(memoryKiB(child.pid, "VmRSS")) / 1024;
            break;
        }
        const size_t lastLine = log.rfind('\n'); // keep only the line still arriving
        if (lastLine != std::string::npos)
            log.erase(0, lastLine + 1);
    }
    kill(child.pid, SIGTERM);
    finish(child);
    return at;
}

double median(std::vector<double> values)
{
    return statsOf(std::move(values)).median;
}

double worst(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

double sum(const std::vector<double> &values)
{
    double total = 0;
    for (const double each : values)
        total += each;
    return total;
}

void printFramesHeader()
{
    std::printf("  %-52s %7s %7s %7s %12s %7s %7s\n", "frames (ms)", "median", "p99", "max",
                "over 16.7ms", "CPU med", "CPU p99");
}

// Medians over runs of each run's median and p99; the max and the frames over budget of all runs.
void printFrames(const std::string &what, Results &results, const std::string &prefix)
{
    char over[32];
    std::snprintf(over, sizeof over, "%.0f/%.0f", sum(results[prefix + "_over"]),
                  sum(results[prefix + "_frames"]));
    std::printf("  %-52s %7.2f %7.2f %7.1f %12s %7.2f %7.2f\n", what.c_str(),
                median(results[prefix + "_median"]), median(results[prefix + "_p99"]),
                worst(results[prefix + "_max"]), over, median(results[prefix + "_cpu_median"]),
                median(results[prefix + "_cpu_p99"]));
}

void printLine(const char *what, double value, const char *unit, const std::string &more = {})
{
    std::printf("  %-52s %8.1f %s%s\n", what, value, unit, more.c_str());
}

std::string format(const char *pattern, double a, double b = 0)
{
    char text[200];
    std::snprintf(text, sizeof text, pattern, a, b);
    return text;
}

void printStart(const char *what, const std::vector<double> &times,
                const std::vector<double> &memory)
{
    if (times.empty()) {
        std::printf("  %-52s (no first frame seen)\n", what);
        return;
    }
    std::printf("  %-52s %6.1f ms %6.1f ms %6.1f ms %7.1f MiB\n", what, median(times),
                *std::min_element(times.begin(), times.end()), worst(times), median(memory));
}

void measureStart(int runs, const std::string &capsock, const std::string &inspectFile)
{
    std::printf("\n1. Start to first frame: from spawning the process to its first frame flushed "
                "to the window\n   (%d runs, each a new process, taken in turns; page cache "
                "warm; no saved settings)\n",
                runs);
    std::printf("  %-52s %9s %9s %9s %11s\n", "", "median", "min", "max", "RSS then");
    struct Real
    {
        const char *what;
        std::vector<std::string> arguments;
        std::vector<double> times;
        std::vector<double> memory;
    };
    Real real[] = {
        {"capsock --server --port 0", {"--server", "--port", "0"}, {}, {}},
        {"capsock --inspect FILE (64 MiB)", {"--inspect", inspectFile}, {}, {}},
    };
    Results steps;
    for (int run = 0; run < runs; ++run) {
        for (Real &each : real) {
            double resident = 0;
            const double ms = realFirstFrame(capsock, each.arguments, &resident);
            if (ms >= 0) {
                each.times.push_back(ms);
                each.memory.push_back(resident);
            }
        }
        Results one;
        double spawnedAt = 0;
        if (!runChild("start", {}, &one, &spawnedAt))
            continue;
        for (auto &[key, values] : one)
            steps[key].push_back(key == "rss_mib" ? values.back() : values.back() - spawnedAt);
    }
    for (const Real &each : real)
        printStart(each.what, each.times, each.memory);
    if (steps.empty())
        return;
    printStart("the same server window built in-process (no log)", steps["frame_at"],
               steps["rss_mib"]);
    const double mainAt = median(steps["main_at"]);
    const double applicationAt = median(steps["application_at"]);
    const double builtAt = median(steps["built_at"]);
    const double shownAt = median(steps["shown_at"]);
    const double listeningAt = median(steps["listening_at"]);
    std::printf("    of which (medians): to main() %.1f ms (exec, loading libraries), "
                "QApplication %.1f ms,\n    MainWindow() %.1f ms, show() %.1f ms, startServer() "
                "%.1f ms, then to the first frame %.1f ms\n",
                mainAt, applicationAt - mainAt, builtAt - applicationAt, shownAt - builtAt,
                listeningAt - shownAt, median(steps["frame_at"]) - listeningAt);
    std::printf("  The real binary's first frame is found in Qt's painting log (qt.widgets."
                "painting, \"Flushing\"):\n  the log costs it some hundred lines before that "
                "frame. In-process: an event filter, no log.\n");
}

void measureConversation(int runs, int messages)
{
    Results results;
    for (int run = 0; run < runs; ++run)
        runChild("conversation", std::to_string(messages), &results);
    if (results.empty())
        return;
    std::printf("\n2. A conversation of %.0f messages: %d sent and their replies, added as the "
                "client window adds them\n   (%d run(s); %.1f MiB on the wire: 70%% short lines, "
                "15%% emoji and other scripts, 12%% of 3-12 lines,\n   3%% of 2-32 KiB whose "
                "replies come in 1 KiB reads; %.0fx%.0f window, the conversation following)\n",
                median(results["messages"]), messages / 2, runs,
                median(results["stream_mib"]), median(results["window_width"]),
                median(results["window_height"]));
    printLine("add them all, no painting in between", median(results["append_ms"]), "ms",
              format(" (%.1f us a message)", median(results["append_us_per_message"])));
    printLine("  reference: the same, conversation scrolled up",
              median(results["append_unfollowed_ms"]), "ms");
    printLine("  reference: the same into a ConversationModel alone",
              median(results["append_model_ms"]), "ms");
    printLine("then the window's first paint", median(results["first_paint_ms"]), "ms");
    printLine("resident memory growth", median(results["rss_delta_mib"]), "MiB",
              format(" (%.0f bytes a message, %.0f besides its bytes)",
                     median(results["bytes_per_message"]),
                     median(results["overhead_per_message"])));
    printLine("repaint a screenful of short lines", median(results["paint_short"]), "ms");
    printLine("repaint a screenful of multi-line messages with emoji",
              median(results["paint_lines"]), "ms");
    printFramesHeader();
    printFrames(format("one more message at %.0f: add it, paint", median(results["messages"])),
                results, "live");
    printFrames(format("scroll through all, a page (%.0f rows) a frame",
                       median(results["scroll_rows_per_page"])),
                results, "scroll");
}

void measureInspector(int runs, const std::string &file)
{
    Results results;
    for (int run = 0; run < runs; ++run)
        runChild("inspector", file, &results);
    if (results.empty())
        return;
    std::printf("\n3. The inspector window with 64 MiB, as capsock --inspect FILE (%d run(s); "
                "mixed-language text;\n   page cache warm; %.0fx%.0f window)\n",
                runs, median(results["window_width"]), median(results["window_height"]));
    printLine("open the file: read it and show it", median(results["open_ms"]), "ms");
    printLine("  reference: QFile::readAll of it alone", median(results["read_file_ms"]), "ms");
    printLine("building the window, and its first frame", median(results["first_frame_ms"]),
              "ms");
    printLine("resident memory growth from opening it", median(results["rss_delta_mib"]), "MiB",
              format(" (peak %.1f MiB; the process: %.1f MiB)",
                     median(results["peak_delta_mib"]), median(results["rss_mib"])));
    printLine(format("repaint a screenful (%.0f rows) at the start",
                     median(results["rows_per_page"]))
                  .c_str(),
              median(results["paint_start"]), "ms");
    printLine("                   in the middle", median(results["paint_middle"]), "ms");
    printLine("                   at the end", median(results["paint_end"]), "ms");
    printFramesHeader();
    printFrames("page down 1,000 pages from the middle", results, "pages");
    printFrames("drag the scroll bar top to bottom (1,000 frames)", results, "drag");
}

int usage()
{
    std::fprintf(stderr, "usage: bench_window [--runs N] [--parts start,conversation,inspector] "
                         "[--messages N] [--capsock PATH]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", qEnvironmentVariableIsEmpty("DISPLAY") ? "offscreen" : "xcb");
    if (argc >= 3 && std::strcmp(argv[1], "--child") == 0) {
        const std::string kind = argv[2];
        const std::string argument = argc >= 4 ? argv[3] : "";
        int qtArgc = 1; // Qt is not to see the child's arguments
        qInstallMessageHandler(quietMessages);
        if (kind == "start")
            return startChild(qtArgc, argv);
        if (kind == "conversation")
            return conversationChild(qtArgc, argv, std::atoi(argument.c_str()));
        if (kind == "inspector")
            return inspectorChild(qtArgc, argv, QString::fromStdString(argument));
        return usage();
    }

    int runs = 0;
    int messages = 100000;
    std::string parts = "start,conversation,inspector";
    std::string capsock = CAPSOCK_BINARY;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (i + 1 >= argc)
            return usage();
        const std::string value = argv[++i];
        if (option == "--runs")
            runs = std::max(1, std::atoi(value.c_str()));
        else if (option == "--parts")
            parts = value;
        else if (option == "--messages")
            messages = std::max(2, std::atoi(value.c_str()));
        else if (option == "--capsock")
            capsock = value;
        else
            return usage();
    }

    // Every process starts as on a first use: no saved settings, its own runtime directory.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral("config")).toUtf8());
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        qputenv("XDG_RUNTIME_DIR", home.path().toUtf8());
    const std::string inspectFile = QDir(home.path()).filePath(QStringLiteral("64MiB.txt"))
                                        .toStdString();
    {
        QFile file(QString::fromStdString(inspectFile));
        if (!file.open(QIODevice::WriteOnly)
            || file.write(BenchText::mixedText(BenchText::InspectorSize))
                != BenchText::InspectorSize) {
            return 1;
        }
    }

    std::printf("Capsock window benchmark: platform %s; medians of runs (each its own "
                "process); frame budget %.1f ms\n",
                qgetenv("QT_QPA_PLATFORM").constData(), FrameBudgetMs);
    std::fflush(stdout);
    if (parts.find("start") != std::string::npos)
        measureStart(runs ? runs : 10, capsock, inspectFile);
    std::fflush(stdout);
    if (parts.find("conversation") != std::string::npos)
        measureConversation(runs ? runs : 3, messages);
    std::fflush(stdout);
    if (parts.find("inspector") != std::string::npos)
        measureInspector(runs ? runs : 3, inspectFile);
    return 0;
}
