#pragma once

#include "core/TextEncoding.h"
#include "net/ServerOptions.h"

#include <QString>

// Where a client connects and how it talks. Defaults follow the lecture's client; the command
// line, the window's fields and its settings all start from them. CapitalizeClient starts with
// the timeout and the read size; the front ends end each message with the line ending.
struct ClientOptions
{
    QString host; // a name, an IPv4 or an IPv6 address
    quint16 port = ServerOptions::LecturePort;
    // \n: what line-reading servers (nc, a homework's readline()) wait for.
    LineEnding lineEnding = LineEnding::Lf;
    // TCP: how long connect() may take. UDP: how long to wait for each reply.
    int connectTimeoutMs = 5000;
    // UDP: connect() the socket, so that ICMP "port unreachable" shows as refused.
    bool connectDatagramSocket = false;
    qint64 readSize = ServerOptions::LectureReadSize; // the n of recv(n)
};
