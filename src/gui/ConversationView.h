#pragma once

#include <QAbstractItemView>

#include <vector>

class BubbleDelegate;
class ConversationModel;
class TailFollower;

// The conversation as chat bubbles: this window's own bytes on the right, the other side's on the
// left, notes in the middle. A bubble is a header line and one line of the bytes, all bubbles one
// height; a note wraps (a long error is read in full), and is taller only when it needs more
// than two lines. Where each row starts is kept as a running sum, so adding a row costs O(1) and
// finding the row at a point O(log n). That is why this is an item view of its own and not a
// QListView, which lays out every row again after each insert (O(n) per message, 15 ms at
// 100,000 rows). While scrolled to the bottom it follows new messages, once per pass of the event
// loop however many arrived. The whole bytes are the inspector's. With the focus, the current
// row is outlined (with none yet, the first row in view, where the keys start).
class ConversationView : public QAbstractItemView
{
    Q_OBJECT

public:
    explicit ConversationView(QWidget *parent = nullptr);

    // A ConversationModel, or a model with its roles (a FollowedConversation). Not owned; a
    // view may turn from one to another.
    void setConversation(QAbstractItemModel *model);

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
    int baseRowHeight() const;
    int laidOutRows() const { return int(m_tops.size()) - 1; }
    qint64 rowTop(int row) const { return m_tops[size_t(row)]; }
    int rowHeight(int row) const { return int(m_tops[size_t(row) + 1] - m_tops[size_t(row)]); }
    // The row at `y` of the whole content, or -1 above or below every row.
    int rowAt(qint64 y) const;
    int firstRowInView() const;
    // The current row, or with none the first in view: where the keys move from.
    int keyboardRow() const;
    void measureNotes(int first, int last);
    void layOutFrom(int first);
    void layOutAll();
    void updateScrollRange();
    // Scrolls so that `y` of the whole content is at the top (within the range).
    void scrollToY(qint64 y);

    BubbleDelegate *m_delegate = nullptr;
    TailFollower *m_follower = nullptr;
    mutable int m_baseRowHeight = -1; // -1: to be measured (font or style changed)
    int m_laidOutWidth = -1;
    std::vector<float> m_noteWidths; // per row: a note's width on one line; 0 for a bubble
    std::vector<qint64> m_tops{0};   // per row, where it starts; last, where the content ends
};
