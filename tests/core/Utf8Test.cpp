#include "core/Utf8.h"

#include <QString>

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

using Utf8::SequenceKind;

namespace {

std::string kindName(SequenceKind kind)
{
    switch (kind) {
    case SequenceKind::Valid: return "Valid";
    case SequenceKind::Incomplete: return "Incomplete";
    case SequenceKind::Invalid: return "Invalid";
    }
    return "?";
}

std::string hex(const std::vector<uchar> &bytes)
{
    std::ostringstream text;
    text << std::hex << std::uppercase;
    for (size_t i = 0; i < bytes.size(); ++i)
        text << (i ? " " : "") << (bytes[i] < 0x10 ? "0" : "") << int(bytes[i]);
    return text.str();
}

// Decodes exactly `bytes`: the vector is the whole of what is available, so reading past it
// is caught by sanitizers and, below, by tests that put a telling byte just past `available`.
Utf8::Sequence decodeAll(const std::vector<uchar> &bytes)
{
    return Utf8::decode(bytes.data(), qsizetype(bytes.size()));
}

::testing::AssertionResult decodesTo(std::initializer_list<uchar> list, SequenceKind kind,
                                     int length, char32_t codePoint = 0)
{
    const std::vector<uchar> bytes(list);
    const Utf8::Sequence got = decodeAll(bytes);
    if (got.kind == kind && got.length == length
        && (kind != SequenceKind::Valid || got.codePoint == codePoint)) {
        return ::testing::AssertionSuccess();
    }
    std::ostringstream text;
    text << "[" << hex(bytes) << "] decoded as " << kindName(got.kind) << " length "
         << got.length << " U+" << std::hex << std::uppercase << quint32(got.codePoint)
         << "; expected " << kindName(kind) << " length " << std::dec << length << " U+"
         << std::hex << quint32(codePoint);
    return ::testing::AssertionFailure() << text.str();
}

// The definition of UTF-8 written out plainly and independently of Utf8::decode: the lead's
// bit pattern gives the length, the rest must be continuation bytes, and the value must be a
// scalar value that needs exactly that many bytes.
bool referenceValid(const std::vector<uchar> &bytes)
{
    const uchar lead = bytes[0];
    size_t length = 0;
    char32_t value = 0;
    if ((lead & 0x80) == 0x00) {
        length = 1;
        value = lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    } else {
        return false;
    }
    if (bytes.size() != length)
        return false;
    for (size_t i = 1; i < length; ++i) {
        if ((bytes[i] & 0xC0) != 0x80)
            return false;
        value = (value << 6) | (bytes[i] & 0x3F);
    }
    static const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    return value >= minimum[length] && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
}

int referenceLength(uchar lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

// Whether some continuation bytes appended to `prefix` make a valid character.
bool referenceCanComplete(std::vector<uchar> prefix)
{
    const int length = referenceLength(prefix[0]);
    if (length == 0 || int(prefix.size()) >= length)
        return referenceValid(prefix);
    for (int byte = 0x80; byte <= 0xBF; ++byte) {
        prefix.push_back(uchar(byte));
        if (referenceCanComplete(prefix))
            return true;
        prefix.pop_back();
    }
    return false;
}

} // namespace

TEST(Utf8Test, AsciiIsOneByteEach)
{
    for (int byte = 0; byte < 0x80; ++byte) {
        const uchar data[] = {uchar(byte), 0x80};
        const Utf8::Sequence got = Utf8::decode(data, 2);
        EXPECT_EQ(got.kind, SequenceKind::Valid) << byte;
        EXPECT_EQ(got.length, 1) << byte;
        EXPECT_EQ(got.codePoint, char32_t(byte)) << byte;
        EXPECT_EQ(Utf8::announcedLength(uchar(byte)), 1) << byte;
    }
}

TEST(Utf8Test, SmallestAndLargestOfEachLength)
{
    EXPECT_TRUE(decodesTo({0x00}, SequenceKind::Valid, 1, 0x0));
    EXPECT_TRUE(decodesTo({0x7F}, SequenceKind::Valid, 1, 0x7F));
    EXPECT_TRUE(decodesTo({0xC2, 0x80}, SequenceKind::Valid, 2, 0x80));
    EXPECT_TRUE(decodesTo({0xDF, 0xBF}, SequenceKind::Valid, 2, 0x7FF));
    EXPECT_TRUE(decodesTo({0xE0, 0xA0, 0x80}, SequenceKind::Valid, 3, 0x800));
    EXPECT_TRUE(decodesTo({0xEF, 0xBF, 0xBF}, SequenceKind::Valid, 3, 0xFFFF));
    EXPECT_TRUE(decodesTo({0xF0, 0x90, 0x80, 0x80}, SequenceKind::Valid, 4, 0x10000));
    EXPECT_TRUE(decodesTo({0xF4, 0x8F, 0xBF, 0xBF}, SequenceKind::Valid, 4, 0x10FFFF));
    // Some everyday characters: é, €, 🌮.
    EXPECT_TRUE(decodesTo({0xC3, 0xA9}, SequenceKind::Valid, 2, 0xE9));
    EXPECT_TRUE(decodesTo({0xE2, 0x82, 0xAC}, SequenceKind::Valid, 3, 0x20AC));
    EXPECT_TRUE(decodesTo({0xF0, 0x9F, 0x8C, 0xAE}, SequenceKind::Valid, 4, 0x1F32E));
}

TEST(Utf8Test, ValidCharacterIgnoresWhatFollows)
{
    EXPECT_TRUE(decodesTo({0x41, 0x80}, SequenceKind::Valid, 1, 0x41));
    EXPECT_TRUE(decodesTo({0xC3, 0xA9, 0xFF}, SequenceKind::Valid, 2, 0xE9));
    EXPECT_TRUE(decodesTo({0xE2, 0x82, 0xAC, 0x80}, SequenceKind::Valid, 3, 0x20AC));
}

TEST(Utf8Test, OverlongFormsAreInvalid)
{
    EXPECT_TRUE(decodesTo({0xC0, 0x80}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xC0, 0xAF}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xC1, 0xBF}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xE0, 0x80, 0x80}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xE0, 0x9F, 0xBF}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x80, 0x80, 0x80}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x8F, 0xBF, 0xBF}, SequenceKind::Invalid, 1));
    // Even alone, C0 and C1 can start nothing but an overlong form.
    EXPECT_TRUE(decodesTo({0xC0}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xC1}, SequenceKind::Invalid, 1));
    EXPECT_EQ(Utf8::announcedLength(0xC0), 0);
    EXPECT_EQ(Utf8::announcedLength(0xC1), 0);
}

