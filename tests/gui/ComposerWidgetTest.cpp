#include "QtPrinters.h"

#include "gui/ComposerWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace {


const QString Hungry = QStringLiteral(u"I am hungry for \U0001F32E");
const QByteArray HungryUtf8 = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae");

class ComposerWidgetTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        composer.resize(720, composer.sizeHint().height());
        composer.show();
        composer.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&composer));
        composer.focusMessage();
        ASSERT_TRUE(message()->hasFocus());
    }

    QLineEdit *message() { return child<QLineEdit>("message"); }
    QComboBox *inputMode() { return child<QComboBox>("inputMode"); }
    QComboBox *lineEnding() { return child<QComboBox>("lineEnding"); }
    QPushButton *sendButton() { return child<QPushButton>("sendButton"); }
    QLabel *preview() { return child<QLabel>("preview"); }

    template<typename Widget>
    Widget *child(const char *name)
    {
        auto *widget = composer.findChild<Widget *>(QLatin1String(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    // As a keyboard would: QTest::keyClicks takes only Latin-1, so other characters (the taco)
    // come as a key event carrying the whole character, as from an emoji picker.
    void type(const QString &text)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i].unicode() < 0x80) {
                QTest::keyClick(message(), text[i].toLatin1());
                continue;
            }
            const qsizetype length = text[i].isHighSurrogate() ? 2 : 1;
            QTest::sendKeyEvent(QTest::Click, message(), Qt::Key_unknown, text.mid(i, length),
                                Qt::NoModifier);
            i += length - 1;
        }
    }
    void pressEnter() { QTest::keyClick(message(), Qt::Key_Return); }
    void pressUp() { QTest::keyClick(message(), Qt::Key_Up); }
    void pressDown() { QTest::keyClick(message(), Qt::Key_Down); }

    // Types `text`, presses Enter, and returns what was asked to be sent (nothing: empty).
    QByteArray typeAndSend(const QString &text)
    {
        QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
        type(text);
        pressEnter();
        EXPECT_LE(sent.size(), 1);
        return sent.isEmpty() ? QByteArray() : sent.first().first().toByteArray();
    }

    ComposerWidget composer;
};

TEST_F(ComposerWidgetTest, TypedTextIsSentAsUtf8WithEachLineEnding)
{
    const std::pair<LineEnding, QByteArray> endings[] = {
        {LineEnding::None, QByteArray()},
        {LineEnding::Lf, QByteArrayLiteral("\n")},
        {LineEnding::CrLf, QByteArrayLiteral("\r\n")},
    };
    for (const auto &[ending, suffix] : endings) {
        composer.setLineEnding(ending);
        EXPECT_EQ(composer.lineEnding(), ending);
        type(Hungry);
        EXPECT_EQ(message()->text(), Hungry) << "the taco is typed as one character";
        EXPECT_EQ(composer.pendingBytes(), HungryUtf8 + suffix);
        QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
        pressEnter();
        ASSERT_EQ(sent.size(), 1) << int(ending);
        EXPECT_EQ(sent.first().first().toByteArray(), HungryUtf8 + suffix) << int(ending);
        EXPECT_TRUE(message()->text().isEmpty()) << "cleared after sending";
        EXPECT_TRUE(message()->hasFocus());
    }
}

TEST_F(ComposerWidgetTest, TheDefaultLineEndingIsLf)
{
    EXPECT_EQ(composer.lineEnding(), LineEnding::Lf);
    EXPECT_FALSE(composer.isHexMode());
    EXPECT_EQ(lineEnding()->currentText(), QStringLiteral("\\n (LF)"));
    composer.setLineEnding(LineEnding(7)); // a damaged setting
    EXPECT_EQ(composer.lineEnding(), LineEnding::Lf);
}

TEST_F(ComposerWidgetTest, AnEmptyMessageWithALineEndingIsJustTheLineEnding)
{
    composer.setLineEnding(LineEnding::CrLf);
    EXPECT_TRUE(sendButton()->isEnabled());
    EXPECT_EQ(typeAndSend(QString()), QByteArrayLiteral("\r\n"));
}

