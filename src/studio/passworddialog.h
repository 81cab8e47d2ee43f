// SPDX-License-Identifier: PostgreSQL
#pragma once
// Asks for a password the server wants and libpq, the keychain and this
// session's memory did not have. Offers to save it in the keychain when one
// is available; otherwise says it is kept in memory until the program ends.
#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class PasswordDialog;
}

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    // what: whose password, e.g. "source 3 (repl@db1:5432/shop)".
    PasswordDialog(const QString &what, const QString &problem, bool keychainAvailable, QWidget *parent = nullptr);
    ~PasswordDialog() override;

    QString password() const;
    bool saveInKeychain() const;

    struct Answer {
        QString password;
        bool save = false;
    };
    // Shows the dialog modally; nullopt when the user cancels.
    static std::optional<Answer> ask(QWidget *parent, const QString &what, const QString &problem,
                                     bool keychainAvailable);

private:
    std::unique_ptr<Ui::PasswordDialog> ui_;
};
