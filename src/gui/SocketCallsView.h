#pragma once

#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QModelIndex;
class QTimer;
class QTreeView;
class SocketCallsModel;
class TailFollower;

// Shows a SocketCallsModel like a log: Call | In Python | Connection | Time, the Python
// column in a monospace font. The first two share the width there is, so the lecture's
// line is in view even in half a small screen; the others follow when there is room. While
// scrolled to the bottom it follows new calls; scrolled up, it stays on the rows being read,
// even while the model drops its oldest rows. A line above the list counts the calls and says
// how many old ones were dropped; "Clear" empties it, and the selected rows copy as text.
class SocketCallsView : public QWidget
{
    Q_OBJECT

public:
    explicit SocketCallsView(QWidget *parent = nullptr);
    ~SocketCallsView() override;

    // The model is not owned.
    void setModel(SocketCallsModel *model);
    SocketCallsModel *model() const { return m_model; }

    QTreeView *treeView() const { return m_tree; }
    QAction *clearAction() const { return m_clearAction; }
    // The line above the list: "12 calls", "10000 calls; 2345 older ones were dropped".
    QString statusText() const;

    // True while the newest row is in view, so new rows scroll in.
    bool isAtBottom() const;

    // Copies the selected rows as tab-separated text (Ctrl+C, or the context menu).
    void copySelection();

    // Shows the calls of one connection and the listening socket's (a server window following
    // one client), or all of them again; the others stay in the model, hidden.
    void showOnlyConnection(qint64 connectionId);
    void showAllConnections();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved();
    void scheduleStatusUpdate();
    void updateStatus();
    void hideOtherConnections(int first, int last);

    QPointer<SocketCallsModel> m_model;
    QTreeView *m_tree;
    QLabel *m_status;
    QAction *m_clearAction;
    QTimer *m_statusTimer;
    TailFollower *m_follower;
    int m_rowsDroppedAbove = 0;   // rows dropped from the top while the user reads further up
    std::optional<qint64> m_onlyConnection; // the one connection shown, with the listener's
    QMetaObject::Connection m_hidingNewRows;
};
