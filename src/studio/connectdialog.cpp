// SPDX-License-Identifier: PostgreSQL
#include "connectdialog.h"

#include "background_task.h"
#include "cataloginstalldialog.h"
#include "password_store.h"
#include "ui_connectdialog.h"

#include <QPushButton>

ConnectDialog::ConnectDialog(PasswordStore *store, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::ConnectDialog>())
    , store_(store)
{
    ui_->setupUi(this);
    ui_->installButton->hide();
    connect(ui_->testButton, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(ui_->installButton, &QPushButton::clicked, this, &ConnectDialog::installCatalog);
    connect(ui_->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(ui_->connectionFields, &ConnectionFields::passwordFound, this, [this](const QString &pw) {
        ui_->passwordEdit->setText(pw);
        showResult(true, tr("The password was taken out of the connection string; it is kept apart from it."));
    });
    if (store_ && !store_->keychainAvailable()) {
        ui_->savePasswordCheck->setChecked(false);
        ui_->savePasswordCheck->setEnabled(false);
        ui_->savePasswordCheck->setToolTip(tr("No keychain is available: the password is kept in memory until you quit."));
    }
}

ConnectDialog::~ConnectDialog() = default;

DestinationTarget ConnectDialog::target() const
{
    DestinationTarget t;
    t.conninfo = ui_->connectionFields->conninfo();
    t.schema = ui_->schemaEdit->text().trimmed();
    if (!ui_->passwordEdit->text().isEmpty())
        t.password = ui_->passwordEdit->text();
    return t;
}

void ConnectDialog::setTarget(const DestinationTarget &target)
{
    ui_->connectionFields->setConninfo(target.conninfo);
    ui_->schemaEdit->setText(target.schema);
    ui_->passwordEdit->setText(target.password.value_or(QString()));
}

bool ConnectDialog::savePassword() const
{
    return ui_->savePasswordCheck->isEnabled() && ui_->savePasswordCheck->isChecked();
}

QString ConnectDialog::resultText() const { return ui_->resultLabel->text(); }

void ConnectDialog::showResult(bool ok, const QString &text)
{
    ui_->resultLabel->setText(text);
    ui_->resultLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

void ConnectDialog::accept()
{
    // Refuse what libpq cannot parse before the dialog closes: nothing is lost.
    if (const QString problem = ui_->connectionFields->problem(); !problem.isEmpty()) {
        showResult(false, problem);
        ui_->connectionFields->setFocus();
        return;
    }
    if (ui_->schemaEdit->text().trimmed().isEmpty()) {
        showResult(false, tr("The catalog schema name is empty."));
        ui_->schemaEdit->setFocus();
        return;
    }
    QDialog::accept();
}

void ConnectDialog::offerInstall(const mimeo::catalog::CatalogState &c)
{
    if (c.upToDate() || (c.schemaExists && !c.presentTables.empty() && !c.mimeoTablesComplete())) {
        // Up to date, or a partial catalog that no install can complete safely.
        ui_->installButton->hide();
        return;
    }
    if (c.mimeoTablesComplete() && c.studioVersion == 0)
        ui_->installButton->setText(tr("&Adopt mimeo Install…"));
    else if (c.mimeoTablesComplete())
        ui_->installButton->setText(tr("&Upgrade Catalog…"));
    else
        ui_->installButton->setText(tr("&Install Catalog…"));
    ui_->installButton->show();
}

void ConnectDialog::testConnection()
{
    if (testing_)
        return;
    const QString problem = ui_->connectionFields->problem();
    if (!problem.isEmpty()) {
        showResult(false, problem);
        emit testFinished(false);
        return;
    }
    testing_ = true;
    probe_.reset();
    ui_->testButton->setEnabled(false);
    ui_->installButton->hide();
    showResult(true, tr("Connecting…"));
    const DestinationTarget t = target();
    auto *task = BackgroundTask::start([t] {
        auto conn = t.connect("test-connection", kTestTimeoutSeconds);
        return QVariant::fromValue(mimeo::catalog::probeDestination(conn, t.schema.toStdString()));
    });
    auto done = [this] {
        testing_ = false;
        ui_->testButton->setEnabled(true);
    };
    connect(task, &BackgroundTask::finished, this, [this, done](const QVariant &v) {
        done();
        const auto p = v.value<mimeo::catalog::DestinationProbe>();
        probe_ = p;
        const auto &c = p.catalog;
        const QString schema = QString::fromStdString(c.schema);
        QString catalog;
        if (c.upToDate())
            catalog = tr("catalog in schema %1 is installed").arg(schema);
        else if (c.mimeoTablesComplete() && c.studioVersion == 0 && c.extensionOwnsSchema())
            catalog = tr("the mimeo extension (%1) is installed in schema %2; Mimeo Studio can adopt it")
                          .arg(QString::fromStdString(c.extensionVersion), schema);
        else if (c.mimeoTablesComplete() && c.studioVersion == 0)
            catalog = tr("mimeo catalog in schema %1 found; Mimeo Studio's tables not installed yet").arg(schema);
        else if (c.mimeoTablesComplete())
            catalog = tr("catalog in schema %1 needs an upgrade").arg(schema);
        else if (!c.presentTables.empty())
            catalog = tr("schema %1 holds only part of mimeo's catalog").arg(schema);
        else
            catalog = tr("no catalog in schema %1").arg(schema);
        showResult(true, tr("Connected: PostgreSQL %1, %2; %3.")
                             .arg(QString::fromStdString(p.serverVersion), p.standby ? tr("standby") : tr("primary"), catalog));
        offerInstall(c);
        emit testFinished(true);
    });
    connect(task, &BackgroundTask::failedWith, this, [this, done](const TaskError &error) {
        done();
        if (error.passwordNeeded)
            showResult(false, tr("The server asks for a password: enter it above.\n%1").arg(error.message));
        else
            showResult(false, error.message);
        emit testFinished(false);
    });
}

void ConnectDialog::installCatalog()
{
    CatalogInstallDialog dialog(target(), this);
    connect(&dialog, &CatalogInstallDialog::installed, this, &ConnectDialog::catalogInstalled);
    dialog.exec();
    if (dialog.wasInstalled())
        testConnection(); // show the new state
}
