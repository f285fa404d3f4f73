#include "QtPrinters.h"

#include "gui/ConversationModel.h"
#include "gui/FollowedConversation.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace {

using Kind = ConversationModel::Kind;

struct Shown
{
    Kind kind;
    QString text;     // a note's text, or a message's bytes
    qint64 peerId;
};

// What the followed conversation shows, each message's bytes read from its own stream.
std::vector<Shown> shownIn(ConversationModel &all, const FollowedConversation &followed)
{
    all.flush();
    std::vector<Shown> rows;
    for (int row = 0; row < followed.rowCount(); ++row) {
        const QModelIndex index = followed.index(row);
        const Kind kind = index.data(ConversationModel::KindRole).value<Kind>();
        const qint64 offset = index.data(ConversationModel::StreamOffsetRole).toLongLong();
        const qint64 end = index.data(ConversationModel::StreamEndRole).toLongLong();
        EXPECT_LE(offset, end) << row;
        const QString text = kind == Kind::Note || kind == Kind::Problem
            ? index.data().toString()
            : QString::fromUtf8(followed.stream().bytes(offset, end - offset));
        rows.push_back({kind, text, index.data(ConversationModel::PeerIdRole).toLongLong()});
    }
    return rows;
}

QStringList textsOf(const std::vector<Shown> &rows)
{
    QStringList texts;
    for (const Shown &row : rows)
        texts << row.text;
    return texts;
}

// Two clients talking at once, the server's own notes between them.
void twoClientsTalk(ConversationModel &all)
{
    all.setPeerLabel(1, QStringLiteral("#1 127.0.0.1:4001"));
    all.setPeerLabel(2, QStringLiteral("#2 127.0.0.1:4002"));
    all.addNote(QStringLiteral("Listening on port 5220."));
    all.addNote(QStringLiteral("connected"), Kind::Note, 1);
    all.addNote(QStringLiteral("connected"), Kind::Note, 2);
    all.addReceived("one ", 1);
    all.addReceived("two\n", 2);
    all.addReceived("\xf0\x9f", 1); // a taco split by the other client's reply
    all.finishReceived(2);
    all.addSent("TWO\n", 2);
    all.addReceived("\x8c\xae\n", 1);
    all.finishReceived(1);
    all.addSent("ONE \xf0\x9f\x8c\xae\n", 1);
}

TEST(FollowedConversationTest, ShowsOneClientsRowsAndTheServersNotesWithItsBytesAlone)
{
    ConversationModel all;
    twoClientsTalk(all);
    FollowedConversation followed(&all);
    followed.follow(1);

    const std::vector<Shown> rows = shownIn(all, followed);
    EXPECT_EQ(textsOf(rows),
              QStringList({QStringLiteral("Listening on port 5220."), QStringLiteral("connected"),
                           QStringLiteral("one 🌮\n"), QStringLiteral("ONE 🌮\n")}));
    for (const Shown &row : rows)
        EXPECT_TRUE(row.peerId == 1 || row.peerId == 0) << row.text;
    // Offsets count within the client's bytes: the other client's are not there at all.
    const QByteArray client1 = QByteArray("one \xf0\x9f\x8c\xae\nONE \xf0\x9f\x8c\xae\n");
    EXPECT_EQ(followed.stream().bytes(), client1);
    EXPECT_EQ(followed.stream().characterAt(5).byteClass.codePoint, U'\U0001F32E');
    EXPECT_EQ(followed.stream().laneOffset(9), 0); // "ONE": the first byte sent to it
    EXPECT_EQ(all.stream().size(), client1.size() + 8); // everyone's bytes are all still kept
}

TEST(FollowedConversationTest, TrafficWhileFollowingShowsForTheClientFollowedOnly)
{
    ConversationModel all;
    twoClientsTalk(all);
    FollowedConversation followed(&all);
    followed.follow(2);
    QSignalSpy appended(&followed, &FollowedConversation::streamAppended);
    ASSERT_EQ(shownIn(all, followed).size(), 4u);

    all.addReceived("more from one\n", 1);
    all.addReceived("again", 2);
    all.flush(); // the reply is shown while it arrives, then grows
    all.addReceived(" and again\n", 2);
    all.finishReceived(2);
    all.addSent("AGAIN AND AGAIN\n", 2);
    all.addNote(QStringLiteral("closed: by the client"), Kind::Note, 1);

    const std::vector<Shown> rows = shownIn(all, followed);
    EXPECT_EQ(textsOf(rows).mid(4),
              QStringList({QStringLiteral("again and again\n"),
                           QStringLiteral("AGAIN AND AGAIN\n")}));
    EXPECT_EQ(followed.stream().bytes(), QByteArrayView("two\nTWO\nagain and again\n"
                                                        "AGAIN AND AGAIN\n"));
    EXPECT_GE(appended.count(), 1);
}

TEST(FollowedConversationTest, FollowingAnotherOrNoOneStartsAfresh)
{
    ConversationModel all;
    twoClientsTalk(all);
    FollowedConversation followed(&all);
    followed.follow(1);
    ASSERT_EQ(shownIn(all, followed).size(), 4u);
    QSignalSpy reset(&followed, &FollowedConversation::streamReset);

    followed.follow(2);
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(followed.followed(), 2);
    EXPECT_EQ(textsOf(shownIn(all, followed)).at(2), QStringLiteral("two\n"));

    followed.unfollow();
    EXPECT_EQ(followed.followed(), 0);
    all.addReceived("still told", 2);
    EXPECT_EQ(shownIn(all, followed).size(), 0u); // following no one, it hears nothing
    EXPECT_TRUE(followed.stream().isEmpty());
}

// The whole conversation lets its oldest half go: what is kept of the client still shows,
// each row on its own bytes.
TEST(FollowedConversationTest, KeepsShowingTheRightBytesWhenTheOldestAreLetGo)
{
    ConversationModel all;
    all.setBudget(4096, 100000);
    FollowedConversation followed(&all);
    followed.follow(1);
    for (int i = 0; i < 400; ++i) {
        const qint64 client = 1 + i % 2;
        const QByteArray line = QByteArray::number(i).rightJustified(15, '.') + '\n';
        all.addReceived(line, client);
        all.finishReceived(client);
        all.addSent(line.toUpper(), client);
        all.flush();
    }
    ASSERT_GT(all.droppedBytes(), 0);
    const std::vector<Shown> rows = shownIn(all, followed);
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows.front().kind, Kind::Note); // the whole conversation's "let go" note
    for (size_t row = 1; row < rows.size(); ++row) {
        ASSERT_EQ(rows[row].peerId, 1) << row;
        ASSERT_EQ(rows[row].text.size(), 16) << row;
        ASSERT_EQ(rows[row].text.left(15).remove(QLatin1Char('.')).toInt() % 2, 0) << row;
    }
    EXPECT_EQ(rows.back().text,
              QString::fromLatin1(QByteArray::number(398).rightJustified(15, '.') + '\n'));
}

TEST(FollowedConversationTest, ClearingTheConversationEmptiesIt)
{
    ConversationModel all;
    twoClientsTalk(all);
    FollowedConversation followed(&all);
    followed.follow(1);
    ASSERT_FALSE(shownIn(all, followed).empty());
    all.clear();
    EXPECT_TRUE(shownIn(all, followed).empty());
    EXPECT_TRUE(followed.stream().isEmpty());
    all.addReceived("after", 1);
    EXPECT_EQ(textsOf(shownIn(all, followed)), QStringList({QStringLiteral("after")}));
}

} // namespace
