#pragma once

#include <QByteArrayView>
#include <QString>

// Bytes as one readable line for logs and lists: valid UTF-8 text as itself, line ends and other
// control bytes as escapes (\n, \r, \t, \x01), invalid bytes as \xff, and "…" past `maxChars`.
namespace BytePreview {

QString escaped(QByteArrayView bytes, int maxChars = 80);

} // namespace BytePreview
