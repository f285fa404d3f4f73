#pragma once

#include "gui/PanelState.h"
#include "net/CapitalizeServer.h"

#include <QHash>
#include <QWidget>

#include <deque>
#include <memory>
#include <vector>

namespace Ui {
class ServerPanel;
}
class Coalescer;
class ConversationModel;
class QAction;
class QSettings;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

// The server's side of a window: the connection bar (where to listen, the port, Start and Stop,
// the addresses to reach it at, the options) and the list of clients, which the window lays out
// above the conversation. It runs a CapitalizeServer and tells the conversation who connected,
// what each client sent and what went back.
//
// The list starts with "All clients", then each client in the order it came. Selecting one
// follows it (followedChanged()): the window shows that client's conversation alone. A client
// that left stays listed, greyed, with how it left, so that its conversation can still be
// read, until "Clear those that left"; only the LeftClientsListed that left last stay, so that
// a class connecting and leaving all day keeps a list of bounded length.
class ServerPanel : public QWidget
{
    Q_OBJECT

public:
    // A lecture hall's worth: the last to leave are the ones a teacher looks for.
    static constexpr int LeftClientsListed = 100;

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
    // Selects "All clients".
    void followAll();
    // Whether the user types the replies (ServerOptions::manualReplies, as the bar says).
    bool repliesByHand() const;
    // Sends a reply the user typed to the client followed; without one, or once it has left,
    // the reply stays in the conversation, marked not sent, with why.
    void sendToFollowed(const QByteArray &bytes);

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

signals:
    void stateChanged();
    // The Copy button put one of the addresses on the clipboard.
    void addressCopied(const QString &address);
    // A client was selected in the list, to be followed alone; 0 for all clients.
    void followedChanged(qint64 clientId);
    void repliesByHandChanged(bool byHand);

private:
    void connectServer();
    void fitClientColumns();
    void fitCounter(int column, qint64 largest);
    void onClientConnected(CapitalizeSession *session);
    void onClientDisconnected(qint64 id, const QString &reason, const SocketEvent &close);
    // The clients that came and went since the last frame join the list or are greyed there,
    // and the state line counts them: once a frame however many clients a class brings at once.
    void updateClientList();
    void listNewcomers();
    void markDepartures();
    void unlist(qint64 id);
    void clearDepartures();
    void setUpCloseClientAction();
    // Enabled while the client followed is connected.
    void updateCloseClientAction();
    void onSelectionChanged();
    void refreshClientList();
    void setRepliesByHand(bool byHand);
    void setPauseReading(bool paused);
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
    // A client that left since the last frame, as it will be listed.
    struct Departure
    {
        qint64 id = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        QString how;    // "closed by the client"
        QString reason; // the whole story, for the tooltip
    };

    QTreeWidgetItem *m_allClientsItem;
    QAction *m_closeClientAction = nullptr;
    QHash<qint64, QTreeWidgetItem *> m_clientItems; // connected, and those that left
    QHash<qint64, CapitalizeSession *> m_sessions;  // connected
    std::vector<Departure> m_departures;
    std::deque<qint64> m_leftListed; // in the order they left
    qint64 m_followed = 0;
    QTimer *m_clientListTimer;
    Coalescer *m_clientListUpdate;
    PanelState m_state;
    bool m_acceptingPaused = false; // out of descriptors: accept() waits for some to come free
};
