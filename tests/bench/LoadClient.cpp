// capsock_load: the load generator of the server benchmark (issue 6, product.md §6).
// It talks to any capitalization server on loopback and checks every reply byte, so a fast
// but wrong server never scores: any mismatch, short reply or lost connection is an error
// and makes the exit code 1.
//   capsock_load --pingpong --connections N --line-bytes M --seconds T --port P [--idle I]
//   capsock_load --bulk --mebibytes K --port P
// Linux only: epoll keeps one thread able to drive 1000 connections without skewing them.
#ifndef __linux__
#error "capsock_load uses epoll and builds on Linux only"
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

enum class Mode { None, PingPong, Bulk };

struct Options {
    Mode mode = Mode::None;
    long connections = 1;
    long idle = 0;  // connections that sit open after their warm-up round trip
    long lineBytes = 32;
    double seconds = 3;
    long mebibytes = 64;
    long port = 0;
    double timeout = 120;  // bulk: a stalled server must not hang the benchmark
};

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr,
                 "capsock_load: %s\n"
                 "usage: capsock_load --pingpong [--connections N] [--line-bytes M]"
                 " [--seconds T] [--idle I] --port P\n"
                 "       capsock_load --bulk [--mebibytes K] [--timeout S] --port P\n",
                 why);
    std::exit(2);
}

long parseLong(const char *text, long low, long high)
{
    char *end = nullptr;
    errno = 0;
    long value = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < low || value > high)
        usage("bad number");
    return value;
}

double parseSeconds(const char *text)
{
    char *end = nullptr;
    double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || !(value > 0 && value <= 3600))
        usage("bad seconds");
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--pingpong") { o.mode = Mode::PingPong; continue; }
        if (arg == "--bulk") { o.mode = Mode::Bulk; continue; }
        if (i + 1 >= argc)
            usage(("missing value or unknown option: " + arg).c_str());
        const char *value = argv[++i];
        if (arg == "--connections") o.connections = parseLong(value, 1, 60000);
        else if (arg == "--idle") o.idle = parseLong(value, 0, 60000);
        else if (arg == "--line-bytes") o.lineBytes = parseLong(value, 1, 16 << 20);
        else if (arg == "--seconds") o.seconds = parseSeconds(value);
        else if (arg == "--mebibytes") o.mebibytes = parseLong(value, 1, 1 << 20);
        else if (arg == "--timeout") o.timeout = parseSeconds(value);
        else if (arg == "--port") o.port = parseLong(value, 1, 65535);
        else usage(("unknown option: " + arg).c_str());
    }
    if (o.mode == Mode::None) usage("choose --pingpong or --bulk");
    if (o.port == 0) usage("--port is required");
    return o;
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int millisUntil(Clock::time_point deadline)
{
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return static_cast<int>(std::clamp<long long>(left.count(), 0, 1000));
}

// Non-blocking, so that 1000 connects proceed together; completion shows as EPOLLOUT.
int connectLoopback(long port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    // Without it Nagle would hold back a line while an earlier one is unacknowledged.
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0
        && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    return fd;
}

bool connectSucceeded(int fd)
{
    int error = 0;
    socklen_t length = sizeof error;
    return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
}

void watch(int epoll, int fd, uint32_t events, uint64_t tag, int op)
{
    epoll_event event{};
    event.events = events;
    event.data.u64 = tag;
    epoll_ctl(epoll, op, fd, &event);
}

char upperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// --- ping-pong ------------------------------------------------------------------------------

// 26 rotations of the alphabet: consecutive lines differ, so a stale or repeated reply
// cannot pass for the right one.
struct Lines {
    std::vector<std::string> lower, upper;
    explicit Lines(size_t bytes)
    {
        for (int shift = 0; shift < 26; ++shift) {
            std::string line(bytes, '\n');
            for (size_t i = 0; i + 1 < bytes; ++i)
                line[i] = static_cast<char>('a' + (i + shift) % 26);
            std::string up = line;
            std::transform(up.begin(), up.end(), up.begin(), upperAscii);
            lower.push_back(line);
            upper.push_back(up);
        }
    }
};

struct PingConn {
    int fd = -1;
    bool connected = false;
    bool dead = false;
    bool inFlight = false;
    bool warmed = false;
    unsigned round = 0;
    size_t sent = 0;
    size_t got = 0;
    Clock::time_point start;
};

enum class Phase { Warmup, Measure, Drain };

