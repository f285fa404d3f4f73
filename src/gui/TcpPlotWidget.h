#pragma once

#include "core/TcpPlotHistory.h"

#include <QWidget>

class QTimer;

// A small plot of one connection over time, painted from a TcpPlotHistory: the bytes queued to
// send (blue, as bytes sent are everywhere in the window) and unread (green), on the scale at
// the left, and the RTT (orange, dashed) on the scale at the right. Each value holds until the
// next sample, since a sample comes only when something changed; the plot ends now, so a
// plateau shows as one, and while shown it moves on a few times a second.
class TcpPlotWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TcpPlotWidget(QWidget *parent = nullptr);

    // The history shown; not owned, null for none. Call update() after adding to it.
    void setHistory(const TcpPlotHistory *history);
    const TcpPlotHistory &history() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void paintLegend(QPainter &painter, const QRect &area) const;

    const TcpPlotHistory *m_history = nullptr;
    QTimer *m_clock; // moves the plot on while shown
    TcpPlotHistory m_empty;
};
