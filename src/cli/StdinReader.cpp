#include "cli/StdinReader.h"

#include <cstdio>

#ifdef Q_OS_WIN
#  include <fcntl.h>
#  include <io.h>
#else
#  include <poll.h>
#  include <sys/stat.h>
#  include <unistd.h>
#endif

bool StdinReader::hasInputWaiting()
{
#ifdef Q_OS_WIN
    return false; // no portable peek at a console or pipe: say only what was read
#else
    if (isatty(STDIN_FILENO))
        return false;
    struct stat status = {};
    if (::fstat(STDIN_FILENO, &status) == 0 && S_ISREG(status.st_mode))
        return true;
    pollfd input{STDIN_FILENO, POLLIN, 0};
    return ::poll(&input, 1, 0) > 0 && (input.revents & (POLLIN | POLLHUP));
#endif
}

void StdinReader::run()
{
#ifdef Q_OS_WIN
    _setmode(_fileno(stdin), _O_BINARY); // bytes as they are, no "\r\n" translation
#endif
    QByteArray line;
    for (int c = std::getc(stdin); c != EOF; c = std::getc(stdin)) {
        if (c != '\n') {
            line.append(char(c));
            continue;
        }
        if (line.endsWith('\r'))
            line.chop(1);
        emit lineRead(line, true);
        line.clear();
    }
    if (!line.isEmpty())
        emit lineRead(line, false);
    emit inputEnded();
}
