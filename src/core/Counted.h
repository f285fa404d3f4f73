#pragma once

#include <QString>

// "1 byte", "17 bytes", in English whatever the language: the way before the English plural
// forms (resources/translations/capsock_en.ts), kept only for gui/MainWindow and gui/HexView.
// New code says tr("%n client(s)", nullptr, n), or for a byte count
// tr("%1 byte(s)", nullptr, pluralCount(count)).arg(count) (core/PluralCount.h). Remove this
// file when those two no longer include it.
inline QString counted(qint64 count, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}
