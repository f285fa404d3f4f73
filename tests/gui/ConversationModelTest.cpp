#include "EventLoopWait.h"
#include "QtPrinters.h"

#include "gui/ConversationModel.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace {

using Kind = ConversationModel::Kind;

Kind kindAt(const ConversationModel &model, int row)
{
    return model.index(row).data(ConversationModel::KindRole).value<Kind>();
}

QByteArray bytesAt(const ConversationModel &model, int row)
{
    const QModelIndex index = model.index(row);
    const qint64 offset = index.data(ConversationModel::StreamOffsetRole).toLongLong();
    const qint64 end = index.data(ConversationModel::StreamEndRole).toLongLong();
    return model.stream().bytes(offset, end - offset).toByteArray();
}

TEST(ConversationModelTest, AReplyOfOnlySpacesShowsItsSpaces)
{
    ConversationModel model;
    model.addSent("   ", 0, 1);
    model.addReceived("   ", 0, 1);
    model.addSent("a b \n", 0, 2);
    model.flush();
    const QString box = QStringLiteral("\u2423");
    EXPECT_EQ(model.index(0).data().toString(), box.repeated(3));
    EXPECT_EQ(model.index(1).data().toString(), box.repeated(3));
    EXPECT_EQ(model.index(2).data().toString(),
              QStringLiteral("a b") + box + QStringLiteral("\\n"));
}

TEST(ConversationModelTest, ReadsOfOneReplyJoinOneBubbleUntilItIsComplete)
{
    ConversationModel model;
    model.addSent("hello\n", 0, 1);
    model.addReceived("HEL", 0, 1, 120);
    model.addReceived("LO\n", 0, 1);
    model.flush();
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_FALSE(model.index(1).data(ConversationModel::CompleteRole).toBool());
    // "arriving" says why: the reply is taken as ended at its line end, TCP keeping no bounds.
    const QString arriving = model.index(1).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(arriving.contains(QStringLiteral("no message boundaries"))) << arriving;
    model.finishReceived(0, 450);
    model.flush();
    EXPECT_TRUE(model.index(1).data(ConversationModel::CompleteRole).toBool());
    EXPECT_EQ(bytesAt(model, 1), QByteArray("HELLO\n"));
    EXPECT_EQ(model.index(1).data(ConversationModel::ReadCountRole).toInt(), 2);
    EXPECT_FALSE(model.index(1).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("no message boundaries")));
    EXPECT_EQ(model.index(1).data(ConversationModel::RoundTripRole).toLongLong(), 450);
    EXPECT_TRUE(model.index(1).data(ConversationModel::HeaderRole).toString()
                    .contains(QStringLiteral("6 bytes · in 2 reads · round trip 0.45 ms")))
        << model.index(1).data(ConversationModel::HeaderRole).toString();
    // The stream keeps each read as its own segment: the inspector shows where reads begin.
    EXPECT_EQ(model.stream().segmentCount(), 3);
    EXPECT_TRUE(model.stream().startsRead(6 + 3));

    model.addReceived("again", 0, 1); // after completion: a new bubble
    model.flush();
    EXPECT_EQ(model.rowCount(), 3);
}

TEST(ConversationModelTest, EachPeerHasItsOwnReply)
{
    ConversationModel model;
    model.setPeerLabel(1, QStringLiteral("#1 127.0.0.1:4000"));
    model.addReceived("from one ", 1);
    model.addReceived("from two", 2);
    model.addReceived("and more", 1);
    model.flush();
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0).data(ConversationModel::ByteCountRole).toLongLong(), 17);
    EXPECT_EQ(model.index(0).data(ConversationModel::PeerRole).toString(),
              QStringLiteral("#1 127.0.0.1:4000"));
}

TEST(ConversationModelTest, AHugeMessageIsShortenedInItsBubbleButKeptWhole)
{
    ConversationModel model;
    const QByteArray huge(1 << 20, 'x');
    model.addSent(huge);
    const QString preview = model.index(0).data(Qt::DisplayRole).toString();
    EXPECT_LE(preview.size(), 201);
    EXPECT_TRUE(preview.endsWith(QChar(0x2026)));
    EXPECT_EQ(bytesAt(model, 0), huge);
}

