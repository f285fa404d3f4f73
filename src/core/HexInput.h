#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

// Bytes typed by a person as hex, so that exactly those bytes (invalid UTF-8 too) can be sent:
// two hex digits a byte, upper or lower case, separated by any whitespace or none ("48 69 ff",
// "4869FF", "48\n69"), each byte or run of bytes optionally written with a 0x or \x in front
// ("0x48 0x69", "\x48\x69"). A mistake is told in plain words, with the position of the
// character at fault.
struct HexInput
{
    Q_DECLARE_TR_FUNCTIONS(HexInput)

public:
    QByteArray bytes;
    QString error; // set when the text is not valid hex, e.g. "'g' at position 4 is not a hex..."
    int errorPosition = -1; // of the first character at fault, 1-based; -1 when valid

    bool isValid() const { return error.isEmpty(); }

    // Empty text, or only whitespace, is valid: no bytes.
    static HexInput parse(QStringView text);
};
