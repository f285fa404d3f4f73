#include "CutText.h"
#include "DemoSize.h"
#include "EventLoopWait.h"
#include "QtPrinters.h"
#include "Tshark.h"

#include "gui/ComposerWidget.h"
#include "gui/HexView.h"
#include "gui/MainWindow.h"
#include "gui/SocketCallsView.h"
#include "gui/TcpView.h"
#include "net/BindAddress.h"
#include "net/CapitalizeSession.h"
#include "net/ClientOptions.h"
#include "net/NetTestSupport.h"
#include "net/TcpStream.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTabWidget>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>
#include <QSpinBox>
#include <QTcpServer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <gtest/gtest.h>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

#include <unistd.h>

#include <algorithm>
#include <map>

namespace {

const QString Taco = QStringLiteral("I am hungry for 🌮");

// The rows of a conversation, as (kind, text) for failure messages and checks: all the model
// holds, told to the views now rather than at the next frame.
struct Row
{
    ConversationModel::Kind kind;
    QString text;
    qint64 bytes;
    qint64 roundTrip;
    qint64 offset;
    qint64 end;
};

std::vector<Row> rowsOf(ConversationModel &model)
{
    model.flush();
    std::vector<Row> rows;
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex index = model.index(i);
        rows.push_back({index.data(ConversationModel::KindRole).value<ConversationModel::Kind>(),
                        index.data(Qt::DisplayRole).toString(),
                        index.data(ConversationModel::ByteCountRole).toLongLong(),
                        index.data(ConversationModel::RoundTripRole).toLongLong(),
                        index.data(ConversationModel::StreamOffsetRole).toLongLong(),
                        index.data(ConversationModel::StreamEndRole).toLongLong()});
    }
    return rows;
}

std::vector<Row> rowsOfKind(ConversationModel &model, ConversationModel::Kind kind)
{
    std::vector<Row> rows;
    for (const Row &row : rowsOf(model))
        if (row.kind == kind)
            rows.push_back(row);
    return rows;
}

bool hasNote(ConversationModel &model, const QString &part)
{
    for (const Row &row : rowsOf(model))
        if ((row.kind == ConversationModel::Kind::Note
             || row.kind == ConversationModel::Kind::Problem)
            && row.text.contains(part))
            return true;
    return false;
}

QLineEdit *messageField(MainWindow &window)
{
    return window.composer()->findChild<QLineEdit *>(QStringLiteral("message"));
}

void typeAndSend(MainWindow &window, const QString &text)
{
    QLineEdit *field = messageField(window);
    field->setFocus();
    bool ascii = true;
    for (const QChar character : text)
        ascii = ascii && character.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(field, text);
    else
        field->insert(text); // QTest types ASCII only; an emoji arrives as a paste would
    QTest::keyClick(field, Qt::Key_Return);
}

QSpinBox *spinBox(MainWindow &window, const char *name)
{
    auto *box = window.findChild<QSpinBox *>(QLatin1String(name));
    EXPECT_NE(box, nullptr) << name;
    return box;
}

// Presses Enter in a field as a person would: it has the focus, the key goes to it.
void pressEnterIn(QWidget *field)
{
    field->activateWindow();
    field->setFocus(Qt::TabFocusReason);
    QTest::keyClick(field, Qt::Key_Return);
}

// Every Alt+letter the window offers as it stands: the menu titles, and the buttons and labelled
// fields that are shown. Two on one letter clash: Alt+letter then only hops between them.
// Returns "Alt+F: &File | Close after the &first reply" for each clash.
QStringList mnemonicClashes(QMainWindow &window)
{
    std::map<QString, QStringList> owners;
    const auto note = [&owners](const QString &text) {
        const QKeySequence mnemonic = QKeySequence::mnemonic(text);
        if (!mnemonic.isEmpty())
            owners[mnemonic.toString()].append(text);
    };
    for (const QAction *action : window.menuBar()->actions())
        if (action->isVisible())
            note(action->text());
    for (const QAbstractButton *button : window.findChildren<QAbstractButton *>())
        if (button->isVisibleTo(&window))
            note(button->text());
    for (const QLabel *label : window.findChildren<QLabel *>())
        if (label->buddy() && label->isVisibleTo(&window))
            note(label->text());
    QStringList clashes;
    for (const auto &[key, texts] : owners)
        if (texts.size() > 1)
            clashes << key + QStringLiteral(": ") + texts.join(QStringLiteral(" | "));
    // Inside each menu, its own items.
    for (const QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
        std::map<QString, QStringList> items;
        for (const QAction *action : menu->actions()) {
            const QKeySequence mnemonic = QKeySequence::mnemonic(action->text());
            if (action->isVisible() && !mnemonic.isEmpty())
                items[mnemonic.toString()].append(action->text());
        }
        for (const auto &[key, texts] : items)
            if (texts.size() > 1)
                clashes << menu->title() + QStringLiteral(" ") + key + QStringLiteral(": ")
                        + texts.join(QStringLiteral(" | "));
    }
    return clashes;
}

// One of a class hammering the server: sends its next line the moment the reply to the last
// one is whole, `lines` lines in all (0: until the connection ends).
class PingPongPeer
{
public:
    PingPongPeer(quint16 port, int number, int lines)
        : m_number(number)
        , m_lines(lines)
        , m_stream(QHostAddress(QHostAddress::LocalHost), port)
    {
        QObject::connect(&m_stream, &TcpStream::connected, &m_stream, [this] { sendNext(); });
        QObject::connect(&m_stream, &TcpStream::readyToReceive, &m_stream, [this] { read(); });
    }

    static QByteArray line(int number, int index)
    {
        return QStringLiteral("client %1 says hi %2\n").arg(number).arg(index).toUtf8();
    }
    int replies() const { return int(m_received.count('\n')); }
    bool done() const { return m_lines > 0 && replies() == m_lines; }
    bool ended() const
    {
        return m_stream.peerFinished() || m_stream.error() != TcpStream::Error::None;
    }
    const QByteArray &sent() const { return m_sent; }
    const QByteArray &received() const { return m_received; }

private:
    void sendNext()
    {
        const QByteArray next = line(m_number, replies());
        m_sent += next;
        m_stream.send(next);
    }
    void read()
    {
        const int before = replies();
        for (QByteArray chunk = m_stream.receive(64 * 1024); !chunk.isEmpty();
             chunk = m_stream.receive(64 * 1024)) {
            m_received += chunk;
        }
        if (replies() > before && (m_lines == 0 || replies() < m_lines) && !ended())
            sendNext();
    }

    const int m_number;
    const int m_lines;
    TcpStream m_stream;
    QByteArray m_sent;
    QByteArray m_received;
};

int repliesOf(const std::vector<std::unique_ptr<PingPongPeer>> &peers)
{
    int replies = 0;
    for (const auto &peer : peers)
        replies += peer->replies();
    return replies;
}

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ServerOptions options;
        options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
        options.port = 0;
        serverWindow.setServerOptions(options);
        serverWindow.show();
        clientWindow.show();
        ASSERT_TRUE(serverWindow.startServer()) << serverWindow.stateText();
    }

    void connectClient()
    {
        clientWindow.connectToServer(QStringLiteral("127.0.0.1"), serverWindow.server().port());
        ASSERT_TRUE(waitUntil([this] {
            return clientWindow.client().state() == CapitalizeClient::State::Connected;
        })) << clientWindow.stateText();
    }

    // The client connects, sends "hi" and has its reply.
    void exchangeOneMessage()
    {
        ASSERT_NO_FATAL_FAILURE(connectClient());
        typeAndSend(clientWindow, QStringLiteral("hi"));
        ASSERT_TRUE(waitUntil([this] {
            return !rowsOfKind(clientWindow.conversation(), ConversationModel::Kind::Received)
                        .empty();
        }));
    }

    MainWindow serverWindow{false};
    MainWindow clientWindow{false};
};

TEST_F(MainWindowTest, TypingAMessageAndEnterShowsTheCapitalizedReplyInBothWindows)
{
    connectClient();
    EXPECT_TRUE(clientWindow.stateText().contains(QStringLiteral("Connected")))
        << clientWindow.stateText();
    EXPECT_TRUE(messageField(clientWindow)->hasFocus() || !clientWindow.isActiveWindow());

    typeAndSend(clientWindow, Taco);
    ConversationModel &client = clientWindow.conversation();
    ASSERT_TRUE(waitUntil([&client] {
        return rowsOfKind(client, ConversationModel::Kind::Received).size() == 1
            && client.index(client.rowCount() - 1).data(ConversationModel::CompleteRole).toBool();
    })) << "no reply";

    const std::vector<Row> sent = rowsOfKind(client, ConversationModel::Kind::Sent);
    const std::vector<Row> received = rowsOfKind(client, ConversationModel::Kind::Received);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].text, Taco + QStringLiteral("\\n"));
    EXPECT_EQ(sent[0].bytes, 21);
    EXPECT_EQ(received[0].text, QStringLiteral("I AM HUNGRY FOR 🌮\\n"));
    EXPECT_EQ(received[0].bytes, 21);
    EXPECT_GE(received[0].roundTrip, 0);

    // The inspector holds exactly the bytes that crossed the wire, both ways.
    const QByteArray expected = (Taco + QLatin1Char('\n')).toUtf8()
        + QStringLiteral("I AM HUNGRY FOR 🌮\n").toUtf8();
    EXPECT_EQ(clientWindow.inspector()->stream()->bytes().toByteArray(), expected);

    // The server's window shows the same exchange, from its side, and lists the client.
    ConversationModel &server = serverWindow.conversation();
    ASSERT_TRUE(waitUntil([&server] {
        return rowsOfKind(server, ConversationModel::Kind::Sent).size() == 1;
    }));
    EXPECT_EQ(rowsOfKind(server, ConversationModel::Kind::Received)[0].text,
              Taco + QStringLiteral("\\n"));
    EXPECT_EQ(rowsOfKind(server, ConversationModel::Kind::Sent)[0].text,
              QStringLiteral("I AM HUNGRY FOR 🌮\\n"));
    EXPECT_EQ(serverWindow.inspector()->stream()->bytes().toByteArray(), expected);
    ASSERT_EQ(serverWindow.clientList()->topLevelItemCount(), 2); // "All clients", then it
    const QString listed = serverWindow.clientList()->topLevelItem(1)->text(0);
    EXPECT_TRUE(listed.startsWith(QStringLiteral("#1 127.0.0.1:")))
        << listed;
    EXPECT_TRUE(listed.endsWith(QString::number(clientWindow.client().localPort()))) << listed;
}

TEST_F(MainWindowTest, AHundredThousandCharactersPastedGoOutWholeAndComeBackWhole)
{
    connectClient();
    QString text;
    while (text.size() < 100000)
        text += QStringLiteral("a pasted line of homework, ");
    QGuiApplication::clipboard()->setText(text);
    QLineEdit *field = messageField(clientWindow);
    field->setFocus();
    QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Return);
    const QByteArray sent = text.toUtf8() + '\n';
    const QByteArray expected = sent + text.toUpper().toUtf8() + '\n';
    ASSERT_TRUE(waitUntil([this, &expected] {
        return clientWindow.inspector()->stream()->size() >= expected.size();
    })) << clientWindow.inspector()->stream()->size();
    EXPECT_TRUE(clientWindow.inspector()->stream()->bytes() == expected);
    ASSERT_EQ(rowsOfKind(clientWindow.conversation(), ConversationModel::Kind::Sent).size(), 1u);
    EXPECT_EQ(rowsOfKind(clientWindow.conversation(), ConversationModel::Kind::Sent)[0].bytes,
              sent.size());
}

