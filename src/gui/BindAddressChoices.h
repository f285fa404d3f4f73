#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>

class QComboBox;

// The "where to listen" choice that both servers' bars offer, TCP's and UDP's: every interface
// (dual-stack), this computer only, or one of this computer's addresses. Each item's data is
// BindAddress's name for it, so the bar and the settings speak BindAddress.
class BindAddressChoices
{
    Q_DECLARE_TR_FUNCTIONS(BindAddressChoices)

public:
    static void fill(QComboBox *choice);
    // Selects `addresses`, offering them as a new item when the list lacks them.
    static void select(QComboBox *choice, const QList<QHostAddress> &addresses);
    static QList<QHostAddress> selected(const QComboBox *choice);

private:
    // An item: its short text, its BindAddress name, and what it means (its tooltip).
    static void add(QComboBox *choice, const QString &text, const QString &bind,
                    const QString &meaning);
};
