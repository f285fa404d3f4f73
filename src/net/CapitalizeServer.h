#pragma once

#include "core/SocketEvent.h"
#include "net/ServerOptions.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <map>
#include <memory>

class CapitalizeSession;
class QTcpServer;
class TcpProbe;
class TcpSampler;

// The lecture's capitalization server, grown up: it listens on one or more addresses, serves many
// clients at once (each a CapitalizeSession), refuses clients past the limit with a clear message,
// and tells everything that happens, in the lecture's own calls, through its signals.
class CapitalizeServer : public QObject
{
    Q_OBJECT

public:
    explicit CapitalizeServer(QObject *parent = nullptr);
    ~CapitalizeServer() override;

    // Starts listening; false, with errorString() in plain words, when it could not.
    bool start(const ServerOptions &options);
    // Reports TCP's state and queues beneath the calls (socketEvent), read with `probe`; null,
    // the default, reads nothing. Before start(), as for socketEvent.
    // `minimumGapMs`: at most one reading of a connection within it after calls (TcpSampler::
    // setMinimumGap()); 0 reads after every call.
    void setTcpProbe(std::shared_ptr<const TcpProbe> probe, int minimumGapMs = 0);
    // Stops listening and ends every connection after sending what is still owed to it.
    void stop();

    bool isListening() const { return !m_listeners.empty(); }
    // The port actually listened on (the chosen one, or the one the system gave for port 0).
    quint16 port() const { return m_port; }
    QList<QHostAddress> listeningAddresses() const;
    QString errorString() const { return m_errorString; }
    const ServerOptions &options() const { return m_options; }
    // Turns replying by hand (ServerOptions::manualReplies) on or off, for the clients
    // connected and those to come.
    void setManualReplies(bool manual);
    // Stops or resumes calling recv() (ServerOptions::pauseReading), for every client.
    void setPauseReading(bool paused);
    QList<CapitalizeSession *> sessions() const;

    // How many clients it serves at once: options().maxClients when set; by default as many as
    // the system lets this program have open files for (ulimit -n), up to
    // ServerOptions::MostClientsByDefault. systemFileLimit() tells the system's limit when that
    // is what decided, and is -1 otherwise.
    int clientLimit() const { return m_clientLimit; }
    qint64 systemFileLimit() const { return m_systemFileLimit; }
    // "at most N clients at once: the system lets it have M files open (ulimit -n)...", for the
    // log and the window; empty when the limit is the options' own.
    QString systemLimitText() const;

    // Text the server sends a client it refuses because it already has maxClients.
    static QByteArray refusalMessage(int maxClients);
    // What a client closed to make room for a newcomer is sent before the close.
    static QByteArray makingRoomMessage(int maxClients, qint64 idleMs);

signals:
    void clientConnected(CapitalizeSession *session);
    // Emitted once the session is over, with why (as CapitalizeSession::closed); it is deleted
    // right after.
    void clientDisconnected(qint64 sessionId, const QString &reason, const SocketEvent &close);
    void clientRefused(const QString &peer, const QString &reason);
    // Out of descriptors: waiting clients stay in the kernel's queue until some come free.
    void acceptingPaused(bool paused, const QString &reason);
    // What happens on the sockets, the sessions' included, for the lecture's calls. Connect
    // before start(): reporting every recv() costs more than the recv(), so a session only does
    // it if someone listened when it began.
    void socketEvent(const SocketEvent &event);
    // Every session has ended after stop().
    void stopped();

private:
    void onIncoming(qintptr descriptor);
    void onDescriptorShortage(bool shortage);
    void refuse(qintptr descriptor);
    bool makeRoom();
    bool callsWatched() const;
    bool listenOn(const QHostAddress &address, quint16 *port, bool optional);
    bool bindAndListen(QTcpServer *listener, const QHostAddress &address, quint16 port,
                       QAbstractSocket::SocketError *error, QString *errorText);
    void report(const SocketEvent &event);

    void limitClientsToTheSystem();

    ServerOptions m_options;
    int m_clientLimit = 0;
    qint64 m_systemFileLimit = -1;
    std::vector<std::unique_ptr<QTcpServer>> m_listeners;
    std::map<qint64, CapitalizeSession *> m_sessions;
    qint64 m_nextSessionId = 1;
    quint16 m_port = 0;
    bool m_stopping = false;
    QString m_errorString;
    TcpSampler *m_sampler = nullptr;
};
