// SPDX-License-Identifier: PostgreSQL
#include "jobs_model.h"

#include "job_service.h"
#include "source_tables_model.h"

#include <QColor>
#include <QLocale>

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return JobsModel::tr("%1 s").arg(s);
    return JobsModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

JobsModel::JobsModel(JobService *jobs, QObject *parent)
    : QAbstractTableModel(parent)
    , jobs_(jobs)
{
    connect(jobs_, &JobService::jobAdded, this, [this](int row) {
        beginInsertRows({}, row, row);
        endInsertRows();
    });
    connect(jobs_, &JobService::jobChanged, this,
            [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
    connect(jobs_, &JobService::jobsRemoved, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(jobs_->jobs().size());
}

int JobsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString JobsModel::outcome(const JobRecord &job) const
{
    if (job.state == JobRecord::State::Failed) {
        // Which server refused, its SQLSTATE, and its words.
        const QString side = job.error.side == mimeo::pg::Side::Source ? tr("source")
            : job.error.side == mimeo::pg::Side::Destination           ? tr("destination")
                                                                        : tr("application");
        return job.error.sqlstate.isEmpty() ? tr("%1: %2").arg(side, job.message)
                                            : tr("%1, SQLSTATE %2: %3").arg(side, job.error.sqlstate, job.message);
    }
    return job.message;
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const JobRecord &job = jobs_->jobs()[static_cast<size_t>(index.row())];
    const EngineProgress &p = job.progress;
    const QLocale l;
    if (role == JobIdRole)
        return job.id;
    if (role == ActiveRole)
        return job.active();
    if (role == PercentRole) {
        if (job.state == JobRecord::State::Done)
            return 100;
        if (p.estimatedRows > 0)
            return static_cast<int>(std::min<qint64>(100, 100 * p.rows / p.estimatedRows));
        return job.state == JobRecord::State::Running ? -1 : 0; // -1: busy, amount unknown
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return outcome(job);
    if (role == Qt::ToolTipRole && index.column() == TableColumn)
        return tr("%1 (%2) in %3").arg(job.destTable, job.type, job.destinationName);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (job.state) {
        case JobRecord::State::Failed: return QColor(0xb0, 0x00, 0x20);
        case JobRecord::State::Busy:
        case JobRecord::State::Cancelled: return QColor(0xb0, 0x60, 0x00);
        case JobRecord::State::Done: return QColor(0x1b, 0x7f, 0x3b);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == RowsColumn || index.column() == RateColumn
                                          || index.column() == ElapsedColumn || index.column() == LeftColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const qint64 elapsed = job.startedAt.isValid()
        ? (job.endedAt.isValid() ? job.startedAt.msecsTo(job.endedAt) : job.startedAt.msecsTo(QDateTime::currentDateTime()))
        : -1;
    switch (index.column()) {
    case TableColumn: return job.destTable;
    case ActionColumn:
        // Where it runs: a job handed to a runner names it once one took it.
        if (!job.onRunner)
            return jobActionName(job.action);
        return job.runner.isEmpty() ? tr("%1 on the server's runner").arg(jobActionName(job.action))
                                    : tr("%1 on runner %2").arg(jobActionName(job.action), job.runner);
    case StateColumn: return jobStateName(job.state);
    case ProgressColumn:
        if (job.finished())
            return jobStateName(job.state);
        if (job.onRunner && job.runner.isEmpty())
            return tr("waiting for a runner");
        return p.phase;
    case RowsColumn:
        // A job on a runner has rows once the runner started its job.
        if (job.state == JobRecord::State::Queued || (job.onRunner && !job.runnerJobId))
            return {};
        return p.estimatedRows > 0 ? tr("%1 of %2").arg(l.toString(p.rows), l.toString(p.estimatedRows)) : l.toString(p.rows);
    case RateColumn:
        // A validation reads both sides but copies nothing: no rate to show.
        if (job.state == JobRecord::State::Queued || (job.onRunner && !job.runnerJobId) || job.action == JobRecord::Action::Validate)
            return {};
        return p.rowsPerSecond > 0 ? tr("%1 rows/s, %2").arg(l.toString(qRound64(p.rowsPerSecond)), formatBytes(p.bytes)) : formatBytes(p.bytes);
    case ElapsedColumn: return formatDuration(elapsed);
    case LeftColumn: return job.active() ? formatDuration(p.remainingMs) : QString();
    case CancelColumn: return job.active() ? tr("Cancel") : QString();
    case MessageColumn: return outcome(job);
    }
    return {};
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TableColumn: return tr("Table");
    case ActionColumn: return tr("Action");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case RowsColumn: return tr("Rows");
    case RateColumn: return tr("Rate");
    case ElapsedColumn: return tr("Elapsed");
    case LeftColumn: return tr("Left");
    case CancelColumn: return QString();
    case MessageColumn: return tr("Outcome");
    }
    return {};
}
