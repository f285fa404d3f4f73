#include "core/PcapngWriter.h"

#include <QIODevice>

namespace {

constexpr quint32 SectionHeaderType = 0x0A0D0D0A;
constexpr quint32 InterfaceDescriptionType = 1;
constexpr quint32 EnhancedPacketType = 6;
constexpr quint32 ByteOrderMagic = 0x1A2B3C4D;
constexpr quint16 OptionEnd = 0;
constexpr quint16 ShbUserApplication = 4;
constexpr quint16 IfName = 2;

template<typename Number>
void append(QByteArray &out, Number value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof value); // host order, as announced
}

void appendPadded(QByteArray &out, QByteArrayView bytes)
{
    out.append(bytes.data(), bytes.size());
    out.append(QByteArray((4 - bytes.size() % 4) % 4, '\0'));
}

void appendOption(QByteArray &out, quint16 code, const QByteArray &value)
{
    append<quint16>(out, code);
    append<quint16>(out, quint16(value.size()));
    appendPadded(out, value);
}

void appendEndOfOptions(QByteArray &out)
{
    append<quint16>(out, OptionEnd);
    append<quint16>(out, 0);
}

} // namespace

PcapngWriter::PcapngWriter(QIODevice *device)
    : m_device(device)
{
}

bool PcapngWriter::writeHeader(const QString &application)
{
    QByteArray section;
    append<quint32>(section, ByteOrderMagic);
    append<quint16>(section, 1); // version 1.0
    append<quint16>(section, 0);
    append<qint64>(section, -1); // section length: not given
    appendOption(section, ShbUserApplication, application.toUtf8());
    appendEndOfOptions(section);

    QByteArray interface;
    append<quint16>(interface, quint16(LinkTypeRaw));
    append<quint16>(interface, 0); // reserved
    append<quint32>(interface, 0); // snapshot length: no limit
    appendOption(interface, IfName, QByteArrayLiteral("capsock"));
    appendEndOfOptions(interface);
    return writeBlock(SectionHeaderType, section)
        && writeBlock(InterfaceDescriptionType, interface);
}

bool PcapngWriter::writePacket(qint64 timeUs, QByteArrayView ipPacket)
{
    QByteArray packet;
    append<quint32>(packet, 0); // interface 0
    append<quint32>(packet, quint32(quint64(timeUs) >> 32));
    append<quint32>(packet, quint32(quint64(timeUs) & 0xffffffffu));
    append<quint32>(packet, quint32(ipPacket.size())); // captured
    append<quint32>(packet, quint32(ipPacket.size())); // on the wire
    appendPadded(packet, ipPacket);
    return writeBlock(EnhancedPacketType, packet);
}

QString PcapngWriter::errorString() const
{
    return m_device->errorString();
}

bool PcapngWriter::writeBlock(quint32 type, const QByteArray &body)
{
    // Type, total length, body, total length again (so a reader can walk backwards).
    const quint32 length = quint32(body.size()) + 12;
    QByteArray block;
    block.reserve(int(length));
    append<quint32>(block, type);
    append<quint32>(block, length);
    block.append(body);
    append<quint32>(block, length);
    return m_device->write(block) == block.size();
}
