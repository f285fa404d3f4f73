#include "QtPrinters.h"

#include "gui/HexView.h"
#include "gui/InspectorWindow.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QScrollBar>
#include <QStatusBar>
#include <QTemporaryFile>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

namespace {

const QByteArray Taco = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae\n");
const QByteArray TacoAndJunk = Taco + QByteArrayLiteral("\xff\xfe");
constexpr qint64 TacoOffset = 16; // where the taco's four bytes start

class HexViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        stream.append(TacoAndJunk, ByteStream::Direction::Received, 1);
        view.setStream(&stream);
        view.resize(800, 300);
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    }

    QPoint center(qint64 offset, HexLayout::Area area)
    {
        return view.cellRect(offset, area).center();
    }

    void click(qint64 offset, HexLayout::Area area,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::mouseClick(view.viewport(), Qt::LeftButton, modifiers, center(offset, area));
    }

    QString clipboard() { return QGuiApplication::clipboard()->text(); }

    ByteStream stream;
    HexView view;
};

TEST_F(HexViewTest, ADragInTheHexColumnSelectsThoseBytesAndCopiesThemAsHex)
{
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, center(2, HexLayout::Area::Hex));
    QTest::mouseMove(view.viewport(), center(4, HexLayout::Area::Hex));
    QTest::mouseMove(view.viewport(), center(5, HexLayout::Area::Hex));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, center(5, HexLayout::Area::Hex));
    EXPECT_EQ(view.selectionStart(), 2);
    EXPECT_EQ(view.selectionEnd(), 6);
    EXPECT_EQ(view.selectedBytes(), QByteArray("am h"));

    QTest::keySequence(&view, QKeySequence::Copy);
    EXPECT_EQ(clipboard(), QStringLiteral("61 6d 20 68"));
}

TEST_F(HexViewTest, ClickingACharacterInTheTextColumnSelectsAllItsBytes)
{
    click(TacoOffset + 2, HexLayout::Area::Text); // a continuation byte of the taco
    EXPECT_EQ(view.selectionStart(), TacoOffset);
    EXPECT_EQ(view.selectionEnd(), TacoOffset + 4);

    QTest::keySequence(&view, QKeySequence::Copy); // after a text-column click: as text
    EXPECT_EQ(clipboard(), QStringLiteral("🌮"));
    view.copySelection(HexView::CopyFormat::Hex);
    EXPECT_EQ(clipboard(), QStringLiteral("f0 9f 8c ae"));
}

TEST_F(HexViewTest, DraggingBackFromACharacterKeepsAllOfIt)
{
    QTest::mousePress(view.viewport(), Qt::LeftButton, {},
                      center(TacoOffset + 1, HexLayout::Area::Text));
    const QPoint forF = center(TacoOffset - 4, HexLayout::Area::Text); // the "f" of "for"
    QTest::mouseMove(view.viewport(), forF);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, forF);
    EXPECT_EQ(view.selectedBytes(), QByteArray("for \xf0\x9f\x8c\xae"));
}

TEST_F(HexViewTest, ShiftArrowsExtendTheSelectionInBothColumns)
{
    click(0, HexLayout::Area::Hex);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    EXPECT_EQ(view.selectedBytes(), QByteArray("I am"));
    QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier); // a whole row further
    EXPECT_EQ(view.selectionEnd(), 3 + view.bytesPerRow() + 1);
    QTest::keyClick(&view, Qt::Key_Right); // without Shift: the cursor alone moves
    EXPECT_EQ(view.selectionEnd() - view.selectionStart(), 1);
}

TEST_F(HexViewTest, ShiftClickExtendsFromTheFirstClick)
{
    click(1, HexLayout::Area::Text);
    click(4, HexLayout::Area::Hex, Qt::ShiftModifier);
    EXPECT_EQ(view.selectedBytes(), QByteArray(" am "));
}

