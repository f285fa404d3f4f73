#include "net/NetTestSupport.h"

#include "core/SocketEventText.h"
#include "gui/SocketCallsModel.h"
#include "gui/SocketCallsView.h"
#include "net/CapitalizeClient.h"
#include "net/CapitalizeServer.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>

#include <gtest/gtest.h>

#ifdef Q_OS_UNIX
#  include <time.h>
#endif

#include <iostream>

namespace {

using Side = SocketCallsModel::Side;

// What the lecture's client sends: one string, encoded, no line ending. 16 + 4 = 20 bytes.
const QByteArray Taco = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae");
const QByteArray LoudTaco = QByteArrayLiteral("I AM HUNGRY FOR \xf0\x9f\x8c\xae");

QString cell(const SocketCallsModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

QStringList columnTexts(const SocketCallsModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(cell(model, row, column));
    return texts;
}

template<typename Engine>
void record(Engine &engine, SocketCallsModel &model)
{
    QObject::connect(&engine, &Engine::socketEvent, &model, &SocketCallsModel::add);
}

// The stripped lines of one of the lecture's programs, as tests/peers keeps them.
QStringList lectureProgram(const QString &name)
{
    QFile file(QStringLiteral(CAPSOCK_TESTS_DIR "/peers/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines;
    for (const QByteArray &line : file.readAll().split('\n'))
        lines.append(QString::fromUtf8(line).trimmed());
    return lines;
}

TEST(SocketCallsTest, ARealServerShowsTheLectureServersCallsWithItsPythonLines)
{
    SocketCallsModel model(Side::Server);
    CapitalizeServer server;
    record(server, model);
    ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString();

    RawPeer peer(server.port());
    ASSERT_TRUE(peer.waitConnected());
    peer.send(Taco);
    peer.finishSending();
    ASSERT_TRUE(peer.waitEnded());
    EXPECT_EQ(peer.received(), LoudTaco);
    // The session closes once both sides are done, which may be just after the peer's end.
    ASSERT_TRUE(waitUntil([&model] { return model.rowCount() + model.pendingRows() >= 9; },
                          5000));
    server.stop();
    model.flush();

    const QString client = QStringLiteral("127.0.0.1:%1").arg(peer.stream().localPort());
    EXPECT_EQ(columnTexts(model, SocketCallsModel::CallColumn),
              QStringList({
                  QStringLiteral("socket(AF_INET, SOCK_STREAM)"),
                  QStringLiteral("setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)"),
                  QStringLiteral("bind((\"127.0.0.1\", 0)) -> the system chose port %1")
                      .arg(server.port()),
                  QStringLiteral("listen()"),
                  QStringLiteral("accept() -> ('127.0.0.1', %1)")
                      .arg(peer.stream().localPort()),
                  QStringLiteral("recv(1024) -> 20 bytes"),
                  QStringLiteral("sendall(20 bytes)"),
                  QStringLiteral("recv(1024) -> 0 bytes: the client finished sending"),
                  QStringLiteral("close() -> the client closed the connection"),
                  QStringLiteral("close() -> the listening socket: no new clients"),
              }));
    const QStringList python{
        QStringLiteral("sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)"),
        QStringLiteral("sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"),
        QStringLiteral("sock.bind((HOST, PORT))"),
        QStringLiteral("sock.listen()"),
        QStringLiteral("conn, addr = sock.accept()"),
        QStringLiteral("data = conn.recv(1024)"),
        QStringLiteral("conn.sendall(data)"),
        QStringLiteral("data = conn.recv(1024)"),
        QStringLiteral("conn.close()"),
        QStringLiteral("sock.close()"),
    };
    EXPECT_EQ(columnTexts(model, SocketCallsModel::LectureColumn), python);
    // Each of those is a line of the lecture's server, word for word.
    const QStringList program = lectureProgram(QStringLiteral("lecture_server.py"));
    ASSERT_FALSE(program.isEmpty());
    for (const QString &line : python)
        EXPECT_TRUE(program.contains(line)) << line;

    const QString listening = QStringLiteral("listening socket");
    const QString connection = QStringLiteral("#1 ") + client;
    EXPECT_EQ(columnTexts(model, SocketCallsModel::ConnectionColumn),
              QStringList({listening, listening, listening, listening, connection, connection,
                           connection, connection, connection, listening}));

    static const QRegularExpression clock(QStringLiteral(R"(^\d\d:\d\d:\d\d\.\d\d\d$)"));
    for (int row = 0; row < model.rowCount(); ++row) {
        EXPECT_TRUE(clock.match(cell(model, row, SocketCallsModel::TimeColumn)).hasMatch());
        EXPECT_FALSE(cell(model, row, SocketCallsModel::CallColumn, Qt::ToolTipRole).isEmpty())
            << row;
        EXPECT_FALSE(model.data(model.index(row, SocketCallsModel::CallColumn),
                                Qt::ForegroundRole).isValid())
            << "nothing failed, yet row " << row << " is coloured as a failure";
    }
}

class SocketCallsClientTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString();
        record(client, model);
        QObject::connect(&client, &CapitalizeClient::dataReceived, &client,
                         [this](const QByteArray &chunk) { received += chunk; });
        client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
        ASSERT_TRUE(waitUntil(
            [this] { return client.state() == CapitalizeClient::State::Connected; }));
    }

    // The connect row: "connect(("127.0.0.1", 5220)) -> connected in 0.3 ms: a -> b".
    void expectConnectRow(int row)
    {
        const QRegularExpression connected(
            QStringLiteral(R"(^connect\(\("127\.0\.0\.1", %1\)\) -> connected in [\d.]+ ms: )"
                           R"(127\.0\.0\.1:%2 -> 127\.0\.0\.1:%1$)")
                .arg(server.port())
                .arg(client.localPort()));
        const QString text = cell(model, row, SocketCallsModel::CallColumn);
        EXPECT_TRUE(connected.match(text).hasMatch()) << text;
    }

    CapitalizeServer server;
    CapitalizeClient client;
    SocketCallsModel model{Side::Client};
    QByteArray received;
};

TEST_F(SocketCallsClientTest, TheLecturesClientSequenceShowsTheLectureClientsPythonLines)
{
    client.send(Taco);
    ASSERT_TRUE(waitUntil([this] { return received.size() >= LoudTaco.size(); }));
    EXPECT_EQ(received, LoudTaco);
    model.flush();
    expectConnectRow(1); // before disconnecting: the local port is gone after
    client.disconnectFromServer(); // the lecture's sock.close(), right after its one recv
    model.flush();

    const QStringList calls = columnTexts(model, SocketCallsModel::CallColumn);
    ASSERT_EQ(calls.size(), 5) << calls.join(QStringLiteral("\n"));
    EXPECT_EQ(calls.at(0), QStringLiteral("socket(AF_INET, SOCK_STREAM)"));
    EXPECT_EQ(calls.at(2), QStringLiteral("sendall(20 bytes)"));
    EXPECT_EQ(calls.at(3), QStringLiteral("recv(1024) -> 20 bytes")); // as the server says it
    EXPECT_EQ(calls.at(4), QStringLiteral("close() -> we disconnect"));

    const QStringList python{
        QStringLiteral("sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)"),
        QStringLiteral("sock.connect((HOST, PORT))"),
        QStringLiteral("sock.sendall(data)"),
        QStringLiteral("data = sock.recv(1024)"),
        QStringLiteral("sock.close()"),
    };
    EXPECT_EQ(columnTexts(model, SocketCallsModel::LectureColumn), python);
    const QStringList program = lectureProgram(QStringLiteral("lecture_client.py"));
    ASSERT_FALSE(program.isEmpty());
    for (const QString &line : python)
        EXPECT_TRUE(program.contains(line)) << line;
    EXPECT_EQ(columnTexts(model, SocketCallsModel::ConnectionColumn),
              QStringList(5, QStringLiteral("connection #1")));
}

TEST_F(SocketCallsClientTest, AHalfCloseShowsShutdownAsSomethingTheLecturesClientDoesNotDo)
{
    client.send(Taco);
    client.finishSending();
    ASSERT_TRUE(waitUntil(
        [this] { return client.state() == CapitalizeClient::State::ClosedByServer; }));
    EXPECT_EQ(received, LoudTaco);
    model.flush();

    const QStringList calls = columnTexts(model, SocketCallsModel::CallColumn);
    ASSERT_EQ(calls.size(), 7) << calls.join(QStringLiteral("\n"));
    EXPECT_EQ(calls.at(3),
              QStringLiteral("shutdown(SHUT_WR) -> nothing more to send; the replies still come"));
    EXPECT_EQ(calls.at(5),
              QStringLiteral("recv(1024) -> 0 bytes: the server closed the connection"));
    EXPECT_EQ(columnTexts(model, SocketCallsModel::LectureColumn),
              QStringList({
                  QStringLiteral("sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)"),
                  QStringLiteral("sock.connect((HOST, PORT))"),
                  QStringLiteral("sock.sendall(data)"),
                  QStringLiteral("sock.shutdown(socket.SHUT_WR)  "
                                 "# the lecture's client does not do this"),
                  QStringLiteral("data = sock.recv(1024)"),
                  QStringLiteral("data = sock.recv(1024)"),
                  QStringLiteral("sock.close()"),
              }));
    // And that note is true.
    for (const QString &line : lectureProgram(QStringLiteral("lecture_client.py")))
        EXPECT_FALSE(line.contains(QLatin1String("shutdown"))) << line;
    EXPECT_TRUE(cell(model, 5, SocketCallsModel::CallColumn, Qt::ToolTipRole)
                    .contains(QLatin1String("server closed")));
}

// A pseudo-translation: every user-visible string upper-cased ("%1" stays "%1"). What a call
// means must not hang on its English words: a real translation changes all of them.
class UpperCaseTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QString::fromUtf8(sourceText).toUpper();
    }
};

