// Upper-casing throughput (product.md §6): ASCII, a realistic multilingual mix and ß only,
// with memcpy of the same size as the ceiling, and ß at two sizes to show linearity.
//
//   bench_uppercaser [benchmark options]     runs the benchmarks
//   bench_uppercaser --write-inputs DIR      writes the 16 MiB inputs (ascii.txt, mixed.txt,
//                                            sharp_s.txt) for python_upper.py, and exits
#include "core/Utf8UpperCaser.h"

#include <benchmark/benchmark.h>

#include <QByteArray>
#include <QFile>

#include <cstdio>
#include <cstring>
#include <vector>

namespace {

constexpr qsizetype MiB = 1024 * 1024;
constexpr qsizetype InputSize = 16 * MiB;

// A fixed xorshift, so every run (and python_upper.py, through --write-inputs) sees the same
// bytes.
class Sequence
{
public:
    quint32 next(quint32 bound)
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return quint32(m_state % bound);
    }

private:
    quint64 m_state = 0x9E3779B97F4A7C15ULL;
};

// Sentences picked in a fixed pseudo-random order until `size` bytes, cut back to the last
// whole character so the text stays valid UTF-8 (Python must be able to decode it).
QByteArray text(const std::vector<const char *> &sentences, qsizetype size)
{
    QByteArray result;
    result.reserve(size + 512);
    Sequence sequence;
    while (result.size() < size)
        result += sentences[sequence.next(quint32(sentences.size()))];
    qsizetype end = size;
    while (end > 0 && end < result.size() && (uchar(result[end]) & 0xC0) == 0x80)
        --end;
    result.truncate(end);
    return result;
}

QByteArray asciiText(qsizetype size)
{
    return text({"The quick brown fox jumps over the lazy dog. ",
                 "Sockets are endpoints of a two-way communication link; ",
                 "the server calls bind(), listen() and accept(), ",
                 "while the client calls connect() and then send().\n",
                 "HOST = \"\" means every interface, PORT = 5220 is the lecture's. ",
                 "Did you remember to close() the connection? ",
                 "data = conn.recv(1024) reads at most 1024 bytes at a time.\n",
                 "Hello, World! 42 times, (maybe) [more] {or} <less>... ",
                 "I am hungry for tacos, said the student at 12:30.\n"},
                size);
}

QByteArray mixedText(qsizetype size)
{
    return text({"The quick brown fox jumps over the lazy dog. ",
                 "Sockets are endpoints of a two-way communication link.\n",
                 "Der Fußgänger überquert die Straße bei Grün; ",
                 "Größe und Maß: süße Äpfel schmecken köstlich.\n",
                 "Η γρήγορη καφέ αλεπού πηδά πάνω από τον τεμπέλη σκύλο. ",
                 "Ο διακομιστής απαντά με κεφαλαία γράμματα.\n",
                 "Съешь же ещё этих мягких французских булок, да выпей чаю. ",
                 "Сервер отвечает заглавными буквами.\n",
                 "いろはにほへと ちりぬるを わかよたれそ つねならむ。",
                 "東京でソケット通信を勉強しています。\n",
                 "I am hungry for 🌮 and 🍣! 😀👍🏽 ",
                 "Ça va? Où est la gare? Naïve café, résumé. "},
                size);
}

QByteArray sharpS(qsizetype size)
{
    return QByteArray("ß").repeated(size / 2);
}

// Where the input lies relative to the output, modulo a 4 KiB page, changes the speed by up
// to 1.5x ("4K aliasing": see Utf8UpperCaser.cpp); left to the allocator it changes from run
// to run. So it is fixed: Apart (half a page apart, as buffers of a connection mostly are) or
// SamePageOffset (the worst case, as two large buffers from malloc/mmap often are).
enum class Placement { Apart, SamePageOffset };

