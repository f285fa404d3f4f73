#include "gui/InspectorWindow.h"

#include "ui_InspectorWindow.h"

#include "core/HexLayout.h"
#include "core/PluralCount.h"

#include <QFile>
#include <QFileInfo>

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
    m_stream.append(bytes, ByteStream::Direction::None);
    m_ui->hexView->streamReset();
    setWindowTitle(tr("%1 (%2 byte(s)) - Capsock byte inspector", nullptr,
                      pluralCount(bytes.size()))
                       .arg(name, QString::number(bytes.size())));
    updateStatus();
}

bool InspectorWindow::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
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

void InspectorWindow::updateStatus()
{
    statusBar()->showMessage(m_ui->hexView->describeSelection());
}