TEST_F(ComposerWidgetTest, AnEmptyMessageWithoutALineEndingSendsNothing)
{
    composer.setLineEnding(LineEnding::None);
    EXPECT_FALSE(sendButton()->isEnabled());
    EXPECT_EQ(composer.previewText(), QStringLiteral("Nothing to send yet"));
    QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
    pressEnter();
    QTest::mouseClick(sendButton(), Qt::LeftButton);
    EXPECT_EQ(sent.size(), 0);
}

TEST_F(ComposerWidgetTest, TheSendButtonSendsAndGivesTheFocusBack)
{
    type(QStringLiteral("hi"));
    QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
    sendButton()->setFocus(); // as a click with the mouse would
    QTest::mouseClick(sendButton(), Qt::LeftButton);
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.first().first().toByteArray(), QByteArrayLiteral("hi\n"));
    EXPECT_TRUE(message()->text().isEmpty());
    EXPECT_TRUE(message()->hasFocus());
}

TEST_F(ComposerWidgetTest, HexIsSentAsExactlyTheTypedBytesWithoutALineEnding)
{
    composer.setLineEnding(LineEnding::CrLf);
    composer.setHexMode(true);
    EXPECT_TRUE(composer.isHexMode());
    EXPECT_EQ(inputMode()->currentText(), QStringLiteral("Hex"));
    EXPECT_FALSE(lineEnding()->isEnabled()) << "no line ending is added in hex mode";
    EXPECT_TRUE(lineEnding()->toolTip().contains(QStringLiteral("exactly as you typed")))
        << lineEnding()->toolTip();
    EXPECT_EQ(message()->placeholderText(), QStringLiteral("Type bytes as hex: 49 20 61 6d ff"));
    EXPECT_EQ(typeAndSend(QStringLiteral("49 20 ff fe")), QByteArrayLiteral("I \xff\xfe"));
    EXPECT_TRUE(message()->text().isEmpty());
    EXPECT_EQ(typeAndSend(QStringLiteral("0x00\\x0aFF")), QByteArray("\x00\x0a\xff", 3));
    // The chosen ending is kept for text mode.
    composer.setHexMode(false);
    EXPECT_TRUE(lineEnding()->isEnabled());
    EXPECT_EQ(composer.lineEnding(), LineEnding::CrLf);
    EXPECT_EQ(message()->placeholderText(), QStringLiteral("Type a message, then press Enter"));
}

TEST_F(ComposerWidgetTest, EmptyHexSendsNothing)
{
    composer.setHexMode(true);
    EXPECT_FALSE(sendButton()->isEnabled());
    EXPECT_EQ(typeAndSend(QStringLiteral("   ")), QByteArray());
}

TEST_F(ComposerWidgetTest, BadHexIsExplainedAndCanNotBeSent)
{
    composer.setHexMode(true);
    QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
    type(QStringLiteral("48 g9"));
    EXPECT_EQ(composer.errorText(),
              QStringLiteral("'g' at position 4 is not a hex digit (0-9, a-f)"));
    EXPECT_EQ(composer.previewText(), composer.errorText());
    EXPECT_FALSE(sendButton()->isEnabled());
    EXPECT_TRUE(composer.pendingBytes().isEmpty());
    EXPECT_NE(preview()->palette().color(QPalette::WindowText),
              composer.palette().color(QPalette::WindowText))
        << "the error is shown in a warning colour";
    pressEnter();
    EXPECT_EQ(sent.size(), 0);
    EXPECT_EQ(message()->text(), QStringLiteral("48 g9")) << "kept, to be corrected";

    QTest::keyClick(message(), Qt::Key_Backspace);
    QTest::keyClick(message(), Qt::Key_Backspace);
    type(QStringLiteral("f"));
    EXPECT_EQ(composer.errorText(),
              QStringLiteral("The last byte, at position 4, has only one digit: write 0f, not f"));
    EXPECT_FALSE(sendButton()->isEnabled());
    type(QStringLiteral("f"));
    EXPECT_TRUE(composer.errorText().isEmpty());
    EXPECT_EQ(composer.previewText(), QStringLiteral("2 bytes: 48 ff"));
    EXPECT_EQ(preview()->palette().color(QPalette::WindowText),
              composer.palette().color(QPalette::WindowText));
    EXPECT_TRUE(sendButton()->isEnabled());
    pressEnter();
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.first().first().toByteArray(), QByteArrayLiteral("H\xff"));
}

