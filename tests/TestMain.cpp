#include "core/Translations.h"

#include <QCoreApplication>

#ifdef CAPSOCK_TEST_EPOLL_LOOP
#  include "net/SocketWatch.h"
#endif

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
#ifdef CAPSOCK_TEST_EPOLL_LOOP
    SocketWatch::useEpollEventLoop();
#endif
    QCoreApplication app(argc, argv);
    Translations::install(); // tests read "1 byte" and "2 bytes", as users do
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
