#include "gui/Appearance.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPointer>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <iterator>

namespace {

const QString ThemeKey = QStringLiteral("theme");
const QString TextSizeKey = QStringLiteral("textSize");

QString keyOf(Appearance::Theme theme)
{
    switch (theme) {
    case Appearance::Theme::System: return QStringLiteral("system");
    case Appearance::Theme::Light: return QStringLiteral("light");
    case Appearance::Theme::Dark: return QStringLiteral("dark");
    }
    return {};
}

QFont scaled(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * factor));
    return font;
}

} // namespace

Appearance::Appearance(QObject *parent)
    : QObject(parent)
    , m_systemStyle(QApplication::style()->name())
    , m_systemPalette(QApplication::palette())
    , m_systemFont(QApplication::font())
{
}

Appearance *Appearance::instance()
{
    static QPointer<Appearance> appearance;
    if (!appearance)
        appearance = new Appearance(QCoreApplication::instance());
    return appearance;
}

void Appearance::chooseTheme(Theme theme)
{
    QSettings().setValue(ThemeKey, keyOf(theme));
    if (theme == m_theme)
        return;
    applyTheme(theme);
    emit themeChosen(theme);
}

void Appearance::enlargeText()
{
    const auto larger = std::upper_bound(std::begin(TextSizes), std::end(TextSizes), m_textSize);
    if (larger != std::end(TextSizes))
        setTextSize(*larger);
}

void Appearance::shrinkText()
{
    const auto notSmaller = std::lower_bound(std::begin(TextSizes), std::end(TextSizes),
                                             m_textSize);
    if (notSmaller != std::begin(TextSizes))
        setTextSize(*std::prev(notSmaller));
}

void Appearance::resetTextSize()
{
    setTextSize(100);
}

void Appearance::setTextSize(int percent)
{
    QSettings().setValue(TextSizeKey, percent);
    applyTextSize(percent);
}

void Appearance::applyTextSize(int percent)
{
    if (percent == m_textSize)
        return;
    m_textSize = percent;
    QApplication::setFont(scaled(m_systemFont, percent / 100.0));
    emit textSizeChanged(percent);
}

QFont Appearance::fixedPitchFont(qreal leastPoints) const
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (fixed.pointSizeF() > 0 && fixed.pointSizeF() < leastPoints)
        fixed.setPointSizeF(leastPoints);
    return scaled(fixed, m_textSize / 100.0);
}

void Appearance::applyRemembered()
{
    const QSettings settings;
    const QString theme = settings.value(ThemeKey).toString();
    for (const Theme known : {Theme::Light, Theme::Dark}) {
        if (theme == keyOf(known) && known != m_theme) {
            applyTheme(known);
            emit themeChosen(known);
        }
    }
    const int textSize = settings.value(TextSizeKey, 100).toInt();
    if (std::find(std::begin(TextSizes), std::end(TextSizes), textSize) != std::end(TextSizes))
        applyTextSize(textSize);
}

// Light and dark are Fusion's: a platform's own style may draw with its theme's colours
// whatever the palette says (GTK's does).
void Appearance::applyTheme(Theme theme)
{
    m_theme = theme;
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(m_systemStyle));
        QApplication::setPalette(m_systemPalette);
        return;
    }
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette palette = theme == Theme::Dark ? darkPalette() : fusion->standardPalette();
    QApplication::setStyle(fusion);
    QApplication::setPalette(palette);
}
QPalette Appearance::darkPalette()
{
    const QColor window(53, 53, 53);
    const QColor base(36, 36, 36);
    const QColor text(230, 230, 230);
    const QColor disabledText(128, 128, 128);
    const QColor highlight(42, 130, 218);
    QPalette dark;
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(45, 45, 45));
    dark.setColor(QPalette::ToolTipBase, window);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, disabledText);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, QColor(255, 90, 90));
    dark.setColor(QPalette::Light, QColor(75, 75, 75));
    dark.setColor(QPalette::Midlight, QColor(64, 64, 64));
    dark.setColor(QPalette::Mid, QColor(40, 40, 40));
    dark.setColor(QPalette::Dark, QColor(25, 25, 25));
    dark.setColor(QPalette::Shadow, QColor(10, 10, 10));
    dark.setColor(QPalette::Link, QColor(110, 170, 255));
    dark.setColor(QPalette::LinkVisited, QColor(170, 140, 255));
    dark.setColor(QPalette::Highlight, highlight);
    dark.setColor(QPalette::HighlightedText, Qt::white);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        dark.setColor(QPalette::Disabled, role, disabledText);
    }
    dark.setColor(QPalette::Disabled, QPalette::Base, window);
    dark.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    return dark;
}
