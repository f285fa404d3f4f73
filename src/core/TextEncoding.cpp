#include "core/TextEncoding.h"

QByteArray TextEncoding::lineEndingBytes(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None: return {};
    case LineEnding::Lf: return QByteArrayLiteral("\n");
    case LineEnding::CrLf: return QByteArrayLiteral("\r\n");
    }
    return {};
}

QByteArray TextEncoding::encode(const QString &text, LineEnding ending)
{
    return text.toUtf8() + lineEndingBytes(ending);
}
