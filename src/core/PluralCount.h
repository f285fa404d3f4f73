#pragma once

#include <QtGlobal>

#include <limits>

// tr()'s plural count is an int, and a byte count can pass it (a connection that carried
// 3 GiB; up to --max-unsent's 4 GiB unanswered). Such a text says its number with %1 and gives
// tr() this stand-in for choosing the plural form:
//     tr("%1 byte(s)", nullptr, pluralCount(count)).arg(count)
// It is the count itself when that fits, else a number of ten digits with the count's last
// nine: Qt's plural rules look only at a number's last few digits and whether it is small, so
// both pick the same form. Counts that always fit (clients, messages) use %n as usual.
inline int pluralCount(qint64 count)
{
    constexpr qint64 Billion = 1000000000;
    if (count <= std::numeric_limits<int>::max())
        return int(count);
    return int(Billion + count % Billion);
}
