#include "connectdialog.h"

#include "background_task.h"
#include "pg/conninfo.h"
#include "ui_connectdialog.h"

#include <QPushButton>

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::ConnectDialog>())
{
    ui_->setupUi(this);
    connect(ui_->testButton, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(ui_->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
}

ConnectDialog::~ConnectDialog() = default;

DestinationTarget ConnectDialog::target() const
{
    DestinationTarget t;
    t.conninfo = ui_->conninfoEdit->text().trimmed();
    t.schema = ui_->schemaEdit->text().trimmed();
    if (!ui_->passwordEdit->text().isEmpty())
        t.password = ui_->passwordEdit->text();
    return t;
}

void ConnectDialog::setTarget(const DestinationTarget &target)
{
    ui_->conninfoEdit->setText(target.conninfo);
    ui_->schemaEdit->setText(target.schema);
    ui_->passwordEdit->setText(target.password.value_or(QString()));
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
    try {
        mimeo::pg::parseConninfo(ui_->conninfoEdit->text().trimmed().toStdString());
    } catch (const std::exception &e) {
        showResult(false, QString::fromStdString(e.what()));
        ui_->conninfoEdit->setFocus();
        return;
    }
    if (ui_->schemaEdit->text().trimmed().isEmpty()) {
        showResult(false, tr("The catalog schema name is empty."));
        ui_->schemaEdit->setFocus();
        return;
    }
    QDialog::accept();
}

void ConnectDialog::testConnection()
{
    if (testing_)
        return;
    testing_ = true;
    ui_->testButton->setEnabled(false);
    showResult(true, tr("Connecting…"));
    const DestinationTarget t = target();
    auto *task = BackgroundTask::start([t] {
        auto conn = t.connect("test-connection");
        return QVariant::fromValue(mimeo::catalog::probeDestination(conn, t.schema.toStdString()));
    });
    auto done = [this] {
        testing_ = false;
        ui_->testButton->setEnabled(true);
    };
    connect(task, &BackgroundTask::finished, this, [this, done](const QVariant &v) {
        done();
        const auto p = v.value<mimeo::catalog::DestinationProbe>();
        const auto &c = p.catalog;
        QString catalog;
        if (c.upToDate())
            catalog = tr("catalog in schema %1 is installed").arg(QString::fromStdString(c.schema));
        else if (c.mimeoTablesComplete() && c.studioVersion == 0)
            catalog = tr("mimeo catalog in schema %1 found; Mimeo Studio's tables not installed yet")
                          .arg(QString::fromStdString(c.schema));
        else if (c.mimeoTablesComplete())
            catalog = tr("catalog in schema %1 needs an upgrade").arg(QString::fromStdString(c.schema));
        else
            catalog = tr("no catalog in schema %1").arg(QString::fromStdString(c.schema));
        showResult(true, tr("Connected: PostgreSQL %1, %2; %3.")
                             .arg(QString::fromStdString(p.serverVersion), p.standby ? tr("standby") : tr("primary"), catalog));
        emit testFinished(true);
    });
    connect(task, &BackgroundTask::failed, this, [this, done](const QString &error) {
        done();
        showResult(false, error);
        emit testFinished(false);
    });
}