// The rows of `model` whose Python line is `python`.
QList<int> rowsWithLine(const SocketCallsModel &model, const QString &python)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (cell(model, row, SocketCallsModel::LectureColumn) == python)
            rows.append(row);
    }
    return rows;
}

QString allCalls(const SocketCallsModel &model)
{
    return columnTexts(model, SocketCallsModel::CallColumn).join(QLatin1Char('\n'));
}

bool colouredAsFailure(const SocketCallsModel &model, int row)
{
    return model.data(model.index(row, SocketCallsModel::CallColumn), Qt::ForegroundRole)
        .isValid();
}

TEST(SocketCallsTranslationTest, TranslatedFailuresStillStandOutAndEachCallIsStillExplained)
{
    UpperCaseTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const auto uninstall = qScopeGuard(
        [&translator] { QCoreApplication::removeTranslator(&translator); });

    SocketCallsModel serverCalls(Side::Server);
    ServerOptions options = loopbackOptions(); // port 0: the system chooses
    options.maxClients = 1;
    CapitalizeServer server;
    record(server, serverCalls);
    ASSERT_TRUE(server.start(options)) << server.errorString();
    RawPeer served(server.port());
    ASSERT_TRUE(served.waitConnected());
    ASSERT_TRUE(waitUntil([&server] { return server.sessions().size() == 1; }));
    RawPeer refused(server.port()); // past the limit
    ASSERT_TRUE(refused.waitEnded());
    options.port = server.port();
    CapitalizeServer second; // the port is taken
    record(second, serverCalls);
    ASSERT_FALSE(second.start(options));
    serverCalls.flush();

    const QList<int> binds = rowsWithLine(serverCalls, QStringLiteral("sock.bind((HOST, PORT))"));
    ASSERT_EQ(binds.size(), 2) << allCalls(serverCalls);
    const QString chose = cell(serverCalls, binds[0], SocketCallsModel::CallColumn);
    EXPECT_TRUE(chose.contains(QStringLiteral("THE SYSTEM CHOSE PORT"))) << chose; // translated
    EXPECT_TRUE(cell(serverCalls, binds[0], SocketCallsModel::LectureColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("PORT 0 ASKS THE SYSTEM FOR ANY FREE PORT")));
    EXPECT_FALSE(colouredAsFailure(serverCalls, binds[0]));
    EXPECT_TRUE(colouredAsFailure(serverCalls, binds[1]))
        << cell(serverCalls, binds[1], SocketCallsModel::CallColumn);
    EXPECT_TRUE(cell(serverCalls, binds[1], SocketCallsModel::LectureColumn, Qt::ToolTipRole)
                    .startsWith(QStringLiteral("BIND() FAILED")));

    const QList<int> accepts = rowsWithLine(serverCalls,
                                            QStringLiteral("conn, addr = sock.accept()"));
    ASSERT_EQ(accepts.size(), 2) << allCalls(serverCalls);
    EXPECT_FALSE(colouredAsFailure(serverCalls, accepts[0]));
    EXPECT_EQ(cell(serverCalls, accepts[0], SocketCallsModel::ConnectionColumn),
              QStringLiteral("#1 127.0.0.1:%1").arg(served.stream().localPort()));
    EXPECT_TRUE(colouredAsFailure(serverCalls, accepts[1]))
        << cell(serverCalls, accepts[1], SocketCallsModel::CallColumn);

    SocketCallsModel clientCalls(Side::Client);
    CapitalizeClient client;
    record(client, clientCalls);
    client.connectToServer(QStringLiteral("127.0.0.1"), unusedPort());
    ASSERT_TRUE(waitUntil(
        [&client] { return client.state() == CapitalizeClient::State::Failed; }));
    clientCalls.flush();
    const QList<int> connects = rowsWithLine(clientCalls,
                                             QStringLiteral("sock.connect((HOST, PORT))"));
    ASSERT_EQ(connects.size(), 1) << allCalls(clientCalls);
    EXPECT_TRUE(colouredAsFailure(clientCalls, connects[0]))
        << cell(clientCalls, connects[0], SocketCallsModel::CallColumn);
    EXPECT_TRUE(cell(clientCalls, connects[0], SocketCallsModel::LectureColumn, Qt::ToolTipRole)
                    .startsWith(QStringLiteral("NOTHING ACCEPTED THE CONNECTION")));
}

