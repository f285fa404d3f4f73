#include "gui/UdpServerPanel.h"

#include "gui/BindAddressChoices.h"
#include "gui/ConversationModel.h"
#include "gui/SpinBoxField.h"
#include "net/BindAddress.h"
#include "net/SocketErrorText.h"

#include "core/SocketEventText.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int ChoiceMinimumLength = 15; // characters: room for 255.255.255.255
// The keys of what the bar remembers: its own, so that TCP's bar keeps its choices.
const QString BindKey = QStringLiteral("udpServer/bind");
const QString PortKey = QStringLiteral("udpServer/port");
const QString DatagramSizeKey = QStringLiteral("udpServer/datagramSize");
enum Column { PeerColumn, DatagramsColumn, BytesInColumn, BytesOutColumn };
} // namespace

UdpServerPanel::UdpServerPanel(QWidget *parent)
    : QWidget(parent)
    , m_bindAddress(new QComboBox(this))
    , m_port(new QSpinBox(this))
    , m_datagramSize(new QSpinBox(this))
    , m_startStop(new QPushButton(this))
    , m_peersPane(new QWidget)
    , m_peers(new QTreeWidget(m_peersPane))
{
    setUpBar();
    setUpPeersPane();
    setOptions(ServerOptions());
    connectServer();
    updateControls();
}

// The pane lives in the window's layout, not in this panel, and goes with the panel.
UdpServerPanel::~UdpServerPanel()
{
    delete m_peersPane;
}

void UdpServerPanel::setUpBar()
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *bindLabel = new QLabel(tr("&Listen on:"), this);
    bindLabel->setBuddy(m_bindAddress);
    m_bindAddress->setAccessibleName(tr("Listen on"));
    m_bindAddress->setMinimumContentsLength(ChoiceMinimumLength);
    m_bindAddress->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    BindAddressChoices::fill(m_bindAddress);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    m_port->setRange(0, 65535);
    m_port->setAccessibleName(tr("UDP port"));
    m_port->setToolTip(tr("The UDP port to bind; 0 picks a free one. TCP's and UDP's ports are "
                          "separate: the same number can serve both."));
    auto *sizeLabel = new QLabel(tr("recvfrom si&ze:"), this);
    sizeLabel->setBuddy(m_datagramSize);
    m_datagramSize->setRange(1, 65535);
    m_datagramSize->setSuffix(tr(" bytes"));
    m_datagramSize->setToolTip(tr("The n of recvfrom(n), 2048 in the textbook: a longer datagram "
                                  "is cut, and the rest of it is lost."));
    grid->addWidget(bindLabel, 0, 0);
    grid->addWidget(m_bindAddress, 0, 1);
    grid->addWidget(portLabel, 0, 2);
    grid->addWidget(m_port, 0, 3);
    grid->addWidget(m_startStop, 0, 4);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(sizeLabel);
    sizeRow->addWidget(m_datagramSize);
    sizeRow->addStretch();
    grid->addLayout(sizeRow, 1, 0, 1, 5);
    m_bindAddress->setObjectName(QStringLiteral("udpBindAddress"));
    m_port->setObjectName(QStringLiteral("udpPort"));
    m_startStop->setObjectName(QStringLiteral("udpStartStop"));
    m_datagramSize->setObjectName(QStringLiteral("datagramSize"));
    connect(m_startStop, &QPushButton::clicked, this, &UdpServerPanel::toggle);
    connect(spinBoxField(m_port), &QLineEdit::returnPressed, this, [this] {
        if (!m_server.isRunning())
            start();
    });
}

void UdpServerPanel::setUpPeersPane()
{
    // As tall as its list, not more: the conversation below takes the rest.
    m_peersPane->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QVBoxLayout(m_peersPane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Peers heard from (UDP has no connections: a peer is an "
                                "address that sent a datagram)"),
                             m_peersPane);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_peers->setObjectName(QStringLiteral("peers"));
    m_peers->setHeaderLabels({tr("Peer"), tr("Datagrams"), tr("Bytes in"), tr("Bytes out")});
    m_peers->setRootIsDecorated(false);
    m_peers->setAccessibleName(tr("Peers heard from"));
    m_peers->setMaximumHeight(120);
    // The counts as wide as their numbers, so that the address has the rest.
    for (const int column : {DatagramsColumn, BytesInColumn, BytesOutColumn})
        m_peers->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_peers->header()->setSectionResizeMode(PeerColumn, QHeaderView::Stretch);
    m_peers->header()->setStretchLastSection(false);
    layout->addWidget(m_peers);
}

QList<QWidget *> UdpServerPanel::tabStops() const
{
    return {m_bindAddress, m_port, m_startStop, m_datagramSize};
}

void UdpServerPanel::setConversation(ConversationModel *conversation)
{
    m_conversation = conversation;
}

