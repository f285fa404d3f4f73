#include "QtPrinters.h"

#include "app/ConversationModel.h"

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
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_FALSE(model.index(1).data(ConversationModel::CompleteRole).toBool());
    model.finishReceived(0, 450);
    EXPECT_TRUE(model.index(1).data(ConversationModel::CompleteRole).toBool());
    EXPECT_EQ(bytesAt(model, 1), QByteArray("HELLO\n"));
    EXPECT_EQ(model.index(1).data(ConversationModel::ReadCountRole).toInt(), 2);
    EXPECT_EQ(model.index(1).data(ConversationModel::RoundTripRole).toLongLong(), 450);
    EXPECT_TRUE(model.index(1).data(ConversationModel::HeaderRole).toString()
                    .contains(QStringLiteral("6 bytes · in 2 reads · round trip 0.45 ms")))
        << model.index(1).data(ConversationModel::HeaderRole).toString();
    // The stream keeps each read as its own segment: the inspector shows where reads begin.
    EXPECT_EQ(model.stream().segmentCount(), 3);
    EXPECT_TRUE(model.stream().startsRead(6 + 3));

    model.addReceived("again", 0, 1); // after completion: a new bubble
    EXPECT_EQ(model.rowCount(), 3);
}

TEST(ConversationModelTest, EachPeerHasItsOwnReply)
{
    ConversationModel model;
    model.setPeerLabel(1, QStringLiteral("#1 127.0.0.1:4000"));
    model.addReceived("from one ", 1);
    model.addReceived("from two", 2);
    model.addReceived("and more", 1);
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
    QObject::connect(&model, &ConversationModel::streamReset, &model,
                     [&streamResets] { ++streamResets; });
    for (int i = 0; i < 10000; ++i) {
        const QByteArray line = QByteArray::number(i).rightJustified(31, '.') + '\n';
        model.addSent(line, 0, i + 1);
        model.addReceived(line.toUpper(), 0, i + 1);
        model.finishReceived(0);
        ASSERT_LE(model.stream().size(), 64 * 1024);
        ASSERT_LE(model.rowCount(), 1001);
    }
    EXPECT_GT(streamResets, 0);
    EXPECT_GT(model.droppedBytes(), 0);
    EXPECT_EQ(kindAt(model, 0), Kind::Note);
    EXPECT_TRUE(model.index(0).data().toString().contains(QStringLiteral("memory")));
    // What is kept still points at the right bytes: the newest reply is the newest line.
    const int last = model.rowCount() - 1;
    EXPECT_EQ(bytesAt(model, last), QByteArray::number(9999).rightJustified(31, '.') + '\n');
    EXPECT_EQ(bytesAt(model, last - 1), QByteArray::number(9999).rightJustified(31, '.') + '\n');
}

} // namespace