TEST(SocketCallsModelTest, EachRowShowsItsEventsWordsAndFailuresStandOut)
{
    using Failure = SocketFailure::Kind;
    struct Case
    {
        Side side;
        SocketEvent event;
        QString call;
        QString python;
        bool failure;
    };
    const QList<Case> cases{
        {Side::Server, SocketEvent::socket(Side::Server, true, true),
         "socket(AF_INET6, SOCK_STREAM) -> dual-stack: takes IPv4 and IPv6 clients",
         "sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)", false},
        {Side::Server, SocketEvent::bind({"", 80}, 0, {Failure::PermissionDenied, 0, {}}),
         "bind((\"\", 80)) -> failed: permission denied", "sock.bind((HOST, PORT))", true},
        {Side::Server, SocketEvent::refuse({"127.0.0.1", 5000}, 1),
         "accept() -> 127.0.0.1:5000, refused: it already serves 1 client, the limit",
         "conn, addr = sock.accept()", true},
        {Side::Server, SocketEvent::recv(Side::Server, 4, 4096, 7), "recv(4096) -> 7 bytes",
         "data = conn.recv(4096)", false},
        {Side::Client, SocketEvent::connectFailed({"127.0.0.1", 1}, {Failure::Refused, 0, {}}),
         "connect((\"127.0.0.1\", 1)) -> failed: refused", "sock.connect((HOST, PORT))", true},
        {Side::Client, SocketEvent::recv(Side::Client, 0, 1024, 0, {Failure::Reset, 0, {}}),
         "recv(1024) -> failed: connection reset (RST)", "data = sock.recv(1024)", true},
        {Side::Client, SocketEvent::close(Side::Client, 0, SocketEvent::CloseReason::Disconnect),
         "close() -> we disconnect", "sock.close()", false},
    };
    for (const Case &test : cases) {
        SocketCallsModel model(test.side);
        model.add(test.event);
        EXPECT_EQ(cell(model, 0, SocketCallsModel::CallColumn), test.call);
        EXPECT_EQ(cell(model, 0, SocketCallsModel::LectureColumn), test.python) << test.call;
        EXPECT_EQ(colouredAsFailure(model, 0), test.failure) << test.call;
        EXPECT_EQ(cell(model, 0, SocketCallsModel::LectureColumn, Qt::ToolTipRole),
                  SocketEventText::explanation(test.event))
            << test.call;
        EXPECT_EQ(model.eventAt(0).kind, test.event.kind);
    }

    SocketCallsModel model(Side::Server);
    model.add(SocketEvent::accept(3, {"::1", 51234}));
    EXPECT_EQ(cell(model, 0, SocketCallsModel::ConnectionColumn),
              QStringLiteral("#3 [::1]:51234"));
    const QString accepting = QStringLiteral(
        "The server takes the next waiting connection; it gets a new socket for this client and "
        "the client's address and port.");
    EXPECT_EQ(cell(model, 0, SocketCallsModel::LectureColumn, Qt::ToolTipRole), accepting);
    // The Call column's tooltip also has the whole call, in case the column cuts it short.
    EXPECT_EQ(cell(model, 0, SocketCallsModel::CallColumn, Qt::ToolTipRole),
              QStringLiteral("accept() -> ('::1', 51234, 0, 0)\n\n") + accepting);
    model.setConnectionLabel(3, QStringLiteral("laptop"));
    EXPECT_EQ(cell(model, 0, SocketCallsModel::ConnectionColumn), QStringLiteral("#3 laptop"));

    // The time is the event's, not the time the model heard of it.
    const QDateTime when(QDate(2024, 5, 6), QTime(13, 14, 15, 678));
    SocketEvent read = SocketEvent::recv(Side::Server, 3, 1024, 1);
    read.timeUs = when.toMSecsSinceEpoch() * 1000 + 999;
    model.add(read);
    model.flush();
    EXPECT_EQ(cell(model, 1, SocketCallsModel::TimeColumn), QStringLiteral("13:14:15.678"));
}

