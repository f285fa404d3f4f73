#include "core/Translations.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QtDebug>

namespace Translations {

void install()
{
    auto *english = new QTranslator(QCoreApplication::instance());
    if (!english->load(QStringLiteral(":/i18n/capsock_en.qm"))) {
        qWarning("capsock: the English plural forms are missing from this build");
        delete english;
        return;
    }
    QCoreApplication::installTranslator(english);
}

} // namespace Translations
