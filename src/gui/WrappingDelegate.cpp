#include "gui/WrappingDelegate.h"

#include <QHeaderView>
#include <QTreeView>

WrappingDelegate::WrappingDelegate(QTreeView *tree)
    : QStyledItemDelegate(tree)
    , m_tree(tree)
{}

QString WrappingDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    static const QChar ZeroWidthSpace(0x200B); // a place to break, of no width
    const QString text = QStyledItemDelegate::displayText(value, locale);
    QString shown;
    shown.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        shown += text[i];
        const bool breakable = text[i] == QLatin1Char('.') || text[i] == QLatin1Char('(');
        if (breakable && i + 1 < text.size() && text[i + 1].isLetter())
            shown += ZeroWidthSpace;
    }
    return shown;
}

// The tree asks for a size hint without saying the width: it is the column's.
QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem sized = option;
    sized.rect = QRect(0, 0, m_tree->header()->sectionSize(index.column()), 1);
    return QStyledItemDelegate::sizeHint(sized, index);
}

void WrappingDelegate::initStyleOption(QStyleOptionViewItem *option,
                                       const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->displayAlignment = Qt::AlignLeft | Qt::AlignTop; // a wrapped row reads as one
}
