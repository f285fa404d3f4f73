#pragma once

// What the byte-inspector benchmarks (bench_hexview, bench_window) feed the inspector: 64 MiB of
// mixed-language text with emoji, as a conversation's 1 KiB reads would bring it.
#include <QByteArray>
#include <QString>

namespace BenchText {

constexpr qint64 InspectorSize = 64 * 1024 * 1024;
constexpr qint64 ReadSize = 1024;

// `size` bytes of one mixed-language line (ASCII, 2-, 3- and 4-byte UTF-8) repeated; the last
// character may be cut short.
inline QByteArray mixedText(qint64 size)
{
    const QByteArray line = QStringLiteral("I am hungry for 🌮 — straße, Ελληνικά, 日本語, "
                                           "привет\n")
                                .toUtf8();
    QByteArray text;
    text.reserve(size);
    while (text.size() < size)
        text += line;
    text.truncate(size);
    return text;
}

} // namespace BenchText
