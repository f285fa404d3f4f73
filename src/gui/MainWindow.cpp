#include "gui/MainWindow.h"

#include "ui_MainWindow.h"

#include "gui/ComposerWidget.h"
#include "gui/Appearance.h"
#include "gui/ConversationView.h"
#include "gui/HexView.h"
#include "gui/InspectorWindow.h"
#include "gui/PacketsView.h"
#include "gui/SocketCallsView.h"
#include "gui/TcpView.h"
#include "gui/UdpClientPanel.h"
#include "gui/UdpServerPanel.h"
#include "gui/WireColors.h"
#include "net/ClientOptions.h"
#include "net/ConnectionCapture.h"
#include "net/TcpProbe.h"
#include "net/TcpSampler.h"

#include <QActionGroup>
#include <QApplication>
#include <QButtonGroup>
#include <QCloseEvent>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

#include <utility>

namespace {
// The keys of what the shell remembers; each panel remembers its own bar.
const QString GeometryKey = QStringLiteral("window/geometry");
const QString SplitKey = QStringLiteral("window/split");
const QString ModeKey = QStringLiteral("mode");
const QString TransportKey = QStringLiteral("transport");
const QString LineEndingKey = QStringLiteral("composer/lineEnding");
const QString HexKey = QStringLiteral("composer/hex");

// Tab stops once in a group of radio buttons, on the one checked (the arrows move within it).
// Qt moves the stop to a button as it takes the focus; this also moves it when the program
// checks another one.
void tabStopOnChecked(const QButtonGroup *group)
{
    for (QAbstractButton *button : group->buttons()) {
        const int policy = button->focusPolicy();
        button->setFocusPolicy(Qt::FocusPolicy(button->isChecked() ? policy | Qt::TabFocus
                                                                   : policy & ~Qt::TabFocus));
    }
}
} // namespace

MainWindow::MainWindow(bool remembersSettings, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_remembersSettings(remembersSettings)
{
    m_ui->setupUi(this);
    setUpPanels();
    setUpUdpPanels();
    setUpSharedArea();
    setUpMenus();
    if (m_remembersSettings)
        restoreSettings();
    m_mode = m_ui->serverMode->isChecked() ? Mode::Server : Mode::Client;
    m_transport = m_ui->udpTransport->isChecked() ? Transport::Udp : Transport::Tcp;
    turnTo(m_mode, m_transport);
    if (m_remembersSettings) // what it starts from, read or default: saved only if changed
        m_settingsAtStart = valuesAsStored([this](QSettings &file) { writeSettings(file); });
    connect(m_ui->tcpTransport, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setTransport(Transport::Tcp);
    });
    connect(m_ui->udpTransport, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setTransport(Transport::Udp);
    });
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

ServerPanel *MainWindow::serverPanel() const
{
    return m_ui->serverPanel;
}

ClientPanel *MainWindow::clientPanel() const
{
    return m_ui->clientPanel;
}

HexView *MainWindow::inspector() const
{
    return m_ui->inspector;
}

TcpView *MainWindow::tcpView() const
{
    return m_ui->tcpView;
}

PacketsView *MainWindow::packetsView() const
{
    return m_ui->packetsView;
}

ComposerWidget *MainWindow::composer() const
{
    return m_ui->composer;
}

QString MainWindow::stateText() const
{
    return m_ui->stateLabel->text();
}

// Each panel tells the conversation and the calls what its engine did. The server's list of
// clients sits above the conversation; the composer, below it all, sends through the client.
QString MainWindow::saveConversation(const QString &path) const
{
    return m_recording.save(path);
}

void MainWindow::chooseWhereToSave()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save conversation"), QStringLiteral("conversation.pcapng"),
        tr("Captures for Wireshark (*.pcapng);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString problem = saveConversation(path);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Save conversation"), problem);
        return;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

InspectorWindow *MainWindow::openCapture(const QString &path)
{
    auto *inspector = new InspectorWindow(this); // a window of its own that closes with this
    inspector->setAttribute(Qt::WA_DeleteOnClose);
    QString problem;
    if (!inspector->openCapture(path, &problem)) {
        delete inspector;
        QMessageBox::warning(this, tr("Open capture"), problem);
        return nullptr;
    }
    inspector->show();
    return inspector;
}

bool MainWindow::selectSegmentBytes(qint64 connection, bool outgoing, qint64 seq,
                                    qint64 length)
{
    const ByteStream::Direction direction = outgoing ? ByteStream::Direction::Sent
                                                     : ByteStream::Direction::Received;
    return m_ui->inspector->selectLaneBytes(
        connection, direction, m_conversation.laneOffsetOf(connection, direction, seq), length);
}

