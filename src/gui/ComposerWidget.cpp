#include "gui/ComposerWidget.h"

#include "ui_ComposerWidget.h"

#include "core/ByteLiterals.h"
#include "core/HexInput.h"
#include "core/PluralCount.h"
#include "gui/Appearance.h"
#include "gui/WireColors.h"
#include "net/ClientOptions.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QSignalBlocker>
#include <QStringDecoder>

#include <limits>

namespace {

constexpr int TextMode = 0;
constexpr int HexMode = 1;
constexpr int MaxToolTipBytes = 256;

const QString Ellipsis = QStringLiteral(u"\u2026");

// Only hex that reads as text can become text: a control byte or invalid UTF-8 would be lost
// (or sent differently) once shown in a one-line text field.
bool decodePrintable(const QByteArray &bytes, QString *text)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                               | QStringDecoder::Flag::ConvertInitialBom);
    const QString decoded = decoder(bytes);
    if (decoder.hasError() || decoded.toUtf8() != bytes)
        return false;
    for (const char32_t character : decoded.toUcs4()) {
        if (!QChar::isPrint(character))
            return false;
    }
    *text = decoded;
    return true;
}

// The Python that makes text's bytes, as the lecture's client does (data = mesg.encode()).
QString encodeCall(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None: return QStringLiteral("message.encode()");
    case LineEnding::Lf: return QStringLiteral("(message + \"\\n\").encode()");
    case LineEnding::CrLf:
        return QStringLiteral("(message + \"\\r\\n\").encode()");
    }
    return {};
}

// Typing 42 shows 34 32: numbers travel as text, as the lecture sends them with
// str(value).encode(). Said once, for the first digit; empty without one.
QString numbersNote(const QString &text)
{
    for (const QChar character : text) {
        if (character >= QLatin1Char('0') && character <= QLatin1Char('9')) {
            return ComposerWidget::tr("Numbers travel as text: '%1' is the byte 0x%2.")
                .arg(character)
                .arg(character.unicode(), 0, 16);
        }
    }
    return {};
}

QString capitalized(QString sentence)
{
    if (!sentence.isEmpty())
        sentence[0] = sentence[0].toUpper();
    return sentence;
}

} // namespace

ComposerWidget::ComposerWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ComposerWidget>())
{
    m_ui->setupUi(this);
    m_ui->inputMode->addItem(tr("Text"));
    m_ui->inputMode->addItem(tr("Hex"));
    m_ui->lineEnding->addItem(tr("No line ending (as the lecture's client)"),
                              int(LineEnding::None));
    m_ui->lineEnding->addItem(tr("\\n (LF)"), int(LineEnding::Lf));
    m_ui->lineEnding->addItem(tr("\\r\\n (CRLF)"), int(LineEnding::CrLf));
    setLineEnding(ClientOptions().lineEnding);
    const Appearance *appearance = Appearance::instance();
    m_ui->preview->setFont(appearance->fixedPitchFont());
    connect(appearance, &Appearance::textSizeChanged, this, [this, appearance] {
        m_ui->preview->setFont(appearance->fixedPitchFont());
    });
    m_ui->message->installEventFilter(this);
    m_ui->message->setMaxLength(std::numeric_limits<int>::max()); // refuseOverlongText() limits

    connect(m_ui->message, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (refuseOverlongText(text))
            return;
        m_announcedText = text;
        updatePreview();
    });
    // Typing leaves the history: Up starts again from the newest message.
    connect(m_ui->message, &QLineEdit::textEdited, this, [this] { m_historyIndex = -1; });
    connect(m_ui->message, &QLineEdit::returnPressed, this, &ComposerWidget::send);
    connect(m_ui->sendButton, &QPushButton::clicked, this, &ComposerWidget::send);
    connect(m_ui->inputMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_historyIndex = -1;
        switchMode(index == HexMode, true);
    });
    connect(m_ui->lineEnding, &QComboBox::currentIndexChanged, this, [this] {
        updatePreview();
        emit lineEndingChanged(lineEnding());
    });
    updateModeControls();
    updatePreview();
}

ComposerWidget::~ComposerWidget() = default;

void ComposerWidget::setLineEnding(LineEnding ending)
{
    const int index = m_ui->lineEnding->findData(int(ending));
    if (index >= 0) // a stored setting from elsewhere may be anything
        m_ui->lineEnding->setCurrentIndex(index);
}

