#include "gui/TcpPlotWidget.h"

#include "core/SocketEvent.h"
#include "gui/WireColors.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

#include <functional>

namespace {

// A step line through the samples in view: each value holds until the next sample.
QPainterPath steps(const TcpPlotHistory &history, const QRectF &area, qint64 top, qint64 endUs,
                   const std::function<qint64(const TcpPlotHistory::Sample &)> &value)
{
    QPainterPath path;
    const auto &samples = history.samples();
    bool started = false;
    double lastY = 0;
    for (std::size_t i = history.firstInView(endUs); i < samples.size(); ++i) {
        const qint64 v = value(samples[i]);
        if (v < 0) // not said: the line breaks
            continue;
        const double x = area.left()
            + std::max(0.0, history.x(samples[i].timeUs, area.width(), endUs));
        const double y = area.top() + TcpPlotHistory::y(v, top, area.height());
        if (!started) {
            path.moveTo(x, y);
            started = true;
        } else {
            path.lineTo(x, lastY);
            path.lineTo(x, y);
        }
        lastY = y;
    }
    if (started)
        path.lineTo(area.right(), lastY);
    return path;
}

QString rttText(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'g', 3);
}

} // namespace

TcpPlotWidget::TcpPlotWidget(QWidget *parent)
    : QWidget(parent)
    , m_clock(new QTimer(this))
{
    m_clock->setInterval(250);
    connect(m_clock, &QTimer::timeout, this, [this] {
        if (!history().samples().empty())
            update();
    });
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Plot of the queued bytes and the round-trip time"));
}

void TcpPlotWidget::setHistory(const TcpPlotHistory *history)
{
    m_history = history;
    update();
}

const TcpPlotHistory &TcpPlotWidget::history() const
{
    return m_history ? *m_history : m_empty;
}

QSize TcpPlotWidget::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, fontMetrics().height() * 7};
}

QSize TcpPlotWidget::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 20, fontMetrics().height() * 7};
}

void TcpPlotWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_clock->start();
}

void TcpPlotWidget::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_clock->stop();
}

void TcpPlotWidget::paintEvent(QPaintEvent *)
{
    const qint64 now = SocketEvent::now();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const WireColors colors(palette());
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const TcpPlotHistory &shown = history();
    const qint64 bytesTop = shown.bytesTop(now);
    const qint64 rttTop = shown.rttTopUs(now);
    const QString bytesLabel = QLocale().formattedDataSize(bytesTop, 0);
    const QString rttLabel = tr("%1 ms").arg(rttText(rttTop));
    const int pad = metrics.averageCharWidth() / 2 + 1;
    // The scales' labels above the plot, the legend below it.
    const QRectF plot(pad, line + pad, width() - 2 * pad, height() - 2 * line - 2 * pad);
    painter.setPen(colors.softText(0.7));
    if (!shown.samples().empty()) { // no scale to read before the first sample
        painter.drawText(QRectF(pad, 0, plot.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                         bytesLabel);
        painter.drawText(QRectF(pad, 0, plot.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                         rttLabel);
    }
    painter.setPen(colors.softText(0.3));
    painter.drawRect(plot);
    painter.setPen(colors.softText(0.15));
    painter.drawLine(QPointF(plot.left(), plot.center().y()),
                     QPointF(plot.right(), plot.center().y()));
    const QRectF inside = plot.adjusted(1, 1, -1, -1);
    const qreal thick = std::max(1.5, line / 8.0);
    painter.setPen(QPen(colors.tint(WireColors::sent(), 1.0, 0.9), thick));
    painter.drawPath(steps(shown, inside, bytesTop, now,
                           [](const TcpPlotHistory::Sample &s) { return s.toSend; }));
    painter.setPen(QPen(colors.tint(WireColors::received(), 1.0, 0.9), thick));
    painter.drawPath(steps(shown, inside, bytesTop, now,
                           [](const TcpPlotHistory::Sample &s) { return s.unread; }));
    painter.setPen(QPen(colors.messageStart(), thick / 1.5, Qt::DashLine));
    painter.drawPath(steps(shown, inside, rttTop, now,
                           [](const TcpPlotHistory::Sample &s) { return s.rttUs; }));
    paintLegend(painter, QRect(pad, height() - line, width() - 2 * pad, line));
}

void TcpPlotWidget::paintLegend(QPainter &painter, const QRect &area) const
{
    const WireColors colors(palette());
    const struct
    {
        QColor color;
        QString text;
    } keys[] = {
        {colors.tint(WireColors::sent(), 1.0, 0.9), tr("to send")},
        {colors.tint(WireColors::received(), 1.0, 0.9), tr("unread")},
        {colors.messageStart(), tr("RTT (right scale)")},
    };
    const QFontMetrics metrics = fontMetrics();
    const int swatch = metrics.averageCharWidth() * 2;
    int x = area.left();
    for (const auto &key : keys) {
        painter.fillRect(QRect(x, area.center().y() - 1, swatch, 3), key.color);
        x += swatch + metrics.averageCharWidth() / 2;
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(x, area.top(), area.right() - x, area.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, key.text);
        x += metrics.horizontalAdvance(key.text) + metrics.averageCharWidth() * 2;
    }
}
