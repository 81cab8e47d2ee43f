// SPDX-License-Identifier: PostgreSQL
#include "destroydialog.h"

#include "accessible_names.h"
#include "catalog/replication_types.h"
#include "password_store.h"
#include "replication/rehearsal.h"
#include "ui_destroydialog.h"
#include "wizard_summary_page.h"

#include <QFontDatabase>
#include <QMessageBox>
#include <QPushButton>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

DestroyDialog::DestroyDialog(DestinationService *service, const QString &destTable, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::DestroyDialog>())
    , service_(service)
    , destTable_(destTable)
{
    ui_->setupUi(this);
    setWindowTitle(tr("Destroy Replication – %1").arg(destTable));
    destroyButton_ = ui_->buttons->addButton(tr("&Destroy"), QDialogButtonBox::DestructiveRole);
    destroyButton_->setEnabled(false);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    ui_->destinationSql->setFont(fixed);
    ui_->sourceSql->setFont(fixed);
    QString type;
    QString sourceTable;
    for (const auto &t : service_->snapshot().tables)
        if (q(t.destTable) == destTable) {
            type = q(t.type);
            sourceTable = q(t.sourceTable);
            sourceId_ = t.dataSourceId;
        }
    ui_->introLabel->setText(tr("Stop replicating %1 (type %2, from %3 on source %4). Its row leaves the catalog.")
                                 .arg(destTable, type, sourceTable)
                                 .arg(sourceId_));
    const auto *described = mimeo::catalog::findType(type.toStdString());
    const bool queue = described && described->family == mimeo::catalog::TypeFamily::Queue;
    ui_->sourceLabel->setText(
        queue ? tr("On the source, the trigger on %1, its trigger function and the queue table are removed, with any "
                   "changes still queued. The source's role must own %1 (or be a member of its owner) to drop the "
                   "trigger; otherwise the destroy stops and names the statements for the owner to run.")
                    .arg(sourceTable)
              : tr("Nothing is changed on the source."));
    ui_->sourceTab->setEnabled(queue);
    connect(ui_->keepRadio, &QRadioButton::toggled, this, &DestroyDialog::preview);
    connect(destroyButton_, &QPushButton::clicked, this, &DestroyDialog::destroyNow);
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &DestroyDialog::reject);
    nameFieldsByTheirLabels(this);
    preview();
}

DestroyDialog::~DestroyDialog() = default;

void DestroyDialog::setKeepTable(bool keep) { (keep ? ui_->keepRadio : ui_->dropRadio)->setChecked(true); }
QString DestroyDialog::destinationSql() const { return ui_->destinationSql->toPlainText(); }
QString DestroyDialog::sourceSql() const { return ui_->sourceSql->toPlainText(); }
QString DestroyDialog::statusText() const { return ui_->statusLabel->text(); }

void DestroyDialog::startRun(EngineRun *run, bool keep, std::shared_ptr<mimeo::pg::StatementLog> rehearsalLog)
{
    const std::string table = destTable_.toStdString();
    EngineRun::Work work = [table, keep, rehearsalLog](mimeo::pg::Connection &dest, mimeo::replication::RunContext &ctx) {
        if (!rehearsalLog)
            return mimeo::replication::destroy(dest, table, keep, ctx);
        auto rehearsal = mimeo::replication::rehearseDestroy(dest, table, keep, ctx);
        for (auto &s : rehearsal.statements)
            rehearsalLog->append(std::move(s));
        if (rehearsal.error)
            throw *rehearsal.error;
        return rehearsal.result;
    };
    // dml and logdel reach the source.
    startWithSourcePassword(run, service_, sourceId_, std::move(work));
}

void DestroyDialog::preview()
{
    if (run_)
        return;
    previewSettled_ = false;
    destroyButton_->setEnabled(false);
    ui_->statusLabel->setText(tr("Rehearsing the destroy…"));
    ui_->statusLabel->setStyleSheet(QString());
    delete previewRun_;
    previewRun_ = new EngineRun(service_->target(), "destroy-rehearsal", this);
    auto log = std::make_shared<mimeo::pg::StatementLog>();
    previewRun_->setStatementLog(log, true);
    auto show = [this, log](bool ok, const QString &status) {
        const auto statements = log->statements();
        ui_->destinationSql->setPlainText(statementsText(statements, mimeo::pg::Side::Destination, false));
        ui_->sourceSql->setPlainText(statementsText(statements, mimeo::pg::Side::Source, false));
        ui_->statusLabel->setText(status);
        ui_->statusLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
        previewSettled_ = true;
        destroyButton_->setEnabled(ok);
        emit previewReady(ok);
    };
    connect(previewRun_, &EngineRun::finished, this, [show](const mimeo::replication::RunResult &) {
        show(true, tr("This is what Destroy runs (a rehearsal: nothing was changed)."));
    });
    connect(previewRun_, &EngineRun::failed, this, [show](const TaskError &e) {
        show(false, tr("The destroy would fail: %1").arg(e.message));
    });
    startRun(previewRun_, ui_->keepRadio->isChecked(), log);
}

void DestroyDialog::destroyNow()
{
    if (run_ || !previewSettled_)
        return;
    const bool keep = ui_->keepRadio->isChecked();
    ui_->keepRadio->setEnabled(false);
    ui_->dropRadio->setEnabled(false);
    destroyButton_->setEnabled(false);
    ui_->buttons->button(QDialogButtonBox::Close)->setText(tr("&Stop"));
    ui_->statusLabel->setText(tr("Destroying %1…").arg(destTable_));
    run_ = new EngineRun(service_->target(), "destroy", this);
    auto done = [this](bool ok, const QString &text) {
        run_->deleteLater();
        run_ = nullptr;
        destroyed_ = ok;
        ui_->statusLabel->setText(text);
        ui_->statusLabel->setStyleSheet(ok ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b00020;"));
        ui_->buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
        if (ok)
            service_->catalogChanged();
        else {
            ui_->keepRadio->setEnabled(true);
            ui_->dropRadio->setEnabled(true);
            destroyButton_->setEnabled(true);
        }
        emit destroyFinished(ok);
    };
    connect(run_, &EngineRun::finished, this, [this, done](const mimeo::replication::RunResult &r) {
        if (r.outcome == mimeo::replication::Outcome::Locked)
            done(false, tr("Another process holds %1; nothing was destroyed.").arg(destTable_));
        else
            done(true, tr("Destroyed: %1").arg(q(r.message)));
    });
    connect(run_, &EngineRun::failed, this, [this, done](const TaskError &e) {
        done(false, run_->cancelRequested() ? tr("Stopped: nothing was destroyed.")
                                            : tr("The destroy failed and nothing was changed: %1").arg(e.message));
    });
    startRun(run_, keep, nullptr);
}

void DestroyDialog::reject()
{
    // Close while it runs means stop: the dialog closes once the engine rolled back.
    if (run_) {
        connect(this, &DestroyDialog::destroyFinished, this, [this] { QDialog::reject(); }, Qt::SingleShotConnection);
        run_->cancel();
        return;
    }
    QDialog::reject();
}
