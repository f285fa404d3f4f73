#include "gui/UdpClientPanel.h"

#include "ui_UdpClientPanel.h"

#include "core/HostPort.h"
#include "core/SocketEventText.h"
#include "gui/ConversationModel.h"
#include "gui/HostHistory.h"
#include "gui/SpinBoxField.h"
#include "net/ServerOptions.h"
#include "net/SocketErrorText.h"

#include <QLineEdit>
#include <QSettings>

namespace {
// The keys of what the bar remembers: its own, so that TCP's bar keeps its choices.
const QString HostsKey = QStringLiteral("udpClient/hosts");
const QString PortKey = QStringLiteral("udpClient/port");
const QString ConnectSocketKey = QStringLiteral("udpClient/connectSocket");
} // namespace

UdpClientPanel::UdpClientPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::UdpClientPanel>())
{
    m_ui->setupUi(this);
    m_ui->udpHost->setEditText(QStringLiteral("127.0.0.1"));
    m_ui->udpClientPort->setValue(ServerOptions().port);
    connect(m_ui->udpOpenClose, &QPushButton::clicked, this, &UdpClientPanel::toggle);
    for (QLineEdit *field : {m_ui->udpHost->lineEdit(), spinBoxField(m_ui->udpClientPort)})
        connect(field, &QLineEdit::returnPressed, this, &UdpClientPanel::openToTheBarsServer);
    connectClient();
    updateState();
}

UdpClientPanel::~UdpClientPanel() = default;

QList<QWidget *> UdpClientPanel::tabStops() const
{
    return {m_ui->udpHost, m_ui->udpClientPort, m_ui->udpOpenClose, m_ui->connectSocket};
}

void UdpClientPanel::setConnectSocket(bool connectSocket)
{
    m_ui->connectSocket->setChecked(connectSocket);
}

void UdpClientPanel::setConversation(ConversationModel *conversation)
{
    m_conversation = conversation;
}

void UdpClientPanel::connectClient()
{
    connect(&m_client, &UdpCapitalizeClient::ready, this, [this] {
        const QString server =
            SocketErrorText::endpoint(m_client.serverAddress(), m_client.serverPort());
        // Unconnected, the socket has no address of its own until its first sendto().
        m_conversation->addNote(
            m_client.localPort() == 0
                ? tr("A UDP socket for %1: no handshake, nothing is sent until a message. "
                     "The system gives it a port at its first sendto().")
                      .arg(server)
                : tr("A UDP socket at %1, connect()ed to %2: no handshake, nothing is sent "
                     "until a message.")
                      .arg(SocketErrorText::endpoint(m_client.localAddress(),
                                                     m_client.localPort()),
                           server));
        HostHistory::remember(m_ui->udpHost, m_openHost);
        updateState();
    });
    connect(&m_client, &UdpCapitalizeClient::messageSent, this,
            [this](qint64 id, const QByteArray &bytes) {
                m_conversation->addSent(bytes, 0, id);
            });
    connect(&m_client, &UdpCapitalizeClient::replyReceived, this,
            [this](qint64 id, const QByteArray &reply, qint64 roundTrip, bool truncated) {
                m_conversation->addReceived(reply, 0, id, roundTrip);
                m_conversation->finishReceived(0, roundTrip);
                if (truncated)
                    m_conversation->addNote(tr("The reply was longer than recvfrom() takes: "
                                               "the rest of it is lost."),
                                            ConversationModel::Kind::Problem);
            });
    connect(&m_client, &UdpCapitalizeClient::messageUnanswered, this,
            [this](qint64, const QByteArray &, const SocketEvent &why) {
                m_conversation->addNote(SocketEventText::explanation(why),
                                        ConversationModel::Kind::Problem);
            });
    connect(&m_client, &UdpCapitalizeClient::messageNotSent, this,
            [this](qint64 id, const QByteArray &bytes, const SocketEvent &why) {
                m_conversation->addUnsent(bytes, 0, id);
                m_conversation->addNote(SocketEventText::explanation(why),
                                        ConversationModel::Kind::Problem);
            });
    connect(&m_client, &UdpCapitalizeClient::failed, this, &UdpClientPanel::showProblem);
}