// Upper-cases the whole input as one stream per iteration, in chunks of `chunkSize`; the
// output buffer keeps its capacity between iterations, as a connection's buffer would.
void upperCase(benchmark::State &state, const QByteArray &source, qsizetype chunkSize,
               Placement placement = Placement::Apart)
{
    constexpr quintptr Page = 4096;
    QByteArray out;
    out.reserve(3 * source.size() + 64); // more than feed() asks for: it never reallocates
    const char *const outData = out.constData();
    const quintptr distance = placement == Placement::Apart ? Page / 2 : 0;
    std::vector<char> storage(size_t(source.size()) + Page);
    const quintptr wanted = (quintptr(outData) + distance) % Page;
    const quintptr skip = (wanted + Page - quintptr(storage.data()) % Page) % Page;
    char *input = storage.data() + skip;
    std::memcpy(input, source.constData(), size_t(source.size()));
    const QByteArrayView view(input, source.size());

    Utf8UpperCaser caser;
    auto upperCaseAll = [&] {
        out.resize(0);
        for (qsizetype at = 0; at < view.size(); at += chunkSize)
            caser.feed(view.sliced(at, std::min(chunkSize, view.size() - at)), out);
        caser.finish(out);
    };
    // Once untimed: the first touch of each output page costs a page fault (~15 us in this
    // VM: more than upper-casing the page), which only the first iterations would pay.
    upperCaseAll();
    for (auto _ : state) {
        upperCaseAll();
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    if (out.constData() != outData)
        state.SkipWithError("the output buffer moved: placement not as intended");
    state.SetBytesProcessed(qint64(state.iterations()) * source.size());
    state.counters["out/in"] = double(out.size()) / double(source.size());
}

void BM_UpperCase_Ascii(benchmark::State &state)
{
    static const QByteArray input = asciiText(InputSize);
    upperCase(state, input, input.size());
}

void BM_UpperCase_Mixed(benchmark::State &state)
{
    static const QByteArray input = mixedText(InputSize);
    upperCase(state, input, input.size());
}

void BM_UpperCase_SharpS(benchmark::State &state)
{
    static const QByteArray input = sharpS(InputSize);
    upperCase(state, input, input.size());
}

void BM_UpperCase_Mixed_SamePageOffset(benchmark::State &state)
{
    static const QByteArray input = mixedText(InputSize);
    upperCase(state, input, input.size(), Placement::SamePageOffset);
}

void BM_UpperCase_SharpS_SamePageOffset(benchmark::State &state)
{
    static const QByteArray input = sharpS(InputSize);
    upperCase(state, input, input.size(), Placement::SamePageOffset);
}

// The server's way: recv(1024)-sized chunks.
void BM_UpperCase_Mixed_1KiBChunks(benchmark::State &state)
{
    static const QByteArray input = mixedText(InputSize);
    upperCase(state, input, 1024);
}

// Same ß input at state.range(0) MiB: 64 MiB should take about 4x the time of 16 MiB.
void BM_UpperCase_SharpS_Scaling(benchmark::State &state)
{
    const QByteArray input = sharpS(state.range(0) * MiB);
    upperCase(state, input, input.size());
}

void BM_Memcpy(benchmark::State &state)
{
    const QByteArray input = asciiText(InputSize);
    std::vector<char> out(size_t(input.size()));
    for (auto _ : state) {
        std::memcpy(out.data(), input.constData(), out.size());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(qint64(state.iterations()) * input.size());
}

BENCHMARK(BM_Memcpy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpperCase_Ascii)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpperCase_Mixed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpperCase_SharpS)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpperCase_Mixed_SamePageOffset)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpperCase_SharpS_SamePageOffset)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpperCase_Mixed_1KiBChunks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UpperCase_SharpS_Scaling)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);

bool writeInputs(const QString &directory)
{
    const std::pair<const char *, QByteArray> inputs[] = {
        {"ascii.txt", asciiText(InputSize)},
        {"mixed.txt", mixedText(InputSize)},
        {"sharp_s.txt", sharpS(InputSize)}};
    for (const auto &[name, bytes] : inputs) {
        QFile file(directory + QLatin1Char('/') + QLatin1String(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--write-inputs") == 0) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "--write-inputs needs a directory\n");
                return 2;
            }
            return writeInputs(QString::fromLocal8Bit(argv[i + 1])) ? 0 : 1;
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
