#pragma once

#include <QByteArrayView>
#include <QString>

// Bytes written out for pasting elsewhere, as the byte inspector copies them.
namespace ByteLiterals {

// "49 20 61 6d"
QString hex(QByteArrayView bytes);
// b'I am \xf0\x9f\x8c\xae\n': a Python bytes literal that evaluates to exactly these bytes.
QString python(QByteArrayView bytes);
// "I am \xf0\x9f\x8c\xae\n": a C string literal of exactly these bytes (a hex escape followed by
// a hex digit is split into two adjacent literals, as C's \x escapes are greedy).
QString c(QByteArrayView bytes);

} // namespace ByteLiterals
