#include "gui/WireColors.h"

WireColors::WireColors(const QPalette &palette, QPalette::ColorRole background)
    : m_background(palette.color(background))
    , m_text(palette.color(background == QPalette::Window ? QPalette::WindowText
                                                          : QPalette::Text))
    , m_dark(m_background.lightness() < 128)
{
}

QColor WireColors::problem() const
{
    return m_dark ? QColor(255, 170, 170) : QColor(160, 0, 0);
}

QColor WireColors::messageStart() const
{
    return m_dark ? QColor(255, 170, 60) : QColor(215, 110, 0);
}

QColor WireColors::tint(const QColor &hue, qreal light, qreal dark) const
{
    return mix(m_background, hue, m_dark ? dark : light);
}

QColor WireColors::softText(qreal strength) const
{
    return mix(m_background, m_text, strength);
}

QColor WireColors::sent()
{
    return QColor(40, 120, 230);
}

QColor WireColors::received()
{
    return QColor(30, 160, 80);
}

QColor WireColors::invalid()
{
    return QColor(225, 40, 40);
}

QColor WireColors::character()
{
    return QColor(150, 90, 210);
}

QColor WireColors::mix(const QColor &from, const QColor &to, qreal amount)
{
    return QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * amount,
                            from.greenF() + (to.greenF() - from.greenF()) * amount,
                            from.blueF() + (to.blueF() - from.blueF()) * amount);
}
