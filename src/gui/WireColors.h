#pragma once

#include <QColor>
#include <QPalette>

// The colours that mean the same thing everywhere in the window, in one palette that follows the
// light or dark theme: bytes sent are blue and bytes received green, in the conversation's
// bubbles and in the inspector alike; a problem is said in red; the bytes of one UTF-8 character
// are boxed in purple; a message's first byte is marked in orange. Tints are mixed into the
// background, so light and dark themes both read right.
class WireColors
{
public:
    // Light or dark as `palette`'s `background` is: Base behind views and fields, Window behind
    // labels. Text is drawn in Text, or WindowText on Window.
    explicit WireColors(const QPalette &palette, QPalette::ColorRole background = QPalette::Base);

    bool isDark() const { return m_dark; }

    // Text that says something went wrong: a red that reads on the background.
    QColor problem() const;
    // The line before the first byte of a message, in the inspector.
    QColor messageStart() const;
    // `hue` mixed into the background: `light` of it on a light theme, `dark` on a dark one.
    QColor tint(const QColor &hue, qreal light, qreal dark) const;
    // The text colour mixed into the background, `strength` 1 being the text itself: for what
    // is said beside the main thing, such as times and byte counts.
    QColor softText(qreal strength) const;

    // The hues, for tint().
    static QColor sent();
    static QColor received();
    static QColor invalid();   // bytes that are not UTF-8
    static QColor character(); // the bytes of one UTF-8 character

    static QColor mix(const QColor &from, const QColor &to, qreal amount);

private:
    QColor m_background;
    QColor m_text;
    bool m_dark;
};
