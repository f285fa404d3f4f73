#include "cli/HeadlessInspector.h"

#include "cli/CommandLine.h"
#include "core/HexDump.h"
#include "core/PluralCount.h"
#include "net/CaptureFile.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

namespace HeadlessInspector {

namespace {

struct Translated
{
    Q_DECLARE_TR_FUNCTIONS(HeadlessInspector)
};

void print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void complain(const QString &message)
{
    std::fprintf(stderr, "capsock: %s\n", message.toLocal8Bit().constData());
}

QString timeText(qint64 timeUs)
{
    return QDateTime::fromMSecsSinceEpoch(timeUs / 1000, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral("%1 UTC").arg(timeUs % 1000, 3, 10, QLatin1Char('0'));
}

void printStream(const TcpReassembler::Stream &stream)
{
    qint64 offsets[2] = {0, 0};
    for (const TcpConversation::Transfer &transfer : stream.conversation.transfers) {
        const bool up = transfer.direction == TcpDirection::ClientToServer;
        const qint64 size = transfer.bytes.size();
        const QString heading = up
            ? Translated::tr("> %1: %2 byte(s) from the client", nullptr, pluralCount(size))
            : Translated::tr("< %1: %2 byte(s) from the server", nullptr, pluralCount(size));
        qint64 &offset = offsets[up ? 0 : 1];
        print(heading.arg(timeText(transfer.timeUs)).arg(size) + QLatin1Char('\n')
              + HexDump::format(transfer.bytes, offset));
        offset += size;
    }
}

} // namespace

int run(const CommandLine &options)
{
    const CaptureFile::Contents contents = CaptureFile::read(options.inspectFile);
    if (!contents.problem.isEmpty())
        complain(contents.problem);
    const qsizetype count = qsizetype(contents.streams.size());
    if (options.stream < 0) {
        for (qsizetype i = 0; i < count; ++i)
            print(CaptureFile::describe(contents.streams[size_t(i)], i) + QLatin1Char('\n'));
    } else if (options.stream < count) {
        printStream(contents.streams[size_t(options.stream)]);
    } else if (count > 0) {
        complain(Translated::tr("%1 has %n TCP conversation(s), #0 to #%2; there is no #%3",
                                nullptr, int(count))
                     .arg(options.inspectFile)
                     .arg(count - 1)
                     .arg(options.stream));
        return 2;
    }
    return contents.problem.isEmpty() ? 0 : 1;
}

} // namespace HeadlessInspector
