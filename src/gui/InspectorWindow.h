#pragma once

#include "core/ByteStream.h"
#include "core/TcpReassembler.h"
#include "core/WireSegments.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class InspectorWindow;
}
class HexView;
class QComboBox;

// `capsock --inspect FILE`: the byte inspector alone, on a file's bytes — for saved messages,
// homework output, or to see what an editor really wrote. A capture (pcap or pcapng, from
// tcpdump, Wireshark or Capsock's own Save) shows one of its TCP conversations instead, chosen
// from a list: each segment's bytes where a read's would be, tinted by direction (the client's
// as sent, the server's as received), with its time and its sequence number.
class InspectorWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit InspectorWindow(QWidget *parent = nullptr);
    ~InspectorWindow() override;

    // Shows `bytes` as the content of `name`.
    void showBytes(const QString &name, const QByteArray &bytes);
    // Reads and shows a file; false, with `error` in plain words, when it can not be read (a
    // capture: when it has no TCP conversation to show).
    bool openFile(const QString &path, QString *error);
    // Reads and shows a capture file (pcap or pcapng) alone; false, with `error` in plain
    // words, when it is none, or has no TCP conversation to show.
    bool openCapture(const QString &path, QString *error);
    // A capture's conversation `index` (0, 1, ...); false, with `error`, when it has none such.
    bool chooseStream(int index, QString *error);
    QComboBox *streamChooser() const;

    HexView *hexView() const;

private:
    void updateStatus();
    void showStream(int index);

    std::unique_ptr<Ui::InspectorWindow> m_ui;
    ByteStream m_stream;
    WireSegments m_segments; // a capture's: the same pieces as m_stream's reads
    std::vector<TcpReassembler::Stream> m_captureStreams;
    QString m_captureName;
};
