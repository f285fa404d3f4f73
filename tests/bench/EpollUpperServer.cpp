// epoll_upper_server: the reference the server benchmark compares Capsock with (product.md
// §6). It is the smallest fast capitalization server: one thread, epoll, 64 KiB reads, ASCII
// upper-casing (other bytes pass through unchanged), a pending buffer per connection for what
// the kernel would not take, and half-close handled (send the rest, then close).
//   epoll_upper_server [--port P] [--max-seconds S]
// Listens on 127.0.0.1 only: it is a benchmark tool, never meant to be reachable.
#ifndef __linux__
#error "epoll_upper_server uses epoll and builds on Linux only"
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

constexpr size_t kReadBytes = 64 * 1024;
// Past this much unsent reply we stop reading from the client (backpressure), as Capsock does.
constexpr size_t kMaxPending = 1 << 20;
constexpr uint64_t kListenTag = ~uint64_t{0};

volatile std::sig_atomic_t stopRequested = 0;

void onSignal(int) { stopRequested = 1; }

void installSignals()
{
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);  // no SA_RESTART: epoll_wait returns EINTR
    sigaction(SIGINT, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);  // a vanished client must give EPIPE, not kill the server
}

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr, "epoll_upper_server: %s\nusage: epoll_upper_server [--port P]"
                         " [--max-seconds S]\n", why);
    std::exit(2);
}

struct Options {
    long port = 0;
    long maxSeconds = 3600;  // a forgotten server still goes away by itself
};

Options parseOptions(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (i + 1 >= argc) usage(("missing value or unknown option: " + arg).c_str());
        char *end = nullptr;
        long value = std::strtol(argv[++i], &end, 10);
        if (*end != '\0' || value < 0) usage("bad number");
        if (arg == "--port" && value <= 65535) o.port = value;
        else if (arg == "--max-seconds" && value > 0) o.maxSeconds = value;
        else usage(("bad option: " + arg).c_str());
    }
    return o;
}

int listenLoopback(long port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0
        || listen(fd, SOMAXCONN) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

long boundPort(int fd)
{
    sockaddr_in address{};
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    return ntohs(address.sin_port);
}

void upperAscii(char *data, size_t count)
{
    for (size_t i = 0; i < count; ++i)
        if (data[i] >= 'a' && data[i] <= 'z') data[i] = static_cast<char>(data[i] - 32);
}

struct Connection {
    std::vector<char> pending;  // reply bytes the kernel has not taken yet
    size_t pendingStart = 0;
    bool peerClosed = false;
    bool reading = true;
    bool writing = false;
};

class Server {
public:
    Server(int listener, int epoll) : listener_(listener), epoll_(epoll) {}
    ~Server();
    void run(std::chrono::steady_clock::time_point deadline);

private:
    void acceptAll();
    void onReadable(int fd, Connection &c);
    void onWritable(int fd, Connection &c);
    bool flush(int fd, Connection &c);
    bool reply(int fd, Connection &c, size_t count);
    void updateInterest(int fd, Connection &c);
    void drop(int fd);

    int listener_, epoll_;
    std::unordered_map<int, Connection> connections_;
    std::vector<char> buffer_ = std::vector<char>(kReadBytes);
};

Server::~Server()
{
    for (auto &entry : connections_) close(entry.first);
}

void Server::drop(int fd)
{
    epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    close(fd);
    connections_.erase(fd);
}

void Server::acceptAll()
{
    // Bounded so that a flood of connects cannot starve the connections already open.
    for (int i = 0; i < 1024; ++i) {
        int fd = accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) return;
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = static_cast<uint64_t>(fd);
        epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
        connections_[fd] = Connection{};
    }
}