TEST_F(ComposerWidgetTest, ThePreviewShowsTheBytesAsTheyAreTypedAndWhatEncodeMadeThem)
{
    // As the lecture's client makes them: data = mesg.encode(), here with the line ending.
    type(QStringLiteral("I am hungry"));
    EXPECT_EQ(composer.previewText(),
              QStringLiteral("(message + \"\\n\").encode() -> 12 bytes: "
                             "49 20 61 6d 20 68 75 6e 67 72 79 0a"));
    composer.setLineEnding(LineEnding::CrLf);
    EXPECT_EQ(composer.previewText(),
              QStringLiteral("(message + \"\\r\\n\").encode() -> 13 bytes: "
                             "49 20 61 6d 20 68 75 6e 67 72 79 0d 0a"));
    composer.setLineEnding(LineEnding::None);
    EXPECT_EQ(composer.previewText(),
              QStringLiteral("message.encode() -> 11 bytes: 49 20 61 6d 20 68 75 6e 67 72 79"));
    type(QStringLiteral(" for tacos today")); // 27 bytes: the first 24 are shown
    EXPECT_EQ(composer.previewText(),
              QStringLiteral(u"message.encode() -> 27 bytes: 49 20 61 6d 20 68 75 6e 67 72 79 20 "
                             u"66 6f 72 20 74 61 63 6f 73 20 74 6f \u2026"));
    EXPECT_TRUE(preview()->toolTip().contains(QStringLiteral("b'I am hungry for tacos today'")))
        << preview()->toolTip();
    message()->clear();
    type(QStringLiteral("a"));
    EXPECT_EQ(composer.previewText(), QStringLiteral("message.encode() -> 1 byte: 61"));
    message()->clear();
    EXPECT_EQ(composer.previewText(), QStringLiteral("Nothing to send yet"));
}

TEST_F(ComposerWidgetTest, ThePreviewOfTheTacoShowsItsFourBytes)
{
    type(QStringLiteral(u"\U0001F32E"));
    EXPECT_EQ(composer.previewText(),
              QStringLiteral("(message + \"\\n\").encode() -> 5 bytes: f0 9f 8c ae 0a"));
}

TEST_F(ComposerWidgetTest, ANumberIsSaidToTravelAsText)
{
    const QString said = QStringLiteral("Numbers travel as text: '4' is the byte 0x34");
    type(QStringLiteral("42"));
    EXPECT_TRUE(composer.previewText().contains(said)) << composer.previewText();
    EXPECT_TRUE(composer.previewText().startsWith(
        QStringLiteral("(message + \"\\n\").encode() -> 3 bytes: 34 32 0a")))
        << composer.previewText();
    EXPECT_TRUE(preview()->toolTip().contains(said)) << preview()->toolTip();
    message()->clear();
    type(QStringLiteral("room 7"));
    EXPECT_TRUE(composer.previewText().contains(
        QStringLiteral("Numbers travel as text: '7' is the byte 0x37")))
        << composer.previewText();
    message()->clear();
    type(QStringLiteral("no digits"));
    EXPECT_FALSE(composer.previewText().contains(QStringLiteral("Numbers")))
        << composer.previewText();
    // Hex digits are bytes, not numbers sent as text.
    composer.setHexMode(true);
    message()->clear();
    type(QStringLiteral("34 32"));
    EXPECT_EQ(composer.previewText(), QStringLiteral("2 bytes: 34 32"));
}

TEST_F(ComposerWidgetTest, UpAndDownRecallSentMessagesLikeAShell)
{
    typeAndSend(QStringLiteral("one"));
    typeAndSend(QStringLiteral("two"));
    typeAndSend(QStringLiteral("three"));
    type(QStringLiteral("draft"));
    pressUp();
    EXPECT_EQ(message()->text(), QStringLiteral("three"));
    pressUp();
    EXPECT_EQ(message()->text(), QStringLiteral("two"));
    pressUp();
    EXPECT_EQ(message()->text(), QStringLiteral("one"));
    pressUp();
    EXPECT_EQ(message()->text(), QStringLiteral("one")) << "the oldest stays";
    pressDown();
    EXPECT_EQ(message()->text(), QStringLiteral("two"));
    pressDown();
    pressDown();
    EXPECT_EQ(message()->text(), QStringLiteral("draft")) << "past the newest: the draft again";
    pressDown();
    EXPECT_EQ(message()->text(), QStringLiteral("draft"));

    message()->clear();
    pressUp();
    pressUp();
    QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
    pressEnter();
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.first().first().toByteArray(), QByteArrayLiteral("two\n"));
    pressUp();
    EXPECT_EQ(message()->text(), QStringLiteral("two")) << "sent again: the newest now";
}

