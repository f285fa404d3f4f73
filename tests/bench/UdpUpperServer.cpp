// udp_upper_server: the reference the UDP benchmark compares Capsock's UDP server with. It is
// the smallest fast UDP capitalization server: one thread, one socket, blocking recvfrom(2048),
// ASCII upper-casing (other bytes pass through unchanged), sendto() back to the sender.
//   udp_upper_server [--port P] [--max-seconds S]
// Binds 127.0.0.1 only: it is a benchmark tool, never meant to be reachable. It prints
// "receiving on port N" once bound.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr, "udp_upper_server: %s\nusage: udp_upper_server [--port P]"
                         " [--max-seconds S]\n", why);
    std::exit(2);
}

} // namespace

int main(int argc, char **argv)
{
    long port = 0;
    long maxSeconds = 3600; // a forgotten server still goes away by itself
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) usage(("missing value or unknown option: " + arg).c_str());
        char *end = nullptr;
        const long value = std::strtol(argv[++i], &end, 10);
        if (*end != '\0' || value < 0) usage("bad number");
        if (arg == "--port" && value <= 65535) port = value;
        else if (arg == "--max-seconds" && value > 0) maxSeconds = value;
        else usage(("bad option: " + arg).c_str());
    }
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(uint16_t(port));
    socklen_t length = sizeof address;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        std::perror("udp_upper_server");
        return 1;
    }
    std::printf("receiving on port %u\n", unsigned(ntohs(address.sin_port)));
    std::fflush(stdout);
    alarm(unsigned(maxSeconds));

    char buffer[2048];
    for (;;) {
        sockaddr_storage from;
        socklen_t fromLength = sizeof from;
        const ssize_t got = recvfrom(fd, buffer, sizeof buffer, 0,
                                     reinterpret_cast<sockaddr *>(&from), &fromLength);
        if (got < 0)
            continue;
        for (ssize_t i = 0; i < got; ++i) {
            if (buffer[i] >= 'a' && buffer[i] <= 'z')
                buffer[i] = char(buffer[i] - 32);
        }
        sendto(fd, buffer, size_t(got), 0, reinterpret_cast<sockaddr *>(&from), fromLength);
    }
}
