// SPDX-License-Identifier: PostgreSQL
#pragma once
// Add or edit a source (a row of dblink_mapping_mimeo): how to reach it,
// the role used there, and its password, which goes to the keychain (the
// catalog's pwd column stays NULL).
#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class SourceDialog;
}

class SourceDialog : public QDialog {
    Q_OBJECT
public:
    // keychainAvailable: whether "save in the keychain" can be offered.
    explicit SourceDialog(bool keychainAvailable, QWidget *parent = nullptr);
    ~SourceDialog() override;

    // Prefills for editing: the catalog's data_source and username. The
    // password stays empty, meaning "unchanged".
    void setSource(int id, const QString &dataSource, const QString &user);

    QString conninfo() const; // without user and password
    QString user() const;
    std::optional<QString> password() const;
    bool savePassword() const;

private:
    void accept() override;
    void showMessage(bool ok, const QString &text);

    std::unique_ptr<Ui::SourceDialog> ui_;
};
