#include "cli/TerminationSignals.h"

#include <QSocketNotifier>

#ifdef Q_OS_WIN
#  include <windows.h>
#else
#  include <csignal>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {
TerminationSignals *g_instance = nullptr;
#ifndef Q_OS_WIN
int g_pipe[2] = {-1, -1};

// Only async-signal-safe work here: one byte into the pipe the event loop watches.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[0], &byte, 1);
}
#else
BOOL WINAPI onConsoleEvent(DWORD)
{
    QMetaObject::invokeMethod(g_instance, &TerminationSignals::requested, Qt::QueuedConnection);
    return TRUE;
}
#endif
} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
    g_instance = this;
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#else
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte;
        [[maybe_unused]] const auto read = ::read(g_pipe[1], &byte, 1);
        emit requested();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
#endif
}

TerminationSignals::~TerminationSignals()
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
#else
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    for (int &descriptor : g_pipe) {
        if (descriptor >= 0)
            ::close(descriptor);
        descriptor = -1;
    }
#endif
    g_instance = nullptr;
}
