#include "gui/InspectorWindow.h"

#include "ui_InspectorWindow.h"

#include "core/HexLayout.h"
#include "core/IpAddress.h"
#include "core/PluralCount.h"
#include "core/SocketEvent.h"
#include "net/CaptureFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalBlocker>

namespace {
// Reading is all at once; past this the inspector would hold more than a person can look at.
constexpr qint64 MaxFileSize = qint64(1) << 30;
} // namespace

InspectorWindow::InspectorWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::InspectorWindow>())
{
    m_ui->setupUi(this);
    for (const int count : HexLayout::BytesPerRowChoices)
        m_ui->bytesPerRow->addItem(QString::number(count), count);
    m_ui->bytesPerRow->setCurrentIndex(m_ui->bytesPerRow->findData(m_ui->hexView->bytesPerRow()));
    connect(m_ui->bytesPerRow, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_ui->hexView->setBytesPerRow(m_ui->bytesPerRow->itemData(index).toInt());
    });
    connect(m_ui->hexView, &HexView::selectionChanged, this, &InspectorWindow::updateStatus);
    m_ui->hexView->setStream(&m_stream);
    m_ui->hexView->setWireSegments(&m_segments);
    connect(m_ui->streamChooser, &QComboBox::currentIndexChanged, this,
            &InspectorWindow::showStream);
    resize(std::max(width(), m_ui->hexView->sizeHint().width() + 24), height());
}

InspectorWindow::~InspectorWindow() = default;

HexView *InspectorWindow::hexView() const
{
    return m_ui->hexView;
}

void InspectorWindow::showBytes(const QString &name, const QByteArray &bytes)
{
    m_stream.clear();
    m_segments.clear();
    m_ui->hexView->setReadsAreWireSegments(false);
    m_stream.append(bytes, ByteStream::Direction::None);
    m_ui->hexView->streamReset();
    // Qt adds the application's name to a window's title (" — Capsock").
    setWindowTitle(tr("Byte inspector: %1 (%2 byte(s))", nullptr,
                      pluralCount(bytes.size()))
                       .arg(name, QString::number(bytes.size())));
    updateStatus();
}

QComboBox *InspectorWindow::streamChooser() const
{
    return m_ui->streamChooser;
}

bool InspectorWindow::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (CaptureFile::looksLikeCapture(file.peek(4)))
        return openCapture(path, error);
    if (file.size() > MaxFileSize) {
        *error = tr("%1 is %2 MiB; the inspector opens files of up to 1024 MiB")
                     .arg(path)
                     .arg(file.size() >> 20);
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    showBytes(QFileInfo(path).fileName(), bytes);
    return true;
}

bool InspectorWindow::openCapture(const QString &path, QString *error)
{
    CaptureFile::Contents contents = CaptureFile::read(path);
    if (contents.streams.empty()) {
        *error = contents.problem;
        return false;
    }
    m_captureStreams = std::move(contents.streams);
    m_captureName = QFileInfo(path).fileName();
    if (!contents.problem.isEmpty()) // read in part: what was read, and why no more
        m_ui->legend->setText(contents.problem);
    const QSignalBlocker quiet(m_ui->streamChooser);
    m_ui->streamChooser->clear();
    for (size_t i = 0; i < m_captureStreams.size(); ++i)
        m_ui->streamChooser->addItem(CaptureFile::describe(m_captureStreams[i], qsizetype(i)));
    m_ui->streamLabel->setVisible(true);
    m_ui->streamChooser->setVisible(true);
    showStream(0);
    return true;
}

bool InspectorWindow::chooseStream(int index, QString *error)
{
    const int count = int(m_captureStreams.size());
    if (index < 0 || index >= count) {
        *error = count == 0 ? tr("--stream is for capture files (pcap, pcapng)")
                            : tr("%1 has %n TCP conversation(s), #0 to #%2; there is no #%3",
                                 nullptr, count)
                                  .arg(m_captureName)
                                  .arg(count - 1)
                                  .arg(index);
        return false;
    }
    m_ui->streamChooser->setCurrentIndex(index);
    return true;
}

void InspectorWindow::showStream(int index)
{
    if (index < 0 || size_t(index) >= m_captureStreams.size())
        return;
    const TcpConversation &conversation = m_captureStreams[size_t(index)].conversation;
    m_stream.clear();
    m_segments.clear();
    qint64 counts[2] = {0, 0}; // each direction's segments
    for (const TcpConversation::Transfer &transfer : conversation.transfers) {
        const bool fromClient = transfer.direction == TcpDirection::ClientToServer;
        const ByteStream::Direction direction = fromClient ? ByteStream::Direction::Sent
                                                           : ByteStream::Direction::Received;
        const qsizetype read = m_stream.append(transfer.bytes, direction, 0,
                                               transfer.timeUs / 1000);
        m_segments.add(0, direction,
                       {++counts[fromClient ? 0 : 1], transfer.seq,
                        m_stream.segment(read).laneOffset, transfer.bytes.size()});
    }
    m_ui->hexView->setReadsAreWireSegments(true);
    const QString server = Endpoint{IpAddress::toText(conversation.serverIp),
                                    conversation.serverPort}.text();
    m_ui->hexView->setConnectionNames([server](qint64) { return server; });
    m_ui->hexView->streamReset();
    setWindowTitle(tr("Byte inspector: %1, conversation #%2")
                       .arg(m_captureName)
                       .arg(index));
    updateStatus();
}

void InspectorWindow::updateStatus()
{
    statusBar()->showMessage(m_ui->hexView->describeSelection());
}
