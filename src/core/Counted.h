#pragma once

#include <QString>

// "1 byte", "17 bytes". Capsock ships no translations, and without one tr("%n byte(s)") shows
// the "(s)" to the user; this says it the way a person would.
inline QString counted(qint64 count, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}