void MainWindow::chooseCaptureToOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open capture"), QString(),
        tr("Captures (*.pcapng *.pcap *.cap);;All files (*)"));
    if (!path.isEmpty())
        openCapture(path);
}

void MainWindow::setUpPanels()
{
    ServerPanel *server = m_ui->serverPanel;
    ClientPanel *client = m_ui->clientPanel;
    server->setConversation(&m_conversation);
    client->setConversation(&m_conversation);
    m_ui->leftLayout->insertWidget(0, server->clientsPane());
    // Both engines read TCP's state and queues beneath their calls, for the TCP tab: a
    // connection at most as often as the tab could show it, not after each call of a flood.
    const std::shared_ptr<const TcpProbe> probe = TcpProbe::forThisSystem();
    server->server().setTcpProbe(probe, TcpSampler::IntervalMs);
    client->client().setTcpProbe(probe, TcpSampler::IntervalMs);
    connect(&server->server(), &CapitalizeServer::socketEvent, this, &MainWindow::addSocketEvent);
    connect(&client->client(), &CapitalizeClient::socketEvent, this, &MainWindow::addSocketEvent);
    m_recording.setBudget(RecordingBudget);
    m_recording.watch(&server->server());
    m_recording.watch(&client->client());
    m_capture = new ConnectionCapture(&client->client(), &m_recording, this);
    connect(m_capture, &ConnectionCapture::segmentCaptured, this, &MainWindow::addSocketEvent);
    connect(m_capture, &ConnectionCapture::problemChanged, m_ui->packetsView,
            &PacketsView::setCaptureProblem);
    connect(server, &ServerPanel::stateChanged, this, &MainWindow::showPanelState);
    connect(client, &ClientPanel::stateChanged, this, &MainWindow::showPanelState);
    connect(server, &ServerPanel::followedChanged, this, &MainWindow::follow);
    connect(server, &ServerPanel::addressCopied, this, [this](const QString &address) {
        statusBar()->showMessage(tr("Copied %1").arg(address), 3000);
    });
    connect(m_ui->composer, &ComposerWidget::sendRequested, this, [this](const QByteArray &bytes) {
        if (m_transport == Transport::Udp)
            m_udpClientPanel->send(bytes); // the composer shows only for UDP's client
        else if (m_mode == Mode::Server)
            m_ui->serverPanel->sendToFollowed(bytes);
        else
            m_ui->clientPanel->send(bytes);
    });
    connect(server, &ServerPanel::repliesByHandChanged, this, &MainWindow::showComposer);
    connect(&client->client(), &CapitalizeClient::connected, m_ui->composer,
            &ComposerWidget::focusMessage);
}

// The calls list has the calls and TCP's state changes among them; the TCP tab every reading.
// Queue samples come at the socket's rate: they go to the TCP tab alone. The Packets tab has
// the calls too, each after the segments captured before it.
void MainWindow::addSocketEvent(const SocketEvent &event)
{
    if (event.kind == SocketEvent::Kind::Segment) {
        m_packets.add(event);
        m_conversation.addWireSegment(event); // where it cut the bytes, for the inspector
        return;
    }
    m_capture->beforeCall(event);
    if (event.isTcpReading())
        m_ui->tcpView->add(event);
    if (event.kind != SocketEvent::Kind::TcpQueues) {
        m_calls.add(event);
        m_packets.add(event);
    }
}

// UDP's panels share the stack, the conversation and the calls with TCP's; the peers heard
// from sit where the TCP server's clients do.
void MainWindow::setUpUdpPanels()
{
    m_udpServerPanel = new UdpServerPanel(m_ui->connectionStack);
    m_udpClientPanel = new UdpClientPanel(m_ui->connectionStack);
    m_ui->connectionStack->addWidget(m_udpServerPanel);
    m_ui->connectionStack->addWidget(m_udpClientPanel);
    m_udpServerPanel->setConversation(&m_conversation);
    m_udpClientPanel->setConversation(&m_conversation);
    m_ui->leftLayout->insertWidget(1, m_udpServerPanel->peersPane());
    connect(&m_udpServerPanel->server(), &UdpCapitalizeServer::socketEvent, &m_calls,
            &SocketCallsModel::add);
    connect(&m_udpClientPanel->client(), &UdpCapitalizeClient::socketEvent, &m_calls,
            &SocketCallsModel::add);
    m_recording.watch(&m_udpServerPanel->server());
    m_recording.watch(&m_udpClientPanel->client());
    connect(m_udpServerPanel, &UdpServerPanel::stateChanged, this, &MainWindow::showPanelState);
    connect(m_udpClientPanel, &UdpClientPanel::stateChanged, this, &MainWindow::showPanelState);
    connect(&m_udpClientPanel->client(), &UdpCapitalizeClient::ready, m_ui->composer,
            &ComposerWidget::focusMessage);
    // Tab: the mode, the bar shown (after the transport), the peers, then the shared area.
    QWidget *previous = m_ui->udpTransport;
    for (QWidget *stop : m_udpServerPanel->tabStops() + m_udpClientPanel->tabStops()) {
        setTabOrder(previous, stop);
        previous = stop;
    }
    setTabOrder(m_ui->serverPanel->clientList(), m_udpServerPanel->peerList());
}

