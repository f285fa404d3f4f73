#include "net/DescriptorLimit.h"

#ifdef Q_OS_UNIX
#  include <sys/resource.h>

#  include <climits> // OPEN_MAX, where the system has one (macOS)
#endif

namespace DescriptorLimit {

#ifdef Q_OS_UNIX
namespace {
qint64 fromRlimit(rlim_t value)
{
    return value == RLIM_INFINITY ? -1 : qint64(value);
}
} // namespace
#endif

Limits current()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0)
        return {fromRlimit(limit.rlim_cur), fromRlimit(limit.rlim_max)};
#endif
    return {};
}

Limits raiseToHard()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == limit.rlim_max)
        return current();
    // The hard limit itself first. Some systems take less than an unlimited or very high hard
    // limit for the soft one (macOS: OPEN_MAX; Linux: fs.nr_open, 1048576 by default), so
    // smaller steps follow; the first the system accepts wins.
    const rlim_t candidates[] = {
        limit.rlim_max,
        rlim_t(1) << 20,
#  ifdef OPEN_MAX
        rlim_t(OPEN_MAX),
#  endif
        65536,
        8192,
    };
    for (const rlim_t candidate : candidates) {
        if (candidate <= limit.rlim_cur
            || (limit.rlim_max != RLIM_INFINITY && candidate > limit.rlim_max)) {
            continue;
        }
        rlimit raised = limit;
        raised.rlim_cur = candidate;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            break;
    }
#endif
    return current();
}

} // namespace DescriptorLimit
