#pragma once

#include <QByteArrayView>
#include <QString>

// The classic "hexdump -C" layout, 16 bytes a line: offset, hex in two groups of 8, and the
// printable ASCII text between bars. For terminals (capsock --headless --hex), like ncat -x.
namespace HexDump {

// Lines end with '\n'; `firstOffset` numbers the first byte (offsets run on across a stream).
QString format(QByteArrayView bytes, qint64 firstOffset = 0);

} // namespace HexDump
