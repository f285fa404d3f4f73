#include "gui/ClientPanel.h"

#include "ui_ClientPanel.h"

#include "core/HostPort.h"
#include "core/SocketEventText.h"
#include "gui/ConversationModel.h"
#include "gui/HostHistory.h"
#include "gui/SpinBoxField.h"
#include "net/ClientOptions.h"
#include "net/SocketErrorText.h"

#include <QLineEdit>
#include <QSettings>

namespace {
// The keys of what the bar remembers.
const QString HostsKey = QStringLiteral("client/hosts");
const QString PortKey = QStringLiteral("client/port");
} // namespace

ClientPanel::ClientPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ClientPanel>())
{
    m_ui->setupUi(this);
    m_ui->host->setEditText(QStringLiteral("127.0.0.1"));
    m_ui->clientPort->setValue(ClientOptions().port);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &ClientPanel::toggle);
    // Enter in the host or the port connects to what they say; it never disconnects.
    for (QLineEdit *field : {m_ui->host->lineEdit(), spinBoxField(m_ui->clientPort)})
        connect(field, &QLineEdit::returnPressed, this, &ClientPanel::connectToTheBarsServer);
    connectClient();
    updateState();
}

ClientPanel::~ClientPanel() = default;

void ClientPanel::setConversation(ConversationModel *conversation)
{
    m_conversation = conversation;
}

void ClientPanel::connectClient()
{
    connect(&m_client, &CapitalizeClient::stateChanged, this, &ClientPanel::updateState);
    connect(&m_client, &CapitalizeClient::connected, this, &ClientPanel::onConnected);
    // The bytes of each connection as its own, as its captured segments are (connectionId()).
    connect(&m_client, &CapitalizeClient::messageSent, this,
            [this](qint64 id, const QByteArray &bytes) {
                const qint64 connection = m_client.connectionId();
                m_conversation->finishReceived(connection); // what came before belongs earlier
                m_conversation->addSent(bytes, connection, id);
            });
    connect(&m_client, &CapitalizeClient::messageNotSent, this,
            [this](qint64 id, const QByteArray &bytes) {
                m_conversation->addUnsent(bytes, m_client.connectionId(), id); // why follows
            });
    connect(&m_client, &CapitalizeClient::replyPieceReceived, this,
            [this](qint64 id, const QByteArray &piece, bool completes, qint64 roundTrip) {
                const qint64 connection = m_client.connectionId();
                m_conversation->addReceived(piece, connection, id, roundTrip);
                if (completes)
                    m_conversation->finishReceived(connection, roundTrip);
            });
    connect(&m_client, &CapitalizeClient::serverClosed, this, &ClientPanel::onServerClosed);
    connect(&m_client, &CapitalizeClient::failed, this, [this](const QString &message) {
        m_conversation->finishReceived(m_client.connectionId());
        m_conversation->addNote(message, ConversationModel::Kind::Problem);
    });
}

void ClientPanel::onConnected()
{
    m_conversation->addNote(
        tr("Connected to %1 from %2 in %3 ms.")
            .arg(SocketErrorText::endpoint(m_client.peerAddress(), m_client.peerPort()),
                 SocketErrorText::endpoint(m_client.localAddress(), m_client.localPort()),
                 QString::number(double(m_client.connectMicros()) / 1000.0, 'f', 1)));
    HostHistory::remember(m_ui->host, m_client.host());
}

void ClientPanel::onServerClosed()
{
    m_conversation->finishReceived(m_client.connectionId());
    const int unanswered = m_client.unansweredMessages();
    m_conversation->addNote(
        unanswered == 0
            ? tr("The server closed the connection. Send again to reconnect.")
            : tr("The server closed the connection without answering %n message(s).", nullptr,
                 unanswered),
        unanswered == 0 ? ConversationModel::Kind::Note : ConversationModel::Kind::Problem);
}

void ClientPanel::connectToServer(const QString &host, quint16 port)
{
    m_ui->host->setEditText(host);
    m_ui->clientPort->setValue(port);
    const HostPort target = HostPort::parse(host, port);
    if (!target.isValid()) {
        showProblem(target.error);
        return;
    }
    m_client.connectToServer(target.host, target.port);
}

