// SPDX-License-Identifier: PostgreSQL
#include "jobs_panel.h"

#include "accessible_names.h"
#include "destination_registry.h"
#include "job_service.h"
#include "jobs_delegate.h"
#include "jobs_model.h"
#include "ui_jobspanel.h"

#include <QHeaderView>
#include <QTimer>

JobsPanel::JobsPanel(JobService *jobs, DestinationRegistry *registry, QWidget *parent)
    : QWidget(parent)
    , ui_(std::make_unique<Ui::JobsPanel>())
    , jobs_(jobs)
    , registry_(registry)
    , model_(new JobsModel(jobs, this))
{
    ui_->setupUi(this);
    ui_->jobsView->setModel(model_);
    auto *delegate = new JobsDelegate(this);
    ui_->jobsView->setItemDelegate(delegate);
    ui_->jobsView->verticalHeader()->hide();
    ui_->jobsView->verticalHeader()->setDefaultSectionSize(ui_->jobsView->fontMetrics().height() + 8);
    auto *header = ui_->jobsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(JobsModel::ProgressColumn, QHeaderView::Interactive);
    header->resizeSection(JobsModel::ProgressColumn, 200);
    header->setStretchLastSection(true);
    ui_->workersSpin->setValue(jobs_->maxRunning());
    connect(ui_->workersSpin, &QSpinBox::valueChanged, jobs_, &JobService::setMaxRunning);
    connect(delegate, &JobsDelegate::cancelClicked, jobs_, &JobService::cancel);
    connect(ui_->cancelAllButton, &QPushButton::clicked, jobs_, &JobService::cancelAll);
    connect(ui_->clearButton, &QPushButton::clicked, jobs_, &JobService::clearFinished);
    connect(ui_->waitButton, &QPushButton::clicked, this, &JobsPanel::waitForLock);
    connect(ui_->jobsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPanel::updateSummary);
    for (auto signal : {&JobService::jobAdded, &JobService::jobChanged})
        connect(jobs_, signal, this, &JobsPanel::updateSummary);
    connect(jobs_, &JobService::jobsRemoved, this, &JobsPanel::updateSummary);
    // Elapsed time moves on between progress reports.
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, [this] {
        for (int r = 0; r < model_->rowCount(); ++r)
            if (model_->index(r, 0).data(JobsModel::ActiveRole).toBool())
                emit model_->dataChanged(model_->index(r, JobsModel::ElapsedColumn), model_->index(r, JobsModel::ElapsedColumn));
    });
    tick->start();
    nameFieldsByTheirLabels(this);
    ui_->jobsView->setAccessibleName(tr("Jobs"));
    updateSummary();
}

JobsPanel::~JobsPanel() = default;

QTableView *JobsPanel::view() const { return ui_->jobsView; }

void JobsPanel::updateSummary()
{
    const int active = jobs_->activeCount();
    // Jobs on a runner run there, without a worker of ours: counted apart.
    const int onRunner = active - jobs_->activeHereCount();
    const int queued = jobs_->activeHereCount() - jobs_->runningCount();
    if (active == 0)
        ui_->summaryLabel->setText(tr("No job running."));
    else if (onRunner == 0)
        ui_->summaryLabel->setText(tr("%1 running, %2 queued").arg(jobs_->runningCount()).arg(queued));
    else
        ui_->summaryLabel->setText(tr("%1 running, %2 queued, %3 on a runner").arg(jobs_->runningCount()).arg(queued).arg(onRunner));
    ui_->cancelAllButton->setEnabled(active > 0);
    // Waiting for the lock is this computer's: a runner reports a busy
    // table with its holder (as `mimeo refresh --runner` exits 3), and
    // waiting here would pull the rows through this computer after all.
    bool busySelected = false;
    for (const QModelIndex &i : ui_->jobsView->selectionModel()->selectedRows()) {
        const JobRecord &job = jobs_->jobs()[static_cast<size_t>(i.row())];
        busySelected = busySelected || (job.state == JobRecord::State::Busy && !job.onRunner);
    }
    ui_->waitButton->setEnabled(busySelected);
}

void JobsPanel::waitForLock()
{
    for (const QModelIndex &i : ui_->jobsView->selectionModel()->selectedRows()) {
        const JobRecord job = jobs_->jobs()[static_cast<size_t>(i.row())];
        if (job.state != JobRecord::State::Busy || job.onRunner)
            continue;
        if (DestinationService *service = registry_->find(job.destinationKey))
            jobs_->enqueue(service, job.destTable, job.action == JobRecord::Action::Due ? JobRecord::Action::Refresh : job.action, true);
    }
}
