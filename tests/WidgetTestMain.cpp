#include "core/Translations.h"

#include <QApplication>

#include <gtest/gtest.h>

// Widget tests run in a real QApplication on the offscreen platform: real widgets, real
// painting and events, no display needed.
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Translations::install(); // tests read "1 byte" and "2 bytes", as users do
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