TEST_F(ComposerWidgetTest, UpWithNoHistoryKeepsTheText)
{
    type(QStringLiteral("draft"));
    pressUp();
    pressDown();
    EXPECT_EQ(message()->text(), QStringLiteral("draft"));
}

TEST_F(ComposerWidgetTest, TheHistoryKeepsTheLastHundredMessages)
{
    for (int i = 0; i < ComposerWidget::MaxHistory + 5; ++i)
        typeAndSend(QStringLiteral("m%1").arg(i));
    for (int i = 0; i < ComposerWidget::MaxHistory + 20; ++i)
        pressUp();
    EXPECT_EQ(message()->text(), QStringLiteral("m5"));
    for (int i = 1; i < ComposerWidget::MaxHistory; ++i)
        pressDown();
    EXPECT_EQ(message()->text(), QStringLiteral("m104"));
}

TEST_F(ComposerWidgetTest, AHexMessageIsRecalledAsHex)
{
    composer.setHexMode(true);
    typeAndSend(QStringLiteral("ff fe"));
    composer.setHexMode(false);
    pressUp();
    EXPECT_TRUE(composer.isHexMode());
    EXPECT_EQ(message()->text(), QStringLiteral("ff fe"));
    EXPECT_EQ(composer.pendingBytes(), QByteArrayLiteral("\xff\xfe"));
    pressDown();
    EXPECT_FALSE(composer.isHexMode()) << "back to the draft, typed as text";
    EXPECT_TRUE(message()->text().isEmpty());
}

TEST_F(ComposerWidgetTest, SwitchingModesKeepsTheBytesTyped)
{
    type(QStringLiteral("Hi"));
    inputMode()->setCurrentIndex(1);
    EXPECT_TRUE(composer.isHexMode());
    EXPECT_EQ(message()->text(), QStringLiteral("48 69"));
    type(QStringLiteral(" 21"));
    inputMode()->setCurrentIndex(0);
    EXPECT_EQ(message()->text(), QStringLiteral("Hi!"));

    composer.setHexMode(true);
    message()->setText(QStringLiteral("48 ff"));
    composer.setHexMode(false);
    EXPECT_EQ(message()->text(), QStringLiteral("48 ff")) << "not text: left as typed";
    composer.setHexMode(true);
    message()->setText(QStringLiteral("48 0a"));
    composer.setHexMode(false);
    EXPECT_EQ(message()->text(), QStringLiteral("48 0a")) << "a line feed can not be typed";
}

TEST_F(ComposerWidgetTest, SettingsChangesAreSignalled)
{
    QSignalSpy endings(&composer, &ComposerWidget::lineEndingChanged);
    QSignalSpy modes(&composer, &ComposerWidget::hexModeChanged);
    lineEnding()->setCurrentIndex(0);
    ASSERT_EQ(endings.size(), 1);
    EXPECT_EQ(endings.first().first().value<LineEnding>(), LineEnding::None);
    inputMode()->setCurrentIndex(1);
    composer.setHexMode(true); // no change
    ASSERT_EQ(modes.size(), 1);
    EXPECT_TRUE(modes.first().first().toBool());
}

TEST_F(ComposerWidgetTest, EveryControlHasAnAccessibleNameAndTabOrderFollowsTheRow)
{
    const QList<QWidget *> controls = {message(), inputMode(), lineEnding(), sendButton(),
                                       preview()};
    for (QWidget *control : controls)
        EXPECT_FALSE(control->accessibleName().isEmpty()) << control->objectName();
    EXPECT_EQ(message()->accessibleName(), QStringLiteral("Message"));
    for (int i = 0; i + 1 < 4; ++i) {
        QWidget *next = controls[i]->nextInFocusChain();
        while (next->focusPolicy() == Qt::NoFocus)
            next = next->nextInFocusChain();
        EXPECT_EQ(next, controls[i + 1]) << controls[i]->objectName();
    }
}

