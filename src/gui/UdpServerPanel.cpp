#include "gui/UdpServerPanel.h"

#include "ui_UdpServerPanel.h"

#include "gui/BindAddressChoices.h"
#include "gui/ConversationModel.h"
#include "gui/SpinBoxField.h"
#include "net/BindAddress.h"
#include "net/SocketErrorText.h"

#include "core/SocketEventText.h"

#include <QHeaderView>
#include <QSettings>

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
    , m_ui(std::make_unique<Ui::UdpServerPanel>())
{
    m_ui->setupUi(this);
    m_ui->udpBindAddress->setMinimumContentsLength(ChoiceMinimumLength);
    BindAddressChoices::fill(m_ui->udpBindAddress);
    setUpPeersPane();
    setOptions(ServerOptions());
    connect(m_ui->udpStartStop, &QPushButton::clicked, this, &UdpServerPanel::toggle);
    connect(spinBoxField(m_ui->udpPort), &QLineEdit::returnPressed, this, [this] {
        if (!m_server.isRunning())
            start();
    });
    connectServer();
    updateControls();
}

UdpServerPanel::~UdpServerPanel() = default;

QWidget *UdpServerPanel::peersPane() const
{
    return m_ui->peersPane;
}

QTreeWidget *UdpServerPanel::peerList() const
{
    return m_ui->peers;
}

// The counts as wide as their numbers, so that the address has the rest.
void UdpServerPanel::setUpPeersPane()
{
    QHeaderView *header = m_ui->peers->header();
    for (const int column : {DatagramsColumn, BytesInColumn, BytesOutColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PeerColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
}

QList<QWidget *> UdpServerPanel::tabStops() const
{
    return {m_ui->udpBindAddress, m_ui->udpPort, m_ui->udpStartStop, m_ui->datagramSize};
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
        item = new QTreeWidgetItem(m_ui->peers, {m_server.peerText(peer)});
    item->setText(DatagramsColumn, QString::number(peer.datagramsIn));
    item->setText(BytesInColumn, QString::number(peer.bytesIn));
    item->setText(BytesOutColumn, QString::number(peer.bytesOut));
}

ServerOptions UdpServerPanel::options() const
{
    ServerOptions options;
    options.bindAddresses = BindAddressChoices::selected(m_ui->udpBindAddress);
    options.port = quint16(m_ui->udpPort->value());
    options.datagramSize = m_ui->datagramSize->value();
    return options;
}

void UdpServerPanel::setOptions(const ServerOptions &options)
{
    BindAddressChoices::select(m_ui->udpBindAddress, options.bindAddresses);
    m_ui->udpPort->setValue(options.port);
    m_ui->datagramSize->setValue(int(options.datagramSize));
}

bool UdpServerPanel::start()
{
    if (m_server.isRunning())
        return true;
    m_ui->peers->clear();
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
    m_ui->udpStartStop->setText(running ? tr("&Stop") : tr("&Start"));
    for (QWidget *field : {static_cast<QWidget *>(m_ui->udpBindAddress),
                           static_cast<QWidget *>(m_ui->udpPort),
                           static_cast<QWidget *>(m_ui->datagramSize)})
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
    const int bind = m_ui->udpBindAddress->findData(
        settings.value(BindKey, BindAddress::name(defaults.bindAddresses)));
    m_ui->udpBindAddress->setCurrentIndex(std::max(0, bind)); // an interface since gone: all
    m_ui->udpPort->setValue(settings.value(PortKey, defaults.port).toInt());
    m_ui->datagramSize->setValue(
        settings.value(DatagramSizeKey, int(defaults.datagramSize)).toInt());
}

void UdpServerPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(BindKey, m_ui->udpBindAddress->currentData());
    settings.setValue(PortKey, m_ui->udpPort->value());
    settings.setValue(DatagramSizeKey, m_ui->datagramSize->value());
}
