#include "net/TcpProbe.h"

#ifdef Q_OS_LINUX
#  include "net/LinuxTcpProbe.h"
#endif

std::shared_ptr<const TcpProbe> TcpProbe::forThisSystem()
{
#ifdef Q_OS_LINUX
    return std::make_shared<LinuxTcpProbe>();
#else
    return std::make_shared<UnavailableTcpProbe>();
#endif
}
