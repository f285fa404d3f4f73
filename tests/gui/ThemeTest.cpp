#include "gui/HexView.h"
#include "gui/MainWindow.h"
#include "gui/Theme.h"
#include "gui/WireColors.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// Each test has settings of its own, and leaves the application as the system had it.
class ThemeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
        m_systemStyle = QApplication::style()->name();
        m_systemWindow = QApplication::palette().color(QPalette::Window);
    }
    void TearDown() override { Theme::instance()->choose(Theme::Choice::System); }

    // The window's View > Theme item called `text`, as a user would pick it.
    static QAction *themeItem(const MainWindow &window, const QString &text)
    {
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
            if (menu->title().remove(QLatin1Char('&')) != QLatin1String("Theme"))
                continue;
            for (QAction *action : menu->actions()) {
                if (action->text().remove(QLatin1Char('&')) == text)
                    return action;
            }
        }
        return nullptr;
    }

    QTemporaryDir m_settingsDir;
    QString m_systemStyle;
    QColor m_systemWindow;
};

TEST_F(ThemeTest, DarkDarkensEveryWindowAndItsWireColoursAndIsRemembered)
{
    MainWindow one(false);
    MainWindow other(false);
    QAction *dark = themeItem(one, QStringLiteral("Dark"));
    ASSERT_NE(dark, nullptr) << "View > Theme > Dark";
    dark->trigger();
    QCoreApplication::processEvents(); // the palette reaches the widgets by posted events
    for (const MainWindow *window : {&one, &other}) {
        EXPECT_LT(window->palette().color(QPalette::Window).lightness(), 100);
        EXPECT_GT(window->palette().color(QPalette::WindowText).lightness(), 180);
        const auto *bytes = window->findChild<HexView *>();
        ASSERT_NE(bytes, nullptr);
        EXPECT_TRUE(WireColors(bytes->palette()).isDark()) << "the inspector's tints follow";
    }
    QAction *otherDark = themeItem(other, QStringLiteral("Dark"));
    ASSERT_NE(otherDark, nullptr);
    EXPECT_TRUE(otherDark->isChecked()) << "the other window's menu says so too";
    EXPECT_EQ(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("dark"))
        << "remembered, even from a window that keeps no settings of its own (a choice made)";
}

TEST_F(ThemeTest, SystemGoesBackToHowTheApplicationStarted)
{
    MainWindow window(false);
    QAction *dark = themeItem(window, QStringLiteral("Dark"));
    QAction *system = themeItem(window, QStringLiteral("As the system"));
    ASSERT_NE(dark, nullptr);
    ASSERT_NE(system, nullptr);
    EXPECT_TRUE(system->isChecked()) << "the system's, until chosen otherwise";
    dark->trigger();
    system->trigger();
    EXPECT_EQ(QApplication::style()->name(), m_systemStyle);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), m_systemWindow);
    EXPECT_EQ(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("system"));
}

TEST_F(ThemeTest, LightIsFusionsLightWhateverTheSystemSays)
{
    Theme::instance(); // as the application started
    QApplication::setPalette(Theme::darkPalette()); // then a dark desktop
    MainWindow window(false);
    QAction *light = themeItem(window, QStringLiteral("Light"));
    ASSERT_NE(light, nullptr);
    light->trigger();
    QCoreApplication::processEvents();
    EXPECT_GT(window.palette().color(QPalette::Window).lightness(), 200);
    EXPECT_FALSE(WireColors(window.findChild<HexView *>()->palette()).isDark());
}

TEST_F(ThemeTest, TheRememberedChoiceIsAppliedAtStart)
{
    QSettings().setValue(QStringLiteral("theme"), QStringLiteral("dark"));
    Theme::instance()->applyRemembered();
    EXPECT_EQ(Theme::instance()->choice(), Theme::Choice::Dark);
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 100);
    MainWindow window(false);
    QAction *dark = themeItem(window, QStringLiteral("Dark"));
    ASSERT_NE(dark, nullptr);
    EXPECT_TRUE(dark->isChecked()) << "a window opened later shows the choice";
}

TEST_F(ThemeTest, AnUnknownRememberedChoiceLeavesTheSystems)
{
    QSettings().setValue(QStringLiteral("theme"), QStringLiteral("purple"));
    Theme::instance()->applyRemembered();
    EXPECT_EQ(Theme::instance()->choice(), Theme::Choice::System);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), m_systemWindow);
}

} // namespace