TEST_F(ComposerWidgetTest, AFullHexPreviewDoesNotWidenTheWindow)
{
    const int narrow = composer.minimumSizeHint().width();
    EXPECT_GT(narrow, 300);
    EXPECT_LT(narrow, 700);
    QFont large = preview()->font(); // so that the preview surely wants more than the row
    large.setPointSizeF(large.pointSizeF() * 3);
    preview()->setFont(large);
    type(QString(200, QLatin1Char('x')));
    ASSERT_GT(preview()->minimumSizeHint().width(), narrow);
    EXPECT_EQ(composer.minimumSizeHint().width(), narrow);
}

} // namespace

TEST_F(ComposerWidgetTest, APasteOfAHundredThousandCharactersIsSentWhole)
{
    QString text;
    while (text.size() < 100000)
        text += QStringLiteral(u"pasted text \U0001F32E ");
    QGuiApplication::clipboard()->setText(text);
    QTest::keyClick(message(), Qt::Key_V, Qt::ControlModifier);
    ASSERT_EQ(message()->text().size(), text.size());
    const QByteArray expected = text.toUtf8() + '\n';
    EXPECT_TRUE(preview()->text().contains(QStringLiteral("-> %1 bytes").arg(expected.size())))
        << preview()->text().left(80).toStdString();

    QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
    QTest::keyClick(message(), Qt::Key_Return);
    ASSERT_EQ(sent.size(), 1);
    EXPECT_TRUE(sent.at(0).at(0).toByteArray() == expected)
        << sent.at(0).at(0).toByteArray().size() << " bytes";
}

TEST_F(ComposerWidgetTest, APasteLongerThanAMessageCanBeIsRefusedWholeWithAReason)
{
    type(QStringLiteral("keep me "));
    QGuiApplication::clipboard()->setText(QString(ComposerWidget::MaxMessageCharacters, 'x'));
    QTest::keyClick(message(), Qt::Key_V, Qt::ControlModifier);
    EXPECT_TRUE(message()->text() == QStringLiteral("keep me ")) // nothing of it, not a part
        << message()->text().size() << " characters";
    EXPECT_TRUE(preview()->text().contains(QStringLiteral("not pasted")))
        << preview()->text().toStdString();
    EXPECT_TRUE(preview()->text().contains(QLocale().toString(
        ComposerWidget::MaxMessageCharacters)))
        << preview()->text().toStdString();

    type(QStringLiteral("too")); // typing on clears the notice and sends what is typed
    EXPECT_TRUE(preview()->text().contains(QStringLiteral("-> 12 bytes")))
        << preview()->text().toStdString();
}

TEST_F(ComposerWidgetTest, TypingIntoAFullMessageSaysWhyNothingAppears)
{
    message()->setText(QString(ComposerWidget::MaxMessageCharacters, 'x'));
    QTest::keyClick(message(), Qt::Key_Y);
    QCoreApplication::processEvents();
    EXPECT_EQ(message()->text().size(), ComposerWidget::MaxMessageCharacters);
    EXPECT_FALSE(message()->text().contains(QLatin1Char('y')));
    EXPECT_TRUE(preview()->text().contains(QLocale().toString(
        ComposerWidget::MaxMessageCharacters)))
        << preview()->text().toStdString();
}

TEST_F(ComposerWidgetTest, AMessageTooLongToShowAsHexStaysTextAndSaysWhy)
{
    const QString text(ComposerWidget::MaxMessageCharacters / 2, 'a'); // 3 hex characters a byte
    message()->setText(text);
    inputMode()->setCurrentIndex(1);
    EXPECT_FALSE(composer.isHexMode());
    EXPECT_EQ(inputMode()->currentIndex(), 0);
    EXPECT_TRUE(message()->text() == text) << message()->text().size() << " characters";
    EXPECT_TRUE(preview()->text().contains(QStringLiteral("as hex")))
        << preview()->text().toStdString();
}
