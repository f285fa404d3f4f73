#include "gui/Theme.h"

#include <QApplication>
#include <QPointer>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace {

const QString ThemeKey = QStringLiteral("theme");

QString keyOf(Theme::Choice choice)
{
    switch (choice) {
    case Theme::Choice::System: return QStringLiteral("system");
    case Theme::Choice::Light: return QStringLiteral("light");
    case Theme::Choice::Dark: return QStringLiteral("dark");
    }
    return {};
}

} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
    , m_systemStyle(QApplication::style()->name())
    , m_systemPalette(QApplication::palette())
{
}

Theme *Theme::instance()
{
    static QPointer<Theme> theme;
    if (!theme)
        theme = new Theme(QCoreApplication::instance());
    return theme;
}

void Theme::choose(Choice choice)
{
    QSettings().setValue(ThemeKey, keyOf(choice));
    if (choice == m_choice)
        return;
    apply(choice);
    emit chosen(choice);
}

void Theme::applyRemembered()
{
    const QString remembered = QSettings().value(ThemeKey).toString();
    for (const Choice choice : {Choice::Light, Choice::Dark}) {
        if (remembered == keyOf(choice) && choice != m_choice) {
            apply(choice);
            emit chosen(choice);
        }
    }
}

// Light and dark are Fusion's: a platform's own style may draw with its theme's colours
// whatever the palette says (GTK's does).
void Theme::apply(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::System) {
        QApplication::setStyle(QStyleFactory::create(m_systemStyle));
        QApplication::setPalette(m_systemPalette);
        return;
    }
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette palette = choice == Choice::Dark ? darkPalette() : fusion->standardPalette();
    QApplication::setStyle(fusion);
    QApplication::setPalette(palette);
}

QPalette Theme::darkPalette()
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
