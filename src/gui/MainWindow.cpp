#include "gui/MainWindow.h"

#include "ui_MainWindow.h"

#include "gui/ComposerWidget.h"
#include "gui/ConversationView.h"
#include "gui/HexView.h"
#include "gui/SocketCallsView.h"
#include "core/Counted.h"
#include "core/HostPort.h"
#include "core/TextEncoding.h"
#include "net/CapitalizeSession.h"
#include "net/ReachableAddresses.h"
#include "net/SocketErrorText.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>

namespace {
constexpr int MaxHostHistory = 10;
const QString AllInterfaces = QStringLiteral("all");
const QString ThisComputer = QStringLiteral("localhost");

// The text field inside a spin box: it says returnPressed() once the spin box has taken the
// typed value, which QAbstractSpinBox itself does not (its lineEdit() is protected).
QLineEdit *portEditor(QSpinBox *port)
{
    return port->findChild<QLineEdit *>();
}
} // namespace

MainWindow::MainWindow(bool remembersSettings, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_remembersSettings(remembersSettings)
    , m_clientListTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->mainSplitter->setStretchFactor(0, 9);
    m_ui->mainSplitter->setStretchFactor(1, 11);
    m_ui->inspector->setAutoBytesPerRow(true);
    fitClientColumns();

    m_ui->conversation->setConversation(&m_conversation);
    m_ui->socketCalls->setModel(&m_calls);
    m_ui->inspector->setStream(&m_conversation.stream());
    m_ui->inspector->setConnectionNames(
        [this](qint64 connection) { return m_conversation.peerLabel(connection); });
    connect(&m_conversation, &ConversationModel::streamAppended, m_ui->inspector,
            &HexView::streamAppended);
    connect(&m_conversation, &ConversationModel::streamReset, m_ui->inspector,
            &HexView::streamReset);
    connect(m_ui->conversation, &ConversationView::bytesChosen, this, &MainWindow::showBytes);

    connect(m_ui->toggleAction, &QAction::triggered, this, &MainWindow::toggleConnection);
    connect(m_ui->clearAction, &QAction::triggered, this, [this] {
        m_conversation.clear();
        m_calls.clear();
    });
    connect(m_ui->focusComposerAction, &QAction::triggered, m_ui->composer,
            &ComposerWidget::focusMessage);
    // Quit is every window's end, not this one's (the demo has two): each window saves what it
    // remembers as it closes, and the program ends with the last.
    connect(m_ui->quitAction, &QAction::triggered, this, &QApplication::closeAllWindows);
    connect(m_ui->aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Capsock"),
            tr("<p><b>Capsock %1</b>: TCP socket programming made visible.</p><p>A server "
               "answers every string a client sends, capitalized, as in the lecture's "
               "capitalization example; both sides show the bytes that crossed the wire and "
               "the socket calls that moved them.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });

    setUpServer();
    setUpClient();
    if (m_remembersSettings)
        restoreSettings();
    m_mode = m_ui->serverMode->isChecked() ? Mode::Server : Mode::Client;
    setMode(m_mode);
    connect(m_ui->serverMode, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setMode(Mode::Server);
    });
    connect(m_ui->clientMode, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setMode(Mode::Client);
    });
}

MainWindow::~MainWindow() = default;

HexView *MainWindow::inspector() const
{
    return m_ui->inspector;
}

ComposerWidget *MainWindow::composer() const
{
    return m_ui->composer;
}

QTreeWidget *MainWindow::clientList() const
{
    return m_ui->clients;
}

QString MainWindow::stateText() const
{
    return m_stateText;
}

