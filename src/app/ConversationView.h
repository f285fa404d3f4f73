#pragma once

#include <QAbstractItemView>

class BubbleDelegate;
class ConversationModel;

// The conversation as chat bubbles: this window's own bytes on the right, the other side's on the
// left, notes in the middle. Every row has the same height (a header line and one line of the
// bytes), so a row's place is arithmetic: row × height. That is why this is an item view of its
// own and not a QListView, which lays out every row again after each insert (O(n) per message,
// 15 ms at 100,000 rows). While scrolled to the bottom it follows new messages, once per pass
// of the event loop however many arrived. The whole bytes are the inspector's.
class ConversationView : public QAbstractItemView
{
    Q_OBJECT

public:
    explicit ConversationView(QWidget *parent = nullptr);

    void setConversation(ConversationModel *model);

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    void reset() override;

signals:
    // A bubble was chosen: its bytes are [offset, end) of the model's stream.
    void bytesChosen(qint64 offset, qint64 end);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;

private:
    int rowHeight() const;
    int rowCount() const;
    void updateScrollRange();
    void followBottom();

    BubbleDelegate *m_delegate = nullptr;
    mutable int m_rowHeight = -1; // -1: to be measured (font or style changed)
    bool m_wasAtBottom = true;
    bool m_followQueued = false; // a scroll to the bottom waits for the next pass of the loop
};