TEST_F(MainWindowTest, ClickingABubbleSelectsItsBytesInTheInspector)
{
    connectClient();
    typeAndSend(clientWindow, QStringLiteral("first"));
    typeAndSend(clientWindow, Taco);
    ConversationModel &client = clientWindow.conversation();
    ASSERT_TRUE(waitUntil([&client] {
        return rowsOfKind(client, ConversationModel::Kind::Received).size() == 2;
    }));
    int tacoReply = -1;
    for (int i = 0; i < client.rowCount(); ++i)
        if (client.index(i).data().toString().startsWith(QStringLiteral("I AM HUNGRY")))
            tacoReply = i;
    ASSERT_GE(tacoReply, 0);
    auto *view = clientWindow.findChild<QAbstractItemView *>(QStringLiteral("conversation"));
    ASSERT_NE(view, nullptr);
    view->scrollTo(client.index(tacoReply));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(client.index(tacoReply)).center());
    EXPECT_EQ(clientWindow.inspector()->selectedBytes(),
              QStringLiteral("I AM HUNGRY FOR 🌮\n").toUtf8());
}

TEST_F(MainWindowTest, HexModeSendsExactlyTheTypedBytes)
{
    connectClient();
    clientWindow.composer()->setHexMode(true);
    typeAndSend(clientWindow, QStringLiteral("68 69 ff fe 0a"));
    ConversationModel &server = serverWindow.conversation();
    ASSERT_TRUE(waitUntil([&server] {
        return !rowsOfKind(server, ConversationModel::Kind::Received).empty();
    }));
    const Row received = rowsOfKind(server, ConversationModel::Kind::Received)[0];
    EXPECT_EQ(serverWindow.inspector()->stream()->bytes(received.offset, received.bytes)
                  .toByteArray(),
              QByteArray("hi\xff\xfe\n"));
    ConversationModel &client = clientWindow.conversation();
    ASSERT_TRUE(waitUntil([&client] {
        return !rowsOfKind(client, ConversationModel::Kind::Received).empty();
    }));
    const Row reply = rowsOfKind(client, ConversationModel::Kind::Received)[0];
    EXPECT_EQ(clientWindow.inspector()->stream()->bytes(reply.offset, reply.bytes).toByteArray(),
              QByteArray("HI\xff\xfe\n")); // invalid bytes come back unchanged
}

TEST_F(MainWindowTest, ABadHexDigitIsRefusedWithAMessage)
{
    connectClient();
    clientWindow.composer()->setHexMode(true);
    typeAndSend(clientWindow, QStringLiteral("68 6g"));
    EXPECT_FALSE(clientWindow.composer()->errorText().isEmpty());
    EXPECT_TRUE(clientWindow.composer()->errorText().contains(QStringLiteral("g")))
        << clientWindow.composer()->errorText();
    QTest::qWait(100);
    EXPECT_TRUE(rowsOfKind(clientWindow.conversation(), ConversationModel::Kind::Sent).empty());
    EXPECT_EQ(messageField(clientWindow)->text(), QStringLiteral("68 6g")); // nothing lost
}

TEST_F(MainWindowTest, SocketCallsFollowTheLecture)
{
    ASSERT_NO_FATAL_FAILURE(exchangeOneMessage());
    const SocketCallsModel &calls = serverWindow.socketCalls();
    const auto lectureLines = [&calls] {
        QStringList lines;
        for (int row = 0; row < calls.rowCount(); ++row)
            lines << calls.index(row, SocketCallsModel::LectureColumn).data().toString();
        return lines.join(QLatin1Char('\n'));
    };
    // The list takes rows in small batches, so a flood of reads can not swamp the window.
    waitUntil([&lectureLines] { return lectureLines().contains("conn.sendall(data)"); }, 3000);
    const QString all = lectureLines();
    int at = 0;
    for (const QString &line : {QStringLiteral("sock.bind((HOST, PORT))"),
                                QStringLiteral("sock.listen()"),
                                QStringLiteral("conn, addr = sock.accept()"),
                                QStringLiteral("conn.recv(1024)"),
                                QStringLiteral("conn.sendall(data)")}) {
        const int found = int(all.indexOf(line, at));
        EXPECT_GE(found, 0) << "missing or out of order: " << line << "\nin:\n" << all;
        at = std::max(at, found);
    }
}

TEST_F(MainWindowTest, TheServerClosingIsSaidPlainlyAndSendingAgainReconnects)
{
    serverWindow.stopServer();
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = 0;
    options.closeAfterFirstReply = true;
    serverWindow.setServerOptions(options);
    ASSERT_TRUE(serverWindow.startServer());
    connectClient();
    typeAndSend(clientWindow, QStringLiteral("one"));
    ASSERT_TRUE(waitUntil([this] {
        return clientWindow.client().state() == CapitalizeClient::State::ClosedByServer;
    }));
    EXPECT_TRUE(hasNote(clientWindow.conversation(),
                        QStringLiteral("The server closed the connection")));
    EXPECT_TRUE(clientWindow.stateText().contains(QStringLiteral("closed the connection")))
        << clientWindow.stateText();
    EXPECT_EQ(clientWindow.windowTitle(),
              QStringLiteral("client of 127.0.0.1:%1 (closed by the server)")
                  .arg(serverWindow.server().port()));

    typeAndSend(clientWindow, QStringLiteral("two"));
    ASSERT_TRUE(waitUntil([this] {
        return rowsOfKind(clientWindow.conversation(), ConversationModel::Kind::Received).size()
            == 2;
    }));
    EXPECT_EQ(rowsOfKind(clientWindow.conversation(), ConversationModel::Kind::Received)[1].text,
              QStringLiteral("TWO\\n"));
}

// The demo puts two windows side by side on a 1600x900 screen: each must fit in half of it.
TEST(MainWindowAloneTest, TwoWindowsFitSideBySideOnTheDemosScreen)
{
    for (const MainWindow::Transport transport :
         {MainWindow::Transport::Tcp, MainWindow::Transport::Udp}) {
        for (const MainWindow::Mode mode :
             {MainWindow::Mode::Server, MainWindow::Mode::Client}) {
            MainWindow window(false);
            window.setTransport(transport);
            window.setMode(mode);
            window.show();
            EXPECT_LE(window.minimumSizeHint().width(), 1600 / 2 - 8)
                << int(mode) << " " << int(transport);
        }
    }
}

#ifdef Q_OS_LINUX
// Out of descriptors, the server cannot accept: the window says so, and says when it can again.
TEST(MainWindowAloneTest, RunningOutOfDescriptorsShowsInTheWindowUntilSomeComeFree)
{
    MainWindow window(false);
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = 0;
    options.maxClients = 1000; // the user's own number, above what the system will allow here
    window.setServerOptions(options);
    window.show();
    ASSERT_TRUE(window.startServer()) << window.stateText();
    // Forty clients in another process, connecting when told to.
    QProcess crowd;
    crowd.start(QStringLiteral(CAPSOCK_PYTHON),
                {QStringLiteral("-c"),
                 QStringLiteral("import socket, sys\n"
                                "sys.stdin.readline()\n"
                                "s = [socket.create_connection(('127.0.0.1', %1)) "
                                "for i in range(40)]\n"
                                "print('connected', flush=True)\n"
                                "sys.stdin.readline()\n")
                     .arg(window.server().port())});
    ASSERT_TRUE(crowd.waitForStarted(10000));

    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    const auto open = rlim_t(QDir(QStringLiteral("/proc/self/fd")).count());
    rlimit low = saved;
    low.rlim_cur = open + 16;
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
    crowd.write("connect\n");
    const bool shown = waitUntil([&window] {
        return window.stateText().contains(QStringLiteral("out of descriptors"));
    }, 20000);
    ::setrlimit(RLIMIT_NOFILE, &saved); // before anything else: UBSan needs descriptors too
    EXPECT_TRUE(shown) << window.stateText();
    EXPECT_TRUE(hasNote(window.conversation(), QStringLiteral("ulimit -n")));

    crowd.write("leave\n"); // its forty connections close: descriptors come free
    crowd.waitForFinished(10000);
    EXPECT_TRUE(waitUntil([&window] {
        return !window.stateText().contains(QStringLiteral("out of descriptors"));
    }, 20000)) << window.stateText();
    EXPECT_TRUE(hasNote(window.conversation(), QStringLiteral("accepting new clients again")));
}
#endif

TEST(MainWindowAloneTest, AServerReadingOneByteAtATimeSeesEachClientsTacoWhole)
{
    MainWindow serverWindow(false);
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = 0;
    options.readSize = 1;
    serverWindow.setServerOptions(options);
    serverWindow.show();
    ASSERT_TRUE(serverWindow.startServer()) << serverWindow.stateText();
    MainWindow first(false);
    MainWindow second(false);
    for (MainWindow *client : {&first, &second}) {
        client->show();
        client->connectToServer(QStringLiteral("127.0.0.1"), serverWindow.server().port());
    }
    ASSERT_TRUE(waitUntil([&first, &second] {
        return first.client().state() == CapitalizeClient::State::Connected
            && second.client().state() == CapitalizeClient::State::Connected;
    }));
    typeAndSend(first, Taco);
    typeAndSend(second, Taco);
    const qint64 exchanged = 2 * 2 * (Taco + QLatin1Char('\n')).toUtf8().size();
    ASSERT_TRUE(waitUntil([&serverWindow, exchanged] {
        return serverWindow.inspector()->stream()->size() == exchanged;
    })) << serverWindow.inspector()->stream()->size();

    const ByteStream &stream = *serverWindow.inspector()->stream();
    ASSERT_GT(stream.segmentCount(), 40); // a read and a reply per byte
    int tacoBytes = 0;
    for (qint64 offset = 0; offset < stream.size(); ++offset) {
        const QString text = serverWindow.inspector()->describeByte(offset);
        EXPECT_FALSE(text.contains(QStringLiteral("Not valid"))) << offset << text;
        EXPECT_FALSE(text.contains(QStringLiteral("not complete"))) << offset << text;
        tacoBytes += text.contains(QStringLiteral("U+1F32E")) ? 1 : 0;
    }
    EXPECT_EQ(tacoBytes, 4 * 4); // two clients, sent and echoed
}

