#include "gui/ServerPanel.h"

#include "ui_ServerPanel.h"

#include "gui/BindAddressChoices.h"
#include "gui/Coalescer.h"
#include "gui/ConversationModel.h"
#include "gui/SpinBoxField.h"
#include "net/BindAddress.h"
#include "net/CapitalizeSession.h"
#include "net/ReachableAddresses.h"
#include "net/SocketErrorText.h"

#include "core/SocketEventText.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int ChoiceMinimumLength = 15; // characters: room for 255.255.255.255
// The keys of what the bar remembers.
const QString BindKey = QStringLiteral("server/bind");
const QString PortKey = QStringLiteral("server/port");
const QString ReadSizeKey = QStringLiteral("server/readSize");
const QString CloseAfterReplyKey = QStringLiteral("server/closeAfterReply");
const QString MaxClientsKey = QStringLiteral("server/maxClients");
const QString ManualRepliesKey = QStringLiteral("server/manualReplies");
const QString ReuseAddressKey = QStringLiteral("server/reuseAddress");
constexpr int ClientIdRole = Qt::UserRole; // on a client's line: its id; 0 on "All clients"
enum ClientColumn { LabelColumn, BytesInColumn, BytesOutColumn, StateColumn, ColumnCount };

// What an item view puts either side of a cell's text: a cell this much wider is not elided.
int cellMargins(const QTreeWidget *view)
{
    return 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
}
} // namespace

ServerPanel::ServerPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ServerPanel>())
    , m_clientListTimer(new QTimer(this))
    , m_clientListUpdate(new Coalescer(Coalescer::FrameMs, [this] { updateClientList(); }, this))
{
    m_ui->setupUi(this);
    m_allClientsItem = new QTreeWidgetItem(m_ui->clients, {tr("All clients")});
    m_allClientsItem->setData(LabelColumn, ClientIdRole, qint64(0));
    m_allClientsItem->setToolTip(LabelColumn, tr("Every client's conversation and bytes"));
    QFont bold = m_ui->clients->font();
    bold.setBold(true);
    m_allClientsItem->setFont(LabelColumn, bold);
    m_ui->clients->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui->clients->setCurrentItem(m_allClientsItem);
    connect(m_ui->clients, &QTreeWidget::itemSelectionChanged, this,
            &ServerPanel::onSelectionChanged);
    connect(m_ui->clearLeftButton, &QPushButton::clicked, this, &ServerPanel::clearDepartures);
    setUpCloseClientAction();
    // The bar shares its width out evenly: a long choice may be cut there (its list shows it
    // whole) rather than make the window wider.
    for (QComboBox *choice : {m_ui->bindAddress, m_ui->reachable})
        choice->setMinimumContentsLength(ChoiceMinimumLength);
    // 0 is "auto" (the .ui's special text); a window serves at most a default class, so that
    // the field stays narrow enough for two windows side by side.
    m_ui->maxClients->setMaximum(ServerOptions::MostClientsByDefault);
    BindAddressChoices::fill(m_ui->bindAddress);
    fitClientColumns();
    setOptions(ServerOptions());
    connect(m_ui->startStopButton, &QPushButton::clicked, this, &ServerPanel::toggle);
    // Enter in the port starts; it never stops (the field is disabled while listening anyway).
    connect(spinBoxField(m_ui->serverPort), &QLineEdit::returnPressed, this, [this] {
        if (!m_server.isListening())
            start();
    });
    connect(m_ui->copyAddressButton, &QPushButton::clicked, this, &ServerPanel::copyAddress);
    connect(m_ui->manualReplies, &QCheckBox::toggled, this, &ServerPanel::setRepliesByHand);
    connect(m_ui->pauseReading, &QCheckBox::toggled, this, &ServerPanel::setPauseReading);
    m_clientListTimer->setInterval(250); // byte counters: a few times a second is plenty
    connect(m_clientListTimer, &QTimer::timeout, this, &ServerPanel::refreshClientList);
    connectServer();
    updateControls();
}

ServerPanel::~ServerPanel() = default;

void ServerPanel::setConversation(ConversationModel *conversation)
{
    m_conversation = conversation;
}

QWidget *ServerPanel::clientsPane() const
{
    return m_ui->clientsPane;
}

QTreeWidget *ServerPanel::clientList() const
{
    return m_ui->clients;
}

