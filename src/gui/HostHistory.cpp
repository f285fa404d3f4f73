#include "gui/HostHistory.h"

#include <QComboBox>
#include <QSettings>

namespace HostHistory {

void remember(QComboBox *field, const QString &host)
{
    const int existing = field->findText(host);
    if (existing >= 0)
        field->removeItem(existing);
    field->insertItem(0, host);
    while (field->count() > MaxHosts)
        field->removeItem(field->count() - 1);
    field->setCurrentIndex(0);
}

void restore(QComboBox *field, const QSettings &settings, const QString &key)
{
    const QStringList hosts = settings.value(key).toStringList();
    for (const QString &host : hosts)
        field->addItem(host);
    if (!hosts.isEmpty())
        field->setCurrentIndex(0);
}

void save(const QComboBox *field, QSettings &settings, const QString &key)
{
    QStringList hosts;
    for (int i = 0; i < field->count(); ++i)
        hosts << field->itemText(i);
    settings.setValue(key, hosts);
}

} // namespace HostHistory
