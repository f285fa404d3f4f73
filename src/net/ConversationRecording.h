#pragma once

#include "core/ChunkLog.h"
#include "core/TcpRecorder.h"
#include "core/UdpSynthesizer.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

class CapitalizeClient;
class CapitalizeServer;
class LiveCapture;
class QIODevice;
class UdpCapitalizeClient;
class UdpCapitalizeServer;

// What a server's or a client's sockets did, kept so it can be saved as a capture file
// (File > Save conversation, --save FILE): the typed events and the bytes each call carried go
// into a TcpRecorder, and save() writes its conversations as pcapng, made into segments by
// TcpSynthesizer. A server's file holds each client as its own TCP stream. When the packets
// themselves were captured (watch(LiveCapture *)), save() writes those instead, and from the
// first one on the bytes are not recorded as well.
// Over UDP each sendto() and recvfrom() is kept as the one datagram it carried, between the
// real endpoints, made into packets by UdpSynthesizer; a file may hold TCP and UDP together (a
// server of both on one port).
class ConversationRecording : public QObject
{
    Q_OBJECT

public:
    explicit ConversationRecording(QObject *parent = nullptr);

    // Records everything `server` does from now on; before it starts (as its socketEvent asks).
    void watch(CapitalizeServer *server);
    void watch(CapitalizeClient *client);
    // Keeps the packets `capture` captures, to be saved instead of made-up ones.
    void watch(LiveCapture *capture);
    void watch(UdpCapitalizeServer *server);
    void watch(UdpCapitalizeClient *client);

    // What the recorded bytes may cost, and the captured packets apart (by default
    // TcpRecorder::DefaultBudget each); past it, save() says what the file lacks.
    void setBudget(qint64 maxBytes);
    const TcpRecorder &recorder() const { return m_recorder; }
    void clear();

    // Writes what is recorded to `path` as pcapng; an empty string, or why it could not
    // ("cannot save to FILE: No such file or directory"), or what the file lacks (bytes past
    // the recorder's budget).
    QString save(const QString &path) const;
    // Writes it to `device` (open for writing): an empty string, or why not (the device's words).
    QString write(QIODevice *device) const;
    // Opens `path` for writing, creating or emptying it: an empty string if save() can write
    // there, or why not, so a front end can say so before it starts.
    static QString checkWritable(const QString &path);

private:
    void recordBytes(SocketSide side, qint64 connectionId, bool sent, const QByteArray &bytes);
    QString writeCaptured(QIODevice *device) const;
    QString writeSynthesized(QIODevice *device) const;
    // One datagram, from `local` to the peer or (`sent` false) back, now.
    void recordDatagram(const QHostAddress &local, quint16 localPort, const QHostAddress &peer,
                        quint16 peerPort, bool sent, const QByteArray &bytes);
    // The address datagrams to `peer` leave from when the socket is bound to every interface
    // (which the calls do not tell): the system's choice, asked once per peer address (at
    // most MaxSourceAddresses kept, so a flood from many addresses cannot grow it for ever).
    QHostAddress sourceAddressFor(const QHostAddress &peer);

    TcpRecorder m_recorder;
    std::vector<UdpDatagram> m_datagrams;
    qint64 m_datagramBytes = 0; // what m_datagrams cost, counted against m_budget
    static constexpr int MaxSourceAddresses = 1024;
    static constexpr qint64 DatagramArrayOverhead = 64; // a QByteArray's header and malloc's
    QHash<QString, QHostAddress> m_sourceAddresses; // peer address -> ours towards it
    qint64 m_budget = TcpRecorder::DefaultBudget;
    ChunkLog m_captured{TcpRecorder::DefaultBudget}; // the IP packets, header first
    qint64 m_droppedPackets = 0; // captured packets and datagrams past their budget
};
