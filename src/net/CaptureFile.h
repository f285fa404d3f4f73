#pragma once

#include "core/TcpReassembler.h"

#include <QByteArrayView>
#include <QString>

#include <cstdio>
#include <vector>

// Reads a capture file, pcap or pcapng, with libpcap (the library tcpdump and Wireshark stand
// on), and puts its TCP conversations back together (TcpPacketDecoder, TcpReassembler), for
// `capsock --inspect FILE` in the window and on the terminal.
namespace CaptureFile {

struct Contents
{
    std::vector<TcpReassembler::Stream> streams;
    qint64 packets = 0;    // packets read
    qint64 tcpPackets = 0; // of which TCP segments
    qint64 udpPackets = 0; // and UDP datagrams
    // Empty, or in plain words why the file could not be read, or was read only in part (cut
    // short: `streams` has what came before), or holds no TCP at all.
    QString problem;
};

// Whether `start` (a file's first bytes) begins as a pcap or pcapng file does.
bool looksLikeCapture(QByteArrayView start);

Contents read(const QString &path);
// From an open file, which it closes; `name` is what messages call it.
Contents read(std::FILE *file, const QString &name);

// "#0 127.0.0.1:40000 → 127.0.0.1:5220: 6 segments, 21 bytes from the client, 21 bytes from
// the server", for lists of streams.
QString describe(const TcpReassembler::Stream &stream, qsizetype number);

} // namespace CaptureFile
