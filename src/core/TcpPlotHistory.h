#pragma once

#include <QtGlobal>

#include <cstddef>
#include <deque>

// The numbers behind the TCP view's small plot of one connection: its queue samples over time
// (bytes queued to send, bytes unread, the RTT), at most maxSamples() of them, and where each
// falls on a plot of the last spanUs() that ends at the newest sample (a younger history is
// spread across the plot). Each axis ends at a round
// number (1, 2 or 5 times a power of ten) at least the largest value in view, so the scale reads
// at a glance and jumps only when a value outgrows it.
class TcpPlotHistory
{
public:
    struct Sample
    {
        qint64 timeUs = 0; // microseconds since the epoch
        qint64 toSend = 0; // in the send buffer: not yet sent, or not yet acknowledged
        qint64 unread = 0; // in the receive buffer, not yet read by the program
        qint64 rttUs = -1; // -1: the system did not say
    };

    static constexpr int DefaultMaxSamples = 600; // 30 s of 20 readings a second
    static constexpr qint64 DefaultSpanUs = 30'000'000;
    // The smallest scales: a few bytes or microseconds do not fill the plot.
    static constexpr qint64 MinBytesTop = 1000;
    static constexpr qint64 MinRttTopUs = 100;
    // The least time across the plot, while the history is shorter than its span.
    static constexpr qint64 MinSpanUs = 5'000'000;

    explicit TcpPlotHistory(int maxSamples = DefaultMaxSamples, qint64 spanUs = DefaultSpanUs);

    // Samples come in time order; past maxSamples() the oldest goes.
    void add(const Sample &sample);
    void clear() { m_samples.clear(); }
    const std::deque<Sample> &samples() const { return m_samples; }
    int maxSamples() const { return m_maxSamples; }
    qint64 spanUs() const { return m_spanUs; }

    // Every place below takes when the plot ends, `endUs`: now, so that a value unchanged since
    // its sample holds to the right edge; 0, or a time before the newest sample, is the newest.

    // The first sample drawn: the last one at or before the shown span's start (its value
    // holds into the span), or the first one.
    std::size_t firstInView(qint64 endUs = 0) const;
    // The tops of the axes, for the samples from firstInView(); at least the smallest scales.
    qint64 bytesTop(qint64 endUs = 0) const;
    qint64 rttTopUs(qint64 endUs = 0) const;
    // The time across the plot: the history's own length, at least MinSpanUs, at most spanUs().
    qint64 shownSpanUs(qint64 endUs = 0) const;
    // Across `width` pixels: 0 at the shown span's start, `width` at its end.
    double x(qint64 timeUs, double width, qint64 endUs = 0) const;
    // Up `height` pixels, as a painter counts them: `height` at 0, 0 at `top`.
    static double y(qint64 value, qint64 top, double height);
    // The round number at or above `value`: 1, 2 or 5 times a power of ten.
    static qint64 roundUp(qint64 value);

private:
    qint64 end(qint64 endUs) const;

    std::deque<Sample> m_samples;
    const int m_maxSamples;
    const qint64 m_spanUs;
};