void ServerPanel::connectServer()
{
    connect(&m_server, &CapitalizeServer::clientConnected, this,
            &ServerPanel::onClientConnected);
    connect(&m_server, &CapitalizeServer::clientDisconnected, this,
            &ServerPanel::onClientDisconnected);
    connect(&m_server, &CapitalizeServer::clientRefused, this,
            [this](const QString &peer, const QString &reason) {
                m_conversation->addNote(tr("Refused %1: %2").arg(peer, reason),
                                        ConversationModel::Kind::Problem);
            });
    connect(&m_server, &CapitalizeServer::acceptingPaused, this,
            [this](bool paused, const QString &reason) {
                m_acceptingPaused = paused;
                m_conversation->addNote(
                    paused ? tr("%1. New clients wait in the system's queue (the listen "
                                "backlog) until some leave; those connected are still served.")
                                 .arg(reason)
                           : reason,
                    paused ? ConversationModel::Kind::Problem : ConversationModel::Kind::Note);
                updateState();
            });
    connect(&m_server, &CapitalizeServer::stopped, this, [this] {
        m_conversation->addNote(tr("The server stopped."));
        updateControls();
    });
}

// Beside the conversation, in half a projector's width, every cell reads whole: the client's
// address and port in full (its column widens to the widest one listed, measured once per
// client, not on every refresh of the counters), the counters as wide as their titles until a
// number needs more, and the state, in one word, takes the rest.
void ServerPanel::fitClientColumns()
{
    QTreeWidget *clients = m_ui->clients;
    QHeaderView *header = clients->header();
    header->setStretchLastSection(true);
    const QFontMetrics metrics(clients->font());
    const int margin = cellMargins(clients);
    // The last column stretches, yet never below its first width: its title's.
    for (const int column : {BytesInColumn, BytesOutColumn, StateColumn})
        header->resizeSection(column, header->sectionSizeHint(column));
    header->resizeSection(LabelColumn, metrics.horizontalAdvance(tr("Client")) + margin);
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

// A counter's column widens when its largest number outgrows it (one measure per refresh).
void ServerPanel::fitCounter(int column, qint64 largest)
{
    QTreeWidget *clients = m_ui->clients;
    const int wanted = clients->fontMetrics().horizontalAdvance(QString::number(largest))
        + cellMargins(clients);
    if (wanted > clients->columnWidth(column))
        clients->header()->resizeSection(column, wanted);
}

ServerOptions ServerPanel::options() const
{
    ServerOptions options;
    options.bindAddresses = BindAddressChoices::selected(m_ui->bindAddress);
    options.port = quint16(m_ui->serverPort->value());
    options.readSize = m_ui->readSize->value();
    options.closeAfterFirstReply = m_ui->closeAfterReply->isChecked();
    options.maxClients = m_ui->maxClients->value();
    options.manualReplies = m_ui->manualReplies->isChecked();
    options.pauseReading = m_ui->pauseReading->isChecked();
    options.reuseAddress = m_ui->reuseAddress->isChecked();
    return options;
}

void ServerPanel::setOptions(const ServerOptions &options)
{
    BindAddressChoices::select(m_ui->bindAddress, options.bindAddresses);
    m_ui->serverPort->setValue(options.port);
    m_ui->readSize->setValue(int(options.readSize));
    m_ui->closeAfterReply->setChecked(options.closeAfterFirstReply);
    m_ui->maxClients->setValue(options.maxClients);
    m_ui->manualReplies->setChecked(options.manualReplies);
    m_ui->pauseReading->setChecked(options.pauseReading);
    m_ui->reuseAddress->setChecked(options.reuseAddress);
}

bool ServerPanel::start()
{
    m_acceptingPaused = false; // a new listener, with descriptors to spare or its own signal
    if (!m_server.start(options())) {
        m_conversation->addNote(m_server.errorString(), ConversationModel::Kind::Problem);
        updateControls();
        showProblem(m_server.errorString());
        return false;
    }
    m_conversation->addNote(tr("Listening on port %1.").arg(m_server.port()));
    if (const QString limit = m_server.systemLimitText(); !limit.isEmpty())
        m_conversation->addNote(tr("It serves %1").arg(limit));
    updateControls();
    return true;
}

void ServerPanel::stop()
{
    m_server.stop();
    updateControls();
}

void ServerPanel::toggle()
{
    if (m_server.isListening())
        stop();
    else
        start();
}

void ServerPanel::leave()
{
    if (m_server.isListening())
        stop();
}

// Right-click a client (or Delete on it): its connection ends, as a teacher ends a buggy
// homework client that hogs the class. The client is told by the server's FIN.
void ServerPanel::setUpCloseClientAction()
{
    m_closeClientAction = new QAction(tr("&Close this connection"), m_ui->clients);
    m_closeClientAction->setToolTip(
        tr("End the selected client's connection: the server sends its FIN, then closes"));
    m_closeClientAction->setShortcut(QKeySequence::Delete);
    m_closeClientAction->setShortcutContext(Qt::WidgetShortcut);
    m_closeClientAction->setEnabled(false);
    m_ui->clients->addAction(m_closeClientAction);
    m_ui->clients->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_closeClientAction, &QAction::triggered, this, [this] {
        if (CapitalizeSession *session = m_sessions.value(m_followed))
            session->close(SocketEvent::CloseReason::ClosedByUser);
    });
}

