#pragma once

#include "gui/ClientPanel.h"
#include "gui/ConversationModel.h"
#include "gui/FollowedConversation.h"
#include "gui/PacketsModel.h"
#include "gui/ServerPanel.h"
#include "gui/SocketCallsModel.h"
#include "net/ConversationRecording.h"

#include <QMainWindow>
#include <QVariantMap>

#include <functional>

#include <memory>

namespace Ui {
class MainWindow;
}
class ComposerWidget;
class ConnectionCapture;
class HexView;
class InspectorWindow;
class PacketsView;
class QSettings;
class QTreeWidget;
class TcpView;
class UdpClientPanel;
class UdpServerPanel;

// One Capsock window, a shell around its panels: it runs as a capitalization server
// (ServerPanel) or a client (ClientPanel), switchable, over TCP or, as the textbook's twin, UDP
// (UdpServerPanel, UdpClientPanel). Around the panel it owns the menus, the
// mode and the state line, the conversation as bubbles, the byte inspector on the bytes that
// crossed the wire, the socket calls in the lecture's words with a tab beside them of TCP
// beneath the calls (TcpView: both engines read TCP's state and queues) and one of the
// packets (PacketsView: the segments captured, when allowed, among the calls) and, as a
// client, the composer; it lays them out and remembers them. As a server it follows one client when the
// teacher selects it in the client list: the conversation, the inspector and the TCP tab show
// that client alone (the TCP tab shows the listening socket while all clients are shown).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Mode { Server, Client };
    Q_ENUM(Mode)
    enum class Transport { Tcp, Udp };
    Q_ENUM(Transport)

    // `remembersSettings`: restore and save QSettings (mode, host history, options, geometry).
    // The demo's windows do not, so they leave the user's own settings alone.
    explicit MainWindow(bool remembersSettings = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setTransport(Transport transport);
    Transport transport() const { return m_transport; }

    // Fills the server's connection bar, as the command line asks.
    void setServerOptions(const ServerOptions &options);
    // Turns to the server and starts listening with what its bar says; false (the reason
    // shown) if it can't.
    bool startServer();
    void stopServer();
    // Turns to the client, fills its bar and connects (UDP: opens the socket to host:port).
    void connectToServer(const QString &host, quint16 port);
    // The port the server of the transport chosen is on; 0 when it is not running.
    quint16 serverPort();

    ServerPanel *serverPanel() const;
    ClientPanel *clientPanel() const;
    UdpServerPanel *udpServerPanel() const { return m_udpServerPanel; }
    UdpClientPanel *udpClientPanel() const { return m_udpClientPanel; }
    CapitalizeServer &server() { return serverPanel()->server(); }
    CapitalizeClient &client() { return clientPanel()->client(); }
    QTreeWidget *clientList() const { return serverPanel()->clientList(); }
    ConversationModel &conversation() { return m_conversation; }
    HexView *inspector() const;
    ComposerWidget *composer() const;
    SocketCallsModel &socketCalls() { return m_calls; }
    TcpView *tcpView() const;
    PacketsModel &packets() { return m_packets; }
    PacketsView *packetsView() const;
    const ConnectionCapture &capture() const { return *m_capture; }
    QString stateText() const;

    // What the window recorded (File > Save conversation), written to `path` as pcapng: an
    // empty string, or why not, in plain words.
    QString saveConversation(const QString &path) const;
    // File > Open capture: `path` (pcap or pcapng) in an inspector window of its own, which
    // closes with this one; null when it has no TCP conversation to show, the reason said in a
    // message box.
    InspectorWindow *openCapture(const QString &path);
    // Selects and shows in the inspector the payload of a captured segment (for a packet
    // chosen in a list): of `connection` (as SocketEvent's connectionId), sent by this side
    // when `outgoing`, at relative sequence number `seq`, `length` bytes. False when the
    // inspector has none of its bytes (not read yet, let go, or another client followed).
    bool selectSegmentBytes(qint64 connection, bool outgoing, qint64 seq, qint64 length);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpPanels();
    void setUpUdpPanels();
    // Shows the panel of `mode` over `transport`, ending what the one shown was doing.
    void turnTo(Mode mode, Transport transport);
    QWidget *panelShown() const;
    PanelState panelState() const;
    void setUpSharedArea();
    void setUpMenus();
    void setUpViewMenu();
    void addSocketEvent(const SocketEvent &event);
    void toggleConnection();
    // File > Save conversation: asks where, then saves, or says why it could not.
    void chooseWhereToSave();
    // File > Open capture: asks which file, then opens it.
    void chooseCaptureToOpen();
    void showBytes(qint64 offset, qint64 end);
    void showComposer();
    // Shows one client's conversation and bytes alone (0: everyone's).
    void follow(qint64 clientId);
    // The headings above the conversation and the inspector: whose they show.
    void showWhoseConversation();
    // The state line, the title and the Connection menu, as the panel shown says.
    void showPanelState();
    void restoreSettings();
    void saveSettings() const;
    void writeSettings(QSettings &settings) const;
    static QVariantMap valuesAsStored(const std::function<void(QSettings &)> &write);

    // What the recording for Save may cost, beside the conversation's own bytes: a window under
    // a flood of clients stays under 400 MiB (issue 12). Save says when a file lacks the rest.
    static constexpr qint64 RecordingBudget = qint64(128) << 20;

    std::unique_ptr<Ui::MainWindow> m_ui;
    bool m_remembersSettings;
    Mode m_mode = Mode::Client;
    Transport m_transport = Transport::Tcp;
    UdpServerPanel *m_udpServerPanel = nullptr;
    UdpClientPanel *m_udpClientPanel = nullptr;
    ConversationModel m_conversation;
    FollowedConversation m_followed{&m_conversation};
    SocketCallsModel m_calls{SocketCallsModel::Side::Client};
    PacketsModel m_packets{SocketCallsModel::Side::Client};
    ConnectionCapture *m_capture = nullptr;
    ConversationRecording m_recording;
    bool m_splitRestored = false;
    QVariantMap m_settingsAtStart; // as it started, to write back only what changed
    bool m_legendTellsOfSegments = false; // the inspector's legend explains the segments' mark
};
