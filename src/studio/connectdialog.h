#pragma once
// "Add Destination": a conninfo/URI (or empty for libpq's defaults), an
// optional password kept in memory, the catalog schema, and a "Test
// Connection" that runs off the GUI thread and reports the server version,
// primary or standby, and whether the catalog exists.
#include "destination_session.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectDialog;
}

class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    DestinationTarget target() const;
    void setTarget(const DestinationTarget &target);

    // The test's outcome text (for tests and screen readers).
    QString resultText() const;

public slots:
    void testConnection();

signals:
    void testFinished(bool ok);

private:
    void accept() override;
    void showResult(bool ok, const QString &text);

    std::unique_ptr<Ui::ConnectDialog> ui_;
    bool testing_ = false;
};
