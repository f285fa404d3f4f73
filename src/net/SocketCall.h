#pragma once

#include "net/TcpStream.h"

#include <QString>

// One thing that happened on a socket, said with the lecture's calls, so a student can map it to
// the Python code: call `recv(1024)`, result `17 bytes`.
struct SocketCall
{
    qint64 connectionId = 0; // 0: the listening socket (server) or before a connection exists
    QString call;
    QString result;
    TcpStream::Error error = TcpStream::Error::None; // why the call failed, if it did
};
