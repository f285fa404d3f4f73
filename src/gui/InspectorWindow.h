#pragma once

#include "core/ByteStream.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class InspectorWindow;
}
class HexView;

// `capsock --inspect FILE`: the byte inspector alone, on a file's bytes — for saved messages,
// homework output, or to see what an editor really wrote.
class InspectorWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit InspectorWindow(QWidget *parent = nullptr);
    ~InspectorWindow() override;

    // Shows `bytes` as the content of `name`.
    void showBytes(const QString &name, const QByteArray &bytes);
    // Reads and shows a file; false, with `error` in plain words, when it can not be read.
    bool openFile(const QString &path, QString *error);

    HexView *hexView() const;

private:
    void updateStatus();

    std::unique_ptr<Ui::InspectorWindow> m_ui;
    ByteStream m_stream;
};