void ServerPanel::updateCloseClientAction()
{
    m_closeClientAction->setEnabled(m_sessions.contains(m_followed));
}

void ServerPanel::onClientConnected(CapitalizeSession *session)
{
    const qint64 id = session->id();
    const QString label = QStringLiteral("#%1 %2").arg(id).arg(session->peer());
    m_conversation->setPeerLabel(id, label);
    m_conversation->addNote(tr("connected"), ConversationModel::Kind::Note, id);
    m_sessions.insert(id, session);
    updateCloseClientAction();
    m_clientListUpdate->request();
    connect(session, &CapitalizeSession::received, this, [this, id](const QByteArray &chunk) {
        m_conversation->addReceived(chunk, id);
        m_conversation->finishReceived(id); // the server answers every read at once
    });
    connect(session, &CapitalizeSession::replied, this, [this, id](const QByteArray &reply) {
        m_conversation->addSent(reply, id);
    });
    connect(session, &CapitalizeSession::heldBack, this, [this, id](qint64 bytes) {
        m_conversation->addNote(SocketEventText::heldBack(bytes), ConversationModel::Kind::Note,
                                id);
    });
    connect(session, &CapitalizeSession::heldBackSentAsTheyCame, this, [this, id](qint64 bytes) {
        m_conversation->addNote(SocketEventText::heldBackSentAsTheyCame(bytes),
                                ConversationModel::Kind::Note, id);
    });
    connect(session, &CapitalizeSession::readingPaused, this, [this, id](bool paused) {
        m_conversation->addNote(SocketEventText::readingPaused(paused),
                                ConversationModel::Kind::Note, id);
    });
}

void ServerPanel::onClientDisconnected(qint64 id, const QString &reason,
                                       const SocketEvent &close)
{
    m_conversation->finishReceived(id);
    m_conversation->addNote(tr("closed: %1").arg(reason), ConversationModel::Kind::Note, id);
    const CapitalizeSession *session = m_sessions.take(id); // deleted after this signal
    m_departures.push_back({id, session ? session->bytesReceived() : 0,
                            session ? session->bytesSent() : 0,
                            SocketEventText::closeSummary(close), reason});
    updateCloseClientAction();
    m_clientListUpdate->request();
}

// At once, for the clients connected too.
void ServerPanel::setRepliesByHand(bool byHand)
{
    if (m_server.isListening()) {
        m_server.setManualReplies(byHand);
        m_conversation->addNote(
            byHand ? tr("Replies by hand: select a client above and type its reply below.")
                   : tr("Automatic replies again: each read is answered, capitalized."));
    }
    emit repliesByHandChanged(byHand);
}

// At once, for the clients connected too. Not remembered: a server that starts deaf would
// puzzle whoever starts it next.
void ServerPanel::setPauseReading(bool paused)
{
    if (!m_server.isListening())
        return; // start() takes it from options()
    m_server.setPauseReading(paused);
    m_conversation->addNote(
        paused ? tr("recv() paused: what clients send waits in the kernel's receive buffer, "
                    "then in theirs. See \"TCP beneath them\".")
               : tr("recv() again: what waited in the buffers is read and answered."));
}

