#pragma once

#include <QHostAddress>
#include <QList>

// How a CapitalizeServer listens and what it allows. Defaults follow the lecture's server; the
// command line, the window's fields and its settings all start from them.
struct ServerOptions
{
    // The lecture's PORT and its recv(1024): its client uses them too (ClientOptions).
    static constexpr quint16 LecturePort = 5220;
    static constexpr qint64 LectureReadSize = 1024;
    // The textbook's UDP server (Kurose & Ross) reads with recvfrom(2048).
    static constexpr qint64 TextbookDatagramSize = 2048;

    // Where to listen. QHostAddress::Any is the lecture's HOST = "": every interface, IPv4 and
    // IPv6. LocalHost and LocalHostIPv6 together are "this computer only" (BindAddress).
    QList<QHostAddress> bindAddresses{QHostAddress(QHostAddress::Any)};
    quint16 port = LecturePort;
    qint64 readSize = LectureReadSize; // the n of recv(n)
    qint64 datagramSize = TextbookDatagramSize; // UDP: the n of recvfrom(n)
    // UDP: senders listed one by one (UdpCapitalizeServer::peers()); every later one is still
    // answered, counted on one line, "the others", so a flood from many ports stays bounded.
    int mostPeersListed = 10000;
    bool closeAfterFirstReply = false; // the lecture's one-shot server
    // The user types the replies (the server window's manual mode): what a client sends is
    // read and told, never answered by itself (CapitalizeSession::send()). Closing after the
    // first reply is for automatic replies only.
    bool manualReplies = false;
    // The server stops calling recv() (the window's "Pause recv()"), so a student sees what
    // sendall() meets when the other side does not read: the receive buffer fills, TCP's window
    // closes and the sender's buffer fills. Connections stay open; reading again loses nothing.
    bool pauseReading = false;
    // Clients served at once. 0, the default: a class of any size, as many as the system lets
    // this program have open files for (ulimit -n), up to MostClientsByDefault; where that is
    // fewer, the server says so (CapitalizeServer::clientLimit()). A number the user chose is
    // kept as it is: past the system's limit, newcomers wait until descriptors come free.
    static constexpr int MostClientsByDefault = 10000;
    int maxClients = 0;
    // When full, a newcomer takes the place of the client idle longest (nothing heard from it
    // and nothing owed to it), if that one has been idle at least this long; otherwise the
    // newcomer is refused. So idle connections, however many, never lock a class out, and a
    // client that talks is never closed to make room.
    qint64 idleBeforeMakingRoomMs = 30000;
    qint64 maxUnsentReplyBytes = 1 << 20; // past this, stop reading from that client
    // setsockopt(SO_REUSEADDR) before bind(), as the lecture's server: a restarted server gets
    // its port back while connections of the last one linger in TIME_WAIT. Off, bind() fails
    // with "address already in use" until they are gone (--no-reuse-address), to see why.
    bool reuseAddress = true;
};
