#pragma once

#include <QAbstractItemModel>
#include <QComboBox>
#include <QFont>
#include <QFontMetrics>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyledItemDelegate>
#include <QTreeView>

// The cells of `column` in `tree` whose text is not shown whole, as "row: text (why)": wider
// than the cell (a view that does not wrap elides it), taller than the row once wrapped, or
// scrolled out of the viewport sideways. `font` is the one the column's text is set in.
inline QStringList cutCells(QTreeView *tree, int column, const QFont &font)
{
    const QFontMetrics metrics(font);
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree)
        + 1;
    const QRect viewport = tree->viewport()->rect();
    QStringList cut;
    const QAbstractItemModel *model = tree->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (tree->isRowHidden(row, {}))
            continue;
        const QModelIndex index = model->index(row, column);
        // As the view paints it (its delegate may mark where the text may wrap).
        const auto *delegate = qobject_cast<QStyledItemDelegate *>(
            tree->itemDelegateForIndex(index));
        const QString text = delegate ? delegate->displayText(index.data(), tree->locale())
                                      : index.data().toString();
        const QRect cell = tree->visualRect(index);
        const int room = cell.width() - 2 * margin;
        QString why;
        if (cell.left() < viewport.left() || cell.right() > viewport.right()) {
            why = QStringLiteral("scrolled out of view");
        } else if (!tree->wordWrap()) {
            if (metrics.horizontalAdvance(text) > room)
                why = QStringLiteral("wider than its cell");
        } else {
            const QRect wrapped = metrics.boundingRect(QRect(0, 0, room, 1 << 20),
                                                       Qt::TextWordWrap, text);
            if (wrapped.width() > room)
                why = QStringLiteral("a word wider than its cell");
            else if (wrapped.height() > cell.height())
                why = QStringLiteral("taller than its row");
        }
        if (!why.isEmpty())
            cut << QStringLiteral("%1: %2 (%3)").arg(row).arg(index.data().toString(), why);
    }
    return cut;
}

// The width a combo box gives the text of its current item.
inline int textRoom(QComboBox *combo)
{
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.editable = combo->isEditable();
    option.rect = combo->rect();
    return combo->style()
        ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo)
        .width();
}