TEST(Utf8Test, SurrogatesAreInvalid)
{
    EXPECT_TRUE(decodesTo({0xED, 0x9F, 0xBF}, SequenceKind::Valid, 3, 0xD7FF));
    EXPECT_TRUE(decodesTo({0xED, 0xA0, 0x80}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xED, 0xB2, 0x80}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xED, 0xBF, 0xBF}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xEE, 0x80, 0x80}, SequenceKind::Valid, 3, 0xE000));
}

TEST(Utf8Test, AboveMaximumIsInvalid)
{
    EXPECT_TRUE(decodesTo({0xF4, 0x90, 0x80, 0x80}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF4, 0xBF, 0xBF, 0xBF}, SequenceKind::Invalid, 1));
    for (int lead = 0xF5; lead <= 0xFF; ++lead) {
        const uchar data[] = {uchar(lead), 0x80, 0x80, 0x80, 0x80, 0x80};
        const Utf8::Sequence got = Utf8::decode(data, 6);
        EXPECT_EQ(got.kind, SequenceKind::Invalid) << std::hex << lead;
        EXPECT_EQ(got.length, 1) << std::hex << lead;
        EXPECT_EQ(Utf8::announcedLength(uchar(lead)), 0) << std::hex << lead;
    }
}

TEST(Utf8Test, StrayContinuationIsInvalid)
{
    for (int byte = 0x80; byte <= 0xBF; ++byte) {
        const uchar data[] = {uchar(byte), 0x80, 0x80};
        const Utf8::Sequence got = Utf8::decode(data, 3);
        EXPECT_EQ(got.kind, SequenceKind::Invalid) << std::hex << byte;
        EXPECT_EQ(got.length, 1) << std::hex << byte;
        EXPECT_TRUE(Utf8::isContinuation(uchar(byte)));
        EXPECT_EQ(Utf8::announcedLength(uchar(byte)), 0);
    }
    EXPECT_FALSE(Utf8::isContinuation(0x7F));
    EXPECT_FALSE(Utf8::isContinuation(0xC0));
}

