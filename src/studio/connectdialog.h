// SPDX-License-Identifier: PostgreSQL
#pragma once
// "Add Destination" / "Edit Destination": how to reach the server (server
// fields, service or conninfo), a password for the keychain, the catalog
// schema, and "Test Connection", which runs off the GUI thread with a
// connect timeout and reports the server version, primary or standby, and
// the state of the catalog. When the catalog is missing or outdated it
// offers to install it (or to adopt an existing mimeo extension install).
#include "catalog/destination_probe.h"
#include "destination_session.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class ConnectDialog;
}
class PasswordStore;

class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    // store tells whether a keychain is there to save the password in; may be null.
    explicit ConnectDialog(PasswordStore *store = nullptr, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    DestinationTarget target() const;
    void setTarget(const DestinationTarget &target);
    // Whether the user wants the password saved in the keychain.
    bool savePassword() const;

    // The test's outcome text (for tests and screen readers).
    QString resultText() const;
    // What the last successful test found.
    std::optional<mimeo::catalog::DestinationProbe> lastProbe() const { return probe_; }

    // Seconds a test waits for the server before giving up.
    static constexpr int kTestTimeoutSeconds = 10;

public slots:
    void testConnection();
    void installCatalog();

signals:
    void testFinished(bool ok);
    void catalogInstalled();

private:
    void accept() override;
    void showResult(bool ok, const QString &text);
    void offerInstall(const mimeo::catalog::CatalogState &state);

    std::unique_ptr<Ui::ConnectDialog> ui_;
    PasswordStore *store_;
    bool testing_ = false;
    std::optional<mimeo::catalog::DestinationProbe> probe_;
};