TEST_F(MainWindowTest, TheClientCountFollowsClientsLeaving)
{
    const quint16 port = serverWindow.server().port();
    std::vector<std::unique_ptr<RawPeer>> peers;
    for (int i = 0; i < 4; ++i) {
        peers.push_back(std::make_unique<RawPeer>(port));
        ASSERT_TRUE(peers.back()->waitConnected());
    }
    QTreeWidget *list = serverWindow.clientList();
    ASSERT_TRUE(waitUntil([list] { return list->topLevelItemCount() == 1 + 4; }));
    EXPECT_TRUE(serverWindow.stateText().contains(QStringLiteral("4 clients connected")))
        << serverWindow.stateText();

    peers.pop_back(); // its socket closes
    ASSERT_TRUE(waitUntil([this] {
        return serverWindow.stateText().contains(QStringLiteral("3 clients connected"));
    })) << serverWindow.stateText();

    peers.clear();
    ASSERT_TRUE(waitUntil([this] {
        return serverWindow.stateText().contains(QStringLiteral("0 clients connected"));
    })) << serverWindow.stateText();
    EXPECT_EQ(list->topLevelItemCount(), 1 + 4); // those that left stay listed, until cleared
}

// --- Following one client ------------------------------------------------------------------

// The rows the window's conversation view shows (everyone's, or one client's), told to it now.
std::vector<Row> rowsShown(MainWindow &window)
{
    window.conversation().flush();
    const QAbstractItemModel *model =
        window.findChild<QAbstractItemView *>(QStringLiteral("conversation"))->model();
    std::vector<Row> rows;
    for (int i = 0; i < model->rowCount(); ++i) {
        const QModelIndex index = model->index(i, 0);
        rows.push_back({index.data(ConversationModel::KindRole).value<ConversationModel::Kind>(),
                        index.data(Qt::DisplayRole).toString(),
                        index.data(ConversationModel::ByteCountRole).toLongLong(),
                        index.data(ConversationModel::RoundTripRole).toLongLong(),
                        index.data(ConversationModel::StreamOffsetRole).toLongLong(),
                        index.data(ConversationModel::StreamEndRole).toLongLong()});
    }
    return rows;
}

// The messages shown, as the inspector has their bytes: each read or reply as text.
QStringList messagesShown(MainWindow &window)
{
    QStringList messages;
    const ByteStream *stream = window.inspector()->stream();
    for (const Row &row : rowsShown(window)) {
        if (row.kind == ConversationModel::Kind::Received
            || row.kind == ConversationModel::Kind::Sent)
            messages << QString::fromUtf8(stream->bytes(row.offset, row.end - row.offset));
    }
    return messages;
}

QString conversationHeader(MainWindow &window)
{
    return window.findChild<QLabel *>(QStringLiteral("conversationLabel"))->text();
}

// The client list's line for the peer connected from `port`; null while it is not listed.
QTreeWidgetItem *listed(MainWindow &window, quint16 port)
{
    QTreeWidget *list = window.clientList();
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        if (list->topLevelItem(row)->text(0).endsWith(QLatin1Char(':') + QString::number(port)))
            return list->topLevelItem(row);
    return nullptr;
}

// A client of the server window that says one line and reads its reply.
std::unique_ptr<RawPeer> talkingPeer(quint16 port, const QByteArray &line)
{
    auto peer = std::make_unique<RawPeer>(port);
    EXPECT_TRUE(peer->waitConnected());
    peer->send(line);
    EXPECT_TRUE(peer->waitReceived(line.size()));
    return peer;
}

void select(MainWindow &window, QTreeWidgetItem *item)
{
    window.clientList()->setCurrentItem(item);
    window.conversation().flush();
}

TEST_F(MainWindowTest, SelectingAClientShowsItsConversationAndBytesAlone)
{
    const quint16 port = serverWindow.server().port();
    const auto ann = talkingPeer(port, "ann here\n");
    const auto bob = talkingPeer(port, "bob here\n");
    const quint16 bobPort = bob->stream().localPort();
    ASSERT_TRUE(waitUntil([this, bobPort] { return listed(serverWindow, bobPort); }));
    const QString everyone = conversationHeader(serverWindow);

    select(serverWindow, listed(serverWindow, bobPort));
    EXPECT_EQ(messagesShown(serverWindow),
              QStringList({QStringLiteral("bob here\n"), QStringLiteral("BOB HERE\n")}));
    // The inspector has Bob's bytes alone, offsets counted within them; a tooltip says whose.
    EXPECT_EQ(serverWindow.inspector()->stream()->bytes(), QByteArrayView("bob here\nBOB HERE\n"));
    const QString tooltip = serverWindow.inspector()->describeByte(9);
    EXPECT_TRUE(tooltip.contains(QStringLiteral("Offset 0x0 (0) of the bytes sent to #2 "
                                                "127.0.0.1:%1").arg(bobPort)))
        << tooltip;
    const QString header = conversationHeader(serverWindow);
    EXPECT_TRUE(header.contains(QStringLiteral("Following #2 127.0.0.1:%1").arg(bobPort)))
        << header;
    EXPECT_TRUE(header.contains(QStringLiteral("All clients"))) << header;
    // The socket calls too: Bob's and the listening socket's.
    SocketCallsModel &calls = serverWindow.socketCalls();
    calls.flush();
    QTreeView *callList = serverWindow.findChild<SocketCallsView *>()->treeView();
    int callsShown = 0;
    for (int row = 0; row < calls.rowCount(); ++row) {
        if (callList->isRowHidden(row, {}))
            continue;
        ++callsShown;
        EXPECT_TRUE(calls.eventAt(row).connectionId == 0 || calls.eventAt(row).connectionId == 2)
            << calls.eventAt(row).connectionId;
    }
    EXPECT_GT(callsShown, 3); // listen(), accept(), recv(), sendall()

    select(serverWindow, serverWindow.clientList()->topLevelItem(0));
    EXPECT_EQ(serverWindow.clientList()->topLevelItem(0)->text(0), QStringLiteral("All clients"));
    EXPECT_EQ(messagesShown(serverWindow).size(), 4);
    EXPECT_EQ(conversationHeader(serverWindow), everyone);
}

TEST_F(MainWindowTest, WhatOthersSayWhileOneIsFollowedShowsWhenAllClientsAreBack)
{
    const quint16 port = serverWindow.server().port();
    const auto ann = talkingPeer(port, "ann here\n");
    const auto bob = talkingPeer(port, "bob here\n");
    const quint16 annPort = ann->stream().localPort();
    ASSERT_TRUE(waitUntil([this, annPort] { return listed(serverWindow, annPort); }));
    select(serverWindow, listed(serverWindow, annPort));

    bob->send("bob again\n");
    ann->send("ann again\n");
    ASSERT_TRUE(bob->waitReceived(2 * 9 + 1));
    ASSERT_TRUE(ann->waitReceived(2 * 9 + 1));
    ASSERT_TRUE(waitUntil([this] { return messagesShown(serverWindow).size() == 4; }));
    EXPECT_EQ(messagesShown(serverWindow),
              QStringList({QStringLiteral("ann here\n"), QStringLiteral("ANN HERE\n"),
                           QStringLiteral("ann again\n"), QStringLiteral("ANN AGAIN\n")}));

    select(serverWindow, serverWindow.clientList()->topLevelItem(0));
    const QStringList all = messagesShown(serverWindow);
    EXPECT_EQ(all.size(), 8);
    EXPECT_TRUE(all.contains(QStringLiteral("bob again\n"))) << all.join(QLatin1Char('|'));
    EXPECT_TRUE(all.contains(QStringLiteral("BOB AGAIN\n"))) << all.join(QLatin1Char('|'));
    EXPECT_EQ(serverWindow.inspector()->stream()->size(), 2 * (9 + 9 + 10 + 10));
}

// A client window has one conversation: turning to the client shows all of it again.
TEST_F(MainWindowTest, TurningToTheClientSideStopsFollowing)
{
    const auto ann = talkingPeer(serverWindow.server().port(), "ann here\n");
    const quint16 annPort = ann->stream().localPort();
    ASSERT_TRUE(waitUntil([this, annPort] { return listed(serverWindow, annPort); }));
    select(serverWindow, listed(serverWindow, annPort));
    ASSERT_TRUE(conversationHeader(serverWindow).contains(QStringLiteral("Following")));

    serverWindow.setMode(MainWindow::Mode::Client);
    EXPECT_FALSE(conversationHeader(serverWindow).contains(QStringLiteral("Following")));
    EXPECT_EQ(serverWindow.inspector()->stream(), &serverWindow.conversation().stream());
    const std::vector<Row> shown = rowsShown(serverWindow); // everyone's, Ann's included
    EXPECT_TRUE(std::any_of(shown.cbegin(), shown.cend(), [](const Row &row) {
        return row.text == QStringLiteral("ann here\\n");
    }));
}

TEST_F(MainWindowTest, AClientThatLeftStaysListedGreyedAndItsConversationCanBeRead)
{
    const quint16 port = serverWindow.server().port();
    auto ann = talkingPeer(port, "bye now\n");
    const quint16 annPort = ann->stream().localPort();
    ASSERT_TRUE(waitUntil([this, annPort] { return listed(serverWindow, annPort); }));
    QTreeWidgetItem *item = listed(serverWindow, annPort);
    const QColor connected = item->foreground(0).color();

    ann.reset(); // it closes
    ASSERT_TRUE(waitUntil([this, annPort] {
        return listed(serverWindow, annPort)->text(3).startsWith(QStringLiteral("left"));
    }));
    item = listed(serverWindow, annPort);
    EXPECT_EQ(item->text(3), QStringLiteral("left"));
    EXPECT_TRUE(item->toolTip(3).contains(QStringLiteral("left (closed by the client)")))
        << item->toolTip(3);
    EXPECT_NE(item->foreground(0).color(), connected);
    EXPECT_EQ(item->foreground(0).color(),
              serverWindow.clientList()->palette().color(QPalette::Disabled, QPalette::Text));

    select(serverWindow, item);
    EXPECT_EQ(messagesShown(serverWindow),
              QStringList({QStringLiteral("bye now\n"), QStringLiteral("BYE NOW\n")}));
    EXPECT_TRUE(hasNote(serverWindow.conversation(), QStringLiteral("closed: ")));
}

// "caf\xc3": the reply is "CAF" and the start of the next character waits for the rest. The
// conversation says so beside the reply, and, when the client ends there, what became of it.
TEST_F(MainWindowTest, AByteHeldBackIsExplainedBesideTheReply)
{
    const quint16 port = serverWindow.server().port();
    RawPeer peer(port);
    ASSERT_TRUE(peer.waitConnected());
    peer.send("caf\xc3");
    ASSERT_TRUE(peer.waitReceived(3));
    const quint16 peerPort = peer.stream().localPort();
    ASSERT_TRUE(waitUntil([this, peerPort] { return listed(serverWindow, peerPort); }));
    select(serverWindow, listed(serverWindow, peerPort));
    const auto noted = [this](const QString &part) {
        return waitUntil([this, part] {
            serverWindow.conversation().flush();
            return hasNote(serverWindow.conversation(), part);
        });
    };
    EXPECT_TRUE(noted(QStringLiteral("1 byte held back: the start of a UTF-8 character whose "
                                     "other bytes have not come yet; it goes out with them")));

    peer.finishSending();
    ASSERT_TRUE(peer.waitEnded());
    EXPECT_EQ(peer.received(), QByteArray("CAF\xc3"));
    EXPECT_TRUE(noted(QStringLiteral("the 1 byte held back went back unchanged")));
}

