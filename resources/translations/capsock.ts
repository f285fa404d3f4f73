<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AddressKind</name>
    <message>
        <location filename="../../src/net/AddressKind.cpp" line="+81"/>
        <source>this computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>link-local: same cable or Wi-Fi only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>private network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>carrier-grade NAT or VPN: not the Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>documentation range: not routed on the Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>benchmarking range: not routed on the Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>multicast: a group, not a computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reserved: not routed on the Internet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BindAddress</name>
    <message>
        <location filename="../../src/net/BindAddress.cpp" line="+40"/>
        <source>expected all, localhost, or an IP address of this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BindAddressChoices</name>
    <message>
        <location filename="../../src/gui/BindAddressChoices.cpp" line="+16"/>
        <source>All interfaces (HOST = &quot;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every interface, IPv4 and IPv6: the lecture&apos;s HOST = &quot;&quot;. Other machines can connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>127.0.0.1 and ::1 only: programs on this computer can connect, other machines cannot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only %1 (%2, %3): clients reach the server at this address alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only %1: clients reach the server at this address alone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapitalizeClient</name>
    <message>
        <location filename="../../src/net/CapitalizeClient.cpp" line="+205"/>
        <source>%1 (%2): %3 after %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source> Tried %n address(es) of &quot;%1&quot;: %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CapitalizeServer</name>
    <message>
        <location filename="../../src/net/CapitalizeServer.cpp" line="+167"/>
        <source>at most %1 clients at once: the system lets it have %2 files open (ulimit -n), one for each client and a few of its own. Raise that limit to serve more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+137"/>
        <source>Capsock server is full: it already serves %n client(s), its limit. Try again later.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Capsock server: closing this connection to make room for a new client. The server is full (%n client(s)) and this connection was idle the longest (%1 s). Connect again when you have something to send.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>cannot accept new clients: this program has as many connections and files open as the system allows it (ulimit -n); trying again every %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepting new clients again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapitalizeSession</name>
    <message>
        <location filename="../../src/net/CapitalizeSession.cpp" line="+265"/>
        <source>the client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureFile</name>
    <message>
        <location filename="../../src/net/CaptureFile.cpp" line="+60"/>
        <source>%1 holds packets of link type %2 (%3), which Capsock does not read: it reads loopback, Ethernet, Linux &quot;any&quot; and raw IP captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%1 is cut short or damaged after %2 packet(s): %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-50"/>
        <source>%1 holds no TCP: %2 packet(s), none of them a TCP segment</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 UDP datagram(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 packet(s), %2 of them UDP</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 holds no TCP: %2. The inspector shows TCP conversations; to see each datagram, open the file in Wireshark, or run: tshark -r %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 is not a capture file Capsock can read (pcap or pcapng): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>#%1 %2 → %3: %4 segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>, %1 byte(s) from the client</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %1 byte(s) from the server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %1 byte(s) missing from the capture</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message>
        <location filename="../../ui/ClientPanel.ui" line="+21"/>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name (localhost), an IPv4 address (127.0.0.1) or an IPv6 address (::1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s port: the one it listens on (the lecture&apos;s server uses 5220). Enter connects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../src/gui/ClientPanel.cpp" line="+157"/>
        <source>Co&amp;nnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect or disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/ClientPanel.cpp" line="-81"/>
        <source>Connected to %1 from %2 in %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server closed the connection. Send again to reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The server closed the connection without answering %n message(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Disco&amp;nnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not connected. Type the server&apos;s address and press Connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looking up %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to %1 port %2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected: %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server closed the connection. Send again, or press Connect, to reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>client of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client of %1 (closed by the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposerWidget</name>
    <message>
        <location filename="../../ui/ComposerWidget.ui" line="+14"/>
        <source>Message composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter sends. Up and Down bring back messages you sent before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the message as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text: what you type is sent as UTF-8. Hex: you type the bytes themselves, two hex digits each (48 69 ff), so you can also send bytes that are not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send these bytes to the server (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Bytes that will be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/ComposerWidget.cpp" line="+64"/>
        <source>Numbers travel as text: &apos;%1&apos; is the byte 0x%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No line ending (as the lecture&apos;s client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>\n (LF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>\r\n (CRLF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+136"/>
        <source>The message is full: it holds at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long, so not pasted: a message holds at most %1 characters. Nothing of it was put in, so nothing is cut; send it in parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Too long to show as hex: that takes 3 characters a byte, and a message holds at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Type bytes as hex: 49 20 61 6d ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Type a message, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In hex mode nothing is added: the bytes go out exactly as you typed them. Type 0a for \n, or 0d 0a for \r\n.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is sent after your text. The lecture&apos;s client sends none: its server answers whatever one recv() gets. A server that reads lines waits for \n; some protocols, such as HTTP, want \r\n.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing to send yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 byte(s): %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As a Python bytes literal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The lecture sends a number the same way: str(value).encode().</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <location filename="../../src/gui/ConversationModel.cpp" line="+270"/>
        <source>Older messages were let go to keep memory bounded (%1 MiB so far).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%1 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>in %n read(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>round trip %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>arriving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1
These bytes never reached the wire: the connection failed first. Press Up in the message field to bring the message back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
Still arriving: TCP keeps no message boundaries, so the reply is taken as ended at its line end, and this one has not come yet; what comes next joins it. Click to see these bytes in the inspector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
Click to see these bytes in the inspector.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationRecording</name>
    <message>
        <location filename="../../src/net/ConversationRecording.cpp" line="+244"/>
        <location line="+3"/>
        <location line="+23"/>
        <source>cannot save to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>%1 is missing the last %2 packet(s): a recording keeps at most %3 MiB</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 is missing the last %n byte(s): a recording keeps at most %2 MiB</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../src/gui/ConversationView.cpp" line="+342"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessClient</name>
    <message>
        <location filename="../../src/cli/HeadlessClient.cpp" line="+49"/>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>connected to %1 from %2 in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>&gt; sent %1 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>&lt; received %1 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+112"/>
        <source>the server closed the connection before answering %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%1 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) (%1) not sent: the server closed the connection first</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="-81"/>
        <source>segment %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessInspector</name>
    <message numerus="yes">
        <location filename="../../src/cli/HeadlessInspector.cpp" line="+47"/>
        <source>&gt; %1: %2 byte(s) from the client</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt; %1: %2 byte(s) from the server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1 has %n TCP conversation(s), #0 to #%2; there is no #%3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessServer</name>
    <message>
        <location filename="../../src/cli/HeadlessServer.cpp" line="+42"/>
        <source>refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>segment %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>all interfaces, IPv4 and IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every IPv4 interface. IPv4 only: IPv6 clients cannot connect; use --bind all for both</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+115"/>
        <source>stopping: %n connection(s) open; each ends once its client has its replies, or after %1 s in which it reads none; Ctrl-C again to stop now</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Capsock capitalization server listening on port %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It serves %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/cli/TerminalFrontEnd.cpp" line="+99"/>
        <source>Press Ctrl-C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/cli/HeadlessServer.cpp" line="+58"/>
        <source>Only programs on this computer can connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other machines: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 connected from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 closed: %2; %3 byte(s) in, %4 out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>listening socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>stopping: %n connection(s) open</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessUdpClient</name>
    <message>
        <location filename="../../src/cli/HeadlessUdpClient.cpp" line="+36"/>
        <source>sending datagrams to %1 from %2 (UDP: no connection; the socket is connect()ed to the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sending datagrams to %1 (UDP: no connection; the system gives this socket a port at its first sendto())</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>&gt; sent %1 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>&lt; received %1 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessUdpServer</name>
    <message>
        <location filename="../../src/cli/HeadlessUdpServer.cpp" line="+19"/>
        <source>#%1 first datagram from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Capsock UDP capitalization server receiving on port %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UDP has no connections: each datagram is answered on its own, to the address it came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>stopped: heard from %n peer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HexInput</name>
    <message>
        <location filename="../../src/core/HexInput.cpp" line="+57"/>
        <source>the invisible character U+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;\&apos; at position %1 must start a \x escape, as in \x0a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at position %2 is not a hex digit (0-9, a-f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&apos;%1&apos; at position %2 needs two hex digits after it, as in %1%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the last byte, at position %1, has only one digit: write %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the byte at position %1 has only one digit: write %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; at position %2 has %3 hex digits, an odd number: each byte is two digits (write 0f, not f)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HexView</name>
    <message>
        <location filename="../../src/gui/HexView.cpp" line="+138"/>
        <source>NUL, the zero byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tab (\t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line feed (\n), the end of a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carriage return (\r), ends a line with \n after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escape (ESC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete (DEL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a continuation byte (10xxxxxx) with no lead byte before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C0 and C1 could only start overlong forms, which UTF-8 forbids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes F5 to FF never occur in UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a lead byte for %1 bytes, but the bytes after it do not continue it (or it would be an overlong form, a surrogate, or above U+10FFFF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Byte inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+644"/>
        <source>No bytes yet. The bytes of the conversation appear here as they cross the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Offset 0x%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Byte 0x%1 = %2 = 0b%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Carried on the wire in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Offset %1 of the bytes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset %1 of the bytes sent to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offset %1 of the bytes received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset %1 of the bytes received from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ASCII character &apos;%1&apos; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASCII %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Character %1 %2: %3 bytes %4 (this is byte %5 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>. Other bytes came in between: they belong to the other direction or another connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The start of a %1-byte UTF-8 character that is not complete yet: the bytes end before it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not valid UTF-8: %1. The server sends it back unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%1 byte(s) from 0x%2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1 byte(s). Click or drag to select; hover a byte to learn about it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Selected %1 byte(s) at 0x%2-0x%3: %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Show TCP segment boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+107"/>
        <source>TCP segment #%1: seq %2, %3 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Sent: send #%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received: read #%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source> (the first in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Copy as hex (49 20 61)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as Python bytes (b&apos;I a&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as C string (&quot;I a&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bytes per row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostPort</name>
    <message>
        <location filename="../../src/core/HostPort.cpp" line="+22"/>
        <source>&quot;%1&quot;: missing &quot;]&quot; after the IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot;: expected &quot;:PORT&quot; after &quot;]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot;: no host given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot;: the port must be a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorWindow</name>
    <message>
        <location filename="../../ui/InspectorWindow.ui" line="+14"/>
        <source>Byte inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Boxed: the bytes of one UTF-8 character. Red: not valid UTF-8. LF: a line feed (0a). Hover a byte to learn about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <source>&amp;Conversation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TCP conversation in the capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Bytes per &amp;row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bytes per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/gui/InspectorWindow.cpp" line="+54"/>
        <source>Byte inspector: %1 (%2 byte(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is %2 MiB; the inspector opens files of up to 1024 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--stream is for capture files (pcap, pcapng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 has %n TCP conversation(s), #0 to #%2; there is no #%3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Byte inspector: %1, conversation #%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveCapture</name>
    <message>
        <location filename="../../src/net/LiveCapture.cpp" line="+29"/>
        <source>Packets are not shown: capturing them needs the CAP_NET_RAW capability (or root), which this program does not have. To allow it for this program alone, once: sudo setcap cap_net_raw=eip %1 (it may then open raw packet sockets, to see what crosses this computer&apos;s network interfaces; never run the window as root). Everything else works without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+13"/>
        <source>cannot capture packets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot capture packets (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot capture packets: no descriptor to wait on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogWriter</name>
    <message numerus="yes">
        <location filename="../../src/cli/LogWriter.cpp" line="+62"/>
        <source>[%1 log line(s) dropped here: nobody read the log]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.ui" line="+14"/>
        <source>Capsock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Se&amp;rver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen for clients and answer each with its text capitalized, as the lecture&apos;s server does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cl&amp;ient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to a server and send it messages, as the lecture&apos;s client does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TCP transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP, the lecture&apos;s: a connection, and a stream of bytes that recv() cuts wherever it likes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UDP transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UDP, the textbook&apos;s twin: no connection, each message one datagram, kept whole or lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/MainWindow.cpp" line="+566"/>
        <source>Conversation (click a message to see its bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.ui" line="+118"/>
        <source>Socket calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every socket call in the lecture&apos;s terms, beside the line of its Python program that makes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TCP beneath them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection&apos;s TCP state and the kernel&apos;s buffers, as the calls change them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TCP segments on the wire, captured, beside the calls that caused them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vie&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The colours of every Capsock window: the system&apos;s, or light or dark whatever the system says (for a projector or a dark room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Start / Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start or stop the server; connect or disconnect the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Write a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;lear the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open capture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a capture (pcap or pcapng, from tcpdump, Wireshark or Capsock) in the byte inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the conversation as a capture (pcapng) that Wireshark and tshark open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>As the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Larger text in every Capsock window, for a projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Capsock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/MainWindow.cpp" line="-219"/>
        <source>About Capsock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Now a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+6"/>
        <source>Save conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Captures for Wireshark (*.pcapng);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+19"/>
        <source>Open capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captures (*.pcapng *.pcap *.cap);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+171"/>
        <source>&lt;p&gt;&lt;b&gt;Capsock %1&lt;/b&gt;: TCP and UDP socket programming made visible.&lt;/p&gt;&lt;p&gt;A server answers every string a client sends, capitalized: over TCP as in the lecture&apos;s capitalization example, a stream that recv() cuts where it likes; over UDP as in the textbook&apos;s twin, each datagram whole, answered on its own, or lost. Both sides show the bytes that crossed the wire and the socket calls that moved them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Now over UDP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now over TCP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+143"/>
        <source>sent tinted blue, received green; boxed: one UTF-8 character; red: not UTF-8; ▾: a captured TCP segment starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent tinted blue, received green; boxed: one UTF-8 character; red: not UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a client above, then type its reply and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bytes on the wire: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the reply to %1, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Following %1&lt;/b&gt; alone: select &lt;b&gt;All clients&lt;/b&gt; above to see everyone. (Click a message to see its bytes.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Bytes of %1 alone&lt;/b&gt;, offsets counted within them: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketsModel</name>
    <message>
        <location filename="../../src/gui/PacketsModel.cpp" line="+51"/>
        <source>→ sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>← received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment (or call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A TCP segment&apos;s flags (SYN opens a connection, FIN closes a direction, RST resets it, ACK acknowledges, PSH pushes data to the program), the bytes of data it carries, its sequence number (relative: the sender&apos;s SYN is 0, its first byte 1), the next byte it acknowledges and the receive window it advertises, in bytes (scaled as the handshake said). In grey, the socket calls that caused them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketsView</name>
    <message>
        <location filename="../../src/gui/PacketsView.cpp" line="+62"/>
        <location line="+1"/>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>← received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The TCP segments the connection&apos;s packets carried, as captured; the socket calls that caused them among them, in grey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 older row(s) dropped to keep memory bounded (the list keeps the newest %2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shown here: only those of %1 and of the listening socket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <location filename="../../ui/ServerPanel.ui" line="+35"/>
        <source>&amp;Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listen on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port clients connect to; the lecture uses 5220. Ports below 1024 are system ports: listening on one needs administrator (root) rights. 0 lets the system choose a free port. Enter starts the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SO_REUSEADDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reuse the address (SO_REUSEADDR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set SO_REUSEADDR before bind(), as the lecture&apos;s server does. Off, a server restarted while its last connections linger in TIME_WAIT fails with &quot;address already in use&quot; until they are gone (about a minute).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../src/gui/ServerPanel.cpp" line="+475"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start or stop the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reach it &amp;at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Addresses to reach this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The addresses other programs can use to connect to this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>C&amp;opy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy this address, to give it to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Read si&amp;ze (recv):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Read size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many bytes each recv() asks for, like the lecture&apos;s conn.recv(1024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Close after the first reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As the lecture&apos;s server: it answers one recv() and closes the connection, so a second message from the client gets no reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ma&amp;x clients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clients served at once. auto: as many as the system allows (ulimit -n), up to 10000. When full, a newcomer takes the place of a client that has said nothing for 30 s; if there is none, it is told the server is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Clients: select one to follow its conversation and bytes alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reply by han&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reply by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server answers nothing by itself: select a client in the list and type its reply below. As the lecture says, both parties can send, and nothing happens until one of them does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Clear &amp;those that left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the clients that left (greyed) from the list. Their messages stay in the conversation of all clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a client to see its conversation and its bytes alone; All clients shows everyone again. Greyed: a client that left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Maximum clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Pause recv()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause reading: stop calling recv()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server stops calling recv(), as a program busy elsewhere would. What clients send waits in its receive buffer; when that is full, TCP tells them to stop (a zero window), their send buffer fills and their sendall() waits. Watch it in &quot;TCP beneath them&quot;. Untick to read again: nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clos&amp;e after one reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+152"/>
        <location filename="../../src/gui/ServerPanel.cpp" line="-327"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/ServerPanel.cpp" line="-96"/>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every client&apos;s conversation and bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1. New clients wait in the system&apos;s queue (the listen backlog) until some leave; those connected are still served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Listening on port %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It serves %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Close this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End the selected client&apos;s connection: the server sends its FIN, then closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+117"/>
        <location line="+72"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-160"/>
        <source>closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Replies by hand: select a client above and type its reply below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic replies again: each read is answered, capitalized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>recv() paused: what clients send waits in the kernel&apos;s receive buffer, then in theirs. See &quot;TCP beneath them&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recv() again: what waited in the buffers is read and answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select the client to reply to in the list above: a reply goes to the client followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is no longer connected: the reply was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 left (%2): %3. Select it to read its conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not reading: this client does not read its replies, so the server stopped reading from it until it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(start the server to see its addresses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Listening on port %1; %n client(s) connected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New clients wait: the server is out of descriptors (ulimit -n).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped. Press Start to listen for clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server (stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SocketCallsModel</name>
    <message>
        <location filename="../../src/gui/SocketCallsModel.cpp" line="+170"/>
        <source>this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connection #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>listening socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Python line that makes the same call: the lecture&apos;s server&apos;s own. In italics where the lecture has no such call (IPv6, shutdown(), UDP): as Python would make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Python line that makes the same call: the lecture&apos;s client&apos;s own. In italics where the lecture has no such call (IPv6, the name lookup, shutdown(), UDP): as Python would make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Which socket: the listening socket, or one client&apos;s connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The socket call and what it returned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SocketCallsView</name>
    <message>
        <location filename="../../src/gui/SocketCallsView.cpp" line="+61"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Socket calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Empty the list of socket calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+162"/>
        <source>%n call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %1 older one(s) dropped to keep memory bounded (the list keeps %2, the busiest connections losing their oldest first)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; shown here: only those of %1 and of the listening socket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SocketErrorText</name>
    <message>
        <location filename="../../src/net/SocketErrorText.cpp" line="+27"/>
        <source>%1 s</source>
        <extracomment>seconds waited, as in &quot;No answer from 127.0.0.1:5220 after 5.0 s&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>port %1 of all interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot listen on %1: port %2 is already in use. This server does not set SO_REUSEADDR (--no-reuse-address), so a connection an earlier server closed first, still in TIME_WAIT for up to a minute after close(), keeps the port, as does another server listening on it. Wait for the TIME_WAIT to pass (ss -tan state time-wait shows it), or start with SO_REUSEADDR, the default, as the lecture&apos;s server does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot listen on %1: port %2 is already in use. Another server (another Capsock, or the lecture&apos;s Python server) is listening on it. Stop that program, or choose another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot listen on %1: permission denied. Ports 0 to 1023 are system ports that only the administrator (root) may use. Choose a port of 1024 or above, such as 5220.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot listen on %1: that address does not belong to this computer. Listen on all interfaces, or on one of this computer&apos;s own addresses (on a cloud VM, its internal address, not the external one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot listen on %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>UDP port %1 of all interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot bind to %1: another program (another Capsock, or the textbook&apos;s UDPServer.py) already receives on UDP port %2. Stop that program, or choose another port. A TCP server on the same port is no obstacle: TCP and UDP ports are separate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot bind to %1: permission denied. Ports 0 to 1023 are system ports that only the administrator (root) may use. Choose a port of 1024 or above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot bind to %1: that address does not belong to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot bind to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connection refused by %1: nothing is listening there (or a firewall turned the connection away). Is the server started, and is the port right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer from %1 after %2. The address may be wrong, or a firewall is silently dropping the connection (firewalls block user ports such as 5220 by default; open the port, or try from the same machine first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot reach %1: network unreachable. This computer has no route to that address; check the address and this computer&apos;s network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot reach %1: host unreachable. No machine answered at that address, or a firewall rejected the connection; check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to %1 was not permitted (%2). A firewall on this computer may be blocking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not connect to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Host &quot;%1&quot; not found: no address is known for that name. Check the spelling, or use an IP address (127.0.0.1 is this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not look up &quot;%1&quot;: %2. The name server may be unreachable; check the network connection, or use an IP address (127.0.0.1 is this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Connection reset by %1 before it answered any of the %2 byte(s) sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Connection reset by %1 after it answered %2 of the %3 byte(s) sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source> A program that closes its socket with data still unread makes its system send a reset (RST) instead of a normal close (so does one that crashes or is killed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source> The lecture&apos;s server does: it reads only once, with recv(%1), and closes, so whatever follows the first %1 bytes is never read. Send it at most %1 bytes, or make the server read until the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connection reset by %1: it ended the connection abruptly (the program crashed, was killed, gave up on the connection, or closed its socket with data still unread, which makes its system send a reset (RST)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SocketEventText</name>
    <message numerus="yes">
        <location filename="../../src/core/SocketEventText.cpp" line="+39"/>
        <source>%1 byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+72"/>
        <source>dual-stack: takes IPv4 and IPv6 clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the system chose port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepting new clients again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connected UDP socket: %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connected in %1 ms: %2 -&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+244"/>
        <source>nothing more to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-238"/>
        <source>nothing more to send; the replies still come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>after close(): found by its addresses and ports, as ss does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after close() of %1 -&gt; %2: found by its addresses and ports, as ss does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not available on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>(its scale was not seen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(inside sock.connect: the name is looked up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection reset (RST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address not available on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too many open files (ulimit -n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message too long (EMSGSIZE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>system error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>it already serves %n client(s), the limit</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed: %1; trying again every %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no reply within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>0 bytes: the client finished sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 bytes: the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the client reset the connection (RST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server reset the connection: we close our socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection failed: we close our socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the listening socket: no new clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the client closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server has closed: we close our end too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed after the first reply, as the lecture&apos;s server does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server is stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>we disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+57"/>
        <source>another address answered first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-55"/>
        <source>idle the longest, closed to make room for a newcomer: the server is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed from the server&apos;s window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the server closes after its first reply, as the lecture&apos;s server does: FIN sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server is stopping: FIN sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closing to make room for a newcomer: FIN sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed from the server&apos;s window: FIN sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>does not read its replies: reading from it paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reads its replies again: reading resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 byte(s) held back: the start of a UTF-8 character whose other bytes have not come yet; it goes out with them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>the %1 byte(s) held back went back unchanged: the client sent no more of that character</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopped listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed by the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed after the first reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>we disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed to make room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed from the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server&apos;s socket: no more datagrams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>we close our socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; the client has closed its side too</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %1 byte(s) more from the client went unanswered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>; %1 byte(s) of replies not delivered: the client had not read them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %1 byte(s) we sent not delivered: the server had not read them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>accept queue: %1 of %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsent %1, in flight %2, unread %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; RTT %1 ms, cwnd %2, MSS %3, %4 retransmitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (%1 just now: no acknowledgement came in time, so sent again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lets the server bind its port again right after a restart; without it, bind() can fail with &quot;address already in use&quot; for a while after the old server stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Makes this a listening socket: clients can now connect, and their connections wait in a queue until the server accepts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server took the next waiting connection but already serves as many clients as it may: it tells this client so and closes the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accept() works again: the clients waiting in the queue are taken in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is done after its first reply. The lecture&apos;s server calls conn.close() here; Capsock shuts down its sending side instead (the FIN goes now, as with close()) and closes once the client has closed too, so that nothing the client still sends makes the kernel reset the connection (RST) and destroy the reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tells the client the server will send nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tells the server &quot;I will send nothing more&quot; while still reading its replies. The lecture&apos;s client does not do this: it reads one reply and closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This system does not let a program read TCP&apos;s state and the kernel&apos;s queues (Linux does); everything else works as before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A reset (RST) from the server&apos;s system: the connection ends at once. Nothing listened on that port (connect() fails: refused), or the server closed with bytes unread; the client&apos;s next call fails with &quot;connection reset&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A reset (RST) from the client&apos;s system: the connection ends at once, as when the client closed with bytes unread; the server&apos;s next call fails with &quot;connection reset&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s system answers the SYN with SYN/ACK, the handshake&apos;s second step. The kernel does this for a listening socket by itself: accept() is not needed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connect() sends SYN: the first step of TCP&apos;s three-way handshake (SYN, SYN/ACK, ACK). connect() returns when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n byte(s) of the server&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n byte(s) of the client&apos;s data in one segment. Segments are not recv() cuts: recv() may return them joined or split.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server sends FIN after its last byte: its close() (or shutdown()) says it sends nothing more. The client&apos;s recv() returns b&apos;&apos; once it has read the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client sends FIN after its last byte: its close() (or shutdown()) says it sends nothing more. The server&apos;s recv() returns b&apos;&apos; once it has read the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The client&apos;s ACK completes the three-way handshake: connect() returns, and the connection waits in the server&apos;s queue until accept() takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server acknowledges the client&apos;s bytes up to relative number %1; a bare ACK carries no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client acknowledges the server&apos;s bytes up to relative number %1; a bare ACK carries no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Creates a socket: a UDP (SOCK_DGRAM) endpoint for IPv6 (AF_INET6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creates a socket: a UDP (SOCK_DGRAM) endpoint for IPv4 (AF_INET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creates a socket: a TCP (SOCK_STREAM) endpoint for IPv6 (AF_INET6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creates a socket: a TCP (SOCK_STREAM) endpoint for IPv4 (AF_INET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> This one takes IPv4 clients too (dual-stack).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> Nothing is sent on the network yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This computer does not have this address (often IPv6 is switched off), so the server leaves it out and listens on its other addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bind() failed (%1), so the server can not receive datagrams: another program may already receive on that UDP port, or the port is below 1024, which needs the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bind() failed, so the server can not listen: the port is taken. Without SO_REUSEADDR, a connection an earlier server on this port closed first, still in TIME_WAIT for up to a minute, is enough; so is another program listening on it. Set SO_REUSEADDR before bind(), as the lecture&apos;s server does, or wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bind() failed, so the server can not listen: another program already uses the port (another server, perhaps the lecture&apos;s). Stop it, or choose another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bind() failed, so the server can not listen: ports below 1024 need the administrator. Choose a port of 1024 or above, such as 5220.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bind() failed, so the server can not listen: that address is not one of this computer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bind() failed, so the server can not listen: another program may already use the port, or the port is below 1024, which needs the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claims the address and port clients will connect to. HOST &quot;&quot; means every interface of this computer; 127.0.0.1 means this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+295"/>
        <source> Port 0 asks the system for any free port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-288"/>
        <source>accept() failed: this program has as many connections and files open as the system allows it (ulimit -n). The clients wait in the listening socket&apos;s queue; the server tries again every %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>accept() failed (%1). The clients wait in the listening socket&apos;s queue; the server tries again every %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server takes the next waiting connection; it gets a new socket for this client and the client&apos;s address and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The host name could not be looked up: check its spelling, or use an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looks up the addresses of the host name. Python&apos;s sock.connect((HOST, PORT)) does this itself when HOST is a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connects to the server: TCP&apos;s handshake with the server&apos;s listening socket. On the server, the connection now waits for accept().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing accepted the connection: no server is listening on that address and port. Is the server started, is the port right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection could not be made. &quot;no answer&quot; often means a wrong address or a firewall dropping the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection could not be made (%1). Check the address, and this computer&apos;s network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>recv() failed (%1): the connection is broken, and nothing more can be read from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>recv() returned no bytes (b&apos;&apos;): the client will send nothing more. The lecture&apos;s server never gets here: it reads only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recv() returned no bytes (b&apos;&apos;): the server closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waits for bytes from the client and reads at most %1 of them. TCP is a stream, not messages: one recv() may get part of a send, or several sends at once. The lecture&apos;s server then turns the bytes back into text with data.decode() before upper().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waits for the server&apos;s reply and reads at most %1 bytes of it; a long reply may take more than one recv(). They are bytes: data.decode() turns them back into text, as the lecture&apos;s client does before printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The client&apos;s system answered with a reset (RST) instead of a normal close, so recv() fails (in Python, ConnectionResetError). A program that closes its socket with data still unread makes its system send a reset, and so does one that crashes or is killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server&apos;s system answered with a reset (RST) instead of a normal close, so recv() fails (in Python, ConnectionResetError). A program that closes its socket with data still unread makes its system send a reset: the lecture&apos;s server reads once, with recv(1024), and closes, so a longer message resets the connection. A program that crashes or is killed resets its connections too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The other side&apos;s system answered with a reset (RST), so sendall() fails (in Python, ConnectionResetError or BrokenPipeError): these bytes never arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sendall() failed (%1): the connection is broken, and these bytes never arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sends the capitalized text back to the client, made bytes again with string.encode(); sendall() returns only when all of them are handed to the system. Their count can differ from what recv() got: &quot;ß&quot; becomes &quot;SS&quot;, and a character cut in two by a read waits for its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends the message to the server. The socket carries bytes, not text: the message was encoded to UTF-8 bytes first (data = mesg.encode()), and sendall() returns only when all of them are handed to the system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Closes the socket: the connection is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server was full when a new client came, and this one had said nothing for the longest time. Rather than turn the newcomer away, the server told this client why and closed its connection (conn). A client that talks is never closed to make room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone at the server closed this client&apos;s connection (Close this connection, in the list of clients): the server sent its FIN, and closes once the client has closed its side too. The listening socket stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closes the listening socket: no new client can connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes this client&apos;s connection (conn); the listening socket stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system did not say which state the connection is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LISTEN: the socket waits for clients; the kernel completes their handshakes and queues them for accept().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SYN_SENT: connect() sent the first segment of TCP&apos;s handshake (SYN) and waits for the server&apos;s answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SYN_RECV: the handshake is half done: the answer (SYN-ACK) is sent, its acknowledgement not yet here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ESTABLISHED: the handshake is done; both sides can send and receive. The kernel finished it (SYN, SYN-ACK, ACK) before connect() has returned to the program, as when the server answers at once (on this computer, or near it): connect() returns next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ESTABLISHED: the handshake is done; both sides can send and receive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FIN_WAIT1: this side closed its sending half (close() or shutdown()); the kernel sent FIN and waits for the peer to acknowledge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FIN_WAIT2: the peer acknowledged our FIN; now the kernel waits for the peer to close its side too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLOSE_WAIT: the peer has closed its side, so recv() returns 0 bytes (b&apos;&apos;). This side may still send; the connection ends when it closes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLOSING: both sides closed at the same moment; each waits for the other&apos;s acknowledgement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LAST_ACK: both sides have closed; the kernel waits for the acknowledgement of its FIN, then forgets the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TIME_WAIT: after close(), the side that closed first keeps the connection&apos;s addresses and ports for a while (on Linux 60 s), so that a late segment is not taken for part of a new connection. Here that is the client: its own port stays taken, not the server&apos;s, and its next connect() simply gets another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TIME_WAIT: after close(), the side that closed first keeps the connection&apos;s addresses and ports for a while (on Linux 60 s), so that a late segment is not taken for part of a new connection. The socket is gone, but a server restarted on this port now fails with &quot;address already in use&quot;, unless it sets SO_REUSEADDR before bind(), as the lecture&apos;s server does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CLOSED: no longer listening: Stop closed the listening socket, so no new client can connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLOSED: the kernel has forgotten the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>sendall() returned, but %1 bytes are still in the kernel&apos;s send buffer: &quot;sent&quot; means handed to the system, not received. The kernel sends them and keeps each until the peer acknowledges it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The peer is not reading: its receive buffer is full, so TCP told us to stop sending (a zero window), and %1 bytes wait in our send buffer. When that fills too, sendall() waits. This is backpressure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 bytes have arrived and wait in the kernel&apos;s receive buffer until the program calls recv().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing is in flight either way and this side waits to receive. If the other side waits too, nothing will happen until one of them sends: the lecture&apos;s &quot;importance of having a protocol and sticking to it&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>TCP sent %n segment(s) again: no acknowledgement came in time. Most often a segment or its acknowledgement was lost on the way; it may only have been late (then the receiver gets it twice). The kernel resends on its own; the program sees only the delay, never the loss (sendall() had returned; recv() waits longer). %1 in all on this connection.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connections the kernel has completed, waiting for accept(); past the backlog, newcomers must wait for room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bytes the kernel holds for this connection: not yet sent, sent but not yet acknowledged (in flight), and received but not yet read by the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: cut, the rest is lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: cut, the datagram had %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Claims the address and port that clients send their datagrams to. A UDP socket has no listen() and no accept(): there are no connections to wait for or take. Every client&apos;s datagrams arrive on this one socket, each with its sender&apos;s address, which recvfrom() returns and sendto() answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>connect() on a UDP socket sends nothing: there is no handshake. It only fixes the peer: the socket now takes datagrams from that address alone, and when the server&apos;s computer answers with ICMP &quot;port unreachable&quot;, the system reports it as &quot;refused&quot; on the next call. Without connect(), a missing server and a lost datagram look the same: no reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Closes the server&apos;s socket: no more datagrams are received. Nothing is sent: UDP has no connections to end. The textbook&apos;s server never gets here: it runs until stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closes the socket. Nothing is sent: UDP has no connection to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No datagram came back in time. UDP does not retry: the datagram or its reply may have been lost, or nothing listens there. Only a connected UDP socket (connect()) can tell the last case apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server&apos;s computer answered with ICMP &quot;port unreachable&quot;: nothing listens on that port. Because this UDP socket is connected (connect()), the system reports it as &quot;refused&quot; on the next call; an unconnected socket never hears of it and simply waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>recvfrom() failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The datagram was larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The datagram had %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, but recvfrom(%1) takes at most %1: the system cut it and dropped the rest (Linux tells the real length with MSG_TRUNC). Unlike TCP, the rest does not wait for the next call: it is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waits for the next datagram from any client and takes it whole, with its sender&apos;s address. UDP keeps messages apart: one sendto() is one recvfrom(), never part of one or two at once. message.decode() then turns the bytes into text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waits for the reply datagram and takes it whole, with the address it came from. Nothing guarantees it comes: UDP does not resend what is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The message is larger than one datagram may be, so sendto() refuses it whole (EMSGSIZE) and nothing was sent: UDP never cuts a message to fit. Send less at a time (a UDP datagram carries at most 65507 bytes over IPv4), or use TCP, which is a stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sendto() failed (%1): this datagram is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends the capitalized message back as one datagram to the address recvfrom() gave. Nothing confirms that it arrives: UDP has no acknowledgements and does not resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends the message as one datagram to the server&apos;s address, encoded to bytes first (message.encode()). No connection is needed, and nothing confirms that it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TcpPlotWidget</name>
    <message>
        <location filename="../../src/gui/TcpPlotWidget.cpp" line="+61"/>
        <source>Plot of the queued bytes and the round-trip time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTT (right scale)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TcpView</name>
    <message numerus="yes">
        <location filename="../../src/gui/TcpView.cpp" line="+41"/>
        <source>%Ln byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>States, with the time each began:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Send buffer, not yet sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes sendall() handed to the kernel that it has not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent, not yet acknowledged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in flight: sent, and kept until the peer acknowledges them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive buffer, not yet read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes that arrived and wait for the program&apos;s recv()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for accept():</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections the kernel completed, waiting for accept(); the gauge is full at the listen() backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+118"/>
        <source>This client&apos;s connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The listening socket (select a client above to see its connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>TCP&apos;s state and queues: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start the server to see its listening socket here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing yet: TCP&apos;s state shows here once there is a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Since %1:&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;b&gt;At %1:&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalFrontEnd</name>
    <message>
        <location filename="../../src/cli/TerminalFrontEnd.cpp" line="-48"/>
        <source>saved %1 (open it in Wireshark, or with capsock --inspect)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UdpCapitalizeServer</name>
    <message>
        <location filename="../../src/net/UdpCapitalizeServer.cpp" line="+157"/>
        <source>the others: every sender after the first %1, answered but not listed one by one (latest %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UdpClientPanel</name>
    <message>
        <location filename="../../ui/UdpClientPanel.ui" line="+76"/>
        <source>co&amp;nnect() the socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name (localhost), an IPv4 address (127.0.0.1) or an IPv6 address (::1); the servers opened to before are in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>UDP port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unconnected (the textbook&apos;s way), a closed port and a lost datagram look the same: no reply. connect() makes the system pass on the ICMP &quot;port unreachable&quot; that a closed port answers with, as &quot;refused&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/UdpClientPanel.cpp" line="+62"/>
        <source>A UDP socket for %1: no handshake, nothing is sent until a message. The system gives it a port at its first sendto().</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A UDP socket at %1, connect()ed to %2: no handshake, nothing is sent until a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The reply was longer than recvfrom() takes: the rest of it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The UDP socket is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clo&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open soc&amp;ket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clo&amp;se the socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open the socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP: sending to %1, one datagram a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP client of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP: no socket yet. Type a message: it goes as one datagram.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UdpServerPanel</name>
    <message>
        <location filename="../../ui/UdpServerPanel.ui" line="+35"/>
        <source>&amp;Bind to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bind to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>UDP port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UDP port to bind; 0 picks a free one. TCP&apos;s and UDP&apos;s ports are separate: the same number can serve both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>recvfrom si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source> bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The n of recvfrom(n), 2048 in the textbook: a longer datagram is cut, and the rest of it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Peers heard from (UDP has no connections: a peer is an address that sent a datagram)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Datagrams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Peers heard from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/UdpServerPanel.cpp" line="+80"/>
        <source>First datagram from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This datagram was longer than recvfrom(%1) takes: the rest of it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>This datagram had %n byte(s); recvfrom(%1) kept the first %1, the rest is lost.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Bound to UDP port %1: waiting for datagrams (no listen(), no accept(): UDP has no connections).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The UDP socket is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/UdpServerPanel.ui" line="-96"/>
        <location filename="../../src/gui/UdpServerPanel.cpp" line="+0"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/gui/UdpServerPanel.cpp" line="+6"/>
        <source>&amp;Stop the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP: bound to port %1, receiving with recvfrom(%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UDP server on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP: not bound. Choose where and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
