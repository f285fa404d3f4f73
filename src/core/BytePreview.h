#pragma once

#include <QByteArrayView>
#include <QString>

// Bytes as one readable line for logs and lists: valid UTF-8 text as itself, line ends and other
// control bytes as escapes (\n, \r, \t, \x01), invalid bytes as \xff, and "…" past `maxChars`.
namespace BytePreview {

// Spaces at the edges of a line (at either end, or beside \r or \n) can not be seen: a reply of
// three spaces would be an empty bubble. Marked, they are shown as ␣, the control picture of a
// space; between words they stay spaces.
enum class Spaces { AsSpaces, MarkedAtEdges };

QString escaped(QByteArrayView bytes, int maxChars = 80, Spaces spaces = Spaces::AsSpaces);

} // namespace BytePreview