TEST_F(MainWindowTest, ClearRemovesTheClientsThatLeftAndKeepsTheConnectedOnes)
{
    const quint16 port = serverWindow.server().port();
    auto ann = talkingPeer(port, "ann here\n");
    const auto bob = talkingPeer(port, "bob here\n");
    const quint16 annPort = ann->stream().localPort();
    const quint16 bobPort = bob->stream().localPort();
    ASSERT_TRUE(waitUntil([this, bobPort] { return listed(serverWindow, bobPort); }));
    ann.reset();
    ASSERT_TRUE(waitUntil([this, annPort] {
        return listed(serverWindow, annPort)->text(3).startsWith(QStringLiteral("left"));
    }));
    select(serverWindow, listed(serverWindow, annPort));

    auto *clear = serverWindow.findChild<QPushButton *>(QStringLiteral("clearLeftButton"));
    ASSERT_NE(clear, nullptr);
    ASSERT_TRUE(clear->isEnabled());
    clear->click();
    ASSERT_TRUE(waitUntil([this, annPort] { return !listed(serverWindow, annPort); }));
    EXPECT_NE(listed(serverWindow, bobPort), nullptr);
    EXPECT_EQ(serverWindow.clientList()->topLevelItemCount(), 2);
    EXPECT_FALSE(clear->isEnabled()); // no one left to clear
    // The one followed is gone from the list: the window shows everyone again.
    EXPECT_EQ(serverWindow.clientList()->currentItem(), serverWindow.clientList()->topLevelItem(0));
    EXPECT_EQ(messagesShown(serverWindow).size(), 4);
}

// A class connecting and leaving all day keeps a list of bounded length: the latest to leave.
// Clients are told apart by their connection number: Linux may give a later client the port of
// one in TIME_WAIT on loopback (net.ipv4.tcp_tw_reuse = 2, the default).
TEST_F(MainWindowTest, OnlyTheClientsThatLeftMostRecentlyStayListed)
{
    constexpr int Clients = ServerPanel::LeftClientsListed + 5;
    const quint16 port = serverWindow.server().port();
    std::vector<qint64> ids;
    for (int i = 0; i < Clients; ++i) {
        auto peer = std::make_unique<RawPeer>(port);
        ASSERT_TRUE(peer->waitConnected());
        ASSERT_TRUE(waitUntil([this] { return serverWindow.server().sessions().size() == 1; }));
        ids.push_back(serverWindow.server().sessions().constFirst()->id());
        peer.reset(); // one at a time: they leave in the order they came
        ASSERT_TRUE(waitUntil([this] { return serverWindow.server().sessions().isEmpty(); }));
    }
    QTreeWidget *list = serverWindow.clientList();
    const auto listedAs = [list](qint64 id) {
        const QString number = QStringLiteral("#%1 ").arg(id);
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            if (list->topLevelItem(row)->text(0).startsWith(number))
                return true;
        }
        return false;
    };
    // The list catches up once a frame: it holds 100 long before the last has been listed.
    const qint64 last = ids.back();
    ASSERT_TRUE(waitUntil([&listedAs, last] { return listedAs(last); }));
    EXPECT_EQ(list->topLevelItemCount(), 1 + ServerPanel::LeftClientsListed);
    for (int i = 0; i < 5; ++i)
        EXPECT_FALSE(listedAs(ids[size_t(i)])) << i;
    for (int i = 5; i < Clients; ++i)
        EXPECT_TRUE(listedAs(ids[size_t(i)])) << i;
}

// The client's line in the list, right-clicked: "Close this connection" (a teacher ending a
// buggy homework client that hogs the class). The server's FIN goes, the client is told so by
// its end of stream, and the list and the calls say who closed it.
TEST_F(MainWindowTest, ATeacherClosesOneClientsConnectionFromTheList)
{
    const quint16 port = serverWindow.server().port();
    auto pat = talkingPeer(port, "pat\n");
    auto kim = talkingPeer(port, "kim\n");
    const quint16 patPort = pat->stream().localPort();
    ASSERT_TRUE(waitUntil([this, patPort] { return listed(serverWindow, patPort); }));
    QTreeWidget *list = serverWindow.clientList();
    const auto closeItem = [list] {
        for (QAction *action : list->actions()) {
            if (action->text().remove(QLatin1Char('&')) == QLatin1String("Close this connection"))
                return action;
        }
        return static_cast<QAction *>(nullptr);
    };
    ASSERT_NE(closeItem(), nullptr) << "in the list's context menu";
    EXPECT_EQ(list->contextMenuPolicy(), Qt::ActionsContextMenu);
    EXPECT_FALSE(closeItem()->isEnabled()) << "All clients is no connection to close";

    select(serverWindow, listed(serverWindow, patPort));
    ASSERT_TRUE(closeItem()->isEnabled());
    closeItem()->trigger();
    ASSERT_TRUE(pat->waitEnded()) << "the server's FIN reached the client";
    pat->finishSending();
    ASSERT_TRUE(waitUntil([this, patPort] {
        return listed(serverWindow, patPort)->text(3) == QLatin1String("left");
    }));
    EXPECT_TRUE(listed(serverWindow, patPort)->toolTip(0).contains(
        QStringLiteral("closed from the server's window")))
        << listed(serverWindow, patPort)->toolTip(0).toStdString();
    EXPECT_FALSE(closeItem()->isEnabled()) << "it has left";
    EXPECT_EQ(serverWindow.server().sessions().size(), 1) << "kim is still served";
    kim->send("still here\n");
    EXPECT_TRUE(kim->waitReceived(QByteArray("KIM\nSTILL HERE\n").size()));
}

// Shown once a frame, not once a message: still every message, each client's in order, and the
// inspector has every byte.
TEST_F(MainWindowTest, AClassInPingPongHasEveryMessageShownInOrder)
{
    constexpr int Clients = 10;
    constexpr int Lines = 300;
    std::vector<std::unique_ptr<PingPongPeer>> peers;
    for (int number = 0; number < Clients; ++number)
        peers.push_back(
            std::make_unique<PingPongPeer>(serverWindow.server().port(), number, Lines));
    ASSERT_TRUE(waitUntil([&peers] { return repliesOf(peers) == Clients * Lines; }, 60000))
        << repliesOf(peers);

    qint64 wire = 0;
    for (const auto &peer : peers) {
        ASSERT_EQ(peer->received(), peer->sent().toUpper());
        wire += 2 * peer->sent().size();
    }
    std::vector<QByteArray> read(Clients), replied(Clients);
    for (const Row &row : rowsOf(serverWindow.conversation())) {
        if (row.kind != ConversationModel::Kind::Received
            && row.kind != ConversationModel::Kind::Sent)
            continue;
        const QByteArray bytes = serverWindow.conversation()
                                     .stream()
                                     .bytes(row.offset, row.end - row.offset)
                                     .toByteArray();
        const int number = bytes.split(' ').value(1).toInt();
        ASSERT_TRUE(number >= 0 && number < Clients) << bytes.constData();
        (row.kind == ConversationModel::Kind::Received ? read : replied)[size_t(number)] += bytes;
    }
    for (int number = 0; number < Clients; ++number) {
        EXPECT_EQ(read[size_t(number)], peers[size_t(number)]->sent()) << number;
        EXPECT_EQ(replied[size_t(number)], peers[size_t(number)]->received()) << number;
    }
    EXPECT_EQ(serverWindow.inspector()->stream()->size(), wire);
}

// Ctrl+K in the middle of a flood is handled at the event loop's next pass, as any key is:
// the window does not fall behind its input however fast the clients are.
TEST_F(MainWindowTest, StopInTheMiddleOfAFloodTakesEffectAtOnce)
{
    constexpr int Clients = 20;
    std::vector<std::unique_ptr<PingPongPeer>> peers;
    for (int number = 0; number < Clients; ++number)
        peers.push_back(std::make_unique<PingPongPeer>(serverWindow.server().port(), number, 0));
    ASSERT_TRUE(waitUntil([&peers] { return repliesOf(peers) >= 100 * Clients; }, 60000))
        << repliesOf(peers);
    serverWindow.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&serverWindow));

    // Queued as a key press from the keyboard is: it waits its turn behind the sockets.
    QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : &serverWindow;
    QCoreApplication::postEvent(focus,
                                new QKeyEvent(QEvent::KeyPress, Qt::Key_K, Qt::ControlModifier));
    const int repliesWhenPressed = repliesOf(peers);
    ASSERT_TRUE(waitUntil([this] { return !serverWindow.server().isListening(); }))
        << "Ctrl+K did not stop the server";
    // Each client has one line at a time on the wire: a pass of the event loop answers each at
    // most once, and the key is handled within a pass or two.
    EXPECT_LE(repliesOf(peers) - repliesWhenPressed, 3 * Clients);
    EXPECT_TRUE(serverWindow.stateText().startsWith(QStringLiteral("Stopped")))
        << serverWindow.stateText();
    EXPECT_TRUE(waitUntil([&peers] {
        return std::all_of(peers.cbegin(), peers.cend(),
                           [](const auto &peer) { return peer->ended(); });
    })) << "a client is still connected";
}

TEST(MainWindowAloneTest, AMessageSentWhereNothingListensStaysAsABubbleMarkedNotSent)
{
    const quint16 port = unusedPort();
    ASSERT_NE(port, 0);
    MainWindow window(false);
    window.show();
    window.setMode(MainWindow::Mode::Client);
    auto *portField = window.findChild<QSpinBox *>(QStringLiteral("clientPort"));
    ASSERT_NE(portField, nullptr);
    portField->setValue(port);

    // Enter connects first; the connect is refused. Then again, after the failure.
    typeAndSend(window, QStringLiteral("hello"));
    ConversationModel &conversation = window.conversation();
    ASSERT_TRUE(waitUntil([&conversation] {
        return rowsOfKind(conversation, ConversationModel::Kind::Unsent).size() == 1;
    })) << window.stateText();
    EXPECT_EQ(window.client().state(), CapitalizeClient::State::Failed);
    typeAndSend(window, Taco);
    ASSERT_TRUE(waitUntil([&conversation] {
        return rowsOfKind(conversation, ConversationModel::Kind::Unsent).size() == 2;
    })) << window.stateText();

    const std::vector<Row> unsent = rowsOfKind(conversation, ConversationModel::Kind::Unsent);
    EXPECT_EQ(unsent[0].text, QStringLiteral("hello\\n"));
    EXPECT_EQ(unsent[0].bytes, 6);
    EXPECT_EQ(unsent[1].text, Taco + QStringLiteral("\\n"));
    EXPECT_EQ(unsent[1].bytes, 21);
    for (int row = 0; row < conversation.rowCount(); ++row) {
        const QModelIndex index = conversation.index(row);
        if (index.data(ConversationModel::KindRole).value<ConversationModel::Kind>()
            != ConversationModel::Kind::Unsent) {
            continue;
        }
        EXPECT_TRUE(index.data(ConversationModel::HeaderRole).toString().contains(
            QStringLiteral("not sent")))
            << index.data(ConversationModel::HeaderRole).toString();
        // Each is followed by the reason.
        const QModelIndex next = conversation.index(row + 1);
        EXPECT_EQ(next.data(ConversationModel::KindRole).value<ConversationModel::Kind>(),
                  ConversationModel::Kind::Problem);
        EXPECT_TRUE(next.data().toString().contains(QStringLiteral("refused")))
            << next.data().toString();
    }
    EXPECT_TRUE(rowsOfKind(conversation, ConversationModel::Kind::Sent).empty());
    // Nothing crossed the wire, so the inspector has no bytes.
    EXPECT_EQ(window.inspector()->stream()->size(), 0);
}