LineEnding ComposerWidget::lineEnding() const
{
    return LineEnding(m_ui->lineEnding->currentData().toInt());
}

void ComposerWidget::setHexMode(bool hexMode)
{
    switchMode(hexMode, true);
}

QByteArray ComposerWidget::pendingBytes() const
{
    const QString text = m_ui->message->text();
    if (!m_hexMode)
        return TextEncoding::encode(text, lineEnding());
    return HexInput::parse(text).bytes; // empty when not valid
}

QString ComposerWidget::previewText() const
{
    return m_ui->preview->text();
}

QString ComposerWidget::errorText() const
{
    return m_errorText;
}

void ComposerWidget::focusMessage()
{
    m_ui->message->setFocus(Qt::OtherFocusReason);
}

bool ComposerWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->message && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
        if (plain && key->key() == Qt::Key_Up) {
            recallOlder();
            return true;
        }
        if (plain && key->key() == Qt::Key_Down) {
            recallNewer();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ComposerWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) // a dark theme needs a lighter red
        updateErrorColor();
    QWidget::changeEvent(event);
}

void ComposerWidget::send()
{
    const QByteArray bytes = pendingBytes();
    if (bytes.isEmpty())
        return; // nothing to send, or the hex is wrong, which the preview says
    const QString text = m_ui->message->text();
    const bool repeated = !m_history.isEmpty() && m_history.last().text == text
                          && m_history.last().hexMode == m_hexMode;
    if (!text.isEmpty() && !repeated) {
        m_history.append({text, m_hexMode});
        if (m_history.size() > MaxHistory)
            m_history.removeFirst();
    }
    m_historyIndex = -1;
    m_draft = {};
    m_ui->message->clear();
    m_ui->message->setFocus(Qt::OtherFocusReason); // after a click on Send, keep typing
    emit sendRequested(bytes);
}

// A message goes out whole or not at all: an edit that would make it longer than the most it
// may hold is taken back whole, and the preview says why. (The line edit's own maxLength cuts
// silently, and cutting a megabyte paste took it 55 s: Qt 6.4 copies the rest of the paste for
// every character it keeps.)
bool ComposerWidget::refuseOverlongText(const QString &text)
{
    if (text.size() <= MaxMessageCharacters)
        return false;
    const bool typed = text.size() == m_announcedText.size() + 1;
    const int at = int(std::min(m_ui->message->cursorPosition() - (text.size()
                                                                   - m_announcedText.size()),
                                m_announcedText.size()));
    {
        const QSignalBlocker blocker(m_ui->message);
        m_ui->message->setText(m_announcedText);
    }
    m_ui->message->setCursorPosition(std::max(0, at));
    const QString most = QLocale().toString(MaxMessageCharacters);
    showNotice(typed ? tr("The message is full: it holds at most %1 characters.").arg(most)
                     : tr("Too long, so not pasted: a message holds at most %1 characters. "
                          "Nothing of it was put in, so nothing is cut; send it in parts.")
                           .arg(most));
    return true;
}

void ComposerWidget::switchMode(bool hexMode, bool convertMessage)
{
    if (hexMode == m_hexMode)
        return;
    const QString text = m_ui->message->text();
    const QString hex = convertMessage && hexMode ? ByteLiterals::hex(text.toUtf8()) : QString();
    const bool fits = hex.size() <= MaxMessageCharacters; // the line edit would cut it
    if (fits)
        m_hexMode = hexMode;
    {
        const QSignalBlocker blocker(m_ui->inputMode);
        m_ui->inputMode->setCurrentIndex(m_hexMode ? HexMode : TextMode);
    }
    if (!fits) {
        showNotice(tr("Too long to show as hex: that takes 3 characters a byte, and a message "
                      "holds at most %1 characters.")
                       .arg(QLocale().toString(MaxMessageCharacters)));
        return;
    }
    if (convertMessage && hexMode) {
        m_ui->message->setText(hex);
    } else if (convertMessage) {
        const HexInput input = HexInput::parse(text);
        QString decoded;
        if (input.isValid() && decodePrintable(input.bytes, &decoded))
            m_ui->message->setText(decoded);
    }
    updateModeControls();
    updatePreview();
    emit hexModeChanged(hexMode);
}

void ComposerWidget::setMessageHint(const QString &hint)
{
    m_messageHint = hint;
    updateModeControls();
}

