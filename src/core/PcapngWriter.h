#pragma once

#include <QByteArrayView>
#include <QString>

class QIODevice;

// Writes a capture file in pcapng, the format Wireshark and tshark save by default
// (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html): a Section Header Block,
// one Interface Description Block, then one Enhanced Packet Block per packet. The interface's
// link type is LINKTYPE_RAW (101): each packet starts with its IP header, IPv4 or IPv6, so one
// file holds both. Timestamps are microseconds since the epoch, pcapng's default resolution.
// Blocks are written in this machine's byte order, which the byte-order magic announces.
class PcapngWriter
{
public:
    // Writes to `device`, which must be open for writing; it is not owned.
    explicit PcapngWriter(QIODevice *device);

    // The section and interface headers; `application` names the writer (shb_userappl).
    bool writeHeader(const QString &application);
    // One packet: `ipPacket` is an IPv4 or IPv6 packet, header first.
    bool writePacket(qint64 timeUs, QByteArrayView ipPacket);

    // Why the last write failed (the device's words).
    QString errorString() const;

    static constexpr quint32 LinkTypeRaw = 101;

private:
    bool writeBlock(quint32 type, const QByteArray &body);

    QIODevice *m_device;
};