TEST(MainWindowAloneTest, AMessageForAnAddressThatIsNotOneIsKeptAsNotSent)
{
    MainWindow window(false);
    window.show();
    window.setMode(MainWindow::Mode::Client);
    auto *host = window.findChild<QComboBox *>(QStringLiteral("host"));
    ASSERT_NE(host, nullptr);
    host->setEditText(QStringLiteral("[::1"));

    typeAndSend(window, QStringLiteral("hello"));
    const std::vector<Row> unsent = rowsOfKind(window.conversation(),
                                               ConversationModel::Kind::Unsent);
    ASSERT_EQ(unsent.size(), 1u);
    EXPECT_EQ(unsent[0].text, QStringLiteral("hello\\n"));
    const std::vector<Row> problems = rowsOfKind(window.conversation(),
                                                 ConversationModel::Kind::Problem);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(problems[0].text.contains(QStringLiteral("missing \"]\""))) << problems[0].text;
    EXPECT_EQ(window.client().state(), CapitalizeClient::State::Disconnected);
}

TEST_F(MainWindowTest, EnterInThePortFieldConnects)
{
    auto *host = clientWindow.findChild<QComboBox *>(QStringLiteral("host"));
    ASSERT_NE(host, nullptr);
    host->setEditText(QStringLiteral("127.0.0.1"));
    QSpinBox *port = spinBox(clientWindow, "clientPort");
    ASSERT_NE(port, nullptr);
    port->setValue(serverWindow.server().port());
    pressEnterIn(port);
    ASSERT_TRUE(waitUntil([this] {
        return clientWindow.client().state() == CapitalizeClient::State::Connected;
    })) << clientWindow.stateText();
    EXPECT_EQ(clientWindow.client().peerPort(), serverWindow.server().port());

    // Enter again does not undo it: the port field connects, it does not toggle.
    pressEnterIn(port);
    QTest::qWait(50);
    EXPECT_EQ(clientWindow.client().state(), CapitalizeClient::State::Connected);
}

TEST_F(MainWindowTest, EnterInThePortFieldStartsTheServer)
{
    serverWindow.stopServer();
    ASSERT_FALSE(serverWindow.server().isListening());
    QSpinBox *port = spinBox(serverWindow, "serverPort");
    ASSERT_NE(port, nullptr);
    port->setValue(0); // any free port
    pressEnterIn(port);
    EXPECT_TRUE(serverWindow.server().isListening()) << serverWindow.stateText();
}

TEST_F(MainWindowTest, NoTwoThingsShareAnAltLetterInEitherMode)
{
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        for (const MainWindow::Transport transport :
             {MainWindow::Transport::Tcp, MainWindow::Transport::Udp}) {
            window->setTransport(transport);
            for (const MainWindow::Mode mode :
                 {MainWindow::Mode::Server, MainWindow::Mode::Client}) {
                window->setMode(mode);
                EXPECT_EQ(mnemonicClashes(*window).join(QLatin1Char('\n')), QString())
                    << (mode == MainWindow::Mode::Server ? "server" : "client")
                    << (transport == MainWindow::Transport::Udp ? " over UDP" : " over TCP");
            }
        }
    }
}

// Where Tab takes the keyboard, from the mode onwards: each stop named by the field it is in.
// Clear is a stop once the list has calls to clear, which it shows at most a frame or so after
// they were made: waited for, so that the walk does not race it.
void waitForClearToFollowTheCalls(MainWindow &window)
{
    const auto *clear = window.findChild<QToolButton *>(QStringLiteral("clearCalls"));
    const SocketCallsModel &calls = window.socketCalls();
    ASSERT_NE(clear, nullptr);
    ASSERT_TRUE(waitUntil([clear, &calls] {
        return clear->isEnabled() == (calls.rowCount() + calls.pendingRows() > 0);
    }));
}

QStringList tabStops(MainWindow &window)
{
    waitForClearToFollowTheCalls(window);
    auto *first = window.findChild<QRadioButton *>(QStringLiteral("serverMode"));
    (first->isChecked() ? first
                        : window.findChild<QRadioButton *>(QStringLiteral("clientMode")))
        ->setFocus(Qt::TabFocusReason);
    QStringList stops;
    for (int i = 0; i < 40 && stops.count(stops.value(0)) < 2; ++i) {
        QWidget *stop = QApplication::focusWidget();
        while (stop && (stop->objectName().isEmpty()
                        || stop->objectName().startsWith(QLatin1String("qt_")))) {
            stop = stop->parentWidget();
        }
        stops << (stop ? stop->objectName() : QStringLiteral("?"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    stops.removeLast(); // round again
    return stops;
}

TEST_F(MainWindowTest, TabGoesFromTheModeThroughTheBarToTheConversationTheBytesAndTheCalls)
{
    serverWindow.stopServer(); // its options can be changed again
    serverWindow.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&serverWindow));
    EXPECT_EQ(tabStops(serverWindow).join(QLatin1Char(' ')),
              QStringLiteral("serverMode tcpTransport bindAddress serverPort reuseAddress "
                             "startStopButton readSize pauseReading closeAfterReply maxClients "
                             "manualReplies clients conversation inspector callsTabs "
                             "socketCalls clearCalls"));
    clientWindow.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&clientWindow));
    EXPECT_EQ(tabStops(clientWindow).join(QLatin1Char(' ')),
              QStringLiteral("clientMode tcpTransport host clientPort connectButton conversation "
                             "inspector callsTabs socketCalls message inputMode lineEnding "
                             "sendButton"));
}

// Tab stops once in each group of radio buttons, on the one chosen (Qt's way: the arrows move
// within it): the mode, then the transport.
TEST_F(MainWindowTest, OverUdpTabGoesFromTheModeThroughTheBarToThePeersAndTheSharedArea)
{
    serverWindow.stopServer();
    serverWindow.setTransport(MainWindow::Transport::Udp);
    serverWindow.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&serverWindow));
    EXPECT_EQ(tabStops(serverWindow).join(QLatin1Char(' ')),
              QStringLiteral("serverMode udpTransport udpBindAddress udpPort udpStartStop "
                             "datagramSize peers conversation inspector callsTabs socketCalls "
                             "clearCalls"));
    clientWindow.setTransport(MainWindow::Transport::Udp);
    clientWindow.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&clientWindow));
    EXPECT_EQ(tabStops(clientWindow).join(QLatin1Char(' ')),
              QStringLiteral("clientMode udpTransport udpHost udpClientPort udpOpenClose "
                             "connectSocket conversation inspector callsTabs socketCalls message "
                             "inputMode lineEnding sendButton"));
}

// Qt adds the application's display name to every title (" — Capsock" on X11 and Windows), so
// a title that named it too would read "Capsock - server on port 5220 — Capsock".
TEST_F(MainWindowTest, TheTitlesSayWhatTheWindowIsAndLeaveTheNameToQt)
{
    connectClient();
    const QString port = QString::number(serverWindow.server().port());
    EXPECT_EQ(serverWindow.windowTitle(), QStringLiteral("server on port ") + port);
    EXPECT_TRUE(clientWindow.windowTitle().startsWith(QStringLiteral("client of ")))
        << clientWindow.windowTitle();
    for (const MainWindow *window : {&serverWindow, &clientWindow})
        EXPECT_FALSE(window->windowTitle().contains(QStringLiteral("Capsock")));
}

TEST_F(MainWindowTest, AFailedConnectionOffersOneButtonToTryAgain)
{
    QTcpServer probe; // a port where nothing listens
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), closedPort);
    ASSERT_TRUE(waitUntil([this] {
        return clientWindow.client().state() == CapitalizeClient::State::Failed;
    })) << clientWindow.stateText();

    // Connect is there to try again; no second button beside it does the same.
    QStringList shown;
    for (const QPushButton *button : clientWindow.findChildren<QPushButton *>())
        if (button->isVisibleTo(&clientWindow))
            shown << button->text().remove(QLatin1Char('&'));
    EXPECT_TRUE(shown.contains(QStringLiteral("Connect"))) << shown.join(QStringLiteral(", "));
    EXPECT_FALSE(shown.contains(QStringLiteral("Retry"))) << shown.join(QStringLiteral(", "));
}

// The title still names the server a refused client tried, and says what happened.
TEST_F(MainWindowTest, ARefusedClientsTitleNamesTheServerItTried)
{
    const quint16 closedPort = unusedPort();
    ASSERT_NE(closedPort, 0);
    clientWindow.connectToServer(QStringLiteral("127.0.0.1"), closedPort);
    ASSERT_TRUE(waitUntil([this] {
        return clientWindow.client().state() == CapitalizeClient::State::Failed;
    })) << clientWindow.stateText();
    EXPECT_EQ(clientWindow.windowTitle(),
              QStringLiteral("client of 127.0.0.1:%1 (refused)").arg(closedPort));
}

TEST_F(MainWindowTest, AtTheDemoSizeTheLecturesCodeIsInView)
{
    ASSERT_NO_FATAL_FAILURE(exchangeOneMessage());
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        showAtTheDemoSize(*window);
        window->socketCalls().flush();
        QTreeView *tree = window->findChild<SocketCallsView *>()->treeView();
        ASSERT_GT(tree->model()->rowCount(), 0);
        const QRect cell = tree->visualRect(
            tree->model()->index(tree->model()->rowCount() - 1, SocketCallsModel::LectureColumn));
        const QRect viewport = tree->viewport()->rect();
        EXPECT_GE(cell.left(), viewport.left()) << "scrolled sideways";
        EXPECT_LE(cell.right(), viewport.right())
            << "the lecture's column ends at " << cell.right() << ", the list at "
            << viewport.right();
        QFont code = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        code.setPointSizeF(tree->font().pointSizeF());
        const QString line = QStringLiteral("conn, addr = sock.accept()");
        EXPECT_GE(cell.width(), QFontMetrics(code).horizontalAdvance(line))
            << "too narrow to read a line of the lecture";
    }
}

// Every call and every line of the lecture reads whole, with no hovering: a long one wraps.
TEST_F(MainWindowTest, AtTheDemoSizeEveryCallReadsWhole)
{
    ASSERT_NO_FATAL_FAILURE(exchangeOneMessage());
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        showAtTheDemoSize(*window);
        window->socketCalls().flush();
        QTest::qWait(50); // the rows' layout
        QTreeView *tree = window->findChild<SocketCallsView *>()->treeView();
        ASSERT_GT(tree->model()->rowCount(), 3);
        QFont code = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        code.setPointSizeF(tree->font().pointSizeF());
        EXPECT_EQ(cutCells(tree, SocketCallsModel::CallColumn, tree->font()), QStringList());
        EXPECT_EQ(cutCells(tree, SocketCallsModel::LectureColumn, code), QStringList())
            << tree->viewport()->width() << " " << tree->columnWidth(0) << " "
            << tree->columnWidth(1);
    }
}

