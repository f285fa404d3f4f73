#include "gui/Appearance.h"
#include "gui/ConversationView.h"
#include "gui/HexView.h"
#include "gui/MainWindow.h"
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
class AppearanceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
        m_systemStyle = QApplication::style()->name();
        m_systemWindow = QApplication::palette().color(QPalette::Window);
    }
    void TearDown() override
    {
        Appearance::instance()->chooseTheme(Appearance::Theme::System);
        Appearance::instance()->resetTextSize();
    }

    // The window's item called `text` in the menu called `menuTitle`, as a user would pick it.
    static QAction *item(const MainWindow &window, const QString &menuTitle, const QString &text)
    {
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
            if (menu->title().remove(QLatin1Char('&')) != menuTitle)
                continue;
            for (QAction *action : menu->actions()) {
                if (action->text().remove(QLatin1Char('&')) == text)
                    return action;
            }
        }
        return nullptr;
    }
    static QAction *themeItem(const MainWindow &window, const QString &text)
    {
        return item(window, QStringLiteral("Theme"), text);
    }

    QTemporaryDir m_settingsDir;
    QString m_systemStyle;
    QColor m_systemWindow;
};

TEST_F(AppearanceTest, DarkDarkensEveryWindowAndItsWireColoursAndIsRemembered)
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

TEST_F(AppearanceTest, SystemGoesBackToHowTheApplicationStarted)
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

TEST_F(AppearanceTest, LightIsFusionsLightWhateverTheSystemSays)
{
    Appearance::instance(); // as the application started
    QApplication::setPalette(Appearance::darkPalette()); // then a dark desktop
    MainWindow window(false);
    QAction *light = themeItem(window, QStringLiteral("Light"));
    ASSERT_NE(light, nullptr);
    light->trigger();
    QCoreApplication::processEvents();
    EXPECT_GT(window.palette().color(QPalette::Window).lightness(), 200);
    EXPECT_FALSE(WireColors(window.findChild<HexView *>()->palette()).isDark());
}

TEST_F(AppearanceTest, TheRememberedChoiceIsAppliedAtStart)
{
    QSettings().setValue(QStringLiteral("theme"), QStringLiteral("dark"));
    Appearance::instance()->applyRemembered();
    EXPECT_EQ(Appearance::instance()->theme(), Appearance::Theme::Dark);
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 100);
    MainWindow window(false);
    QAction *dark = themeItem(window, QStringLiteral("Dark"));
    ASSERT_NE(dark, nullptr);
    EXPECT_TRUE(dark->isChecked()) << "a window opened later shows the choice";
}

TEST_F(AppearanceTest, AnUnknownRememberedChoiceLeavesTheSystems)
{
    QSettings().setValue(QStringLiteral("theme"), QStringLiteral("purple"));
    Appearance::instance()->applyRemembered();
    EXPECT_EQ(Appearance::instance()->theme(), Appearance::Theme::System);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), m_systemWindow);
}

// For a projector: View > Larger text makes every window's text larger, the bytes and the
// conversation too, and a window opened later starts at that size.
TEST_F(AppearanceTest, LargerTextEnlargesEveryWindowsTextBytesAndConversation)
{
    MainWindow window(false);
    auto *bytes = window.findChild<HexView *>();
    auto *conversation = window.findChild<ConversationView *>();
    ASSERT_NE(bytes, nullptr);
    ASSERT_NE(conversation, nullptr);
    const qreal textPoints = window.font().pointSizeF();
    const qreal bytePoints = bytes->font().pointSizeF();
    const qreal conversationPoints = conversation->font().pointSizeF();
    QAction *larger = item(window, QStringLiteral("View"), QStringLiteral("Larger text"));
    ASSERT_NE(larger, nullptr) << "View > Larger text";
    larger->trigger();
    larger->trigger();
    QCoreApplication::processEvents();
    EXPECT_EQ(Appearance::instance()->textSize(), 150);
    EXPECT_DOUBLE_EQ(window.font().pointSizeF(), textPoints * 1.5);
    EXPECT_DOUBLE_EQ(bytes->font().pointSizeF(), bytePoints * 1.5) << "the bytes too";
    EXPECT_DOUBLE_EQ(conversation->font().pointSizeF(), conversationPoints * 1.5);
    EXPECT_EQ(QSettings().value(QStringLiteral("textSize")).toInt(), 150);
    MainWindow later(false);
    EXPECT_DOUBLE_EQ(later.findChild<HexView *>()->font().pointSizeF(),
                     bytes->font().pointSizeF());
}

TEST_F(AppearanceTest, SmallerAndNormalTextComeBackToTheSystemsSizeAndNoFurther)
{
    MainWindow window(false);
    const QFont system = QApplication::font();
    QAction *larger = item(window, QStringLiteral("View"), QStringLiteral("Larger text"));
    QAction *smaller = item(window, QStringLiteral("View"), QStringLiteral("Smaller text"));
    QAction *normal = item(window, QStringLiteral("View"), QStringLiteral("Normal text size"));
    ASSERT_NE(larger, nullptr);
    ASSERT_NE(smaller, nullptr);
    ASSERT_NE(normal, nullptr);
    larger->trigger();
    smaller->trigger();
    EXPECT_EQ(QApplication::font(), system);
    smaller->trigger();
    EXPECT_EQ(Appearance::instance()->textSize(), 100) << "never smaller than the system's";
    for (int i = 0; i < 20; ++i)
        larger->trigger();
    EXPECT_EQ(Appearance::instance()->textSize(), 300) << "the largest offered";
    normal->trigger();
    EXPECT_EQ(QApplication::font(), system);
    EXPECT_EQ(larger->shortcuts().value(0), QKeySequence(QKeySequence::ZoomIn));
}

TEST_F(AppearanceTest, TheRememberedTextSizeIsAppliedAtStartAndAStrangeOneIgnored)
{
    QSettings().setValue(QStringLiteral("textSize"), 200);
    Appearance::instance()->applyRemembered();
    EXPECT_EQ(Appearance::instance()->textSize(), 200);
    Appearance::instance()->resetTextSize();
    QSettings().setValue(QStringLiteral("textSize"), 7);
    Appearance::instance()->applyRemembered();
    EXPECT_EQ(Appearance::instance()->textSize(), 100);
}

} // namespace
