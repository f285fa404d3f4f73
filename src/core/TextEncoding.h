#pragma once

#include <QByteArray>
#include <QString>

// What ends each message a client sends: nothing, exactly as the lecture's client sends
// (sock.send(message.encode())), "\n" or "\r\n". With one, a server that reads lines (nc, a
// homework's readline()) knows where a message ends, and the client knows where its reply does.
enum class LineEnding { None, Lf, CrLf };

// How typed text becomes the bytes that go out, as the lecture's client makes them with
// str.encode(): UTF-8, then the line ending. The client engine sends bytes; the composer, the
// command line and the headless client decide them here.
namespace TextEncoding {

// The bytes of a line ending: none, "\n" (0a) or "\r\n" (0d 0a).
QByteArray lineEndingBytes(LineEnding ending);

// `text` as UTF-8, followed by the line ending's bytes: (message + "\n").encode().
QByteArray encode(const QString &text, LineEnding ending);

} // namespace TextEncoding