TEST_F(MainWindowTest, TheClientListShowsEachClientsPort)
{
    showAtTheDemoSize(serverWindow);
    connectClient();
    QTreeWidget *list = serverWindow.clientList();
    ASSERT_TRUE(waitUntil([list] { return list->topLevelItemCount() == 2; }));
    const QString label = list->topLevelItem(1)->text(0);
    ASSERT_TRUE(label.endsWith(QString::number(clientWindow.client().localPort()))) << label;
    // What an item view needs not to elide a cell's text: the text and a margin either side.
    const int margin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1;
    EXPECT_GE(list->columnWidth(0), list->fontMetrics().horizontalAdvance(label) + 2 * margin)
        << "the port is cut off: " << label;
    EXPECT_LE(list->header()->sectionViewportPosition(0) + list->columnWidth(0),
              list->viewport()->width());
}

// The cells of `list` whose text an item view would elide, and header labels cut, as
// "row,column: text" (row -1 for the header).
QStringList cutCells(QTreeWidget *list)
{
    const int margin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1;
    QStringList cut;
    QHeaderView *header = list->header();
    const int headerMargin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr,
                                                          header);
    for (int column = 0; column < list->columnCount(); ++column) {
        const QString title = list->headerItem()->text(column);
        if (header->fontMetrics().horizontalAdvance(title) + 2 * headerMargin
            > list->columnWidth(column))
            cut << QStringLiteral("-1,%1: %2").arg(column).arg(title);
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            const QTreeWidgetItem *item = list->topLevelItem(row);
            if (QFontMetrics(item->font(column)).horizontalAdvance(item->text(column))
                    + 2 * margin
                > list->columnWidth(column))
                cut << QStringLiteral("%1,%2: %3").arg(row).arg(column).arg(item->text(column));
        }
    }
    return cut;
}

// Beside the conversation, at the demo's size: every cell of the client list reads whole with
// no scrolling sideways, and so do the hint above it and the button that clears the list.
TEST_F(MainWindowTest, AtTheDemoSizeTheClientListReadsWhole)
{
    showAtTheDemoSize(serverWindow);
    const quint16 port = serverWindow.server().port();
    auto ann = talkingPeer(port, "hi\n");
    const quint16 annPort = ann->stream().localPort();
    ASSERT_TRUE(waitUntil([this, annPort] { return listed(serverWindow, annPort); }));
    QTreeWidget *list = serverWindow.clientList();
    ASSERT_TRUE(waitUntil([this, annPort] { // the counters' refresh
        return listed(serverWindow, annPort)->text(2) == QStringLiteral("3");
    }));
    EXPECT_EQ(cutCells(list), QStringList());
    EXPECT_LE(list->header()->length(), list->viewport()->width())
        << list->columnWidth(0) << " " << list->columnWidth(1) << " " << list->columnWidth(2)
        << " " << list->columnWidth(3);

    ann.reset(); // it leaves, and says how
    ASSERT_TRUE(waitUntil([this, annPort] {
        return listed(serverWindow, annPort)->text(3).startsWith(QStringLiteral("left"));
    }));
    QTest::qWait(50);
    EXPECT_EQ(cutCells(list), QStringList());
    EXPECT_LE(list->header()->length(), list->viewport()->width())
        << list->columnWidth(0) << " " << list->columnWidth(1) << " " << list->columnWidth(2)
        << " " << list->columnWidth(3);

    auto *clear = serverWindow.findChild<QPushButton *>(QStringLiteral("clearLeftButton"));
    ASSERT_TRUE(clear->isEnabled());
    EXPECT_GE(clear->width(), clear->sizeHint().width()) << "the button's text is cut";
    auto *hint = serverWindow.findChild<QLabel *>(QStringLiteral("clientsLabel"));
    EXPECT_LE(hint->heightForWidth(hint->width()), 2 * hint->fontMetrics().lineSpacing())
        << "the hint wraps into more than two lines";
}

// Whichever place to listen on is chosen, the bar reads it whole at the demo's size, and its
// tooltip says what it means.
TEST(MainWindowAloneTest, AtTheDemoSizeEachPlaceToListenOnReadsWhole)
{
    for (const MainWindow::Transport transport :
         {MainWindow::Transport::Tcp, MainWindow::Transport::Udp}) {
        MainWindow window(false);
        window.setTransport(transport);
        window.setMode(MainWindow::Mode::Server);
        window.show();
        showAtTheDemoSize(window);
        auto *bind = window.findChild<QComboBox *>(transport == MainWindow::Transport::Tcp
                                                       ? QStringLiteral("bindAddress")
                                                       : QStringLiteral("udpBindAddress"));
        ASSERT_NE(bind, nullptr);
        ASSERT_GE(bind->count(), 2);
        for (int index = 0; index < bind->count(); ++index) {
            bind->setCurrentIndex(index);
            EXPECT_LE(bind->fontMetrics().horizontalAdvance(bind->currentText()), textRoom(bind))
                << bind->currentText().toStdString() << " " << int(transport);
            EXPECT_FALSE(bind->itemData(index, Qt::ToolTipRole).toString().isEmpty())
                << bind->currentText().toStdString();
        }
        bind->setCurrentIndex(0); // every interface: the lecture's HOST = ""
        EXPECT_TRUE(bind->toolTip().contains(QStringLiteral("HOST = \"\"")))
            << bind->toolTip().toStdString();
        bind->setCurrentIndex(1);
        EXPECT_TRUE(bind->toolTip().contains(QStringLiteral("127.0.0.1")))
            << bind->toolTip().toStdString();
    }
}

TEST(MainWindowAloneTest, ThePortFieldsSayWhatPortToChoose)
{
    MainWindow window(false);
    const QString server = spinBox(window, "serverPort")->toolTip();
    EXPECT_TRUE(server.contains(QStringLiteral("below 1024"))) << server;
    EXPECT_TRUE(server.contains(QStringLiteral("administrator"))) << server;
    EXPECT_TRUE(server.contains(QStringLiteral("5220"))) << server;
    const QString client = spinBox(window, "clientPort")->toolTip();
    EXPECT_TRUE(client.contains(QStringLiteral("the server's port"), Qt::CaseInsensitive))
        << client;
    EXPECT_TRUE(client.contains(QStringLiteral("listens on"))) << client;
    EXPECT_TRUE(client.contains(QStringLiteral("5220"))) << client;
}

TEST(MainWindowAloneTest, AgainstTheLecturesPythonServer)
{
    QTcpServer probe; // a free port for the one-shot Python server
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral(CAPSOCK_PYTHON),
                 {QStringLiteral(CAPSOCK_TESTS_DIR "/peers/lecture_server.py"),
                  QString::number(port), QStringLiteral("127.0.0.1")});
    ASSERT_TRUE(waitUntil([&python] { return python.readAll().contains("Listening"); }, 15000))
        << "the lecture's server did not start";

    MainWindow window(false);
    window.show();
    window.composer()->setLineEnding(LineEnding::None); // as its client
    window.connectToServer(QStringLiteral("127.0.0.1"), port);
    ASSERT_TRUE(waitUntil([&window] {
        return window.client().state() == CapitalizeClient::State::Connected;
    })) << window.stateText();
    typeAndSend(window, Taco);
    ASSERT_TRUE(waitUntil([&window] {
        return window.client().state() == CapitalizeClient::State::ClosedByServer;
    })) << window.stateText();
    const std::vector<Row> received = rowsOfKind(window.conversation(),
                                                 ConversationModel::Kind::Received);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].text, QStringLiteral("I AM HUNGRY FOR 🌮"));
    EXPECT_TRUE(hasNote(window.conversation(), QStringLiteral("The server closed the connection")));
    python.waitForFinished(5000);
}

// The lecture's server reads once, with recv(1024), and closes: the rest of a longer message is
// left unread, so its system resets the connection. The window says why, in the calls too.
TEST(MainWindowAloneTest, MoreThanTheLecturesServerReadsEndsInAResetThatIsExplained)
{
    QTcpServer probe; // a free port for the one-shot Python server
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral(CAPSOCK_PYTHON),
                 {QStringLiteral(CAPSOCK_TESTS_DIR "/peers/lecture_server.py"),
                  QString::number(port), QStringLiteral("127.0.0.1")});
    ASSERT_TRUE(waitUntil([&python] { return python.readAll().contains("Listening"); }, 15000))
        << "the lecture's server did not start";

    MainWindow window(false);
    window.show();
    window.composer()->setLineEnding(LineEnding::None); // as its client
    window.connectToServer(QStringLiteral("127.0.0.1"), port);
    ASSERT_TRUE(waitUntil([&window] {
        return window.client().state() == CapitalizeClient::State::Connected;
    })) << window.stateText();
    typeAndSend(window, QString(1503, QLatin1Char('a')));
    ASSERT_TRUE(waitUntil([&window] {
        return window.client().state() == CapitalizeClient::State::Failed;
    })) << window.stateText();

    const std::vector<Row> received = rowsOfKind(window.conversation(),
                                                 ConversationModel::Kind::Received);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].bytes, 1024);
    const std::vector<Row> problems = rowsOfKind(window.conversation(),
                                                 ConversationModel::Kind::Problem);
    ASSERT_EQ(problems.size(), 1u);
    const QString &said = problems[0].text;
    EXPECT_TRUE(said.contains(QStringLiteral("answered 1024 of the 1503 bytes sent"))) << said;
    EXPECT_TRUE(said.contains(QStringLiteral("reset (RST)"))) << said;
    EXPECT_TRUE(said.contains(QStringLiteral("recv(1024)"))) << said;
    EXPECT_FALSE(said.contains(QStringLiteral("crashed"))) << said;
    EXPECT_EQ(window.stateText(), said);

    SocketCallsModel &calls = window.socketCalls();
    calls.flush();
    // The calls, with TCP's state changes among them left out (the last call is the last row).
    QStringList rows;
    std::vector<int> callRows;
    for (int row = 0; row < calls.rowCount(); ++row) {
        if (calls.eventAt(row).isTcpReading())
            continue;
        rows << calls.index(row, SocketCallsModel::CallColumn).data().toString();
        callRows.push_back(row);
    }
    ASSERT_GE(rows.size(), 4) << rows.join(QLatin1Char('\n'));
    const int last = int(rows.size()) - 1;
    EXPECT_EQ(rows.mid(last - 3),
              QStringList({QStringLiteral("sendall(1503 bytes)"),
                           QStringLiteral("recv(1024) -> 1024 bytes"),
                           QStringLiteral("recv(1024) -> failed: connection reset (RST)"),
                           QStringLiteral("close() -> the server reset the connection: we "
                                          "close our socket")}))
        << rows.join(QLatin1Char('\n'));
    const QModelIndex reset = calls.index(callRows[last - 1], SocketCallsModel::LectureColumn);
    EXPECT_EQ(reset.data().toString(), QStringLiteral("data = sock.recv(1024)"));
    const QString why = reset.data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(why.contains(QStringLiteral("ConnectionResetError"))) << why;
    EXPECT_TRUE(why.contains(QStringLiteral("unread"))) << why;
    EXPECT_TRUE(calls.index(callRows[last - 1], SocketCallsModel::CallColumn)
                    .data(Qt::ForegroundRole)
                    .isValid())
        << "a reset is a failure";
    EXPECT_EQ(calls.index(callRows[last], SocketCallsModel::LectureColumn).data().toString(),
              QStringLiteral("sock.close()"));
    python.waitForFinished(5000);
}

