// The byte inspector with 64 MiB: appending it read by read as a conversation would, and
// painting one screenful at the start, the middle and the end. References in the same run:
// a plain QByteArray grown read by read, memcpy of the same bytes, and the least a hex view
// can paint (each visible row's "hexdump -C" line as one string). With captured TCP segments:
// painting with their boundaries, and a flood of them added.
#include "MixedText.h"

#include "gui/HexView.h"
#include "core/ByteStream.h"
#include "core/HexDump.h"
#include "core/WireSegments.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QScrollBar>

#include <benchmark/benchmark.h>

#include <cstring>

namespace {

constexpr qint64 StreamSize = BenchText::InspectorSize;
constexpr qint64 ReadSize = BenchText::ReadSize;
const QSize Screen(1000, 700);

const QByteArray &input()
{
    static const QByteArray bytes = BenchText::mixedText(StreamSize);
    return bytes;
}

// A stream of 64 MiB in 1 KiB reads, alternating directions as a conversation does.
const ByteStream &conversation()
{
    static const ByteStream stream = [] {
        ByteStream built;
        for (qint64 at = 0; at < StreamSize; at += ReadSize) {
            built.append(QByteArrayView(input()).sliced(at, ReadSize),
                         (at / ReadSize) % 2 ? ByteStream::Direction::Received
                                             : ByteStream::Direction::Sent,
                         at / (4 * ReadSize) + 1);
        }
        return built;
    }();
    return stream;
}

void BM_Append64MiBInReads(benchmark::State &state)
{
    for (auto _ : state) {
        ByteStream stream;
        HexView view;
        view.resize(Screen);
        view.setStream(&stream);
        for (qint64 at = 0; at < StreamSize; at += ReadSize) {
            stream.append(QByteArrayView(input()).sliced(at, ReadSize),
                          ByteStream::Direction::Received, at / ReadSize + 1);
            view.streamAppended(); // what the window does after each read
        }
        benchmark::DoNotOptimize(stream.size());
    }
    state.SetBytesProcessed(state.iterations() * StreamSize);
}
BENCHMARK(BM_Append64MiBInReads)->Unit(benchmark::kMillisecond);

void BM_Append64MiBInReads_StoreOnly(benchmark::State &state)
{
    for (auto _ : state) {
        ByteStream stream;
        for (qint64 at = 0; at < StreamSize; at += ReadSize) {
            stream.append(QByteArrayView(input()).sliced(at, ReadSize),
                          ByteStream::Direction::Received, at / ReadSize + 1);
        }
        benchmark::DoNotOptimize(stream.size());
    }
    state.SetBytesProcessed(state.iterations() * StreamSize);
}
BENCHMARK(BM_Append64MiBInReads_StoreOnly)->Unit(benchmark::kMillisecond);

// The least any store can do: grow one buffer read by read (on this VM, mostly page faults).
void BM_Reference_QByteArrayAppendInReads(benchmark::State &state)
{
    for (auto _ : state) {
        QByteArray bytes;
        for (qint64 at = 0; at < StreamSize; at += ReadSize)
            bytes.append(input().constData() + at, ReadSize);
        benchmark::DoNotOptimize(bytes.size());
    }
    state.SetBytesProcessed(state.iterations() * StreamSize);
}
BENCHMARK(BM_Reference_QByteArrayAppendInReads)->Unit(benchmark::kMillisecond);

void BM_Reference_Memcpy64MiB(benchmark::State &state)
{
    QByteArray target(StreamSize, Qt::Uninitialized);
    for (auto _ : state) {
        std::memcpy(target.data(), input().constData(), size_t(StreamSize));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * StreamSize);
}
BENCHMARK(BM_Reference_Memcpy64MiB)->Unit(benchmark::kMillisecond);

// Arg: where, in hundredths of the stream (0 start, 50 middle, 100 end).
void BM_PaintScreenful(benchmark::State &state)
{
    HexView view;
    view.resize(Screen);
    view.setStream(&conversation());
    view.verticalScrollBar()->setValue(
        int(view.verticalScrollBar()->maximum() * state.range(0) / 100));
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.viewport()->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_PaintScreenful)->Arg(0)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond);

// The captured TCP segments of the same 64 MiB, 1448 bytes each (a loopback MSS), in their
// lanes, one in eight sent twice (a retransmission).
const WireSegments &wireSegments()
{
    static const WireSegments segments = [] {
        WireSegments built;
        const ByteStream &stream = conversation();
        constexpr qint64 Mss = 1448;
        for (const auto direction :
             {ByteStream::Direction::Sent, ByteStream::Direction::Received}) {
            const qint64 laneSize = stream.laneSize(0, direction);
            qint64 number = 0;
            for (qint64 at = 0; at < laneSize; at += Mss) {
                const WireSegments::Segment segment{++number, at + 1, at,
                                                    std::min(Mss, laneSize - at)};
                built.add(0, direction, segment);
                if (number % 8 == 0)
                    built.add(0, direction, segment);
            }
        }
        return built;
    }();
    return segments;
}

// Arg as BM_PaintScreenful's; with the segment boundaries drawn.
void BM_PaintScreenfulWithWireSegments(benchmark::State &state)
{
    HexView view;
    view.resize(Screen);
    view.setStream(&conversation());
    view.setWireSegments(&wireSegments());
    view.verticalScrollBar()->setValue(
        int(view.verticalScrollBar()->maximum() * state.range(0) / 100));
    view.setSelection(view.layout().offsetAt(view.verticalScrollBar()->value(), 0),
                      view.layout().offsetAt(view.verticalScrollBar()->value(), 0));
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.viewport()->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_PaintScreenfulWithWireSegments)->Arg(0)->Arg(50)->Arg(100)
    ->Unit(benchmark::kMillisecond);

// A flood of captured segments into the map: 100,000 of 64 bytes, one in eight sent twice.
void BM_AddWireSegments(benchmark::State &state)
{
    for (auto _ : state) {
        WireSegments segments;
        for (qint64 number = 1; number <= 100000; ++number) {
            const WireSegments::Segment segment{number, (number - 1) * 64 + 1, (number - 1) * 64,
                                                64};
            segments.add(1, ByteStream::Direction::Received, segment);
            if (number % 8 == 0)
                segments.add(1, ByteStream::Direction::Received, segment);
        }
        benchmark::DoNotOptimize(segments.pieceCount());
    }
    state.SetItemsProcessed(state.iterations() * 112500);
}
BENCHMARK(BM_AddWireSegments)->Unit(benchmark::kMillisecond);

void BM_Reference_PaintHexdumpRows(benchmark::State &state)
{
    HexView sizing; // the same font and row height as the view
    sizing.resize(Screen);
    const int rows = int(Screen.height() / sizing.layout().rowHeight()) + 1;
    const qint64 first = StreamSize / 2 / 16 * 16;
    QImage image(Screen, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        painter.fillRect(image.rect(), Qt::white);
        painter.setFont(sizing.font());
        for (int row = 0; row < rows; ++row) {
            const qint64 at = first + row * 16;
            painter.drawText(QPointF(4, (row + 1) * sizing.layout().rowHeight()),
                             HexDump::format(QByteArrayView(input()).sliced(at, 16), at)
                                 .trimmed());
        }
    }
}
BENCHMARK(BM_Reference_PaintHexdumpRows)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