class PingPong {
public:
    explicit PingPong(const Options &o) : o_(o), lines_(static_cast<size_t>(o.lineBytes)) {}
    ~PingPong()
    {
        for (auto &c : conns_)
            if (c.fd >= 0) close(c.fd);
        if (epoll_ >= 0) close(epoll_);
    }
    int run();

private:
    bool openAll();
    void pump(Phase phase, Clock::time_point deadline);
    bool phaseDone(Phase phase) const;
    void onEvent(size_t index, uint32_t events, Phase phase);
    void sendLine(PingConn &c);
    void writeSome(size_t index);
    void readSome(size_t index, Phase phase);
    void onReplyComplete(size_t index, Phase phase);
    void fail(size_t index, const char *why);
    int report(double measuredSeconds);
    size_t shift(size_t index) const { return (conns_[index].round + index) % 26; }
    // The first o_.idle connections only say hello (the warm-up), then stay silent.
    bool isIdle(size_t index) const { return index < static_cast<size_t>(o_.idle); }

    const Options &o_;
    Lines lines_;
    std::vector<PingConn> conns_;
    std::vector<uint32_t> latenciesUs_;
    int epoll_ = -1;
    long errors_ = 0;
    size_t warmed_ = 0, dead_ = 0, inFlight_ = 0;
};

void PingPong::fail(size_t index, const char *why)
{
    PingConn &c = conns_[index];
    if (c.dead) return;
    // The first few are enough to tell what went wrong; 1000 lines would bury the result.
    if (errors_ < 5)
        std::fprintf(stderr, "error: connection %zu, round %u: %s\n", index, c.round, why);
    ++errors_;
    c.dead = true;
    ++dead_;
    if (c.inFlight) { c.inFlight = false; --inFlight_; }
    if (c.fd >= 0) { close(c.fd); c.fd = -1; }
}

bool PingPong::openAll()
{
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) return false;
    conns_.resize(static_cast<size_t>(o_.idle + o_.connections));
    for (size_t i = 0; i < conns_.size(); ++i) {
        conns_[i].fd = connectLoopback(o_.port);
        if (conns_[i].fd < 0) { fail(i, std::strerror(errno)); continue; }
        watch(epoll_, conns_[i].fd, EPOLLOUT, i, EPOLL_CTL_ADD);
    }
    return true;
}

void PingPong::sendLine(PingConn &c)
{
    c.sent = 0;
    c.got = 0;
    c.inFlight = true;
    ++inFlight_;
    c.start = Clock::now();
}

void PingPong::writeSome(size_t index)
{
    PingConn &c = conns_[index];
    const std::string &line = lines_.lower[shift(index)];
    ssize_t n = write(c.fd, line.data() + c.sent, line.size() - c.sent);
    if (n < 0 && errno != EAGAIN && errno != EINTR) return fail(index, std::strerror(errno));
    if (n > 0) c.sent += static_cast<size_t>(n);
    // Only ask for EPOLLOUT while a line is half written; otherwise it would fire nonstop.
    uint32_t events = c.sent < line.size() ? EPOLLIN | EPOLLOUT : EPOLLIN;
    watch(epoll_, c.fd, events, index, EPOLL_CTL_MOD);
}

void PingPong::readSome(size_t index, Phase phase)
{
    PingConn &c = conns_[index];
    char buffer[65536];
    ssize_t n = read(c.fd, buffer, sizeof buffer);
    if (n < 0) {
        if (errno != EAGAIN && errno != EINTR) fail(index, std::strerror(errno));
        return;
    }
    if (n == 0) return fail(index, c.inFlight ? "closed before the full reply" : "closed");
    const std::string &expected = lines_.upper[shift(index)];
    size_t count = static_cast<size_t>(n);
    if (!c.inFlight || c.got + count > expected.size())
        return fail(index, "more reply bytes than were sent");
    if (std::memcmp(buffer, expected.data() + c.got, count) != 0)
        return fail(index, "reply differs from the upper-cased line");
    c.got += count;
    if (c.got == expected.size()) onReplyComplete(index, phase);
}

void PingPong::onReplyComplete(size_t index, Phase phase)
{
    PingConn &c = conns_[index];
    c.inFlight = false;
    --inFlight_;
    ++c.round;
    if (phase == Phase::Measure) {
        auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - c.start);
        latenciesUs_.push_back(static_cast<uint32_t>(std::min<long long>(us.count(), UINT32_MAX)));
        sendLine(c);
        writeSome(index);
    } else if (phase == Phase::Warmup) {
        c.warmed = true;
        ++warmed_;
    }
}

