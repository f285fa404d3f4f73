#pragma once

#include "gui/PanelState.h"
#include "net/CapitalizeClient.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ClientPanel;
}
class ConversationModel;
class QSettings;

// The client's side of a window: the connection bar (the server's host, with the hosts used
// before, its port, Connect and Disconnect). It runs a CapitalizeClient, sends what the window's
// composer hands it, and tells the conversation what went out and what came back.
class ClientPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ClientPanel(QWidget *parent = nullptr);
    ~ClientPanel() override;

    // Where the exchanges are told; not owned. Set once, before the first connection.
    void setConversation(ConversationModel *conversation);

    // Fills the bar and connects.
    void connectToServer(const QString &host, quint16 port);
    // Sends one message to the server the bar names, connecting first when not connected
    // there. When the bar names no valid server, the message stays in the conversation, marked
    // as not sent, with the reason.
    void send(const QByteArray &bytes);
    void toggle(); // Connect or Disconnect, as the menu's action
    // Ends what this side was doing, as the window turns to the other side.
    void leave();

    CapitalizeClient &client() { return m_client; }
    PanelState state() const { return m_state; }

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

signals:
    void stateChanged();

private:
    void connectClient();
    void connectToTheBarsServer();
    void onConnected();
    void onServerClosed();
    void updateState();
    // After "Capsock - ": the server it talks to, or the one it tried and what came of it.
    QString title(CapitalizeClient::State state, const QString &server) const;
    void showProblem(const QString &text);

    std::unique_ptr<Ui::ClientPanel> m_ui;
    ConversationModel *m_conversation = nullptr;
    CapitalizeClient m_client;
    PanelState m_state;
};
