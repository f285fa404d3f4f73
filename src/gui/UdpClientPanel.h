#pragma once

#include "gui/PanelState.h"
#include "net/UdpCapitalizeClient.h"

#include <QWidget>

#include <memory>

namespace Ui {
class UdpClientPanel;
}
class ConversationModel;
class QSettings;

// The UDP client's side of a window: its bar (the server's host and port, whether to connect()
// the socket, Open and Close). It runs a UdpCapitalizeClient: each message the composer hands
// it goes out as one datagram, and the conversation shows the reply, or the plain note that
// none came (UDP does not retry), one bubble and one inspector segment per datagram.
class UdpClientPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UdpClientPanel(QWidget *parent = nullptr);
    ~UdpClientPanel() override;

    // Where the exchanges are told; not owned. Set once, before the first message.
    void setConversation(ConversationModel *conversation);
    void setReplyTimeout(int milliseconds) { m_client.setReplyTimeout(milliseconds); }
    // Ticks "connect() the socket": it takes effect as the socket is next opened.
    void setConnectSocket(bool connectSocket);

    // Fills the bar and opens the socket to host:port.
    void openTo(const QString &host, quint16 port);
    // Sends one message as one datagram to the server the bar names, opening the socket first
    // when it is not open there.
    void send(const QByteArray &bytes);
    void toggle(); // Open or Close, as the menu's action
    void leave();

    UdpCapitalizeClient &client() { return m_client; }
    PanelState state() const { return m_state; }
    // The bar's fields in the order Tab takes them, for the window's tab chain.
    QList<QWidget *> tabStops() const;

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

signals:
    void stateChanged();

private:
    void connectClient();
    void openToTheBarsServer();
    void close();
    void updateState();
    void showProblem(const QString &text);

    std::unique_ptr<Ui::UdpClientPanel> m_ui;
    ConversationModel *m_conversation = nullptr;
    UdpCapitalizeClient m_client;
    QString m_openHost; // what the open socket was opened to, as the bar said it
    PanelState m_state;
};