TEST(MainWindowAloneTest, RemembersItsSettings)
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
    {
        MainWindow window;
        window.setMode(MainWindow::Mode::Server);
        ServerOptions options;
        options.port = 6123;
        options.readSize = 7;
        window.setServerOptions(options);
        window.composer()->setLineEnding(LineEnding::CrLf);
        window.close();
    }
    MainWindow again;
    EXPECT_EQ(again.mode(), MainWindow::Mode::Server);
    EXPECT_EQ(again.composer()->lineEnding(), LineEnding::CrLf);
    auto *port = again.findChild<QSpinBox *>(QStringLiteral("serverPort"));
    auto *readSize = again.findChild<QSpinBox *>(QStringLiteral("readSize"));
    ASSERT_TRUE(port && readSize);
    EXPECT_EQ(port->value(), 6123);
    EXPECT_EQ(readSize->value(), 7);
}

// A server window and a client window side by side: each keeps what it changed, whichever
// quits last (each writes only what it changed since it read its settings).
TEST(MainWindowAloneTest, TwoWindowsSideBySideEachKeepWhatTheyChanged)
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
    {
        auto client = std::make_unique<MainWindow>();
        auto server = std::make_unique<MainWindow>();
        client->setMode(MainWindow::Mode::Client);
        client->findChild<QSpinBox *>(QStringLiteral("clientPort"))->setValue(6001);
        server->setMode(MainWindow::Mode::Server);
        ServerOptions options;
        options.port = 6002;
        server->setServerOptions(options);
        client->close(); // the client quits first, the server last
        server->close();
    }
    MainWindow again;
    EXPECT_EQ(again.findChild<QSpinBox *>(QStringLiteral("clientPort"))->value(), 6001)
        << "the server's window did not write back the client's port it had read";
    EXPECT_EQ(again.findChild<QSpinBox *>(QStringLiteral("serverPort"))->value(), 6002);
}

// Each default has one home, the options types: a window without settings (the demo's) and
// one whose settings are new start from them.
TEST(MainWindowAloneTest, ItsFieldsStartFromTheOptionsTypesDefaults)
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
    const ServerOptions server;
    const ClientOptions client;
    for (const bool remembers : {false, true}) {
        SCOPED_TRACE(remembers ? "with new settings" : "without settings");
        MainWindow window(remembers);
        EXPECT_EQ(spinBox(window, "serverPort")->value(), server.port);
        EXPECT_EQ(spinBox(window, "readSize")->value(), server.readSize);
        EXPECT_EQ(spinBox(window, "maxClients")->value(), server.maxClients);
        auto *closeAfterReply = window.findChild<QCheckBox *>(QStringLiteral("closeAfterReply"));
        ASSERT_NE(closeAfterReply, nullptr);
        EXPECT_EQ(closeAfterReply->isChecked(), server.closeAfterFirstReply);
        auto *bind = window.findChild<QComboBox *>(QStringLiteral("bindAddress"));
        ASSERT_NE(bind, nullptr);
        EXPECT_EQ(bind->currentData().toString(), BindAddress::name(server.bindAddresses));
        EXPECT_EQ(spinBox(window, "clientPort")->value(), client.port);
        EXPECT_EQ(window.composer()->lineEnding(), client.lineEnding);
        EXPECT_EQ(window.client().connectTimeout(), client.connectTimeoutMs);
    }
}

// As in the demo: two windows, Quit in one of them. Every window closes, the one that remembers
// its settings saves them, and the application's event loop ends.
TEST(MainWindowAloneTest, QuitClosesEveryWindowAndEndsTheProgram)
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("capsock-tests"));
    MainWindow remembering;
    ServerOptions options;
    options.port = 6125;
    remembering.setServerOptions(options);
    MainWindow demo(false);
    remembering.show();
    demo.show();
    auto *quit = demo.findChild<QAction *>(QStringLiteral("quitAction"));
    ASSERT_TRUE(quit);

    QTimer::singleShot(0, quit, &QAction::trigger); // once the event loop runs
    // Only a bound: were the loop never to end, the test fails here instead of hanging. (A
    // timer of the test's own, which ends with it, so it can not stop a later test's loop.)
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&bound, &QTimer::timeout, qApp, [] { QCoreApplication::exit(1); });
    bound.start(20000);
    const int exitCode = QApplication::exec();

    EXPECT_EQ(exitCode, 0) << "the event loop did not end with Quit";
    EXPECT_FALSE(demo.isVisible());
    EXPECT_FALSE(remembering.isVisible());
    EXPECT_EQ(QSettings().value(QStringLiteral("server/port")).toInt(), 6125);
}

// The lecture's "both parties can send": in manual mode the server window answers nothing by
// itself, and what is typed goes to the client followed.
TEST(MainWindowAloneTest, ByHandTheServerSendsWhatIsTypedToTheClientFollowed)
{
    MainWindow window(false);
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = 0;
    options.manualReplies = true;
    window.setServerOptions(options);
    window.show();
    ASSERT_TRUE(window.startServer()) << window.stateText();
    EXPECT_TRUE(window.composer()->isVisible());
    RawPeer ann(window.server().port());
    ASSERT_TRUE(ann.waitConnected());
    ann.send("hello?\n");
    ASSERT_TRUE(waitUntil([&window] { return messagesShown(window).size() == 1; }));

    // The message field says what to do first, then whom a reply goes to.
    const QString hint = messageField(window)->placeholderText();
    EXPECT_TRUE(hint.startsWith(QStringLiteral("Select a client"))) << hint;
    typeAndSend(window, QStringLiteral("to nobody")); // no client followed yet
    EXPECT_TRUE(hasNote(window.conversation(), QStringLiteral("Select the client")));
    const quint16 annPort = ann.stream().localPort();
    ASSERT_TRUE(waitUntil([&window, annPort] { return listed(window, annPort); }));
    select(window, listed(window, annPort));
    EXPECT_TRUE(messageField(window)->placeholderText().contains(
        QStringLiteral("reply to #1 127.0.0.1:%1").arg(annPort)))
        << messageField(window)->placeholderText();
    typeAndSend(window, QStringLiteral("hi ann"));
    ASSERT_TRUE(ann.waitReceived(7));
    EXPECT_EQ(ann.received(), QByteArray("hi ann\n")); // nothing capitalized came before it
    EXPECT_EQ(messagesShown(window),
              QStringList({QStringLiteral("hello?\n"), QStringLiteral("hi ann\n")}));

    // Turned off while serving: the server answers by itself again, and the composer goes.
    window.findChild<QCheckBox *>(QStringLiteral("manualReplies"))->setChecked(false);
    EXPECT_FALSE(window.composer()->isVisible());
    ann.send("bye\n");
    ASSERT_TRUE(ann.waitReceived(7 + 4));
    EXPECT_EQ(ann.received(), QByteArray("hi ann\nBYE\n"));
}

// What a TCP view's part shows, named as the view names it.
QString tcpText(MainWindow &window, const char *part)
{
    window.tcpView()->flush();
    auto *label = window.tcpView()->findChild<QLabel *>(QLatin1String(part));
    return label ? label->text() : QStringLiteral("(no %1)").arg(QLatin1String(part));
}

QProgressBar *tcpGauge(MainWindow &window, const char *name)
{
    window.tcpView()->flush();
    return window.tcpView()->findChild<QProgressBar *>(QLatin1String(name));
}

TEST_F(MainWindowTest, AConnectedClientShowsEstablishedInBothWindowsTcpViews)
{
    connectClient();
    ASSERT_TRUE(waitUntil([this] {
        return tcpText(clientWindow, "tcpState").contains(QStringLiteral("ESTABLISHED"));
    })) << tcpText(clientWindow, "tcpState");

    // The server's: the listening socket while All clients is selected, then the client's.
    EXPECT_TRUE(waitUntil([this] {
        return tcpText(serverWindow, "tcpState").contains(QStringLiteral("LISTEN"));
    })) << tcpText(serverWindow, "tcpState");
    const quint16 clientPort = clientWindow.client().localPort();
    ASSERT_TRUE(waitUntil([this, clientPort] { return listed(serverWindow, clientPort); }));
    select(serverWindow, listed(serverWindow, clientPort));
    EXPECT_TRUE(waitUntil([this] {
        return tcpText(serverWindow, "tcpState").contains(QStringLiteral("ESTABLISHED"));
    })) << tcpText(serverWindow, "tcpState");
}

// At the demo's size, the TCP tab shows its plot with no scrolling: a student need not hunt
// for it below the fold, in either window.
TEST_F(MainWindowTest, AtTheDemoSizeTheTcpPlotIsInViewWithoutScrolling)
{
    connectClient();
    typeAndSend(clientWindow, QStringLiteral("hi"));
    ASSERT_TRUE(waitUntil([this] {
        return tcpText(clientWindow, "tcpExplanation").contains(QStringLiteral("At "));
    })) << tcpText(clientWindow, "tcpExplanation");
    const quint16 clientPort = clientWindow.client().localPort();
    ASSERT_TRUE(waitUntil([this, clientPort] { return listed(serverWindow, clientPort); }));
    select(serverWindow, listed(serverWindow, clientPort));
    for (MainWindow *window : {&clientWindow, &serverWindow}) {
        showAtTheDemoSize(*window);
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("callsTabs"));
        tabs->setCurrentWidget(window->tcpView());
        window->tcpView()->flush();
        QTest::qWait(50); // the tab's layout
        auto *plot = window->tcpView()->findChild<QWidget *>(QStringLiteral("tcpPlot"));
        ASSERT_NE(plot, nullptr);
        auto *scroll = window->tcpView()->findChild<QScrollArea *>();
        ASSERT_NE(scroll, nullptr);
        const QRect shown(plot->mapTo(scroll->viewport(), QPoint(0, 0)), plot->size());
        EXPECT_TRUE(scroll->viewport()->rect().contains(shown))
            << "the plot at " << shown.top() << " to " << shown.bottom()
            << ", the tab shows 0 to " << scroll->viewport()->height() - 1;
    }
}

// After a reconnect the old connection's late readings (found by its addresses after close())
// may come after the new socket(): each says which connection it is, by its ports.
TEST_F(MainWindowTest, AClosedConnectionsLateReadingsNameItsPortsAfterAReconnect)
{
    connectClient();
    const QString oldLocal = QStringLiteral("127.0.0.1:%1").arg(clientWindow.client().localPort());
    clientWindow.client().disconnectFromServer();
    connectClient();
    SocketCallsModel &calls = clientWindow.socketCalls();
    const auto lateReadings = [&calls] {
        calls.flush();
        std::vector<int> rows;
        for (int row = 0; row < calls.rowCount(); ++row) {
            if (calls.eventAt(row).kind == SocketEvent::Kind::TcpState
                && calls.eventAt(row).afterClose)
                rows.push_back(row);
        }
        return rows;
    };
    ASSERT_TRUE(waitUntil([&lateReadings] { return !lateReadings().empty(); }));
    for (const int row : lateReadings()) {
        const QString text = calls.index(row, SocketCallsModel::CallColumn).data().toString();
        EXPECT_TRUE(text.contains(oldLocal)) << text.toStdString();
    }
}