TEST(Utf8Test, TruncatedAtEndIsIncomplete)
{
    EXPECT_TRUE(decodesTo({0xC2}, SequenceKind::Incomplete, 1));
    EXPECT_TRUE(decodesTo({0xDF}, SequenceKind::Incomplete, 1));
    EXPECT_TRUE(decodesTo({0xE0}, SequenceKind::Incomplete, 1));
    EXPECT_TRUE(decodesTo({0xE2, 0x82}, SequenceKind::Incomplete, 2));
    EXPECT_TRUE(decodesTo({0xED, 0x9F}, SequenceKind::Incomplete, 2));
    EXPECT_TRUE(decodesTo({0xF0}, SequenceKind::Incomplete, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x9F}, SequenceKind::Incomplete, 2));
    EXPECT_TRUE(decodesTo({0xF0, 0x9F, 0x8C}, SequenceKind::Incomplete, 3));
    EXPECT_TRUE(decodesTo({0xF4, 0x8F, 0xBF}, SequenceKind::Incomplete, 3));
}

TEST(Utf8Test, TruncatedButAlreadyWrongIsInvalid)
{
    // The bytes seen so far can begin no valid character, so waiting for more is pointless.
    EXPECT_TRUE(decodesTo({0xE0, 0x80}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xED, 0xA0}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x8F}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF4, 0x90}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xE2, 0x41}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x9F, 0x41}, SequenceKind::Invalid, 1));
}

TEST(Utf8Test, ReadsNoFurtherThanAvailable)
{
    // The byte just past `available` would make the character invalid if it were read.
    const uchar twoOfThree[] = {0xE2, 0x82, 0x41};
    const Utf8::Sequence got = Utf8::decode(twoOfThree, 2);
    EXPECT_EQ(got.kind, SequenceKind::Incomplete);
    EXPECT_EQ(got.length, 2);
    const uchar oneOfTwo[] = {0xC3, 0xFF};
    EXPECT_EQ(Utf8::decode(oneOfTwo, 1).kind, SequenceKind::Incomplete);
    const uchar threeOfFour[] = {0xF0, 0x9F, 0x8C, 0xC0};
    EXPECT_EQ(Utf8::decode(threeOfFour, 3).kind, SequenceKind::Incomplete);
    EXPECT_EQ(Utf8::decode(threeOfFour, 3).length, 3);
}

TEST(Utf8Test, BadLaterByteIsInvalid)
{
    EXPECT_TRUE(decodesTo({0xC2, 0x41}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xC2, 0xC0}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xE2, 0x41, 0xAC}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xE2, 0x82, 0x41}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xE2, 0x82, 0xE2}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x41, 0x8C, 0xAE}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x9F, 0x41, 0xAE}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x9F, 0x8C, 0x41}, SequenceKind::Invalid, 1));
    EXPECT_TRUE(decodesTo({0xF0, 0x9F, 0x8C, 0xFF}, SequenceKind::Invalid, 1));
}

