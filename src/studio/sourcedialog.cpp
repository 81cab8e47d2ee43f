// SPDX-License-Identifier: PostgreSQL
#include "sourcedialog.h"

#include "pg/conninfo.h"
#include "ui_sourcedialog.h"

SourceDialog::SourceDialog(bool keychainAvailable, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::SourceDialog>())
{
    ui_->setupUi(this);
    ui_->connectionFields->setUserFieldVisible(false);
    connect(ui_->buttonBox, &QDialogButtonBox::accepted, this, &SourceDialog::accept);
    connect(ui_->connectionFields, &ConnectionFields::passwordFound, this, [this](const QString &pw) {
        ui_->passwordEdit->setText(pw);
        showMessage(true, tr("The password was taken out of the connection string; it is kept apart from it."));
    });
    if (!keychainAvailable) {
        ui_->savePasswordCheck->setChecked(false);
        ui_->savePasswordCheck->setEnabled(false);
        ui_->savePasswordCheck->setToolTip(tr("No keychain is available: the password is kept in memory until you quit."));
    }
}

SourceDialog::~SourceDialog() = default;

void SourceDialog::setSource(int id, const QString &dataSource, const QString &user)
{
    setWindowTitle(tr("Edit Source %1").arg(id));
    ui_->connectionFields->setConninfo(dataSource);
    ui_->userEdit->setText(user);
    ui_->passwordEdit->setPlaceholderText(tr("unchanged"));
}

QString SourceDialog::conninfo() const
{
    // mimeo keeps the user in its own column; a user typed into a pasted
    // conninfo counts when the user field is empty.
    const QString text = ui_->connectionFields->conninfo();
    try {
        auto opts = mimeo::pg::parseConninfo(text.toStdString());
        mimeo::pg::removeOption(opts, "user");
        mimeo::pg::removeOption(opts, "password");
        return QString::fromStdString(mimeo::pg::toKeywordValueString(opts));
    } catch (const std::exception &) {
        return text;
    }
}

QString SourceDialog::user() const
{
    if (!ui_->userEdit->text().trimmed().isEmpty())
        return ui_->userEdit->text().trimmed();
    try {
        const auto opts = mimeo::pg::parseConninfo(ui_->connectionFields->conninfo().toStdString());
        return QString::fromStdString(mimeo::pg::findOption(opts, "user").value_or(std::string()));
    } catch (const std::exception &) {
        return {};
    }
}

std::optional<QString> SourceDialog::password() const
{
    if (ui_->passwordEdit->text().isEmpty())
        return std::nullopt;
    return ui_->passwordEdit->text();
}

bool SourceDialog::savePassword() const
{
    return ui_->savePasswordCheck->isEnabled() && ui_->savePasswordCheck->isChecked();
}

void SourceDialog::showMessage(bool ok, const QString &text)
{
    ui_->messageLabel->setText(text);
    ui_->messageLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

void SourceDialog::accept()
{
    if (const QString problem = ui_->connectionFields->problem(); !problem.isEmpty()) {
        showMessage(false, problem);
        return;
    }
    if (user().isEmpty()) {
        showMessage(false, tr("Enter the role used on the source."));
        ui_->userEdit->setFocus();
        return;
    }
    QDialog::accept();
}