// The Python column says truthfully where its code comes from: the lecture's own lines stand
// as they are; a call the lecture never makes (IPv6, shutdown(), the name lookup, UDP, which is
// the textbook's) is in italics, as the heading's tooltip says.
TEST(SocketCallsModelTest, ThePythonLinesTheLectureDoesNotHaveAreInItalics)
{
    SocketCallsModel model(Side::Server);
    model.setBatchInterval(0);
    EXPECT_EQ(model.headerData(SocketCallsModel::LectureColumn, Qt::Horizontal).toString(),
              QStringLiteral("In Python"));
    const QString tip =
        model.headerData(SocketCallsModel::LectureColumn, Qt::Horizontal, Qt::ToolTipRole)
            .toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("lecture's"))
                && tip.contains(QStringLiteral("italics")))
        << tip.toStdString();

    const QStringList lecture = lectureProgram(QStringLiteral("lecture_server.py"))
        + lectureProgram(QStringLiteral("lecture_client.py"));
    ASSERT_FALSE(lecture.isEmpty());
    struct Case
    {
        SocketEvent event;
        bool inLecture;
    };
    const Case cases[] = {
        {SocketEvent::socket(Side::Server, false), true},
        {SocketEvent::socket(Side::Server, true, true), false}, // dual-stack: AF_INET6
        {SocketEvent::listen(), true},
        {SocketEvent::recv(Side::Server, 1, 1024, 5), true},
        {SocketEvent::send(Side::Client, 0, 5), true},
        {SocketEvent::connected({"127.0.0.1", 5220}, {"127.0.0.1", 40000}, 100), true},
        {SocketEvent::close(Side::Server, 1, SocketEvent::CloseReason::PeerFinished), true},
        {SocketEvent::lookup({"localhost", 5220}, {QStringLiteral("127.0.0.1")}), false},
        {SocketEvent::shutdown(Side::Server, 1, SocketEvent::CloseReason::AfterFirstReply),
         false},
        {SocketEvent::shutdown(Side::Client, 0), false},
        {SocketEvent::socket(Side::Server, false).onDatagramSocket(), false},
        {SocketEvent::recvFrom(Side::Server, 1, 2048, 5, {"127.0.0.1", 40000}, 5), false},
    };
    for (const Case &test : cases)
        model.add(test.event);
    ASSERT_EQ(model.rowCount(), int(std::size(cases)));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString line = cell(model, row, SocketCallsModel::LectureColumn);
        const QVariant font = model.data(model.index(row, SocketCallsModel::LectureColumn),
                                         Qt::FontRole);
        const bool italic = font.isValid() && font.value<QFont>().italic();
        EXPECT_EQ(italic, !cases[row].inLecture) << line.toStdString();
        EXPECT_EQ(lecture.contains(line), cases[row].inLecture) << line.toStdString();
    }
}

