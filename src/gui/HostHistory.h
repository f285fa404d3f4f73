#pragma once

#include <QString>

class QComboBox;
class QSettings;

// A client's server field as an editable list of the hosts it reached, newest first, each once,
// at most MaxHosts, remembered in the settings under a key of its own: the TCP client's and the
// UDP client's bars keep their histories the same way.
namespace HostHistory {

constexpr int MaxHosts = 10;

// `host` was reached: it goes first, and the oldest past MaxHosts goes.
void remember(QComboBox *field, const QString &host);
void restore(QComboBox *field, const QSettings &settings, const QString &key);
void save(const QComboBox *field, QSettings &settings, const QString &key);

} // namespace HostHistory