void MainWindow::setUpSharedArea()
{
    m_ui->mainSplitter->setStretchFactor(0, 9);
    m_ui->mainSplitter->setStretchFactor(1, 11);
    m_ui->inspector->setAutoBytesPerRow(true);
    m_ui->conversation->setConversation(&m_conversation);
    m_ui->socketCalls->setModel(&m_calls);
    m_ui->packetsView->setModel(&m_packets);
    connect(m_ui->packetsView, &PacketsView::dataSegmentChosen, this,
            [this](const SocketEvent &segment) {
                selectSegmentBytes(segment.connectionId, segment.outgoing, segment.seq,
                                   segment.bytes);
            });
    // The TCP tab has more to show than a list: turned to, it gets at least half the height.
    connect(m_ui->callsTabs, &QTabWidget::currentChanged, this, [this](int index) {
        const QList<int> sizes = m_ui->rightSplitter->sizes();
        const int height = sizes.value(0) + sizes.value(1);
        if (m_ui->callsTabs->widget(index) == m_ui->tcpView && sizes.value(1) < height / 2)
            m_ui->rightSplitter->setSizes({height / 2, height - height / 2});
    });
    m_ui->tcpView->setConnectionNames(
        [this](qint64 connection) { return m_conversation.peerLabel(connection); });
    m_ui->inspector->setStream(&m_conversation.stream());
    // The segments' lanes are the same in a followed client's stream: one map serves both.
    m_ui->inspector->setWireSegments(&m_conversation.wireSegments());
    m_ui->inspector->setConnectionNames(
        [this](qint64 connection) { return m_conversation.peerLabel(connection); });
    // The inspector hears of the stream it shows: everyone's, or the followed client's (which
    // tells of changes only while it follows someone).
    HexView *inspector = m_ui->inspector;
    connect(&m_conversation, &ConversationModel::streamAppended, inspector, [this, inspector] {
        if (m_followed.followed() == 0)
            inspector->streamAppended();
    });
    connect(&m_conversation, &ConversationModel::streamTrimmed, inspector,
            [this, inspector](qint64 droppedBytes) {
                if (m_followed.followed() == 0)
                    inspector->streamTrimmed(droppedBytes);
            });
    connect(&m_conversation, &ConversationModel::streamReset, inspector, [this, inspector] {
        if (m_followed.followed() == 0)
            inspector->streamReset();
    });
    connect(&m_conversation, &ConversationModel::wireSegmentsChanged, inspector,
            &HexView::wireSegmentsChanged);
    connect(&m_conversation, &ConversationModel::wireSegmentsChanged, this, [this] {
        if (m_legendTellsOfSegments == m_conversation.wireSegments().isEmpty())
            showWhoseConversation();
    });
    connect(&m_followed, &FollowedConversation::streamAppended, inspector,
            &HexView::streamAppended);
    connect(&m_followed, &FollowedConversation::streamReset, inspector, &HexView::streamReset);
    connect(m_ui->conversation, &ConversationView::bytesChosen, this, &MainWindow::showBytes);
    showWhoseConversation();
}

