#pragma once

#include "core/SocketEvent.h"

#include <QWidget>

#include <optional>

class PacketsModel;
class QLabel;
class QTimer;
class QTreeView;
class TailFollower;

// The "Packets" tab: a PacketsModel as a log that follows its newest row, under a line that
// says what the list is, or, when the packets could not be captured, why and how to allow it
// (setCaptureProblem). Following one client (a server window), it shows that client's rows
// and the listening socket's alone.
class PacketsView : public QWidget
{
    Q_OBJECT

public:
    explicit PacketsView(QWidget *parent = nullptr);
    ~PacketsView() override;

    // The model is not owned.
    void setModel(PacketsModel *model);
    QTreeView *treeView() const { return m_tree; }
    // The line above the list.
    QString statusText() const;

    // Why no packets are captured, in plain words; empty: they are (or none were asked for).
    void setCaptureProblem(const QString &problem);

    void showOnlyConnection(qint64 connectionId);
    void showAllConnections();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // A segment that carries data was made the current row: its bytes can be shown.
    void dataSegmentChosen(const SocketEvent &segment);

private:
    class ConnectionFilter;

    void fitColumns();
    void scheduleStatusUpdate();
    void updateStatus();

    PacketsModel *m_model = nullptr;
    ConnectionFilter *m_shown;
    QTreeView *m_tree;
    QLabel *m_status;
    QTimer *m_statusTimer;
    TailFollower *m_follower;
    QString m_captureProblem;
};