void PingPong::onEvent(size_t index, uint32_t events, Phase phase)
{
    PingConn &c = conns_[index];
    if (c.dead) return;
    if (!c.connected) {
        if (!connectSucceeded(c.fd)) return fail(index, "connect failed");
        c.connected = true;
        // The warm-up round trip is not timed: it waits for the server to accept us.
        sendLine(c);
        return writeSome(index);
    }
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) readSome(index, phase);
    if (!c.dead && (events & EPOLLOUT) && c.inFlight) writeSome(index);
}

bool PingPong::phaseDone(Phase phase) const
{
    if (phase == Phase::Warmup) return warmed_ + dead_ == conns_.size();
    if (phase == Phase::Drain) return inFlight_ == 0;
    return false;  // Measure ends by time only
}

void PingPong::pump(Phase phase, Clock::time_point deadline)
{
    epoll_event events[256];
    while (!phaseDone(phase) && Clock::now() < deadline) {
        int n = epoll_wait(epoll_, events, 256, std::max(1, millisUntil(deadline)));
        for (int i = 0; i < n; ++i)
            onEvent(static_cast<size_t>(events[i].data.u64), events[i].events, phase);
    }
}

int PingPong::run()
{
    if (!openAll()) { std::perror("epoll_create1"); return 2; }
    pump(Phase::Warmup, Clock::now() + std::chrono::seconds(30));
    for (size_t i = 0; i < conns_.size(); ++i)
        if (!conns_[i].warmed) fail(i, "no warm-up reply within 30 s");

    Clock::time_point start = Clock::now();
    for (size_t i = 0; i < conns_.size(); ++i) {
        if (conns_[i].dead || isIdle(i)) continue;
        sendLine(conns_[i]);
        writeSome(i);
    }
    auto measure = std::chrono::duration<double>(o_.seconds);
    pump(Phase::Measure, start + std::chrono::duration_cast<Clock::duration>(measure));
    double measured = secondsSince(start);
    // Lines still in flight must be answered too: a server that drops them is wrong.
    pump(Phase::Drain, Clock::now() + std::chrono::seconds(10));
    for (size_t i = 0; i < conns_.size(); ++i)
        if (conns_[i].inFlight) fail(i, "no full reply within 10 s after the end");
    return report(measured);
}

uint32_t percentile(const std::vector<uint32_t> &sorted, double p)
{
    if (sorted.empty()) return 0;
    size_t index = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

int PingPong::report(double measuredSeconds)
{
    std::sort(latenciesUs_.begin(), latenciesUs_.end());
    double rtps = static_cast<double>(latenciesUs_.size()) / measuredSeconds;
    uint32_t p50 = percentile(latenciesUs_, 0.50), p99 = percentile(latenciesUs_, 0.99);
    uint32_t maxUs = latenciesUs_.empty() ? 0 : latenciesUs_.back();
    std::printf("pingpong: %ld connections (and %ld idle), %ld-byte lines, %.2f s: "
                "%zu round trips\n",
                o_.connections, o_.idle, o_.lineBytes, measuredSeconds, latenciesUs_.size());
    std::printf("  %.0f round trips/s, latency p50 %u us, p99 %u us, max %u us, errors %ld\n",
                rtps, p50, p99, maxUs, errors_);
    std::printf("RESULT mode=pingpong conns=%ld idle=%ld bytes=%ld rtps=%.0f p50us=%u "
                "p99us=%u maxus=%u errors=%ld\n",
                o_.connections, o_.idle, o_.lineBytes, rtps, p50, p99, maxUs, errors_);
    std::fflush(stdout);
    return errors_ == 0 && !latenciesUs_.empty() ? 0 : 1;
}

// --- bulk -----------------------------------------------------------------------------------

// 1 MiB of lowercase text with a newline every 61 bytes: not a multiple of any read size,
// so chunk boundaries fall everywhere in the pattern.
constexpr size_t kPatternBytes = 1 << 20;

struct Pattern {
    std::string lower, upper;
    Pattern() : lower(kPatternBytes, '\n')
    {
        for (size_t i = 0; i < kPatternBytes; ++i)
            if (i % 61 != 60) lower[i] = static_cast<char>('a' + (i * 7 + i / 61) % 26);
        upper = lower;
        std::transform(upper.begin(), upper.end(), upper.begin(), upperAscii);
    }
};

// Compares received bytes with the expected stream from `offset`, across pattern wraps.
bool matchesUpper(const Pattern &p, uint64_t offset, const char *data, size_t count)
{
    while (count > 0) {
        size_t at = static_cast<size_t>(offset % kPatternBytes);
        size_t run = std::min(count, kPatternBytes - at);
        if (std::memcmp(data, p.upper.data() + at, run) != 0) return false;
        data += run;
        count -= run;
        offset += run;
    }
    return true;
}

class Bulk {
public:
    explicit Bulk(const Options &o)
        : o_(o), total_(static_cast<uint64_t>(o.mebibytes) << 20), buffer_(256 * 1024) {}
    ~Bulk()
    {
        if (fd_ >= 0) close(fd_);
        if (epoll_ >= 0) close(epoll_);
    }
    int run();

private:
    bool writeSome();
    bool readSome();
    bool step(uint32_t events);
    void error(const std::string &why);
    int report(double seconds);

    const Options &o_;
    uint64_t total_;
    Pattern pattern_;
    std::vector<char> buffer_;
    int fd_ = -1, epoll_ = -1;
    bool connected_ = false, eof_ = false;
    uint64_t sent_ = 0, received_ = 0;
    long errors_ = 0;
};

void Bulk::error(const std::string &why)
{
    std::fprintf(stderr, "error: %s\n", why.c_str());
    ++errors_;
}

// Returns false once the stream is broken.
bool Bulk::writeSome()
{
    if (sent_ == total_) return true;
    size_t at = static_cast<size_t>(sent_ % kPatternBytes);
    size_t run = static_cast<size_t>(std::min<uint64_t>(kPatternBytes - at, total_ - sent_));
    ssize_t n = write(fd_, pattern_.lower.data() + at, run);
    if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) return true;
        error(std::string("write: ") + std::strerror(errno));
        return false;
    }
    sent_ += static_cast<uint64_t>(n);
    if (sent_ == total_) {
        // Half-close: the server must send the rest of the reply, then close.
        shutdown(fd_, SHUT_WR);
        watch(epoll_, fd_, EPOLLIN, 0, EPOLL_CTL_MOD);
    }
    return true;
}

