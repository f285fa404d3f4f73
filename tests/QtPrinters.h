#pragma once

#include <QByteArray>
#include <QRect>
#include <QSize>
#include <QString>

#include <ostream>

// GoogleTest prints failed values through these, so a failure shows text, not raw objects.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

// For messages streamed into an assertion: EXPECT_TRUE(...) << text.
inline std::ostream &operator<<(std::ostream &out, const QString &text)
{
    return out << text.toStdString();
}

inline void PrintTo(const QByteArray &bytes, std::ostream *out)
{
    *out << '"' << bytes.left(200).toStdString() << (bytes.size() > 200 ? "\"..." : "\"")
         << " (" << bytes.size() << " bytes)";
}

inline void PrintTo(const QRect &rect, std::ostream *out)
{
    *out << "QRect(" << rect.x() << ", " << rect.y() << ", " << rect.width() << "x"
         << rect.height() << ")";
}

inline std::ostream &operator<<(std::ostream &out, const QRect &rect)
{
    PrintTo(rect, &out);
    return out;
}

inline void PrintTo(const QSize &size, std::ostream *out)
{
    *out << "QSize(" << size.width() << "x" << size.height() << ")";
}
