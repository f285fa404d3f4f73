#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

// The windows' colours: the system's (the default), or light or dark whatever the system
// says, for a projector or a dark room. One for the whole application: every window follows
// at once, and the choice is remembered (QSettings "theme") and applied at the next start.
class Theme : public QObject
{
    Q_OBJECT

public:
    enum class Choice { System, Light, Dark };

    // The application's one, made on first use as a child of the application.
    static Theme *instance();

    Choice choice() const { return m_choice; }
    // Applies `choice` to every window and remembers it.
    void choose(Choice choice);
    // Applies the choice remembered, if any (at start).
    void applyRemembered();

    // Fusion's colour roles, dark: light text on dark grey, with a blue highlight.
    static QPalette darkPalette();

signals:
    void chosen(Theme::Choice choice);

private:
    explicit Theme(QObject *parent);
    void apply(Choice choice);

    Choice m_choice = Choice::System;
    // As the application started: what "System" goes back to.
    QString m_systemStyle;
    QPalette m_systemPalette;
};