bool Bulk::readSome()
{
    ssize_t n = read(fd_, buffer_.data(), buffer_.size());
    if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) return true;
        error(std::string("read: ") + std::strerror(errno));
        return false;
    }
    if (n == 0) { eof_ = true; return true; }
    size_t count = static_cast<size_t>(n);
    if (received_ + count > sent_) {
        error("more reply bytes than were sent");
        return false;
    }
    if (!matchesUpper(pattern_, received_, buffer_.data(), count)) {
        error("reply differs from the upper-cased stream near offset "
              + std::to_string(received_));
        return false;
    }
    received_ += count;
    return true;
}

bool Bulk::step(uint32_t events)
{
    if (!connected_) {
        if (!connectSucceeded(fd_)) { error("connect failed"); return false; }
        connected_ = true;
    }
    if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && !readSome()) return false;
    if ((events & EPOLLOUT) && !writeSome()) return false;
    return true;
}

int Bulk::run()
{
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    fd_ = connectLoopback(o_.port);
    if (epoll_ < 0 || fd_ < 0) { std::perror("connect"); return 2; }
    watch(epoll_, fd_, EPOLLIN | EPOLLOUT, 0, EPOLL_CTL_ADD);
    Clock::time_point start = Clock::now();
    auto limit = std::chrono::duration<double>(o_.timeout);
    Clock::time_point deadline = start + std::chrono::duration_cast<Clock::duration>(limit);
    bool ok = true;
    while (ok && !eof_ && Clock::now() < deadline) {
        epoll_event event{};
        int n = epoll_wait(epoll_, &event, 1, std::max(1, millisUntil(deadline)));
        if (n == 1) ok = step(event.events);
    }
    double seconds = secondsSince(start);
    if (ok && !eof_) error("timed out after " + std::to_string(o_.timeout) + " s");
    if (ok && received_ != total_)
        error("reply ended after " + std::to_string(received_) + " of "
              + std::to_string(total_) + " bytes");
    return report(seconds);
}

int Bulk::report(double seconds)
{
    double mbps = static_cast<double>(received_) / 1e6 / seconds;
    std::printf("bulk: %ld MiB in %.3f s: %.1f MB/s, errors %ld\n", o_.mebibytes, seconds,
                mbps, errors_);
    std::printf("RESULT mode=bulk mib=%ld mbps=%.1f errors=%ld\n", o_.mebibytes, mbps, errors_);
    std::fflush(stdout);
    return errors_ == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char **argv)
{
    Options options = parseOptions(argc, argv);
    if (options.mode == Mode::PingPong) return PingPong(options).run();
    return Bulk(options).run();
}