bool ServerPanel::repliesByHand() const
{
    return m_ui->manualReplies->isChecked();
}

void ServerPanel::sendToFollowed(const QByteArray &bytes)
{
    CapitalizeSession *session = m_sessions.value(m_followed);
    if (session && session->send(bytes))
        return; // the conversation shows it as it goes out (CapitalizeSession::replied)
    m_conversation->addUnsent(bytes, m_followed);
    const QString why = m_followed == 0
        ? tr("Select the client to reply to in the list above: a reply goes to the client "
             "followed.")
        : tr("%1 is no longer connected: the reply was not sent.")
              .arg(m_conversation->peerLabel(m_followed));
    m_conversation->addNote(why, ConversationModel::Kind::Problem, m_followed);
}

void ServerPanel::followAll()
{
    m_ui->clients->setCurrentItem(m_allClientsItem);
}

void ServerPanel::updateClientList()
{
    listNewcomers();
    markDepartures();
    while (m_leftListed.size() > size_t(LeftClientsListed)) {
        unlist(m_leftListed.front());
        m_leftListed.pop_front();
    }
    m_ui->clearLeftButton->setEnabled(!m_leftListed.empty());
    if (m_sessions.isEmpty())
        m_clientListTimer->stop();
    else if (!m_clientListTimer->isActive())
        m_clientListTimer->start();
    updateState();
}

// In the order they came, those that have already left included: their conversation is there.
void ServerPanel::listNewcomers()
{
    QList<qint64> newcomers;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it)
        if (!m_clientItems.contains(it.key()))
            newcomers.append(it.key());
    for (const Departure &departure : m_departures)
        if (!m_clientItems.contains(departure.id))
            newcomers.append(departure.id);
    std::sort(newcomers.begin(), newcomers.end());
    QList<QTreeWidgetItem *> items;
    for (const qint64 id : std::as_const(newcomers)) {
        auto *item = new QTreeWidgetItem({m_conversation->peerLabel(id), QStringLiteral("0"),
                                          QStringLiteral("0"), tr("connected")});
        item->setData(LabelColumn, ClientIdRole, id);
        m_clientItems.insert(id, item);
        items.append(item);
    }
    m_ui->clients->addTopLevelItems(items);
}

// Greyed as a disabled item would be, yet selectable: its conversation can still be read.
void ServerPanel::markDepartures()
{
    const QColor grey = m_ui->clients->palette().color(QPalette::Disabled, QPalette::Text);
    for (const Departure &departure : m_departures) {
        QTreeWidgetItem *item = m_clientItems.value(departure.id);
        item->setText(BytesInColumn, QString::number(departure.bytesIn));
        item->setText(BytesOutColumn, QString::number(departure.bytesOut));
        item->setText(StateColumn, tr("left"));
        const QString story = tr("%1 left (%2): %3. Select it to read its conversation.")
                                  .arg(item->text(LabelColumn), departure.how, departure.reason);
        for (int column = 0; column < ColumnCount; ++column) {
            item->setForeground(column, grey);
            item->setToolTip(column, story);
        }
        m_leftListed.push_back(departure.id);
    }
    m_departures.clear();
}

void ServerPanel::unlist(qint64 id)
{
    QTreeWidgetItem *item = m_clientItems.take(id);
    if (item == m_ui->clients->currentItem())
        followAll();
    delete item;
}

// Their messages stay in the conversation of all clients: the conversation has its own bound.
void ServerPanel::clearDepartures()
{
    for (const qint64 id : m_leftListed)
        unlist(id);
    m_leftListed.clear();
    m_ui->clearLeftButton->setEnabled(false);
}

// Nothing selected (a Ctrl+click) is everyone too, and shown so.
void ServerPanel::onSelectionChanged()
{
    const QList<QTreeWidgetItem *> selected = m_ui->clients->selectedItems();
    if (selected.isEmpty()) {
        m_allClientsItem->setSelected(true);
        return;
    }
    const qint64 id = selected.constFirst()->data(LabelColumn, ClientIdRole).toLongLong();
    if (id == m_followed)
        return;
    m_followed = id;
    updateCloseClientAction();
    emit followedChanged(id);
}

