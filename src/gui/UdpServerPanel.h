#pragma once

#include "gui/PanelState.h"
#include "net/UdpCapitalizeServer.h"

#include <QHash>
#include <QWidget>

#include <memory>

namespace Ui {
class UdpServerPanel;
}
class ConversationModel;
class QSettings;
class QTreeWidget;
class QTreeWidgetItem;

// The UDP server's side of a window: its bar (where to bind, the port, the recvfrom() size,
// Start and Stop) and the list of peers heard from, which the window lays out above the
// conversation as it does the TCP server's clients. It runs a UdpCapitalizeServer and tells
// the conversation each datagram that came and each that went back: one bubble, and one
// segment of the inspector's bytes, per datagram. UDP has no connections: a peer is an
// address:port that sent something, listed with its datagrams and bytes.
class UdpServerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UdpServerPanel(QWidget *parent = nullptr);
    ~UdpServerPanel() override;

    // Where the exchanges are told; not owned. Set once, before the server starts.
    void setConversation(ConversationModel *conversation);

    void setOptions(const ServerOptions &options);
    ServerOptions options() const; // what the bar says
    // Binds with what the bar says; false (the reason shown) if it can't.
    bool start();
    void stop();
    void toggle(); // Start or Stop, as the menu's action
    // Ends what this side was doing, as the window turns to another.
    void leave();

    UdpCapitalizeServer &server() { return m_server; }
    QWidget *peersPane() const;
    QTreeWidget *peerList() const;
    PanelState state() const { return m_state; }
    // The bar's fields in the order Tab takes them, for the window's tab chain.
    QList<QWidget *> tabStops() const;

    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

signals:
    void stateChanged();

private:
    void setUpPeersPane();
    void connectServer();
    void onDatagram(qint64 peerId, const QByteArray &bytes, qint64 datagramBytes);
    void showPeer(const UdpCapitalizeServer::Peer &peer);
    void updateControls();
    void showProblem(const QString &text);

    std::unique_ptr<Ui::UdpServerPanel> m_ui;
    ConversationModel *m_conversation = nullptr;
    UdpCapitalizeServer m_server;
    QHash<qint64, QTreeWidgetItem *> m_peerItems;
    PanelState m_state;
};