void ComposerWidget::updateModeControls()
{
    const QString textHint = m_messageHint.isEmpty() ? tr("Type a message, then press Enter")
                                                     : m_messageHint;
    m_ui->message->setPlaceholderText(m_hexMode ? tr("Type bytes as hex: 49 20 61 6d ff")
                                                : textHint);
    m_ui->lineEnding->setEnabled(!m_hexMode);
    m_ui->lineEnding->setToolTip(
        m_hexMode ? tr("In hex mode nothing is added: the bytes go out exactly as you typed "
                       "them. Type 0a for \\n, or 0d 0a for \\r\\n.")
                  : tr("What is sent after your text. The lecture's client sends none: its "
                       "server answers whatever one recv() gets. A server that reads lines "
                       "waits for \\n; some protocols, such as HTTP, want \\r\\n."));
}

void ComposerWidget::updatePreview()
{
    QByteArray bytes;
    m_errorText.clear();
    if (m_hexMode) {
        const HexInput input = HexInput::parse(m_ui->message->text());
        if (input.isValid())
            bytes = input.bytes;
        else
            m_errorText = capitalized(input.error);
    } else {
        bytes = TextEncoding::encode(m_ui->message->text(), lineEnding());
    }

    QString preview = m_errorText;
    QString toolTip;
    if (m_errorText.isEmpty() && bytes.isEmpty()) {
        preview = tr("Nothing to send yet");
    } else if (m_errorText.isEmpty()) {
        QString hex = ByteLiterals::hex(QByteArrayView(bytes).first(
            std::min(bytes.size(), qsizetype(PreviewBytes))));
        if (bytes.size() > PreviewBytes)
            hex += QLatin1Char(' ') + Ellipsis;
        preview = tr("%1 byte(s): %2", nullptr, pluralCount(bytes.size()))
                      .arg(QString::number(bytes.size()), hex);
        toolTip = tr("As a Python bytes literal: %1")
                      .arg(ByteLiterals::python(QByteArrayView(bytes).first(
                               std::min(bytes.size(), qsizetype(MaxToolTipBytes))))
                           + (bytes.size() > MaxToolTipBytes ? Ellipsis : QString()));
        if (!m_hexMode) { // hex is the bytes themselves; text is made bytes by encode()
            preview = encodeCall(lineEnding()) + QStringLiteral(" -> ") + preview;
            const QString numbers = numbersNote(m_ui->message->text());
            if (!numbers.isEmpty()) {
                preview += QStringLiteral("    ") + numbers;
                toolTip += QLatin1Char('\n') + numbers + QLatin1Char(' ')
                    + tr("The lecture sends a number the same way: str(value).encode().");
            }
        }
    }
    m_ui->preview->setText(preview);
    m_ui->preview->setToolTip(toolTip);
    m_ui->sendButton->setEnabled(!bytes.isEmpty());
    updateErrorColor();
}

void ComposerWidget::showNotice(const QString &notice)
{
    m_errorText = notice; // until the message changes
    m_ui->preview->setText(notice);
    updateErrorColor();
}

void ComposerWidget::updateErrorColor()
{
    if (m_errorText.isEmpty()) {
        m_ui->preview->setPalette(QPalette()); // inherit again
        return;
    }
    QPalette warning;
    warning.setColor(QPalette::WindowText, WireColors(palette(), QPalette::Window).problem());
    m_ui->preview->setPalette(warning);
}

void ComposerWidget::recallOlder()
{
    if (m_history.isEmpty())
        return;
    if (m_historyIndex < 0) {
        m_draft = {m_ui->message->text(), m_hexMode};
        m_historyIndex = int(m_history.size()) - 1;
    } else if (m_historyIndex > 0) {
        --m_historyIndex;
    } else {
        return; // at the oldest
    }
    showRecalled(m_history.at(m_historyIndex));
}

void ComposerWidget::recallNewer()
{
    if (m_historyIndex < 0)
        return;
    if (++m_historyIndex < m_history.size()) {
        showRecalled(m_history.at(m_historyIndex));
        return;
    }
    m_historyIndex = -1;
    showRecalled(m_draft);
}

void ComposerWidget::showRecalled(const Sent &sent)
{
    switchMode(sent.hexMode, false); // sent as hex, recalled as hex: the same bytes again
    m_ui->message->setText(sent.text);
}