TEST_F(HexViewTest, CopiesAsPythonAndCLiterals)
{
    view.setSelection(TacoOffset - 2, TacoOffset + 1);
    EXPECT_EQ(view.selectionAs(HexView::CopyFormat::PythonBytes),
              QStringLiteral("b'r \\xf0\\x9f'"));
    EXPECT_EQ(view.selectionAs(HexView::CopyFormat::CString),
              QStringLiteral("\"r \\xf0\\x9f\""));
    view.setSelection(0, stream.size() - 1);
    EXPECT_EQ(view.selectionAs(HexView::CopyFormat::Text),
              QString::fromUtf8(Taco) + QString(2, QChar(0xFFFD)));
}

TEST_F(HexViewTest, CopiesAByteOrderMarkAsText)
{
    ByteStream marked;
    marked.append(QByteArrayLiteral("\xef\xbb\xbfhi"), ByteStream::Direction::Received, 1);
    HexView markedView;
    markedView.setStream(&marked);
    markedView.setSelection(0, marked.size() - 1);
    // QString::fromUtf8() would drop the mark in front.
    EXPECT_EQ(markedView.selectionAs(HexView::CopyFormat::Text),
              QChar(0xFEFF) + QStringLiteral("hi"));
}

TEST_F(HexViewTest, HoveringAByteExplainsIt)
{
    const QString lead = view.describeByte(TacoOffset);
    EXPECT_TRUE(lead.contains(QStringLiteral("Offset 0x00000010 (16)"))) << lead;
    EXPECT_TRUE(lead.contains(QStringLiteral("Byte 0xf0 = 240 = 0b11110000"))) << lead;
    EXPECT_TRUE(lead.contains(QStringLiteral("🌮 U+1F32E"))) << lead;
    EXPECT_TRUE(lead.contains(QStringLiteral("4 bytes f0 9f 8c ae (this is byte 1 of 4)")))
        << lead;
    EXPECT_TRUE(lead.contains(QStringLiteral("Received: read #1"))) << lead;
    EXPECT_TRUE(view.describeByte(TacoOffset + 3).contains(QStringLiteral("byte 4 of 4")));
    EXPECT_TRUE(view.describeByte(TacoOffset + 4).contains(QStringLiteral("line feed")));
    const QString junk = view.describeByte(TacoOffset + 5);
    EXPECT_TRUE(junk.contains(QStringLiteral("Not valid UTF-8"))) << junk;
    EXPECT_TRUE(junk.contains(QStringLiteral("F5 to FF"))) << junk;

    // The same text as a real tooltip over the byte.
    QHelpEvent event(QEvent::ToolTip, center(TacoOffset, HexLayout::Area::Hex),
                     view.viewport()->mapToGlobal(center(TacoOffset, HexLayout::Area::Hex)));
    QCoreApplication::sendEvent(view.viewport(), &event);
    EXPECT_TRUE(QToolTip::isVisible());
    EXPECT_EQ(QToolTip::text(), lead);
    QToolTip::hideText();
}

