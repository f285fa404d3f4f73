#include "QtPrinters.h"

#include "gui/ConversationModel.h"
#include "gui/ConversationView.h"

#include <QApplication>
#include <QImage>
#include <QScrollBar>
#include <QTest>

#include <gtest/gtest.h>

namespace {

// Shown without taking the focus: a focused view outlines a row, and the tests that compare
// paintings of two views are not about the focus.
void showUnfocused(ConversationView &view)
{
    view.setAttribute(Qt::WA_ShowWithoutActivating);
    view.setFocusPolicy(Qt::NoFocus);
    view.show();
}

QImage rendered(ConversationView &view)
{
    QImage image(view.viewport()->size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    view.viewport()->render(&image);
    return image;
}

struct Conversation
{
    ConversationModel model;
    ConversationView view;

    explicit Conversation(int width = 600, int height = 300)
    {
        view.setConversation(&model);
        view.resize(width, height);
        showUnfocused(view);
        settle();
    }

    // Tells the view now what the model holds (as its next frame would), and runs what the
    // event loop has queued (the view follows the bottom once per pass).
    void settle()
    {
        model.flush();
        for (int i = 0; i < 3; ++i)
            QApplication::processEvents();
    }

    bool atBottom() const
    {
        const QScrollBar *bar = view.verticalScrollBar();
        return bar->maximum() > 0 && bar->value() == bar->maximum();
    }
};

TEST(ConversationViewTest, RowsSitOneUnderAnotherAndAreFoundWhereTheyAre)
{
    Conversation conversation;
    for (int i = 0; i < 5; ++i)
        conversation.model.addSent("line\n", 0, i + 1);
    conversation.settle();
    const QRect first = conversation.view.visualRect(conversation.model.index(0));
    const QRect third = conversation.view.visualRect(conversation.model.index(2));
    EXPECT_EQ(first.top(), 0);
    EXPECT_EQ(first.width(), conversation.view.viewport()->width());
    EXPECT_EQ(third.top(), 2 * first.height());
    EXPECT_EQ(first.height(), conversation.view.sizeHintForRow(0));
    EXPECT_EQ(conversation.view.indexAt(third.center()), conversation.model.index(2));
    EXPECT_FALSE(conversation.view.indexAt(QPoint(5, 5 * first.height() + 1)).isValid());
}

TEST(ConversationViewTest, FollowsTheBottomAfterABurstOfMessagesInOnePass)
{
    Conversation conversation;
    int scrolls = 0;
    QObject::connect(conversation.view.verticalScrollBar(), &QScrollBar::valueChanged,
                     &conversation.view, [&scrolls] { ++scrolls; });
    for (int i = 0; i < 500; ++i) {
        conversation.model.addSent("hello\n", 0, i + 1);
        conversation.model.addReceived("HELLO\n", 0, i + 1);
        conversation.model.finishReceived(0);
    }
    EXPECT_EQ(scrolls, 0) << "scrolled while the burst was still arriving";
    conversation.settle();
    EXPECT_TRUE(conversation.atBottom());
    EXPECT_EQ(scrolls, 1);
    const QRect last = conversation.view.visualRect(
        conversation.model.index(conversation.model.rowCount() - 1));
    EXPECT_EQ(last.bottom(), conversation.view.viewport()->height() - 1);

    conversation.model.addNote(QStringLiteral("one more"));
    conversation.settle();
    EXPECT_TRUE(conversation.atBottom());
}

TEST(ConversationViewTest, DoesNotFollowWhenScrolledUp)
{
    Conversation conversation;
    for (int i = 0; i < 100; ++i)
        conversation.model.addSent("hello\n", 0, i + 1);
    conversation.settle();
    ASSERT_TRUE(conversation.atBottom());
    conversation.view.verticalScrollBar()->setValue(10);
    for (int i = 0; i < 100; ++i)
        conversation.model.addSent("more\n", 0, i + 101);
    conversation.settle();
    EXPECT_EQ(conversation.view.verticalScrollBar()->value(), 10);
    EXPECT_FALSE(conversation.atBottom());

    // Back at the bottom, it follows again.
    conversation.view.scrollToBottom();
    conversation.model.addSent("last\n", 0, 201);
    conversation.settle();
    EXPECT_TRUE(conversation.atBottom());
}

QByteArray bytesOf(const ConversationModel &model, const QModelIndex &index)
{
    const qint64 offset = index.data(ConversationModel::StreamOffsetRole).toLongLong();
    const qint64 end = index.data(ConversationModel::StreamEndRole).toLongLong();
    return model.stream().bytes(offset, end - offset).toByteArray();
}

// Past its budget the conversation lets its oldest half go (under a flood, every second or
// so): a reader scrolled up to a message keeps it in view and current; one at the bottom
// stays there.
TEST(ConversationViewTest, WhenTheOldestHalfIsLetGoTheReaderKeepsTheirPlace)
{
    Conversation conversation;
    conversation.model.setBudget(1 << 20, 200);
    int sent = 0;
    const auto send = [&conversation, &sent](int count) {
        for (int i = 0; i < count; ++i, ++sent)
            conversation.model.addSent(QByteArray::number(sent) + '\n', 0, sent + 1);
        conversation.settle();
    };
    send(150);
    const QModelIndex read = conversation.model.index(120);
    conversation.view.scrollTo(read, QAbstractItemView::PositionAtTop);
    conversation.view.setCurrentIndex(read);
    ASSERT_EQ(conversation.view.indexAt(QPoint(5, 2)), read);

    send(110); // past 200 rows
    ASSERT_LT(conversation.model.rowCount(), 200);
    EXPECT_EQ(bytesOf(conversation.model, conversation.view.indexAt(QPoint(5, 2))), "120\n");
    EXPECT_EQ(bytesOf(conversation.model, conversation.view.currentIndex()), "120\n");
    EXPECT_FALSE(conversation.atBottom());

    conversation.view.scrollToBottom();
    send(150);
    EXPECT_TRUE(conversation.atBottom());
    EXPECT_EQ(bytesOf(conversation.model,
                      conversation.model.index(conversation.model.rowCount() - 1)),
              QByteArray::number(sent - 1) + '\n');
}

TEST(ConversationViewTest, KeepsFollowingWhenTheViewGetsShorter)
{
    Conversation conversation;
    for (int i = 0; i < 100; ++i)
        conversation.model.addSent("hello\n", 0, i + 1);
    conversation.settle();
    ASSERT_TRUE(conversation.atBottom());
    // The window's bar grows a line (a long state, the composer shown): nobody scrolled away.
    conversation.view.resize(600, 200);
    conversation.settle();
    conversation.model.addSent("newest\n", 0, 101);
    conversation.settle();
    EXPECT_TRUE(conversation.atBottom());
}

TEST(ConversationViewTest, TabbedToItShowsWhereTheKeysAreAndUpDownMoveOneRow)
{
    Conversation conversation;
    for (int i = 0; i < 100; ++i)
        conversation.model.addSent("hello\n", 0, i + 1);
    conversation.settle();
    ASSERT_TRUE(conversation.atBottom());
    ConversationView &view = conversation.view;
    view.setFocusPolicy(Qt::StrongFocus);
    view.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
    view.clearFocus();
    const QImage unfocused = rendered(view);
    int firstInView = 0; // the first row wholly in view
    while (view.visualRect(conversation.model.index(firstInView)).top() < 0)
        ++firstInView;

    view.setFocus(Qt::TabFocusReason);
    conversation.settle();
    ASSERT_TRUE(view.hasFocus());
    EXPECT_NE(rendered(view), unfocused) << "the focus does not show";

    const int scrolled = view.verticalScrollBar()->value();
    QTest::keyClick(&view, Qt::Key_Down);
    EXPECT_EQ(view.currentIndex().row(), firstInView + 1)
        << "the keys start where the reader is, not at the first row of all";
    EXPECT_EQ(view.verticalScrollBar()->value(), scrolled);
    QTest::keyClick(&view, Qt::Key_Up);
    QTest::keyClick(&view, Qt::Key_Up);
    EXPECT_EQ(view.currentIndex().row(), firstInView - 1);
    const int rowHeight = view.visualRect(conversation.model.index(0)).height();
    EXPECT_LE(scrolled - view.verticalScrollBar()->value(), rowHeight)
        << "a step of one row scrolls at most one row";
    EXPECT_TRUE(view.viewport()->rect().contains(view.visualRect(view.currentIndex())));
}

// The vertical extent of what is painted in `rect` (not the background), in pixels.
int inkHeight(const QImage &image, const QRect &rect)
{
    const QRgb background = image.pixel(rect.left() + 1, rect.top() + 1);
    int top = -1;
    int bottom = -1;
    for (int y = rect.top(); y <= rect.bottom() && y < image.height(); ++y) {
        for (int x = rect.left(); x <= rect.right() && x < image.width(); ++x) {
            if (image.pixel(x, y) != background) {
                top = top < 0 ? y : top;
                bottom = y;
                break;
            }
        }
    }
    return top < 0 ? 0 : bottom - top + 1;
}

TEST(ConversationViewTest, ALongProblemWrapsAndShowsAllOfIt)
{
    Conversation conversation(360, 400);
    const QString problem = QStringLiteral(
        "Connection refused by 127.0.0.1:5220: nothing is listening there (or a firewall "
        "turned the connection away). Is the server started, and is the port right?");
    conversation.model.addSent("hello\n", 0, 1);
    conversation.model.addNote(problem, ConversationModel::Kind::Problem);
    conversation.model.addNote(QStringLiteral("short"));
    conversation.settle();
    ConversationView &view = conversation.view;
    const QRect bubble = view.visualRect(conversation.model.index(0));
    const QRect note = view.visualRect(conversation.model.index(1));
    const QRect shortNote = view.visualRect(conversation.model.index(2));
    EXPECT_EQ(shortNote.height(), bubble.height()) << "a note that fits keeps the usual height";
    EXPECT_EQ(note.top(), bubble.bottom() + 1);
    EXPECT_EQ(shortNote.top(), note.bottom() + 1) << "the rows below make room";
    EXPECT_EQ(view.indexAt(shortNote.center()), conversation.model.index(2));

    // Tall enough for every line of the wrapped text, and every line is painted.
    const QString line = conversation.model.index(1).data(ConversationModel::HeaderRole)
                             .toString()
        + QStringLiteral("  ") + problem;
    const QFontMetrics metrics(view.font());
    const int wrapped = metrics.boundingRect(QRect(0, 0, note.width() - 20, 10000),
                                             Qt::TextWordWrap, line)
                            .height();
    ASSERT_GT(wrapped, 3 * metrics.height()) << "the text must not fit on two lines";
    EXPECT_GE(note.height(), wrapped);
    EXPECT_GE(inkHeight(rendered(view), note), wrapped - metrics.height())
        << "the lines of the note are not all drawn";
}

TEST(ConversationViewTest, ClickingABubbleChoosesItsBytes)
{
    Conversation conversation;
    conversation.model.addSent("hello\n", 0, 1);
    conversation.model.addReceived("HELLO\n", 0, 1);
    conversation.model.finishReceived(0);
    conversation.settle();
    qint64 chosenOffset = -1;
    qint64 chosenEnd = -1;
    QObject::connect(&conversation.view, &ConversationView::bytesChosen, &conversation.view,
                     [&](qint64 offset, qint64 end) {
                         chosenOffset = offset;
                         chosenEnd = end;
                     });
    conversation.view.setCurrentIndex(conversation.model.index(1));
    EXPECT_EQ(chosenOffset, 6);
    EXPECT_EQ(chosenEnd, 12);
    EXPECT_TRUE(conversation.view.selectionModel()->isSelected(conversation.model.index(1)));
}

// The delegate keeps what it measured and elided for complete rows: a row that changes, and a
// width that changes, must still paint what an uncached paint would.
TEST(ConversationViewTest, PaintsARowAgainWhenItChanges)
{
    Conversation conversation;
    conversation.model.addSent("hello\n", 0, 1);
    conversation.model.addReceived("HEL", 0, 1);
    conversation.settle();
    const QImage arriving = rendered(conversation.view);
    conversation.model.addReceived("LO\n", 0, 1);
    conversation.settle();
    const QImage longer = rendered(conversation.view);
    EXPECT_NE(arriving, longer);
    conversation.model.finishReceived(0, 1500);
    conversation.settle();
    const QImage complete = rendered(conversation.view);
    EXPECT_NE(longer, complete) << "the header says the round trip now";
    // Painted again from the cache: the same.
    EXPECT_EQ(rendered(conversation.view), complete);

    // The same rows in a fresh view (nothing cached) paint the same.
    ConversationView fresh;
    fresh.setConversation(&conversation.model);
    fresh.resize(conversation.view.size());
    showUnfocused(fresh);
    conversation.settle();
    EXPECT_EQ(rendered(fresh), complete);
}

TEST(ConversationViewTest, ElidesAgainWhenTheWidthChanges)
{
    Conversation conversation(700, 200);
    QByteArray line;
    for (int i = 0; i < 30; ++i)
        line += "the quick brown fox ";
    conversation.model.addSent(line, 0, 1);
    conversation.model.addNote(QString::fromUtf8(line));
    conversation.settle();
    const QImage wide = rendered(conversation.view);

    conversation.view.resize(400, 200);
    conversation.settle();
    const QImage narrow = rendered(conversation.view);
    ConversationView fresh; // elides for 400 from the start
    fresh.setConversation(&conversation.model);
    fresh.resize(400, 200);
    showUnfocused(fresh);
    conversation.settle();
    EXPECT_EQ(narrow, rendered(fresh));

    conversation.view.resize(700, 200);
    conversation.settle();
    EXPECT_EQ(rendered(conversation.view), wide);
}

TEST(ConversationViewTest, AClearedConversationPaintsItsNewRows)
{
    Conversation conversation;
    conversation.model.addSent("first conversation\n", 0, 1);
    conversation.settle();
    const QImage before = rendered(conversation.view);
    conversation.model.clear();
    conversation.model.addSent("another one, longer\n", 0, 1);
    conversation.settle();
    ConversationView fresh;
    fresh.setConversation(&conversation.model);
    fresh.resize(conversation.view.size());
    showUnfocused(fresh);
    conversation.settle();
    EXPECT_NE(rendered(conversation.view), before);
    EXPECT_EQ(rendered(conversation.view), rendered(fresh));
}

// A server window shows everyone's conversation or one client's, one model at a time: the one
// no longer shown moves the reader no more.
TEST(ConversationViewTest, AfterTurningToAnotherConversationTheFirstNoLongerMovesIt)
{
    Conversation conversation;
    ConversationModel other;
    for (int i = 0; i < 100; ++i)
        other.addSent("hello\n", 0, i + 1);
    other.flush();
    conversation.view.setConversation(&other);
    conversation.settle();
    ASSERT_EQ(conversation.view.model(), &other);
    conversation.view.verticalScrollBar()->setValue(10);

    conversation.model.addSent("elsewhere\n", 0, 1);
    conversation.model.clear();
    conversation.settle();
    EXPECT_EQ(conversation.view.verticalScrollBar()->value(), 10);
    EXPECT_EQ(conversation.view.indexAt(QPoint(5, 5)).model(), &other);
}

// Turning to one client's conversation shows its newest messages, as a fresh view would, even
// when the reader was scrolled up in everyone's.
TEST(ConversationViewTest, AConversationTurnedToShowsItsNewestMessages)
{
    Conversation conversation;
    for (int i = 0; i < 100; ++i)
        conversation.model.addSent("everyone\n", 0, i + 1);
    conversation.settle();
    conversation.view.verticalScrollBar()->setValue(10);
    ConversationModel other;
    for (int i = 0; i < 300; ++i)
        other.addSent("one client\n", 0, i + 1);
    other.flush();

    conversation.view.setConversation(&other);
    conversation.settle();
    EXPECT_TRUE(conversation.atBottom());
    other.addSent("newest\n", 0, 301);
    other.flush();
    conversation.settle();
    EXPECT_TRUE(conversation.atBottom());
}

} // namespace