#ifdef Q_OS_UNIX
// CPU time of the whole process: the UI thread's work and any the platform does for it.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}
#endif

SocketEvent readCall(int number)
{
    return SocketEvent::recv(Side::Server, 1, 1024, number);
}

TEST(SocketCallsModelTest, PastTheLimitTheOldestRowsGoAndTheCountOfDroppedOnesIsShown)
{
    SocketCallsModel model(Side::Server, 5);
    model.setBatchInterval(0); // every row announced on its own
    SocketCallsView view;
    view.setModel(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    for (int number = 1; number <= 12; ++number)
        model.add(readCall(number));

    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.droppedRows(), 7);
    EXPECT_EQ(cell(model, 0, SocketCallsModel::CallColumn),
              QStringLiteral("recv(1024) -> 8 bytes"));
    EXPECT_EQ(cell(model, 4, SocketCallsModel::CallColumn),
              QStringLiteral("recv(1024) -> 12 bytes"));
    // One row in, one row out, each time: no resets, which would cost the view a full reload.
    ASSERT_EQ(inserted.count(), 12);
    ASSERT_EQ(removed.count(), 7);
    for (const QList<QVariant> &arguments : removed) {
        EXPECT_EQ(arguments.at(1).toInt(), 0);
        EXPECT_EQ(arguments.at(2).toInt(), 0);
    }
    EXPECT_EQ(reset.count(), 0);
    EXPECT_TRUE(waitUntil([&view] { return view.statusText().contains(QLatin1String("7 older")); },
                          2000))
        << view.statusText();
    EXPECT_TRUE(view.statusText().startsWith(QLatin1String("5 calls"))) << view.statusText();

    view.treeView()->selectionModel()->select(
        model.index(4, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view.copySelection();
    const QStringList copied = QGuiApplication::clipboard()->text().split(QLatin1Char('\t'));
    ASSERT_EQ(copied.size(), 4) << QGuiApplication::clipboard()->text();
    // As shown: the call, the lecture's line, the connection, the time.
    EXPECT_EQ(copied.at(0), QStringLiteral("recv(1024) -> 12 bytes"));
    EXPECT_EQ(copied.at(1), QStringLiteral("data = conn.recv(1024)"));

    ASSERT_TRUE(view.clearAction()->isEnabled());
    view.clearAction()->trigger();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.droppedRows(), 0);
    EXPECT_EQ(view.statusText(), QStringLiteral("0 calls"));
    EXPECT_FALSE(view.clearAction()->isEnabled());
}

// One client that floods must not push every other client's calls out of the list: past the
// bound the busiest connections lose their oldest rows first, so a teacher following a quiet
// student still reads its calls, and the listening socket's.
TEST(SocketCallsModelTest, PastTheLimitTheBusiestConnectionLosesItsOldestFirst)
{
    SocketCallsModel model(Side::Server, 100);
    model.setBatchInterval(0);
    model.add(SocketEvent::listen());
    for (int number = 1; number <= 10; ++number)
        model.add(SocketEvent::recv(Side::Server, 2, 1024, number)); // a quiet student
    for (int number = 1; number <= 1000; ++number) {
        model.add(SocketEvent::recv(Side::Server, 3, 1024, number)); // one that floods
        if (number == 500)
            model.add(SocketEvent::recv(Side::Server, 2, 1024, 11));
    }
    model.flush();
    EXPECT_LE(model.rowCount(), 100);
    EXPECT_GE(model.droppedRows(), 1011 - 100);
    QList<qint64> studentBytes;
    qint64 flooderFirst = -1;
    int listening = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const SocketEvent event = model.eventAt(row);
        if (event.connectionId == 0)
            ++listening;
        else if (event.connectionId == 2)
            studentBytes << event.bytes;
        else if (flooderFirst < 0)
            flooderFirst = event.bytes;
    }
    EXPECT_EQ(listening, 1) << "listen() stays";
    EXPECT_EQ(studentBytes.size(), 11) << "every call of the quiet student stays";
    EXPECT_GT(flooderFirst, 900) << "the flooder keeps its newest";
}

