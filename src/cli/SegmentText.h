#pragma once

#include "core/TcpSegmentNumbering.h"

#include <QString>

// One captured TCP segment as the headless front ends print it, as tcpdump and Wireshark
// would: "> [PSH, ACK] seq=1 ack=1 win=64 len=5", where ">" goes to the server and "<" comes
// from it.
namespace SegmentText {

QString line(const TcpSegment &segment, const TcpSegmentNumbering::Numbers &numbers,
             bool toServer);

} // namespace SegmentText
