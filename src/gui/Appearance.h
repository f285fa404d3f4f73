#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QString>

// How every Capsock window looks, chosen in View: the theme (the system's, or light or dark
// whatever the system says, for a projector or a dark room) and the text size (larger for a
// projector). One for the whole application: every window follows at once, and the choices
// are remembered (QSettings "theme" and "textSize") and applied at the next start.
class Appearance : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };

    // The text sizes offered, in percent of the system's.
    static constexpr int TextSizes[] = {100, 125, 150, 175, 200, 250, 300};

    // The application's one, made on first use as a child of the application.
    static Appearance *instance();

    Theme theme() const { return m_theme; }
    // Applies `theme` to every window and remembers it.
    void chooseTheme(Theme theme);

    int textSize() const { return m_textSize; } // in percent
    // The next size offered up or down (none past the ends), applied and remembered.
    void enlargeText();
    void shrinkText();
    void resetTextSize();
    // The fixed-pitch font for bytes and code, at `leastPoints` or more, times the text size.
    QFont fixedPitchFont(qreal leastPoints = 0) const;

    // Applies the choices remembered, if any (at start).
    void applyRemembered();

    // Fusion's colour roles, dark: light text on dark grey, with a blue highlight.
    static QPalette darkPalette();

signals:
    void themeChosen(Appearance::Theme theme);
    void textSizeChanged(int percent);

private:
    explicit Appearance(QObject *parent);
    void applyTheme(Theme theme);
    void setTextSize(int percent); // and remembers it
    void applyTextSize(int percent);

    Theme m_theme = Theme::System;
    int m_textSize = 100;
    // As the application started: what "System" and 100% go back to.
    QString m_systemStyle;
    QPalette m_systemPalette;
    QFont m_systemFont;
};
