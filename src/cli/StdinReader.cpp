#include "cli/StdinReader.h"

#include <cstdio>

#ifdef Q_OS_WIN
#  include <fcntl.h>
#  include <io.h>
#endif

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
