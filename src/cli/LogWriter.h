#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <memory>

// Writes a log (the headless server's standard output) without ever making its caller wait.
// A reader may stop reading at any time: a terminal paused with Ctrl-S, `| less` not scrolled, a
// pipe into a program that hangs. A plain fwrite() then blocks, and with it the event loop and
// every client. Here lines go into a bounded buffer that a thread of its own writes out; when
// the buffer is full, lines are dropped and counted, and once the reader takes lines again a
// line in their place says how many were lost. A reader that goes away for good (a closed pipe)
// ends the writing, not the program: SIGPIPE is blocked in the writing thread.
class LogWriter
{
public:
    // Some 3000 lines of the server's log: more than a reader that pauses for a moment misses.
    static constexpr qsizetype DefaultBufferBytes = 256 * 1024;

    // `descriptor` stays open and owned by the caller (1 for standard output).
    explicit LogWriter(int descriptor, qsizetype bufferBytes = DefaultBufferBytes);
    // Writes what is still buffered if the reader takes it within `FlushOnExitMs`, then gives up:
    // a stuck reader must not keep a stopped server from exiting.
    ~LogWriter();
    LogWriter(const LogWriter &) = delete;
    LogWriter &operator=(const LogWriter &) = delete;

    static constexpr int FlushOnExitMs = 1000;

    // A line that says who came and who left (Essential) is kept when routine ones (each call)
    // are dropped: it has a reserve of its own beyond the buffer, bounded too.
    enum Importance { Routine, Essential };
    // Some 15,000 essential lines.
    static constexpr qsizetype EssentialReserveBytes = 1024 * 1024;

    // Queues `line` and a line feed; never blocks. Drops it (and counts it) when the buffer is
    // full (and, for an essential line, its reserve too).
    void writeLine(const QByteArray &line, Importance importance = Routine);
    // Lines dropped so far, whether or not the note about them has been written yet.
    qint64 droppedLines() const;

private:
    struct Shared;
    static void writeUntilStopped(const std::shared_ptr<Shared> &shared);

    std::shared_ptr<Shared> m_shared; // also held by the writing thread, which may outlive us
};
