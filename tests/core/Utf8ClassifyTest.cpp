#include "QtPrinters.h"
#include "TestSeed.h"

#include "core/Utf8.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringDecoder>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using Utf8::ByteClass;
using Utf8::ByteRole;

namespace {

std::string roleName(ByteRole role)
{
    switch (role) {
    case ByteRole::Single: return "Single";
    case ByteRole::Lead: return "Lead";
    case ByteRole::Continuation: return "Continuation";
    case ByteRole::Invalid: return "Invalid";
    case ByteRole::Incomplete: return "Incomplete";
    }
    return "?";
}

std::string describe(const ByteClass &byteClass)
{
    std::ostringstream text;
    text << roleName(byteClass.role) << " start " << byteClass.characterStart << " length "
         << byteClass.characterLength << " U+" << std::hex << std::uppercase
         << quint32(byteClass.codePoint);
    return text.str();
}

// The bytes around `index`, with the byte at `index` in brackets.
std::string hexAround(QByteArrayView bytes, qint64 index)
{
    std::ostringstream text;
    text << std::hex << std::uppercase;
    const qint64 from = std::max<qint64>(0, index - 8);
    const qint64 to = std::min<qint64>(bytes.size(), index + 9);
    if (from > 0)
        text << "... ";
    for (qint64 i = from; i < to; ++i) {
        const int byte = uchar(bytes[i]);
        text << (i == index ? "[" : "") << (byte < 0x10 ? "0" : "") << byte
             << (i == index ? "]" : "") << (i + 1 < to ? " " : "");
    }
    if (to < bytes.size())
        text << " ...";
    return text.str();
}

bool sameClass(const ByteClass &a, const ByteClass &b)
{
    return a.role == b.role && a.characterStart == b.characterStart
           && a.characterLength == b.characterLength && a.codePoint == b.codePoint;
}

QByteArray bytesOf(std::initializer_list<int> list)
{
    QByteArray bytes;
    for (const int byte : list)
        bytes.append(char(byte));
    return bytes;
}

::testing::AssertionResult classifiesAs(const QByteArray &bytes, qint64 index,
                                        const ByteClass &expected)
{
    const ByteClass got = Utf8::classify(bytes, index);
    if (sameClass(got, expected))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << hexAround(bytes, index) << " (index " << index << ") classified as "
           << describe(got) << "; expected " << describe(expected);
}

ByteClass single(qint64 index, char32_t codePoint)
{
    return {ByteRole::Single, index, 1, codePoint};
}

ByteClass invalid(qint64 index)
{
    return {ByteRole::Invalid, index, 1, 0};
}

// Checks every byte of `bytes` against the roles in `expected`.
void expectClasses(const QByteArray &bytes, const std::vector<ByteClass> &expected)
{
    ASSERT_EQ(qsizetype(expected.size()), bytes.size());
    for (qint64 i = 0; i < bytes.size(); ++i)
        EXPECT_TRUE(classifiesAs(bytes, i, expected[size_t(i)]));
}

// Expects `sequence` (a whole valid character of `codePoint`) between two ASCII letters to be
// a lead and continuation bytes, each knowing the character.
void expectCharacter(std::initializer_list<int> sequence, char32_t codePoint)
{
    SCOPED_TRACE(::testing::Message() << "U+" << std::hex << std::uppercase
                                      << quint32(codePoint));
    const QByteArray character = bytesOf(sequence);
    const int length = int(character.size());
    const QByteArray bytes = "x" + character + "y";
    std::vector<ByteClass> expected = {single(0, 'x')};
    expected.push_back({ByteRole::Lead, 1, length, codePoint});
    for (int i = 1; i < length; ++i)
        expected.push_back({ByteRole::Continuation, 1, length, codePoint});
    expected.push_back(single(length + 1, 'y'));
    expectClasses(bytes, expected);

    // Alone, and at the very end of a buffer.
    for (qint64 i = 0; i < length; ++i) {
        EXPECT_TRUE(classifiesAs(character, i,
                                 {i == 0 ? ByteRole::Lead : ByteRole::Continuation, 0,
                                  length, codePoint}));
    }
    // Qt agrees that this is exactly one character.
    EXPECT_EQ(QString::fromUtf8(character).toUcs4(), QList<uint>{uint(codePoint)});
}

// The sequential decoder, the way the upper-caser walks a stream: from the first byte, a
// valid character is taken whole, an invalid byte is skipped alone, and a valid start the
// buffer ends before finishing takes the rest of the buffer.
std::vector<ByteClass> classifySequentially(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qint64 size = bytes.size();
    std::vector<ByteClass> classes{size_t(size)};
    qint64 at = 0;
    while (at < size) {
        const Utf8::Sequence sequence = Utf8::decode(data + at, size - at);
        switch (sequence.kind) {
        case Utf8::SequenceKind::Valid:
            for (int i = 0; i < sequence.length; ++i) {
                const ByteRole role = sequence.length == 1 ? ByteRole::Single
                                      : i == 0             ? ByteRole::Lead
                                                           : ByteRole::Continuation;
                classes[size_t(at + i)] = {role, at, sequence.length, sequence.codePoint};
            }
            at += sequence.length;
            break;
        case Utf8::SequenceKind::Incomplete: {
            // The lead's high bits announce the length: 110xxxxx, 1110xxxx, 11110xxx.
            const uchar lead = data[at];
            const int announced = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
            EXPECT_EQ(at + sequence.length, size) << "Incomplete before the end at " << at;
            for (qint64 i = at; i < size; ++i)
                classes[size_t(i)] = {ByteRole::Incomplete, at, announced, 0};
            at = size;
            break;
        }
        case Utf8::SequenceKind::Invalid:
            classes[size_t(at)] = invalid(at);
            ++at;
            break;
        }
    }
    return classes;
}

// Compares classify with the sequential decoder at every index; reports the first mismatch.
::testing::AssertionResult matchesSequential(QByteArrayView bytes)
{
    const std::vector<ByteClass> expected = classifySequentially(bytes);
    for (qint64 i = 0; i < bytes.size(); ++i) {
        const ByteClass got = Utf8::classify(bytes, i);
        if (!sameClass(got, expected[size_t(i)])) {
            return ::testing::AssertionFailure()
                   << hexAround(bytes, i) << " (index " << i << " of " << bytes.size()
                   << ") classified as " << describe(got) << "; decoding from the start gives "
                   << describe(expected[size_t(i)]);
        }
    }
    return ::testing::AssertionSuccess();
}

// Our own encoder, from the definition (RFC 3629 section 3).
QByteArray encode(char32_t codePoint)
{
    QByteArray out;
    if (codePoint < 0x80) {
        out.append(char(codePoint));
    } else if (codePoint < 0x800) {
        out.append(char(0xC0 | (codePoint >> 6)));
        out.append(char(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.append(char(0xE0 | (codePoint >> 12)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.append(char(0x80 | (codePoint & 0x3F)));
    } else {
        out.append(char(0xF0 | (codePoint >> 18)));
        out.append(char(0x80 | ((codePoint >> 12) & 0x3F)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.append(char(0x80 | (codePoint & 0x3F)));
    }
    return out;
}

// Buffers that mix valid characters of every length with every kind of junk.
class BufferMaker
{
public:
    explicit BufferMaker(quint32 seed) : m_random(seed) {}

    QByteArray make(int pieces)
    {
        QByteArray bytes;
        for (int i = 0; i < pieces; ++i)
            bytes += piece();
        return bytes;
    }

private:
    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }
    char32_t between(char32_t low, char32_t high)
    {
        return std::uniform_int_distribution<char32_t>(low, high)(m_random);
    }
    char continuation() { return char(0x80 + below(0x40)); }

    char32_t scalarValue()
    {
        switch (below(6)) {
        case 0: return between(0, 0x7F);
        case 1: return between(0x80, 0x7FF);
        case 2: return between(0x800, 0xD7FF);
        case 3: return between(0xE000, 0xFFFF);
        case 4: return between(0x10000, 0x10FFFF);
        default: {
            static const char32_t edges[] = {0x0,   0x7F,   0x80,   0x7FF,   0x800,
                                             0xD7FF, 0xE000, 0xFFFD, 0xFFFF,  0x10000,
                                             0xE9,  0x20AC, 0x1F32E, 0x10FFFF};
            return edges[below(int(std::size(edges)))];
        }
        }
    }

    char32_t multiByteScalarValue()
    {
        char32_t value = 0;
        while (value < 0x80)
            value = scalarValue();
        return value;
    }

    QByteArray piece()
    {
        switch (below(12)) {
        case 0:
        case 1:
        case 2:
        case 3: return encode(scalarValue());
        case 4: // a valid start cut short
        {
            const QByteArray whole = encode(multiByteScalarValue());
            return whole.left(1 + below(int(whole.size()) - 1));
        }
        case 5: // stray continuation bytes, up to 5 in a row
        {
            QByteArray bytes;
            for (int n = 1 + below(5); n > 0; --n)
                bytes.append(continuation());
            return bytes;
        }
        case 6: // any byte at all
            return QByteArray(1, char(below(256)));
        case 7: // a lead that can never start a character, with continuations after it
        {
            static const int bad[] = {0xC0, 0xC1, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF};
            QByteArray bytes(1, char(bad[below(int(std::size(bad)))]));
            for (int n = below(4); n > 0; --n)
                bytes.append(continuation());
            return bytes;
        }
        case 8: // an overlong form
        {
            const int form = below(3);
            if (form == 0)
                return bytesOf({0xC0 | below(2), 0x80 | below(0x40)});
            if (form == 1)
                return bytesOf({0xE0, 0x80 | below(0x20), 0x80 | below(0x40)});
            return bytesOf({0xF0, 0x80 | below(0x10), 0x80 | below(0x40), 0x80 | below(0x40)});
        }
        case 9: // a surrogate, or above U+10FFFF
            if (below(2))
                return bytesOf({0xED, 0xA0 | below(0x20), 0x80 | below(0x40)});
            return bytesOf({0xF4, 0x90 | below(0x30), 0x80 | below(0x40), 0x80 | below(0x40)});
        case 10: // a lead with the right number of continuation bytes but a bad one among them
        {
            QByteArray bytes = encode(multiByteScalarValue());
            const int bad = below(2) ? below(0x80) : 0xC0 + below(0x40);
            bytes[1 + below(int(bytes.size()) - 1)] = char(bad);
            return bytes;
        }
        default: // a valid character followed by an extra continuation byte
            return encode(multiByteScalarValue()) + continuation();
        }
    }

    std::mt19937 m_random;
};

} // namespace

TEST(Utf8ClassifyTest, AsciiIsSingle)
{
    for (int byte = 0; byte < 0x80; ++byte) {
        const QByteArray bytes = bytesOf({'a', byte, 0x80, byte});
        EXPECT_TRUE(classifiesAs(bytes, 1, single(1, char32_t(byte))));
        EXPECT_TRUE(classifiesAs(bytes, 3, single(3, char32_t(byte))));
        EXPECT_TRUE(classifiesAs(bytes, 2, invalid(2)));
    }
    EXPECT_TRUE(classifiesAs("A", 0, single(0, 'A')));
}

TEST(Utf8ClassifyTest, MultiByteCharactersKnowEveryByte)
{
    expectCharacter({0xC2, 0x80}, 0x80);
    expectCharacter({0xC3, 0xA9}, 0xE9); // é
    expectCharacter({0xDF, 0xBF}, 0x7FF);
    expectCharacter({0xE0, 0xA0, 0x80}, 0x800);
    expectCharacter({0xE2, 0x82, 0xAC}, 0x20AC); // €
    expectCharacter({0xED, 0x9F, 0xBF}, 0xD7FF);
    expectCharacter({0xEE, 0x80, 0x80}, 0xE000);
    expectCharacter({0xEF, 0xBF, 0xBF}, 0xFFFF);
    expectCharacter({0xF0, 0x90, 0x80, 0x80}, 0x10000);
    expectCharacter({0xF0, 0x9F, 0x8C, 0xAE}, 0x1F32E); // taco
    expectCharacter({0xF4, 0x8F, 0xBF, 0xBF}, 0x10FFFF);
}

TEST(Utf8ClassifyTest, CharactersBackToBack)
{
    // "é€🌮A": every character starts right where the previous one ends.
    const QByteArray bytes = bytesOf({0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x8C, 0xAE, 0x41});
    expectClasses(bytes, {{ByteRole::Lead, 0, 2, 0xE9},
                          {ByteRole::Continuation, 0, 2, 0xE9},
                          {ByteRole::Lead, 2, 3, 0x20AC},
                          {ByteRole::Continuation, 2, 3, 0x20AC},
                          {ByteRole::Continuation, 2, 3, 0x20AC},
                          {ByteRole::Lead, 5, 4, 0x1F32E},
                          {ByteRole::Continuation, 5, 4, 0x1F32E},
                          {ByteRole::Continuation, 5, 4, 0x1F32E},
                          {ByteRole::Continuation, 5, 4, 0x1F32E},
                          single(9, 'A')});
}

TEST(Utf8ClassifyTest, OverlongFormsAreInvalid)
{
    for (const QByteArray &form :
         {bytesOf({0xC0, 0xAF}), bytesOf({0xC0, 0x80}), bytesOf({0xC1, 0xBF}),
          bytesOf({0xE0, 0x80, 0x80}), bytesOf({0xE0, 0x9F, 0xBF}),
          bytesOf({0xF0, 0x80, 0x80, 0x80}), bytesOf({0xF0, 0x8F, 0xBF, 0xBF})}) {
        const QByteArray bytes = "a" + form + "b";
        std::vector<ByteClass> expected = {single(0, 'a')};
        for (qint64 i = 1; i <= form.size(); ++i)
            expected.push_back(invalid(i));
        expected.push_back(single(form.size() + 1, 'b'));
        expectClasses(bytes, expected);
        // At the end of the buffer too: an overlong start is not Incomplete either.
        const QByteArray cut = "a" + form.left(form.size() - 1);
        for (qint64 i = 1; i < cut.size(); ++i)
            EXPECT_TRUE(classifiesAs(cut, i, invalid(i)));
    }
}

TEST(Utf8ClassifyTest, SurrogatesAreInvalid)
{
    for (const QByteArray &form : {bytesOf({0xED, 0xA0, 0x80}), bytesOf({0xED, 0xAF, 0xBF}),
                                   bytesOf({0xED, 0xB0, 0x80}), bytesOf({0xED, 0xBF, 0xBF})}) {
        const QByteArray bytes = form + "z";
        expectClasses(bytes, {invalid(0), invalid(1), invalid(2), single(3, 'z')});
        EXPECT_TRUE(classifiesAs(form.left(2), 0, invalid(0)));
        EXPECT_TRUE(classifiesAs(form.left(2), 1, invalid(1)));
    }
}

TEST(Utf8ClassifyTest, AboveU10FFFFIsInvalid)
{
    expectClasses(bytesOf({0xF4, 0x90, 0x80, 0x80}),
                  {invalid(0), invalid(1), invalid(2), invalid(3)});
    expectClasses(bytesOf({0xF5, 0x80, 0x80, 0x80}),
                  {invalid(0), invalid(1), invalid(2), invalid(3)});
    expectClasses(bytesOf({0xF7, 0xBF, 0xBF, 0xBF, 0x41}),
                  {invalid(0), invalid(1), invalid(2), invalid(3), single(4, 'A')});
    for (int lead = 0xF5; lead <= 0xFF; ++lead) {
        EXPECT_TRUE(classifiesAs(bytesOf({lead}), 0, invalid(0))) << lead;
        EXPECT_TRUE(classifiesAs(bytesOf({lead, 0x80}), 1, invalid(1))) << lead;
    }
    // A truncated F4 90 can never become valid, so it is not Incomplete.
    expectClasses(bytesOf({0xF4, 0x90}), {invalid(0), invalid(1)});
}

TEST(Utf8ClassifyTest, StrayContinuationBytesAreInvalid)
{
    expectClasses(bytesOf({0x80}), {invalid(0)});
    expectClasses(bytesOf({0xBF, 0x41}), {invalid(0), single(1, 'A')});
    expectClasses(bytesOf({0x41, 0x80, 0x42}), {single(0, 'A'), invalid(1), single(2, 'B')});
    // One continuation byte too many after a whole character.
    expectClasses(bytesOf({0xC3, 0xA9, 0xA9}),
                  {{ByteRole::Lead, 0, 2, 0xE9}, {ByteRole::Continuation, 0, 2, 0xE9},
                   invalid(2)});
    expectClasses(bytesOf({0xE2, 0x82, 0xAC, 0x80, 0x80}),
                  {{ByteRole::Lead, 0, 3, 0x20AC}, {ByteRole::Continuation, 0, 3, 0x20AC},
                   {ByteRole::Continuation, 0, 3, 0x20AC}, invalid(3), invalid(4)});
}

TEST(Utf8ClassifyTest, FourOrMoreContinuationBytesInARow)
{
    for (int run = 4; run <= 9; ++run) {
        const QByteArray bytes = "A" + QByteArray(run, char(0x8C)) + "B";
        std::vector<ByteClass> expected = {single(0, 'A')};
        for (int i = 1; i <= run; ++i)
            expected.push_back(invalid(i));
        expected.push_back(single(run + 1, 'B'));
        expectClasses(bytes, expected);
    }
    // After a whole four-byte character, the run's bytes are stray however far back its
    // lead is.
    QByteArray bytes = bytesOf({0xF0, 0x9F, 0x8C, 0xAE, 0x8C, 0x8C, 0x8C, 0x8C, 0x8C});
    std::vector<ByteClass> expected(4, {ByteRole::Continuation, 0, 4, 0x1F32E});
    expected[0].role = ByteRole::Lead;
    for (int i = 4; i < 9; ++i)
        expected.push_back(invalid(i));
    expectClasses(bytes, expected);
    // At the start of a buffer.
    expectClasses(QByteArray(5, char(0xAE)),
                  {invalid(0), invalid(1), invalid(2), invalid(3), invalid(4)});
}

TEST(Utf8ClassifyTest, BadByteInsideASequence)
{
    // E2 82 41: the 41 cuts the euro sign short; E2 and 82 are junk, 41 is 'A'.
    expectClasses(bytesOf({0xE2, 0x82, 0x41}), {invalid(0), invalid(1), single(2, 'A')});
    expectClasses(bytesOf({0xF0, 0x9F, 0x8C, 0x41}),
                  {invalid(0), invalid(1), invalid(2), single(3, 'A')});
    expectClasses(bytesOf({0xF0, 0x9F, 0x41, 0xAE}),
                  {invalid(0), invalid(1), single(2, 'A'), invalid(3)});
    // A new lead inside a sequence starts a character of its own.
    expectClasses(bytesOf({0xE2, 0x82, 0xE2, 0x82, 0xAC}),
                  {invalid(0), invalid(1), {ByteRole::Lead, 2, 3, 0x20AC},
                   {ByteRole::Continuation, 2, 3, 0x20AC},
                   {ByteRole::Continuation, 2, 3, 0x20AC}});
    expectClasses(bytesOf({0xF0, 0xC3, 0xA9, 0x8C}),
                  {invalid(0), {ByteRole::Lead, 1, 2, 0xE9}, {ByteRole::Continuation, 1, 2, 0xE9},
                   invalid(3)});
}

TEST(Utf8ClassifyTest, TruncatedAtTheEndIsIncomplete)
{
    expectClasses(bytesOf({0x41, 0xE2, 0x82}),
                  {single(0, 'A'), {ByteRole::Incomplete, 1, 3, 0},
                   {ByteRole::Incomplete, 1, 3, 0}});
    expectClasses(bytesOf({0xC3}), {{ByteRole::Incomplete, 0, 2, 0}});
    expectClasses(bytesOf({0xE2}), {{ByteRole::Incomplete, 0, 3, 0}});
    expectClasses(bytesOf({0xF0}), {{ByteRole::Incomplete, 0, 4, 0}});
    expectClasses(bytesOf({0xF0, 0x9F, 0x8C}),
                  {{ByteRole::Incomplete, 0, 4, 0}, {ByteRole::Incomplete, 0, 4, 0},
                   {ByteRole::Incomplete, 0, 4, 0}});
    // Limits that are still valid starts.
    expectClasses(bytesOf({0x61, 0xF4, 0x8F, 0xBF}),
                  {single(0, 'a'), {ByteRole::Incomplete, 1, 4, 0},
                   {ByteRole::Incomplete, 1, 4, 0}, {ByteRole::Incomplete, 1, 4, 0}});
    expectClasses(bytesOf({0xED, 0x9F}),
                  {{ByteRole::Incomplete, 0, 3, 0}, {ByteRole::Incomplete, 0, 3, 0}});
    expectClasses(bytesOf({0xE0, 0xA0}),
                  {{ByteRole::Incomplete, 0, 3, 0}, {ByteRole::Incomplete, 0, 3, 0}});
    // After junk and whole characters.
    expectClasses(bytesOf({0x80, 0xC3, 0xA9, 0xF0, 0x9F}),
                  {invalid(0), {ByteRole::Lead, 1, 2, 0xE9}, {ByteRole::Continuation, 1, 2, 0xE9},
                   {ByteRole::Incomplete, 3, 4, 0}, {ByteRole::Incomplete, 3, 4, 0}});
}

TEST(Utf8ClassifyTest, TruncatedInTheMiddleIsInvalid)
{
    expectClasses(bytesOf({0xE2, 0x82, 0x20, 0x21}),
                  {invalid(0), invalid(1), single(2, ' '), single(3, '!')});
    expectClasses(bytesOf({0x41, 0xC3, 0x42}), {single(0, 'A'), invalid(1), single(2, 'B')});
    expectClasses(bytesOf({0xF0, 0x9F, 0x8C, 0x0A}),
                  {invalid(0), invalid(1), invalid(2), single(3, '\n')});
    // Cut short by the next character's lead, and the next character cut short by the end.
    expectClasses(bytesOf({0xF0, 0x9F, 0xF0, 0x9F}),
                  {invalid(0), invalid(1), {ByteRole::Incomplete, 2, 4, 0},
                   {ByteRole::Incomplete, 2, 4, 0}});
}

TEST(Utf8ClassifyTest, ShortBuffersMatchSequentialDecoding)
{
    // Exhaustive over short buffers: every pair, and every triple and quadruple of bytes at
    // the edges of the ranges UTF-8 gives them.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            const QByteArray bytes = bytesOf({a, b});
            ASSERT_TRUE(matchesSequential(bytes));
        }
    }
    const int interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                               0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
                               0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    for (const int a : interesting) {
        for (const int b : interesting) {
            for (const int c : interesting) {
                for (const int d : interesting)
                    ASSERT_TRUE(matchesSequential(bytesOf({a, b, c, d})));
                ASSERT_TRUE(matchesSequential(bytesOf({a, b, c})));
            }
        }
    }
}

TEST(Utf8ClassifyTest, RandomBuffersMatchSequentialDecodingAtEveryIndex)
{
    const quint32 seed = testSeed();
    SCOPED_TRACE(::testing::Message() << "seed " << seed << " (rerun with CAPSOCK_TEST_SEED="
                                      << seed << ")");
    BufferMaker maker(seed);
    for (int n = 0; n < 20000; ++n)
        ASSERT_TRUE(matchesSequential(maker.make(1 + n % 24))) << "buffer " << n;
    // A few long ones.
    for (int n = 0; n < 4; ++n)
        ASSERT_TRUE(matchesSequential(maker.make(50000))) << "long buffer " << n;
}

TEST(Utf8ClassifyTest, LooksAtMostThreeBytesEitherSide)
{
    // The header's promise: the byte's class depends only on the bytes within 3 of it (and on
    // where the buffer ends, if that is within 3). So a 7-byte window around it agrees.
    const quint32 seed = testSeed();
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    BufferMaker maker(seed);
    for (int n = 0; n < 300; ++n) {
        const QByteArray bytes = maker.make(40);
        for (qint64 i = 0; i < bytes.size(); ++i) {
            const qint64 from = std::max<qint64>(0, i - 3);
            const qint64 to = std::min<qint64>(bytes.size(), i + 4);
            const QByteArray window = bytes.mid(from, to - from);
            ByteClass local = Utf8::classify(window, i - from);
            local.characterStart += from;
            const ByteClass whole = Utf8::classify(bytes, i);
            ASSERT_TRUE(sameClass(local, whole))
                << hexAround(bytes, i) << " (index " << i << "): whole buffer gives "
                << describe(whole) << ", the window around it " << describe(local);
        }
    }
}

TEST(Utf8ClassifyTest, ValidBytesReencodeToThemselves)
{
    // Independently of the decoder: the code point of every whole character, encoded again,
    // is exactly its bytes; and Qt decodes the valid parts to the same code points.
    const quint32 seed = testSeed();
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    BufferMaker maker(seed);
    for (int n = 0; n < 2000; ++n) {
        const QByteArray bytes = maker.make(16);
        QList<uint> codePoints;
        QByteArray validBytes;
        for (qint64 i = 0; i < bytes.size(); ++i) {
            const ByteClass byteClass = Utf8::classify(bytes, i);
            if (byteClass.role != ByteRole::Single && byteClass.role != ByteRole::Lead)
                continue;
            const QByteArray character = bytes.mid(i, byteClass.characterLength);
            ASSERT_EQ(encode(byteClass.codePoint), character) << hexAround(bytes, i);
            ASSERT_TRUE(byteClass.codePoint < 0xD800
                        || (byteClass.codePoint > 0xDFFF && byteClass.codePoint <= 0x10FFFF));
            codePoints.append(uint(byteClass.codePoint));
            validBytes += character;
        }
        // QString::fromUtf8 drops a leading U+FEFF (a byte order mark); keep it, as we do.
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
        ASSERT_EQ(QString(decoder(validBytes)).toUcs4(), codePoints);
    }
}