void MainWindow::setMode(Mode mode)
{
    if (mode != m_mode) {
        // One window is one side at a time: leaving a side ends what it was doing.
        if (m_mode == Mode::Server && m_server.isListening())
            stopServer();
        if (m_mode == Mode::Client && m_client.state() != CapitalizeClient::State::Disconnected)
            m_client.disconnectFromServer();
        if (m_conversation.rowCount() > 0) // a line between what each side said
            m_conversation.addNote(mode == Mode::Server ? tr("Now a server.")
                                                        : tr("Now a client."));
    }
    m_mode = mode;
    const bool server = mode == Mode::Server;
    (server ? m_ui->serverMode : m_ui->clientMode)->setChecked(true);
    QWidget *page = server ? m_ui->serverPage : m_ui->clientPage;
    m_ui->connectionStack->setCurrentWidget(page);
    // The bar is as tall as the page shown, not as the tallest page.
    for (QWidget *each : {m_ui->serverPage, m_ui->clientPage})
        each->setSizePolicy(QSizePolicy::Preferred,
                            each == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_ui->connectionStack->adjustSize();
    m_ui->clientsLabel->setVisible(server);
    m_ui->clients->setVisible(server);
    m_ui->composer->setVisible(!server);
    m_ui->focusComposerAction->setEnabled(!server);
    m_calls.setSide(server ? SocketCallsModel::Side::Server : SocketCallsModel::Side::Client);
    if (server)
        updateServerState();
    else
        updateClientState();
}

// --- server ----------------------------------------------------------------------------------

void MainWindow::setUpServer()
{
    fillBindChoices();
    connect(m_ui->startStopButton, &QPushButton::clicked, this, &MainWindow::toggleConnection);
    // Enter in the port starts; it never stops (the field is disabled while listening anyway).
    connect(portEditor(m_ui->serverPort), &QLineEdit::returnPressed, this, [this] {
        if (!m_server.isListening())
            startServer();
    });
    connect(m_ui->copyAddressButton, &QPushButton::clicked, this, [this] {
        const QString address = m_ui->reachable->currentData().toString();
        if (!address.isEmpty()) {
            QGuiApplication::clipboard()->setText(address);
            statusBar()->showMessage(tr("Copied %1").arg(address), 3000);
        }
    });
    connect(&m_server, &CapitalizeServer::clientConnected, this, &MainWindow::onClientConnected);
    connect(&m_server, &CapitalizeServer::clientDisconnected, this,
            [this](qint64 id, const QString &reason) {
                m_conversation.finishReceived(id);
                m_conversation.addNote(tr("closed: %1").arg(reason), ConversationModel::Kind::Note,
                                       id);
                delete m_clientItems.take(id);
                m_sessions.remove(id);
                if (m_sessions.isEmpty())
                    m_clientListTimer->stop();
                updateServerStateLine();
            });
    connect(&m_server, &CapitalizeServer::clientRefused, this,
            [this](const QString &peer, const QString &reason) {
                m_conversation.addNote(tr("Refused %1: %2").arg(peer, reason),
                                       ConversationModel::Kind::Problem);
            });
    connect(&m_server, &CapitalizeServer::socketEvent, &m_calls, &SocketCallsModel::add);
    connect(&m_server, &CapitalizeServer::stopped, this, [this] {
        m_conversation.addNote(tr("The server stopped."));
        updateServerState();
    });
    m_clientListTimer->setInterval(250); // byte counters: a few times a second is plenty
    connect(m_clientListTimer, &QTimer::timeout, this, &MainWindow::refreshClientList);
}

// The client's address and port in full: its column widens to the widest one listed (measured
// once per client, not on every refresh of the counters); the counters take what they need.
void MainWindow::fitClientColumns()
{
    QTreeWidget *clients = m_ui->clients;
    QHeaderView *header = clients->header();
    header->setStretchLastSection(true);
    const QFontMetrics metrics(clients->font());
    const int margin = 2 * (clients->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr,
                                                          clients)
                            + 1);
    const int counter = std::max(metrics.horizontalAdvance(QStringLiteral("999999999")),
                                 metrics.horizontalAdvance(tr("Bytes out")))
        + margin + metrics.averageCharWidth();
    header->resizeSection(1, counter);
    header->resizeSection(2, counter);
    header->resizeSection(0, metrics.horizontalAdvance(tr("Client")) + margin);
    connect(clients->model(), &QAbstractItemModel::rowsInserted, this,
            [clients, metrics, margin](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row) {
                    const int wanted = metrics.horizontalAdvance(
                                           clients->topLevelItem(row)->text(0))
                        + margin;
                    if (wanted > clients->columnWidth(0))
                        clients->header()->resizeSection(0, wanted);
                }
            });
}

void MainWindow::fillBindChoices()
{
    m_ui->bindAddress->addItem(tr("All interfaces, IPv4 and IPv6 (the lecture's HOST = \"\")"),
                               AllInterfaces);
    m_ui->bindAddress->addItem(tr("This computer only (127.0.0.1 and ::1)"), ThisComputer);
    for (const ReachableAddress &address : ReachableAddress::all()) {
        if (address.kind == ReachableAddress::Kind::Loopback)
            continue;
        m_ui->bindAddress->addItem(tr("Only %1 (%2, %3)")
                                       .arg(address.address.toString(),
                                            AddressKind::name(address.kind),
                                            address.interfaceName),
                                   address.address.toString());
    }
}

