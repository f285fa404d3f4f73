#pragma once

#include "core/SocketEvent.h"

#include <QCoreApplication>

// The one place a SocketEvent becomes words, so a student can map it to the lecture's code:
// - call():        the call as the lecture writes it, "recv(1024)" (code: never translated);
// - result():      what it returned, "17 bytes", "failed: refused" (empty: nothing to add);
// - pythonLine():  the Python line that makes the same call: the lecture's own, "data =
//                  conn.recv(1024)", where it has one (pythonLineIsTheLectures()); else as
//                  Python would make it (empty: no call Python makes, such as a TCP reading);
// - explanation(): one or two plain sentences about what the call did, or why it failed.
// UDP's calls are said in the textbook's terms instead (Kurose & Ross, chapter 2: recvfrom,
// sendto, and the lines of UDPServer.py and UDPClient.py).
// Everything but the code goes through tr(). Nothing else reads these texts back: whoever needs
// to know what happened asks the event.
class SocketEventText
{
    Q_DECLARE_TR_FUNCTIONS(SocketEventText)

public:
    static QString call(const SocketEvent &event);
    static QString result(const SocketEvent &event);
    // "recv(1024) -> 17 bytes", or the call alone when the result is empty.
    static QString callAndResult(const SocketEvent &event);
    static QString pythonLine(const SocketEvent &event);
    // Whether pythonLine() is a line of the lecture's own programs, word for word but for
    // recv()'s size; false where the lecture has no such call (IPv6, shutdown(), the name
    // lookup, UDP: the textbook's), and pythonLine() says it as Python would.
    static bool pythonLineIsTheLectures(const SocketEvent &event);
    static QString explanation(const SocketEvent &event);

    // How a connection ended (a Close event), in a few words for a list: "closed by the
    // client", "connection reset (RST)", "closed to make room".
    static QString closeSummary(const SocketEvent &event);
    // Backpressure on a server's client, said after its name: "does not read its replies:
    // reading from it paused", or, once it has read them, resumed.
    static QString readingPaused(bool paused);
    // The server keeps back the start of a UTF-8 character cut at the end of a read until its
    // other bytes come: "1 byte held back: ...; it goes out with them". And when the
    // connection ends first, what became of those bytes: sent back as they came.
    static QString heldBack(qint64 bytes);
    static QString heldBackSentAsTheyCame(qint64 bytes);
    // A failure in a few words, as a call's result says it: "refused", "no answer".
    static QString failure(const SocketFailure &failure);
    // An address as Python prints accept()'s addr: ('127.0.0.1', 51234) or ('::1', 51234, 0, 0).
    static QString pythonAddress(const Endpoint &endpoint);
    // Why a server with room for `limit` clients refused one: "it already serves 1 client, the
    // limit" (the server tells its window and log so too).
    static QString refusalReason(int limit);
    // A TCP state as the kernel and ss name it: "ESTABLISHED", "TIME_WAIT" (code: never
    // translated).
    static QString tcpState(TcpInfo::State state);
    // A segment's direction as tcpdump's and the headless log's lines show it: ">" to the
    // server, "<" from it.
    static QString segmentArrow(const SocketEvent &event);
    // The arrow, the flags and the numbers: "> PSH/ACK 5 bytes seq=1 ack=1 win=512".
    static QString segmentLine(const SocketEvent &event);
    // A queue sample's numbers: "unsent 0, in flight 1200, unread 0 bytes; RTT 0.052 ms, ...".
    static QString queuesResult(const TcpInfo &tcp);

private:
    static QString failedResult(const SocketEvent &event);
    static QString recvResult(const SocketEvent &event);
    static QString closeResult(const SocketEvent &event);
    static QString closeReason(const SocketEvent &event);
    static QString serverShutdownResult(const SocketEvent &event);
    static QString brokenResult(const SocketEvent &event);
    static QString segmentResult(const SocketEvent &event);
    // A queue sample's segments sent again since the last one: " (2 just now: ...)", or "".
    static QString retransmittedNow(const SocketEvent &event);

    static QString socketExplanation(const SocketEvent &event);
    static QString bindExplanation(const SocketEvent &event);
    static QString acceptExplanation(const SocketEvent &event);
    static QString lookupExplanation(const SocketEvent &event);
    static QString connectExplanation(const SocketEvent &event);
    static QString recvExplanation(const SocketEvent &event);
    static QString resetExplanation(const SocketEvent &event);
    static QString sendExplanation(const SocketEvent &event);
    static QString closeExplanation(const SocketEvent &event);
    static QString tcpStateExplanation(const SocketEvent &event);
    static QString tcpQueuesExplanation(const SocketEvent &event);
    static QString segmentExplanation(const SocketEvent &event);

    // UDP, in the textbook's terms (Kurose & Ross's UDPServer.py and UDPClient.py).
    static QString textbookLine(const SocketEvent &event);
    static QString recvFromResult(const SocketEvent &event);
    static QString datagramBindExplanation(const SocketEvent &event);
    static QString datagramConnectExplanation();
    static QString datagramCloseExplanation(const SocketEvent &event);
    static QString recvFromExplanation(const SocketEvent &event);
    static QString sendToExplanation(const SocketEvent &event);
};