// After Stop the listening socket is closed, and its TCP view says so: CLOSED, in its states
// too, and no accept queue to wait in.
TEST_F(MainWindowTest, AfterStopTheListeningSocketsTcpViewSaysItIsClosed)
{
    connectClient();
    ASSERT_TRUE(waitUntil([this] {
        return tcpText(serverWindow, "tcpState").contains(QStringLiteral("LISTEN"));
    })) << tcpText(serverWindow, "tcpState");
    serverWindow.stopServer();
    ASSERT_TRUE(waitUntil([this] {
        return tcpText(serverWindow, "tcpState").contains(QStringLiteral("CLOSED"));
    })) << tcpText(serverWindow, "tcpState");
    EXPECT_FALSE(tcpText(serverWindow, "tcpState").contains(QStringLiteral("LISTEN:")))
        << tcpText(serverWindow, "tcpState");
    EXPECT_FALSE(tcpGauge(serverWindow, "acceptQueueGauge")->isVisibleTo(&serverWindow));
    auto *states = serverWindow.tcpView()->findChild<QListWidget *>(QStringLiteral("tcpHistory"));
    ASSERT_TRUE(states);
    ASSERT_GE(states->count(), 2);
    EXPECT_TRUE(states->item(states->count() - 1)->text().contains(QStringLiteral("CLOSED")))
        << states->item(states->count() - 1)->text().toStdString();
}

// The lecture's client sends, reads the reply and closes: the server's recv() returns 0 and its
// connection is in CLOSE_WAIT until its close(), which the calls show between the two, however
// soon after the last reading the client closed (the window reads TCP at most every 50 ms).
TEST_F(MainWindowTest, TheServersRecvOfZeroIsFollowedByCloseWaitBeforeItsClose)
{
    QProcess lecture;
    lecture.setProcessChannelMode(QProcess::MergedChannels);
    lecture.start(QStringLiteral(CAPSOCK_PYTHON),
                  {QStringLiteral(CAPSOCK_TESTS_DIR "/peers/lecture_client.py"),
                   QString::number(serverWindow.server().port()), QStringLiteral("127.0.0.1")});
    lecture.write("ab\n");
    lecture.closeWriteChannel();
    // The server answers from this event loop.
    ASSERT_TRUE(waitUntil([&lecture] { return lecture.state() == QProcess::NotRunning; }, 15000))
        << lecture.readAll().toStdString();
    SocketCallsModel &calls = serverWindow.socketCalls();
    const auto closed = [&calls] {
        calls.flush();
        for (int row = 0; row < calls.rowCount(); ++row) {
            const SocketEvent &event = calls.eventAt(row);
            if (event.kind == SocketEvent::Kind::Close && event.connectionId == 1)
                return row;
        }
        return -1;
    };
    ASSERT_TRUE(waitUntil([&closed] { return closed() >= 0; })) << "no close()";
    QStringList seen; // connection 1's calls and states, from its end of stream on
    bool endOfStream = false;
    for (int row = 0; row <= closed(); ++row) {
        const SocketEvent &event = calls.eventAt(row);
        if (event.connectionId != 1 || event.kind == SocketEvent::Kind::TcpQueues)
            continue;
        endOfStream = endOfStream || (event.kind == SocketEvent::Kind::Recv && event.bytes == 0);
        if (endOfStream) {
            seen << (event.kind == SocketEvent::Kind::TcpState
                         ? QVariant::fromValue(event.tcp.state).toString()
                         : QVariant::fromValue(event.kind).toString());
        }
    }
    EXPECT_EQ(seen, QStringList({QStringLiteral("Recv"), QStringLiteral("CloseWait"),
                                 QStringLiteral("Close")}));
}

// A client that sends and never reads the replies: the server's send buffer fills behind a
// full receive window, and its TCP view says why.
TEST_F(MainWindowTest, ReplyingToAClientThatDoesNotReadFillsTheSendBufferAndSaysWhy)
{
    RawPeer reader(serverWindow.server().port());
    ASSERT_TRUE(reader.waitConnected());
    reader.setReading(false);
    const quint16 port = reader.stream().localPort();
    ASSERT_TRUE(waitUntil([this, port] { return listed(serverWindow, port); }));
    select(serverWindow, listed(serverWindow, port));
    reader.send(QByteArray(16 * 1024 * 1024, 'a'));
    const auto explained = [this] {
        return tcpText(serverWindow, "tcpExplanation").contains(QStringLiteral("backpressure"));
    };
    ASSERT_TRUE(waitUntil(explained, 30000))
        << tcpText(serverWindow, "tcpExplanation").toStdString();
    QProgressBar *unsent = tcpGauge(serverWindow, "unsentGauge");
    ASSERT_NE(unsent, nullptr);
    EXPECT_TRUE(waitUntil([this, unsent] {
        tcpGauge(serverWindow, "unsentGauge");
        return unsent->value() >= 64 * 1024;
    })) << unsent->value() << " of " << unsent->maximum();
    EXPECT_TRUE(unsent->isVisibleTo(serverWindow.tcpView()));
}

// A server that never reads (its listening socket never accepts; the kernel completes the
// handshake and queues what arrives): a large paste fills its receive buffer, then the
// client's send buffer, and the client's TCP view says why.
TEST(MainWindowAloneTest, AServerThatDoesNotReadFillsTheClientsSendBufferAndSaysWhy)
{
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    silent.pauseAccepting();
    MainWindow window(false);
    window.show();
    window.connectToServer(QStringLiteral("127.0.0.1"), silent.serverPort());
    ASSERT_TRUE(waitUntil([&window] {
        return window.client().state() == CapitalizeClient::State::Connected;
    })) << window.stateText();
    window.clientPanel()->send(QByteArray(16 * 1024 * 1024, 'a'));
    const auto explained = [&window] {
        return tcpText(window, "tcpExplanation").contains(QStringLiteral("backpressure"));
    };
    ASSERT_TRUE(waitUntil(explained, 30000)) << tcpText(window, "tcpExplanation");
    QProgressBar *unsent = tcpGauge(window, "unsentGauge");
    ASSERT_NE(unsent, nullptr);
    EXPECT_TRUE(waitUntil([&window, unsent] {
        tcpGauge(window, "unsentGauge");
        return unsent->value() >= 64 * 1024;
    })) << unsent->value() << " of " << unsent->maximum();
}

// Issue 13's scene with two windows: the server stops calling recv(), a large paste fills the
// server's receive buffer and then the client's send buffer, and the client says why; reading
// again, every byte arrives and is answered.
TEST_F(MainWindowTest, AServerThatPausesRecvFillsTheClientsBuffersUntilItReadsAgain)
{
    auto *pause = serverWindow.findChild<QCheckBox *>(QStringLiteral("pauseReading"));
    ASSERT_NE(pause, nullptr);
    EXPECT_FALSE(pause->isChecked()); // as the lecture's server, which reads
    pause->setChecked(true);
    EXPECT_TRUE(hasNote(serverWindow.conversation(), QStringLiteral("recv()")));
    connectClient();
    constexpr qint64 PasteBytes = 16 * 1024 * 1024;
    clientWindow.clientPanel()->send(QByteArray(PasteBytes, 'a'));
    const auto explained = [this] {
        return tcpText(clientWindow, "tcpExplanation").contains(QStringLiteral("backpressure"));
    };
    ASSERT_TRUE(waitUntil(explained, 30000)) << tcpText(clientWindow, "tcpExplanation");
    EXPECT_EQ(serverWindow.server().sessions().front()->bytesReceived(), 0);

    pause->setChecked(false);
    ASSERT_TRUE(waitUntil([this] {
        const auto sessions = serverWindow.server().sessions();
        return !sessions.empty() && sessions.front()->bytesReceived() == PasteBytes;
    }, 60000)) << serverWindow.server().sessions().front()->bytesReceived();
}

TEST(MainWindowAloneTest, StartingWithoutReuseAddressLeavesOutSoReuseaddr)
{
    MainWindow window(false);
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = 0;
    window.setServerOptions(options);
    auto *reuse = window.findChild<QCheckBox *>(QStringLiteral("reuseAddress"));
    ASSERT_NE(reuse, nullptr);
    EXPECT_TRUE(reuse->isChecked()); // as the lecture's server
    reuse->setChecked(false);
    window.show();
    ASSERT_TRUE(window.startServer()) << window.stateText();
    window.socketCalls().flush();
    bool bound = false;
    for (int row = 0; row < window.socketCalls().rowCount(); ++row) {
        const SocketEvent event = window.socketCalls().eventAt(row);
        EXPECT_NE(event.kind, SocketEvent::Kind::ReuseAddress);
        bound = bound || event.kind == SocketEvent::Kind::Bind;
    }
    EXPECT_TRUE(bound);
}

} // namespace

TEST_F(MainWindowTest, SaveConversationWritesACaptureThatTsharkFollowsToTheSameBytes)
{
    connectClient();
    typeAndSend(clientWindow, Taco);
    ConversationModel &client = clientWindow.conversation();
    ASSERT_TRUE(waitUntil([&client] {
        return rowsOfKind(client, ConversationModel::Kind::Received).size() == 1
            && client.index(client.rowCount() - 1).data(ConversationModel::CompleteRole).toBool();
    })) << "no reply";
    clientWindow.client().disconnectFromServer();
    ASSERT_TRUE(waitUntil([this] { return serverWindow.server().sessions().isEmpty(); }));

    const QByteArray up = (Taco + QLatin1Char('\n')).toUtf8();
    const QByteArray down = QStringLiteral("I AM HUNGRY FOR 🌮\n").toUtf8();
    QTemporaryDir dir;
    for (MainWindow *window : {&serverWindow, &clientWindow}) {
        const QString file = dir.filePath(QStringLiteral("window.pcapng"));
        ASSERT_EQ(window->saveConversation(file), QString());
        // As root the packets are captured, on loopback, which checksums none; made-up ones
        // (without the privilege) are checked in PacketsTabTest.
        EXPECT_EQ(Tshark::problems(file, geteuid() != 0), QString());
        ASSERT_EQ(Tshark::streamCount(file), 1);
        const Tshark::Followed followed = Tshark::follow(file, 0);
        EXPECT_EQ(followed.fromNode0, up);
        EXPECT_EQ(followed.fromNode1, down);
        EXPECT_EQ(followed.node1,
                  QStringLiteral("127.0.0.1:%1").arg(serverWindow.server().port()));
    }
}

TEST(MainWindowAloneTest, SavingWhereNoFileCanBeIsSaidPlainly)
{
    MainWindow window(false);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("no such folder/talk.pcapng"));
    EXPECT_EQ(window.saveConversation(file),
              QStringLiteral("cannot save to %1: No such file or directory").arg(file));
    const QList<QAction *> fileMenu = window.menuBar()->actions().first()->menu()->actions();
    EXPECT_TRUE(std::any_of(fileMenu.begin(), fileMenu.end(), [](const QAction *action) {
        return action->shortcut() == QKeySequence::fromString(QStringLiteral("Ctrl+S"));
    })) << "File > Save conversation";
}
