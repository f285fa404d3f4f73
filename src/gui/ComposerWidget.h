#pragma once

#include "core/TextEncoding.h"

#include <QList>
#include <QWidget>

#include <memory>

namespace Ui {
class ComposerWidget;
}

// The message composer at the bottom of the main window. A message is typed as text, sent as
// UTF-8 with the chosen line ending, or as hex ("48 69 ff"), sent as exactly those bytes, so
// invalid UTF-8 can be sent on purpose. Below it, as you type, are the bytes that will go out.
// Enter sends; Up and Down bring back earlier messages, as in a shell.
class ComposerWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ComposerWidget(QWidget *parent = nullptr);
    ~ComposerWidget() override;

    // Not added in hex mode: there the bytes are exactly what was typed.
    void setLineEnding(LineEnding ending);
    LineEnding lineEnding() const;

    // Switching converts what is typed, keeping its bytes: "Hi" becomes "48 69", and hex that
    // is printable UTF-8 becomes text again (other hex stays as typed).
    void setHexMode(bool hexMode);
    bool isHexMode() const { return m_hexMode; }

    // What Send would send now; empty when there is nothing to send or the hex is not valid.
    QByteArray pendingBytes() const;
    // The line under the message: what made the bytes, and the bytes:
    //   (message + "\n").encode() -> 19 bytes: 49 20 61 6d ...
    // (in hex mode only "3 bytes: 48 69 ff"), or what is wrong with the hex.
    QString previewText() const;
    // What is wrong with the hex typed, in plain words; empty when nothing is.
    QString errorText() const;

    void focusMessage();
    // What the empty message field suggests (a server replying by hand: to whom); empty for
    // the usual "Type a message, then press Enter".
    void setMessageHint(const QString &hint);

    static constexpr int MaxHistory = 100;
    static constexpr int PreviewBytes = 24; // a longer message is shown as its first bytes and …
    // The most a message may hold. A paste that would make it longer is refused whole, never
    // cut. The line edit takes about 300 ms a keystroke at this size (measured); at 10 times
    // more, 3 s.
    static constexpr int MaxMessageCharacters = 1 << 20;

signals:
    // Enter or Send, with a message to send. The message field is then emptied.
    void sendRequested(const QByteArray &bytes);
    void lineEndingChanged(LineEnding ending);
    void hexModeChanged(bool hexMode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Sent
    {
        QString text;
        bool hexMode;
    };

    void send();
    QString m_messageHint;
    void switchMode(bool hexMode, bool convertMessage);
    void updateModeControls();
    void updatePreview();
    bool refuseOverlongText(const QString &text);
    void showNotice(const QString &notice);
    void updateErrorColor();
    void recallOlder();
    void recallNewer();
    void showRecalled(const Sent &sent);

    std::unique_ptr<Ui::ComposerWidget> m_ui;
    bool m_hexMode = false;
    QString m_errorText;
    QString m_announcedText; // the message as textChanged() last told it
    QList<Sent> m_history; // oldest first
    int m_historyIndex = -1; // the entry shown; -1 while typing a new message
    Sent m_draft;            // what was being typed when Up was first pressed
};
