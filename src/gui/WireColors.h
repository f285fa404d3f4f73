#pragma once

#include <QColor>

// The colours that mean the same thing everywhere in the window: bytes sent are blue, bytes
// received green, in the conversation's bubbles and in the inspector alike. Tints are mixed into
// the palette's base colour, so light and dark themes both read right.
namespace WireColors {

inline QColor mix(const QColor &from, const QColor &to, qreal amount)
{
    return QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * amount,
                            from.greenF() + (to.greenF() - from.greenF()) * amount,
                            from.blueF() + (to.blueF() - from.blueF()) * amount);
}

inline QColor sent()
{
    return QColor(40, 120, 230);
}

inline QColor received()
{
    return QColor(30, 160, 80);
}

} // namespace WireColors