TEST(HexViewLaneTest, ATacoSplitByOtherTrafficIsOneCharacterAndItsTooltipNamesTheConnection)
{
    // A server reading one byte at a time: client #3's taco arrives a byte per read, each
    // answered at once, and client #4's 'a' comes in between.
    ByteStream stream;
    stream.append("hi", ByteStream::Direction::Received, 0, 0, 3);
    for (const char byte : QByteArrayLiteral("\xf0\x9f\x8c\xae")) {
        stream.append(QByteArrayView(&byte, 1), ByteStream::Direction::Received, 0, 0, 3);
        stream.append(QByteArrayView(&byte, 1), ByteStream::Direction::Sent, 0, 0, 3);
        stream.append("a", ByteStream::Direction::Received, 0, 0, 4);
    }
    HexView view;
    view.setStream(&stream);
    view.setConnectionNames([](qint64 connection) {
        return QStringLiteral("#%1 127.0.0.1:4000%1").arg(connection);
    });
    view.resize(800, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));

    const qint64 secondByte = 2 + 3; // "hi", then f0, its echo and the 'a'
    const QString text = view.describeByte(secondByte);
    EXPECT_TRUE(text.contains(QStringLiteral("🌮 U+1F32E"))) << text;
    EXPECT_TRUE(text.contains(QStringLiteral("4 bytes f0 9f 8c ae (this is byte 2 of 4)")))
        << text;
    EXPECT_TRUE(text.contains(QStringLiteral("Offset 0x00000005 (5)"))) << text;
    EXPECT_TRUE(text.contains(QStringLiteral("Offset 0x3 (3) of the bytes received from "
                                             "#3 127.0.0.1:40003")))
        << text;
    EXPECT_TRUE(text.contains(QStringLiteral("Received: read #3"))) << text;
    EXPECT_FALSE(text.contains(QStringLiteral("Not valid"))) << text;
    const QString echo = view.describeByte(secondByte + 1);
    EXPECT_TRUE(echo.contains(QStringLiteral("byte 2 of 4"))) << echo;
    EXPECT_TRUE(echo.contains(QStringLiteral("of the bytes sent to #3"))) << echo;
    const QString other = view.describeByte(secondByte + 2);
    EXPECT_TRUE(other.contains(QStringLiteral("ASCII character 'a'"))) << other;
    EXPECT_TRUE(other.contains(QStringLiteral("Offset 0x1 (1) of the bytes received from #4")))
        << other;

    // No byte of the taco, nor of its echo, is painted as invalid.
    const QImage image = view.viewport()->grab().toImage();
    for (qint64 offset = 2; offset < stream.size(); ++offset) {
        const QRect cell = view.cellRect(offset, HexLayout::Area::Hex);
        const QColor back = image.pixelColor(cell.left() - 2, cell.top() + 2);
        EXPECT_FALSE(back.red() > back.green() + 40) << offset << back.name().toStdString();
    }
}

TEST_F(HexViewTest, FollowsNewBytesOnlyWhileAtTheBottom)
{
    const QByteArray line = QByteArrayLiteral("a line of sixteen bytes and more\n");
    for (int i = 0; i < 200; ++i) {
        stream.append(line, ByteStream::Direction::Received, 2);
        view.streamAppended();
    }
    QScrollBar *bar = view.verticalScrollBar();
    ASSERT_GT(bar->maximum(), 0);
    EXPECT_EQ(bar->value(), bar->maximum()); // it followed the tail
    EXPECT_GE(view.byteAt(QPoint(int(view.layout().hexX(0)) + 2,
                                 view.viewport()->height() - int(view.layout().rowHeight()))),
              stream.size() - 2 * view.bytesPerRow());

    bar->setValue(3); // the user scrolls up to read
    stream.append(line, ByteStream::Direction::Sent, 3);
    view.streamAppended();
    EXPECT_EQ(bar->value(), 3);
    EXPECT_FALSE(view.followsTail());

    bar->setValue(bar->maximum()); // and back to the bottom: following again
    stream.append(line, ByteStream::Direction::Sent, 3);
    view.streamAppended();
    EXPECT_EQ(bar->value(), bar->maximum());
}

TEST_F(HexViewTest, TabbedToItShowsACursorAndUpDownMoveItOneRow)
{
    for (int i = 0; i < 200; ++i)
        stream.append("a line of sixteen bytes and more\n", ByteStream::Direction::Received, 2);
    view.streamAppended();
    QScrollBar *bar = view.verticalScrollBar();
    ASSERT_TRUE(view.followsTail());
    view.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
    view.clearFocus();
    const QImage unfocused = view.viewport()->grab().toImage();

    view.setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(view.hasFocus());
    EXPECT_NE(view.viewport()->grab().toImage(), unfocused) << "the focus does not show";

    const int scrolled = bar->value();
    QTest::keyClick(&view, Qt::Key_Down);
    ASSERT_TRUE(view.hasSelection());
    const qint64 down = view.selectionStart();
    EXPECT_TRUE(view.viewport()->rect().contains(view.cellRect(down, HexLayout::Area::Hex)))
        << "the cursor went off screen, to byte " << down;
    EXPECT_LE(std::abs(bar->value() - scrolled), 1) << "one row down scrolls at most one row";
    QTest::keyClick(&view, Qt::Key_Up);
    EXPECT_EQ(view.selectionStart(), down - view.bytesPerRow());
    EXPECT_LE(std::abs(bar->value() - scrolled), 1);
}