ServerOptions MainWindow::serverOptionsFromBar() const
{
    ServerOptions options;
    const QString bind = m_ui->bindAddress->currentData().toString();
    if (bind == ThisComputer) {
        options.bindAddresses = {QHostAddress(QHostAddress::LocalHost),
                                 QHostAddress(QHostAddress::LocalHostIPv6)};
    } else if (bind != AllInterfaces) {
        options.bindAddresses = {QHostAddress(bind)};
    }
    options.port = quint16(m_ui->serverPort->value());
    options.readSize = m_ui->readSize->value();
    options.closeAfterFirstReply = m_ui->closeAfterReply->isChecked();
    options.maxClients = m_ui->maxClients->value();
    return options;
}

void MainWindow::setServerOptions(const ServerOptions &options)
{
    QString bind = AllInterfaces;
    if (options.bindAddresses.size() > 1 && options.bindAddresses.first().isLoopback())
        bind = ThisComputer;
    else if (!options.bindAddresses.isEmpty()
             && options.bindAddresses.first() != QHostAddress::Any)
        bind = options.bindAddresses.first().toString();
    int index = m_ui->bindAddress->findData(bind);
    if (index < 0) { // an address the interfaces list does not show: offer it anyway
        m_ui->bindAddress->addItem(tr("Only %1").arg(bind), bind);
        index = m_ui->bindAddress->count() - 1;
    }
    m_ui->bindAddress->setCurrentIndex(index);
    m_ui->serverPort->setValue(options.port);
    m_ui->readSize->setValue(int(options.readSize));
    m_ui->closeAfterReply->setChecked(options.closeAfterFirstReply);
    m_ui->maxClients->setValue(options.maxClients);
}

bool MainWindow::startServer()
{
    setMode(Mode::Server);
    if (!m_server.start(serverOptionsFromBar())) {
        m_conversation.addNote(m_server.errorString(), ConversationModel::Kind::Problem);
        updateServerState();
        setState(m_server.errorString(), true);
        return false;
    }
    m_conversation.addNote(tr("Listening on port %1.").arg(m_server.port()));
    updateServerState();
    return true;
}

void MainWindow::stopServer()
{
    m_server.stop();
    updateServerState();
}

void MainWindow::onClientConnected(CapitalizeSession *session)
{
    const qint64 id = session->id();
    const QString label = QStringLiteral("#%1 %2").arg(id).arg(session->peer());
    m_conversation.setPeerLabel(id, label);
    m_conversation.addNote(tr("connected"), ConversationModel::Kind::Note, id);
    m_sessions.insert(id, session);
    auto *item = new QTreeWidgetItem(m_ui->clients, {label, QStringLiteral("0"),
                                                     QStringLiteral("0"), tr("connected")});
    m_clientItems.insert(id, item);
    m_clientListTimer->start();
    connect(session, &CapitalizeSession::received, this, [this, id](const QByteArray &chunk) {
        m_conversation.addReceived(chunk, id);
        m_conversation.finishReceived(id); // the server answers every read at once
    });
    connect(session, &CapitalizeSession::replied, this, [this, id](const QByteArray &reply) {
        m_conversation.addSent(reply, id);
    });
    connect(session, &CapitalizeSession::readingPaused, this, [this, id](bool paused) {
        m_conversation.addNote(paused ? tr("does not read its replies: reading from it paused")
                                      : tr("reads again: reading resumed"),
                               ConversationModel::Kind::Note, id);
    });
    updateServerStateLine();
}

void MainWindow::refreshClientList()
{
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        QTreeWidgetItem *item = m_clientItems.value(it.key());
        if (!item)
            continue;
        const CapitalizeSession *session = it.value();
        item->setText(1, QString::number(session->bytesReceived()));
        item->setText(2, QString::number(session->bytesSent()));
        item->setText(3, session->isReadingPaused() ? tr("not reading: paused")
                                                    : tr("connected"));
    }
}

