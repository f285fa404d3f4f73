#include "QtPrinters.h"

#include "gui/ComposerWidget.h"
#include "gui/MainWindow.h"
#include "gui/WireColors.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>

// A failure shows the colour as #rrggbb.
static void PrintTo(const QColor &color, std::ostream *out)
{
    *out << color.name().toStdString();
}

namespace {

QPalette paletteOf(const QColor &base, const QColor &text, const QColor &window)
{
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}

// As Fusion's light and dark palettes are, near enough.
const QPalette Light = paletteOf(Qt::white, Qt::black, QColor(239, 239, 239));
const QPalette Dark = paletteOf(QColor(30, 30, 30), QColor(230, 230, 230), QColor(50, 50, 50));

// WCAG 2's relative luminance and contrast ratio: 4.5 is enough for text.
double luminance(const QColor &color)
{
    const auto linear = [](double channel) {
        return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF());
}

double contrast(const QColor &one, const QColor &other)
{
    const double a = luminance(one) + 0.05;
    const double b = luminance(other) + 0.05;
    return a > b ? a / b : b / a;
}

bool isRed(const QColor &color)
{
    return color.red() > color.green() + 60 && color.red() > color.blue() + 60;
}

std::string named(const QColor &color)
{
    return color.name().toStdString();
}

TEST(WireColorsTest, TheThemeIsTheBackgroundsLightness)
{
    EXPECT_FALSE(WireColors(Light).isDark());
    EXPECT_TRUE(WireColors(Dark).isDark());
    // A label stands on the window, a view on its base: each asks its own background.
    const QPalette darkWindow = paletteOf(Qt::white, Qt::black, QColor(40, 40, 40));
    EXPECT_FALSE(WireColors(darkWindow).isDark());
    EXPECT_TRUE(WireColors(darkWindow, QPalette::Window).isDark());
}

TEST(WireColorsTest, AProblemIsRedAndReadableOnLightAndOnDark)
{
    for (const QPalette &palette : {Light, Dark}) {
        for (const QPalette::ColorRole background : {QPalette::Base, QPalette::Window}) {
            const QColor problem = WireColors(palette, background).problem();
            const QColor behind = palette.color(background);
            EXPECT_TRUE(isRed(problem)) << named(problem);
            EXPECT_GE(contrast(problem, behind), 4.5)
                << named(problem) << " on " << named(behind);
        }
    }
    EXPECT_NE(WireColors(Light).problem(), WireColors(Dark).problem())
        << "one red can not read well on both";
}

TEST(WireColorsTest, TheMessageStartStandsOutOnLightAndOnDark)
{
    for (const QPalette &palette : {Light, Dark}) {
        const QColor line = WireColors(palette).messageStart();
        EXPECT_GE(contrast(line, palette.color(QPalette::Base)), 2.0) << named(line);
    }
    EXPECT_NE(WireColors(Light).messageStart(), WireColors(Dark).messageStart());
}

TEST(WireColorsTest, TintsAreMixedIntoTheBackgroundAsStronglyAsTheThemeNeeds)
{
    const QColor hues[] = {WireColors::sent(), WireColors::received(), WireColors::invalid(),
                           WireColors::character()};
    for (const QColor &hue : hues) {
        EXPECT_TRUE(hue.isValid());
        EXPECT_EQ(WireColors(Light).tint(hue, 0.1, 0.3),
                  WireColors::mix(Light.color(QPalette::Base), hue, 0.1))
            << named(hue);
        EXPECT_EQ(WireColors(Dark).tint(hue, 0.1, 0.3),
                  WireColors::mix(Dark.color(QPalette::Base), hue, 0.3))
            << named(hue);
    }
    EXPECT_TRUE(isRed(WireColors::invalid())) << named(WireColors::invalid());
    // Four hues for four meanings.
    for (size_t i = 0; i < std::size(hues); ++i)
        for (size_t j = i + 1; j < std::size(hues); ++j)
            EXPECT_NE(hues[i], hues[j]) << i << " " << j;
}

TEST(WireColorsTest, SoftTextLiesBetweenTheTextAndTheBackground)
{
    for (const QPalette &palette : {Light, Dark}) {
        const WireColors colors(palette);
        EXPECT_EQ(colors.softText(1.0), palette.color(QPalette::Text));
        EXPECT_EQ(colors.softText(0.0), palette.color(QPalette::Base));
        EXPECT_EQ(colors.softText(0.4),
                  WireColors::mix(palette.color(QPalette::Base), palette.color(QPalette::Text),
                                  0.4));
    }
}

// The widgets that say a problem ask the palette they stand on.
TEST(WireColorsTest, TheComposersHexErrorFollowsADarkTheme)
{
    for (const QPalette &palette : {Light, Dark}) {
        ComposerWidget composer;
        composer.setPalette(palette);
        composer.setHexMode(true);
        auto *message = composer.findChild<QLineEdit *>(QStringLiteral("message"));
        auto *preview = composer.findChild<QLabel *>(QStringLiteral("preview"));
        ASSERT_TRUE(message && preview);
        message->setText(QStringLiteral("48 g9"));
        ASSERT_FALSE(composer.errorText().isEmpty());
        EXPECT_EQ(preview->palette().color(QPalette::WindowText),
                  WireColors(palette, QPalette::Window).problem())
            << named(preview->palette().color(QPalette::WindowText));
    }
}

TEST(WireColorsTest, TheWindowsStateLineFollowsADarkTheme)
{
    for (const QPalette &palette : {Light, Dark}) {
        MainWindow window(false);
        window.setPalette(palette);
        window.connectToServer(QStringLiteral("[::1"), 5220); // not an address: said at once
        auto *state = window.findChild<QLabel *>(QStringLiteral("stateLabel"));
        ASSERT_NE(state, nullptr);
        ASSERT_EQ(state->text(), window.stateText());
        EXPECT_TRUE(window.stateText().contains(QStringLiteral("missing"))) << window.stateText();
        EXPECT_EQ(state->palette().color(QPalette::WindowText),
                  WireColors(palette, QPalette::Window).problem())
            << named(state->palette().color(QPalette::WindowText));
    }
}

} // namespace
