#include "cli/LogWriter.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace {

// A pipe whose reading end the test holds: nobody reads it until the test does.
class Pipe
{
public:
    Pipe()
    {
        int ends[2];
        if (::pipe(ends) == 0) {
            m_read = ends[0];
            m_write = ends[1];
        }
    }
    ~Pipe()
    {
        closeReadEnd();
        if (m_write >= 0)
            ::close(m_write);
    }
    int writeEnd() const { return m_write; }
    void closeReadEnd()
    {
        if (m_read >= 0)
            ::close(m_read);
        m_read = -1;
    }

    // Everything written so far and whatever follows, until `last` has been read or nothing
    // comes for two seconds.
    QByteArray readUntil(const QByteArray &last)
    {
        QByteArray bytes;
        char chunk[65536];
        while (!bytes.contains(last)) {
            pollfd ready{m_read, POLLIN, 0};
            if (::poll(&ready, 1, 2000) <= 0)
                break;
            const ssize_t got = ::read(m_read, chunk, sizeof chunk);
            if (got <= 0)
                break;
            bytes.append(chunk, got);
        }
        return bytes;
    }

private:
    int m_read = -1;
    int m_write = -1;
};

QByteArray numbered(int i)
{
    return QByteArray("log line number ") + QByteArray::number(i)
        + QByteArray(" of a server whose log nobody reads");
}

} // namespace

TEST(LogWriterTest, ALineReachesTheReader)
{
    Pipe pipe;
    LogWriter writer(pipe.writeEnd());
    writer.writeLine("hello");
    EXPECT_EQ(pipe.readUntil("\n"), QByteArray("hello\n"));
    EXPECT_EQ(writer.droppedLines(), 0);
}

TEST(LogWriterTest, AReaderThatStopsNeverHoldsTheWriterUpAndTheGapIsCounted)
{
    Pipe pipe; // nobody reads it for now: it fills up (64 KiB on Linux), then write() blocks
    LogWriter writer(pipe.writeEnd(), 16 * 1024);
    const int lines = 100000; // 6 MB: far more than the pipe and the buffer hold
    for (int i = 0; i < lines; ++i)
        writer.writeLine(numbered(i)); // each returns at once, or this test never ends
    const qint64 dropped = writer.droppedLines();
    EXPECT_GT(dropped, 0);
    EXPECT_LT(dropped, lines);

    // The reader comes back: what was kept arrives whole and in order, then a note in the gap.
    QByteArray log = pipe.readUntil(numbered(lines - 1));
    writer.writeLine("after the gap");
    log += pipe.readUntil("after the gap\n");
    const QList<QByteArray> got = log.split('\n');
    const QRegularExpression note(QStringLiteral(
        "^\\[(\\d+) log lines? (?:was|were) dropped here: nobody read the log\\]$"));
    qint64 noted = 0;
    int previous = -1;
    for (const QByteArray &line : got) {
        if (line.isEmpty() || line == "after the gap")
            continue;
        const QRegularExpressionMatch match = note.match(QString::fromUtf8(line));
        if (match.hasMatch()) {
            noted += match.captured(1).toLongLong();
            continue;
        }
        ASSERT_TRUE(line.startsWith("log line number ")) << line.constData();
        const int number = line.mid(16, line.indexOf(' ', 16) - 16).toInt();
        ASSERT_EQ(line, numbered(number)); // whole, never a part of a line
        ASSERT_GT(number, previous);       // in order
        previous = number;
    }
    EXPECT_EQ(noted, dropped); // every dropped line is accounted for, once
    EXPECT_TRUE(log.endsWith("after the gap\n"));
}

// Who came and who left is what a teacher reads the log for: when the buffer is full of calls,
// such a line is kept still (in a reserve of its own, bounded too), and the calls dropped around
// it are counted.
TEST(LogWriterTest, AnEssentialLineIsKeptWhenCallsAroundItAreDropped)
{
    Pipe pipe;
    LogWriter writer(pipe.writeEnd(), 16 * 1024);
    for (int i = 0; i < 100000; ++i) {
        writer.writeLine(numbered(i));
        if (i % 10000 == 5000)
            writer.writeLine("#" + QByteArray::number(i) + " closed", LogWriter::Essential);
    }
    ASSERT_GT(writer.droppedLines(), 0);
    writer.writeLine("after the flood");
    const QByteArray log = pipe.readUntil("after the flood\n");
    for (int i = 5000; i < 100000; i += 10000)
        EXPECT_TRUE(log.contains("\n#" + QByteArray::number(i) + " closed\n")) << i;

    // The reserve is bounded: a flood of essential lines is dropped too, past it.
    Pipe stuck;
    LogWriter full(stuck.writeEnd(), 16 * 1024);
    for (int i = 0; i < 1000000; ++i)
        full.writeLine(numbered(i), LogWriter::Essential);
    EXPECT_GT(full.droppedLines(), 0);
}

TEST(LogWriterTest, AReaderThatIsGoneEndsTheLogNotTheProgram)
{
    Pipe pipe;
    pipe.closeReadEnd(); // as `capsock --headless --server | head -1` once head has exited
    LogWriter writer(pipe.writeEnd(), 1024);
    for (int i = 0; i < 10000; ++i)
        writer.writeLine(numbered(i)); // a SIGPIPE would end the test program here
    EXPECT_GT(writer.droppedLines(), 0);
}

TEST(LogWriterTest, StoppingWithAStuckReaderDoesNotWaitForIt)
{
    Pipe pipe;
    {
        LogWriter writer(pipe.writeEnd(), 1 << 20);
        for (int i = 0; i < 20000; ++i) // more than the pipe holds: the writer is stuck
            writer.writeLine(numbered(i));
    } // returns after LogWriter::FlushOnExitMs at the most, or this test never ends
    SUCCEED();
}