void MainWindow::updateServerState()
{
    const bool listening = m_server.isListening();
    m_ui->startStopButton->setText(listening ? tr("&Stop") : tr("&Start"));
    m_ui->toggleAction->setText(listening ? tr("&Stop the server") : tr("&Start the server"));
    const QList<QWidget *> options = {m_ui->bindAddress, m_ui->serverPort, m_ui->readSize,
                                      m_ui->closeAfterReply, m_ui->maxClients};
    for (QWidget *field : options)
        field->setEnabled(!listening); // options apply when the server starts
    fillReachableAddresses();
    updateServerStateLine();
}

void MainWindow::updateServerStateLine()
{
    if (m_mode != Mode::Server)
        return;
    if (m_server.isListening()) {
        setState(tr("Listening on port %1; %2 connected.")
                     .arg(m_server.port())
                     .arg(counted(m_sessions.size(), "client", "clients")));
    } else if (m_server.errorString().isEmpty()) {
        setState(tr("Stopped. Press Start to listen for clients."));
    }
    updateTitle();
}

void MainWindow::fillReachableAddresses()
{
    m_ui->reachable->clear();
    if (!m_server.isListening()) {
        m_ui->reachable->addItem(tr("(start the server to see its addresses)"));
        m_ui->reachable->setEnabled(false);
        m_ui->copyAddressButton->setEnabled(false);
        return;
    }
    const quint16 port = m_server.port();
    const QList<QHostAddress> listening = m_server.listeningAddresses();
    const bool everywhere = listening.contains(QHostAddress(QHostAddress::Any));
    for (const ReachableAddress &address : ReachableAddress::all()) {
        if (everywhere || listening.contains(address.address))
            m_ui->reachable->addItem(address.describe(port),
                                     SocketErrorText::endpoint(address.address, port));
    }
    for (const QHostAddress &address : listening) { // one the interface list does not show
        const QString endpoint = SocketErrorText::endpoint(address, port);
        if (!everywhere && m_ui->reachable->findData(endpoint) < 0)
            m_ui->reachable->addItem(endpoint, endpoint);
    }
    m_ui->reachable->setEnabled(true);
    m_ui->copyAddressButton->setEnabled(true);
}

// --- client ----------------------------------------------------------------------------------

void MainWindow::setUpClient()
{
    m_ui->host->setEditText(QStringLiteral("127.0.0.1"));
    connect(m_ui->connectButton, &QPushButton::clicked, this, &MainWindow::toggleConnection);
    // Enter in the host or the port connects to what they say; it never disconnects.
    for (QLineEdit *field : {m_ui->host->lineEdit(), portEditor(m_ui->clientPort)}) {
        connect(field, &QLineEdit::returnPressed, this, [this] {
            connectToServer(m_ui->host->currentText().trimmed(),
                            quint16(m_ui->clientPort->value()));
        });
    }
    connect(m_ui->composer, &ComposerWidget::sendRequested, this, &MainWindow::onComposed);

    connect(&m_client, &CapitalizeClient::stateChanged, this, &MainWindow::updateClientState);
    connect(&m_client, &CapitalizeClient::socketEvent, &m_calls, &SocketCallsModel::add);
    connect(&m_client, &CapitalizeClient::connected, this, [this] {
        m_conversation.addNote(
            tr("Connected to %1 from %2 in %3 ms.")
                .arg(SocketErrorText::endpoint(m_client.peerAddress(), m_client.peerPort()),
                     SocketErrorText::endpoint(m_client.localAddress(), m_client.localPort()),
                     QString::number(double(m_client.connectMicros()) / 1000.0, 'f', 1)));
        rememberHost(m_client.host());
        m_ui->composer->focusMessage();
    });
    connect(&m_client, &CapitalizeClient::messageSent, this,
            [this](qint64 id, const QByteArray &bytes) {
                m_conversation.finishReceived(0); // whatever came before belongs to earlier
                m_conversation.addSent(bytes, 0, id);
            });
    connect(&m_client, &CapitalizeClient::messageNotSent, this,
            [this](qint64 id, const QByteArray &bytes) {
                m_conversation.addUnsent(bytes, 0, id); // the reason follows
            });
    connect(&m_client, &CapitalizeClient::replyPieceReceived, this,
            [this](qint64 id, const QByteArray &piece, bool completes, qint64 roundTrip) {
                m_conversation.addReceived(piece, 0, id, roundTrip);
                if (completes)
                    m_conversation.finishReceived(0, roundTrip);
            });
    connect(&m_client, &CapitalizeClient::serverClosed, this, [this] {
        m_conversation.finishReceived(0);
        const int unanswered = m_client.unansweredMessages();
        m_conversation.addNote(
            unanswered == 0
                ? tr("The server closed the connection. Send again to reconnect.")
                : tr("The server closed the connection without answering %1.")
                      .arg(counted(unanswered, "message", "messages")),
            unanswered == 0 ? ConversationModel::Kind::Note : ConversationModel::Kind::Problem);
    });
    connect(&m_client, &CapitalizeClient::failed, this, [this](const QString &message) {
        m_conversation.finishReceived(0);
        m_conversation.addNote(message, ConversationModel::Kind::Problem);
    });
}

