#include "QtPrinters.h"
#include "TestSeed.h"

#include "core/ByteLiterals.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <random>

namespace {

QByteArray allByteValues()
{
    QByteArray bytes;
    for (int byte = 0; byte < 256; ++byte)
        bytes.append(char(byte));
    return bytes;
}

QByteArray randomBytes(quint32 seed, int size)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> anyByte(0, 255);
    QByteArray bytes;
    for (int i = 0; i < size; ++i)
        bytes.append(char(anyByte(random)));
    return bytes;
}

// Runs Python on `script` with `input` on its standard input; returns its standard output, or
// fails the test with what it wrote to standard error.
QByteArray runPython(const char *script, const QByteArray &input)
{
    QProcess python;
    python.start(QStringLiteral(CAPSOCK_PYTHON),
                 {QStringLiteral("-c"), QString::fromLatin1(script)});
    if (!python.waitForStarted(10000)) {
        ADD_FAILURE() << "can not start " << CAPSOCK_PYTHON;
        return {};
    }
    python.write(input);
    python.closeWriteChannel();
    if (!python.waitForFinished(30000)) {
        ADD_FAILURE() << "Python did not finish";
        python.kill();
        python.waitForFinished();
        return {};
    }
    const QByteArray errors = python.readAllStandardError();
    EXPECT_EQ(python.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(python.exitCode(), 0) << errors.toStdString();
    return python.readAllStandardOutput();
}

// What Python makes of one literal (exactly the lines a user would paste).
QByteArray evaluatePython(const QString &literal)
{
    return runPython("import sys,ast; sys.stdout.buffer.write(ast.literal_eval(sys.stdin.read()))",
                     literal.toUtf8());
}

// Many literals in one Python run, one a line; returns what each evaluates to, or a line
// starting with "error" where it is not a bytes literal.
QList<QByteArray> evaluatePythonLines(const QStringList &literals)
{
    static const char script[] =
        "import sys, ast\n"
        "for line in sys.stdin.read().split('\\n'):\n"
        "    try:\n"
        "        value = ast.literal_eval(line)\n"
        "        print(value.hex() if type(value) is bytes else 'error: not bytes')\n"
        "    except Exception as e:\n"
        "        print('error:', repr(e))\n";
    const QByteArray output = runPython(script, literals.join(QLatin1Char('\n')).toUtf8());
    QList<QByteArray> values;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("error"))
            values.append(line);
        else
            values.append(QByteArray::fromHex(line));
    }
    if (!values.isEmpty() && output.endsWith('\n'))
        values.removeLast();
    return values;
}

bool isHexDigit(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
           || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

// A C string literal, or several adjacent ones, parsed as a C compiler does: \x takes every
// hex digit that follows (and must fit in a byte), the simple escapes we use, no raw control
// or non-ASCII characters, no trigraphs. Returns nothing for anything else.
std::optional<QByteArray> parseCLiteral(const QString &literal, QString *error)
{
    QByteArray bytes;
    qsizetype i = 0;
    const qsizetype size = literal.size();
    const auto fail = [&](const QString &why) -> std::optional<QByteArray> {
        *error = QStringLiteral("%1 at %2").arg(why).arg(i);
        return std::nullopt;
    };
    bool any = false;
    while (true) {
        while (i < size && literal.at(i) == QLatin1Char(' '))
            ++i;
        if (i == size)
            break;
        if (literal.at(i) != QLatin1Char('"'))
            return fail(QStringLiteral("expected a quote"));
        any = true;
        ++i;
        while (true) {
            if (i == size)
                return fail(QStringLiteral("unterminated literal"));
            const QChar c = literal.at(i);
            if (c == QLatin1Char('"')) {
                ++i;
                break;
            }
            if (c.unicode() < 0x20 || c.unicode() >= 0x7F)
                return fail(QStringLiteral("raw character %1").arg(c.unicode()));
            if (c == QLatin1Char('?') && i + 2 < size && literal.at(i + 1) == QLatin1Char('?')
                && QStringLiteral("=/'()!<>-").contains(literal.at(i + 2))) {
                return fail(QStringLiteral("trigraph"));
            }
            if (c != QLatin1Char('\\')) {
                bytes.append(char(c.unicode()));
                ++i;
                continue;
            }
            if (++i == size)
                return fail(QStringLiteral("backslash at the end"));
            const QChar escape = literal.at(i++);
            switch (escape.unicode()) {
            case 'n': bytes.append('\n'); break;
            case 'r': bytes.append('\r'); break;
            case 't': bytes.append('\t'); break;
            case '\\': bytes.append('\\'); break;
            case '"': bytes.append('"'); break;
            case '?': bytes.append('?'); break;
            case '\'': bytes.append('\''); break;
            case 'x': {
                int value = 0;
                int digits = 0;
                while (i < size && isHexDigit(literal.at(i))) {
                    value = value * 16 + QString(literal.at(i)).toInt(nullptr, 16);
                    if (value > 0xFF)
                        return fail(QStringLiteral("hex escape out of range"));
                    ++digits;
                    ++i;
                }
                if (digits == 0)
                    return fail(QStringLiteral("\\x without digits"));
                bytes.append(char(value));
                break;
            }
            default:
                return fail(QStringLiteral("unknown escape \\%1").arg(escape));
            }
        }
    }
    if (!any)
        return fail(QStringLiteral("no literal"));
    return bytes;
}

::testing::AssertionResult cRoundTrips(const QByteArray &bytes)
{
    const QString literal = ByteLiterals::c(bytes);
    QString error;
    const std::optional<QByteArray> parsed = parseCLiteral(literal, &error);
    if (!parsed) {
        return ::testing::AssertionFailure()
               << "C literal " << literal.toStdString() << " of " << bytes.toHex(' ').data()
               << " does not parse: " << error.toStdString();
    }
    if (*parsed != bytes) {
        return ::testing::AssertionFailure()
               << "C literal " << literal.toStdString() << " is " << parsed->toHex(' ').data()
               << ", not " << bytes.toHex(' ').data();
    }
    return ::testing::AssertionSuccess();
}

} // namespace

