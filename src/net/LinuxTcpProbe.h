#pragma once

#include "net/TcpProbe.h"

// Linux's TCP probe, unprivileged:
// - getsockopt(TCP_INFO): the state, RTT, congestion window, MSS, retransmissions, and on a
//   listening socket the accept queue (tcpi_unacked) and the backlog (tcpi_sacked). Only the
//   fields the kernel filled are used: an older kernel returns a shorter struct;
// - ioctl SIOCOUTQNSD (not yet sent), SIOCOUTQ (not yet acknowledged, the unsent included) and
//   SIOCINQ (not yet read);
// - after close(), a NETLINK_SOCK_DIAG lookup of the connection by its endpoints, as ss does.
class LinuxTcpProbe : public TcpProbe
{
public:
    bool isAvailable() const override { return true; }
    std::optional<TcpInfo> read(qintptr descriptor) const override;
    std::optional<TcpInfo> find(const Endpoint &local, const Endpoint &peer) const override;
};