void MainWindow::connectToServer(const QString &host, quint16 port)
{
    setMode(Mode::Client);
    m_ui->host->setEditText(host);
    m_ui->clientPort->setValue(port);
    const HostPort target = HostPort::parse(host, port);
    if (!target.isValid()) {
        setState(target.error, true);
        return;
    }
    m_client.connectToServer(target.host, target.port);
}

void MainWindow::toggleConnection()
{
    if (m_mode == Mode::Server) {
        if (m_server.isListening())
            stopServer();
        else
            startServer();
        return;
    }
    switch (m_client.state()) {
    case CapitalizeClient::State::Resolving:
    case CapitalizeClient::State::Connecting:
    case CapitalizeClient::State::Connected:
        m_client.disconnectFromServer();
        m_conversation.addNote(tr("Disconnected."));
        break;
    default:
        connectToServer(m_ui->host->currentText().trimmed(), quint16(m_ui->clientPort->value()));
        break;
    }
}

void MainWindow::onComposed(const QByteArray &bytes)
{
    const QString host = m_ui->host->currentText().trimmed();
    const quint16 port = quint16(m_ui->clientPort->value());
    const HostPort target = HostPort::parse(host, port);
    if (m_client.state() != CapitalizeClient::State::Connected) {
        if (!target.isValid()) { // nowhere to send it: it stays in view, marked
            m_conversation.addUnsent(bytes);
            m_conversation.addNote(target.error, ConversationModel::Kind::Problem);
            setState(target.error, true);
            return;
        }
        if (target.host != m_client.host() || target.port != m_client.port())
            connectToServer(host, port); // the message waits for this connection
    }
    m_client.send(bytes);
}

void MainWindow::updateClientState()
{
    using State = CapitalizeClient::State;
    const State state = m_client.state();
    const bool busy = state == State::Resolving || state == State::Connecting
        || state == State::Connected;
    m_ui->connectButton->setText(busy ? tr("Disco&nnect") : tr("Co&nnect"));
    m_ui->toggleAction->setText(busy ? tr("Disco&nnect") : tr("Co&nnect"));
    if (m_mode != Mode::Client)
        return;
    const QString server = SocketErrorText::endpoint(m_client.peerAddress(), m_client.peerPort());
    switch (state) {
    case State::Disconnected:
        setState(tr("Not connected. Type the server's address and press Connect."));
        break;
    case State::Resolving:
        setState(tr("Looking up %1...").arg(m_client.host()));
        break;
    case State::Connecting:
        setState(tr("Connecting to %1 port %2...").arg(m_client.host()).arg(m_client.port()));
        break;
    case State::Connected:
        setState(tr("Connected: %1 -> %2")
                     .arg(SocketErrorText::endpoint(m_client.localAddress(),
                                                    m_client.localPort()),
                          server));
        break;
    case State::ClosedByServer:
        setState(tr("The server closed the connection. Send again, or press Connect, to "
                    "reconnect."));
        break;
    case State::Failed:
        setState(m_client.errorString(), true);
        break;
    }
    updateTitle();
}

void MainWindow::rememberHost(const QString &host)
{
    const int existing = m_ui->host->findText(host);
    if (existing >= 0)
        m_ui->host->removeItem(existing);
    m_ui->host->insertItem(0, host);
    while (m_ui->host->count() > MaxHostHistory)
        m_ui->host->removeItem(m_ui->host->count() - 1);
    m_ui->host->setCurrentIndex(0);
}

// --- shared ----------------------------------------------------------------------------------

