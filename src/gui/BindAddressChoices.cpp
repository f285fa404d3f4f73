#include "gui/BindAddressChoices.h"

#include "net/AddressKind.h"
#include "net/BindAddress.h"
#include "net/ReachableAddresses.h"

#include <QComboBox>

// Each item's text is short enough to read whole in half a projector's width; what it means
// is its tooltip, which the box takes on when it is chosen.
void BindAddressChoices::fill(QComboBox *choice)
{
    QObject::connect(choice, &QComboBox::currentIndexChanged, choice, [choice](int index) {
        choice->setToolTip(choice->itemData(index, Qt::ToolTipRole).toString());
    });
    add(choice, tr("All interfaces (HOST = \"\")"), BindAddress::AllInterfaces,
        tr("Every interface, IPv4 and IPv6: the lecture's HOST = \"\". Other machines can "
           "connect."));
    add(choice, tr("This computer only"), BindAddress::ThisComputer,
        tr("127.0.0.1 and ::1 only: programs on this computer can connect, other machines "
           "cannot."));
    for (const ReachableAddress &address : ReachableAddress::all()) {
        if (address.kind == ReachableAddress::Kind::Loopback)
            continue;
        const QString name = address.address.toString();
        add(choice, tr("%1 (%2)").arg(name, address.interfaceName), name,
            tr("Only %1 (%2, %3): clients reach the server at this address alone.")
                .arg(name, AddressKind::name(address.kind), address.interfaceName));
    }
}

void BindAddressChoices::select(QComboBox *choice, const QList<QHostAddress> &addresses)
{
    const QString bind = BindAddress::name(addresses);
    int index = choice->findData(bind);
    if (index < 0) { // an address the interfaces list does not show: offer it anyway
        add(choice, bind, bind,
            tr("Only %1: clients reach the server at this address alone.").arg(bind));
        index = choice->count() - 1;
    }
    choice->setCurrentIndex(index);
}

void BindAddressChoices::add(QComboBox *choice, const QString &text, const QString &bind,
                             const QString &meaning)
{
    choice->addItem(text, bind);
    choice->setItemData(choice->count() - 1, meaning, Qt::ToolTipRole);
    if (choice->count() == 1) // chosen already, before any change of index is signalled
        choice->setToolTip(meaning);
}

QList<QHostAddress> BindAddressChoices::selected(const QComboBox *choice)
{
    return BindAddress::parse(choice->currentData().toString()).addresses;
}
