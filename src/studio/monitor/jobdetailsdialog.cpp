// SPDX-License-Identifier: PostgreSQL
#include "jobdetailsdialog.h"

#include "history_model.h"
#include "jobs/error_advice.h"
#include "task_runner.h"
#include "ui_jobdetailsdialog.h"

#include <QHeaderView>
#include <QLocale>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// "<br>Rows: 6 (2 inserted, 3 updated, 1 deleted)", the counts where known.
QString rowsLine(const mimeo::jobs::JobRecord &job)
{
    if (!job.rows)
        return {};
    const QString changes = describeChanges(job);
    const QString rows = QLocale().toString(*job.rows);
    return QStringLiteral("<br>")
        + (changes.isEmpty() ? JobDetailsDialog::tr("Rows: %1").arg(rows) : JobDetailsDialog::tr("Rows: %1 (%2)").arg(rows, changes));
}

} // namespace

JobDetailsDialog::JobDetailsDialog(DestinationService *service, const mimeo::jobs::JobRecord &job, QWidget *parent)
    : QDialog(parent)
    , ui_(std::make_unique<Ui::JobDetailsDialog>())
{
    ui_->setupUi(this);
    setWindowTitle(tr("Job %1 – %2").arg(job.jobId).arg(q(job.destTable)));
    ui_->summaryLabel->setText(tr("<b>%1</b> of %2 (%3): <b>%4</b><br>started %5%6 by %7%8")
                                   .arg(q(job.action).toHtmlEscaped(), q(job.destTable).toHtmlEscaped(),
                                        q(job.type.value_or("?")).toHtmlEscaped(), q(job.status).toHtmlEscaped(),
                                        localTime(job.startedAt),
                                        job.finishedAt ? tr(", finished %1").arg(localTime(*job.finishedAt)) : QString(),
                                        q(job.origin).toHtmlEscaped(),
                                        job.host ? tr(" on %1").arg(q(*job.host).toHtmlEscaped()) : QString())
                               + rowsLine(job));
    if (job.error) {
        ui_->errorLabel->setText(tr("<b>Error</b> on the %1%2: %3")
                                     .arg(q(job.errorSide.value_or("?")).toHtmlEscaped(),
                                          job.errorSqlstate ? tr(", SQLSTATE %1").arg(q(*job.errorSqlstate)) : QString(),
                                          q(*job.error).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
        ui_->errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
        const auto fix = mimeo::jobs::suggestFix(job.errorSqlstate.value_or(""), job.errorSide.value_or(""), *job.error);
        ui_->fixLabel->setText(fix ? tr("<b>What to do:</b> %1").arg(q(*fix).toHtmlEscaped()) : QString());
    } else if (job.reason) {
        ui_->errorLabel->setText(tr("<b>Reason:</b> %1").arg(q(*job.reason).toHtmlEscaped()));
    }
    ui_->fixLabel->setVisible(!ui_->fixLabel->text().isEmpty());
    ui_->errorLabel->setVisible(!ui_->errorLabel->text().isEmpty());
    ui_->stepsTree->header()->setStretchLastSection(true);
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const DestinationTarget t = service->target();
    const long long id = job.jobId;
    runTask(this, [t, id] {
        auto conn = t.connect("job-steps");
        return mimeo::jobs::jobSteps(conn, t.schema.toStdString(), id);
    }, [this](const std::vector<mimeo::jobs::JobStep> &steps) {
        for (const auto &s : steps)
            new QTreeWidgetItem(ui_->stepsTree, {QString::number(s.stepNo), localTime(s.at), q(s.status), q(s.message)});
        for (int c = 0; c < 3; ++c)
            ui_->stepsTree->resizeColumnToContents(c);
        emit stepsLoaded(true);
    }, [this](const TaskError &e) {
        new QTreeWidgetItem(ui_->stepsTree, {QString(), QString(), tr("error"), e.message});
        emit stepsLoaded(false);
    });
}

JobDetailsDialog::~JobDetailsDialog() = default;

QString JobDetailsDialog::summaryText() const { return ui_->summaryLabel->text(); }
QString JobDetailsDialog::errorText() const { return ui_->errorLabel->text(); }
QString JobDetailsDialog::fixText() const { return ui_->fixLabel->text(); }
int JobDetailsDialog::stepCount() const { return ui_->stepsTree->topLevelItemCount(); }
