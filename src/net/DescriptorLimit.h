#pragma once

#include <QtGlobal>

// How many files and sockets this process may have open at once (RLIMIT_NOFILE): a server
// needs one descriptor per client. Many systems start programs with a soft limit of 1024 while
// the hard limit allows far more, so a server facing a thousand clients would run out long
// before its --max-clients unless it raises the soft limit itself.
namespace DescriptorLimit {

struct Limits
{
    qint64 soft = -1; // -1: no limit, or none known (Windows has no such limit)
    qint64 hard = -1;
};

Limits current();

// Raises the soft limit as far as the hard limit allows (POSIX; nothing elsewhere) and returns
// the limits now in force. Only an unprivileged user's own ceiling: the hard limit stays.
Limits raiseToHard();

} // namespace DescriptorLimit