TEST_F(HexViewTest, PaintsTheRightColoursWhereTheyBelong)
{
    const QImage image = view.viewport()->grab().toImage();
    const auto backgroundAt = [&](qint64 offset) {
        // Just inside the hex cell's left edge: background, not a digit.
        const QRect cell = view.cellRect(offset, HexLayout::Area::Hex);
        return image.pixelColor(cell.left() - 2, cell.top() + 2);
    };
    const QColor invalid = backgroundAt(TacoOffset + 5);
    EXPECT_GT(invalid.red(), invalid.green() + 40) << invalid.name().toStdString();
    const QColor character = backgroundAt(TacoOffset + 1);
    EXPECT_GT(character.blue(), character.green()) << character.name().toStdString();
    const QColor ascii = backgroundAt(1);
    EXPECT_NE(ascii, invalid);
    EXPECT_NE(ascii, character);
}

TEST_F(HexViewTest, MoreBytesPerRowMeansFewerRows)
{
    stream.append(QByteArray(1000, 'x'), ByteStream::Direction::Sent, 2);
    view.streamAppended();
    const auto rows = [this] { // every row, scrolled through a page at a time
        return view.verticalScrollBar()->maximum() + view.verticalScrollBar()->pageStep();
    };
    view.setBytesPerRow(8);
    EXPECT_EQ(rows(), int((stream.size() + 7) / 8));
    view.setBytesPerRow(32);
    EXPECT_EQ(view.bytesPerRow(), 32);
    EXPECT_EQ(rows(), int((stream.size() + 31) / 32));
    view.verticalScrollBar()->setValue(0);
    EXPECT_EQ(view.byteAt(center(40, HexLayout::Area::Hex)), 40);
    EXPECT_EQ(view.byteAt(center(40, HexLayout::Area::Text)), 40);
}

TEST_F(HexViewTest, TakesOnlyTheBytesPerRowItOffers)
{
    stream.append(QByteArray(200, 'x'), ByteStream::Direction::Sent, 2); // rows of any width
    view.streamAppended();
    for (const int count : HexLayout::BytesPerRowChoices) {
        EXPECT_TRUE(view.setBytesPerRow(count));
        EXPECT_EQ(view.bytesPerRow(), count);
    }
    // Any other count is refused and changes nothing: the view still paints 32 a row.
    for (const int count : {64, 33, 24, 12, 1, 0, -16}) {
        EXPECT_FALSE(view.setBytesPerRow(count)) << count;
        EXPECT_EQ(view.bytesPerRow(), 32) << count;
        (void)view.viewport()->grab();
    }
    EXPECT_EQ(view.byteAt(center(TacoOffset, HexLayout::Area::Hex)), TacoOffset);
}

TEST(InspectorWindowTest, OpensAFileAndSaysWhatIsSelected)
{
    QTemporaryFile file;
    ASSERT_TRUE(file.open());
    file.write(TacoAndJunk);
    file.close();
    InspectorWindow window;
    QString error;
    ASSERT_TRUE(window.openFile(file.fileName(), &error)) << error;
    EXPECT_EQ(window.hexView()->stream()->bytes().toByteArray(), TacoAndJunk);
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("23 bytes")))
        << window.windowTitle();
    window.hexView()->setSelection(TacoOffset, TacoOffset + 3);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("4 bytes")))
        << window.statusBar()->currentMessage();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("🌮")));

    EXPECT_FALSE(window.openFile(QStringLiteral("/no/such/file"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("/no/such/file"))) << error;
}

} // namespace