// Every lead and second byte, with telling third and fourth bytes, against the reference.
TEST(Utf8Test, AgreesWithReferenceOnWholeSequences)
{
    const uchar later[] = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xFF};
    int failures = 0;
    for (int lead = 0; lead <= 0xFF && failures < 20; ++lead) {
        const int length = std::max(referenceLength(uchar(lead)), 1);
        for (int second = 0; second <= 0xFF; ++second) {
            for (uchar third : later) {
                for (uchar fourth : later) {
                    const std::vector<uchar> all = {uchar(lead), uchar(second), third, fourth};
                    const std::vector<uchar> character(all.begin(), all.begin() + length);
                    const bool valid = referenceValid(character);
                    const Utf8::Sequence got = Utf8::decode(all.data(), 4);
                    const bool ok = valid
                        ? got.kind == SequenceKind::Valid && got.length == length
                        : got.kind == SequenceKind::Invalid && got.length == 1;
                    if (!ok && ++failures <= 20) {
                        ADD_FAILURE() << "[" << hex(all) << "] decoded as " << kindName(got.kind)
                                      << " length " << got.length << ", reference says "
                                      << (valid ? "valid" : "invalid");
                    }
                }
            }
        }
    }
}

// Every prefix a stream can end on, against the reference: Incomplete exactly when some
// continuation bytes would complete it.
TEST(Utf8Test, AgreesWithReferenceOnTruncatedSequences)
{
    int failures = 0;
    auto check = [&failures](const std::vector<uchar> &prefix) {
        if (int(prefix.size()) >= std::max(referenceLength(prefix[0]), 1))
            return; // not truncated
        const bool completable = referenceCanComplete(prefix);
        const Utf8::Sequence got = decodeAll(prefix);
        const bool ok = completable
            ? got.kind == SequenceKind::Incomplete && got.length == int(prefix.size())
            : got.kind == SequenceKind::Invalid && got.length == 1;
        if (!ok && ++failures <= 20) {
            ADD_FAILURE() << "[" << hex(prefix) << "] decoded as " << kindName(got.kind)
                          << " length " << got.length << ", reference says "
                          << (completable ? "incomplete" : "invalid");
        }
    };
    for (int lead = 0x80; lead <= 0xFF; ++lead) {
        check({uchar(lead)});
        if (referenceLength(uchar(lead)) < 3)
            continue;
        for (int second = 0; second <= 0xFF; ++second) {
            check({uchar(lead), uchar(second)});
            if (referenceLength(uchar(lead)) < 4 || !Utf8::isContinuation(uchar(second)))
                continue;
            for (int third = 0; third <= 0xFF; ++third)
                check({uchar(lead), uchar(second), uchar(third)});
        }
    }
}

TEST(Utf8Test, EncodeRoundTripsEveryScalarValue)
{
    int failures = 0;
    for (char32_t codePoint = 0; codePoint <= 0x10FFFF; ++codePoint) {
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
            continue;
        char buffer[8] = {};
        const int length = Utf8::encode(codePoint, buffer);
        const int expectedLength = codePoint < 0x80 ? 1
            : codePoint < 0x800                     ? 2
            : codePoint < 0x10000                   ? 3
                                                    : 4;
        // Qt's own encoder is the independent reference for the bytes. The "x" in front keeps
        // fromUcs4() from taking U+FEFF for a byte order mark and dropping it.
        const char32_t prefixed[] = {U'x', codePoint};
        const QByteArray reference = QString::fromUcs4(prefixed, 2).toUtf8().mid(1);
        const Utf8::Sequence decoded =
            Utf8::decode(reinterpret_cast<const uchar *>(buffer), length);
        const bool ok = length == expectedLength
            && QByteArray(buffer, length) == reference
            && decoded.kind == SequenceKind::Valid && decoded.length == length
            && decoded.codePoint == codePoint;
        if (!ok && ++failures <= 20) {
            ADD_FAILURE() << "U+" << std::hex << std::uppercase << quint32(codePoint)
                          << " encoded as " << QByteArray(buffer, length).toHex(' ').data()
                          << " (Qt: " << reference.toHex(' ').data() << "), decoded back as "
                          << kindName(decoded.kind) << " U+" << quint32(decoded.codePoint);
        }
    }
}