TEST(ConversationModelTest, StaysWithinItsBudgetsAndSaysSo)
{
    ConversationModel model;
    model.setBudget(64 * 1024, 1000);
    int streamResets = 0;
    qint64 trimmed = 0; // bytes the inspector was told were let go
    QObject::connect(&model, &ConversationModel::streamReset, &model,
                     [&streamResets] { ++streamResets; });
    QObject::connect(&model, &ConversationModel::streamTrimmed, &model,
                     [&trimmed](qint64 dropped) { trimmed += dropped; });
    for (int i = 0; i < 10000; ++i) {
        const QByteArray line = QByteArray::number(i).rightJustified(31, '.') + '\n';
        model.addSent(line, 0, i + 1);
        model.addReceived(line.toUpper(), 0, i + 1);
        model.finishReceived(0);
        model.flush();
        ASSERT_LE(model.stream().size(), 64 * 1024);
        ASSERT_LE(model.rowCount(), 1001);
    }
    EXPECT_EQ(streamResets, 0); // the newer bytes stay: only the oldest were let go
    EXPECT_GT(model.droppedBytes(), 0);
    EXPECT_EQ(trimmed, model.droppedBytes());
    EXPECT_EQ(kindAt(model, 0), Kind::Note);
    EXPECT_TRUE(model.index(0).data().toString().contains(QStringLiteral("memory")));
    // What is kept still points at the right bytes: the newest reply is the newest line.
    const int last = model.rowCount() - 1;
    EXPECT_EQ(bytesAt(model, last), QByteArray::number(9999).rightJustified(31, '.') + '\n');
    EXPECT_EQ(bytesAt(model, last - 1), QByteArray::number(9999).rightJustified(31, '.') + '\n');
}

// A server's conversation in a flood: 1000 messages (reads and replies of five clients,
// interleaved) in one pass of the event loop, as a busy wake-up brings them.
TEST(ConversationModelTest, AFloodInOnePassIsAnnouncedOnceAFrameWithEveryMessageInOrder)
{
    ConversationModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy appended(&model, &ConversationModel::streamAppended);
    const auto lineOf = [](int exchange) {
        return QByteArray::number(exchange).rightJustified(8, 'x') + '\n';
    };
    for (int exchange = 0; exchange < 500; ++exchange) {
        const qint64 client = 1 + exchange % 5;
        model.addReceived(lineOf(exchange), client);
        model.finishReceived(client);
        model.addSent(lineOf(exchange).toUpper(), client);
    }
    // The first message came after a quiet spell: told at once (so may the second be, if the
    // machine stalled a frame between them). The rest wait for the frame, together.
    EXPECT_LE(inserted.count(), 2);
    EXPECT_LE(appended.count(), 2);
    ASSERT_TRUE(waitUntil([&model] { return model.rowCount() == 1000; })) << model.rowCount();
    EXPECT_LE(inserted.count(), 3);
    EXPECT_LE(changed.count(), 3);
    EXPECT_LE(appended.count(), 3);
    for (int exchange = 0; exchange < 500; ++exchange) {
        ASSERT_EQ(kindAt(model, 2 * exchange), Kind::Received) << exchange;
        ASSERT_EQ(bytesAt(model, 2 * exchange), lineOf(exchange)) << exchange;
        ASSERT_TRUE(model.index(2 * exchange).data(ConversationModel::CompleteRole).toBool());
        ASSERT_EQ(kindAt(model, 2 * exchange + 1), Kind::Sent) << exchange;
        ASSERT_EQ(bytesAt(model, 2 * exchange + 1), lineOf(exchange).toUpper()) << exchange;
    }
}

// A reply announced while still arriving, then completed in the next frame's batch: the views
// hear of the change, once.
TEST(ConversationModelTest, ARowAlreadyShownThatChangesIsAnnouncedChanged)
{
    ConversationModel model;
    model.addReceived("HEL", 0, 1);
    model.flush();
    ASSERT_EQ(model.rowCount(), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 100; ++i)
        model.addReceived("L", 0, 1);
    model.finishReceived(0, 450);
    model.flush();
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    EXPECT_EQ(model.index(0).data(ConversationModel::ByteCountRole).toLongLong(), 103);
    EXPECT_TRUE(model.index(0).data(ConversationModel::CompleteRole).toBool());
}

} // namespace