void UdpServerPanel::connectServer()
{
    connect(&m_server, &UdpCapitalizeServer::peerSeen, this,
            [this](const UdpCapitalizeServer::Peer &peer) {
                m_conversation->setPeerLabel(peer.id, m_server.peerText(peer));
                m_conversation->addNote(tr("First datagram from %1.").arg(m_server.peerText(peer)),
                                        ConversationModel::Kind::Note, peer.id);
            });
    connect(&m_server, &UdpCapitalizeServer::datagramReceived, this,
            &UdpServerPanel::onDatagram);
    connect(&m_server, &UdpCapitalizeServer::replied, this,
            [this](qint64 peerId, const QByteArray &reply) {
                m_conversation->addSent(reply, peerId);
                showPeer(m_server.peer(peerId));
            });
    connect(&m_server, &UdpCapitalizeServer::replyNotSent, this,
            [this](qint64 peerId, const SocketEvent &event) {
                m_conversation->addNote(SocketEventText::explanation(event),
                                        ConversationModel::Kind::Problem, peerId);
            });
}

// One datagram, one bubble: finished at once, as nothing more of it can come.
void UdpServerPanel::onDatagram(qint64 peerId, const QByteArray &bytes, qint64 datagramBytes)
{
    m_conversation->addReceived(bytes, peerId);
    m_conversation->finishReceived(peerId);
    if (datagramBytes != bytes.size()) {
        m_conversation->addNote(
            datagramBytes < 0
                ? tr("This datagram was longer than recvfrom(%1) takes: the rest of it is lost.")
                      .arg(bytes.size())
                : tr("This datagram had %n byte(s); recvfrom(%1) kept the first %1, the rest "
                     "is lost.",
                     nullptr, int(datagramBytes))
                      .arg(bytes.size()),
            ConversationModel::Kind::Problem, peerId);
    }
    showPeer(m_server.peer(peerId));
}

void UdpServerPanel::showPeer(const UdpCapitalizeServer::Peer &peer)
{
    QTreeWidgetItem *&item = m_peerItems[peer.id];
    if (!item)
        item = new QTreeWidgetItem(m_peers, {m_server.peerText(peer)});
    item->setText(DatagramsColumn, QString::number(peer.datagramsIn));
    item->setText(BytesInColumn, QString::number(peer.bytesIn));
    item->setText(BytesOutColumn, QString::number(peer.bytesOut));
}

ServerOptions UdpServerPanel::options() const
{
    ServerOptions options;
    options.bindAddresses = BindAddressChoices::selected(m_bindAddress);
    options.port = quint16(m_port->value());
    options.datagramSize = m_datagramSize->value();
    return options;
}

void UdpServerPanel::setOptions(const ServerOptions &options)
{
    BindAddressChoices::select(m_bindAddress, options.bindAddresses);
    m_port->setValue(options.port);
    m_datagramSize->setValue(int(options.datagramSize));
}

bool UdpServerPanel::start()
{
    if (m_server.isRunning())
        return true;
    m_peers->clear();
    m_peerItems.clear();
    const bool started = m_server.start(options());
    if (!started) {
        showProblem(m_server.errorString());
        return false;
    }
    m_conversation->addNote(tr("Bound to UDP port %1: waiting for datagrams (no listen(), no "
                               "accept(): UDP has no connections).")
                                .arg(m_server.port()));
    updateControls();
    return true;
}

void UdpServerPanel::stop()
{
    if (!m_server.isRunning())
        return;
    m_server.stop();
    m_conversation->addNote(tr("The UDP socket is closed."));
    updateControls();
}

void UdpServerPanel::toggle()
{
    if (m_server.isRunning())
        stop();
    else
        start();
}

void UdpServerPanel::leave()
{
    stop();
}

void UdpServerPanel::updateControls()
{
    const bool running = m_server.isRunning();
    m_startStop->setText(running ? tr("&Stop") : tr("&Start"));
    for (QWidget *field : {static_cast<QWidget *>(m_bindAddress), static_cast<QWidget *>(m_port),
                           static_cast<QWidget *>(m_datagramSize)})
        field->setEnabled(!running);
    m_state = {};
    m_state.toggleText = running ? tr("&Stop the server") : tr("&Start the server");
    if (running) {
        m_state.text = tr("UDP: bound to port %1, receiving with recvfrom(%2).")
                           .arg(m_server.port())
                           .arg(m_server.options().datagramSize);
        m_state.title = tr("UDP server on port %1").arg(m_server.port());
    } else {
        m_state.text = tr("UDP: not bound. Choose where and press Start.");
        m_state.title = tr("UDP server");
    }
    emit stateChanged();
}

void UdpServerPanel::showProblem(const QString &text)
{
    m_conversation->addNote(text, ConversationModel::Kind::Problem);
    m_state.text = text;
    m_state.problem = true;
    emit stateChanged();
}

void UdpServerPanel::restoreSettings(const QSettings &settings)
{
    const ServerOptions defaults;
    const int bind = m_bindAddress->findData(
        settings.value(BindKey, BindAddress::name(defaults.bindAddresses)));
    m_bindAddress->setCurrentIndex(std::max(0, bind)); // an interface since gone: all
    m_port->setValue(settings.value(PortKey, defaults.port).toInt());
    m_datagramSize->setValue(settings.value(DatagramSizeKey, int(defaults.datagramSize)).toInt());
}

void UdpServerPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(BindKey, m_bindAddress->currentData());
    settings.setValue(PortKey, m_port->value());
    settings.setValue(DatagramSizeKey, m_datagramSize->value());
}
