#include "cli/SegmentText.h"

namespace SegmentText {

QString line(const TcpSegment &segment, const TcpSegmentNumbering::Numbers &numbers,
             bool toServer)
{
    return QStringLiteral("%1 [%2] seq=%3 ack=%4 win=%5 len=%6")
        .arg(toServer ? QLatin1Char('>') : QLatin1Char('<'))
        .arg(segment.flagNames())
        .arg(numbers.seq)
        .arg(numbers.ack)
        .arg(segment.window)
        .arg(segment.payload.size() + segment.missingBytes);
}

} // namespace SegmentText
