#include "gui/BindAddressChoices.h"

#include "net/AddressKind.h"
#include "net/BindAddress.h"
#include "net/ReachableAddresses.h"

#include <QComboBox>

void BindAddressChoices::fill(QComboBox *choice)
{
    choice->addItem(tr("All interfaces, IPv4 and IPv6 (the lecture's HOST = \"\")"),
                    BindAddress::AllInterfaces);
    choice->addItem(tr("This computer only (127.0.0.1 and ::1)"), BindAddress::ThisComputer);
    for (const ReachableAddress &address : ReachableAddress::all()) {
        if (address.kind == ReachableAddress::Kind::Loopback)
            continue;
        choice->addItem(tr("Only %1 (%2, %3)")
                            .arg(address.address.toString(), AddressKind::name(address.kind),
                                 address.interfaceName),
                        address.address.toString());
    }
}

void BindAddressChoices::select(QComboBox *choice, const QList<QHostAddress> &addresses)
{
    const QString bind = BindAddress::name(addresses);
    int index = choice->findData(bind);
    if (index < 0) { // an address the interfaces list does not show: offer it anyway
        choice->addItem(tr("Only %1").arg(bind), bind);
        index = choice->count() - 1;
    }
    choice->setCurrentIndex(index);
}

QList<QHostAddress> BindAddressChoices::selected(const QComboBox *choice)
{
    return BindAddress::parse(choice->currentData().toString()).addresses;
}
