#pragma once

#include "gui/PanelState.h"
#include "net/CapitalizeServer.h"

#include <QHash>
#include <QWidget>

#include <memory>

namespace Ui {
class ServerPanel;
}
class Coalescer;
class ConversationModel;
class QSettings;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

// The server's side of a window: the connection bar (where to listen, the port, Start and Stop,
// the addresses to reach it at, the options) and the list of connected clients, which the
// window lays out above the conversation. It runs a CapitalizeServer and tells the conversation
// who connected, what each client sent and what went back.
class ServerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServerPanel(QWidget *parent = nullptr);
    ~ServerPanel() override;

    // Where the exchanges are told; not owned. Set once, before the server starts.
    void setConversation(ConversationModel *conversation);

    // Fills the bar, as the command line asks.
    void setOptions(const ServerOptions &options);
    // What the bar says.
    ServerOptions options() const;
    // Starts listening with what the bar says; false (the reason shown) if it can't.
    bool start();
    void stop();
    void toggle(); // Start or Stop, as the menu's action
    // Ends what this side was doing, as the window turns to the other side.
    void leave();

    CapitalizeServer &server() { return m_server; }
    QWidget *clientsPane() const;
    QTreeWidget *clientList() const;
    PanelState state() const { return m_state; }

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

signals:
    void stateChanged();
    // The Copy button put one of the addresses on the clipboard.
    void addressCopied(const QString &address);

private:
    void connectServer();
    void fillBindChoices();
    void fitClientColumns();
    void onClientConnected(CapitalizeSession *session);
    void onClientDisconnected(qint64 id, const QString &reason);
    // The clients that came and went since the last frame join and leave the list, and the
    // state line counts them: once a frame however many clients a class brings at once.
    void updateClientList();
    void refreshClientList();
    void copyAddress();
    // After a start or a stop: the button, the fields, the addresses and the state line.
    void updateControls();
    void fillReachableAddresses();
    // The state line alone (listening, and how many clients): it changes with every client.
    void updateState();
    void showProblem(const QString &text);

    std::unique_ptr<Ui::ServerPanel> m_ui;
    ConversationModel *m_conversation = nullptr;
    CapitalizeServer m_server;
    QHash<qint64, QTreeWidgetItem *> m_clientItems;
    QHash<qint64, CapitalizeSession *> m_sessions;
    QTimer *m_clientListTimer;
    Coalescer *m_clientListUpdate;
    PanelState m_state;
    bool m_acceptingPaused = false; // out of descriptors: accept() waits for some to come free
};
