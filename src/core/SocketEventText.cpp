#include "core/SocketEventText.h"

QString SocketEventText::call(const SocketEvent &) { return {}; }
QString SocketEventText::result(const SocketEvent &) { return {}; }
QString SocketEventText::callAndResult(const SocketEvent &) { return {}; }
QString SocketEventText::pythonLine(const SocketEvent &) { return {}; }
QString SocketEventText::explanation(const SocketEvent &) { return {}; }
QString SocketEventText::failure(const SocketFailure &) { return {}; }
QString SocketEventText::pythonAddress(const Endpoint &) { return {}; }
