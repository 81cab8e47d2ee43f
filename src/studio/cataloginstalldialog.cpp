// SPDX-License-Identifier: PostgreSQL
#include "cataloginstalldialog.h"

#include "background_task.h"
#include "catalog/installer.h"
#include "ui_cataloginstalldialog.h"

#include <QPushButton>

namespace {

struct InstallPlan {
    mimeo::catalog::CatalogState state;
    std::vector<mimeo::catalog::InstallStep> steps;
};

} // namespace

Q_DECLARE_METATYPE(InstallPlan)

CatalogInstallDialog::CatalogInstallDialog(const DestinationTarget &target, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::CatalogInstallDialog>())
    , target_(target)
{
    ui_->setupUi(this);
    installButton_ = ui_->buttonBox->addButton(tr("&Install"), QDialogButtonBox::ActionRole);
    installButton_->setObjectName(QStringLiteral("installButton"));
    installButton_->setEnabled(false);
    connect(installButton_, &QPushButton::clicked, this, &CatalogInstallDialog::install);
    loadPlan();
}

CatalogInstallDialog::~CatalogInstallDialog() = default;

QString CatalogInstallDialog::resultText() const { return ui_->resultLabel->text(); }

int CatalogInstallDialog::stepCount() const { return ui_->stepsList->count(); }

void CatalogInstallDialog::loadPlan()
{
    const DestinationTarget t = target_;
    auto *task = BackgroundTask::start([t] {
        auto conn = t.connect("catalog-plan");
        InstallPlan plan;
        plan.state = mimeo::catalog::inspectCatalog(conn, t.schema.toStdString());
        plan.steps = mimeo::catalog::planInstall(plan.state);
        return QVariant::fromValue(plan);
    });
    connect(task, &BackgroundTask::finished, this, [this](const QVariant &v) {
        const auto plan = v.value<InstallPlan>();
        const auto &st = plan.state;
        const QString schema = QString::fromStdString(st.schema);
        if (plan.steps.empty())
            ui_->summaryLabel->setText(tr("The catalog in schema %1 is up to date; nothing to do.").arg(schema));
        else if (st.mimeoTablesComplete() && st.extensionOwnsSchema())
            ui_->summaryLabel->setText(
                tr("Schema %1 holds the mimeo extension %2. Mimeo Studio adopts it as it is: mimeo's tables stay "
                   "untouched and only Mimeo Studio's own tables are added beside them.")
                    .arg(schema, QString::fromStdString(st.extensionVersion)));
        else if (st.mimeoTablesComplete())
            ui_->summaryLabel->setText(tr("Schema %1 holds mimeo's tables; these steps add or upgrade Mimeo Studio's "
                                          "own tables beside them.").arg(schema));
        else
            ui_->summaryLabel->setText(tr("These steps create the catalog in schema %1, in one transaction.").arg(schema));
        QString sql;
        for (const auto &s : plan.steps) {
            ui_->stepsList->addItem(QString::fromStdString(s.description));
            sql += QStringLiteral("-- %1\n%2\n\n").arg(QString::fromStdString(s.description), QString::fromStdString(s.sql).trimmed());
        }
        ui_->sqlView->setPlainText(sql);
        installButton_->setEnabled(!plan.steps.empty());
        planSettled_ = true;
        emit planReady(true);
    });
    connect(task, &BackgroundTask::failed, this, [this](const QString &error) {
        ui_->summaryLabel->setText(tr("The catalog cannot be installed here."));
        ui_->resultLabel->setText(error);
        ui_->resultLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
        planSettled_ = true;
        emit planReady(false);
    });
}

void CatalogInstallDialog::install()
{
    installButton_->setEnabled(false);
    ui_->resultLabel->setText(tr("Installing…"));
    const DestinationTarget t = target_;
    auto *task = BackgroundTask::start([t] {
        auto conn = t.connect("catalog-install");
        const auto report = mimeo::catalog::installCatalog(conn, t.schema.toStdString());
        return QVariant(static_cast<int>(report.applied.size()));
    });
    connect(task, &BackgroundTask::finished, this, [this](const QVariant &v) {
        installed_ = true;
        ui_->resultLabel->setStyleSheet(QString());
        ui_->resultLabel->setText(tr("Done: %n step(s) applied.", nullptr, v.toInt()));
        emit installed();
    });
    connect(task, &BackgroundTask::failed, this, [this](const QString &error) {
        ui_->resultLabel->setText(error);
        ui_->resultLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
        installButton_->setEnabled(true);
        emit installFailed(error);
    });
}
