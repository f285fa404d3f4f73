#pragma once

#include <QStyledItemDelegate>

class QTreeView;

// Cells that wrap rather than be cut, for lists that must read whole in half a projector's
// width. A row is as tall as its longest cell once wrapped in its column's width, and each cell
// starts on the row's first line. Code has long words ("sock.setsockopt(socket.SOL_SOCKET,"):
// it may also break after a dot or an opening parenthesis followed by a name, as an editor
// would, never inside a number. Only as shown: the model's text, and so a copy, is unchanged.
// The tree needs word wrap on, and a new layout of its rows when its columns change width.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *tree);

    QString displayText(const QVariant &value, const QLocale &locale) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QTreeView *m_tree;
};