TEST(SocketCallsModelTest, ABurstIsAnnouncedInOneBatchAndWaitsInBoundedMemory)
{
    SocketCallsModel model(Side::Server, 100);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    for (int number = 1; number <= 1000; ++number)
        model.add(readCall(number));
    // The first call after a quiet spell is shown at once; the rest of the burst waits, and of
    // that no more than a list's worth is kept.
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.pendingRows(), 100);
    EXPECT_EQ(inserted.count(), 1);

    ASSERT_TRUE(waitUntil([&model] { return model.pendingRows() == 0; }, 2000));
    EXPECT_EQ(model.rowCount(), 100);
    EXPECT_EQ(model.droppedRows(), 900);
    EXPECT_EQ(inserted.count(), 2);
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(cell(model, 0, SocketCallsModel::CallColumn),
              QStringLiteral("recv(1024) -> 901 bytes"));
    EXPECT_EQ(cell(model, 99, SocketCallsModel::CallColumn),
              QStringLiteral("recv(1024) -> 1000 bytes"));
}

class SocketCallsViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        view.setModel(&model);
        view.resize(700, 300);
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    }

    // As reads arrive live: one row per pass of the event loop.
    void addRows(int count)
    {
        for (int i = 0; i < count; ++i) {
            ++m_added;
            model.add(readCall(m_added));
            QCoreApplication::processEvents();
        }
        model.flush();
        for (int i = 0; i < 3; ++i) // the last layout and scroll
            QCoreApplication::processEvents();
    }

    QScrollBar *bar() { return view.treeView()->verticalScrollBar(); }

    QString topRowCall()
    {
        const QModelIndex top = view.treeView()->indexAt(QPoint(5, 2));
        return model.data(model.index(top.row(), SocketCallsModel::CallColumn)).toString();
    }

    bool newestRowVisible()
    {
        QTreeView *tree = view.treeView();
        const QRect row = tree->visualRect(model.index(model.rowCount() - 1, 0));
        return row.isValid() && tree->viewport()->rect().contains(row.center());
    }

    SocketCallsModel model{Side::Server, 300};
    SocketCallsView view;

