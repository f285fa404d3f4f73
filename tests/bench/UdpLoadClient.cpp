// udp_load: the load client of the UDP benchmark (run_udp_load.sh). Each of --clients sockets
// sends a datagram of --bytes lower-case letters and waits for its reply before sending the
// next (the textbook's client in a loop), all on one thread with epoll, for --seconds. It
// checks every reply is the datagram upper-cased, and prints one line:
//   RESULT dps=<replies a second> lost=<datagrams with no reply within 200 ms> errors=<wrong>
// A datagram lost (loopback drops when a receive buffer is full) is counted, and its socket
// sends the next one. Sends to 127.0.0.1 only.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr, "udp_load: %s\nusage: udp_load --port P [--clients N] [--bytes B]"
                         " [--seconds S]\n", why);
    std::exit(2);
}

struct Client
{
    int fd = -1;
    Clock::time_point sentAt;
};

} // namespace

int main(int argc, char **argv)
{
    long port = 0, clients = 1, bytes = 32;
    double seconds = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) usage(("missing value or unknown option: " + arg).c_str());
        const char *value = argv[++i];
        if (arg == "--port") port = std::strtol(value, nullptr, 10);
        else if (arg == "--clients") clients = std::strtol(value, nullptr, 10);
        else if (arg == "--bytes") bytes = std::strtol(value, nullptr, 10);
        else if (arg == "--seconds") seconds = std::strtod(value, nullptr);
        else usage(("bad option: " + arg).c_str());
    }
    if (port <= 0 || port > 65535 || clients < 1 || clients > 1000 || bytes < 1
        || bytes > 2048 || seconds <= 0 || seconds > 600) {
        usage("bad value");
    }
    const std::string message(size_t(bytes), 'x');
    const std::string expected(size_t(bytes), 'X');
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    server.sin_port = htons(uint16_t(port));

    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Client> all(static_cast<size_t>(clients));
    for (size_t i = 0; i < all.size(); ++i) {
        all[i].fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (all[i].fd < 0
            || connect(all[i].fd, reinterpret_cast<sockaddr *>(&server), sizeof server) != 0) {
            std::perror("udp_load");
            return 1;
        }
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u64 = i;
        epoll_ctl(epoll, EPOLL_CTL_ADD, all[i].fd, &event);
    }
    long replies = 0, lost = 0, errors = 0;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration_cast<Clock::duration>(
                                 std::chrono::duration<double>(seconds));
    for (Client &client : all) {
        send(client.fd, message.data(), message.size(), 0);
        client.sentAt = start;
    }
    std::vector<epoll_event> ready(all.size());
    char buffer[4096];
    Clock::time_point now = start;
    while (now < end) {
        const int count = epoll_wait(epoll, ready.data(), int(ready.size()), 50);
        now = Clock::now();
        for (int k = 0; k < count; ++k) {
            Client &client = all[ready[size_t(k)].data.u64];
            const ssize_t got = recv(client.fd, buffer, sizeof buffer, 0);
            if (got < 0)
                continue;
            if (size_t(got) != expected.size()
                || std::memcmp(buffer, expected.data(), size_t(got)) != 0)
                ++errors;
            ++replies;
            send(client.fd, message.data(), message.size(), 0);
            client.sentAt = now;
        }
        for (Client &client : all) { // a datagram or its reply lost: count it, send the next
            if (now - client.sentAt > std::chrono::milliseconds(200)) {
                ++lost;
                send(client.fd, message.data(), message.size(), 0);
                client.sentAt = now;
            }
        }
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("RESULT dps=%.0f lost=%ld errors=%ld\n", double(replies) / elapsed, lost,
                errors);
    return 0;
}
