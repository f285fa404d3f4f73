#pragma once

#include <QByteArray>
#include <QThread>

// Reads standard input line by line on its own thread (a blocking read is the only portable way)
// and hands each line, bytes as they are, to the event loop.
class StdinReader : public QThread
{
    Q_OBJECT

public:
    using QThread::QThread;

    // Whether more input is there to read right now without waiting for anyone: a file, or a
    // pipe holding data or already closed by its writer. Not a terminal, nor a pipe whose
    // writer is quiet (a person or a program may send more, or never).
    static bool hasInputWaiting();

signals:
    // One line without its "\n" (or "\r\n"); `hadLineEnd` is false for a last line cut by EOF.
    void lineRead(const QByteArray &line, bool hadLineEnd);
    void inputEnded();

protected:
    void run() override;
};
