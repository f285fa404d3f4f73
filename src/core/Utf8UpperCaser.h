#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Upper-cases a stream of UTF-8 bytes that arrives in chunks, the way the lecture's server
// does with data.decode().upper().encode(), but streaming and without ever failing:
// - valid UTF-8 comes out byte-identical to Python's str.upper() (Unicode full case mapping:
//   "ß" -> "SS", "ŉ" -> "ʼN"), however the stream is cut into chunks;
// - a character cut between two chunks is held back (at most 3 bytes) until it is complete;
// - bytes that are not valid UTF-8 pass through unchanged;
// - time is linear in the input (QString::toUpper() is quadratic on special-casing text).
class Utf8UpperCaser
{
public:
    // Appends the upper-cased form of `chunk` to `out`.
    void feed(QByteArrayView chunk, QByteArray &out);
    QByteArray feed(QByteArrayView chunk);

    // End of the stream: appends whatever is held back, unchanged (it can no longer complete).
    void finish(QByteArray &out);

    // One whole message, such as a UDP datagram, upper-cased on its own and appended to `out`:
    // nothing is held back for the next one, so a character cut at its end comes back
    // unchanged, as invalid UTF-8 does. Takes the stream so far as ended, if one was fed.
    void feedWhole(QByteArrayView message, QByteArray &out);

    // Bytes of an incomplete character waiting for the next chunk.
    qsizetype heldBytes() const { return m_heldSize; }

    // The whole of `bytes` as one stream.
    static QByteArray upperCased(QByteArrayView bytes);

private:
    // Completes the character held back from the last chunk with the first bytes of this one
    // (`size` of them at `in`), writing at `out`; returns how many of them it took.
    qsizetype completeHeld(const uchar *in, qsizetype size, char *&out);

    char m_held[4] = {};
    qsizetype m_heldSize = 0;
};
