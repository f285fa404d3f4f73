#include "cli/LogWriter.h"

#include "core/PluralCount.h"

#include <QCoreApplication>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#ifdef Q_OS_WIN
#  include <io.h>
#else
#  include <cerrno>
#  include <csignal>
#  include <pthread.h>
#  include <unistd.h>
#endif

struct LogWriter::Shared
{
    int descriptor = 1;
    qsizetype capacity = DefaultBufferBytes;
    std::mutex mutex;
    std::condition_variable wake;    // lines wait, or the writer is to stop
    std::condition_variable drained; // the buffer was written out, or the reader is gone
    QByteArray buffer;
    qint64 droppedSinceNote = 0;
    qint64 droppedTotal = 0;
    bool writing = false;
    bool stopping = false;
    bool readerGone = false;
    std::thread thread;
};

namespace {

// Blocks until all of `bytes` is written, or the reader is gone for good.
bool writeAll(int descriptor, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
#ifdef Q_OS_WIN
        const int written = ::_write(descriptor, bytes.constData() + done,
                                     unsigned(std::min<qsizetype>(bytes.size() - done, 1 << 30)));
#else
        const ssize_t written = ::write(descriptor, bytes.constData() + done,
                                        size_t(bytes.size() - done));
        if (written < 0 && errno == EINTR)
            continue;
#endif
        if (written <= 0)
            return false;
        done += written;
    }
    return true;
}

QByteArray droppedNote(qint64 count)
{
    const QString note = QCoreApplication::translate(
                             "LogWriter", "[%1 log line(s) dropped here: nobody read the log]",
                             nullptr, pluralCount(count))
                             .arg(count);
    return note.toLocal8Bit() + '\n';
}

} // namespace

void LogWriter::writeUntilStopped(const std::shared_ptr<Shared> &shared)
{
#ifndef Q_OS_WIN
    // A closed pipe makes write() fail with EPIPE in this thread instead of killing the program.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
#endif
    std::unique_lock lock(shared->mutex);
    while (true) {
        shared->wake.wait(lock,
                          [&shared] { return !shared->buffer.isEmpty() || shared->stopping; });
        if (shared->buffer.isEmpty())
            break; // stopping, and everything is written
        QByteArray chunk;
        chunk.swap(shared->buffer);
        shared->writing = true;
        lock.unlock();
        const bool written = writeAll(shared->descriptor, chunk);
        lock.lock();
        shared->writing = false;
        shared->readerGone = !written;
        if (written && shared->droppedSinceNote > 0) {
            // The reader took all that was kept: the gap is said now, not with the next line,
            // which may never come. Everything kept came before the gap, so the note goes last.
            shared->buffer += droppedNote(shared->droppedSinceNote);
            shared->droppedSinceNote = 0;
        }
        shared->drained.notify_all();
        if (shared->readerGone)
            break;
    }
    shared->drained.notify_all();
}

LogWriter::LogWriter(int descriptor, qsizetype bufferBytes)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->descriptor = descriptor;
    m_shared->capacity = bufferBytes;
    m_shared->thread = std::thread(writeUntilStopped, m_shared);
}

LogWriter::~LogWriter()
{
    std::unique_lock lock(m_shared->mutex);
    m_shared->stopping = true;
    m_shared->wake.notify_all();
    const bool done = m_shared->drained.wait_for(
        lock, std::chrono::milliseconds(FlushOnExitMs), [this] {
            return (m_shared->buffer.isEmpty() && !m_shared->writing) || m_shared->readerGone;
        });
    lock.unlock();
    if (done)
        m_shared->thread.join();
    else
        m_shared->thread.detach(); // stuck in write(): it keeps m_shared alive until the exit
}

void LogWriter::writeLine(const QByteArray &line, Importance importance)
{
    const std::lock_guard lock(m_shared->mutex);
    Shared &shared = *m_shared;
    const QByteArray note = shared.droppedSinceNote > 0 ? droppedNote(shared.droppedSinceNote)
                                                        : QByteArray();
    const qsizetype room = shared.capacity + (importance == Essential ? EssentialReserveBytes : 0);
    if (shared.readerGone || shared.buffer.size() + note.size() + line.size() + 1 > room) {
        ++shared.droppedSinceNote;
        ++shared.droppedTotal;
        return;
    }
    shared.buffer += note;
    shared.buffer += line;
    shared.buffer += '\n';
    shared.droppedSinceNote = 0;
    shared.wake.notify_one();
}

qint64 LogWriter::droppedLines() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->droppedTotal;
}
