<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CapitalizeClient</name>
    <message numerus="yes">
        <location filename="../../src/net/CapitalizeClient.cpp" line="+249"/>
        <source> Tried %n address(es) of &quot;%1&quot;: %2.</source>
        <translation>
            <numerusform> Tried %n address of &quot;%1&quot;: %2.</numerusform>
            <numerusform> Tried %n addresses of &quot;%1&quot;: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CapitalizeServer</name>
    <message numerus="yes">
        <location filename="../../src/net/CapitalizeServer.cpp" line="+304"/>
        <source>Capsock server is full: it already serves %n client(s), its limit. Try again later.</source>
        <translation>
            <numerusform>Capsock server is full: it already serves %n client, its limit. Try again later.</numerusform>
            <numerusform>Capsock server is full: it already serves %n clients, its limit. Try again later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Capsock server: closing this connection to make room for a new client. The server is full (%n client(s)) and this connection was idle the longest (%1 s). Connect again when you have something to send.</source>
        <translation>
            <numerusform>Capsock server: closing this connection to make room for a new client. The server is full (%n client) and this connection was idle the longest (%1 s). Connect again when you have something to send.</numerusform>
            <numerusform>Capsock server: closing this connection to make room for a new client. The server is full (%n clients) and this connection was idle the longest (%1 s). Connect again when you have something to send.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureFile</name>
    <message numerus="yes">
        <location filename="../../src/net/CaptureFile.cpp" line="+88"/>
        <source>%1 is cut short or damaged after %2 packet(s): %3</source>
        <translation>
            <numerusform>%1 is cut short or damaged after %2 packet: %3</numerusform>
            <numerusform>%1 is cut short or damaged after %2 packets: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-50"/>
        <source>%1 holds no TCP: %2 packet(s), none of them a TCP segment</source>
        <translation>
            <numerusform>%1 holds no TCP: %2 packet, none of them a TCP segment</numerusform>
            <numerusform>%1 holds no TCP: %2 packets, none of them a TCP segment</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 UDP datagram(s)</source>
        <translation>
            <numerusform>%1 UDP datagram</numerusform>
            <numerusform>%1 UDP datagrams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 packet(s), %2 of them UDP</source>
        <translation>
            <numerusform>%1 packet, %2 of them UDP</numerusform>
            <numerusform>%1 packets, %2 of them UDP</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+117"/>
        <source>#%1 %2 → %3: %4 segment(s)</source>
        <translation>
            <numerusform>#%1 %2 → %3: %4 segment</numerusform>
            <numerusform>#%1 %2 → %3: %4 segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>, %1 byte(s) from the client</source>
        <translation>
            <numerusform>, %1 byte from the client</numerusform>
            <numerusform>, %1 bytes from the client</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %1 byte(s) from the server</source>
        <translation>
            <numerusform>, %1 byte from the server</numerusform>
            <numerusform>, %1 bytes from the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %1 byte(s) missing from the capture</source>
        <translation>
            <numerusform>, %1 byte missing from the capture</numerusform>
            <numerusform>, %1 bytes missing from the capture</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message numerus="yes">
        <location filename="../../src/gui/ClientPanel.cpp" line="+90"/>
        <source>The server closed the connection without answering %n message(s).</source>
        <translation>
            <numerusform>The server closed the connection without answering %n message.</numerusform>
            <numerusform>The server closed the connection without answering %n messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposerWidget</name>
    <message numerus="yes">
        <location filename="../../src/gui/ComposerWidget.cpp" line="+310"/>
        <source>%1 byte(s): %2</source>
        <translation>
            <numerusform>%1 byte: %2</numerusform>
            <numerusform>%1 bytes: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message numerus="yes">
        <location filename="../../src/gui/ConversationModel.cpp" line="+294"/>
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>in %n read(s)</source>
        <translation>
            <numerusform>in %n read</numerusform>
            <numerusform>in %n reads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationRecording</name>
    <message numerus="yes">
        <location filename="../../src/net/ConversationRecording.cpp" line="+251"/>
        <source>%1 is missing the last %2 packet(s): a recording keeps at most %3 MiB</source>
        <translation>
            <numerusform>%1 is missing the last %2 packet: a recording keeps at most %3 MiB</numerusform>
            <numerusform>%1 is missing the last %2 packets: a recording keeps at most %3 MiB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 is missing the last %n byte(s): a recording keeps at most %2 MiB</source>
        <translation>
            <numerusform>%1 is missing the last %n byte: a recording keeps at most %2 MiB</numerusform>
            <numerusform>%1 is missing the last %n bytes: a recording keeps at most %2 MiB</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessClient</name>
    <message numerus="yes">
        <location filename="../../src/cli/HeadlessClient.cpp" line="+67"/>
        <source>&gt; sent %1 byte(s)</source>
        <translation>
            <numerusform>&gt; sent %1 byte</numerusform>
            <numerusform>&gt; sent %1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>&lt; received %1 byte(s)</source>
        <translation>
            <numerusform>&lt; received %1 byte</numerusform>
            <numerusform>&lt; received %1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+112"/>
        <source>the server closed the connection before answering %n message(s)</source>
        <translation>
            <numerusform>the server closed the connection before answering %n message</numerusform>
            <numerusform>the server closed the connection before answering %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) (%1) not sent: the server closed the connection first</source>
        <translation>
            <numerusform>%n line (%1) not sent: the server closed the connection first</numerusform>
            <numerusform>%n lines (%1) not sent: the server closed the connection first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessInspector</name>
    <message numerus="yes">
        <location filename="../../src/cli/HeadlessInspector.cpp" line="+47"/>
        <source>&gt; %1: %2 byte(s) from the client</source>
        <translation>
            <numerusform>&gt; %1: %2 byte from the client</numerusform>
            <numerusform>&gt; %1: %2 bytes from the client</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt; %1: %2 byte(s) from the server</source>
        <translation>
            <numerusform>&lt; %1: %2 byte from the server</numerusform>
            <numerusform>&lt; %1: %2 bytes from the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1 has %n TCP conversation(s), #0 to #%2; there is no #%3</source>
        <translation>
            <numerusform>%1 has %n TCP conversation, #0 to #%2; there is no #%3</numerusform>
            <numerusform>%1 has %n TCP conversations, #0 to #%2; there is no #%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessServer</name>
    <message numerus="yes">
        <location filename="../../src/cli/HeadlessServer.cpp" line="+159"/>
        <source>%1 closed: %2; %3 byte(s) in, %4 out</source>
        <translation>
            <numerusform>%1 closed: %2; %3 byte in, %4 out</numerusform>
            <numerusform>%1 closed: %2; %3 bytes in, %4 out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>stopping: %n connection(s) open</source>
        <translation>
            <numerusform>stopping: %n connection open</numerusform>
            <numerusform>stopping: %n connections open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>stopping: %n connection(s) open; each ends once its client has its replies, or after %1 s in which it reads none; Ctrl-C again to stop now</source>
        <translation>
            <numerusform>stopping: %n connection open; each ends once its client has its replies, or after %1 s in which it reads none; Ctrl-C again to stop now</numerusform>
            <numerusform>stopping: %n connections open; each ends once its client has its replies, or after %1 s in which it reads none; Ctrl-C again to stop now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessUdpClient</name>
    <message numerus="yes">
        <location filename="../../src/cli/HeadlessUdpClient.cpp" line="+51"/>
        <source>&gt; sent %1 byte(s)</source>
        <translation>
            <numerusform>&gt; sent %1 byte</numerusform>
            <numerusform>&gt; sent %1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>&lt; received %1 byte(s)</source>
        <translation>
            <numerusform>&lt; received %1 byte</numerusform>
            <numerusform>&lt; received %1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessUdpServer</name>
    <message numerus="yes">
        <location filename="../../src/cli/HeadlessUdpServer.cpp" line="+73"/>
        <source>stopped: heard from %n peer(s)</source>
        <translation>
            <numerusform>stopped: heard from %n peer</numerusform>
            <numerusform>stopped: heard from %n peers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HexView</name>
    <message numerus="yes">
        <location filename="../../src/gui/HexView.cpp" line="+942"/>
        <source>%1 byte(s) from 0x%2</source>
        <translation>
            <numerusform>%1 byte from 0x%2</numerusform>
            <numerusform>%1 bytes from 0x%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%1 byte(s). Click or drag to select; hover a byte to learn about it.</source>
        <translation>
            <numerusform>%1 byte. Click or drag to select; hover a byte to learn about it.</numerusform>
            <numerusform>%1 bytes. Click or drag to select; hover a byte to learn about it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Selected %1 byte(s) at 0x%2-0x%3: %4</source>
        <translation>
            <numerusform>Selected %1 byte at 0x%2-0x%3: %4</numerusform>
            <numerusform>Selected %1 bytes at 0x%2-0x%3: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+239"/>
        <source>TCP segment #%1: seq %2, %3 byte(s)</source>
        <translation>
            <numerusform>TCP segment #%1: seq %2, %3 byte</numerusform>
            <numerusform>TCP segment #%1: seq %2, %3 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectorWindow</name>
    <message numerus="yes">
        <location filename="../../src/gui/InspectorWindow.cpp" line="+54"/>
        <source>Byte inspector: %1 (%2 byte(s))</source>
        <translation>
            <numerusform>Byte inspector: %1 (%2 byte)</numerusform>
            <numerusform>Byte inspector: %1 (%2 bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%1 has %n TCP conversation(s), #0 to #%2; there is no #%3</source>
        <translation>
            <numerusform>%1 has %n TCP conversation, #0 to #%2; there is no #%3</numerusform>
            <numerusform>%1 has %n TCP conversations, #0 to #%2; there is no #%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogWriter</name>
    <message numerus="yes">
        <location filename="../../src/cli/LogWriter.cpp" line="+62"/>
        <source>[%1 log line(s) dropped here: nobody read the log]</source>
        <translation>
            <numerusform>[%1 log line was dropped here: nobody read the log]</numerusform>
            <numerusform>[%1 log lines were dropped here: nobody read the log]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PacketsView</name>
    <message numerus="yes">
        <location filename="../../src/gui/PacketsView.cpp" line="+189"/>
        <source>%1 older row(s) dropped to keep memory bounded (the list keeps the newest %2).</source>
        <translation>
            <numerusform>%1 older row dropped to keep memory bounded (the list keeps the newest %2).</numerusform>
            <numerusform>%1 older rows dropped to keep memory bounded (the list keeps the newest %2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message numerus="yes">
        <location filename="../../src/gui/ServerPanel.cpp" line="+515"/>
        <source>Listening on port %1; %n client(s) connected.</source>
        <translation>
            <numerusform>Listening on port %1; %n client connected.</numerusform>
            <numerusform>Listening on port %1; %n clients connected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketCallsView</name>
    <message numerus="yes">
        <location filename="../../src/gui/SocketCallsView.cpp" line="+255"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %1 older one(s) dropped to keep memory bounded (the list keeps %2, the busiest connections losing their oldest first)</source>
        <translation>
            <numerusform>; %1 older one dropped to keep memory bounded (the list keeps %2, the busiest connections losing their oldest first)</numerusform>
            <numerusform>; %1 older ones dropped to keep memory bounded (the list keeps %2, the busiest connections losing their oldest first)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketErrorText</name>
    <message numerus="yes">
        <location filename="../../src/net/SocketErrorText.cpp" line="+161"/>
        <source>Connection reset by %1 before it answered any of the %2 byte(s) sent.</source>
        <translation>
            <numerusform>Connection reset by %1 before it answered the %2 byte sent.</numerusform>
            <numerusform>Connection reset by %1 before it answered any of the %2 bytes sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Connection reset by %1 after it answered %2 of the %3 byte(s) sent.</source>
        <translation>
            <numerusform>Connection reset by %1 after it answered %2 of the %3 byte sent.</numerusform>
            <numerusform>Connection reset by %1 after it answered %2 of the %3 bytes sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketEventText</name>
    <message numerus="yes">
        <location filename="../../src/core/SocketEventText.cpp" line="+39"/>
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+234"/>
        <source>it already serves %n client(s), the limit</source>
        <translation>
            <numerusform>it already serves %n client, the limit</numerusform>
            <numerusform>it already serves %n clients, the limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+112"/>
        <source>%1 byte(s) held back: the start of a UTF-8 character whose other bytes have not come yet; it goes out with them</source>
        <translation>
            <numerusform>%1 byte held back: the start of a UTF-8 character whose other bytes have not come yet; it goes out with them</numerusform>
            <numerusform>%1 bytes held back: the start of a UTF-8 character whose other bytes have not come yet; it goes out with them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>the %1 byte(s) held back went back unchanged: the client sent no more of that character</source>
        <translation>
            <numerusform>the %1 byte held back went back unchanged: the client sent no more of that character</numerusform>
            <numerusform>the %1 bytes held back went back unchanged: the client sent no more of that character</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>; %1 byte(s) more from the client went unanswered</source>
        <translation>
            <numerusform>; %1 byte more from the client went unanswered</numerusform>
            <numerusform>; %1 bytes more from the client went unanswered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>; %1 byte(s) of replies not delivered: the client had not read them</source>
        <translation>
            <numerusform>; %1 byte of replies not delivered: the client had not read them</numerusform>
            <numerusform>; %1 bytes of replies not delivered: the client had not read them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %1 byte(s) we sent not delivered: the server had not read them</source>
        <translation>
            <numerusform>; %1 byte we sent not delivered: the server had not read them</numerusform>
            <numerusform>; %1 bytes we sent not delivered: the server had not read them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+115"/>
        <source>%n byte(s) of the server&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</source>
        <translation>
            <numerusform>%n byte of the server&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</numerusform>
            <numerusform>%n bytes of the server&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n byte(s) of the client&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</source>
        <translation>
            <numerusform>%n byte of the client&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</numerusform>
            <numerusform>%n bytes of the client&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+339"/>
        <source>TCP sent %n segment(s) again: no acknowledgement came in time. Most often a segment or its acknowledgement was lost on the way; it may only have been late (then the receiver gets it twice). The kernel resends on its own; the program sees only the delay, never the loss (sendall() had returned; recv() waits longer). %1 in all on this connection.</source>
        <translation>
            <numerusform>TCP sent %n segment again: no acknowledgement came in time. Most often a segment or its acknowledgement was lost on the way; it may only have been late (then the receiver gets it twice). The kernel resends on its own; the program sees only the delay, never the loss (sendall() had returned; recv() waits longer). %1 in all on this connection.</numerusform>
            <numerusform>TCP sent %n segments again: no acknowledgement came in time. Most often a segment or its acknowledgement was lost on the way; it may only have been late (then the receiver gets it twice). The kernel resends on its own; the program sees only the delay, never the loss (sendall() had returned; recv() waits longer). %1 in all on this connection.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TcpView</name>
    <message numerus="yes">
        <location filename="../../src/gui/TcpView.cpp" line="+41"/>
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UdpServerPanel</name>
    <message numerus="yes">
        <location filename="../../src/gui/UdpServerPanel.cpp" line="+107"/>
        <source>This datagram had %n byte(s); recvfrom(%1) kept the first %1, the rest is lost.</source>
        <translation>
            <numerusform>This datagram had %n byte; recvfrom(%1) kept the first %1, the rest is lost.</numerusform>
            <numerusform>This datagram had %n bytes; recvfrom(%1) kept the first %1, the rest is lost.</numerusform>
        </translation>
    </message>
</context>
</TS>
