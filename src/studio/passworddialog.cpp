// SPDX-License-Identifier: PostgreSQL
#include "passworddialog.h"

#include "ui_passworddialog.h"

PasswordDialog::PasswordDialog(const QString &what, const QString &problem, bool keychainAvailable, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::PasswordDialog>())
{
    ui_->setupUi(this);
    ui_->promptLabel->setText(tr("The server asks for the password of %1.").arg(what));
    ui_->problemLabel->setText(problem);
    ui_->problemLabel->setVisible(!problem.isEmpty());
    ui_->saveCheck->setEnabled(keychainAvailable);
    ui_->saveCheck->setChecked(keychainAvailable);
    ui_->noteLabel->setText(keychainAvailable
                                ? QString()
                                : tr("No keychain is available: the password is kept in memory until you quit."));
    ui_->noteLabel->setVisible(!keychainAvailable);
    ui_->passwordEdit->setFocus();
}

PasswordDialog::~PasswordDialog() = default;

QString PasswordDialog::password() const { return ui_->passwordEdit->text(); }

bool PasswordDialog::saveInKeychain() const { return ui_->saveCheck->isEnabled() && ui_->saveCheck->isChecked(); }

std::optional<PasswordDialog::Answer> PasswordDialog::ask(QWidget *parent, const QString &what, const QString &problem,
                                                          bool keychainAvailable)
{
    PasswordDialog dialog(what, problem, keychainAvailable, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return Answer{dialog.password(), dialog.saveInKeychain()};
}
