#include "QtPrinters.h"

#include "app/ApplicationInfo.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// QSettings finds the user's configuration folder once per process, on first use: this test
// must be the first in its process to use QSettings (ctest runs each test in its own).
TEST(ApplicationInfoTest, SettingsHaveAHomeOfTheirOwn)
{
    QTemporaryDir config;
    ASSERT_TRUE(config.isValid());
    const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));

    ApplicationInfo::apply();
    const QString fileName = QSettings().fileName();

    if (previous.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", previous);
    EXPECT_EQ(fileName, config.path() + QStringLiteral("/Capsock/capsock.conf"));
    EXPECT_EQ(QCoreApplication::organizationDomain(), QStringLiteral("capsock.org"));
    EXPECT_EQ(QCoreApplication::applicationVersion(), QStringLiteral(CAPSOCK_VERSION));
}

} // namespace
