#include "net/LinuxTcpProbe.h"

#include <QHostAddress>

#include <cerrno>
#include <cstddef>
#include <cstring>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/sockios.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// The kernel's TCP states (include/net/tcp_states.h), as tcpi_state and idiag_state give them.
TcpInfo::State stateOf(int kernelState)
{
    using State = TcpInfo::State;
    switch (kernelState) {
    case 1: return State::Established;
    case 2: return State::SynSent;
    case 3: return State::SynReceived;
    case 4: return State::FinWait1;
    case 5: return State::FinWait2;
    case 6: return State::TimeWait;
    case 7: return State::Closed;
    case 8: return State::CloseWait;
    case 9: return State::LastAck;
    case 10: return State::Listen;
    case 11: return State::Closing;
    default: return State::Unknown;
    }
}

// Whether the kernel filled `field` of struct tcp_info: it returns as much as it knows of.
#define FILLED(length, field)                                                                  \
    (std::size_t(length) >= offsetof(tcp_info, field) + sizeof(tcp_info::field))

void readTcpInfo(int fd, TcpInfo *info)
{
    tcp_info kernel{};
    socklen_t length = sizeof kernel;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &kernel, &length) != 0 || length < 1)
        return;
    info->state = stateOf(kernel.tcpi_state);
    if (info->isListening()) {
        if (FILLED(length, tcpi_sacked)) {
            info->acceptQueue = kernel.tcpi_unacked;
            info->backlog = kernel.tcpi_sacked;
        }
        return;
    }
    if (FILLED(length, tcpi_rtt))
        info->rttUs = kernel.tcpi_rtt;
    if (FILLED(length, tcpi_snd_cwnd))
        info->congestionWindow = kernel.tcpi_snd_cwnd;
    if (FILLED(length, tcpi_snd_mss))
        info->mss = kernel.tcpi_snd_mss;
    if (FILLED(length, tcpi_total_retrans))
        info->retransmissions = kernel.tcpi_total_retrans;
}

#undef FILLED

void readQueues(int fd, TcpInfo *info)
{
    int unread = 0;
    int outgoing = 0; // sent and not yet acknowledged, and not yet sent
    int unsent = 0;
    if (::ioctl(fd, SIOCINQ, &unread) == 0)
        info->unread = unread;
    if (::ioctl(fd, SIOCOUTQ, &outgoing) != 0)
        return;
    if (::ioctl(fd, SIOCOUTQNSD, &unsent) != 0) // before Linux 2.6.38: all counts as in flight
        unsent = 0;
    info->unsent = unsent;
    info->unacked = outgoing - unsent;
}

// inet_diag's id: the endpoints in network order, in the socket's family. An IPv4 peer of a
// dual-stack socket is an IPv4-mapped IPv6 address there.
bool fillId(const Endpoint &local, const Endpoint &peer, int family, inet_diag_sockid *id)
{
    const QHostAddress source(local.address);
    const QHostAddress destination(peer.address);
    if (source.isNull() || destination.isNull())
        return false;
    id->idiag_sport = htons(local.port);
    id->idiag_dport = htons(peer.port);
    id->idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    id->idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    const auto put = [family](const QHostAddress &address, __be32 *into) {
        if (family == AF_INET) {
            into[0] = htonl(address.toIPv4Address());
            return;
        }
        bool isIPv4 = false;
        const quint32 ipv4 = address.toIPv4Address(&isIPv4);
        if (isIPv4) { // ::ffff:a.b.c.d
            into[0] = into[1] = 0;
            into[2] = htonl(0xffff);
            into[3] = htonl(ipv4);
            return;
        }
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(into, bytes.c, sizeof bytes.c);
    };
    put(source, id->idiag_src);
    put(destination, id->idiag_dst);
    return true;
}

// One SOCK_DIAG_BY_FAMILY lookup of exactly this connection (not a dump of all of them).
std::optional<TcpInfo> lookUp(const inet_diag_sockid &id, int family)
{
    const int netlink = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (netlink < 0)
        return std::nullopt;
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST;
    message.request.sdiag_family = quint8(family);
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_states = ~0U;
    message.request.id = id;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    std::optional<TcpInfo> found;
    if (::sendto(netlink, &message, sizeof message, 0, reinterpret_cast<sockaddr *>(&kernel),
                 sizeof kernel)
        == ssize_t(sizeof message)) {
        alignas(nlmsghdr) char answer[8192];
        const ssize_t length = ::recv(netlink, answer, sizeof answer, 0);
        const auto *header = reinterpret_cast<const nlmsghdr *>(answer);
        if (length >= ssize_t(NLMSG_LENGTH(sizeof(inet_diag_msg)))
            && header->nlmsg_type == SOCK_DIAG_BY_FAMILY) {
            const auto *diag = static_cast<const inet_diag_msg *>(NLMSG_DATA(header));
            // With no such connection the kernel answers with the socket listening on the
            // local port, if any: not ours.
            if (diag->id.idiag_dport != id.idiag_dport || diag->idiag_state == 10) {
                ::close(netlink);
                return std::nullopt;
            }
            TcpInfo info;
            info.state = stateOf(diag->idiag_state);
            info.unread = diag->idiag_rqueue;
            info.unacked = diag->idiag_wqueue;
            found = info;
        } // else NLMSG_ERROR: ENOENT, the kernel has forgotten it
    }
    ::close(netlink);
    return found;
}

} // namespace

std::optional<TcpInfo> LinuxTcpProbe::read(qintptr descriptor) const
{
    const int fd = int(descriptor);
    TcpInfo info;
    readTcpInfo(fd, &info);
    if (info.state == TcpInfo::State::Unknown)
        return std::nullopt;
    if (!info.isListening())
        readQueues(fd, &info);
    return info;
}

std::optional<TcpInfo> LinuxTcpProbe::find(const Endpoint &local, const Endpoint &peer) const
{
    // An IPv4 connection is either an AF_INET socket's or a dual-stack AF_INET6 socket's.
    const bool ipv6 = local.isIPv6() || peer.isIPv6();
    for (const int family : {ipv6 ? AF_INET6 : AF_INET, AF_INET6}) {
        inet_diag_sockid id{};
        if (!fillId(local, peer, family, &id))
            return std::nullopt;
        if (std::optional<TcpInfo> found = lookUp(id, family))
            return found;
        if (ipv6)
            break;
    }
    return std::nullopt;
}