TEST(ByteLiteralsTest, HexOfNothingIsEmpty)
{
    EXPECT_EQ(ByteLiterals::hex(QByteArrayView()), QString());
    EXPECT_TRUE(ByteLiterals::hex(QByteArray()).isEmpty());
}

TEST(ByteLiteralsTest, HexIsTwoDigitsPerByteSeparatedBySpaces)
{
    const QString text = ByteLiterals::hex(QByteArray("I \xf0\x9f"));
    EXPECT_EQ(text.compare(QStringLiteral("49 20 f0 9f"), Qt::CaseInsensitive), 0)
        << text.toStdString();
    EXPECT_EQ(ByteLiterals::hex(QByteArray(1, '\0')), QStringLiteral("00"));

    // Every byte value: the text reads back as the same bytes, in the same order.
    const QByteArray all = allByteValues();
    const QString allText = ByteLiterals::hex(all);
    EXPECT_EQ(allText.size(), 256 * 3 - 1);
    const QStringList parts = allText.split(QLatin1Char(' '));
    ASSERT_EQ(parts.size(), 256);
    for (int byte = 0; byte < 256; ++byte) {
        const QString &part = parts.at(byte);
        EXPECT_EQ(part.size(), 2) << byte;
        bool ok = false;
        EXPECT_EQ(part.toInt(&ok, 16), byte) << part.toStdString();
        EXPECT_TRUE(ok) << part.toStdString();
    }
    // One case throughout, as the other literals use.
    EXPECT_TRUE(allText == allText.toLower() || allText == allText.toUpper());
}

TEST(ByteLiteralsTest, PythonLiteralOfTheHeaderExample)
{
    EXPECT_EQ(ByteLiterals::python(QByteArray("I am \xf0\x9f\x8c\xae\n")),
              QStringLiteral(R"(b'I am \xf0\x9f\x8c\xae\n')"));
    EXPECT_EQ(ByteLiterals::python(QByteArray()), QStringLiteral("b''"));
}

