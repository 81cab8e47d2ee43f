// SPDX-License-Identifier: PostgreSQL
#include "history_model.h"

#include "jobs_model.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QDateTime parse(const std::string &iso) { return QDateTime::fromString(q(iso), Qt::ISODateWithMs); }

} // namespace

QString localTime(const std::string &iso)
{
    const QDateTime t = parse(iso);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : q(iso);
}

QString formatChanges(const mimeo::jobs::JobRecord &j)
{
    if (!j.rowsInserted || !j.rowsUpdated || !j.rowsDeleted)
        return {};
    const QLocale l;
    return HistoryModel::tr("+%1 ~%2 −%3", "rows inserted, updated, deleted")
        .arg(l.toString(*j.rowsInserted), l.toString(*j.rowsUpdated), l.toString(*j.rowsDeleted));
}

QString describeChanges(const mimeo::jobs::JobRecord &j)
{
    if (!j.rowsInserted || !j.rowsUpdated || !j.rowsDeleted)
        return {};
    const QLocale l;
    return HistoryModel::tr("%1 inserted, %2 updated, %3 deleted")
        .arg(l.toString(*j.rowsInserted), l.toString(*j.rowsUpdated), l.toString(*j.rowsDeleted));
}

HistoryModel::HistoryModel(PageReader reader, QObject *parent)
    : PagedModel(parent)
    , reader_(std::move(reader))
{
}

void HistoryModel::setFilter(const mimeo::jobs::JobFilter &filter)
{
    filter_ = filter;
    startOver();
}

void HistoryModel::readPage(bool first, LatestTask::Ticket ticket)
{
    const std::optional<long long> before = rows_.empty() ? std::nullopt : std::optional<long long>(rows_.back().jobId);
    reader_(filter_, before, kPageSize, [this, ticket, first](std::vector<mimeo::jobs::JobRecord> page) {
        const bool more = static_cast<int>(page.size()) == kPageSize;
        pageArrived(ticket, first, std::move(page), more);
    }, [this, ticket](const TaskError &e) { pageFailed(ticket, e.message); });
}

int HistoryModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &j = rows_[static_cast<size_t>(index.row())];
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (j.status == "failed" || j.status == "abandoned")
            return QColor(0xb0, 0x00, 0x20);
        if (j.status == "ok")
            return QColor(0x1b, 0x7f, 0x3b);
        if (j.status == "skipped" || j.status == "cancelled")
            return QColor(0xb0, 0x60, 0x00);
        return {};
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == RowsColumn || index.column() == DurationColumn || index.column() == ChangesColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return q(j.error.value_or(j.reason.value_or(std::string())));
    if (role == Qt::ToolTipRole && index.column() == ChangesColumn)
        return describeChanges(j);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StartedColumn: return localTime(j.startedAt);
    case TableColumn: return q(j.destTable);
    case ActionColumn: return q(j.action);
    case StatusColumn: return q(j.status);
    case DurationColumn:
        if (!j.finishedAt)
            return {};
        return formatDuration(parse(j.startedAt).msecsTo(parse(*j.finishedAt)));
    case RowsColumn: return j.rows ? QLocale().toString(static_cast<qlonglong>(*j.rows)) : QString();
    case ChangesColumn: return formatChanges(j);
    case OriginColumn: return q(j.origin);
    case HostColumn: return q(j.host.value_or(std::string()));
    case MessageColumn: {
        QString m = q(j.error.value_or(j.reason.value_or(std::string())));
        return m.section(QLatin1Char('\n'), 0, 0);
    }
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == ChangesColumn)
        return tr("Rows the refresh inserted (+), updated (~) and deleted (−), where the engine counts them");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn: return tr("Started");
    case TableColumn: return tr("Table");
    case ActionColumn: return tr("Action");
    case StatusColumn: return tr("Status");
    case DurationColumn: return tr("Duration");
    case RowsColumn: return tr("Rows");
    case ChangesColumn: return tr("Changes");
    case OriginColumn: return tr("Origin");
    case HostColumn: return tr("Host");
    case MessageColumn: return tr("Error or reason");
    }
    return {};
}
