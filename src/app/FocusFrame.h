#pragma once

#include <QPainter>
#include <QPalette>
#include <QWidget>

// The views paint their own rows, and Fusion draws no focus on a scroll area's frame: a view
// that has the keyboard says so with a line in the highlight colour along its viewport's edge.
inline void paintFocusFrame(QPainter &painter, const QWidget &viewport)
{
    painter.save();
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(viewport.palette().color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(viewport.rect()).adjusted(1, 1, -1, -1));
    painter.restore();
}