// Writes as much pending reply as the kernel takes; false when the connection broke.
bool Server::flush(int fd, Connection &c)
{
    while (c.pendingStart < c.pending.size()) {
        ssize_t n = write(fd, c.pending.data() + c.pendingStart,
                          c.pending.size() - c.pendingStart);
        if (n < 0) return errno == EAGAIN || errno == EINTR;
        c.pendingStart += static_cast<size_t>(n);
    }
    c.pending.clear();
    c.pendingStart = 0;
    return true;
}

// Sends a fresh reply from the read buffer; only what the kernel refuses is copied, since a
// copy of every chunk would halve bulk throughput. False when the connection broke.
bool Server::reply(int fd, Connection &c, size_t count)
{
    size_t done = 0;
    if (c.pending.empty()) {
        ssize_t n = write(fd, buffer_.data(), count);
        if (n < 0 && errno != EAGAIN && errno != EINTR) return false;
        done = n > 0 ? static_cast<size_t>(n) : 0;
    }
    c.pending.insert(c.pending.end(), buffer_.data() + done, buffer_.data() + count);
    return true;
}

void Server::updateInterest(int fd, Connection &c)
{
    size_t unsent = c.pending.size() - c.pendingStart;
    bool reading = !c.peerClosed && unsent < kMaxPending;
    bool writing = unsent > 0;
    if (reading == c.reading && writing == c.writing) return;
    c.reading = reading;
    c.writing = writing;
    epoll_event event{};
    event.events = (reading ? EPOLLIN : 0u) | (writing ? EPOLLOUT : 0u);
    event.data.u64 = static_cast<uint64_t>(fd);
    epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &event);
}

void Server::onReadable(int fd, Connection &c)
{
    ssize_t n = read(fd, buffer_.data(), buffer_.size());
    if (n < 0) {
        if (errno != EAGAIN && errno != EINTR) drop(fd);
        return;
    }
    if (n == 0) {
        c.peerClosed = true;
    } else {
        upperAscii(buffer_.data(), static_cast<size_t>(n));
        if (!reply(fd, c, static_cast<size_t>(n))) return drop(fd);
    }
    if (c.peerClosed && c.pending.empty()) return drop(fd);
    updateInterest(fd, c);
}

void Server::onWritable(int fd, Connection &c)
{
    if (!flush(fd, c)) return drop(fd);
    // Compact now and then so a slow reader's buffer does not grow without end.
    if (c.pendingStart > kMaxPending) {
        c.pending.erase(c.pending.begin(),
                        c.pending.begin() + static_cast<std::ptrdiff_t>(c.pendingStart));
        c.pendingStart = 0;
    }
    if (c.peerClosed && c.pending.empty()) return drop(fd);
    updateInterest(fd, c);
}

void Server::run(std::chrono::steady_clock::time_point deadline)
{
    epoll_event events[256];
    while (!stopRequested && std::chrono::steady_clock::now() < deadline) {
        int n = epoll_wait(epoll_, events, 256, 500);
        for (int i = 0; i < n; ++i) {
            if (events[i].data.u64 == kListenTag) { acceptAll(); continue; }
            int fd = static_cast<int>(events[i].data.u64);
            auto found = connections_.find(fd);
            if (found == connections_.end()) continue;  // dropped earlier in this batch
            uint32_t what = events[i].events;
            if (what & (EPOLLIN | EPOLLHUP | EPOLLERR)) onReadable(fd, found->second);
            found = connections_.find(fd);
            if (found != connections_.end() && (what & EPOLLOUT))
                onWritable(fd, found->second);
        }
    }
}

}  // namespace

int main(int argc, char **argv)
{
    Options options = parseOptions(argc, argv);
    installSignals();
    int listener = listenLoopback(options.port);
    int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (listener < 0 || epoll < 0) {
        std::perror("epoll_upper_server: listen");
        return 1;
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = kListenTag;
    epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &event);
    std::printf("listening on port %ld\n", boundPort(listener));
    std::fflush(stdout);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.maxSeconds);
    Server(listener, epoll).run(deadline);
    close(listener);
    close(epoll);
    return 0;
}
