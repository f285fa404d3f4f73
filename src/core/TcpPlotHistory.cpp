#include "core/TcpPlotHistory.h"

#include <algorithm>

TcpPlotHistory::TcpPlotHistory(int maxSamples, qint64 spanUs)
    : m_maxSamples(std::max(1, maxSamples))
    , m_spanUs(std::max<qint64>(1, spanUs))
{}

void TcpPlotHistory::add(const Sample &sample)
{
    m_samples.push_back(sample);
    while (int(m_samples.size()) > m_maxSamples)
        m_samples.pop_front();
}

qint64 TcpPlotHistory::end(qint64 endUs) const
{
    return m_samples.empty() ? endUs : std::max(endUs, m_samples.back().timeUs);
}

std::size_t TcpPlotHistory::firstInView(qint64 endUs) const
{
    if (m_samples.empty())
        return 0;
    const qint64 start = end(endUs) - shownSpanUs(endUs);
    std::size_t first = m_samples.size() - 1;
    while (first > 0 && m_samples[first].timeUs > start)
        --first;
    return first;
}

qint64 TcpPlotHistory::bytesTop(qint64 endUs) const
{
    qint64 largest = MinBytesTop;
    for (std::size_t i = firstInView(endUs); i < m_samples.size(); ++i)
        largest = std::max({largest, m_samples[i].toSend, m_samples[i].unread});
    return roundUp(largest);
}

qint64 TcpPlotHistory::rttTopUs(qint64 endUs) const
{
    qint64 largest = MinRttTopUs;
    for (std::size_t i = firstInView(endUs); i < m_samples.size(); ++i)
        largest = std::max(largest, m_samples[i].rttUs);
    return roundUp(largest);
}

qint64 TcpPlotHistory::shownSpanUs(qint64 endUs) const
{
    const qint64 length = m_samples.empty() ? 0 : end(endUs) - m_samples.front().timeUs;
    return std::clamp(length, std::min(MinSpanUs, m_spanUs), m_spanUs);
}

double TcpPlotHistory::x(qint64 timeUs, double width, qint64 endUs) const
{
    const qint64 last = m_samples.empty() ? timeUs : end(endUs);
    return width - double(last - timeUs) * width / double(shownSpanUs(endUs));
}

double TcpPlotHistory::y(qint64 value, qint64 top, double height)
{
    return height - double(value) * height / double(std::max<qint64>(1, top));
}

qint64 TcpPlotHistory::roundUp(qint64 value)
{
    for (qint64 decade = 1;; decade *= 10) {
        for (const qint64 step : {1, 2, 5}) {
            if (step * decade >= value)
                return step * decade;
        }
    }
}