void MainWindow::setUpMenus()
{
    connect(m_ui->toggleAction, &QAction::triggered, this, &MainWindow::toggleConnection);
    connect(m_ui->clearAction, &QAction::triggered, this, [this] {
        m_conversation.clear();
        m_calls.clear();
        m_packets.clear();
        m_recording.clear();
    });
    connect(m_ui->saveAction, &QAction::triggered, this, &MainWindow::chooseWhereToSave);
    connect(m_ui->openCaptureAction, &QAction::triggered, this,
            &MainWindow::chooseCaptureToOpen);
    connect(m_ui->focusComposerAction, &QAction::triggered, m_ui->composer,
            &ComposerWidget::focusMessage);
    // Quit is every window's end, not this one's (the demo has two): each window saves what it
    // remembers as it closes, and the program ends with the last.
    connect(m_ui->quitAction, &QAction::triggered, this, &QApplication::closeAllWindows);
    setUpViewMenu();
    connect(m_ui->aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Capsock"),
            tr("<p><b>Capsock %1</b>: TCP and UDP socket programming made visible.</p><p>A "
               "server answers every string a client sends, capitalized: over TCP as in the "
               "lecture's capitalization example, a stream that recv() cuts where it likes; "
               "over UDP as in the textbook's twin, each datagram whole, answered on its own, "
               "or lost. Both sides show the bytes that crossed the wire and the socket calls "
               "that moved them.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

// View: one appearance for every window, so each window's menu follows the choice made in any.
void MainWindow::setUpViewMenu()
{
    const std::pair<QAction *, Appearance::Theme> themes[] = {
        {m_ui->systemThemeAction, Appearance::Theme::System},
        {m_ui->lightThemeAction, Appearance::Theme::Light},
        {m_ui->darkThemeAction, Appearance::Theme::Dark}};
    auto *group = new QActionGroup(this);
    Appearance *appearance = Appearance::instance();
    for (const auto &[action, theme] : themes) {
        group->addAction(action);
        action->setChecked(appearance->theme() == theme);
        connect(action, &QAction::triggered, appearance, [appearance, theme = theme] {
            appearance->chooseTheme(theme);
        });
        connect(appearance, &Appearance::themeChosen, action,
                [action = action, theme = theme](Appearance::Theme chosen) {
                    action->setChecked(chosen == theme);
                });
    }
    // Ctrl++, and Ctrl+= too, as + is Shift+= on many keyboards (two keys: set here, not in
    // the form).
    m_ui->largerTextAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    connect(m_ui->largerTextAction, &QAction::triggered, appearance, &Appearance::enlargeText);
    connect(m_ui->smallerTextAction, &QAction::triggered, appearance, &Appearance::shrinkText);
    connect(m_ui->normalTextAction, &QAction::triggered, appearance,
            &Appearance::resetTextSize);
}

void MainWindow::setMode(Mode mode)
{
    turnTo(mode, m_transport);
}

void MainWindow::setTransport(Transport transport)
{
    turnTo(m_mode, transport);
}

void MainWindow::turnTo(Mode mode, Transport transport)
{
    const bool turning = mode != m_mode || transport != m_transport;
    if (turning) {
        // One window is one side at a time: leaving a side ends what it was doing.
        if (m_transport == Transport::Udp)
            m_mode == Mode::Server ? m_udpServerPanel->leave() : m_udpClientPanel->leave();
        else if (m_mode == Mode::Server)
            m_ui->serverPanel->leave();
        else
            m_ui->clientPanel->leave();
    }
    if (turning && m_conversation.rowCount() > 0) { // a line between what each side said
        if (mode != m_mode)
            m_conversation.addNote(mode == Mode::Server ? tr("Now a server.")
                                                        : tr("Now a client."));
        else
            m_conversation.addNote(transport == Transport::Udp ? tr("Now over UDP.")
                                                               : tr("Now over TCP."));
    }
    m_mode = mode;
    m_transport = transport;
    const bool server = mode == Mode::Server;
    const bool udp = transport == Transport::Udp;
    (server ? m_ui->serverMode : m_ui->clientMode)->setChecked(true);
    (udp ? m_ui->udpTransport : m_ui->tcpTransport)->setChecked(true);
    tabStopOnChecked(m_ui->modeGroup);
    tabStopOnChecked(m_ui->transportGroup);
    QWidget *shown = panelShown();
    m_ui->connectionStack->setCurrentWidget(shown);
    // The bar is as tall as the panel shown, not as the tallest panel.
    for (int i = 0; i < m_ui->connectionStack->count(); ++i) {
        QWidget *panel = m_ui->connectionStack->widget(i);
        panel->setSizePolicy(QSizePolicy::Preferred,
                             panel == shown ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_ui->connectionStack->adjustSize();
    m_ui->serverPanel->clientsPane()->setVisible(server && !udp);
    m_udpServerPanel->peersPane()->setVisible(server && udp);
    if (!server || udp)
        m_ui->serverPanel->followAll(); // one conversation: no client to follow
    showComposer();
    showWhoseConversation();
    m_calls.setSide(server ? SocketCallsModel::Side::Server : SocketCallsModel::Side::Client);
    m_packets.setSide(m_calls.side());
    m_ui->tcpView->setSide(server ? SocketSide::Server : SocketSide::Client);
    // UDP has no TCP beneath its calls, and the capture takes TCP segments alone.
    for (QWidget *tcpOnly : {static_cast<QWidget *>(m_ui->tcpView),
                             static_cast<QWidget *>(m_ui->packetsView)})
        m_ui->callsTabs->setTabVisible(m_ui->callsTabs->indexOf(tcpOnly), !udp);
    showPanelState();
}

QWidget *MainWindow::panelShown() const
{
    if (m_transport == Transport::Udp)
        return m_mode == Mode::Server ? static_cast<QWidget *>(m_udpServerPanel)
                                      : m_udpClientPanel;
    return m_mode == Mode::Server ? static_cast<QWidget *>(m_ui->serverPanel)
                                  : m_ui->clientPanel;
}

PanelState MainWindow::panelState() const
{
    if (m_transport == Transport::Udp)
        return m_mode == Mode::Server ? m_udpServerPanel->state() : m_udpClientPanel->state();
    return m_mode == Mode::Server ? m_ui->serverPanel->state() : m_ui->clientPanel->state();
}

// A client sends what is typed; a server only when it replies by hand, to the client followed.
void MainWindow::showComposer()
{
    const bool shown = m_mode == Mode::Client
                       || (m_transport == Transport::Tcp && m_ui->serverPanel->repliesByHand());
    m_ui->composer->setVisible(shown);
    m_ui->focusComposerAction->setEnabled(shown);
}

void MainWindow::setServerOptions(const ServerOptions &options)
{
    m_ui->serverPanel->setOptions(options);
    m_udpServerPanel->setOptions(options);
}

bool MainWindow::startServer()
{
    setMode(Mode::Server);
    if (m_transport == Transport::Udp)
        return m_udpServerPanel->start();
    return m_ui->serverPanel->start();
}

void MainWindow::stopServer()
{
    m_ui->serverPanel->stop();
    m_udpServerPanel->stop();
}

void MainWindow::connectToServer(const QString &host, quint16 port)
{
    setMode(Mode::Client);
    if (m_transport == Transport::Udp)
        m_udpClientPanel->openTo(host, port);
    else
        m_ui->clientPanel->connectToServer(host, port);
}

quint16 MainWindow::serverPort()
{
    if (m_transport == Transport::Udp)
        return m_udpServerPanel->server().isRunning() ? m_udpServerPanel->server().port() : 0;
    return server().isListening() ? server().port() : 0;
}

void MainWindow::toggleConnection()
{
    if (m_transport == Transport::Udp)
        m_mode == Mode::Server ? m_udpServerPanel->toggle() : m_udpClientPanel->toggle();
    else if (m_mode == Mode::Server)
        m_ui->serverPanel->toggle();
    else
        m_ui->clientPanel->toggle();
}

void MainWindow::showBytes(qint64 offset, qint64 end)
{
    m_ui->inspector->setSelection(offset, end - 1);
    m_ui->inspector->scrollToOffset(offset);
}

void MainWindow::follow(qint64 clientId)
{
    if (clientId == m_followed.followed())
        return;
    if (clientId == 0)
        m_followed.unfollow();
    else
        m_followed.follow(clientId);
    const bool following = clientId != 0;
    m_ui->conversation->setConversation(following ? static_cast<QAbstractItemModel *>(&m_followed)
                                                  : &m_conversation);
    m_ui->inspector->setStream(following ? &m_followed.stream() : &m_conversation.stream());
    m_ui->tcpView->showConnection(clientId); // 0: the listening socket
    if (following) {
        m_ui->socketCalls->showOnlyConnection(clientId);
        m_ui->packetsView->showOnlyConnection(clientId);
    } else {
        m_ui->socketCalls->showAllConnections();
        m_ui->packetsView->showAllConnections();
    }
    showWhoseConversation();
}

// The composer's hint too: a server replying by hand replies to the client followed.
void MainWindow::showWhoseConversation()
{
    const qint64 followed = m_followed.followed();
    // The segments' mark is explained once there are segments (none over UDP, none unless
    // captured).
    m_legendTellsOfSegments = !m_conversation.wireSegments().isEmpty();
    const QString colours = m_legendTellsOfSegments
        ? tr("sent tinted blue, received green; boxed: one UTF-8 character; red: not UTF-8; "
             "▾: a captured TCP segment starts")
        : tr("sent tinted blue, received green; boxed: one UTF-8 character; red: not UTF-8");
    if (followed == 0) {
        m_ui->composer->setMessageHint(m_mode == Mode::Server
                                           ? tr("Select a client above, then type its reply "
                                                "and press Enter")
                                           : QString());
        m_ui->conversationLabel->setText(tr("Conversation (click a message to see its bytes)"));
        m_ui->inspectorLabel->setText(tr("Bytes on the wire: %1").arg(colours));
        return;
    }
    m_ui->composer->setMessageHint(
        tr("Type the reply to %1, then press Enter").arg(m_conversation.peerLabel(followed)));
    const QString client = m_conversation.peerLabel(followed).toHtmlEscaped();
    m_ui->conversationLabel->setText(
        tr("<b>Following %1</b> alone: select <b>All clients</b> above to see everyone. "
           "(Click a message to see its bytes.)")
            .arg(client));
    m_ui->inspectorLabel->setText(
        tr("<b>Bytes of %1 alone</b>, offsets counted within them: %2").arg(client, colours));
}

void MainWindow::showPanelState()
{
    const PanelState state = panelState();
    m_ui->stateLabel->setText(state.text);
    QPalette palette = m_ui->stateLabel->parentWidget()->palette();
    if (state.problem)
        palette.setColor(QPalette::WindowText, WireColors(palette, QPalette::Window).problem());
    m_ui->stateLabel->setPalette(palette);
    m_ui->toggleAction->setText(state.toggleText);
    // Qt adds the application's name: "server on port 5220 — Capsock".
    setWindowTitle(state.title);
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
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    m_splitRestored = m_ui->mainSplitter->restoreState(settings.value(SplitKey).toByteArray());
    const bool server = settings.value(ModeKey).toString() == QLatin1String("server");
    (server ? m_ui->serverMode : m_ui->clientMode)->setChecked(true);
    const bool udp = settings.value(TransportKey).toString() == QLatin1String("udp");
    (udp ? m_ui->udpTransport : m_ui->tcpTransport)->setChecked(true);
    tabStopOnChecked(m_ui->modeGroup);
    tabStopOnChecked(m_ui->transportGroup);
    m_ui->serverPanel->restoreSettings(settings);
    m_ui->clientPanel->restoreSettings(settings);
    m_udpServerPanel->restoreSettings(settings);
    m_udpClientPanel->restoreSettings(settings);
    m_ui->composer->setLineEnding(LineEnding(
        settings.value(LineEndingKey, int(ClientOptions().lineEnding)).toInt()));
    m_ui->composer->setHexMode(settings.value(HexKey, false).toBool());
}

// Only what this window changed since it started is written: a server's window and a client's
// side by side each keep what the other changed, whichever quits last.
void MainWindow::saveSettings() const
{
    const QVariantMap mine = valuesAsStored([this](QSettings &settings) {
        writeSettings(settings);
    });
    QSettings settings;
    for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
        if (m_settingsAtStart.value(it.key()) != it.value())
            settings.setValue(it.key(), it.value());
    }
}

void MainWindow::writeSettings(QSettings &settings) const
{
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(SplitKey, m_ui->mainSplitter->saveState());
    settings.setValue(ModeKey, m_mode == Mode::Server ? QStringLiteral("server")
                                                      : QStringLiteral("client"));
    settings.setValue(TransportKey, m_transport == Transport::Udp ? QStringLiteral("udp")
                                                                  : QStringLiteral("tcp"));
    m_ui->serverPanel->saveSettings(settings);
    m_ui->clientPanel->saveSettings(settings);
    m_udpServerPanel->saveSettings(settings);
    m_udpClientPanel->saveSettings(settings);
    settings.setValue(LineEndingKey, int(m_ui->composer->lineEnding()));
    settings.setValue(HexKey, m_ui->composer->isHexMode());
}

// What `write` sets, as a settings file gives it back (a number as text...), so that what was
// read and what would be written compare alike.
QVariantMap MainWindow::valuesAsStored(const std::function<void(QSettings &)> &write)
{
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("settings.ini"));
    {
        QSettings file(path, QSettings::IniFormat);
        write(file);
    } // written out as it goes
    const QSettings file(path, QSettings::IniFormat);
    QVariantMap values;
    for (const QString &key : file.allKeys())
        values.insert(key, file.value(key));
    return values;
}