void UdpClientPanel::openTo(const QString &host, quint16 port)
{
    m_ui->udpHost->setEditText(host);
    m_ui->udpClientPort->setValue(port);
    const HostPort target = HostPort::parse(host, port);
    if (!target.isValid()) {
        showProblem(target.error);
        return;
    }
    m_client.close();
    m_client.setConnectSocket(m_ui->connectSocket->isChecked());
    m_openHost = target.host;
    m_client.start(target.host, target.port);
    updateState();
}

void UdpClientPanel::openToTheBarsServer()
{
    openTo(m_ui->udpHost->currentText().trimmed(), quint16(m_ui->udpClientPort->value()));
}

void UdpClientPanel::send(const QByteArray &bytes)
{
    const HostPort target = HostPort::parse(m_ui->udpHost->currentText().trimmed(),
                                            quint16(m_ui->udpClientPort->value()));
    if (!target.isValid()) { // nowhere to send it: it stays in view, marked
        m_conversation->addUnsent(bytes);
        m_conversation->addNote(target.error, ConversationModel::Kind::Problem);
        showProblem(target.error);
        return;
    }
    const bool open = m_client.state() == UdpCapitalizeClient::State::Ready
                      || m_client.state() == UdpCapitalizeClient::State::Resolving;
    if (!open || target.host != m_openHost || target.port != m_client.serverPort())
        openTo(target.host, target.port);
    m_client.send(bytes);
    updateState();
}

void UdpClientPanel::toggle()
{
    if (m_client.state() == UdpCapitalizeClient::State::Idle
        || m_client.state() == UdpCapitalizeClient::State::Failed)
        openToTheBarsServer();
    else
        close();
}

void UdpClientPanel::close()
{
    m_client.close();
    m_openHost.clear();
    m_conversation->addNote(tr("The UDP socket is closed."));
    updateState();
}

void UdpClientPanel::leave()
{
    if (m_client.state() != UdpCapitalizeClient::State::Idle)
        close();
}

void UdpClientPanel::updateState()
{
    const bool open = m_client.state() == UdpCapitalizeClient::State::Ready;
    m_ui->udpOpenClose->setText(open ? tr("Clo&se") : tr("Open soc&ket"));
    m_ui->connectSocket->setEnabled(!open);
    m_state = {};
    m_state.toggleText = open ? tr("Clo&se the socket") : tr("&Open the socket");
    const QString server =
        SocketErrorText::endpoint(m_client.serverAddress(), m_client.serverPort());
    if (open) {
        m_state.text = tr("UDP: sending to %1, one datagram a message.").arg(server);
        m_state.title = tr("UDP client of %1").arg(server);
    } else {
        m_state.text = tr("UDP: no socket yet. Type a message: it goes as one datagram.");
        m_state.title = tr("UDP client");
    }
    emit stateChanged();
}

void UdpClientPanel::showProblem(const QString &text)
{
    m_conversation->addNote(text, ConversationModel::Kind::Problem);
    m_state.text = text;
    m_state.problem = true;
    emit stateChanged();
}

void UdpClientPanel::restoreSettings(const QSettings &settings)
{
    HostHistory::restore(m_ui->udpHost, settings, HostsKey);
    m_ui->udpClientPort->setValue(settings.value(PortKey, ServerOptions().port).toInt());
    m_ui->connectSocket->setChecked(settings.value(ConnectSocketKey, false).toBool());
}

void UdpClientPanel::saveSettings(QSettings &settings) const
{
    HostHistory::save(m_ui->udpHost, settings, HostsKey);
    settings.setValue(PortKey, m_ui->udpClientPort->value());
    settings.setValue(ConnectSocketKey, m_ui->connectSocket->isChecked());
}