TEST(ByteLiteralsTest, PythonLiteralEscapesWhatItMust)
{
    QByteArray printable;
    for (int byte = 0x20; byte < 0x7F; ++byte)
        printable.append(char(byte));
    const QByteArray bytes = printable + QByteArray("'\\\n\r\t\x00\x7f\xff\"", 9);
    const QString literal = ByteLiterals::python(bytes);
    // Pasteable: one line of printable ASCII.
    for (const QChar c : literal)
        EXPECT_TRUE(c.unicode() >= 0x20 && c.unicode() < 0x7F) << literal.toStdString();
    EXPECT_TRUE(literal.startsWith(QLatin1String("b'"))) << literal.toStdString();
    EXPECT_TRUE(literal.endsWith(QLatin1Char('\''))) << literal.toStdString();
    // Printable ASCII other than the quote and the backslash is kept as it is, so the text
    // stays readable; the rest is escaped, as Python's own repr() does.
    EXPECT_TRUE(literal.contains(QLatin1String(" !\"#$%&")));
    EXPECT_TRUE(literal.contains(QLatin1String("0123456789:;<=>?@ABC")));
    EXPECT_TRUE(literal.contains(QLatin1String("XYZ[")));
    EXPECT_TRUE(literal.contains(QLatin1String("]^_`abc")));
    EXPECT_TRUE(literal.contains(QLatin1String("xyz{|}~")));
    // Past b' and the printable part, whose quote and backslash took two characters each.
    const QString tail = literal.mid(2 + printable.size() + 2);
    // Python's own repr() spells these bytes the same way.
    const QLatin1String escaped(R"(\'\\\n\r\t\x00\x7f\xff"')");
    EXPECT_EQ(tail.compare(escaped, Qt::CaseInsensitive), 0) << literal.toStdString();
    EXPECT_EQ(evaluatePython(literal), bytes) << literal.toStdString();
}

TEST(ByteLiteralsTest, PythonEvaluatesEveryByteValueBack)
{
    // Each byte alone, each byte before a hex digit and a quote, all 256 in one literal, all
    // 256 backwards, and a random buffer: in one Python run.
    QList<QByteArray> inputs;
    for (int byte = 0; byte < 256; ++byte) {
        inputs.append(QByteArray(1, char(byte)));
        inputs.append(QByteArray(1, char(byte)) + "a'0\\");
    }
    const QByteArray all = allByteValues();
    inputs.append(all);
    QByteArray backwards;
    for (int byte = 255; byte >= 0; --byte)
        backwards.append(char(byte));
    inputs.append(backwards);
    const quint32 seed = testSeed();
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    inputs.append(randomBytes(seed, 4096));

    QStringList literals;
    for (const QByteArray &bytes : inputs)
        literals.append(ByteLiterals::python(bytes));
    const QList<QByteArray> values = evaluatePythonLines(literals);
    ASSERT_EQ(values.size(), inputs.size());
    for (qsizetype i = 0; i < inputs.size(); ++i)
        EXPECT_EQ(values.at(i), inputs.at(i)) << literals.at(i).toStdString();
}

TEST(ByteLiteralsTest, PythonEvaluatesAllBytesAndRandomBytesAsPasted)
{
    // The literal exactly as copied, evaluated on its own.
    const QByteArray all = allByteValues();
    EXPECT_EQ(evaluatePython(ByteLiterals::python(all)), all);
    const quint32 seed = testSeed();
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const QByteArray random = randomBytes(seed, 10000);
    EXPECT_EQ(evaluatePython(ByteLiterals::python(random)), random);
}

TEST(ByteLiteralsTest, CLiteralSplitsAHexEscapeBeforeAHexDigit)
{
    EXPECT_EQ(ByteLiterals::c(QByteArray("\xf0\x61", 2)), QStringLiteral(R"("\xf0" "a")"));
    EXPECT_EQ(ByteLiterals::c(QByteArray("I am \xf0\x9f\x8c\xae\n")),
              QStringLiteral(R"("I am \xf0\x9f\x8c\xae\n")"));
    // Not before something that is not a hex digit.
    EXPECT_EQ(ByteLiterals::c(QByteArray("\xf0g", 2)), QStringLiteral(R"("\xf0g")"));
    EXPECT_EQ(ByteLiterals::c(QByteArray()), QStringLiteral(R"("")"));
    for (const char digit : QByteArray("0123456789abcdefABCDEF")) {
        const QByteArray bytes = QByteArray("\x01", 1) + digit;
        EXPECT_TRUE(cRoundTrips(bytes));
        EXPECT_GT(ByteLiterals::c(bytes).count(QLatin1Char('"')), 2) << digit;
    }
}

TEST(ByteLiteralsTest, CLiteralEscapesQuotesAndBackslashes)
{
    EXPECT_EQ(ByteLiterals::c(QByteArray("say \"hi\"")), QStringLiteral(R"("say \"hi\"")"));
    EXPECT_EQ(ByteLiterals::c(QByteArray("a\\b")), QStringLiteral(R"("a\\b")"));
    EXPECT_TRUE(cRoundTrips("\"\\\"\\\\\""));
    EXPECT_TRUE(cRoundTrips("?\?=?\?/?\?'?\?(?\?)?\?!?\?<?\?>?\?-")); // trigraphs
    EXPECT_TRUE(cRoundTrips("\r\n\t"));
}

TEST(ByteLiteralsTest, CLiteralRoundTripsEveryByteValueAndEveryPair)
{
    const QByteArray all = allByteValues();
    EXPECT_TRUE(cRoundTrips(all));
    for (int a = 0; a < 256; ++a) {
        ASSERT_TRUE(cRoundTrips(QByteArray(1, char(a))));
        for (int b = 0; b < 256; ++b) {
            QByteArray pair;
            pair.append(char(a));
            pair.append(char(b));
            ASSERT_TRUE(cRoundTrips(pair));
        }
    }
    const quint32 seed = testSeed();
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    EXPECT_TRUE(cRoundTrips(randomBytes(seed, 10000)));
}