private:
    int m_added = 0;
};

TEST_F(SocketCallsViewTest, FollowsNewRowsAtTheBottomAndStaysPutWhenScrolledUp)
{
    EXPECT_EQ(view.accessibleName(), QStringLiteral("Socket calls"));
    EXPECT_TRUE(view.treeView()->wordWrap()) << "a long call wraps, and its row grows";

    addRows(200);
    ASSERT_GT(bar()->maximum(), 0) << "the rows must not all fit, or nothing scrolls";
    EXPECT_EQ(bar()->value(), bar()->maximum());
    EXPECT_TRUE(newestRowVisible());

    // Scrolled up, reading: new rows must not move the list.
    bar()->setValue(120);
    const QString reading = topRowCall();
    EXPECT_EQ(reading, QStringLiteral("recv(1024) -> 121 bytes"));
    addRows(50);
    EXPECT_EQ(bar()->value(), 120);
    EXPECT_EQ(topRowCall(), reading);
    EXPECT_FALSE(newestRowVisible());

    // Not even while the oldest rows are dropped above: 350 rows, 50 of them gone.
    addRows(100);
    ASSERT_EQ(model.droppedRows(), 50);
    EXPECT_EQ(topRowCall(), reading);
    EXPECT_FALSE(newestRowVisible());

    // Back at the bottom, it follows again.
    bar()->setValue(bar()->maximum());
    addRows(20);
    EXPECT_EQ(bar()->value(), bar()->maximum());
    EXPECT_TRUE(newestRowVisible());
    EXPECT_EQ(cell(model, model.rowCount() - 1, SocketCallsModel::CallColumn),
              QStringLiteral("recv(1024) -> 370 bytes"));
}

TEST_F(SocketCallsViewTest, KeepsFollowingWhenTheViewGetsShorter)
{
    addRows(100);
    ASSERT_TRUE(newestRowVisible());
    // The window's bar grows a line (a long state, the composer shown): nobody scrolled away.
    view.resize(700, 150);
    addRows(5);
    EXPECT_TRUE(newestRowVisible());
    EXPECT_TRUE(view.isAtBottom());
}