void ClientPanel::connectToTheBarsServer()
{
    connectToServer(m_ui->host->currentText().trimmed(), quint16(m_ui->clientPort->value()));
}

void ClientPanel::send(const QByteArray &bytes)
{
    const QString host = m_ui->host->currentText().trimmed();
    const quint16 port = quint16(m_ui->clientPort->value());
    const HostPort target = HostPort::parse(host, port);
    if (m_client.state() != CapitalizeClient::State::Connected) {
        if (!target.isValid()) { // nowhere to send it: it stays in view, marked
            m_conversation->addUnsent(bytes);
            m_conversation->addNote(target.error, ConversationModel::Kind::Problem);
            showProblem(target.error);
            return;
        }
        if (target.host != m_client.host() || target.port != m_client.port())
            connectToServer(host, port); // the message waits for this connection
    }
    m_client.send(bytes);
}

void ClientPanel::toggle()
{
    switch (m_client.state()) {
    case CapitalizeClient::State::Resolving:
    case CapitalizeClient::State::Connecting:
    case CapitalizeClient::State::Connected:
        m_client.disconnectFromServer();
        m_conversation->addNote(tr("Disconnected."));
        break;
    default:
        connectToTheBarsServer();
        break;
    }
}

void ClientPanel::leave()
{
    if (m_client.state() != CapitalizeClient::State::Disconnected)
        m_client.disconnectFromServer();
}

void ClientPanel::updateState()
{
    using State = CapitalizeClient::State;
    const State state = m_client.state();
    const bool busy = state == State::Resolving || state == State::Connecting
        || state == State::Connected;
    m_ui->connectButton->setText(busy ? tr("Disco&nnect") : tr("Co&nnect"));
    m_state.toggleText = m_ui->connectButton->text();
    const QString local = SocketErrorText::endpoint(m_client.localAddress(), m_client.localPort());
    const QString server = SocketErrorText::endpoint(m_client.peerAddress(), m_client.peerPort());
    m_state.problem = state == State::Failed;
    switch (state) {
    case State::Disconnected:
        m_state.text = tr("Not connected. Type the server's address and press Connect.");
        break;
    case State::Resolving:
        m_state.text = tr("Looking up %1...").arg(m_client.host());
        break;
    case State::Connecting:
        m_state.text = tr("Connecting to %1 port %2...").arg(m_client.host()).arg(m_client.port());
        break;
    case State::Connected:
        m_state.text = tr("Connected: %1 -> %2").arg(local, server);
        break;
    case State::ClosedByServer:
        m_state.text = tr("The server closed the connection. Send again, or press Connect, to "
                          "reconnect.");
        break;
    case State::Failed:
        m_state.text = m_client.errorString();
        break;
    }
    m_state.title = title(state, server);
    emit stateChanged();
}

QString ClientPanel::title(CapitalizeClient::State state, const QString &server) const
{
    using State = CapitalizeClient::State;
    const QString tried = Endpoint{m_client.host(), m_client.port()}.text();
    switch (state) {
    case State::Connected: return tr("client of %1").arg(server);
    case State::ClosedByServer: return tr("client of %1 (closed by the server)").arg(tried);
    case State::Failed:
        return tr("client of %1 (%2)")
            .arg(tried, SocketEventText::failure(m_client.failure()));
    case State::Disconnected:
    case State::Resolving:
    case State::Connecting: break;
    }
    return tr("client");
}

void ClientPanel::showProblem(const QString &text)
{
    m_state.text = text;
    m_state.problem = true;
    emit stateChanged();
}

void ClientPanel::restoreSettings(const QSettings &settings)
{
    HostHistory::restore(m_ui->host, settings, HostsKey);
    m_ui->clientPort->setValue(settings.value(PortKey, ClientOptions().port).toInt());
}

void ClientPanel::saveSettings(QSettings &settings) const
{
    HostHistory::save(m_ui->host, settings, HostsKey);
    settings.setValue(PortKey, m_ui->clientPort->value());
}
