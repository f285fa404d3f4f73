#include "core/WindowPlacement.h"

#include <algorithm>

namespace WindowPlacement {

Pair forTwo(const QRect &available, const QMargins &frame, const QSize &minimum, int tallest)
{
    const QSize frameSize(frame.left() + frame.right(), frame.top() + frame.bottom());
    const QSize smallest = minimum + frameSize; // outer
    const int height = std::min(available.height(), tallest + frameSize.height());

    Pair pair;
    const int half = available.width() / 2;
    if (half >= smallest.width() && available.height() >= smallest.height()) {
        pair.sideBySide = true;
        pair.first = QRect(available.left(), available.top(), half, height);
        pair.second = QRect(available.left() + half, available.top(),
                            available.width() - half, height);
        return pair;
    }
    // A step no larger than the screen leaves beside a smallest window: both stay on it.
    const int room = std::min(available.width() - smallest.width(),
                              available.height() - smallest.height());
    const int step = std::clamp(std::max(frame.top(), MinimumCascadeStep), 0, std::max(0, room));
    const QSize size(available.width() - step, std::min(height, available.height() - step));
    pair.first = QRect(available.topLeft(), size);
    pair.second = QRect(available.topLeft() + QPoint(step, step), size);
    return pair;
}

} // namespace WindowPlacement
