#pragma once

#include "gui/ConversationModel.h"
#include "gui/SocketCallsModel.h"
#include "net/CapitalizeClient.h"
#include "net/CapitalizeServer.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
class ComposerWidget;
class HexView;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

// One Capsock window: a capitalization server or a client (switchable), with its connection bar,
// the conversation as bubbles, the byte inspector on the bytes that crossed the wire, the socket
// calls in the lecture's words, and (as a client) the composer.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Mode { Server, Client };
    Q_ENUM(Mode)

    // `remembersSettings`: restore and save QSettings (mode, host history, options, geometry).
    // The demo's windows do not, so they leave the user's own settings alone.
    explicit MainWindow(bool remembersSettings = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    // Fills the server's connection bar, as the command line asks.
    void setServerOptions(const ServerOptions &options);
    // Starts listening with what the connection bar says; false (the reason shown) if it can't.
    bool startServer();
    void stopServer();

    // Fills the client's connection bar and connects.
    void connectToServer(const QString &host, quint16 port);

    CapitalizeServer &server() { return m_server; }
    CapitalizeClient &client() { return m_client; }
    ConversationModel &conversation() { return m_conversation; }
    HexView *inspector() const;
    ComposerWidget *composer() const;
    SocketCallsModel &socketCalls() { return m_calls; }
    QTreeWidget *clientList() const;
    QString stateText() const;

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpServer();
    void setUpClient();
    void fitClientColumns();
    void fillBindChoices();
    ServerOptions serverOptionsFromBar() const;
    void onClientConnected(CapitalizeSession *session);
    void refreshClientList();
    void updateServerState();
    // The state line alone (listening, and how many clients): it changes with every client.
    void updateServerStateLine();
    void fillReachableAddresses();
    void toggleConnection();
    void onComposed(const QByteArray &bytes);
    void updateClientState();
    void rememberHost(const QString &host);
    void showBytes(qint64 offset, qint64 end);
    void setState(const QString &text, bool problem = false);
    void updateTitle();
    void restoreSettings();
    void saveSettings() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    bool m_remembersSettings;
    Mode m_mode = Mode::Client;
    CapitalizeServer m_server;
    CapitalizeClient m_client;
    ConversationModel m_conversation;
    SocketCallsModel m_calls{SocketCallsModel::Side::Client};
    QHash<qint64, QTreeWidgetItem *> m_clientItems;
    QHash<qint64, CapitalizeSession *> m_sessions;
    QTimer *m_clientListTimer;
    QString m_stateText;
    bool m_splitRestored = false;
};
