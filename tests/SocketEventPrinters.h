#pragma once

#include "core/SocketEvent.h"

#include <QMetaEnum>

#include <ostream>

// GoogleTest prints a socket event's kinds by name ("Recv (9)"), not as raw bytes.
template<typename Enum>
void printEnum(Enum value, std::ostream *out)
{
    const char *name = QMetaEnum::fromType<Enum>().valueToKey(int(value));
    *out << (name ? name : "?") << " (" << int(value) << ')';
}

inline void PrintTo(SocketEvent::Kind kind, std::ostream *out)
{
    printEnum(kind, out);
}

inline void PrintTo(SocketEvent::CloseReason reason, std::ostream *out)
{
    printEnum(reason, out);
}

inline void PrintTo(SocketFailure::Kind kind, std::ostream *out)
{
    printEnum(kind, out);
}

inline void PrintTo(SocketEvent::TcpMoment moment, std::ostream *out)
{
    printEnum(moment, out);
}

inline void PrintTo(TcpInfo::State state, std::ostream *out)
{
    printEnum(state, out);
}
