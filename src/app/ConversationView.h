#pragma once

#include <QListView>

class ConversationModel;

// The conversation as chat bubbles: this window's own bytes on the right, the other side's on the
// left, notes in the middle. Every row has the same height (a header line and one line of the
// bytes), so 100,000 messages scroll as smoothly as ten; the whole bytes are the inspector's.
// While scrolled to the bottom it follows new messages.
class ConversationView : public QListView
{
    Q_OBJECT

public:
    explicit ConversationView(QWidget *parent = nullptr);

    void setConversation(ConversationModel *model);

signals:
    // A bubble was chosen: its bytes are [offset, end) of the model's stream.
    void bytesChosen(qint64 offset, qint64 end);

private:
    bool m_wasAtBottom = true;
};
