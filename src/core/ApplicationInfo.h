#pragma once

// Who this program is, for Qt: the names QSettings files its settings under (on Linux
// ~/.config/Capsock/capsock.conf), the version, and the words it speaks (core/Translations).
// One home, called by every front end right after its application object is made.
namespace ApplicationInfo {

void apply();

} // namespace ApplicationInfo