void MainWindow::showBytes(qint64 offset, qint64 end)
{
    m_ui->inspector->setSelection(offset, end - 1);
    m_ui->inspector->scrollToOffset(offset);
}

void MainWindow::setState(const QString &text, bool problem)
{
    m_stateText = text;
    m_ui->stateLabel->setText(text);
    QPalette palette = m_ui->stateLabel->parentWidget()->palette();
    if (problem) {
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, dark ? QColor(255, 140, 140) : QColor(170, 0, 0));
    }
    m_ui->stateLabel->setPalette(palette);
}

void MainWindow::updateTitle()
{
    QString what;
    if (m_mode == Mode::Server) {
        what = m_server.isListening() ? tr("server on port %1").arg(m_server.port())
                                      : tr("server (stopped)");
    } else if (m_client.state() == CapitalizeClient::State::Connected) {
        what = tr("client of %1").arg(SocketErrorText::endpoint(m_client.peerAddress(),
                                                                m_client.peerPort()));
    } else {
        what = tr("client");
    }
    setWindowTitle(tr("Capsock - %1").arg(what));
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_splitRestored)
        return;
    // First show without saved proportions: the conversation gets as much room as the bytes.
    m_splitRestored = true;
    QTimer::singleShot(0, this, [this] { // once the layout has given the splitters their size
        const int width = m_ui->mainSplitter->width();
        m_ui->mainSplitter->setSizes({width * 9 / 20, width * 11 / 20});
        const int height = m_ui->rightSplitter->height();
        m_ui->rightSplitter->setSizes({height * 2 / 3, height / 3});
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_remembersSettings)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_splitRestored = m_ui->mainSplitter->restoreState(
        settings.value(QStringLiteral("window/split")).toByteArray());
    const bool server = settings.value(QStringLiteral("mode")).toString()
        == QLatin1String("server");
    (server ? m_ui->serverMode : m_ui->clientMode)->setChecked(true);
    const QStringList hosts = settings.value(QStringLiteral("client/hosts")).toStringList();
    for (const QString &host : hosts)
        m_ui->host->addItem(host);
    if (!hosts.isEmpty())
        m_ui->host->setCurrentIndex(0);
    m_ui->clientPort->setValue(settings.value(QStringLiteral("client/port"), 5220).toInt());
    m_ui->composer->setLineEnding(LineEnding(
        settings.value(QStringLiteral("composer/lineEnding"), int(LineEnding::Lf)).toInt()));
    m_ui->composer->setHexMode(settings.value(QStringLiteral("composer/hex"), false).toBool());
    const int bind = m_ui->bindAddress->findData(
        settings.value(QStringLiteral("server/bind"), AllInterfaces));
    m_ui->bindAddress->setCurrentIndex(std::max(0, bind));
    m_ui->serverPort->setValue(settings.value(QStringLiteral("server/port"), 5220).toInt());
    m_ui->readSize->setValue(settings.value(QStringLiteral("server/readSize"), 1024).toInt());
    m_ui->closeAfterReply->setChecked(
        settings.value(QStringLiteral("server/closeAfterReply"), false).toBool());
    m_ui->maxClients->setValue(settings.value(QStringLiteral("server/maxClients"), 100).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/split"), m_ui->mainSplitter->saveState());
    settings.setValue(QStringLiteral("mode"), m_mode == Mode::Server ? QStringLiteral("server")
                                                                     : QStringLiteral("client"));
    QStringList hosts;
    for (int i = 0; i < m_ui->host->count(); ++i)
        hosts << m_ui->host->itemText(i);
    settings.setValue(QStringLiteral("client/hosts"), hosts);
    settings.setValue(QStringLiteral("client/port"), m_ui->clientPort->value());
    settings.setValue(QStringLiteral("composer/lineEnding"), int(m_ui->composer->lineEnding()));
    settings.setValue(QStringLiteral("composer/hex"), m_ui->composer->isHexMode());
    settings.setValue(QStringLiteral("server/bind"), m_ui->bindAddress->currentData());
    settings.setValue(QStringLiteral("server/port"), m_ui->serverPort->value());
    settings.setValue(QStringLiteral("server/readSize"), m_ui->readSize->value());
    settings.setValue(QStringLiteral("server/closeAfterReply"),
                      m_ui->closeAfterReply->isChecked());
    settings.setValue(QStringLiteral("server/maxClients"), m_ui->maxClients->value());
}