TEST_F(SocketCallsViewTest, AThousandCallsASecondAtTheRowLimitTakeLittleOfTheUiThread)
{
#ifndef Q_OS_UNIX
    GTEST_SKIP() << "measures CPU time with clock_gettime()";
#else
    SocketCallsModel full(Side::Server); // the default limit of 10000 rows, all of them in use
    for (int number = 1; number <= SocketCallsModel::DefaultMaxRows; ++number)
        full.add(readCall(number));
    full.flush();
    view.setModel(&full);
    QCoreApplication::processEvents();

    // One call a millisecond for a second, each on its own pass of the event loop as reads
    // come, while the view follows the bottom and rows drop off the top.
    int added = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    QObject::connect(&feeder, &QTimer::timeout, &full, [&full, &added] {
        ++added;
        full.add(readCall(added));
    });
    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    feeder.start(1);
    waitUntil([&wall] { return wall.elapsed() >= 1000; }, 5000);
    feeder.stop();
    const double busy = (cpuSeconds() - cpuBefore) / (double(wall.elapsed()) / 1000.0);
    std::cout << "[          ] " << added << " calls in " << wall.elapsed() << " ms, CPU "
              << int(busy * 100) << "% of that\n";

    EXPECT_GT(added, 500) << "the load did not happen";
    EXPECT_LT(busy, 0.5) << "the view keeps the UI thread busy";
    full.flush();
    EXPECT_EQ(full.rowCount(), SocketCallsModel::DefaultMaxRows);
    EXPECT_EQ(full.droppedRows(), added);
    EXPECT_TRUE(view.isAtBottom());
    view.setModel(&model);
#endif
}

} // namespace

namespace {

// The calls the list shows (not hidden), as "connection: call".
QStringList callsShown(const SocketCallsView &view, const SocketCallsModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!view.treeView()->isRowHidden(row, {}))
            shown << QStringLiteral("%1: %2").arg(model.eventAt(row).connectionId)
                         .arg(cell(model, row, SocketCallsModel::CallColumn));
    }
    return shown;
}

} // namespace

// A teacher following client #2 sees its calls and the listening socket's, not the others'.
TEST_F(SocketCallsViewTest, FollowingOneConnectionShowsItsCallsAndTheListeningSockets)
{
    model.setBatchInterval(0);
    model.add(SocketEvent::listen());
    model.add(SocketEvent::recv(Side::Server, 1, 1024, 1));
    model.add(SocketEvent::recv(Side::Server, 2, 1024, 2));
    view.showOnlyConnection(2);
    model.add(SocketEvent::recv(Side::Server, 1, 1024, 3));
    model.add(SocketEvent::recv(Side::Server, 2, 1024, 4));
    EXPECT_EQ(callsShown(view, model),
              QStringList({QStringLiteral("0: listen()"),
                           QStringLiteral("2: recv(1024) -> 2 bytes"),
                           QStringLiteral("2: recv(1024) -> 4 bytes")}));
    EXPECT_TRUE(view.statusText().contains(QStringLiteral("#2"))) << view.statusText();

    view.showAllConnections();
    EXPECT_EQ(callsShown(view, model).size(), 5);
    EXPECT_FALSE(view.statusText().contains(QStringLiteral("#2"))) << view.statusText();
}

// The line above the list says much once older calls were dropped and one client is followed;
// it wraps rather than widening the window (a newcomer's server window grew by 300 px).
TEST(SocketCallsViewAloneTest, ALongStatusWrapsInsteadOfWideningTheWindow)
{
    SocketCallsModel model(SocketSide::Server, 5);
    model.setBatchInterval(0);
    SocketCallsView view;
    view.setModel(&model);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    const int narrowest = view.minimumSizeHint().width();
    model.setConnectionLabel(2, QStringLiteral("[2001:db8:1234:5678:9abc:def0:1234:5678]:51234"));
    for (int i = 0; i < 20; ++i)
        model.add(SocketEvent::recv(SocketSide::Server, 2, 1024, i + 1));
    view.showOnlyConnection(2);
    ASSERT_TRUE(view.statusText().contains(QStringLiteral("dropped"))) << view.statusText();
    QCoreApplication::processEvents(); // the layout hears of the new text
    // At least as wide as its longest word, the IPv6 address: far from the 1265 px of one line.
    EXPECT_LE(view.minimumSizeHint().width(), std::max(narrowest, 400)) << view.statusText();
}
