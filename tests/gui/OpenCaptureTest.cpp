// File > Open capture… in the window: a pcap or pcapng file in the byte inspector, in a window
// of its own; a file that is no capture, or one cut short before any TCP, gets its message in a
// dialog, and no window.

#include "QtPrinters.h"

#include "core/IpAddress.h"
#include "core/TcpSynthesizer.h"
#include "gui/HexView.h"
#include "gui/InspectorWindow.h"
#include "gui/MainWindow.h"

#include <QApplication>
#include <QBuffer>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

const QByteArray Up = "hello\n";
const QByteArray Down = "HELLO\n";

QByteArray oneConversation()
{
    TcpConversation talk;
    talk.clientIp = IpAddress::fromText(QStringLiteral("127.0.0.1"));
    talk.serverIp = talk.clientIp;
    talk.clientPort = 40001;
    talk.serverPort = 5220;
    talk.openedUs = qint64(1764400000) * 1000 * 1000;
    talk.transfers = {{talk.openedUs + 10, TcpDirection::ClientToServer, Up},
                      {talk.openedUs + 20, TcpDirection::ServerToClient, Down}};
    talk.clientFinishedUs = talk.openedUs + 30;
    talk.serverFinishedUs = talk.openedUs + 40;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EXPECT_EQ(TcpSynthesizer::writePcapng({talk}, &buffer), QString());
    return buffer.data();
}

class OpenCaptureTest : public ::testing::Test
{
protected:
    QTemporaryDir m_dir;
    MainWindow m_window{false};

    QString write(const char *name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(QString::fromLatin1(name)));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        return file.fileName();
    }

    // Opens `path` as File > Open capture does after its file dialog; a message box that comes
    // is read and closed, its text kept in `said`.
    InspectorWindow *open(const QString &path, QString *said)
    {
        QTimer reader;
        QObject::connect(&reader, &QTimer::timeout, &reader, [said] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                *said = box->text();
                box->accept();
            }
        });
        reader.start(10);
        return m_window.openCapture(path);
    }

    int inspectorWindows() const
    {
        return int(m_window.findChildren<InspectorWindow *>().size());
    }
};

} // namespace

TEST_F(OpenCaptureTest, TheFileMenuOpensACaptureInAnInspectorWindowOfItsOwn)
{
    const QList<QAction *> fileMenu = m_window.menuBar()->actions().first()->menu()->actions();
    const auto action = std::find_if(fileMenu.begin(), fileMenu.end(), [](QAction *each) {
        return each->shortcut() == QKeySequence(QKeySequence::Open);
    });
    ASSERT_NE(action, fileMenu.end()) << "File > Open capture… (Ctrl+O)";
    EXPECT_EQ((*action)->text(), QStringLiteral("&Open capture…"));

    QString said;
    InspectorWindow *inspector = open(write("talk.pcapng", oneConversation()), &said);
    ASSERT_NE(inspector, nullptr) << said;
    EXPECT_EQ(said, QString());
    EXPECT_TRUE(inspector->isVisible());
    EXPECT_EQ(inspector->hexView()->stream()->bytes().toByteArray(), Up + Down);
    EXPECT_TRUE(inspector->windowTitle().contains(QStringLiteral("talk.pcapng, conversation #0")))
        << inspector->windowTitle();
    EXPECT_TRUE(inspector->testAttribute(Qt::WA_DeleteOnClose)) << "closing it frees it";
}

TEST_F(OpenCaptureTest, AFileThatIsNoCaptureIsSaidInADialogAndOpensNothing)
{
    QString said;
    EXPECT_EQ(open(write("notes.txt", "just some text, no capture\n"), &said), nullptr);
    EXPECT_TRUE(said.contains(QStringLiteral("is not a capture file Capsock can read")))
        << said;
    EXPECT_EQ(inspectorWindows(), 0);
}

TEST_F(OpenCaptureTest, ACaptureCutShortBeforeAnyTcpIsSaidInADialog)
{
    QString said;
    const QByteArray whole = oneConversation();
    EXPECT_EQ(open(write("cut.pcapng", whole.left(40)), &said), nullptr);
    EXPECT_FALSE(said.isEmpty());
    EXPECT_TRUE(said.contains(QStringLiteral("cut.pcapng"))) << said;
    EXPECT_EQ(inspectorWindows(), 0);

    said.clear();
    EXPECT_EQ(open(m_dir.filePath(QStringLiteral("missing.pcap")), &said), nullptr);
    EXPECT_TRUE(said.contains(QStringLiteral("cannot open"))) << said;
}
