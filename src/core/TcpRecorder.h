#pragma once

#include "core/ChunkLog.h"
#include "core/IpPackets.h"
#include "core/SocketEvent.h"
#include "core/TcpConversation.h"

#include <map>
#include <memory>
#include <utility>
#include <vector>

// Keeps what one side's sockets did as TcpConversations, so that it can be saved as a capture
// (TcpSynthesizer). The typed events give the story: Accept and Connect open a connection (with
// both endpoints and the time), recv() of 0 bytes is the peer's FIN, shutdown() and close() our
// own (an RST when the close said it reset), a close for a reset the peer's RST. The bytes themselves come with recordBytes(), which
// the engines' data signals feed, as events carry only counts.
//
// Memory: every byte is kept, compactly (core/ChunkLog), up to a budget that counts what keeping
// them costs, bookkeeping and each connection's record included (default 256 MiB; the window
// gives its recording less); past it, further bytes, and the bytes of connections opened past
// it, are counted in droppedBytes() and not kept, so a save can say so.
class TcpRecorder
{
public:
    static constexpr qint64 DefaultBudget = qint64(256) << 20;

    void setBudget(qint64 maxBytes);

    void record(const SocketEvent &event);
    // `bytes` went out (sent) or came in on `side`'s connection `connectionId`, at `timeUs`.
    void recordBytes(SocketSide side, qint64 connectionId, bool sent, const QByteArray &bytes,
                     qint64 timeUs);

    // The conversations so far. Their transfers' bytes are read in place
    // (QByteArray::fromRawData): valid while the recorder is unchanged.
    std::vector<TcpConversation> conversations() const;
    // Every conversation's packets (TcpSynthesizer), by time (at equal times, the conversation
    // opened first first), made as they are read, so that saving needs no copy of them: valid
    // while the recorder is unchanged. A conversation's maker is made when its first packet
    // is due and goes with its last; it reads the bytes in place, from its first transfer to
    // its last (one whose clock ran back gathers its transfers, to sort them).
    std::unique_ptr<IpPackets::PacketSource> conversationPackets() const;
    qint64 droppedBytes() const { return m_droppedBytes; }
    void clear();

private:
    using Key = std::pair<SocketSide, qint64>;
    struct TransferSummary;
    class MergedPackets;

    std::vector<TransferSummary> transferSummaries() const;
    std::unique_ptr<IpPackets::PacketSource> packetsOf(size_t conversation,
                                                       const TransferSummary &summary) const;

    void open(const SocketEvent &event, const Endpoint &client, const Endpoint &server);
    bool roomForConversation();
    TcpConversation *openConversation(const SocketEvent &event);
    void finish(const SocketEvent &event, TcpDirection from);
    void close(const SocketEvent &event);

    // The heap blocks of a connection record's two addresses, counted generously.
    static constexpr qint64 AddressesCost = 2 * 64;
    static constexpr size_t NotKept = size_t(-1); // in m_open: opened past the budget

    std::vector<TcpConversation> m_conversations; // without their transfers: in m_transfers
    qint64 m_conversationsCost = 0; // what m_conversations holds, as reserved
    qint64 m_budget = DefaultBudget;
    struct Open
    {
        size_t conversation; // or NotKept
        qint64 sentBytes = 0; // by our side, kept or not
    };
    std::map<Key, Open> m_open; // a socket's conversation while it is open
    ChunkLog m_transfers{DefaultBudget}; // tagged with transferTag()
    qint64 m_droppedBytes = 0;
};