void ServerPanel::refreshClientList()
{
    qint64 largestIn = 0;
    qint64 largestOut = 0;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        QTreeWidgetItem *item = m_clientItems.value(it.key());
        if (!item)
            continue;
        const CapitalizeSession *session = it.value();
        item->setText(BytesInColumn, QString::number(session->bytesReceived()));
        item->setText(BytesOutColumn, QString::number(session->bytesSent()));
        item->setText(StateColumn, session->isReadingPaused() ? tr("paused") : tr("connected"));
        item->setToolTip(StateColumn,
                         session->isReadingPaused()
                             ? tr("Not reading: this client does not read its replies, so the "
                                  "server stopped reading from it until it does")
                             : QString());
        largestIn = std::max(largestIn, session->bytesReceived());
        largestOut = std::max(largestOut, session->bytesSent());
    }
    fitCounter(BytesInColumn, largestIn);
    fitCounter(BytesOutColumn, largestOut);
}

void ServerPanel::copyAddress()
{
    const QString address = m_ui->reachable->currentData().toString();
    if (address.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(address);
    emit addressCopied(address);
}

void ServerPanel::updateControls()
{
    const bool listening = m_server.isListening();
    m_ui->startStopButton->setText(listening ? tr("&Stop") : tr("&Start"));
    const QList<QWidget *> options = {m_ui->bindAddress, m_ui->serverPort, m_ui->readSize,
                                      m_ui->closeAfterReply, m_ui->maxClients,
                                      m_ui->reuseAddress};
    for (QWidget *field : options)
        field->setEnabled(!listening); // options apply when the server starts
    fillReachableAddresses();
    updateState();
}

void ServerPanel::fillReachableAddresses()
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
    const bool everywhere = BindAddress::scope(listening) == BindAddress::Scope::AllInterfaces;
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

void ServerPanel::updateState()
{
    const bool listening = m_server.isListening();
    if (listening) {
        m_state.text = tr("Listening on port %1; %n client(s) connected.", nullptr,
                          int(m_sessions.size()))
                           .arg(m_server.port());
        m_state.problem = m_acceptingPaused;
        if (m_acceptingPaused) {
            m_state.text += QLatin1Char(' ')
                + tr("New clients wait: the server is out of descriptors (ulimit -n).");
        }
    } else if (m_server.errorString().isEmpty()) {
        m_state.text = tr("Stopped. Press Start to listen for clients.");
        m_state.problem = false;
    } // else the reason it could not start stays
    m_state.title = listening ? tr("server on port %1").arg(m_server.port())
                              : tr("server (stopped)");
    m_state.toggleText = listening ? tr("&Stop the server") : tr("&Start the server");
    emit stateChanged();
}

void ServerPanel::showProblem(const QString &text)
{
    m_state.text = text;
    m_state.problem = true;
    emit stateChanged();
}

void ServerPanel::restoreSettings(const QSettings &settings)
{
    const ServerOptions defaults;
    const int bind = m_ui->bindAddress->findData(
        settings.value(BindKey, BindAddress::name(defaults.bindAddresses)));
    m_ui->bindAddress->setCurrentIndex(std::max(0, bind)); // an interface since gone: all
    m_ui->serverPort->setValue(settings.value(PortKey, defaults.port).toInt());
    m_ui->readSize->setValue(settings.value(ReadSizeKey, defaults.readSize).toInt());
    m_ui->closeAfterReply->setChecked(
        settings.value(CloseAfterReplyKey, defaults.closeAfterFirstReply).toBool());
    m_ui->maxClients->setValue(settings.value(MaxClientsKey, defaults.maxClients).toInt());
    m_ui->manualReplies->setChecked(
        settings.value(ManualRepliesKey, defaults.manualReplies).toBool());
    m_ui->reuseAddress->setChecked(
        settings.value(ReuseAddressKey, defaults.reuseAddress).toBool());
}

void ServerPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(BindKey, m_ui->bindAddress->currentData());
    settings.setValue(PortKey, m_ui->serverPort->value());
    settings.setValue(ReadSizeKey, m_ui->readSize->value());
    settings.setValue(CloseAfterReplyKey, m_ui->closeAfterReply->isChecked());
    settings.setValue(MaxClientsKey, m_ui->maxClients->value());
    settings.setValue(ManualRepliesKey, m_ui->manualReplies->isChecked());
    settings.setValue(ReuseAddressKey, m_ui->reuseAddress->isChecked());
}
