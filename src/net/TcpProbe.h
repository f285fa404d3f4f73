#pragma once

#include "core/SocketEvent.h"

#include <QtGlobal>

#include <memory>
#include <optional>

// Asks the kernel about a TCP connection: its state, the bytes it holds each way, and what TCP
// measured (RTT, congestion window, MSS, retransmissions); for a listening socket, its accept
// queue against the backlog. Reading costs a few system calls, so callers read after a call
// and on a timer only while bytes are held (TcpSampler), never when idle.
//
// Linux has it all, unprivileged (LinuxTcpProbe.cpp). Elsewhere forThisSystem() gives a probe
// that says it is not available, and everything else works as before. What would serve there:
// - macOS: getsockopt(IPPROTO_TCP, TCP_CONNECTION_INFO) gives the state, RTT, windows and
//   tcpi_snd_sbbytes (bytes in the send buffer); FIONREAD the unread bytes;
// - Windows: WSAIoctl(SIO_TCP_INFO) gives TCP_INFO_v0 (State, RttUs, Mss, BytesOut,
//   BytesInFlight, SynRetrans); ioctlsocket(FIONREAD) the unread bytes.
class TcpProbe
{
public:
    virtual ~TcpProbe() = default;

    virtual bool isAvailable() const = 0;
    // A connected or listening socket's state and queues; nullopt when it could not be read
    // (not available, or not a TCP socket).
    virtual std::optional<TcpInfo> read(qintptr descriptor) const = 0;
    // A connection no descriptor is left for (after close(): FIN_WAIT, TIME_WAIT, LAST_ACK),
    // found by its endpoints as `ss` finds it; nullopt when the kernel no longer has it.
    virtual std::optional<TcpInfo> find(const Endpoint &local, const Endpoint &peer) const = 0;

    // This system's probe: Linux's, or one that is not available.
    static std::shared_ptr<const TcpProbe> forThisSystem();
};

// Where the system has no probe (and for tests of that case).
class UnavailableTcpProbe : public TcpProbe
{
public:
    bool isAvailable() const override { return false; }
    std::optional<TcpInfo> read(qintptr) const override { return std::nullopt; }
    std::optional<TcpInfo> find(const Endpoint &, const Endpoint &) const override
    {
        return std::nullopt;
    }
};
