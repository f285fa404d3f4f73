#pragma once

#include <QLineEdit>
#include <QSpinBox>

// The text field inside a spin box: it says returnPressed() once the spin box has taken the
// typed value, which QAbstractSpinBox itself does not (its lineEdit() is protected).
inline QLineEdit *spinBoxField(QSpinBox *box)
{
    return box->findChild<QLineEdit *>();
}
