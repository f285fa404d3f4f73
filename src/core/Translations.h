#pragma once

// The program's own translations, built in from resources/translations (README,
// "Translations"). For now the English one: it holds only the plural forms, so that
// tr("%n byte(s)", nullptr, n) says "1 byte" and "2 bytes"; without it the user would read
// "1 byte(s)". Called by every front end through ApplicationInfo::apply(), and by the test
// mains, once the application object exists.
namespace Translations {

void install();

} // namespace Translations
